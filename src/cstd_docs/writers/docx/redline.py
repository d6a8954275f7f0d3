"""A redline: the new version in the UN layout, with Word revisions against the old one.

Both versions are laid out by the Word writer's own builders (:mod:`.content`), block by
block; :mod:`cstd_docs.compare` aligns the blocks; :mod:`.revisions` marks what differs.
A block kept in place is diffed word by word (its number is a word: a renumbered
paragraph shows "12." deleted and "13." inserted); an added or removed block is a
whole paragraph, its mark included; a moved block is a move. Notes follow their marks:
a note whose mark is deleted is a note of its own holding the old text, an edited note
shows its text's changes.

Cross-references are printed as text here (not REF fields): a changed number is then a
visible change, and no field can show a number from the other version.
"""

from __future__ import annotations

import copy
from collections.abc import Hashable, Sequence
from typing import assert_never

from docx.oxml.ns import qn
from lxml import etree

from cstd_docs.compare import Step, align, pair_notes, similar
from cstd_docs.compare.blocks import weight
from cstd_docs.resolve.document import (
    ResolvedNote,
    ResolvedReport,
)
from cstd_docs.writers.docx import inline_runs, notes
from cstd_docs.writers.docx.contents import Marks
from cstd_docs.writers.docx.oxml import CT_Footnotes
from cstd_docs.writers.docx.oxml.build import Element
from cstd_docs.writers.docx.redline_pieces import Numbers, Piece, pieces, plain_references
from cstd_docs.writers.docx.revisions import Mark, Revisions
from cstd_docs.writers.docx.worddiff import paragraph_diff

__all__ = ["Redline", "plain_references"]

#: The old version's contents bookmarks (its page fields name them), and their first ``w:id``.
OLD_BOOKMARK_PREFIX = "_TocCstdOld"
OLD_FIRST_ID = 950_000

_P, _TBL, _T, _PPR = qn("w:p"), qn("w:tbl"), qn("w:t"), qn("w:pPr")
_NOTE_REFERENCE, _ID = qn("w:footnoteReference"), qn("w:id")
_FROM_OLD = {qn("w:del"), qn("w:moveFrom")}
#: The revision a whole paragraph of each step carries, as LibreOffice groups them (a move is
#: an insertion or deletion to it).
_FOLLOWING: dict[Step, Mark] = {Step.INSERTED: "w:ins", Step.MOVED_TO: "w:ins", Step.DELETED: "w:del",
                                Step.MOVED_FROM: "w:del"}


