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
    BoxStart,
    BulletItem,
    Heading,
    InstrumentHeading,
    InstrumentText,
    LineItem,
    NoteRef,
    NumberedParagraph,
    OperativeParagraph,
    Reference,
    ResolvedBlock,
    ResolvedCell,
    ResolvedFigure,
    ResolvedNote,
    ResolvedReport,
    ResolvedTable,
    Runs,
    SubparagraphItem,
    Unnumbered,
)
from cstd_docs.resolve.instruments import within_resolutions
from cstd_docs.writers.docx import boxes, content, notes, official
from cstd_docs.writers.docx import styles as st
from cstd_docs.writers.docx.contents import BOOKMARK_PREFIX, Marks, break_before, contents_page
from cstd_docs.writers.docx.layout import LAYOUTS, Layout
from cstd_docs.writers.docx.oxml import CT_Footnotes
from cstd_docs.writers.docx.oxml.build import Element
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


# --- the documents ---------------------------------------------------------------------------------
def _plain(runs: Runs) -> Runs:
    return tuple(str(r) if isinstance(r, Reference) else r for r in runs)


def _plain_block(block: ResolvedBlock) -> ResolvedBlock:
    if not any(isinstance(r, Reference) for r in block_runs(block)):
        return block  # most blocks: nothing to copy
    match block:
        case Heading() | InstrumentHeading() | BoxStart():
            return attrs.evolve(block, title=_plain(block.title))
        case NumberedParagraph() | SubparagraphItem() | Unnumbered() | InstrumentText() | OperativeParagraph():
            return attrs.evolve(block, text=_plain(block.text))
        case BulletItem() | LineItem():
            return attrs.evolve(block, text=_plain(block.text))
        case ResolvedTable():
            rows = [tuple(tuple(attrs.evolve(c, text=_plain(c.text)) if isinstance(c, ResolvedCell) else c
                                for c in row) for row in part) for part in (block.header, block.rows)]
            notes = tuple(attrs.evolve(n, text=_plain(n.text)) for n in block.notes)
            return attrs.evolve(block, title=_plain(block.title), header=rows[0], rows=rows[1], notes=notes,
                                source=_plain(block.source) if block.source is not None else None)
        case ResolvedFigure():
            return attrs.evolve(block, title=_plain(block.title),
                                source=_plain(block.source) if block.source is not None else None)
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
    #: The block it lays out (None for the front page): a contents page's bookmark goes on its heading.
    block: ResolvedBlock | None = None


def _eager(elements: list[Element]) -> Callable[[], list[Element]]:
    return lambda: elements


def _front_pieces(report: ResolvedReport, links: content.NoteLinks, emblem: Element | None,
                  prefix: str = BOOKMARK_PREFIX) -> list[Piece]:
    """The masthead, the lines under it, the title and the subtitles, laid out in the report's layout (or the
    Official Records front matter in their place), then the contents page."""
    layout = LAYOUTS[report.layout]
    out = _records_pieces(report, links, emblem) if report.official_records is not None else \
        _masthead_pieces(report, links, emblem, layout)
    # The contents page: its heading and labels kept in place; its entries (a table) replaced whole when they
    # changed, each version's pages naming its own headings' bookmarks (``prefix``).
    if report.contents is not None:
        heading, labels, table = contents_page(report, layout, new_page=report.official_records is None,
                                               prefix=prefix)
        listed = tuple((e.number, runs_text(e.title, ()), e.paragraphs) for e in report.contents.entries)
        columns = report.contents.paragraphs is not None
        out += [Piece(("contents heading",), ("contents heading",), "contents heading", report.contents.heading,
                      report.contents.heading, (), _eager([heading])),
                Piece(("contents labels",), ("contents labels",), "contents labels", "", columns, (), _eager([labels])),
                Piece(("contents", listed), ("contents", listed), "contents", "", listed, (), _eager([table]))]
    return out


def _masthead_pieces(report: ResolvedReport, links: content.NoteLinks, emblem: Element | None,
                     layout: Layout) -> list[Piece]:
    masthead = report.masthead
    table = content.masthead_table(masthead, report.right_to_left, emblem, layout.masthead)
    out = [Piece(("masthead",), ("masthead",), "masthead", "", masthead, (), _eager([table]))]
    front = content.front_block(attrs.evolve(report.front, agenda=()), links, layout.front)
    names = ("parent", "body", "session", "place") if report.front.parent_body is not None else \
        ("body", "session", "place")
    texts = (report.front.parent_body, report.front.body, report.front.session, report.front.place_and_dates)
    for name, p, text in zip(names, front, texts[-len(names):], strict=True):
        out.append(Piece(("front", name), ("front", name), name, text or "", text, (), _eager([p])))
    for line in report.front.agenda:
        out.append(_agenda_piece(report, line, links, layout))
    if report.letter is not None:  # the letter of transmittal, one piece a paragraph
        elements = boxes.letter(report.letter, st.HMG, lambda runs: content.inline(runs, links), LAYOUTS[report.layout])
        for index, element in enumerate(elements):
            text = "".join(t.text or "" for t in element.iter(qn("w:t")))
            out.append(Piece(("letter", index), ("letter", text), "letter", text, text, (), _eager([element])))
    title = runs_text(report.title, report.notes)
    style = content.TITLE_STYLES[report.title_style]
    out.append(Piece(("title",), ("title",), "title", title, title, _refs(report.title),
                     _eager([content.heading(style, None, report.title, links)])))
    for subtitle in report.subtitles:
        text = runs_text(subtitle, report.notes)
        out.append(Piece(("subtitle", text), ("subtitle", text), "subtitle", text, text, _refs(subtitle),
                         _eager([content.heading(st.H1G, None, subtitle, links)])))
    return out


