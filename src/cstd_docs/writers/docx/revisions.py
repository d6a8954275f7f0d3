"""Word revisions: inserted, deleted and moved text, paragraph marks and property changes.

WordprocessingML keeps both versions in one document (ECMA-376 Part 1, §17.13.5): text
inside ``w:ins`` exists only once accepted, text inside ``w:del`` (as ``w:delText``) only
until accepted; ``w:moveFrom`` and ``w:moveTo`` are the two ends of a move, each between
range markers named alike. A paragraph's own mark (its end) carries the same marks in
``w:pPr/w:rPr``: an inserted paragraph goes away entirely when rejected, a deleted one
when accepted. A changed paragraph style is ``w:pPrChange`` holding the old properties.

:func:`paragraph_diff` puts one paragraph's two versions together word by word.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections.abc import Callable, Hashable, Iterable
from typing import Literal

from docx.oxml.ns import qn
from lxml import etree

from cstd_docs.writers.docx.oxml.build import PPR_ORDER, Element, make, put_in_order, text

__all__ = ["Mark", "Revisions", "paragraph_diff"]

Mark = Literal["w:ins", "w:del", "w:moveFrom", "w:moveTo"]

_R, _RPR, _PPR, _T = qn("w:r"), qn("w:rPr"), qn("w:pPr"), qn("w:t")
_NOTE_REFERENCE = qn("w:footnoteReference")
_TEXT_TO_DELETED = {qn("w:t"): qn("w:delText"), qn("w:instrText"): qn("w:delInstrText")}
#: Properties a paragraph mark may not take inside ``w:pPrChange`` (CT_PPrBase has none of them).
_NOT_IN_CHANGE = {qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange")}
_WORDS = re.compile(r"\s+|[^\s]+")


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
        if content:
            p.append(self.wrap(mark, content))
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


# --- word-level diff of one paragraph ---------------------------------------------------------------
#: A token: its comparison key, the run properties it takes, its content (a word, or an element),
#: and whether that element stands whole (a note-mark run, a bookmark) rather than inside a run.
Token = tuple[Hashable, Element | None, str | Element, bool]


def _run_key(properties: Element | None) -> bytes:
    return b"" if properties is None else etree.tostring(properties)


def tokens(p: Element, note_key: Callable[[Element], Hashable]) -> list[Token]:
    """The paragraph's content as words, tabs and whole elements (a note mark is one token)."""
    out: list[Token] = []
    for child in p:
        if child.tag == _PPR:
            continue
        if child.tag != _R:
            out.append(((str(child.tag), etree.tostring(child)), None, child, True))
            continue
        properties = child.find(_RPR)
        key = _run_key(properties)
        reference = child.find(_NOTE_REFERENCE)
        if reference is not None:
            out.append(((key, "note", note_key(child)), None, child, True))
            continue
        for piece in child:
            if piece.tag == _RPR:
                continue
            if piece.tag == _T:
                out.extend(((key, word), properties, word, False) for word in _WORDS.findall(piece.text or ""))
            else:
                out.append(((key, str(piece.tag)), properties, piece, False))
    return out


def runs(pieces: list[Token]) -> list[Element]:
    """Runs again from tokens: neighbours with the same properties share a run."""
    out: list[Element] = []
    current: Element | None = None
    current_props: Element | None = None
    words: list[str] = []

    def flush_words() -> None:
        if words and current is not None:
            current.append(text("".join(words)))
            words.clear()

    for _, properties, content, whole in pieces:
        if whole:
            flush_words()
            out.append(copy.deepcopy(content))  # type: ignore[arg-type]
            current = None
            continue
        if current is None or properties is not current_props:
            flush_words()
            current = make("w:r", None, copy.deepcopy(properties) if properties is not None else None)
            current_props = properties
            out.append(current)
        if isinstance(content, str):
            words.append(content)
        else:
            flush_words()
            current.append(copy.deepcopy(content))
    flush_words()
    return out


#: A stretch of a paragraph's diff: "equal", "w:del" or "w:ins", with its old and new tokens.
Segment = tuple[str, list[Token], list[Token]]


def segments(a: list[Token], b: list[Token]) -> list[Segment]:
    """The diff of two token lists: common ends first trimmed (most edits touch a few words)."""
    start = 0
    while start < min(len(a), len(b)) and a[start][0] == b[start][0]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end][0] == b[-1 - end][0]:
        end += 1
    middle_a, middle_b = a[start:len(a) - end], b[start:len(b) - end]
    out: list[Segment] = [("equal", a[:start], b[:start])] if start else []
    matcher = difflib.SequenceMatcher(None, [t[0] for t in middle_a], [t[0] for t in middle_b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("equal", middle_a[i1:i2], middle_b[j1:j2]))
            continue
        if i2 > i1:
            out.append(("w:del", middle_a[i1:i2], []))
        if j2 > j1:
            out.append(("w:ins", [], middle_b[j1:j2]))
    if end:
        out.append(("equal", a[len(a) - end:], b[len(b) - end:]))
    return out


def _not_ending_with(out: list[Segment], mark: str) -> list[Segment]:
    """``out`` rearranged so that the paragraph does not end with a ``mark`` revision.

    LibreOffice joins a revision at the very end of a paragraph with a revision of the
    same kind on the whole next paragraph, paragraph mark between them included: rejecting
    (or accepting) would then merge the two paragraphs. So an insertion and deletion at the
    end swap places, and a lone one takes the word before it along (deleted and inserted).
    """
    if len(out) < 2 or out[-1][0] != mark:
        return out
    kind, before = out[-1], out[-2]
    if before[0] in ("w:del", "w:ins"):
        return [*out[:-2], kind, before]
    old_word, new_word = before[1][-1], before[2][-1]
    if old_word[3] or new_word[3]:  # a note mark or a whole element: keep it where it is
        return out
    rest: list[Segment] = [("equal", before[1][:-1], before[2][:-1])] if len(before[1]) > 1 else []
    if mark == "w:ins":
        return [*out[:-2], *rest, ("w:ins", [], [new_word, *kind[2]]), ("w:del", [old_word], [])]
    return [*out[:-2], *rest, ("w:del", [old_word, *kind[1]], []), ("w:ins", [], [new_word])]


def paragraph_diff(old: Element, new: Element, revisions: Revisions, old_note: Callable[[Element], Hashable],
                   new_note: Callable[[Element], Hashable], followed_by: Mark | None = None) -> Element:
    """``new`` with its words diffed against ``old``'s: deleted words, then inserted ones.

    ``old_note`` and ``new_note`` key a note-mark run (paired notes get the same key, so an
    unchanged mark stays as it is); ``followed_by``: the revision on the whole next
    paragraph, if any. Returns ``new``, changed in place.
    """
    out = segments(tokens(old, old_note), tokens(new, new_note))
    if followed_by in ("w:ins", "w:del"):
        out = _not_ending_with(out, followed_by)
    elements: list[Element] = []
    for kind, old_tokens, new_tokens in out:
        if kind == "equal":
            elements.extend(runs(new_tokens))
        elif kind == "w:del":
            elements.append(revisions.wrap("w:del", runs(old_tokens)))
        else:
            elements.append(revisions.wrap("w:ins", runs(new_tokens)))
    revisions.property_change(new, old)
    for child in [c for c in new if c.tag != _PPR]:
        new.remove(child)
    for element in elements:
        new.append(element)
    return new
