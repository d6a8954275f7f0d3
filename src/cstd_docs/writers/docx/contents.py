"""The contents page in Word (issue 14), as E/2025/24 and E/2025/28 print it (docs/layout-newyork.md).

"Contents" (14 pt), the column labels ("Chapter", "Paragraphs", "Page", 7 pt italic), then one
paragraph per entry: the numeral right-aligned before the title, a dot leader, the paragraph range
and the page number right-aligned. The page number is a PAGEREF field to a bookmark on the entry's
heading: LibreOffice computes it when it lays the document out; Word when its fields are updated,
which the settings ask for on opening (``w:updateFields``, page.apply_settings). Until then the field
shows an estimate from the characters the body prints before the heading (resolve.front_matter) and
the characters a page holds (layout.ContentsLayout), so the draft reads right before any update.
"""

from __future__ import annotations

from typing import assert_never

from docx.oxml.ns import qn

from cstd_docs.model import Emphasis, Link, Strong, StrongEmphasis
from cstd_docs.resolve.document import (
    Heading,
    InstrumentHeading,
    ResolvedBlock,
    ResolvedReport,
)
from cstd_docs.resolve.front_pages import ContentsEntry, EntryRuns, ResolvedContents
from cstd_docs.writers.docx import front_styles as fs
from cstd_docs.writers.docx import styles as st
from cstd_docs.writers.docx.layout import Layout
from cstd_docs.writers.docx.oxml.build import (
    PPR_ORDER,
    Element,
    Prop,
    Property,
    make,
    paragraph,
    prop,
    put_in_order,
    run,
    val,
    val_prop,
)
from cstd_docs.writers.docx.styled import hyperlink

__all__ = ["BOOKMARK_PREFIX", "Marks", "break_before", "contents_page", "estimated_pages"]

#: The bookmarks on the listed headings; Word hides names that start with "_" (its own are "_Toc…").
BOOKMARK_PREFIX = "_TocCstd"
#: Their ``w:id``s, apart from the cross-references' (inline_runs.Bookmarks counts from 1).
_FIRST_ID = 900_000
#: After the leader's tab, so that LibreOffice draws the leader (a reader drops it with the entry).
LEADER_END = "\u200b"


def bookmark(index: int, prefix: str = BOOKMARK_PREFIX) -> str:
    """The bookmark of the entry at ``index``."""
    return f"{prefix}{index + 1}"


class Marks:
    """Bookmarks on the headings a contents page lists, so that each entry names its heading's page.

    A redline marks the headings of both versions: the old one's with another ``prefix`` and ids from
    ``first_id``, so that each version's contents page names its own headings' pages.
    """

    def __init__(self, contents: ResolvedContents | None, prefix: str = BOOKMARK_PREFIX,
                 first_id: int = _FIRST_ID) -> None:
        self.prefix = prefix
        self.names: dict[int, tuple[int, str]] = {}
        for index, entry in enumerate(contents.entries if contents is not None else ()):
            if entry.origin is not None:
                self.names[id(entry.origin)] = (first_id + index, bookmark(index, prefix))

    def place(self, block: ResolvedBlock, elements: list[Element]) -> None:
        """A listed heading's (or instrument's) first paragraph in a bookmark (its page is the entry's)."""
        if not isinstance(block, (Heading, InstrumentHeading)) or block.origin is None or not elements:
            return
        found = self.names.get(id(block.origin))
        first = elements[0]
        if found is None or first.tag != qn("w:p"):
            return
        ident, name = found
        properties = first.find(qn("w:pPr"))
        at = 1 if properties is not None else 0
        first.insert(at, make("w:bookmarkStart", {"w:id": ident, "w:name": name}))
        first.append(make("w:bookmarkEnd", {"w:id": ident}))


