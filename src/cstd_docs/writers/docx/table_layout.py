"""Tables and figures in the UN layout, as data (issue 13; docs/layout-content.md, "Tables and figures").

Measured on the officers' table of E/2025/28 (p. 56; A4, made by Word) with poppler: the
rules' thickness and place from ``pdftocairo -svg`` (filled bars), the text's from
``pdftotext -bbox-layout``, the font sizes from the page's content stream (``Tf``):

- the table stands in the text column: its rules run from 115.35 pt to 480.24 pt, where the
  paragraphs' text runs from 114.7 pt to 482 pt (the SingleTxtG indents, 2 cm each side);
- a 0.48 pt rule above the header, a 1.44 pt rule under it and a 1.44 pt rule at the foot
  (Word's ½ pt and 1½ pt borders); no vertical rules, none between rows (Editorial Manual,
  *Tables*: "Rules are not used to separate lines of data. Vertical rules are not used");
- the header in italics at 7 pt (``Tf 6.96``), the body at 10 pt (``Tf 9.96``), 12 pt
  apart within a cell and 18 pt from row to row;
- a cell's text at its left edge (115.46 pt against the rule's 115.35 pt): no left margin.

A spanner head (a header cell over several columns) has a thin rule under it (Editorial
Manual, *Tables*, "Spanner heads"); E/2025/28's table has none to measure, so it takes the
½ pt of the rule over the header.

Nothing in the samples shows a table's number and title, its notes or a figure: those follow
the Editorial Manual (*Tables*: "Table 1" over its title, notes lettered a, b, c, "Source:")
and are set as the samples set their nearest kin (the title as an H23G heading, bold 10 pt;
notes and source at the footnotes' 9 pt). All lengths in twips, sizes in half-points, rules
in eighths of a point.
"""

from __future__ import annotations

from attrs import frozen


@frozen
class TableLayout:
    #: The table's left and right indents in the text column (SingleTxtG's).
    indent: int
    #: Rules: above the header (or the first row), under the header, at the foot.
    rule_top: int
    rule_header: int
    rule_foot: int
    #: Under a spanner head (a header cell over several columns, above the header's last row).
    rule_spanner: int
    header_size: int
    body_size: int
    #: A cell's line (exact), and the space before and after it in the header and in the body.
    header_line: int
    header_before: int
    header_after: int
    body_line: int
    body_before: int
    body_after: int
    #: More room under the header's rule and over the foot's (a cell margin of the first and last body rows).
    body_first_top: int
    body_last_bottom: int
    #: Cell margins, left and right (mirrored in a right-to-left table).
    margin_start: int
    margin_end: int
    #: Notes and source under a table or figure: size, and where a note's text starts after its letter.
    note_size: int
    note_text: int
    #: The caption ("Table 1") and the title under it; the space after the last line under a table.
    caption_before: int
    title_after: int
    after: int


#: Both duty stations print tables alike (E/2025/24, New York, holds none to measure).
TABLES = TableLayout(
    indent=1134,
    rule_top=4,
    rule_header=12,
    rule_foot=12,
    rule_spanner=4,
    header_size=14,
    body_size=20,
    header_line=200,
    header_before=40,
    header_after=80,
    body_line=240,
    body_before=80,
    body_after=40,
    body_first_top=34,
    body_last_bottom=54,
    margin_start=0,
    margin_end=113,
    note_size=18,
    note_text=284,
    caption_before=240,
    title_after=120,
    after=240,
)
