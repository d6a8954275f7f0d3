"""What a document shows, format-neutral: the format readers make it; ``assemble`` builds the model.

The data between the reader stages (docs/architecture.md): a format reader makes lines,
the classification stage (``classify``) makes these blocks, the assembly stages pair them
with the base report and build the model. Everything here is frozen: no stage changes
what an earlier one made.
"""

from __future__ import annotations

import enum
import re
import zlib
from collections.abc import Iterable, Sequence

from attrs import define, field, frozen

from cstd_docs.model import Alignment, DutyStation, Emphasis, Link, Strong, StrongEmphasis, TitleStyle


def _runs(value: Iterable[VRun]) -> tuple[VRun, ...]:
    return tuple(value)


#: What a note's text holds as printed.
NoteRun = str | Emphasis | Strong | Link | StrongEmphasis


def _note_text(value: Iterable[NoteRun]) -> tuple[NoteRun, ...]:
    return tuple(value)


@frozen
class VNote:
    """A footnote as printed: its mark and its text."""

    mark: str
    text: tuple[NoteRun, ...] = field(converter=_note_text)
    custom: bool = False


class VRef(str):
    """A cross-reference as printed (its label, e.g. "12"), with the bookmark its Word
    field points at. A ``str``, so it reads as its text wherever text is compared."""

    bookmark: str

    def __new__(cls, text: str, bookmark: str) -> VRef:
        ref = super().__new__(cls, text)
        ref.bookmark = bookmark
        return ref

    def __repr__(self) -> str:
        return f"VRef({str(self)!r}, bookmark={self.bookmark!r})"


VRun = str | Emphasis | VNote | Strong | Link | StrongEmphasis
VRuns = tuple[VRun, ...]


class BlockKind(enum.Enum):
    """What a printed block of the body is, once classified."""

    ANNEX = "annex"
    CHAPTER = "chapter"
    SECTION = "section"
    SUBSECTION = "subsection"
    PARAGRAPH = "paragraph"
    SUBPARAGRAPH = "subparagraph"
    UNNUMBERED = "unnumbered"
    # --- instruments (issue 12)
    RESOLUTION_LABEL = "resolution label"  # "Draft resolution II", "Resolution 68/1"
    RESOLUTION = "resolution"  # a resolution's title: where it starts when it prints no label
    ENACTING = "enacting"
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    DECISION_LABEL = "decision label"  # "Draft decision I", "Decision 68/101"
    DECISION = "decision"  # a decision's title: where it starts when it prints no label
    DECISION_TEXT = "decision text"
    # --- boxes (issue 13)
    SUMMARY = "summary"  # the boxed summary's heading ("Summary")
    BOX = "box"  # a box's heading: its label ("Box 1") as the number, its title as the runs
    BOX_END = "box end"  # where the frame closes (printed as the frame's end, not as text)
    # --- bulleted lists and indented lines (issue 13)
    BULLET = "bullet"  # its level in ``depth``
    LINE = "line"  # one of indented lines: its indent in ``depth``
    # --- tables and figures (issue 13)
    TABLE = "table"
    FIGURE = "figure"
    # --- provisional agendas and operative subheadings (issue 12)
    OPERATIVE_HEADING = "operative subheading"  # "Taking stock", before an operative paragraph
    AGENDA_TITLE = "agenda title"  # a provisional agenda's title
    AGENDA_HEADING = "agenda heading"  # "Operational segment", before an item
    AGENDA_SEPARATOR = "agenda separator"  # "***", before an item
    AGENDA_ITEM = "agenda item"
    AGENDA_SUB_ITEM = "agenda sub-item"
    DOCUMENTATION = "documentation"  # the word over an item's documents
    DOCUMENT = "document"


# --- tables and figures (issue 13) -----------------------------------------------------------------
@frozen
class VNoteLetter:
    """The mark of a table's note as a cell prints it (raised): its letter."""

    letter: str


#: A cell's runs: text as anywhere, and the marks of the table's notes.
CellRun = VRun | VNoteLetter


def _cell_runs(value: Iterable[CellRun]) -> tuple[CellRun, ...]:
    return tuple(value)


@frozen
class VCell:
    runs: tuple[CellRun, ...] = field(converter=_cell_runs)
    colspan: int = 1
    rowspan: int = 1
    align: Alignment = Alignment.LEFT


@frozen
class VTable:
    """A table as printed: its caption ("Table 1"; None for none) and title, its columns' widths in per
    cent, its header and body rows (each cell where it starts), its notes (letter, text) and source."""

    caption: str | None
    title: VRuns
    widths: tuple[float, ...]
    header: tuple[tuple[VCell, ...], ...]
    rows: tuple[tuple[VCell, ...], ...]
    notes: tuple[tuple[str, VRuns], ...] = ()
    source: VRuns | None = None


@frozen
class VFigure:
    """A figure as printed: caption, title, the image's bytes, its description and width in per cent
    of the text column, its source."""

    caption: str
    title: VRuns
    image: bytes = field(repr=False)
    description: str = ""
    width: int = 100
    source: VRuns | None = None


def _in_bold(runs: Iterable[VRun]) -> list[VRun]:
    """A title printed bold as a whole (a caption's): its bold text is the line's, its bold italic
    italic, as the Markdown writer prints them inside "**…**"."""
    return [r.text if isinstance(r, Strong) else Emphasis(r.text) if isinstance(r, StrongEmphasis) else r
            for r in runs]


