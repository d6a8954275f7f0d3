"""Every piece of text a report prints, with its JSON path and the place a person knows.

The walk goes over the model as :func:`cstd_docs.model.walk.walk` visits it (for the JSON
paths an author edits) and takes the printed form of each piece from the resolved document:
French spacing applied, cross-references replaced by the numbers they print, note marks where
they stand. A model node finds its
resolved block by identity (``origin``); inline item ``i`` of a field is run ``i`` of its
block, since the resolution pass maps each inline to exactly one run.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import re
from collections.abc import Iterator
from typing import assert_never

from attrs import frozen

from cstd_docs.editorial.rules import Kind
from cstd_docs.model import (
    AgendaDocument,
    Annex,
    Box,
    Chapter,
    Citation,
    CrossRef,
    Decision,
    DecisionParagraph,
    Delegation,
    Emphasis,
    Figure,
    Findings,
    Inline,
    Inlines,
    Link,
    Note,
    Operative,
    Organization,
    Paragraph,
    Person,
    Preambular,
    ProvisionalAgenda,
    ProvisionalItem,
    ProvisionalSubItem,
    Report,
    Resolution,
    Section,
    Strong,
    StrongEmphasis,
    Subparagraph,
    Subsection,
    Suggestion,
    Table,
    TableNoteMark,
    UnnumberedText,
)
from cstd_docs.model.lists import Bullet, IndentedLines, Line
from cstd_docs.model.walk import Visit, walk
from cstd_docs.resolve.document import (
    AgendaPart,
    BoxStart,
    BulletItem,
    Heading,
    HeadingLevel,
    InstrumentHeading,
    InstrumentText,
    LineItem,
    NoteRef,
    NumberedParagraph,
    OperativeParagraph,
    ResolvedBlock,
    ResolvedCell,
    ResolvedFigure,
    ResolvedReport,
    ResolvedTable,
    Run,
    SubparagraphItem,
    Unnumbered,
)

#: What a note mark is in a text's joined string: one private-use character.
NOTE_MARK = "\ue000"
#: URLs and e-mail addresses: no editorial rule applies inside them.
_URL = re.compile(r"\b(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE)


class Piece(enum.Enum):
    TEXT = "text"
    EMPHASIS = "emphasis"  # titles of publications: reproduced as published
    REFERENCE = "reference"  # a cross-reference's printed number
    NOTE = "note"  # a note mark
    LINK = "link"  # a link's text: a document symbol or an address, as it is


@frozen
class Segment:
    piece: Piece
    text: str
    path: str


@frozen
class Text:
    """One field as printed: its segments, its kind, and where it is. Make one with :meth:`of`."""

    kind: Kind
    segments: tuple[Segment, ...]
    #: The JSON path of the field ("$.chapters[4].content[1].text").
    path: str
    #: The place a reader knows: "paragraph 14", "paragraph 1 (b)", "chapter IV", "note 16".
    place: str
    #: The id of the node, or of the nearest one that has an id.
    ident: str | None
    #: The label the renderer prints before the text ("14.", "(b)", "IV."), if any.
    label: str | None
    #: The text as one string, a note mark standing for each note.
    string: str
    #: Where each segment starts in :attr:`string`.
    starts: tuple[int, ...]
    #: The spans of URLs and e-mail addresses in :attr:`string`.
    urls: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, kind: Kind, segments: tuple[Segment, ...], path: str, place: str, ident: str | None = None,
           label: str | None = None) -> Text:
        pieces = [NOTE_MARK if s.piece is Piece.NOTE else s.text for s in segments]
        starts = tuple(itertools.accumulate((len(p) for p in pieces[:-1]), initial=0)) if pieces else ()
        string = "".join(pieces)
        urls = tuple(m.span() for m in _URL.finditer(string))
        return cls(kind, segments, path, place, ident, label, string, starts, urls)

    def path_at(self, offset: int) -> str:
        """The JSON path of the segment holding character ``offset`` of :attr:`string`."""
        if not self.segments:
            return self.path
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.segments[index].path

    def spans(self, piece: Piece) -> Iterator[tuple[int, int]]:
        for segment, start in zip(self.segments, self.starts, strict=True):
            if segment.piece is piece:
                yield start, start + (1 if piece is Piece.NOTE else len(segment.text))


def places(resolved: ResolvedReport) -> dict[int, str]:
    """The place of each heading and numbered paragraph as a reader names it, by ``id`` of its
    model node: "chapter IV, section A", "Annex I, chapter II", "Annex I, paragraph 3"."""
    out: dict[int, str] = {}
    above: dict[HeadingLevel, str] = {}
    order = list(HeadingLevel)
    for block in resolved.blocks:
        if isinstance(block, Heading):
            for level in order[order.index(block.level):]:
                above.pop(level, None)
            own = _number(block.number) if block.level is HeadingLevel.ANNEX else \
                f"{block.level.value} {_number(block.number) or _titled(block)}"
            parent = next((above[level] for level in reversed(order) if level in above), None)
            above[block.level] = f"{parent}, {own}" if parent else own
            place = above[block.level]
        elif isinstance(block, NumberedParagraph):
            annex = above.get(HeadingLevel.ANNEX)
            place = f"{annex}, paragraph {_number(block.number)}" if annex else f"paragraph {_number(block.number)}"
        else:
            continue
        if block.origin is not None:
            out[id(block.origin)] = place
    return out


def _titled(heading: Heading) -> str:
    """A heading that prints no numeral, placed by its title's first words: 'chapter “Agenda items 1 and 2”'."""
    words = " ".join("".join(r if isinstance(r, str) else getattr(r, "text", "") for r in heading.title).split())
    return f"“{words[:40]}…”" if len(words) > 40 else f"“{words}”"


