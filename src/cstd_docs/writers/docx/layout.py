"""The Geneva layout as data: page geometry, notes, masthead, footers (docs/layout-geneva.md).

Every figure here was measured on a current Geneva document (A/HRC/EMRIP/2025/2, A4, made
by Word) with poppler's bounding boxes; docs/layout-geneva.md gives each one with its source.
The writers read these tables; a second layout (New York) would be a second instance.
All lengths are in twips (1 cm = 567).
"""

from __future__ import annotations

from attrs import frozen

from cstd_docs.model import DutyStation


@frozen
class PageGeometry:
    """A4 page, margins and the distances of the running head and footer from the page edge."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    header: int
    footer: int
    #: How much higher the head starts for each further line of a stacked symbol (0: it grows down);
    #: New York heads stand on their rule.
    head_line: int = 0

    @property
    def text_width(self) -> int:
        return self.width - self.left - self.right

    def header_for(self, lines: int) -> int:
        """The head's distance from the page's top for a head of ``lines`` lines."""
        return self.header - self.head_line * max(lines - 1, 0)


@frozen
class NoteLayout:
    """Footnote paragraphs and the separator above them.

    Every line of a note's text starts at ``text``; the number is right-aligned at
    ``number_tab`` (Word); ``first_line`` is where the first line begins, left of the
    number. LibreOffice sets the number at ``first_line``, left-aligned, and the text at
    the indent: ``first_line`` is chosen so that one- and two-digit numbers land where
    Word puts them, within a millimetre. ``text_tab`` is a stop one twip past the indent:
    LibreOffice's note number fills the space up to the indent, so the tab before the
    number (which Word needs to right-align it) goes on to this stop and not to the next
    default one; Word stops at the indent itself.
    """

    text: int
    first_line: int
    number_tab: int
    text_tab: int
    right: int
    separator_start: int
    separator_end: int
    separator_after: int


@frozen
class MastheadGeometry:
    """The first-page table: its place on the page, columns, row heights and rules."""

    x: int
    y: int
    columns: tuple[int, int, int, int]
    row1_height: int
    row2_height: int
    #: Rules under the rows, in eighths of a point.
    rule_thin: int
    rule_thick: int
    #: Space below "United Nations" and below the symbol, above the first rule.
    united_nations_after: int
    symbol_after: int
    #: Space above the organ's name ("General Assembly") under the thin rule.
    organ_before: int

    @property
    def width(self) -> int:
        return sum(self.columns)


@frozen
class FooterLayout:
    """What each footer holds, left to right with a right tab between, and the job number's size.

    ``"page"`` is the page number, ``"job"`` the job number; page 1 holds the job number
    only, at ``first_job_size`` (half-points); later pages at the Footer style's size.
    """

    first: tuple[str, ...]
    even: tuple[str, ...]
    odd: tuple[str, ...]
    first_job_size: int
    #: "2/4": the page number over the total (New York), or the page alone.
    page_total: bool = False
    #: The job number's size on later pages (half-points), or None for the Footer style's.
    job_size: int | None = None
    #: Space under page 1's job line (twips): New York prints the bar code there.
    first_after: int = 0

    def pieces(self, page: str) -> tuple[str, ...]:
        """The pieces of the footer of ``page``: "first", "even" or "odd"."""
        return {"first": self.first, "even": self.even, "odd": self.odd}[page]


@frozen
class FrontBlockLayout:
    """The lines under the masthead: which of them are bold ("parent_body", "body", "session",
    "agenda_title"), and the size of the parent body's line (half-points; the others are 10 pt)."""

    bold: frozenset[str]
    parent_body_size: int
    #: The body's line when no parent body stands above it (New York prints it at 12 pt), or None: 10 pt.
    body_size: int | None = None
    #: How wide the block is from the margin (twips): its lines wrap at about half the page, as the
    #: agenda item's title shows (docs/layout-resolutions.md); None: the whole text width.
    width: int | None = None

    def right_indent(self, text_width: int) -> int:
        """The right indent that makes the block ``width`` wide on a page ``text_width`` wide."""
        return max(text_width - self.width, 0) if self.width is not None else 0


@frozen
class Layout:
    page: PageGeometry
    notes: NoteLayout
    masthead: MastheadGeometry
    footers: FooterLayout
    front: FrontBlockLayout
    #: The size (half-points) of a custom note mark (*, **), set on the baseline, not raised.
    custom_mark_size: int
    #: "Chapter I" on its own line above the chapter's title, as New York prints it.
    chapter_caption_line: bool = False
    #: The job number again after the end rule, on the last page, as New York prints it.
    end_job_line: bool = False


GENEVA = Layout(
    page=PageGeometry(width=11907, height=16840, top=1418, bottom=1134, left=1134, right=1134, header=851,
                      footer=567),
    notes=NoteLayout(text=1134, first_line=907, number_tab=1021, text_tab=1135, right=1134, separator_start=680,
                     separator_end=2155, separator_after=80),
    masthead=MastheadGeometry(x=1134, y=284, columns=(1260, 2230, 3210, 2920), row1_height=851, row2_height=2853,
                              rule_thin=4, rule_thick=12, united_nations_after=80, symbol_after=20,
                              organ_before=80),
    footers=FooterLayout(first=("job",), even=("page", "job"), odd=("job", "page"), first_job_size=20),
    # A/HRC/EMRIP/2025/2 p. 1: the body and "Eighteenth session" bold, the dates and "Item 3 of the
    # provisional agenda" not, the item's title bold (pdftohtml: <b>); "Human Rights Council" above
    # the body 12 pt bold (pdftohtml size 12, <b>).
    # Full width: A/HRC/EMRIP/2025/2 p. 1 wraps the item's title before x 288.42 but prints the body's line
    # to 292.19 (docs/layout-resolutions.md): no one width for the block.
    front=FrontBlockLayout(bold=frozenset({"parent_body", "body", "session", "agenda_title"}), parent_body_size=24),
    custom_mark_size=20,
)

# docs/layout-newyork.md: E/CN.5/2025/L.6 (masthead, body page) and E/2025/24 (chapters, footers).
# The margins are 2.23 cm, between the front block's 2.12 and the body's 4.35 less the G styles'
# 2 cm indent, so both stand within 1.2 mm of print with the same paragraph styles.
NEW_YORK = Layout(
    page=PageGeometry(width=12240, height=15840, top=1440, bottom=1382, left=1264, right=1264, header=998,
                      footer=731, head_line=207),
    notes=GENEVA.notes,
    masthead=MastheadGeometry(x=1196, y=284, columns=(1264, 2013, 3470, 3090), row1_height=1017, row2_height=2893,
                              rule_thin=4, rule_thick=12, united_nations_after=80, symbol_after=20,
                              organ_before=80),
    footers=FooterLayout(first=("job",), even=("page", "job"), odd=("job", "page"), first_job_size=20,
                         page_total=True, job_size=14, first_after=120),
    # 10 cm wide: E/CN.5/2025/L.6 p. 1 wraps the item's title at x 325.51–334.58 pt from a block at 60.00
    # where the next words would have ended at 351.51 at the least: the edge is 275–291 pt from it.
    front=FrontBlockLayout(bold=frozenset({"parent_body", "body", "session", "agenda_title"}), parent_body_size=24,
                           body_size=24, width=5670),
    custom_mark_size=20,
    chapter_caption_line=True,
    end_job_line=True,
)

#: The layout of each duty station (Report.layout).
LAYOUTS = {DutyStation.GENEVA: GENEVA, DutyStation.NEW_YORK: NEW_YORK}