def float_runs(shown: VTable | VFigure) -> list[VRun]:
    """Everything a table or a figure prints, as one run of text for pairing it with the base: the
    same texts are the same table (its spans, alignments and widths included as words)."""
    out: list[VRun] = [*_in_bold(shown.title)]
    if isinstance(shown, VTable):
        out.append(f" ‖ {' '.join(f'{w:.0f}' for w in shown.widths)}")
        for row in (*shown.header, *shown.rows):
            out.append(" ‖")
            for cell in row:
                out.append(f" | {cell.colspan}×{cell.rowspan} {cell.align.value} ")
                out.extend(f"^{r.letter}" if isinstance(r, VNoteLetter) else r for r in cell.runs)
        for letter, text in shown.notes:
            out.extend((f" ‖ {letter} ", *text))
    else:
        out.append(f" ‖ {shown.width} {shown.description} {len(shown.image)}:{zlib.crc32(shown.image)}")
    if shown.source is not None:
        out.extend((" ‖ ", *shown.source))
    return out
# --- end tables and figures


#: A note mark an instrument numbering its notes on its own typed (Word: "1"; Markdown: "II.1").
_RESTARTED = re.compile(r"(?:\S+\.)?\d{1,9}")


def restarted(note: VNote) -> bool:
    """A note numbered by a resolution or decision on its own: a typed number, not an asterisk."""
    return note.custom and _RESTARTED.fullmatch(note.mark) is not None


def asterisk(note: VNote) -> bool:
    """A note marked with asterisks (*, **): the first page's notes take them."""
    return note.custom and not restarted(note)


@frozen
class VBlock:
    """One printed block of the body: its kind, its text and the label it printed."""

    kind: BlockKind
    runs: VRuns = field(converter=_runs)
    number: str = ""
    #: The level of a subparagraph: 1 for (a), 2 for (i), 3 for a., 4 for i.
    depth: int = 0
    #: The place a person knows ("paragraph 12" of the Word file, "line 40" of the Markdown).
    where: str = ""
    #: The id the document itself gives the block (Markdown: ``<a id="…"></a>`` before its number).
    anchor: str | None = None
    #: A line that opens a block of indented lines (the lines after it, up to the next that
    #: opens one, are its block).
    opens: bool = False

    #: A table's or a figure's whole (issue 13); its ``runs`` are then :func:`float_runs`.
    floating: VTable | VFigure | None = None
    #: A decimal clause's depth from its printed number: "3.1.1." is 3; 1 for any other.
    level: int = 1
    #: The Word writer's bookmark on the block's label, named from an id the draft no longer
    #: holds without its source (crossrefs.bookmark_name): a cross-reference's target.
    bookmark: str | None = None


@frozen
class VLetter:
    """A letter of transmittal as printed: its heading, paragraphs, signature lines and the title under them."""

    heading: str
    paragraphs: tuple[VRuns, ...] = ()
    signatures: tuple[str, ...] = ()
    title_lines: tuple[str, ...] = ()


@frozen
class VContents:
    """A contents page was shown (issue 14): with the "Paragraphs" column or without it."""

    paragraphs: bool


@frozen
class Visible:
    """Everything the body and the first page show, in reading order."""

    masthead_lines: tuple[str, ...] = ()
    #: The symbol, where the format puts it in a known place (Markdown: after "United Nations · ");
    #: "" when that place is shown empty (the report has no symbol); None when there is no such place.
    symbol: str | None = None
    front_lines: tuple[VRuns, ...] = ()
    title: VRuns = field(default=(), converter=_runs)
    subtitles: tuple[VRuns, ...] = ()
    blocks: tuple[VBlock, ...] = ()
    #: The title's style where the format shows one (Word: "HMG" or "HChG"); Markdown shows none.
    title_style: TitleStyle | None = None
    #: The duty station's layout where the format shows it (Word: by the page size); Markdown shows none.
    duty_station: DutyStation | None = None
    letter: VLetter | None = None
    #: The contents page, when one is shown (its entries are derived: only its presence is read).
    contents: VContents | None = None
    #: The lines of the Official Records front matter (title page, note on symbols, the report's date),
    #: in order, a line a piece (a symbol after a tab is a line of its own); None when not shown.
    official_records: tuple[VRuns, ...] | None = None


@define
class Collecting:
    """A :class:`Visible` being collected by a format reader, line by line; ``done`` freezes it."""

    masthead_lines: list[str] = field(factory=list)
    symbol: str | None = None
    front_lines: list[Sequence[VRun]] = field(factory=list)
    title: Sequence[VRun] = ()
    subtitles: list[Sequence[VRun]] = field(factory=list)
    blocks: list[VBlock] = field(factory=list)
    title_style: TitleStyle | None = None
    duty_station: DutyStation | None = None
    #: The letter of transmittal (issue 13): ``readers.letter.Reading`` collects it line by line.
    letter: VLetter | None = None
    contents: VContents | None = None
    official_records: list[Sequence[VRun]] | None = None

    def done(self) -> Visible:
        records = None if self.official_records is None else tuple(tuple(x) for x in self.official_records)
        return Visible(tuple(self.masthead_lines), self.symbol, tuple(tuple(x) for x in self.front_lines),
                       tuple(self.title), tuple(tuple(x) for x in self.subtitles), tuple(self.blocks),
                       self.title_style, self.duty_station, self.letter, self.contents, records)