def break_before(elements: list[Element]) -> list[Element]:
    """The body's first block on a new page, after the contents page."""
    if elements and elements[0].tag == qn("w:p"):
        first = elements[0]
        properties = first.find(qn("w:pPr"))
        if properties is None:
            properties = make("w:pPr")
            first.insert(0, properties)
        put_in_order(properties, make("w:pageBreakBefore"), PPR_ORDER)
        return elements
    return [paragraph([make("w:pageBreakBefore")]), *elements]


def estimated_pages(report: ResolvedReport, layout: Layout) -> list[str]:
    """Each entry's page as a first estimate: the body starts on the page after the contents page(s)
    (after the title page and the note on symbols in the Official Records, which number from the title
    page), and holds ``characters_per_page`` a page."""
    contents = report.contents
    if contents is None:
        return []
    geometry = layout.contents
    listed = max(len(contents.entries), 1)
    first = (3 if report.official_records is not None else 2) + -(-listed // geometry.entries_per_page)
    return [str(first + entry.offset // geometry.characters_per_page) for entry in contents.entries]


def _page_field(name: str, estimate: str) -> list[Element]:
    instruction = make("w:instrText", {"xml:space": "preserve"})
    instruction.text = f" PAGEREF {name} \\h "
    return [run("", [], make("w:fldChar", {"w:fldCharType": "begin"})), run("", [], instruction),
            run("", [], make("w:fldChar", {"w:fldCharType": "separate"})), run(estimate),
            run("", [], make("w:fldChar", {"w:fldCharType": "end"}))]


def _title(runs: EntryRuns) -> list[Element]:
    out: list[Element] = []
    for item in runs:
        match item:
            case str():
                if item:
                    out.append(run(item))
            case Emphasis():
                out.append(run(item.text, st.italic()))
            case Strong():
                out.append(run(item.text, st.bold()))
            case StrongEmphasis():
                out.append(run(item.text, [*st.bold(), *st.italic()]))
            case Link():
                out.append(hyperlink(item, []))
            case _:
                assert_never(item)
    return out


class _Columns:
    """The table's columns: the numeral, the title with its leader, the paragraph range, the page.

    A table, not tab stops past a right indent: a title must wrap before the leader's end and the
    numbers stand beyond it, and LibreOffice (7.4) takes a second or third tab stop beyond the right
    indent to the next line. In a cell the title wraps at the cell's edge.
    """

    def __init__(self, contents: ResolvedContents, layout: Layout) -> None:
        geometry = layout.contents
        self.geometry = geometry
        width = layout.page.text_width
        self.page_width = geometry.leader_gap if contents.paragraphs is None else geometry.range_gap
        self.range_width = 0 if contents.paragraphs is None else geometry.range_width
        self.title_width = width - geometry.title - self.range_width - self.page_width
        self.widths = [geometry.title, self.title_width, *([self.range_width] if self.range_width else []),
                       self.page_width]
        #: The right end of the numbers' columns, from the margin: where the labels stand.
        self.label_stops = [("right", geometry.number_end), *([("right", width - self.page_width)]
                                                               if self.range_width else []), ("right", width - 1)]

    def cell(self, width: int, paragraphs: list[Element], align: str = "top") -> Element:
        properties = make("w:tcPr", None, make("w:tcW", {"w:w": width, "w:type": "dxa"}), val("w:vAlign", align))
        return make("w:tc", None, properties, *paragraphs)

    def table(self, rows: list[Element], right_to_left: bool) -> Element:
        none = make("w:tblBorders", None, *(make(f"w:{side}", {"w:val": "nil"})
                                            for side in ("top", "left", "bottom", "right", "insideH", "insideV")))
        margins = make("w:tblCellMar", None, *(make(f"w:{side}", {"w:w": 0, "w:type": "dxa"})
                                               for side in ("top", "left", "bottom", "right")))
        properties = make("w:tblPr", None, make("w:bidiVisual") if right_to_left else None,
                          make("w:tblW", {"w:w": sum(self.widths), "w:type": "dxa"}), none,
                          make("w:tblLayout", {"w:type": "fixed"}), margins,
                          make("w:tblLook", {"w:val": "0000", "w:firstRow": 0, "w:lastRow": 0, "w:firstColumn": 0,
                                             "w:lastColumn": 0, "w:noHBand": 0, "w:noVBand": 0}))
        grid = make("w:tblGrid", None, *(make("w:gridCol", {"w:w": w}) for w in self.widths))
        return make("w:tbl", None, properties, grid, *rows)


def _right(style: str, runs: list[Element], end: int = 0) -> Element:
    props: list[Property] = [val_prop("w:pStyle", style), val_prop("w:jc", "right")]
    if end:
        props.append(st.indent(0, end))
    return paragraph(props, runs)


def _entry(entry: ContentsEntry, columns: _Columns, page: list[Element]) -> Element:
    """One row: the numeral right-aligned before the title (or the number before it in the title's cell, at
    its level's tab stop: fs.entry_line); the title, a dot leader to the cell's end; the range and the page
    right-aligned."""
    geometry = columns.geometry
    line = fs.entry_line(entry.level, geometry)
    stops: list[Prop] = []
    lead: list[Element] = []
    if line.number is not None:
        kind, at = line.number
        if at:  # the number stands past the line's start: a tab leads to it
            stops.append(prop("w:tab", {"w:val": kind, "w:pos": at}))
            lead.append(run("\t"))
        lead += [run(entry.number), run("\t")]
    if line.title:
        stops.append(prop("w:tab", {"w:val": "left", "w:pos": line.title}))
    props: list[Property] = [val_prop("w:pStyle", line.style)]
    if line.leader:
        stops.append(prop("w:tab", {"w:val": "left", "w:leader": "dot", "w:pos": columns.title_width - 1}))
        props.append(prop("w:tabs", None, *stops))
    else:  # "Annexes": a line of its own, no leader
        props.append(Prop("w:keepNext"))
    if line.title:
        props.append(st.indent(line.title, 0, line.title))
    # A zero-width space after the leader's tab: LibreOffice draws no leader for a tab that ends a paragraph.
    title = paragraph(props, [*lead, *_title(entry.title), *([run("\t"), run(LEADER_END)] if page else [])])
    numeral = [run(entry.number)] if line.number is None and entry.number else []
    cells = [columns.cell(geometry.title, [_right(line.style, numeral, geometry.title - geometry.number_end)]),
             columns.cell(columns.title_width, [title])]
    if columns.range_width:
        cells.append(columns.cell(columns.range_width, [_right(line.style, [run(entry.paragraphs)] if page else [])],
                                  "bottom"))
    cells.append(columns.cell(columns.page_width, [_right(line.style, page)], "bottom"))
    return make("w:tr", None, make("w:trPr", None, make("w:cantSplit")), *cells)


def contents_page(report: ResolvedReport, layout: Layout, *, new_page: bool,
                  prefix: str = BOOKMARK_PREFIX) -> list[Element]:
    """"Contents", the column labels and a table of the entries, each entry's page a PAGEREF field to its
    heading's bookmark (named with ``prefix``: Marks)."""
    contents = report.contents
    if contents is None:
        return []
    columns = _Columns(contents, layout)
    heading_props: list[Property] = [val_prop("w:pStyle", fs.TOC_HEADING)]
    if new_page:
        heading_props.append(Prop("w:pageBreakBefore"))
    out = [paragraph(heading_props, [run(contents.heading)])]
    labels = [run("\t"), run(contents.chapter)]
    if contents.paragraphs is not None:
        labels += [run("\t"), run(contents.paragraphs)]
    labels += [run("\t"), run(contents.page)]
    out.append(paragraph([val_prop("w:pStyle", fs.TOC_LABELS), st.tabs(*columns.label_stops)], labels))
    pages = estimated_pages(report, layout)
    rows = [_entry(entry, columns, [] if entry.origin is None else _page_field(bookmark(index, prefix), estimate))
            for index, (entry, estimate) in enumerate(zip(contents.entries, pages, strict=True))]
    out.append(columns.table(rows, report.right_to_left))
    return out
