"""The resolved document: what every writer lays out, with every number already decided.

The resolution pass turns a :class:`~cstd_docs.model.Report` into a flat sequence of
headings, numbered paragraphs, subparagraphs and unnumbered text, plus the notes in
order with their marks and texts. Writers walk this sequence; they never count, look
up participants or compose fixed wording themselves.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from attrs import field, frozen

from cstd_docs.model import (
    Alignment,
    DutyStation,
    Emphasis,
    Link,
    Node,
    Numbering,
    Report,
    Strong,
    StrongEmphasis,
    TitleStyle,
)
from cstd_docs.resolve.front_pages import ResolvedContents, ResolvedOfficialRecords


@frozen
class NoteRef:
    """Where a note's mark stands in the text.

    ``mark`` is what is printed ("6", or "*" for a custom mark); ``note`` indexes
    :attr:`ResolvedReport.notes`.
    """

    note: int
    mark: str
    custom: bool = False
    #: Where marks repeat (an instrument's own notes restart at 1), a name unique in the document
    #: for the formats that need one ("II.1": the note marked 1 in draft resolution II); else None.
    key: str | None = None


class Reference(str):
    """A settled cross-reference: the label it prints ("12", "III", "(a)"), and ``target``,
    the id of the block it names.

    It is a ``str``, so anything that lays out text lays it out unchanged (Markdown prints
    the number); a writer that can keep the link looks at ``target`` (the Word writer
    makes a REF field to a bookmark on the target's number, so that an edited draft reads
    back with its cross-references).
    """

    target: str

    def __new__(cls, label: str, target: str) -> Reference:
        reference = super().__new__(cls, label)
        reference.target = target
        return reference

    def __repr__(self) -> str:
        return f"Reference({str(self)!r}, target={self.target!r})"

    def __reduce__(self) -> tuple[type[Reference], tuple[str, str]]:
        return (Reference, (str(self), self.target))


@frozen
class NoteLetter:
    """The mark of a table's note in a cell: its letter ("a"), printed raised (issue 13)."""

    letter: str


#: Resolved inline content: text, italic, bold or bold italic text, a link, a note mark, a table
#: note's letter. Cross-references are already replaced by the label they print, as
#: :class:`Reference` strings; a link to a document symbol already has its address. A "\n" in
#: text is a line break.
Run = str | Emphasis | NoteRef | Strong | Link | StrongEmphasis | NoteLetter
Runs = tuple[Run, ...]


class NoteOrigin(enum.Enum):
    NOTE = "note"  # free text written by the author
    CITATION = "citation"  # composed from the participant registry
    AGENDA = "agenda"  # the provisional agenda's symbol


@frozen
class ResolvedNote:
    """A footnote in document order, with its printed mark and its full text."""

    mark: str
    custom: bool
    text: tuple[str | Emphasis | Strong | Link | StrongEmphasis, ...]
    origin: NoteOrigin
    #: Registry ids of a citation's participants (empty otherwise), for readers and exports.
    participants: tuple[str, ...] = ()
    #: As :attr:`NoteRef.key`.
    key: str | None = None


class HeadingLevel(enum.Enum):
    ANNEX = "annex"  # "Annex I" + title
    CHAPTER = "chapter"  # I.   HChG
    SECTION = "section"  # A.   H1G
    SUBSECTION = "subsection"  # 1.   H23G


@frozen
class Heading:
    level: HeadingLevel
    #: "I.", "A.", "1." — or for an annex its label, "Annex" / "Annex II"; "" for a heading that
    #: prints no numeral (``numbered=False``).
    number: str
    title: Runs
    id: str | None = None
    #: The model node this block came from; None for fixed wording (the "Main findings" heading).
    origin: Node | None = field(default=None, eq=False, repr=False)
    #: A chapter's "Chapter I", which the New York layout prints on its own line above the title.
    caption: str | None = None


@frozen
class NumberedParagraph:
    #: "12." — the label as printed, including its full stop.
    number: str
    text: Runs
    id: str | None = None
    #: The model node this block came from; None for fixed wording (the "Main findings" heading).
    origin: Node | None = field(default=None, eq=False, repr=False)
    #: Under decimal numbering, the clause's depth: "3.1.1." is level 3.
    level: int = 1
    #: The scheme the number follows, for the layout of the number and its text.
    numbering: Numbering = Numbering.UN


@frozen
class SubparagraphItem:
    #: "(a)", "(i)", "a.", "i." (or the language's own form).
    label: str
    #: 1 for (a), 2 for (i), 3 for a., 4 for i.
    depth: int
    text: Runs
    id: str | None = None
    #: The model node this block came from; None for fixed wording (the "Main findings" heading).
    origin: Node | None = field(default=None, eq=False, repr=False)


