"""The report as a whole: masthead, meeting, agenda, title block, body, registry."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping

from attrs import field, frozen

from cstd_docs.model.body import Annex, Block, Chapter, UnnumberedText
from cstd_docs.model.inline import Inlines, to_inlines, to_tuple
from cstd_docs.model.letters import Letter
from cstd_docs.model.numbering import AnnexNumerals, Numbering
from cstd_docs.model.participants import Participant
from cstd_docs.model.typed import to_date, to_enum, typed_fields

#: The metadata key of a field whose JSON key is not its name.
JSON_NAME = "json"
#: JSON Schema's keyword for "where my schema is": the JSON key of :attr:`Report.schema`.
SCHEMA_KEY = "$schema"


def _subtitles(value: object) -> tuple[Inlines, ...]:
    if isinstance(value, str):
        return (to_inlines(value),)
    items = to_tuple(value)  # type: ignore[arg-type]
    return tuple(to_inlines(v) for v in items) if isinstance(items, tuple) else items


def _registry(value: Mapping[str, Participant]) -> dict[str, Participant]:
    return dict(value) if isinstance(value, Mapping) else value


def _distribution(value: Distribution | str) -> Distribution:
    return to_enum(Distribution)(value)  # type: ignore[no-any-return]


def _first_page_notes(value: FirstPageNotes | str) -> FirstPageNotes:
    return to_enum(FirstPageNotes)(value)  # type: ignore[no-any-return]


def _versions(value: object) -> tuple[str, ...]:
    items = to_tuple(value)  # type: ignore[arg-type]
    if isinstance(items, tuple) and all(isinstance(code, str) for code in items):
        return tuple(sorted(items))  # one canonical order: the printed one is the language's
    return items


def _layout(value: DutyStation | str) -> DutyStation:
    return to_enum(DutyStation)(value)  # type: ignore[no-any-return]


def _title_style(value: TitleStyle | str) -> TitleStyle:
    return to_enum(TitleStyle)(value)  # type: ignore[no-any-return]


def _report_numbering(value: Numbering | str) -> Numbering:
    return to_enum(Numbering)(value)  # type: ignore[no-any-return]


def _annex_numerals(value: AnnexNumerals | str) -> AnnexNumerals:
    return to_enum(AnnexNumerals)(value)  # type: ignore[no-any-return]


class Distribution(enum.Enum):
    """The distribution of a document: printed "Distr.: General"."""

    GENERAL = "general"
    LIMITED = "limited"
    RESTRICTED = "restricted"


class FirstPageNotes(enum.Enum):
    """How notes on the masthead page are marked.

    ``numbered``: they take the first note numbers (the reference report);
    ``asterisks``: they take *, **, … and use up no number.
    """

    NUMBERED = "numbered"
    ASTERISKS = "asterisks"


class DutyStation(enum.Enum):
    """The layout the document follows: Geneva (A4) or New York (US Letter, "Chapter I" on its own line,
    "page/total" footers, the job line on the last page); docs/layout-geneva.md, docs/layout-newyork.md."""

    GENEVA = "geneva"
    NEW_YORK = "new_york"


class TitleStyle(enum.Enum):
    """The style of the report's title, as the document chooses.

    ``HMG``: 17 pt bold, the reports of a meeting (the reference report); ``HChG``: 14 pt bold,
    as A/HRC/EMRIP/2025/2 prints its study's title.
    """

    HMG = "HMG"
    HCHG = "HChG"
    #: 10 pt bold at the text column: an "L" document's "Draft resolution submitted by …" line
    #: (E/CN.5/2025/L.6; docs/layout-resolutions.md).
    H23G = "H23G"


class AgendaLabel(enum.Enum):
    """How the agenda items under the masthead are labelled.

    ``each``: "Item 2 of the provisional agenda" over each item's title (E/CN.16/2022/2);
    ``joined``: "Items 2 and 3 of the provisional agenda" once, over all their titles.
    """

    EACH = "each"
    JOINED = "joined"


def _agenda_label(value: AgendaLabel | str) -> AgendaLabel:
    return to_enum(AgendaLabel)(value)  # type: ignore[no-any-return]


@frozen(kw_only=True, field_transformer=typed_fields)
class Masthead:
    """The first-page table: symbol, organ, distribution, date, language line."""

    symbol: str | None = None
    distribution: Distribution = field(default=Distribution.GENERAL, converter=_distribution)
    #: None when not known yet (a document that printed none): ``validate`` names it, to fill in.
    date: datetime.date | None = field(converter=to_date)
    #: Language the document was written in (a code: "en", "fr", …).
    original_language: str = "en"
    #: "English only" in place of "Original: English".
    single_language: bool = False
    #: The language versions issued, when more than one and not all six (codes, kept in code order):
    #: "English, French, Russian and Spanish only" under "Original: English".
    versions: tuple[str, ...] = field(default=(), converter=_versions)
    #: None when not known yet (a document that printed none): ``validate`` names it, to fill in.
    organ: str | None = "Economic and Social Council"
    #: Printing-service job number for the first-page footer, e.g. "GE.22-01234(E)".
    job_number: str | None = None


@frozen(field_transformer=typed_fields)
class Session:
    """A session of the body: "Twenty-fifth session", "Geneva, 28 March–1 April 2022".

    ``place`` None prints the dates alone ("14–18 July 2025"), as A/HRC/EMRIP/2025/2 does.
    """

    number: int
    place: str | None
    start: datetime.date = field(converter=to_date)
    end: datetime.date = field(converter=to_date)


@frozen(field_transformer=typed_fields)
class AgendaItem:
    """"Item 2 of the provisional agenda", then the item's title in bold.

    ``sub_item``: the sub-item's label as the agenda gives it ("(b) (iii)"), printed after the
    number: "Item 3 (b) (iii) of the agenda". The agenda assigns it, so it is data.
    """

    number: int
    title: str
    provisional: bool = True
    sub_item: str | None = field(default=None, kw_only=True)

    @property
    def label(self) -> str:
        """The number with its sub-item: "3 (b) (iii)"."""
        return f"{self.number} {self.sub_item}" if self.sub_item else str(self.number)


# --- contents and Official Records (issue 14) -------------------------------------------------------
@frozen(kw_only=True, field_transformer=typed_fields)
class Contents:
    """A contents page after the title: the chapters, sections and annexes with their pages, and the
    resolutions and decisions of the chapters under their section (E/2025/28 p. iii).

    ``paragraphs`` adds the "Paragraphs" column, each entry's paragraph range ("1–2"); New York's
    session reports print the pages alone (E/2025/24). The entries and ranges are derived, never written.
    """

    paragraphs: bool = True


@frozen(kw_only=True, field_transformer=typed_fields)
class OfficialRecords:
    """The Official Records front matter of a session report, in place of the masthead table: a cover,
    a title page ("Economic and Social Council / Official Records, 2025 / Supplement No. 8", the imprint
    "United Nations • New York, 2025") and the note on symbols with the ISSN (E/2025/28, E/2025/24).

    The supplement's number and the ISSN are assigned, so they are data; ``year`` is the Official
    Records' year, the year of the masthead's date when left out.
    """

    #: "8", "8A": printed "Supplement No. 8".
    supplement: str
    #: The series' ISSN, "0251-9941", printed under the note on symbols.
    issn: str | None = None
    year: int | None = None


# --- end contents and Official Records


@frozen(kw_only=True, field_transformer=typed_fields)
class Report:
    """A UN parliamentary report, before numbering."""

    #: Where the JSON file says its schema is (kept so a round trip is lossless).
    schema: str | None = field(default=None, metadata={JSON_NAME: SCHEMA_KEY})
    #: Language of the document (a code: "ar", "en", "es", "fr", "ru", "zh").
    language: str = "en"
    #: The duty station whose layout the Word draft follows.
    layout: DutyStation = field(default=DutyStation.GENEVA, converter=_layout)
    masthead: Masthead
    #: The body the report's body reports to, printed above it ("Human Rights Council").
    parent_body: str | None = None
    #: The body and the session: None when not known yet (a document that printed none; ``validate`` names them).
    body: str | None
    session: Session | None
    agenda_items: tuple[AgendaItem, ...] = field(default=(), converter=to_tuple)
    #: Symbol of the provisional agenda, the text of the agenda note ("E/CN.16/2022/1").
    agenda_symbol: str | None = None
    #: One label line per item (the default), or one for all: "Items 2 and 3 of the provisional agenda".
    agenda_label: AgendaLabel = field(default=AgendaLabel.EACH, converter=_agenda_label)
    title: Inlines = field(converter=to_inlines)
    title_style: TitleStyle = field(default=TitleStyle.HMG, converter=_title_style)
    #: "Held at …", "Prepared by the UNCTAD secretariat"; each may carry a note.
    subtitles: tuple[Inlines, ...] = field(default=(), converter=_subtitles)
    first_page_notes: FirstPageNotes = field(default=FirstPageNotes.NUMBERED, converter=_first_page_notes)
    participants: dict[str, Participant] = field(factory=dict, converter=_registry)
    #: Blocks before the first chapter: the whole body of a document that is one draft
    #: resolution (an "L" document: the recommendation sentence, then the resolution).
    content: tuple[Block, ...] = field(default=(), converter=to_tuple)
    chapters: tuple[Chapter, ...] = field(default=(), converter=to_tuple)
    annexes: tuple[Annex, ...] = field(default=(), converter=to_tuple)
    # --- boxes and letters (issue 13)
    #: The boxed summary under the title block on page 1: unnumbered paragraphs under the
    #: language's italic "Summary".
    summary: tuple[UnnumberedText, ...] = field(default=(), converter=to_tuple)
    #: A letter of transmittal before the report; the report's title block then starts a new page.
    letter: Letter | None = None
    # --- end boxes and letters
    #: A contents page after the title, when the report asks for one.
    contents: Contents | None = None
    #: The Official Records front matter in place of the masthead table, when the report asks for it.
    official_records: OfficialRecords | None = None
    #: How paragraphs are numbered: "un" (1., 2., … through the report) or "decimal" (1., 1.1., 3.1.1.).
    numbering: Numbering = field(default=Numbering.UN, converter=_report_numbering)
    #: How annexes are numbered when there are several: "roman" (Annex I) or "arabic" (Annex 1).
    annex_numerals: AnnexNumerals = field(default=AnnexNumerals.ROMAN, converter=_annex_numerals)

    # A dict is not hashable; reports compare by value, and need no hash.
    __hash__ = None  # type: ignore[assignment]
