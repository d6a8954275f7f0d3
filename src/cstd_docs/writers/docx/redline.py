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
from collections.abc import Callable, Hashable, Sequence
from typing import assert_never

import attrs
from attrs import frozen
from docx.oxml.ns import qn
from lxml import etree

from cstd_docs.compare import Step, align, pair_notes, similar, units
from cstd_docs.compare.blocks import block_runs, runs_text, weight
from cstd_docs.resolve.document import (
    AgendaLine,
    AgendaPart,
    Heading,
    InstrumentHeading,
    InstrumentText,
    NoteRef,
    NumberedParagraph,
    OperativeParagraph,
    Reference,
    ResolvedBlock,
    ResolvedNote,
    ResolvedReport,
    Runs,
    SubparagraphItem,
    Unnumbered,
)
from cstd_docs.resolve.instruments import within_resolutions
from cstd_docs.writers.docx import content
from cstd_docs.writers.docx import styles as st
from cstd_docs.writers.docx.layout import LAYOUTS, Layout
from cstd_docs.writers.docx.oxml import CT_Footnotes
from cstd_docs.writers.docx.oxml.build import Element
from cstd_docs.writers.docx.revisions import Mark, Revisions
from cstd_docs.writers.docx.worddiff import paragraph_diff

__all__ = ["Redline", "plain_references"]

_P, _TBL, _T, _PPR = qn("w:p"), qn("w:tbl"), qn("w:t"), qn("w:pPr")
_NOTE_REFERENCE, _ID = qn("w:footnoteReference"), qn("w:id")
_FROM_OLD = {qn("w:del"), qn("w:moveFrom")}
#: The revision a whole paragraph of each step carries, as LibreOffice groups them (a move is
#: an insertion or deletion to it).
_FOLLOWING: dict[Step, Mark] = {Step.INSERTED: "w:ins", Step.MOVED_TO: "w:ins", Step.DELETED: "w:del",
                                Step.MOVED_FROM: "w:del"}


# --- the documents ---------------------------------------------------------------------------------
def _plain(runs: Runs) -> Runs:
    return tuple(str(r) if isinstance(r, Reference) else r for r in runs)


def _plain_block(block: ResolvedBlock) -> ResolvedBlock:
    if not any(isinstance(r, Reference) for r in block_runs(block)):
        return block  # most blocks: nothing to copy
    match block:
        case Heading() | InstrumentHeading():
            return attrs.evolve(block, title=_plain(block.title))
        case NumberedParagraph() | SubparagraphItem() | Unnumbered() | InstrumentText() | OperativeParagraph():
            return attrs.evolve(block, text=_plain(block.text))
        case AgendaPart():
            return attrs.evolve(block, text=_plain(block.text))
        case _:
            assert_never(block)


def plain_references(report: ResolvedReport) -> ResolvedReport:
    """The report with its cross-references as plain text, and no block to bookmark."""
    front = attrs.evolve(report.front, agenda=tuple(attrs.evolve(a, label=_plain(a.label))
                                                    for a in report.front.agenda))
    notes = tuple(attrs.evolve(n, text=tuple(str(t) if isinstance(t, Reference) else t for t in n.text))
                  for n in report.notes)
    return attrs.evolve(report, front=front, title=_plain(report.title),
                        subtitles=tuple(_plain(s) for s in report.subtitles),
                        blocks=tuple(_plain_block(b) for b in report.blocks), notes=notes, referenced={})


@frozen
class Piece:
    """One thing the alignment pairs: a block, a line of the front page, the masthead.

    ``signature`` holds all it prints (equal signatures: nothing to mark), ``wording`` all
    but its number; ``render`` lays it out (once: each note mark is made once), ``number``
    lays out its number alone (the block without its text), for a block only renumbered.
    """

    key: Hashable
    content: Hashable
    kind: str
    text: str
    signature: Hashable
    refs: tuple[NoteRef, ...]
    render: Callable[[], list[Element]]
    wording: Hashable = None
    number: Callable[[], list[Element]] | None = None


def _eager(elements: list[Element]) -> Callable[[], list[Element]]:
    return lambda: elements