# --- the story ---------------------------------------------------------------------------------------
class Redline:
    """A :class:`~cstd_docs.writers.docx.Story`: the body and notes of ``new`` marked against ``old``.

    Both reports come through :func:`plain_references`; ``new`` is the one rendered.
    """

    def __init__(self, old: ResolvedReport, revisions: Revisions) -> None:
        self.old = old
        self.revisions = revisions
        self.note_pairs: dict[int, int] = {}  # new note → old note
        self._old_to_new: dict[int, int] = {}
        self.old_paired: set[int] = set()
        #: The notes in the order of their marks: (True, old note) for an old mark kept as a deletion,
        #: (False, new note) otherwise. LibreOffice gives the n-th mark the n-th note, whatever the ids.
        self.order: list[tuple[bool, int]] = []
        #: The bookmarks of the headings the old version's contents page lists, apart from the new one's.
        self.old_marks = Marks(old.contents, OLD_BOOKMARK_PREFIX, OLD_FIRST_ID)

    # --- notes as keys -------------------------------------------------------------------------------
    def _new_key(self, run: Element) -> Hashable:
        return ("note", _note_index(run), _custom_mark(run))

    def _old_key(self, run: Element) -> Hashable:
        old = _note_index(run)
        new = self._old_to_new.get(old)
        return ("note", new, _custom_mark(run)) if new is not None else ("old note", old)

    def _pair(self, old: Piece, new: Piece, new_notes: Sequence[ResolvedNote]) -> None:
        for i, k in pair_notes(old.refs, new.refs, self.old.notes, new_notes):
            self.note_pairs[k] = i
            self.old_paired.add(i)

    # --- the body ------------------------------------------------------------------------------------
    def body(self, resolved: ResolvedReport, links: inline_runs.NoteLinks, emblem: Element | None) -> list[Element]:
        numbers = Numbers(inline_runs.Bookmarks(resolved))  # no bookmarks: cross-references are text here
        # The old version's headings get its contents' bookmarks from _step, on whichever version lays them out.
        old_pieces = pieces(self.old, inline_runs.NoteLinks(self.old.notes), emblem, numbers,
                            Marks(None, OLD_BOOKMARK_PREFIX))
        new_pieces = pieces(resolved, links, emblem, numbers)
        ops = align([p.key for p in old_pieces], [p.key for p in new_pieces],
                    [p.content for p in old_pieces], [p.content for p in new_pieces],
                    lambda i, j: _similar(old_pieces[i], new_pieces[j]), lambda j: weight(new_pieces[j].kind))
        for op in ops:
            if op.step in (Step.SAME, Step.MOVED_TO):
                assert op.old is not None and op.new is not None
                self._pair(old_pieces[op.old], new_pieces[op.new], resolved.notes)
        self._old_to_new = {i: k for k, i in self.note_pairs.items()}
        out: list[Element] = []
        for index, op in enumerate(ops):
            following = _FOLLOWING.get(ops[index + 1].step) if index + 1 < len(ops) else None
            out.extend(self._step(op.step, op.old, op.new, old_pieces, new_pieces, following))
        self._number_marks(out)
        return out

    def _step(self, step: Step, old: int | None, new: int | None, old_pieces: list[Piece],
              new_pieces: list[Piece], following: Mark | None) -> list[Element]:
        rev = self.revisions
        match step:
            case Step.SAME:
                assert old is not None and new is not None
                elements = self._same(old_pieces[old], new_pieces[new], following)
                kept = old_pieces[old].block
                if kept is not None:  # laid out once: the old contents' bookmark too
                    self.old_marks.place(kept, elements)
                return elements
            case Step.INSERTED:
                assert new is not None
                return [_whole(rev, p, "w:ins") for p in new_pieces[new].render()]
            case Step.DELETED:
                assert old is not None
                return [_whole(rev, p, "w:del") for p in self._old(old_pieces[old])]
            case Step.MOVED_FROM:
                moved = [_whole(rev, p, "w:moveFrom") for p in self._old(old_pieces[old])]  # type: ignore[index]
                rev.move_range(_paragraphs(moved), "w:moveFrom", f"move{new}")
                return moved
            case Step.MOVED_TO:
                moved = [_whole(rev, p, "w:moveTo") for p in new_pieces[new].render()]  # type: ignore[index]
                rev.move_range(_paragraphs(moved), "w:moveTo", f"move{new}")
                return moved
            case _:
                assert_never(step)

    def _old(self, piece: Piece) -> list[Element]:
        """An old piece laid out where it stands in the redline, its contents bookmark on it."""
        elements = piece.render()
        if piece.block is not None:
            self.old_marks.place(piece.block, elements)
        return elements

    def _same(self, old: Piece, new: Piece, following: Mark | None) -> list[Element]:
        elements = new.render()
        if old.signature == new.signature:
            return elements
        if old.wording == new.wording and old.number is not None and new.number is not None and len(elements) == 1:
            renumbered = self._renumbered(old.number(), new.number(), elements[0])
            if renumbered is not None:
                return [renumbered]
        before = old.render()
        if [e.tag for e in before] != [e.tag for e in elements] or not _same_grids(before, elements):
            rev = self.revisions
            return [*(_whole(rev, p, "w:del") for p in before), *(_whole(rev, p, "w:ins") for p in elements)]
        for at, (a, b) in enumerate(zip(before, elements, strict=True)):
            if b.tag == _TBL:
                for pa, pb in zip(a.iter(_P), b.iter(_P), strict=True):  # the masthead: one layout
                    paragraph_diff(pa, pb, self.revisions, self._old_key, self._new_key)
            else:
                last = at == len(elements) - 1
                paragraph_diff(a, b, self.revisions, self._old_key, self._new_key, following if last else None)
        return elements

    def _renumbered(self, old: list[Element], new: list[Element], element: Element) -> Element | None:
        """``element`` with its number deleted and inserted, from the number laid out alone in each version.

        The number is what the block lays out before its text, so it is the first runs of
        ``element``; the rest stays as it is (most of a renumbered document: nothing to diff).
        """
        (stub_old,), (stub_new,) = old, new
        old_runs = [child for child in stub_old if child.tag != _PPR]
        new_runs = [child for child in stub_new if child.tag != _PPR]
        children = [child for child in element if child.tag != _PPR]
        if [etree.tostring(c) for c in children[:len(new_runs)]] != [etree.tostring(c) for c in new_runs]:
            return None  # not laid out number first: to be diffed whole
        at = element.index(children[0])
        for child in children[:len(new_runs)]:
            element.remove(child)
        element.insert(at, self.revisions.wrap("w:ins", new_runs))
        element.insert(at, self.revisions.wrap("w:del", old_runs))
        return element

    def _number_marks(self, elements: list[Element]) -> None:
        """Note ids in the order of the marks; an old mark left as a deletion gets a note of its own."""
        for element in elements:
            for reference in element.iter(_NOTE_REFERENCE):
                run = reference.getparent()
                wrapper = run.getparent() if run is not None else None
                old = wrapper is not None and wrapper.tag in _FROM_OLD
                self.order.append((old, int(reference.get(_ID, "0")) - 1))
                reference.set(_ID, str(inline_runs.note_id(len(self.order) - 1)))

    # --- the running heads ---------------------------------------------------------------------------
    def heads(self, roots: list[Element], resolved: ResolvedReport) -> None:
        """The symbol in the headers and the job number in the first footer, marked where they changed.

        The heads are laid out from the new version; a line holding the new symbol is
        diffed against itself holding the old one (a symbol added or dropped is not marked).
        """
        swaps = [(new, old) for new, old in ((resolved.masthead.symbol, self.old.masthead.symbol),
                                             (resolved.masthead.job_number, self.old.masthead.job_number))
                 if new and old and new != old]
        for root in roots:
            for p in list(root.iter(_P)):
                words = "".join(t.text or "" for t in p.iter(_T))
                changes = [(new, old) for new, old in swaps if new in words]
                if not changes:
                    continue
                before = copy.deepcopy(p)
                for t in before.iter(_T):
                    for new, old in changes:
                        t.text = (t.text or "").replace(new, old)
                paragraph_diff(before, p, self.revisions, self._old_key, self._new_key)

    # --- the notes -----------------------------------------------------------------------------------
    def notes(self, footnotes: CT_Footnotes, resolved: ResolvedReport) -> None:
        footnotes.remove_notes()
        footnotes.add_separators(*notes.separator_paragraphs())
        rev = self.revisions
        for position, (from_old, index) in enumerate(self.order):
            if from_old:
                p = notes.note_paragraph(self.old.notes[index])
                if index not in self.old_paired:
                    rev.whole(p, "w:del", mark_end=False)
            else:
                p = notes.note_paragraph(resolved.notes[index])
                old = self.note_pairs.get(index)
                if old is None:
                    rev.whole(p, "w:ins", mark_end=False)
                elif not _same_note(self.old.notes[old], resolved.notes[index]):
                    paragraph_diff(notes.note_paragraph(self.old.notes[old]), p, rev, _footnote_key, _footnote_key)
            footnotes.add_note(inline_runs.note_id(position)).append(p)