def _number(label: str) -> str:
    """"12." → "12"; Arabic "12 -" → "12"."""
    return label.strip().rstrip(".-").strip()


class _Walk:
    def __init__(self, resolved: ResolvedReport) -> None:
        self.resolved = resolved
        self.blocks: dict[int, ResolvedBlock] = {id(b.origin): b for b in resolved.blocks if b.origin is not None}
        self.out: list[Text] = []
        self.places = places(resolved)
        self.paragraph = "the start of the report"  # the last numbered paragraph, for unnumbered text
        # Printed paragraphs, suggestions and items by ``id``: the place and id their items take.
        self.holders: dict[int, tuple[str, str | None]] = {}
        # Printed resolutions and decisions by ``id``: the label their paragraphs are placed by.
        self.instruments: dict[int, str] = {}

    # --- inline content --------------------------------------------------------------
    def field(self, kind: Kind, path: str, inlines: Inlines, runs: tuple[Run, ...], place: str,
              ident: str | None, label: str | None = None) -> None:
        segments: list[Segment] = []
        at = len(self.out)  # the field goes before the notes its segments add: reading order
        for index, (item, run) in enumerate(zip(inlines, runs, strict=True)):
            here = f"{path}[{index}]" if len(inlines) > 1 else path
            segments.append(self.segment(item, run, here, place, ident))
        self.out.insert(at, Text.of(kind, tuple(segments), path, place, ident, label))

    def segment(self, item: Inline, run: Run, here: str, place: str, ident: str | None) -> Segment:
        match item:
            case str():
                return Segment(Piece.TEXT, str(run), here)
            case Strong():  # bold text is text: every rule applies
                return Segment(Piece.TEXT, run.text if isinstance(run, Strong) else str(run), f"{here}.strong")
            case Link():
                return Segment(Piece.LINK, run.text if isinstance(run, Link) else str(run), f"{here}.link")
            case Emphasis():
                return Segment(Piece.EMPHASIS, run.text if isinstance(run, Emphasis) else str(run), f"{here}.emphasis")
            case StrongEmphasis():  # italic first: a title in bold text, reproduced as published
                text = run.text if isinstance(run, StrongEmphasis) else str(run)
                return Segment(Piece.EMPHASIS, text, f"{here}.strong_emphasis")
            case CrossRef():
                return Segment(Piece.REFERENCE, str(run), f"{here}.ref")
            case Note():
                if isinstance(run, NoteRef):
                    note = self.resolved.notes[run.note]
                    runs = tuple(note.text)
                    self.field(Kind.NOTE, f"{here}.note", item.text, runs, f"note {run.mark} ({place})", ident)
                return Segment(Piece.NOTE, "", here)
            case Citation():
                return Segment(Piece.NOTE, "", f"{here}.cite")
            case TableNoteMark():
                return Segment(Piece.NOTE, "", f"{here}.table_note")
            case _:
                assert_never(item)

    def printed(self, node: object) -> ResolvedBlock | None:
        return self.blocks.get(id(node))

    # --- the body, node by node as model.walk visits it ------------------------------
    def visit(self, visit: Visit) -> None:
        path, node = visit.path, visit.node
        match node:  # the most frequent kinds first: a match tries its cases in order
            case Paragraph():
                resolved = self.printed(node)
                if isinstance(resolved, NumberedParagraph):
                    self.paragraph = self.places[id(node)]
                    self.holders[id(node)] = (self.paragraph, node.id)
                    self.field(Kind.BODY, f"{path}.text", node.text, resolved.text, self.paragraph, node.id,
                               resolved.number)
            case Subparagraph():
                self.subparagraph(visit, node)
            case UnnumberedText():
                resolved = self.printed(node)
                if isinstance(resolved, Unnumbered):
                    where = f"the summary, paragraph {visit.index + 1}" if visit.within == "$.summary" \
                        else f"unnumbered text after {self.paragraph}"
                    self.field(Kind.BODY, f"{path}.unnumbered", node.unnumbered, resolved.text, where, node.id)
            case Annex() | Chapter() | Section() | Subsection():
                self.title(f"{path}.title", node, node.title)
            case Findings():
                self.title(f"{path}.theme", node, node.theme)
            case Suggestion():
                self.suggestion(path, node)
            case Resolution() | Decision():
                self.instrument(path, node)
            case Preambular():
                printed = self.printed(node)
                if isinstance(printed, InstrumentText):
                    name = self.instruments.get(id(visit.parent), "the resolution")
                    self.field(Kind.BODY, f"{path}.text", node.text, printed.text, f"{name}, preamble", node.id)
            case Operative():
                self.operative(visit, node)
            case Box():
                printed = self.printed(node)
                if isinstance(printed, BoxStart):
                    self.field(Kind.HEADING, f"{path}.box", node.title, printed.title, printed.label, node.id)
            case DecisionParagraph():
                printed = self.printed(node)
                if isinstance(printed, InstrumentText):
                    name = self.instruments.get(id(visit.parent), "the decision")
                    self.holders[id(node)] = (name, node.id)
                    self.field(Kind.BODY, f"{path}.text", node.text, printed.text, name, node.id)
            case Bullet() | Line():
                self.unlabelled(path, node)
            case IndentedLines():
                pass  # its lines are printed, each a visit of its own
            case Table() | Figure():
                self.table_or_figure(path, node)
            case ProvisionalAgenda() | ProvisionalItem() | ProvisionalSubItem() | AgendaDocument():
                self.agenda(visit, node)
            case _:
                assert_never(node)

    def unlabelled(self, path: str, node: Bullet | Line) -> None:
        """A bullet or an indented line, placed after the last numbered paragraph."""
        printed = self.printed(node)
        if isinstance(node, Bullet) and isinstance(printed, BulletItem):
            self.field(Kind.BODY, f"{path}.bullet", node.bullet, printed.text, f"a bullet after {self.paragraph}",
                       node.id)
        elif isinstance(node, Line) and isinstance(printed, LineItem):
            self.field(Kind.BODY, f"{path}.line", node.line, printed.text, f"a line after {self.paragraph}",
                       node.id)

    # --- tables and figures (issue 13): the title, the cells, the notes and the source -------------
    def table_or_figure(self, path: str, node: Table | Figure) -> None:
        printed = self.printed(node)
        if not isinstance(printed, (ResolvedTable, ResolvedFigure)):
            return
        place = printed.caption.lower() if printed.caption else f"the table after {self.paragraph}"
        if node.title is not None:
            self.field(Kind.HEADING, f"{path}.title", node.title, printed.title, place, node.id)
        if isinstance(node, Table) and isinstance(printed, ResolvedTable):
            for part, rows, laid in (("header", node.header, printed.header), ("rows", node.rows, printed.rows)):
                cells = iter(cell for row in laid for cell in row if isinstance(cell, ResolvedCell))
                for r, row in enumerate(rows):
                    for c, cell in enumerate(row):
                        self.field(Kind.TABLE, f"{path}.{part}[{r}][{c}]", cell.text, next(cells).text,
                                   f"{place}, row {r + 1}" if part == "rows" else f"{place}, header", node.id)
            for index, (note, letter) in enumerate(zip(node.notes, printed.notes, strict=True)):
                self.field(Kind.NOTE, f"{path}.notes[{index}].text", note.text, letter.text,
                           f"{place}, note {letter.letter}", node.id)
        if node.source is not None and printed.source is not None:
            self.field(Kind.NOTE, f"{path}.source", node.source, printed.source, f"{place}, source", node.id)

    def subparagraph(self, visit: Visit, sub: Subparagraph) -> None:
        """An item printed under a printed paragraph, suggestion or item; nothing under one not printed."""
        holder = self.holders.get(id(visit.parent))
        resolved = self.printed(sub)
        if holder is None or not isinstance(resolved, SubparagraphItem):
            return
        place, ident = holder
        sub_place = f"{place} {resolved.label}"
        self.holders[id(sub)] = (sub_place, sub.id or ident)
        self.field(Kind.BODY, f"{visit.path}.text", sub.text, resolved.text, sub_place, sub.id or ident,
                   resolved.label)

    # --- instruments: resolutions and decisions, placed by their labels ----------------------------
    def instrument(self, path: str, node: Resolution | Decision) -> None:
        """Its title (and a resolution's enacting formula); its paragraphs are visits of their own."""
        heading = self.printed(node)
        if not isinstance(heading, InstrumentHeading):
            return
        name = heading.label or ("the resolution" if isinstance(node, Resolution) else "the decision")
        self.instruments[id(node)] = name
        self.field(Kind.HEADING, f"{path}.title", node.title, heading.title, name, node.id)
        if isinstance(node, Resolution):
            enacting = self.resolved.blocks[self.resolved.blocks.index(heading) + 1]
            if isinstance(enacting, InstrumentText):
                self.field(Kind.BODY, f"{path}.enacting", node.enacting, enacting.text, name, node.id)

    def operative(self, visit: Visit, node: Operative) -> None:
        resolved = self.printed(node)
        if not isinstance(resolved, OperativeParagraph):
            return
        name = self.instruments.get(id(visit.parent), "the resolution")
        place = f"{name}, paragraph {_number(resolved.number)}"
        self.holders[id(node)] = (place, node.id)
        if node.heading:  # its subheading, printed right before it
            self.before(Kind.HEADING, f"{visit.path}.heading", node.heading, resolved, f"{place}, its subheading",
                        node.id)
        self.field(Kind.BODY, f"{visit.path}.text", node.text, resolved.text, place, node.id, resolved.number)

    def before(self, kind: Kind, path: str, inlines: Inlines, block: ResolvedBlock, place: str,
               ident: str | None) -> None:
        """A heading a node prints right before its own block (a subheading, an agenda's heading)."""
        at = self.resolved.blocks.index(block)
        heading = self.resolved.blocks[at - 1] if at else None
        ours = heading is not None and heading.origin is block.origin
        titled = (Heading, InstrumentHeading, BoxStart, ResolvedTable, ResolvedFigure)
        if ours and heading is not None and not isinstance(heading, titled):
            self.field(kind, path, inlines, heading.text, place, ident)

    def agenda(self, visit: Visit, node: ProvisionalAgenda | ProvisionalItem | ProvisionalSubItem | AgendaDocument
               ) -> None:
        """A provisional agenda's title, items, sub-items and documents, placed by their numbers."""
        resolved = self.printed(node)
        if not isinstance(resolved, AgendaPart):
            return
        holder = self.holders.get(id(visit.parent), ("the provisional agenda", None))[0]
        path = visit.path
        match node:
            case ProvisionalAgenda():
                self.field(Kind.HEADING, f"{path}.title", node.title, resolved.text, "the provisional agenda", node.id)
            case ProvisionalItem() | ProvisionalSubItem():
                place = f"the provisional agenda, item {_number(resolved.label)}" if isinstance(node, ProvisionalItem) \
                    else f"{holder} {resolved.label}"
                self.holders[id(node)] = (place, node.id)
                if isinstance(node, ProvisionalItem) and node.heading:
                    self.before(Kind.HEADING, f"{path}.heading", node.heading, resolved, f"{place}, its heading",
                                node.id)
                self.field(Kind.BODY, f"{path}.text", node.text, resolved.text, place, node.id, resolved.label)
            case AgendaDocument():  # its title; the symbol after it is checked as a symbol
                self.field(Kind.BODY, f"{path}.title", node.title, resolved.text[: len(node.title)],
                           f"{holder}, document {visit.index + 1}", node.id)
            case _:
                assert_never(node)

    def title(self, path: str, node: Annex | Chapter | Section | Subsection | Findings, title: Inlines) -> None:
        resolved = self.printed(node)
        if isinstance(resolved, Heading):
            self.field(Kind.HEADING, path, title, resolved.title, self.places[id(node)], node.id, resolved.number)

    def suggestion(self, path: str, suggestion: Suggestion) -> None:
        resolved = self.printed(suggestion)
        if not isinstance(resolved, NumberedParagraph):
            return
        self.paragraph = self.places[id(suggestion)]
        self.holders[id(suggestion)] = (self.paragraph, suggestion.id)
        # The lead-in is the language's fixed wording; only the addressee is the author's.
        self.out.append(Text.of(Kind.BODY, (Segment(Piece.TEXT, suggestion.addressee, f"{path}.addressee"),),
                             f"{path}.addressee", self.paragraph, suggestion.id))

    # --- the rest ------------------------------------------------------------------------
    def front(self, report: Report) -> None:
        self.field(Kind.FRONT, "$.title", report.title, self.resolved.title, "the title", None)
        for index, (subtitle, runs) in enumerate(zip(report.subtitles, self.resolved.subtitles, strict=True)):
            self.field(Kind.FRONT, f"$.subtitles[{index}]", subtitle, runs, f"subtitle {index + 1}", None)
        for index, (item, line) in enumerate(zip(report.agenda_items, self.resolved.front.agenda, strict=True)):
            path = f"$.agenda_items[{index}].title"
            segment = Segment(Piece.TEXT, line.title, path)
            self.out.append(Text.of(Kind.FRONT, (segment,), path, f"agenda item {item.label}"))

    def letter(self, report: Report) -> None:
        """The letter of transmittal's paragraphs (its heading is composed; the names are names)."""
        letter, printed = report.letter, self.resolved.letter
        if letter is None or printed is None:
            return
        for index, (paragraph, runs) in enumerate(zip(letter.paragraphs, printed.paragraphs, strict=True)):
            self.field(Kind.FRONT, f"$.letter.paragraphs[{index}]", paragraph, runs,
                       f"the letter, paragraph {index + 1}", None)

    def registry(self, report: Report) -> None:
        for ident, who in report.participants.items():
            here = f"$.participants[{ident!r}]"
            match who:
                case Person():
                    fields = {"name": who.name, "position": who.position, "organization": who.organization,
                              "country": who.country}
                case Delegation():
                    fields = {"country": who.country}
                case Organization():
                    fields = {"name": who.name, "country": who.country}
                case _:
                    assert_never(who)
            for name, value in fields.items():
                if value:
                    path = f"{here}.{name}"
                    self.out.append(Text.of(Kind.REGISTRY, (Segment(Piece.TEXT, value, path),), path,
                                         f"participant {ident!r}"))


def texts(resolved: ResolvedReport) -> list[Text]:
    """Every printed text of the report, in reading order (the registry last)."""
    report = resolved.source
    out = _Walk(resolved)
    out.front(report)
    out.letter(report)
    for visit in walk(report):
        out.visit(visit)
    out.registry(report)
    return out.out
