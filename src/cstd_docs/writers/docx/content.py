"""The document's content: masthead table, front block, title, body, end rule (notes: notes.py).

Everything here lays out what the resolved report says (LAYOUT.md §4–5, §7). Numbers,
labels, marks and fixed wording all come from :class:`ResolvedReport`; the only thing
decided here is which element and style each piece takes.
"""

from __future__ import annotations

from typing import assert_never

from cstd_docs.model import Numbering, TitleStyle
from cstd_docs.resolve.boxes import box_groups
from cstd_docs.resolve.document import (
    AgendaPart,
    BoxKind,
    BoxStart,
    BulletItem,
    Heading,
    HeadingLevel,
    InstrumentHeading,
    InstrumentKind,
    InstrumentText,
    LineItem,
    NumberedParagraph,
    OperativeParagraph,
    ResolvedBlock,
    ResolvedFigure,
    ResolvedFront,
    ResolvedMasthead,
    ResolvedReport,
    ResolvedTable,
    Runs,
    SubparagraphItem,
    Unnumbered,
)
from cstd_docs.resolve.instruments import within_resolutions
from cstd_docs.writers.docx import boxes, contents, lists, tables
from cstd_docs.writers.docx import instrument_styles as ins
from cstd_docs.writers.docx import styles as st
from cstd_docs.writers.docx.inline_runs import Bookmarks, NoteLinks, inline
from cstd_docs.writers.docx.layout import GENEVA, LAYOUTS, FrontBlockLayout, Layout, MastheadGeometry
from cstd_docs.writers.docx.oxml.build import Element, Prop, Property, make, paragraph, prop, run, val, val_prop

#: The paragraph style of the report's title, as the report chooses (Report.title_style).
TITLE_STYLES = {TitleStyle.HMG: st.HMG, TitleStyle.HCHG: st.HCHG, TitleStyle.H23G: st.H23G}

HEADING_STYLES = {
    HeadingLevel.CHAPTER: st.HCHG,
    HeadingLevel.SECTION: st.H1G,
    HeadingLevel.SUBSECTION: st.H23G,
    HeadingLevel.ANNEX: st.HCHG,
}

#: Subparagraph indents by depth: label at 3 cm, text at 4 cm for (a); one step further each level.
SUBPARAGRAPH_LEFT = {1: 2268, 2: 2835, 3: 3402, 4: 3969}
SUBPARAGRAPH_HANGING = 567
#: A decimal clause ("3.1.1." TAB text): the number at 2 cm, every line of the text at 4 cm, as the
#: UNECE template sets its clauses (ECE/TRANS/WP.29/GRPE/2019/2: ind left 2268, hanging 1134).
DECIMAL_LEFT = 2268
DECIMAL_HANGING = 1134


# --- first page ------------------------------------------------------------------------------------
def _cell(width: int, paragraphs: list[Element], *, span: int = 1, rule: int = 0, align: str = "top") -> Element:
    props = make("w:tcPr", None, make("w:tcW", {"w:w": width, "w:type": "dxa"}))
    if span > 1:
        props.append(val("w:gridSpan", span))
    if rule:
        props.append(
            make("w:tcBorders", None, make("w:bottom", {"w:val": "single", "w:sz": rule, "w:space": 0,
                                                        "w:color": "auto"}))
        )
    props.append(val("w:vAlign", align))
    return make("w:tc", None, props, *paragraphs)


def _row(height: int, cells: list[Element]) -> Element:
    properties = make("w:trPr", None, make("w:trHeight", {"w:val": height, "w:hRule": "exact"}))
    return make("w:tr", None, properties, *cells)


def _symbol_runs(symbol: str | None) -> list[Element]:
    """The symbol's first component at 20 pt, the rest at 10 pt (``E`` + ``/CN.16/2022/2``)."""
    if not symbol:
        return []
    head, slash, rest = symbol.partition("/")
    runs = [run(head, st.size(40))]
    if slash:
        runs.append(run(slash + rest))
    return runs


def _table_properties(right_to_left: bool, geometry: MastheadGeometry) -> Element:
    """Floating at the page's geometry.x/y, fixed columns, no cell margins; mirrored right to left."""
    return make(
        "w:tblPr",
        None,
        make(
            "w:tblpPr",
            {
                "w:leftFromText": 142,
                "w:rightFromText": 142,
                "w:vertAnchor": "page",
                "w:horzAnchor": "page",
                "w:tblpX": geometry.x,
                "w:tblpY": geometry.y,
            },
        ),
        val("w:tblOverlap", "never"),
        make("w:bidiVisual") if right_to_left else None,  # mirrored: the symbol on the left
        make("w:tblW", {"w:w": geometry.width, "w:type": "dxa"}),
        make("w:tblLayout", {"w:type": "fixed"}),
        make(
            "w:tblCellMar",
            None,
            *(make(f"w:{side}", {"w:w": 0, "w:type": "dxa"}) for side in ("top", "left", "bottom", "right")),
        ),
        make("w:tblLook", {"w:val": "0000", "w:firstRow": 0, "w:lastRow": 0, "w:firstColumn": 0,
                           "w:lastColumn": 0, "w:noHBand": 0, "w:noVBand": 0}),
    )


