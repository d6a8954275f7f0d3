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


# --- contents and Official Records (issue 14) -------------------------------------------------------
@frozen
class ContentsLayout:
    """A contents page's tab stops, in twips from the left margin (``*_gap``: from the text's right edge),
    and the figures a writer estimates pages from before Word or LibreOffice counts them."""

    #: Right tab: a chapter's numeral ("I."), and the "Chapter" label over it.
    number_end: int
    #: A chapter's title; a section's letter; where wrapped lines start.
    title: int
    #: A section's title, after its letter.
    section_title: int
    #: The dot leader ends this far before the text's right edge, where the page number ends.
    leader_gap: int
    #: With the "Paragraphs" column: the range ends this far before the right edge, the leader
    #: ``range_width`` before the range's end.
    range_gap: int
    range_width: int
    #: A title's wrapped lines end this far before the leader's end.
    wrap_gap: int
    #: The body's characters a page holds (text and notes, as resolve.front_matter counts them).
    characters_per_page: int
    #: The contents entries a page holds.
    entries_per_page: int
    #: Chapter I's instruments under their section: a draft's numeral ("II.") ends at this right tab, its
    #: title and wrapped lines start at ``draft_title``; an adopted one's label ("Resolution 68/1") starts at
    #: ``adopted_label``, its title and wrapped lines at ``adopted_title``, a column of their own.
    draft_number_end: int
    draft_title: int
    adopted_label: int
    adopted_title: int


@frozen
class LineLayout:
    """A line of the Official Records front matter: its size (half-points), the space before it (twips)
    and whether it is bold."""

    size: int
    before: int
    bold: bool = True


@frozen
class OfficialRecordsLayout:
    """The cover, the title page and the note on symbols (docs/layout-newyork.md): each line's size and the
    space before it, set from the printed baselines; the imprint and the ISSN stand at fixed heights."""

    cover_united_nations: LineLayout
    cover_body: LineLayout
    #: The report's title; the session's dates follow it with no space.
    cover_title: LineLayout
    cover_organ: LineLayout
    #: "Official Records, 2025", then "Supplement No. 8" with no space.
    cover_records: LineLayout
    #: The title page's first three lines (the organ bold), at the margin, the symbol on the right.
    title_page_head: LineLayout
    title_page_body: LineLayout
    title_page_title: LineLayout
    #: The session's dates under the title.
    title_page_dates: LineLayout
    #: "United Nations • New York, 2025": its line's top, from the top of the page (twips).
    imprint_top: int
    imprint_size: int
    #: "Note", from the top margin; the note's first line indent.
    note_before: int
    note_text_before: int
    note_first_line: int
    #: "ISSN 0251-9941": its line's top, from the top of the page.
    issn_top: int
    #: The report's date over its first page ("[24 March 2025]"): space before and after (before "Contents").
    date_before: int
    date_after: int
    #: The title page's symbols: one part a line (E/2025/28) or the whole symbol on one (E/2025/24).
    symbols_stacked: bool
    #: Where the body and title lines start, from the margin (the body text's indent).
    indent: int = 1134
    #: The cover's lines end this far before the margin (E/2025/28: "Commission on Narcotic / Drugs" wraps;
    #: in Liberation Serif, 7 % narrower than print, its dates line ends before 17 cm).
    cover_right: int = 1134
#: docs/layout-geneva.md, "Contents": E/2025/28 p. 5 (A4): the numeral ends at 3.92 cm, titles start at 4.31 cm,
#: a section's title at 5.08 cm (from our 2 cm margin: 1.92, 2.31, 3.08 cm); the leader ends 0.8 cm before the
#: page number. Chapter I's instruments (E/2025/28 p. iii): a draft's numeral ends at 5.54 cm, its title at 5.85;
#: an adopted one's label starts at 5.08 (the section's title), its title at 8.08 (3.54, 3.85, 3.08, 6.08 cm).
GENEVA_CONTENTS = ContentsLayout(number_end=1089, title=1310, section_title=1746, leader_gap=454, range_gap=680,
                                 range_width=964, wrap_gap=255, characters_per_page=4300, entries_per_page=30,
                                 draft_number_end=2007, draft_title=2183, adopted_label=1746, adopted_title=3447)
