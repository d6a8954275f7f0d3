"""Word revisions: inserted, deleted and moved text, paragraph marks and property changes.

WordprocessingML keeps both versions in one document (ECMA-376 Part 1, §17.13.5): text
inside ``w:ins`` exists only once accepted, text inside ``w:del`` (as ``w:delText``) only
until accepted; ``w:moveFrom`` and ``w:moveTo`` are the two ends of a move, each between
range markers named alike. A paragraph's own mark (its end) carries the same marks in
``w:pPr/w:rPr``: an inserted paragraph goes away entirely when rejected, a deleted one
when accepted. A changed paragraph style is ``w:pPrChange`` holding the old properties.

:mod:`.worddiff` puts one paragraph's two versions together word by word.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Literal

from docx.oxml.ns import qn
from lxml import etree

from cstd_docs.writers.docx.oxml.build import PPR_ORDER, Element, make, put_in_order

__all__ = ["Mark", "Revisions"]

Mark = Literal["w:ins", "w:del", "w:moveFrom", "w:moveTo"]

_RPR, _PPR, _HYPERLINK = qn("w:rPr"), qn("w:pPr"), qn("w:hyperlink")
_TEXT_TO_DELETED = {qn("w:t"): qn("w:delText"), qn("w:instrText"): qn("w:delInstrText")}
#: Properties a paragraph mark may not take inside ``w:pPrChange`` (CT_PPrBase has none of them).
_NOT_IN_CHANGE = {qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange")}


class Revisions:
    """Makes revision elements with one author and date, and ids unique in the package."""

    def __init__(self, author: str, date: str) -> None:
        self.author = author
        self.date = date
        self._id = 0

    def next_id(self) -> int:
        self._id += 1
        return self._id

    def attributes(self) -> dict[str, str | int]:
        return {"w:id": self.next_id(), "w:author": self.author, "w:date": self.date}

    def wrap(self, mark: Mark, runs: Iterable[Element]) -> Element:
        """``runs`` inside one revision; deleted text becomes ``w:delText``."""
        wrapper = make(mark, self.attributes())
        for r in runs:
            if mark == "w:del":
                for child in r.iter(*_TEXT_TO_DELETED):
                    child.tag = _TEXT_TO_DELETED[str(child.tag)]
            wrapper.append(r)
        return wrapper

    def mark_paragraph(self, p: Element, mark: Mark) -> None:
        """The paragraph mark itself inserted, deleted or moved."""
        properties = p.find(_PPR)
        if properties is None:
            properties = make("w:pPr")
            p.insert(0, properties)
        run_properties = properties.find(_RPR)
        if run_properties is None:
            run_properties = put_in_order(properties, make("w:rPr"), PPR_ORDER)
        run_properties.insert(0, make(mark, self.attributes()))

    def whole(self, p: Element, mark: Mark, *, mark_end: bool = True) -> Element:
        """Every run of ``p`` and its mark under one revision (a paragraph added, removed, moved).

        ``mark_end=False`` leaves the paragraph mark alone: a note's only paragraph goes with its note mark.
        """
        content = [child for child in p if child.tag != _PPR]
        for child in content:
            p.remove(child)
        # A link's runs go in as they are: w:ins and w:del may not hold a w:hyperlink, and LibreOffice
        # and pandoc drop the text of a revision inside one. The redline shows the words; the clean
        # rendering keeps the link.
        runs = [r for child in content for r in (list(child) if child.tag == _HYPERLINK else [child])]
        if runs:
            p.append(self.wrap(mark, runs))
        if mark_end:
            self.mark_paragraph(p, mark)
        return p

    def move_range(self, paragraphs: list[Element], mark: Literal["w:moveFrom", "w:moveTo"], name: str) -> None:
        """Range markers named ``name`` around moved paragraphs (inside the first and the last)."""
        if not paragraphs:
            return
        ident = self.next_id()
        start = make(f"{mark}RangeStart", {"w:id": ident, "w:author": self.author, "w:date": self.date,
                                           "w:name": name})
        first = paragraphs[0]
        properties = first.find(_PPR)
        first.insert(1 if properties is not None else 0, start)
        paragraphs[-1].append(make(f"{mark}RangeEnd", {"w:id": ident}))

    def property_change(self, new: Element, old: Element) -> None:
        """``w:pPrChange`` in ``new`` when the paragraph properties differ from ``old``'s."""
        new_props, old_props = new.find(_PPR), old.find(_PPR)
        kept_old = [c for c in (old_props if old_props is not None else ()) if c.tag not in _NOT_IN_CHANGE]
        kept_new = [c for c in (new_props if new_props is not None else ()) if c.tag not in _NOT_IN_CHANGE]
        if [etree.tostring(c) for c in kept_old] == [etree.tostring(c) for c in kept_new]:
            return
        if new_props is None:
            new_props = make("w:pPr")
            new.insert(0, new_props)
        before = make("w:pPr", None, *(copy.deepcopy(c) for c in kept_old))
        put_in_order(new_props, make("w:pPrChange", self.attributes(), before), PPR_ORDER)