@frozen
class Unnumbered:
    text: Runs
    id: str | None = None
    #: The model node this block came from; None for fixed wording (the "Main findings" heading).
    origin: Node | None = field(default=None, eq=False, repr=False)


# --- instruments (issue 12) ---------------------------------------------------------------------
class InstrumentKind(enum.Enum):
    RESOLUTION = "resolution"
    DECISION = "decision"


@frozen
class InstrumentHeading:
    """A resolution's label and title: "Draft resolution II" (empty in a document that is the
    draft resolution itself), then its title in bold."""

    label: str
    title: Runs
    id: str | None = None
    origin: Node | None = field(default=None, eq=False, repr=False)
    kind: InstrumentKind = InstrumentKind.RESOLUTION
    #: What a contents page lists before its title: "II." (a draft's derived numeral), "Resolution 68/1"
    #: (an adopted one's label), or "" (the sole draft of its list).
    listed: str = ""


class InstrumentTextKind(enum.Enum):
    ENACTING = "enacting"  # "The Economic and Social Council,"
    PREAMBULAR = "preambular"  # "*Recalling* its resolution …,"
    DECISION = "decision"  # a paragraph of a decision's text
    SUBHEADING = "subheading"  # an unnumbered bold subheading between operative paragraphs ("Taking stock")


@frozen
class InstrumentText:
    """An unnumbered paragraph of an instrument: a resolution's enacting formula or preambular
    paragraph, or a paragraph of a decision."""

    kind: InstrumentTextKind
    text: Runs
    id: str | None = None
    origin: Node | None = field(default=None, eq=False, repr=False)


@frozen
class OperativeParagraph:
    """An operative paragraph: "1." as printed, numbered within its resolution."""

    number: str
    text: Runs
    id: str | None = None
    origin: Node | None = field(default=None, eq=False, repr=False)


class AgendaPartKind(enum.Enum):
    TITLE = "agenda title"  # "Provisional agenda for the sixty-ninth session …", bold
    HEADING = "agenda heading"  # "Operational segment", italic, unnumbered
    SEPARATOR = "agenda separator"  # a centred "***"
    ITEM = "agenda item"  # "1." and the item
    SUB_ITEM = "agenda sub-item"  # "(a)" and the sub-item
    DOCUMENTATION = "documentation"  # the fixed word "Documentation" over an item's documents
    DOCUMENT = "document"  # a document's title and symbol


#: The line that closes a run of agenda items (E/2025/28): a mark, the same in every language.
AGENDA_SEPARATOR = "***"


@frozen
class AgendaPart:
    """A line of a provisional agenda: its title, a heading, the separator, an item ("1.") or a
    sub-item ("(a)") with its label, the word "Documentation" or a document."""

    kind: AgendaPartKind
    #: "1.", "(a)"; "" for the unnumbered parts.
    label: str
    text: Runs
    id: str | None = None
    origin: Node | None = field(default=None, eq=False, repr=False)
    #: For the documentation: 1 under an item, 2 under a sub-item (the indent it takes).
    depth: int = 0


# --- end instruments


# --- boxes (issue 13) ---------------------------------------------------------------------------
class BoxKind(enum.Enum):
    SUMMARY = "summary"  # the boxed summary under the title block: "Summary" in italics
    BOX = "box"  # a titled box of the body: "Box 1", its title


@frozen
class BoxStart:
    """Where a box starts: its heading, and how many of the blocks that follow it stand inside.

    A summary's ``label`` is empty and its ``title`` the language's "Summary"; a box's label is
    "Box 1" and its title the author's. Writers frame the heading and the ``blocks`` after it
    (Word: a bordered one-cell table the width of the text column).
    """

    kind: BoxKind
    label: str
    title: Runs
    blocks: int = 0
    id: str | None = None
    #: The Box node; None for the summary (its heading is fixed wording).
    origin: Node | None = field(default=None, eq=False, repr=False)
# --- end boxes


# --- bulleted lists and indented lines (issue 13) -----------------------------------------------
@frozen
class BulletItem:
    """An item of a bulleted list: its level (1, or 2 for a bullet of a bullet) and its text."""

    level: int
    text: Runs
    id: str | None = None
    origin: Node | None = field(default=None, eq=False, repr=False)


@frozen
class LineItem:
    """One of indented lines: how many steps it is set in from the text column, and its text.

    ``last``: it closes its block of lines (spaced from what follows; the lines before it are not).
    """

    indent: int
    text: Runs
    last: bool = False
    id: str | None = None
    origin: Node | None = field(default=None, eq=False, repr=False)


# --- end bulleted lists and indented lines


# --- tables and figures (issue 13) -----------------------------------------------------------------
@frozen
class ResolvedCell:
    """A cell where it starts: its text, its spans and where its text stands (its own, else its column's)."""

    text: Runs
    colspan: int
    rowspan: int
    align: Alignment