def _front_pieces(report: ResolvedReport, links: content.NoteLinks, emblem: Element | None) -> list[Piece]:
    masthead = report.masthead
    table = content.masthead_table(masthead, report.right_to_left, emblem)
    out = [Piece(("masthead",), ("masthead",), "masthead", "", masthead, (), _eager([table]))]
    front = content.front_block(attrs.evolve(report.front, agenda=()), links)
    for name, p, text in zip(("body", "session", "place"), front,
                             (report.front.body, report.front.session, report.front.place_and_dates), strict=True):
        out.append(Piece(("front", name), ("front", name), name, text, text, (), _eager([p])))
    for line in report.front.agenda:
        out.append(_agenda_piece(report, line, links))
    title = runs_text(report.title, report.notes)
    out.append(Piece(("title",), ("title",), "title", title, title, _refs(report.title),
                     _eager([content.heading(st.HMG, None, report.title, links)])))
    for subtitle in report.subtitles:
        text = runs_text(subtitle, report.notes)
        out.append(Piece(("subtitle", text), ("subtitle", text), "subtitle", text, text, _refs(subtitle),
                         _eager([content.heading(st.H1G, None, subtitle, links)])))
    return out


def _agenda_piece(report: ResolvedReport, line: AgendaLine, links: content.NoteLinks) -> Piece:
    label = runs_text(line.label, report.notes)
    elements = content.front_block(attrs.evolve(report.front, agenda=(line,)), links)[3:]
    return Piece(("agenda", line.title), ("agenda", line.title), "agenda", f"{label} {line.title}",
                 (label, line.title), _refs(line.label), _eager(elements))


def _refs(runs: Runs) -> tuple[NoteRef, ...]:
    return tuple(r for r in runs if isinstance(r, NoteRef))


def _block_signature(block: ResolvedBlock, text: str, refs: tuple[NoteRef, ...]) -> tuple[Hashable, Hashable]:
    """(number, wording): what a block prints, its number apart."""
    marks = tuple(r.mark for r in refs if r.custom)
    match block:
        case Heading():
            return block.number, ("heading", block.level, text, marks)
        case NumberedParagraph():
            return block.number, ("paragraph", text, marks)
        case SubparagraphItem():
            return block.label, ("subparagraph", block.depth, text, marks)
        case Unnumbered():
            return None, ("unnumbered", text, marks)
        case InstrumentHeading():
            return block.label, ("instrument", block.kind, text, marks)
        case InstrumentText():
            return None, ("instrument text", block.kind, text, marks)
        case OperativeParagraph():
            return block.number, ("operative", text, marks)
        case AgendaPart():
            return block.label or None, ("agenda", block.kind, text, marks)
        case _:
            assert_never(block)


def _without_text(block: ResolvedBlock) -> ResolvedBlock:
    match block:
        case Heading() | InstrumentHeading():
            return attrs.evolve(block, title=())
        case NumberedParagraph() | SubparagraphItem() | Unnumbered() | InstrumentText() | OperativeParagraph():
            return attrs.evolve(block, text=())
        case AgendaPart():
            return attrs.evolve(block, text=())
        case _:
            assert_never(block)


class _Numbers:
    """Blocks laid out without their text (their number alone), each kind and number once.

    A renumbered document needs the number of every block after the first change, in both
    versions; the same "12." serves both, copied (lxml copies faster than we build).
    """

    def __init__(self, bookmarks: content.Bookmarks) -> None:
        self.bookmarks = bookmarks
        self.no_notes = content.NoteLinks(())
        self.made: dict[Hashable, list[Element]] = {}

    def renderer(self, block: ResolvedBlock, number: Hashable, layout: Layout,
                 in_resolution: bool) -> Callable[[], list[Element]]:
        bare = _without_text(block)
        key = (type(block).__name__, number, getattr(block, "level", None), getattr(block, "depth", None),
               id(layout), in_resolution)

        def render() -> list[Element]:
            if key not in self.made:
                self.made[key] = content.block(bare, self.no_notes, self.bookmarks, layout, in_resolution)
            return [copy.deepcopy(e) for e in self.made[key]]

        return render