def _records_pieces(report: ResolvedReport, links: content.NoteLinks, emblem: Element | None) -> list[Piece]:
    """The Official Records front matter (official.py), a piece for each part; the title and the subtitles
    keyed as on a masthead's page, so that a version with one and a version with the other pair them."""
    out = []
    for index, part in enumerate(official.parts(report, links, emblem)):
        text = runs_text(part.runs, report.notes) if part.runs else part.text
        key: Hashable = ("title",) if part.kind == "title" else (part.kind, text) if part.kind == "subtitle" \
            else ("official", part.kind, index)
        out.append(Piece(key, key, part.kind, text, (part.kind, text), _refs(part.runs), _eager(part.elements)))
    return out


def _agenda_piece(report: ResolvedReport, line: AgendaLine, links: content.NoteLinks, layout: Layout) -> Piece:
    label = runs_text(line.label, report.notes)
    elements = content.front_block(attrs.evolve(report.front, agenda=(line,), parent_body=None), links,
                                   layout.front)[3:]
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
        case BoxStart():  # laid out unframed here: a redline marks the box's heading and blocks one by one
            return block.label, ("box", block.kind, text, marks)
        case BulletItem():
            return None, ("bullet", block.level, text, marks)
        case LineItem():
            return None, ("line", block.indent, block.last, text, marks)
        case ResolvedTable() | ResolvedFigure():  # its caption is its number
            return block.caption, (type(block).__name__, text, marks, block.widths if isinstance(block, ResolvedTable)
                                   else (block.width, block.image))
        case AgendaPart():
            return block.label or None, ("agenda", block.kind, text, marks)
        case _:
            assert_never(block)


def _without_text(block: ResolvedBlock) -> ResolvedBlock:
    match block:
        case Heading() | InstrumentHeading() | BoxStart():
            return attrs.evolve(block, title=())
        case NumberedParagraph() | SubparagraphItem() | Unnumbered() | InstrumentText() | OperativeParagraph():
            return attrs.evolve(block, text=())
        case BulletItem() | LineItem():
            return attrs.evolve(block, text=())
        case ResolvedTable():
            return attrs.evolve(block, title=(), header=(), rows=(), notes=(), source=None)
        case ResolvedFigure():
            return attrs.evolve(block, title=(), source=None)
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
           numbers: _Numbers | None = None, marks: Marks | None = None) -> list[Piece]:
    """The masthead, the front page, every block and the end rule, in reading order; ``marks``: the
    bookmarks of the headings the version's contents page lists."""
    marks = marks or Marks(report.contents)
    out = _front_pieces(report, links, emblem, marks.prefix)
    bookmarks = content.Bookmarks(report)
    numbers = numbers or _Numbers(bookmarks)
    # Laid out as the plain rendering lays them out: the report's layout, and an item inside a
    # resolution in the operative style (resolve.instruments says which blocks are).
    layout = LAYOUTS[report.layout]
    inside = {id(b): flag for b, flag in zip(report.blocks, within_resolutions(report.blocks), strict=True)}
    for index, u in enumerate(units(report)):
        number, wording = _block_signature(u.block, u.text, u.refs)
        in_resolution = inside.get(id(u.block), False)
        first = index == 0 and report.contents is not None
        out.append(Piece(u.key, u.content, u.kind, u.text, (number, wording), u.refs,
                         _block_renderer(u.block, links, bookmarks, layout, in_resolution, marks, first), wording,
                         numbers.renderer(u.block, number, layout, in_resolution), u.block))
    end = [content.end_rule(), *content.end_job_line(report, layout)]
    out.append(Piece(("end",), ("end",), "end", "", (), (), _eager(end)))
    return out


def _block_renderer(block: ResolvedBlock, links: content.NoteLinks, bookmarks: content.Bookmarks,
                    layout: Layout, in_resolution: bool, marks: Marks, first: bool) -> Callable[[], list[Element]]:
    def render() -> list[Element]:
        elements = content.block(block, links, bookmarks, layout, in_resolution)
        marks.place(block, elements)
        return break_before(elements) if first else elements  # the body after the contents page

    return render


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
    def body(self, resolved: ResolvedReport, links: content.NoteLinks, emblem: Element | None) -> list[Element]:
        numbers = _Numbers(content.Bookmarks(resolved))  # no bookmarks: cross-references are text here
        # The old version's headings get its contents' bookmarks from _step, on whichever version lays them out.
        old_pieces = pieces(self.old, content.NoteLinks(self.old.notes), emblem, numbers,
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
            footnotes.add_note(content.note_id(position)).append(p)


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