@frozen
class SpannedCell:
    """A place of the grid that a cell above spans down into (Word continues the merge there)."""

    colspan: int
    align: Alignment


ResolvedRow = tuple[ResolvedCell | SpannedCell, ...]


@frozen
class ResolvedTableNote:
    letter: str
    text: Runs


@frozen
class ResolvedTable:
    """A table: its caption ("Table 1", None for an untitled table) and title, column widths in per cent
    of the text column, header and body rows place by place, notes with their letters, the source."""

    caption: str | None
    title: Runs
    widths: tuple[float, ...]
    header: tuple[ResolvedRow, ...]
    rows: tuple[ResolvedRow, ...]
    notes: tuple[ResolvedTableNote, ...]
    source: Runs | None
    #: "Source:" in the report's language, printed in italics before the source.
    source_label: str
    id: str | None = None
    origin: Node | None = field(default=None, eq=False, repr=False)
    #: What a cross-reference to it prints ("1"; "" for an untitled table).
    number: str = ""


@frozen
class ResolvedFigure:
    """A figure: its caption ("Figure I") and title, the image and its width in per cent of the text
    column, its description (alternative text) and source."""

    caption: str
    title: Runs
    image: bytes = field(repr=False)
    description: str
    width: int
    source: Runs | None
    source_label: str
    id: str | None = None
    origin: Node | None = field(default=None, eq=False, repr=False)
    #: What a cross-reference to it prints ("I").
    number: str = ""
# --- end tables and figures


ResolvedBlock = (Heading | NumberedParagraph | SubparagraphItem | Unnumbered
                 | InstrumentHeading | InstrumentText | OperativeParagraph | BoxStart
                 | BulletItem | LineItem | ResolvedTable | ResolvedFigure | AgendaPart)


@frozen
class ResolvedMasthead:
    """The first-page table, every line composed in the report's language."""

    #: Printed whole on the masthead ("E/2025/28-E/CN.7/2025/11")
    symbol: str | None
    #: Its parts, stacked in the running heads ("E/2025/28" over "E/CN.7/2025/11")
    symbols: tuple[str, ...]
    organ: str
    #: "Distr.: General"
    distribution: str
    #: "1 February 2022"
    date: str
    #: "Original: English" or "English only"
    language_line: str
    #: "English, French, Russian and Spanish only" under the language line, or None
    versions_line: str | None
    #: A translation's own language above the language line ("Français" over "Original : anglais"), or None
    version_line: str | None
    job_number: str | None
    #: "United Nations"
    united_nations: str


@frozen
class AgendaLine:
    #: "Item 2 of the provisional agenda" (possibly followed by the agenda note's mark).
    label: Runs
    title: str


@frozen
class ResolvedFront:
    """The block under the masthead table: parent body, body, session, place and dates, agenda."""

    #: "Human Rights Council", above the body, or None.
    parent_body: str | None
    body: str
    #: "Twenty-fifth session" ("" when the report gives no session yet, as ``body`` when it gives no body)
    session: str
    #: "Geneva, 28 March–1 April 2022", or the dates alone for a session without place
    place_and_dates: str
    agenda: tuple[AgendaLine, ...]


@frozen
class ResolvedLetter:
    """A letter of transmittal as printed: its heading composed, "(Signed)" before each name."""

    heading: str
    paragraphs: tuple[Runs, ...]
    #: "(Signed) Jane Doe", one line each.
    signatures: tuple[str, ...]
    #: The signatories' title under the names, or None.
    signatory_title: str | None


@frozen
class ResolvedReport:
    """Everything a writer needs, in reading order."""

    #: Language code of the document ("en", "fr", …), for xml:lang and text direction.
    language: str
    #: The duty station whose layout the writers follow.
    layout: DutyStation
    #: True for right-to-left scripts (Arabic).
    right_to_left: bool
    masthead: ResolvedMasthead
    front: ResolvedFront
    title: Runs
    #: The title's style: "HMG" (17 pt) or "HChG" (14 pt), as the report chooses.
    title_style: TitleStyle
    subtitles: tuple[Runs, ...]
    blocks: tuple[ResolvedBlock, ...]
    notes: tuple[ResolvedNote, ...]
    #: The report this was resolved from (for metadata such as core properties).
    source: Report
    #: The ids that cross-references name, each with the label they print ("12", "II",
    #: "(b)"): the blocks a writer anchors (a Word bookmark, a Markdown anchor).
    referenced: Mapping[str, str] = field(factory=dict)
    #: Printed between note marks at one spot, in superscript (the language's comma).
    note_mark_separator: str = ","
    #: A letter of transmittal printed before the title block (issue 13), or None.
    letter: ResolvedLetter | None = None
    #: The contents page, when the report asks for one.
    contents: ResolvedContents | None = None
    #: The Official Records front matter in place of the masthead table, when the report asks for it.
    official_records: ResolvedOfficialRecords | None = None
