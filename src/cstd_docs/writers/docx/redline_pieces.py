"""The pieces of a redline: each version's masthead, front lines, title and blocks, laid out by
the Word writer's own builders, with the signature that pairs a piece with the other version's."""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable
from typing import assert_never

import attrs
from attrs import frozen
from docx.oxml.ns import qn

from cstd_docs.compare import units
from cstd_docs.compare.blocks import block_runs, runs_text
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
    ResolvedReport,
    ResolvedTable,
    Runs,
    SubparagraphItem,
    Unnumbered,
)
from cstd_docs.resolve.instruments import within_resolutions
from cstd_docs.writers.docx import boxes, content, inline_runs, official
from cstd_docs.writers.docx import styles as st
from cstd_docs.writers.docx.contents import BOOKMARK_PREFIX, Marks, break_before, contents_page
from cstd_docs.writers.docx.layout import LAYOUTS, Layout
from cstd_docs.writers.docx.oxml.build import Element


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


def _front_pieces(report: ResolvedReport, links: inline_runs.NoteLinks, emblem: Element | None,
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


def _masthead_pieces(report: ResolvedReport, links: inline_runs.NoteLinks, emblem: Element | None,
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
        elements = boxes.letter(report.letter, st.HMG, lambda runs: inline_runs.inline(runs, links),
                                LAYOUTS[report.layout])
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


def _records_pieces(report: ResolvedReport, links: inline_runs.NoteLinks, emblem: Element | None) -> list[Piece]:
    """The Official Records front matter (official.py), a piece for each part; the title and the subtitles
    keyed as on a masthead's page, so that a version with one and a version with the other pair them."""
    out = []
    for index, part in enumerate(official.parts(report, links, emblem)):
        text = runs_text(part.runs, report.notes) if part.runs else part.text
        key: Hashable = ("title",) if part.kind == "title" else (part.kind, text) if part.kind == "subtitle" \
            else ("official", part.kind, index)
        out.append(Piece(key, key, part.kind, text, (part.kind, text), _refs(part.runs), _eager(part.elements)))
    return out


def _agenda_piece(report: ResolvedReport, line: AgendaLine, links: inline_runs.NoteLinks, layout: Layout) -> Piece:
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


class Numbers:
    """Blocks laid out without their text (their number alone), each kind and number once.

    A renumbered document needs the number of every block after the first change, in both
    versions; the same "12." serves both, copied (lxml copies faster than we build).
    """

    def __init__(self, bookmarks: inline_runs.Bookmarks) -> None:
        self.bookmarks = bookmarks
        self.no_notes = inline_runs.NoteLinks(())
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


def pieces(report: ResolvedReport, links: inline_runs.NoteLinks, emblem: Element | None,
           numbers: Numbers | None = None, marks: Marks | None = None) -> list[Piece]:
    """The masthead, the front page, every block and the end rule, in reading order; ``marks``: the
    bookmarks of the headings the version's contents page lists."""
    marks = marks or Marks(report.contents)
    out = _front_pieces(report, links, emblem, marks.prefix)
    bookmarks = inline_runs.Bookmarks(report)
    numbers = numbers or Numbers(bookmarks)
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


def _block_renderer(block: ResolvedBlock, links: inline_runs.NoteLinks, bookmarks: inline_runs.Bookmarks,
                    layout: Layout, in_resolution: bool, marks: Marks, first: bool) -> Callable[[], list[Element]]:
    def render() -> list[Element]:
        elements = content.block(block, links, bookmarks, layout, in_resolution)
        marks.place(block, elements)
        return break_before(elements) if first else elements  # the body after the contents page

    return render
