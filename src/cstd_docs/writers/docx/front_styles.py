"""The styles of the contents page and of the Official Records front matter (issue 14).

Measured on E/2025/24 p. 5 and E/2025/28 p. 5 (docs/layout-newyork.md): "Contents" 14 pt, not bold;
the column labels ("Chapter", "Page") 7 pt italic; the entries 10 pt, 6 pt apart. The tab stops
depend on the page (layout.ContentsLayout) and are set on each entry, as ``entry_line`` places each
level's number and title. The front matter's lines take their sizes and spaces from
layout.OfficialRecordsLayout; their styles tell a reader what they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal, assert_never

from attrs import frozen

from cstd_docs.resolve.front_pages import ContentsLevel
from cstd_docs.writers.docx.layout import ContentsLayout
from cstd_docs.writers.docx.oxml.build import Element, Property, make, val

#: "Contents"
TOC_HEADING = "TOCHeadingG"
#: "Chapter … Paragraphs  Page"
TOC_LABELS = "TOCLabelsG"
#: A chapter's or an annex's entry, and the line over the annexes.
TOC_1 = "TOC1G"
#: A section's entry, an annex's under "Annexes", an instrument's under its section.
TOC_2 = "TOC2G"
#: Every line of the cover (a reader skips it: the title page says the same).
OR_COVER = "ORCoverG"
#: The title page, the note on symbols and the report's date over its first page.
OR_TITLE = "ORTitleG"

#: The styles a reader knows as the contents page, and as the front matter.
CONTENTS_STYLES = (TOC_HEADING, TOC_LABELS, TOC_1, TOC_2)
OFFICIAL_RECORDS_STYLES = (OR_COVER, OR_TITLE)


def _spacing(before: int, after: int) -> Element:
    return make("w:spacing", {"w:before": before, "w:after": after})


def _size(half_points: int) -> list[Element]:
    return [val("w:sz", half_points), val("w:szCs", half_points)]


def _heading() -> list[Element]:
    # 5 pt under "Contents" and under the labels: E/2025/24 p. 5, baselines 5.13, 5.64, 6.24 cm.
    return [make("w:keepNext"), make("w:keepLines"), _spacing(0, 100)]


def _entry() -> list[Element]:
    # Entries 17.6 pt apart (E/2025/24 p. 5): a 12 pt line and 6 pt after.
    return [make("w:keepLines"), _spacing(0, 120)]


#: (style id, name, paragraph properties, run properties, based on, next style)
SPECS: tuple[tuple[str, str, Callable[[], Sequence[Property]], Callable[[], Sequence[Property]], str, str], ...] = (
    (TOC_HEADING, "_ TOC Heading_G", _heading, lambda: _size(28), "Normal", TOC_LABELS),
    (TOC_LABELS, "_ TOC Labels_G", _heading, lambda: [make("w:i"), make("w:iCs"), *_size(14)], "Normal", TOC_1),
    (TOC_1, "_ TOC 1_G", _entry, lambda: [], "Normal", TOC_1),
    (TOC_2, "_ TOC 2_G", _entry, lambda: [], "Normal", TOC_2),
    (OR_COVER, "_ OR Cover_G", lambda: [make("w:keepNext")], lambda: [make("w:b"), make("w:bCs")], "Normal",
     OR_COVER),
    (OR_TITLE, "_ OR Title_G", lambda: [], lambda: [], "Normal", OR_TITLE),
)


@frozen
class EntryLine:
    """How a contents entry stands in its row: its style, and its number's and title's places in the
    title's column (twips from the column's start)."""

    style: str
    #: The number's tab stop before the title: ("left" | "right", position), the line starting at 0 (a tab
    #: leads to a stop past 0); None: the number stands right-aligned in the numeral's column.
    number: tuple[Literal["left", "right"], int] | None
    #: Where the title starts after the number, and where its wrapped lines start.
    title: int
    #: A dot leader to the page number; the line over the annexes has none, and keeps with the next.
    leader: bool = True


def entry_line(level: ContentsLevel, geometry: ContentsLayout) -> EntryLine:
    """Each level's line, from the layout's measured stops (docs/layout-geneva.md, docs/layout-newyork.md)."""
    start = geometry.title
    match level:
        case ContentsLevel.CHAPTER:
            return EntryLine(TOC_1, None, 0)
        case ContentsLevel.ANNEXES:
            return EntryLine(TOC_1, None, 0, leader=False)
        case ContentsLevel.SECTION | ContentsLevel.ANNEX:  # "A." at the title's start, its title after it
            return EntryLine(TOC_2, ("left", 0), geometry.section_title - start)
        case ContentsLevel.DRAFT:  # "II." right-aligned, its title after it
            return EntryLine(TOC_2, ("right", geometry.draft_number_end - start), geometry.draft_title - start)
        case ContentsLevel.ADOPTED:  # "Resolution 68/1", then its title in a column of its own
            return EntryLine(TOC_2, ("left", geometry.adopted_label - start), geometry.adopted_title - start)
        case _:
            assert_never(level)
