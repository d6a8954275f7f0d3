"""What a Word paragraph holds that the report cannot keep, found by looking at its XML.

The Word reader asks here, paragraph by paragraph (and note by note), for the formatting
the model has no place for — underlining, highlighting, strikethrough, subscripts and
superscripts — and for the page and section breaks it carries; each is recorded as an
:class:`~cstd_docs.readers.coverage.Omission` with its place and said in a warning, once
per paragraph and kind. The words themselves are kept: only their formatting is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from attrs import frozen

from cstd_docs.readers.coverage import Kind, Losses, words_of

__all__ = ["Breaks", "breaks", "formatting"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
#: Runs inside these show nothing (a deletion, a moved-away copy, a drawing's fallback) or keep
#: their look as a link.
_OUTSIDE = {f"{{{W}}}del", f"{{{W}}}moveFrom", f"{{{MC}}}Fallback", f"{{{W}}}hyperlink"}
_SAID = {Kind.UNDERLINE: "underlined", Kind.HIGHLIGHT: "highlighted", Kind.STRIKETHROUGH: "struck-out",
         Kind.RAISED: "subscript or superscript"}
_HINTS = {
    Kind.UNDERLINE: "the UN layout has no underline; use emphasis or strong text",
    Kind.HIGHLIGHT: "highlighting is an editor's mark, not the document's; it reads as plain text",
    Kind.STRIKETHROUGH: "struck-out text reads as plain text: delete it or make it a tracked deletion",
    Kind.RAISED: "the report's text has no subscripts or superscripts; they read as plain text",
}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_RPR, _R, _T, _NOTE_REFERENCE = _w("rPr"), _w("r"), _w("t"), _w("footnoteReference")
_U, _HIGHLIGHT, _STRIKE, _DSTRIKE, _VERT_ALIGN, _VAL = (_w("u"), _w("highlight"), _w("strike"), _w("dstrike"),
                                                        _w("vertAlign"), _w("val"))


def _on(element: Any) -> bool:
    return element is not None and element.get(_w("val"), "true") not in ("0", "false", "off", "none")


def _shown(run: Any, paragraph: Any) -> bool:
    parent = run.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in _OUTSIDE:
            return False
        parent = parent.getparent()
    return True


def _kinds(rpr: Any) -> list[Kind]:
    found = []
    for child in rpr:
        tag = child.tag
        if tag == _U and child.get(_VAL, "single") != "none":
            found.append(Kind.UNDERLINE)
        elif tag == _HIGHLIGHT and child.get(_VAL, "none") != "none":
            found.append(Kind.HIGHLIGHT)
        elif tag in (_STRIKE, _DSTRIKE) and _on(child) and Kind.STRIKETHROUGH not in found:
            found.append(Kind.STRIKETHROUGH)
        elif tag == _VERT_ALIGN and child.get(_VAL) in ("superscript", "subscript"):
            found.append(Kind.RAISED)
    return found


def formatting(paragraph: Any, where: str, losses: Losses, warn: Callable[[str, str, str | None], None]) -> None:
    """Record (and say, once per kind) the formatting of a paragraph's runs that the report cannot keep."""
    texts: dict[Kind, list[str]] = {}
    for rpr in paragraph.iter(_RPR):
        kinds = _kinds(rpr) if len(rpr) else []
        run = rpr.getparent()
        if not kinds or run.tag != _R or run.find(_NOTE_REFERENCE) is not None:
            continue  # a paragraph mark's properties; a note's mark, raised by its style (the note is kept)
        text = "".join(t.text or "" for t in run.iter(_T))
        if words_of(text) and _shown(run, paragraph):  # a raised comma between note marks affects no word
            for kind in kinds:
                texts.setdefault(kind, []).append(text.strip())
    for kind, shown in texts.items():
        excerpt = " … ".join(shown)
        losses.add(kind, where, excerpt, words=0)
        warn(where, f"{_SAID[kind]} text reads as plain text: {excerpt[:60]!r}", _HINTS[kind])


@frozen
class Breaks:
    """The page and section breaks a paragraph carries."""

    page: int
    section: bool


def breaks(paragraph: Any) -> Breaks:
    """Page breaks typed in its runs or set before it, and whether a section ends with it."""
    page = 1 if _on(paragraph.find(f"{_w('pPr')}/{_w('pageBreakBefore')}")) else 0
    for br in paragraph.iter(_w("br")):
        if br.get(_w("type")) == "page" and _shown(br.getparent(), paragraph):
            page += 1
    return Breaks(page, paragraph.find(f"{_w('pPr')}/{_w('sectPr')}") is not None)


class BreakTracker:
    """Page and section breaks in reading order: those the layout makes again are kept, the rest recorded.

    The layout starts each annex on a new page: a page break at an annex's heading, or in
    an empty paragraph right before it, is kept (the writers make it again). Any other is
    not kept: the layout decides where pages break. Section breaks are never kept. In a
    draft of ours (``foreign`` False: it carries its source) every break is the layout's —
    LibreOffice's copy breaks the first page's last paragraph where our first-page layout
    ends — and none is recorded.
    """

    def __init__(self, losses: Losses, warn: Callable[[str, str, str | None], None], foreign: bool = True) -> None:
        self.losses = losses
        self.warn = warn
        self.foreign = foreign
        self.pending: list[str] = []
        #: Section breaks waiting for the paragraph after them.
        self.sections: list[str] = []

    def paragraph(self, found: Breaks, where: str, *, shown: bool, opens_annex: bool, layout: bool = False) -> None:
        """A paragraph read: ``shown`` when it printed anything, ``opens_annex`` when it was an annex's heading,
        ``layout`` when it starts a page the Word writer's own layout starts (a contents page, the Official
        Records' pages, the title after a letter).

        A section break ends its section after its paragraph: before one of the writer's own pages it is
        the layout's (the cover is a section of its own), so it waits for the next paragraph shown."""
        if not self.foreign:
            return
        here = [where] * found.page
        if layout:
            self.pending, self.sections = [], [where] if found.section else []
            return
        if opens_annex:
            self.flush_sections()
            self.pending, self.sections = [], [where] if found.section else []
            return
        if not shown:
            self.pending += here
            self.sections += [where] if found.section else []
            return
        self.flush(here)
        self.sections = [where] if found.section else []

    def flush_sections(self) -> None:
        for where in self.sections:
            self.losses.add(Kind.SECTION_BREAK, where)
            self.warn(where, "a section break was not kept", "the layout has one section; its page setup applies")
        self.sections = []

    def flush(self, more: list[str] | None = None) -> None:
        self.flush_sections()
        for where in [*self.pending, *(more or [])]:
            self.losses.add(Kind.PAGE_BREAK, where)
            self.warn(where, "a page break was not kept", "the layout decides where pages break (annexes start a page)")
        self.pending, self.sections = [], []