def masthead_table(masthead: ResolvedMasthead, right_to_left: bool = False, emblem: Element | None = None,
                   geometry: MastheadGeometry = GENEVA.masthead) -> Element:
    """The floating first-page table: emblem, United Nations, symbol; organ, distribution block.

    ``emblem`` is a ``w:drawing`` for the first cell of the second row, beside the organ
    (an optional image; docs/layout-geneva.md).
    """
    properties = _table_properties(right_to_left, geometry)
    columns = geometry.columns
    grid = make("w:tblGrid", None, *(make("w:gridCol", {"w:w": width}) for width in columns))
    row1 = _row(
        geometry.row1_height,
        [
            _cell(columns[0], [paragraph()], rule=geometry.rule_thin, align="bottom"),
            _cell(columns[1], [paragraph([st.spacing(after=geometry.united_nations_after)],
                                         [run(masthead.united_nations, st.size(28))])],
                  rule=geometry.rule_thin, align="bottom"),
            _cell(columns[2] + columns[3],
                  [paragraph([st.spacing(after=geometry.symbol_after), val_prop("w:jc", "right")],
                             _symbol_runs(masthead.symbol))],
                  span=2, rule=geometry.rule_thin, align="bottom"),
        ],
    )
    # The emblem beside the organ, and the organ under "United Nations", as printed.
    emblem_cell = paragraph([st.spacing(before=120)], [run("", [], emblem)] if emblem is not None else [])
    organ = paragraph([st.spacing(before=geometry.organ_before)], [run(masthead.organ, [*st.bold(), *st.size(40)])])
    distribution = [
        paragraph([st.spacing(before=240)], [run(masthead.distribution)]),
        paragraph([], [run(masthead.date)]),
        paragraph(),
        *([paragraph([], [run(masthead.version_line)])] if masthead.version_line else []),
        paragraph([], [run(masthead.language_line)]),
        *([paragraph([], [run(masthead.versions_line)])] if masthead.versions_line else []),
    ]
    row2 = _row(
        geometry.row2_height,
        [
            _cell(columns[0], [emblem_cell], rule=geometry.rule_thick),
            _cell(columns[1] + columns[2], [organ], span=2, rule=geometry.rule_thick),
            _cell(columns[3], distribution, rule=geometry.rule_thick),
        ],
    )
    return make("w:tbl", None, properties, grid, row1, row2)


def _front_props(right: int = 0) -> list[Property]:
    tabs = prop("w:tabs", None, prop("w:tab", {"w:val": "left", "w:pos": 567}),
                prop("w:tab", {"w:val": "left", "w:pos": 1134}))
    return [tabs, prop("w:ind", {"w:right": right})] if right else [tabs]


def _front_line(role: str, content: list[Element] | str, layout: FrontBlockLayout, size: int | None = None,
                right: int = 0) -> Element:
    """One line of the front block; bold and sized where the layout says (FrontBlockLayout)."""
    if isinstance(content, str):
        props = st.bold() if role in layout.bold else []
        if size is not None:
            props += st.size(size)
        content = [run(content, props)]
    return paragraph(_front_props(right), content)


def front_block(front: ResolvedFront, links: NoteLinks, layout: FrontBlockLayout = GENEVA.front,
                text_width: int = GENEVA.page.text_width) -> list[Element]:
    """Parent body, body, session, place and dates, then each agenda line and its title, as printed;
    as wide as the layout's front block (FrontBlockLayout.width) within ``text_width``."""
    out = []
    right = layout.right_indent(text_width)
    if front.parent_body is not None:
        out.append(_front_line("parent_body", front.parent_body, layout, layout.parent_body_size, right))
    out += [
        _front_line(role, text, layout, size, right)
        for role, text, size in (("body", front.body, layout.body_size if front.parent_body is None else None),
                                 ("session", front.session, None), ("place_and_dates", front.place_and_dates, None))
        if text  # a body or session not given yet prints no line
    ]
    for line in front.agenda:
        if line.label:  # several items on one label line: the later titles print without one
            out.append(_front_line("agenda_label", inline(line.label, links), layout, right=right))
        out.append(_front_line("agenda_title", line.title, layout, right=right))
    return out


