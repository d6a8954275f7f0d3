"""The base: the report a draft carries (docs/round-trip.md), as the blocks it printed.

Each resolved block names the model node it came from (``origin``), so a base item is
that node with what it printed: its kind, its signature and its label. The readers pair
what they see with these items by text, and through them with the node, never by the
order of a walk.
"""

from __future__ import annotations

from typing import assert_never

from attrs import frozen

from cstd_docs.model import (
    AgendaDocument,
    Annex,
    Box,
    Chapter,
    Decision,
    DecisionParagraph,
    Figure,
    Findings,
    Inlines,
    Node,
    Operative,
    Paragraph,
    Preambular,
    ProvisionalAgenda,
    ProvisionalItem,
    ProvisionalSubItem,
    Report,
    Resolution,
    Section,
    Subparagraph,
    Subsection,
    Suggestion,
    Table,
    UnnumberedText,
)
from cstd_docs.model.lists import Bullet, IndentedLines, Line
from cstd_docs.readers.signature import Sig, signature
from cstd_docs.readers.visible import (
    BlockKind,
    CellRun,
    VCell,
    VFigure,
    VNote,
    VNoteLetter,
    VRun,
    VTable,
    float_runs,
)
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import (
    AgendaPart,
    AgendaPartKind,
    BoxKind,
    BoxStart,
    BulletItem,
    Heading,
    HeadingLevel,
    InstrumentHeading,
    InstrumentKind,
    InstrumentText,
    InstrumentTextKind,
    LineItem,
    NoteLetter,
    NoteRef,
    NumberedParagraph,
    OperativeParagraph,
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


@frozen
class BaseItem:
    """A block the base printed, and the node it came from (None for fixed wording)."""

    kind: BlockKind
    node: Node | None
    sig: Sig
    #: What it printed as its number: "12.", "(a)", "II", "Annex I" ("" for unnumbered text).
    label: str

    @property
    def id(self) -> str | None:
        return self.node.id if self.node is not None else None


@frozen
class Base:
    """The source report, resolved, and its blocks as base items in reading order."""

    report: Report
    doc: ResolvedReport
    items: tuple[BaseItem, ...]


def resolved_runs(runs: Runs, notes: tuple[ResolvedNote, ...]) -> list[VRun]:
    """Resolved runs as a reader would see them printed: each note mark with its text."""
    out: list[VRun] = []
    for run in runs:
        if isinstance(run, NoteRef):
            note = notes[run.note]
            out.append(VNote(run.mark, note.text, run.custom))
        elif not isinstance(run, NoteLetter):  # a table's note marks: printed in its cells (shown_float)
            out.append(run)
    return out


def heading_kind(level: HeadingLevel) -> BlockKind:
    match level:
        case HeadingLevel.ANNEX:
            return BlockKind.ANNEX
        case HeadingLevel.CHAPTER:
            return BlockKind.CHAPTER
        case HeadingLevel.SECTION:
            return BlockKind.SECTION
        case HeadingLevel.SUBSECTION:
            return BlockKind.SUBSECTION
        case _:
            assert_never(level)


#: What an instrument's unnumbered text is read as.
_TEXT_KINDS = {InstrumentTextKind.ENACTING: BlockKind.ENACTING, InstrumentTextKind.PREAMBULAR: BlockKind.PREAMBULAR,
               InstrumentTextKind.DECISION: BlockKind.DECISION_TEXT,
               InstrumentTextKind.SUBHEADING: BlockKind.OPERATIVE_HEADING}
#: What a provisional agenda's parts are read as.
_AGENDA_KINDS = {AgendaPartKind.TITLE: BlockKind.AGENDA_TITLE, AgendaPartKind.HEADING: BlockKind.AGENDA_HEADING,
                 AgendaPartKind.SEPARATOR: BlockKind.AGENDA_SEPARATOR, AgendaPartKind.ITEM: BlockKind.AGENDA_ITEM,
                 AgendaPartKind.SUB_ITEM: BlockKind.AGENDA_SUB_ITEM,
                 AgendaPartKind.DOCUMENTATION: BlockKind.DOCUMENTATION, AgendaPartKind.DOCUMENT: BlockKind.DOCUMENT}


def printed(block: ResolvedBlock) -> tuple[BlockKind, Runs, str]:
    """What a resolved block shows: its kind, its runs and its label."""
    match block:
        case Heading():
            return heading_kind(block.level), block.title, block.number
        case NumberedParagraph():
            return BlockKind.PARAGRAPH, block.text, block.number
        case SubparagraphItem():
            return BlockKind.SUBPARAGRAPH, block.text, block.label
        case Unnumbered():
            return BlockKind.UNNUMBERED, block.text, ""
        case InstrumentHeading():  # its label, if it prints one, is read apart (classify)
            decision = block.kind is InstrumentKind.DECISION
            return BlockKind.DECISION if decision else BlockKind.RESOLUTION, block.title, block.label
        case InstrumentText():
            return _TEXT_KINDS[block.kind], block.text, ""
        case OperativeParagraph():
            return BlockKind.OPERATIVE, block.text, block.number
        case BoxStart():
            return BlockKind.SUMMARY if block.kind is BoxKind.SUMMARY else BlockKind.BOX, block.title, block.label
        case BulletItem():
            return BlockKind.BULLET, block.text, ""
        case LineItem():
            return BlockKind.LINE, block.text, ""
        case ResolvedTable():  # its whole print is its signature (shown_float); its label, its number
            return BlockKind.TABLE, block.title, block.number
        case ResolvedFigure():
            return BlockKind.FIGURE, block.title, block.number
        case AgendaPart():
            return _AGENDA_KINDS[block.kind], block.text, block.label
        case _:
            assert_never(block)


# --- tables and figures (issue 13) ------------------------------------------------------------------
def shown_float(block: ResolvedTable | ResolvedFigure, notes: tuple[ResolvedNote, ...]) -> VTable | VFigure:
    """A resolved table or figure as a reader sees it printed."""
    def runs(value: Runs) -> tuple[VRun, ...]:
        return tuple(resolved_runs(value, notes))

    source = runs(block.source) if block.source is not None else None
    if isinstance(block, ResolvedFigure):
        return VFigure(block.caption, runs(block.title), block.image, block.description, block.width, source)

    def cell(c: ResolvedCell) -> VCell:
        shown: list[CellRun] = []
        for r in c.text:
            if isinstance(r, NoteLetter):
                shown.append(VNoteLetter(r.letter))
            else:
                shown.extend(resolved_runs((r,), notes))
        return VCell(shown, c.colspan, c.rowspan, c.align)

    rows = [tuple(tuple(cell(c) for c in row if isinstance(c, ResolvedCell)) for row in part)
            for part in (block.header, block.rows)]
    return VTable(block.caption, runs(block.title), block.widths, rows[0], rows[1],
                  tuple((note.letter, runs(note.text)) for note in block.notes), source)
# --- end tables and figures


def base_of(report: Report) -> Base:
    doc = resolve(report)
    items = []
    for block in doc.blocks:
        kind, runs, label = printed(block)
        shown = resolved_runs(runs, doc.notes) if not isinstance(block, (ResolvedTable, ResolvedFigure)) \
            else float_runs(shown_float(block, doc.notes))
        items.append(BaseItem(kind, block.origin, signature(shown), label))
    return Base(report, doc, tuple(items))


def unnumbered(base: Base | None) -> frozenset[Sig]:
    """What the base printed as unnumbered text: a line that prints it, word for word, stays unnumbered."""
    if base is None:
        return frozenset()
    return frozenset(item.sig for item in base.items if item.kind is BlockKind.UNNUMBERED)


#: The kinds an instrument prints as lines without a label (issue 12).
UNLABELLED = (BlockKind.ENACTING, BlockKind.PREAMBULAR, BlockKind.DECISION_TEXT, BlockKind.AGENDA_SEPARATOR,
              BlockKind.DOCUMENTATION, BlockKind.DOCUMENT)


def unlabelled(base: Base | None) -> dict[Sig, frozenset[BlockKind]]:
    """What the base's instruments printed without a label, with the kinds they printed it as: a line that
    prints it, word for word, is read as unlabelled ("12." typed by the author), and as one of those kinds."""
    if base is None:
        return {}
    found: dict[Sig, set[BlockKind]] = {}
    for item in base.items:
        if item.kind in UNLABELLED:
            found.setdefault(item.sig, set()).add(item.kind)
    return {sig: frozenset(kinds) for sig, kinds in found.items()}


def node_text(node: Node) -> Inlines | None:
    """The inline content a node prints as its block's text (a suggestion's is composed)."""
    match node:
        case Annex() | Chapter() | Section() | Subsection():
            return node.title
        case Findings():
            return node.theme
        case Paragraph() | Subparagraph():
            return node.text
        case UnnumberedText():
            return node.unnumbered
        case Suggestion():
            return None
        case Resolution() | Decision():
            return node.title
        case Preambular() | Operative() | DecisionParagraph():
            return node.text
        case Box():
            return node.title
        case Bullet():
            return node.bullet
        case Line():
            return node.line
        case IndentedLines():
            return None  # its lines print
        case Table() | Figure():
            return node.title
        case ProvisionalAgenda() | AgendaDocument():  # a document prints its symbol after its title
            return node.title if isinstance(node, ProvisionalAgenda) else None
        case ProvisionalItem() | ProvisionalSubItem():
            return node.text
        case _:
            assert_never(node)
