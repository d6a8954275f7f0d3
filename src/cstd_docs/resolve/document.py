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

from cstd_docs.model import DutyStation, Emphasis, Link, Node, Numbering, Report, Strong, TitleStyle


@frozen
class NoteRef:
    """Where a note's mark stands in the text.

    ``mark`` is what is printed ("6", or "*" for a custom mark); ``note`` indexes
    :attr:`ResolvedReport.notes`.
    """

    note: int
    mark: str
    custom: bool = False


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


#: Resolved inline content: text, italic or bold text, a link, a note mark. Cross-references
#: are already replaced by the label they print, as :class:`Reference` strings; a link to a
#: document symbol already has its address. A "\n" in text is a line break.
Run = str | Emphasis | NoteRef | Strong | Link
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
    text: tuple[str | Emphasis | Strong | Link, ...]
    origin: NoteOrigin
    #: Registry ids of a citation's participants (empty otherwise), for readers and exports.
    participants: tuple[str, ...] = ()


class HeadingLevel(enum.Enum):
    ANNEX = "annex"  # "Annex I" + title
    CHAPTER = "chapter"  # I.   HChG
    SECTION = "section"  # A.   H1G
    SUBSECTION = "subsection"  # 1.   H23G


@frozen
class Heading:
    level: HeadingLevel
    #: "I.", "A.", "1." — or for an annex its label, "Annex" / "Annex II".
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


class InstrumentTextKind(enum.Enum):
    ENACTING = "enacting"  # "The Economic and Social Council,"
    PREAMBULAR = "preambular"  # "*Recalling* its resolution …,"
    DECISION = "decision"  # a paragraph of a decision's text


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


# --- end instruments

ResolvedBlock = (Heading | NumberedParagraph | SubparagraphItem | Unnumbered
                 | InstrumentHeading | InstrumentText | OperativeParagraph)


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