def pieces(report: ResolvedReport, links: content.NoteLinks, emblem: Element | None,
           numbers: _Numbers | None = None) -> list[Piece]:
    """The masthead, the front page, every block and the end rule, in reading order."""
    out = _front_pieces(report, links, emblem)
    bookmarks = content.Bookmarks(report)
    numbers = numbers or _Numbers(bookmarks)
    # Laid out as the plain rendering lays them out: the report's layout, and an item inside a
    # resolution in the operative style (resolve.instruments says which blocks are).
    layout = LAYOUTS[report.layout]
    inside = {id(b): flag for b, flag in zip(report.blocks, within_resolutions(report.blocks), strict=True)}
    for u in units(report):
        number, wording = _block_signature(u.block, u.text, u.refs)
        in_resolution = inside.get(id(u.block), False)
        out.append(Piece(u.key, u.content, u.kind, u.text, (number, wording), u.refs,
                         _block_renderer(u.block, links, bookmarks, layout, in_resolution), wording,
                         numbers.renderer(u.block, number, layout, in_resolution)))
    out.append(Piece(("end",), ("end",), "end", "", (), (), _eager([content.end_rule()])))
    return out


def _block_renderer(block: ResolvedBlock, links: content.NoteLinks, bookmarks: content.Bookmarks,
                    layout: Layout, in_resolution: bool) -> Callable[[], list[Element]]:
    return lambda: content.block(block, links, bookmarks, layout, in_resolution)


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
    def body(self, resolved: ResolvedReport, links: content.NoteLinks, emblem: Element | None) -> list[Element]:
        numbers = _Numbers(content.Bookmarks(resolved))  # no bookmarks: cross-references are text here
        old_pieces = pieces(self.old, content.NoteLinks(self.old.notes), emblem, numbers)
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
                return self._same(old_pieces[old], new_pieces[new], following)
            case Step.INSERTED:
                assert new is not None
                return [rev.whole(p, "w:ins") for p in new_pieces[new].render()]
            case Step.DELETED:
                assert old is not None
                return [rev.whole(p, "w:del") for p in old_pieces[old].render()]
            case Step.MOVED_FROM:
                moved = [rev.whole(p, "w:moveFrom") for p in old_pieces[old].render()]  # type: ignore[index]
                rev.move_range(moved, "w:moveFrom", f"move{new}")
                return moved
            case Step.MOVED_TO:
                moved = [rev.whole(p, "w:moveTo") for p in new_pieces[new].render()]  # type: ignore[index]
                rev.move_range(moved, "w:moveTo", f"move{new}")
                return moved
            case _:
                assert_never(step)

    def _same(self, old: Piece, new: Piece, following: Mark | None) -> list[Element]:
        elements = new.render()
        if old.signature == new.signature:
            return elements
        if old.wording == new.wording and old.number is not None and new.number is not None and len(elements) == 1:
            renumbered = self._renumbered(old.number(), new.number(), elements[0])
            if renumbered is not None:
                return [renumbered]
        before = old.render()
        if [e.tag for e in before] != [e.tag for e in elements]:
            rev = self.revisions
            return [*(rev.whole(p, "w:del") for p in before), *(rev.whole(p, "w:ins") for p in elements)]
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
                reference.set(_ID, str(content.note_id(len(self.order) - 1)))

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
        footnotes.add_separators(*content.separator_paragraphs())
        rev = self.revisions
        for position, (from_old, index) in enumerate(self.order):
            if from_old:
                p = content.note_paragraph(self.old.notes[index])
                if index not in self.old_paired:
                    rev.whole(p, "w:del", mark_end=False)
            else:
                p = content.note_paragraph(resolved.notes[index])
                old = self.note_pairs.get(index)
                if old is None:
                    rev.whole(p, "w:ins", mark_end=False)
                elif not _same_note(self.old.notes[old], resolved.notes[index]):
                    paragraph_diff(content.note_paragraph(self.old.notes[old]), p, rev, _footnote_key, _footnote_key)
            footnotes.add_note(content.note_id(position)).append(p)


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
    return old.kind == new.kind and similar(old.text, new.text)