# --- headings and body -----------------------------------------------------------------------------
def heading(
    style: str,
    number: str | None,
    title: Runs,
    links: NoteLinks,
    *,
    page_break: bool = False,
    numbering: list[Element] | None = None,
) -> Element:
    """TAB number TAB title, in one of the G heading styles (``numbering``: the number's runs)."""
    props = [val_prop("w:pStyle", style)]
    if page_break:
        props.append(Prop("w:pageBreakBefore"))
    # One run "TAB number TAB" unless the number carries a bookmark (then split around it).
    lead = [run(f"\t{number}\t" if number else "\t\t")] if numbering is None else [run("\t"), *numbering, run("\t")]
    return paragraph(props, [*lead, *inline(title, links)])


def block(item: ResolvedBlock, links: NoteLinks, bookmarks: Bookmarks, layout: Layout = GENEVA,
          in_resolution: bool = False) -> list[Element]:
    body_style = val_prop("w:pStyle", st.SINGLE_TXT)
    match item:
        case InstrumentHeading() | InstrumentText() | OperativeParagraph():
            return instrument_block(item, links, bookmarks)
        case SubparagraphItem() if in_resolution:
            return [instrument_item(item, links, bookmarks)]
        case AgendaPart():  # "1." TAB the item, "(a)" TAB the sub-item, the other parts alone
            label = bookmarks.around(item.id, f"{item.label}\t") if item.label else []
            return [ins.agenda_paragraph(item, [*label, *inline(item.text, links)])]
        case Heading(level=HeadingLevel.CHAPTER, caption=str(caption)) if layout.chapter_caption_line:
            # "Chapter I" at the margin, then the title where the chapter heading prints it (E/2025/24).
            # The title right under its caption (E/2025/24 p. 7: boxes 2.66–3.21, 3.19–3.74).
            caption_runs = bookmarks.around(item.id, caption)
            line = paragraph([val_prop("w:pStyle", st.HCHG), Prop("w:keepNext"), st.spacing(after=0)], caption_runs)
            title_runs = [run("\t\t"), *inline(item.title, links)]
            title = paragraph([val_prop("w:pStyle", st.HCHG), st.spacing(before=0)], title_runs)
            return [line, title]
        case Heading(level=HeadingLevel.ANNEX):
            # "Annex" on a new page, then the annex's title, both as chapter headings.
            annex = heading(st.HCHG, None, (), links, page_break=True)
            for element in bookmarks.around(item.id, item.number):
                annex.append(element)
            return [annex, heading(st.HCHG, None, item.title, links)]
        case Heading():
            numbering = bookmarks.around(item.id, item.number) if item.id in bookmarks.labels else None
            return [heading(HEADING_STYLES[item.level], item.number, item.title, links, numbering=numbering)]
        case NumberedParagraph():
            numbering = bookmarks.around(item.id, f"{item.number}\t")
            props: list[Property] = [body_style]
            if item.numbering is Numbering.DECIMAL:
                props.append(st.indent(DECIMAL_LEFT, 1134, DECIMAL_HANGING))
            return [paragraph(props, [*numbering, *inline(item.text, links)])]
        case SubparagraphItem():
            depth = min(max(item.depth, 1), max(SUBPARAGRAPH_LEFT))
            ind = st.indent(SUBPARAGRAPH_LEFT[depth], 1134, SUBPARAGRAPH_HANGING)
            numbering = bookmarks.around(item.id, f"{item.label}\t")
            return [paragraph([body_style, ind], [*numbering, *inline(item.text, links)])]
        case Unnumbered():
            return [paragraph([body_style, st.not_numbered()], inline(item.text, links))]
        case BoxStart():  # its heading; body() frames it with its blocks
            return boxes.heading(item, inline(item.title, links), bookmarks.around(item.id, item.label))
        case BulletItem():
            return [lists.bullet(item, inline(item.text, links))]
        case LineItem():
            return [lists.line(item, inline(item.text, links))]
        case ResolvedTable():
            return tables.table(item, lambda runs: inline(runs, links), bookmarks.around, layout)
        case ResolvedFigure():
            return tables.figure(item, lambda runs: inline(runs, links), bookmarks.around, layout)
        case _:
            assert_never(item)


