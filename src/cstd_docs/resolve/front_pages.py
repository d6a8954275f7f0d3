"""The contents page and the Official Records front matter as the resolution pass composes them (issue 14):
the resolved report's (``ResolvedReport.contents``, ``.official_records``)."""

from __future__ import annotations

import enum

from attrs import field, frozen

from cstd_docs.model import Emphasis, Link, Node, Strong, StrongEmphasis

__all__ = ["ContentsEntry", "ContentsLevel", "EntryRuns", "ResolvedContents", "ResolvedOfficialRecords"]


class ContentsLevel(enum.Enum):
    CHAPTER = "chapter"  # "I.   Introduction"
    SECTION = "section"  # "A.   Opening of the session", under its chapter
    ANNEXES = "annexes"  # the line over the annexes: "Annexes" ("Annex" over a single one)
    ANNEX = "annex"  # "I.   List of participants" under it (no numeral for a single annex)
    #: Chapter I's instruments under their section (E/2025/28 p. iii): a draft resolution or decision by its
    #: derived numeral, "II.   Report of the International Narcotics Control Board" ("" for the sole draft of
    #: its list); an adopted one by its label, in a column of its own: "Resolution 68/1   Promoting …".
    DRAFT = "draft"
    ADOPTED = "adopted"


#: A contents entry's title: its heading's text without note marks, cross-references as their labels.
EntryRuns = tuple[str | Emphasis | Strong | Link | StrongEmphasis, ...]


@frozen
class ContentsEntry:
    """One line of a contents page: its heading's number and title, and its paragraph range."""

    level: ContentsLevel
    #: "I.", "A." (the heading's own number), "II." for an annex among several or a draft among several,
    #: "Resolution 68/1" for an adopted instrument, or "".
    number: str
    title: EntryRuns
    #: "1–2", "7", or "" for a heading over no numbered paragraph (or when the range is not printed).
    paragraphs: str
    #: The heading's model node (None for the line over the annexes): the Word writer bookmarks the
    #: heading so that the entry's page number is a PAGEREF field to it.
    origin: Node | None = field(default=None, eq=False, repr=False)
    #: The characters the body prints before the heading (texts and notes, and a little for each block's
    #: spacing), from which a writer estimates the page before Word or LibreOffice counts it.
    offset: int = 0
    #: How deep the entry stands under the others: 0 a chapter (or the line over the annexes), 1 a section
    #: or an annex, an instrument one more than the entry it is listed under (a Markdown list nests so).
    depth: int = 0


@frozen
class ResolvedContents:
    """The contents page: its heading, its column labels in the report's language, its entries."""

    heading: str
    chapter: str
    #: The "Paragraphs" label, or None when the report prints pages alone.
    paragraphs: str | None
    page: str
    entries: tuple[ContentsEntry, ...]


@frozen
class ResolvedOfficialRecords:
    """The Official Records front matter, every line composed in the report's language."""

    #: "Economic and Social Council"
    organ: str
    #: "Official Records, 2025"
    records: str
    #: "Supplement No. 8"
    supplement: str
    #: "(4–7 March 2025)": the session's dates under the report's title
    session_dates: str
    #: "United Nations • New York, 2025"
    imprint: str
    note_heading: str
    symbols_note: str
    #: "ISSN 0251-9941", or None
    issn: str | None
    #: "[24 March 2025]": the report's date over its first page, there being no masthead
    date_line: str