# --- tables (issue 13): revisions go on their paragraphs and rows, never around the table ------------
_TR, _TR_PR = qn("w:tr"), qn("w:trPr")
#: A row's own revision: rows are inserted or deleted (a move's two ends are one or the other).
_ROW_MARK: dict[Mark, Mark] = {"w:ins": "w:ins", "w:moveTo": "w:ins", "w:del": "w:del", "w:moveFrom": "w:del"}


def _whole(rev: Revisions, element: Element, mark: Mark) -> Element:
    """A paragraph, or a table with every paragraph and row of it, under one kind of revision."""
    if element.tag != _TBL:
        return rev.whole(element, mark)
    for p in element.iter(_P):
        rev.whole(p, mark)
    for row in element.iter(_TR):
        properties = row.find(_TR_PR)
        if properties is None:
            properties = etree.SubElement(row, _TR_PR)
            row.insert(0, properties)
        properties.append(etree.Element(qn(_ROW_MARK[mark]), {qn(k): str(v) for k, v in rev.attributes().items()}))
    return element


def _paragraphs(elements: Sequence[Element]) -> list[Element]:
    return [p for e in elements for p in ([e] if e.tag == _P else e.iter(_P))]


def _same_grids(before: Sequence[Element], after: Sequence[Element]) -> bool:
    """Whether the tables of two versions have their paragraphs in the same rows (diffed one by one)."""
    return all(a.tag != _TBL or [len(r.findall(f".//{_P}")) for r in a.iter(_TR)]
               == [len(r.findall(f".//{_P}")) for r in b.iter(_TR)] for a, b in zip(before, after, strict=True))


def _note_index(run: Element) -> int:
    reference = run.find(_NOTE_REFERENCE)
    return int(reference.get(_ID, "0")) - 1 if reference is not None else -1


def _custom_mark(run: Element) -> str:
    return "".join(t.text or "" for t in run.iter(_T))


def _same_note(old: ResolvedNote, new: ResolvedNote) -> bool:
    """Whether a note prints the same (an automatic number is Word's, not the note's)."""
    return old.text == new.text and old.custom == new.custom and (not new.custom or old.mark == new.mark)


def _footnote_key(run: Element) -> Hashable:
    return "footnote"


def _similar(old: Piece, new: Piece) -> bool:
    # A contents page is derived: one that changed is replaced whole, never diffed entry by entry.
    return old.kind == new.kind and old.kind != "contents" and similar(old.text, new.text)