#: E/2025/28 (A4) pp. 1, 3, 4, 5: the spaces from its baselines (docs/layout-geneva.md).
GENEVA_OFFICIAL_RECORDS = OfficialRecordsLayout(
    cover_united_nations=LineLayout(40, 1763), cover_body=LineLayout(56, 1558), cover_title=LineLayout(40, 1092),
    cover_organ=LineLayout(40, 1479), cover_records=LineLayout(28, 0),
    title_page_head=LineLayout(24, 0), title_page_body=LineLayout(40, 1367), title_page_title=LineLayout(28, 719),
    title_page_dates=LineLayout(28, 58), imprint_top=12740, imprint_size=24,
    note_before=1143, note_text_before=110, note_first_line=459, issn_top=12139,
    date_before=54, date_after=96, symbols_stacked=True)
# --- end contents and Official Records


@frozen
class BoxLayout:
    """A box (the summary under the title block, "Box 1" in the body) and a letter of transmittal.

    Measured on A/HRC/EMRIP/2025/2 p. 1 (docs/layout-content.md): the frame's rules 0.48 pt at
    2.00 and 18.98 cm, the width of the text column; "Summary" italic 12 pt, 0.45 cm inside the
    frame, 12 pt below its top rule; the text as SingleTxtG, its first line 1 cm in; a 12 pt
    line closing the frame.
    """

    #: The frame's rules, in eighths of a point.
    rule: int = 4
    #: The heading's indent from the frame, and its space before and after (twips).
    heading_indent: int = 255
    heading_before: int = 240
    heading_after: int = 120
    #: The summary's italic heading (half-points).
    summary_size: int = 24
    #: The first-line indent of a box's and a letter's unnumbered paragraphs.
    first_line: int = 567
    #: Space before the signature block of a letter.
    signature_before: int = 480


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
    #: Boxes and letters (issue 13).
    box: BoxLayout = BoxLayout()
    #: The contents page and the Official Records front matter (issue 14).
    contents: ContentsLayout = GENEVA_CONTENTS
    official_records: OfficialRecordsLayout = GENEVA_OFFICIAL_RECORDS


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
    contents=GENEVA_CONTENTS,
    official_records=GENEVA_OFFICIAL_RECORDS,
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
    # E/2025/24 p. 5: the numeral ends 0.40 cm before the title, which starts at the body text's indent (4.35
    # printed); a section's title 0.76 cm further; the leader ends 0.87 cm before the page number's end.
    # Chapter I's instruments from the section's title as E/2025/28 sets them (a draft's numeral ending 0.46 cm
    # after it, its title 0.77; an adopted one's label on it, its title 3.00 cm after): E/2025/24's label
    # column (1.52 cm) holds "56/101." but not the "Decision 56/101" our headings print.
    contents=ContentsLayout(number_end=907, title=1134, section_title=1565, leader_gap=454, range_gap=680,
                            range_width=964, wrap_gap=255, characters_per_page=3900, entries_per_page=30,
                            draft_number_end=1826, draft_title=2002, adopted_label=1565, adopted_title=3266),
    # E/2025/24 (US Letter) pp. 1, 3, 4, 5 (docs/layout-newyork.md); the organ 96 twips higher than single
    # spacing would put it: print sets the dates under the title 0.11 cm closer.
    official_records=OfficialRecordsLayout(
        cover_united_nations=LineLayout(40, 1242), cover_body=LineLayout(56, 679), cover_title=LineLayout(40, 338),
        cover_organ=LineLayout(40, 1105), cover_records=LineLayout(28, 0),
        title_page_head=LineLayout(24, 0), title_page_body=LineLayout(40, 1260), title_page_title=LineLayout(28, 362),
        title_page_dates=LineLayout(28, 0), imprint_top=12600, imprint_size=28,
        note_before=1636, note_text_before=252, note_first_line=482, issn_top=13404,
        date_before=565, date_after=425, symbols_stacked=False),
)

#: The layout of each duty station (Report.layout).
LAYOUTS = {DutyStation.GENEVA: GENEVA, DutyStation.NEW_YORK: NEW_YORK}