# --- instruments (issue 12) -------------------------------------------------------------------------
def instrument_block(item: InstrumentHeading | InstrumentText | OperativeParagraph, links: NoteLinks,
                     bookmarks: Bookmarks) -> list[Element]:
    """A resolution's label and title, enacting formula, preambular or operative paragraph."""
    match item:
        case InstrumentHeading():
            style = ins.DEC_HEADING if item.kind is InstrumentKind.DECISION else ins.RES_HEADING
            label = bookmarks.around(item.id, item.label) if item.label else []
            label_line = [paragraph([val_prop("w:pStyle", style)], label)] if item.label else []
            return [*label_line, paragraph([val_prop("w:pStyle", style)], inline(item.title, links))]
        case InstrumentText():
            return [paragraph([val_prop("w:pStyle", ins.TEXT_STYLES[item.kind])], inline(item.text, links))]
        case OperativeParagraph():
            numbering = bookmarks.around(item.id, f"{item.number}\t")
            return [paragraph([val_prop("w:pStyle", ins.OPERATIVE)], [*numbering, *inline(item.text, links)])]
        case _:
            assert_never(item)


def instrument_item(item: SubparagraphItem, links: NoteLinks, bookmarks: Bookmarks) -> Element:
    """(a) at the first-line indent as an operative paragraph's number; (i) and below block-indented."""
    left = ins.COLUMN + (item.depth - 1) * 2 * ins.FIRST_LINE
    props: list[Property] = [val_prop("w:pStyle", ins.OPERATIVE)]
    if item.depth > 1:
        props += [st.tabs(("left", left + 2 * ins.FIRST_LINE)), ins.first_line_indent(left)]
    numbering = bookmarks.around(item.id, f"{item.label}\t")
    return paragraph(props, [*numbering, *inline(item.text, links)])


# --- end instruments


def _boxed(item: ResolvedBlock, links: NoteLinks, bookmarks: Bookmarks, layout: Layout) -> list[Element]:
    """A block inside a box: unnumbered text with its first line indented, as the summary prints it."""
    if isinstance(item, Unnumbered):
        return [boxes.first_line_text(inline(item.text, links), layout.box)]
    return block(item, links, bookmarks, layout)


def end_rule() -> Element:
    """The short centred rule closing the document: four underlined tabs."""
    props = [val_prop("w:pStyle", st.SINGLE_TXT), st.spacing(before=240), val_prop("w:jc", "center")]
    return paragraph(props, [run("\t\t\t\t", [val_prop("w:u", "single")])])


def title_page(report: ResolvedReport, links: NoteLinks, emblem: Element | None, layout: Layout) -> list[Element]:
    """The masthead table, the lines under it, the title and the subtitles."""
    out = [masthead_table(report.masthead, report.right_to_left, emblem, layout.masthead),
           *front_block(report.front, links, layout.front, layout.page.text_width)]
    title_style = TITLE_STYLES[report.title_style]
    if report.letter is not None:  # the letter of transmittal, then the report from a new page
        out.extend(boxes.letter(report.letter, title_style, lambda runs: inline(runs, links), layout))
    out.append(heading(title_style, None, report.title, links, page_break=report.letter is not None))
    out.extend(heading(st.H1G, None, subtitle, links) for subtitle in report.subtitles)
    return out


def body(report: ResolvedReport, links: NoteLinks, emblem: Element | None = None,
         first_pages: list[Element] | None = None) -> list[Element]:
    """Every body element in reading order (the section properties excluded); ``first_pages`` in place
    of the masthead, the lines under it and the title (the Official Records front matter, official.py).

    The boxed summary stays on the first page, under the title; a contents page follows it."""
    layout = LAYOUTS[report.layout]
    out = first_pages if first_pages is not None else title_page(report, links, emblem, layout)
    bookmarks, marks = Bookmarks(report), contents.Marks(report.contents)
    inside = dict(zip(map(id, report.blocks), within_resolutions(report.blocks), strict=True))
    listed = False
    for item, framed in box_groups(report.blocks):
        elements = block(item, links, bookmarks, layout, inside[id(item)])
        marks.place(item, elements)  # a heading the contents page lists
        for inner in framed:  # a box's heading, then the blocks it frames, in one bordered cell
            elements.extend(_boxed(inner, links, bookmarks, layout))
        summary = isinstance(item, BoxStart) and item.kind is BoxKind.SUMMARY
        if not listed and not summary:
            out += contents.contents_page(report, layout, new_page=first_pages is None)
            listed = True
            elements = contents.break_before(elements) if report.contents is not None else elements
        out.extend([boxes.frame(elements, layout)] if isinstance(item, BoxStart) else elements)
    if not listed:
        out += contents.contents_page(report, layout, new_page=first_pages is None)
    out.append(end_rule())
    out += end_job_line(report, layout)
    return out


def end_job_line(report: ResolvedReport, layout: Layout) -> list[Element]:
    """The job number after the end rule, where the layout prints it (New York), in the Footer style,
    which the readers know is no part of the text."""
    if not layout.end_job_line or not report.masthead.job_number:
        return []
    return [paragraph([val_prop("w:pStyle", st.FOOTER), st.spacing(before=480)],
                      [run(report.masthead.job_number, st.size(20))])]
