"""The Official Records front matter in Word (issue 14), in place of the masthead table.

As E/2025/28 and E/2025/24 print it (docs/layout-newyork.md): a cover ("United Nations", the body,
the report's title and the session's dates, "Economic and Social Council / Official Records, 2025 /
Supplement No. 8"), which is a section of its own, with the symbol at its head and no page number;
then, from an odd page numbered 1, the title page (the same lines, the symbol on the right, the
imprint "United Nations • New York, 2025" at its foot), the note on symbols with the ISSN at its
foot, and the report's date over the first page of text ("[24 March 2025]"). Each line's size and
the space before it are layout data (layout.OfficialRecordsLayout); the lines at a page's foot are
frames anchored to the page. The cover's last paragraph carries an empty ``w:sectPr`` that
page.cover_section fills once the page setup is known.
"""

from __future__ import annotations

from collections.abc import Callable

from attrs import frozen
from docx.oxml.ns import qn

from cstd_docs.resolve.document import NoteRef, ResolvedReport, Runs
from cstd_docs.resolve.front_pages import ResolvedOfficialRecords
from cstd_docs.writers.docx import front_styles as fs
from cstd_docs.writers.docx import inline_runs
from cstd_docs.writers.docx import styles as st
from cstd_docs.writers.docx.layout import LAYOUTS, Layout, LineLayout, OfficialRecordsLayout
from cstd_docs.writers.docx.oxml.build import Element, Property, make, paragraph, prop, run, val_prop

__all__ = ["Part", "cover_break", "pages", "parts"]

#: The emblem's height on the cover (content.EMBLEM_MAX_HEIGHT) and the space under it, in twips.
_EMBLEM = 794
_EMBLEM_GAP = 227


def _look(line: LineLayout) -> Callable[[], list[Property]]:
    def props() -> list[Property]:
        return [*(st.bold() if line.bold else []), *st.size(line.size)]

    return props


def _line(style: str, line: LineLayout, runs: list[Element], indent: int, *extra: Property, right: int = 0) -> Element:
    return paragraph([val_prop("w:pStyle", style), st.spacing(before=line.before, after=0), st.indent(indent, right),
                      *extra], runs)


def _text(text: str, line: LineLayout) -> list[Element]:
    return [run(text, _look(line)())]


def _without_notes(runs: Runs) -> Runs:
    """The title as the cover prints it: its notes are marked once, on the title page."""
    return tuple(r for r in runs if not isinstance(r, NoteRef))


def _cover(report: ResolvedReport, records: ResolvedOfficialRecords, geometry: OfficialRecordsLayout,
           emblem: Element | None) -> list[Element]:
    indent = geometry.indent

    def line(layout: LineLayout, runs: list[Element], *extra: Element) -> Element:
        return _line(fs.OR_COVER, layout, runs, indent, *extra, right=geometry.cover_right)

    no_notes = inline_runs.NoteLinks(())
    united = geometry.cover_united_nations
    out: list[Element] = []
    if emblem is not None:  # above "United Nations", as printed
        holder = LineLayout(united.size, max(united.before - _EMBLEM - _EMBLEM_GAP, 0))
        out.append(line(holder, [run("", [], emblem)]))
        united = LineLayout(united.size, _EMBLEM_GAP)
    title = inline_runs.inline(_without_notes(report.title), no_notes, _look(geometry.cover_title))
    dates = LineLayout(geometry.cover_title.size, 0)
    supplement = LineLayout(geometry.cover_records.size, 0)
    out += [
        line(united, _text(report.masthead.united_nations, united)),
        line(geometry.cover_body, _text(report.front.body, geometry.cover_body)),
        line(geometry.cover_title, title),
        line(dates, _text(records.session_dates, dates)),
        line(geometry.cover_organ, _text(records.organ, geometry.cover_organ)),
        line(geometry.cover_records, _text(records.records, geometry.cover_records)),
        line(supplement, _text(records.supplement, supplement), make("w:sectPr")),
    ]
    return out


def _head(report: ResolvedReport, records: ResolvedOfficialRecords, layout: Layout) -> list[Element]:
    """The title page's first lines at the margin, the symbol (or its parts, one a line) on the right."""
    geometry = layout.official_records
    symbols = report.masthead.symbols if geometry.symbols_stacked else tuple(
        s for s in (report.masthead.symbol,) if s)
    texts = [records.organ, records.records, records.supplement]
    lines = max(len(texts), len(symbols))
    out = []
    for index in range(lines):
        line = LineLayout(geometry.title_page_head.size, geometry.title_page_head.before if index == 0 else 0,
                          bold=index == 0)
        runs = _text(texts[index], line) if index < len(texts) else []
        if index < len(symbols):
            runs += [run("\t"), run(symbols[index])]
        out.append(_line(fs.OR_TITLE, line, runs, 0, st.tabs(("right", layout.page.text_width - 1))))
    return out


def _framed(text: str, size: int, top: int, indent: int, layout: Layout) -> Element:
    """A line at a fixed height on the page (the imprint, the ISSN), whatever stands above it."""
    frame = prop("w:framePr", {"w:w": layout.page.text_width - indent, "w:wrap": "notBeside", "w:vAnchor": "page",
                               "w:hAnchor": "margin", "w:x": indent, "w:y": top})
    props = [val_prop("w:pStyle", fs.OR_TITLE), frame, st.spacing(before=0, after=0)]
    return paragraph(props, [run(text, st.size(size))])


def _title_page(report: ResolvedReport, records: ResolvedOfficialRecords, links: inline_runs.NoteLinks,
                layout: Layout) -> list[Part]:
    geometry = layout.official_records
    style, indent = fs.OR_TITLE, geometry.indent
    body, title = geometry.title_page_body, geometry.title_page_title
    # A frame stands on the page of the paragraph after it: the imprint before the body's line.
    imprint = _framed(records.imprint, geometry.imprint_size, geometry.imprint_top, indent, layout)
    dates = geometry.title_page_dates
    out = [
        Part("title page", f"{records.organ} {records.records} {records.supplement}",
             [*_head(report, records, layout), imprint]),
        Part("title page body", report.front.body, [_line(style, body, _text(report.front.body, body), indent)]),
        Part("title", "", [_line(style, title, inline_runs.inline(report.title, links, _look(title)), indent)],
             report.title),
        Part("title page dates", records.session_dates, [_line(style, dates, _text(records.session_dates, dates),
                                                               indent)]),
    ]
    subtitle = LineLayout(geometry.title_page_dates.size, 120, bold=False)
    out += [Part("subtitle", "", [_line(style, subtitle, inline_runs.inline(s, links, _look(subtitle)), indent)], s)
            for s in report.subtitles]
    return out


def _note_page(records: ResolvedOfficialRecords, layout: Layout) -> list[Element]:
    geometry = layout.official_records
    heading = paragraph([val_prop("w:pStyle", fs.OR_TITLE), make("w:pageBreakBefore"),
                         st.spacing(before=geometry.note_before, after=0), st.indent(geometry.indent)],
                        [run(records.note_heading, st.italic())])
    note = paragraph([val_prop("w:pStyle", fs.OR_TITLE), st.spacing(before=geometry.note_text_before, after=120),
                      make("w:ind", {"w:left": geometry.indent, "w:right": geometry.indent,
                                     "w:firstLine": geometry.note_first_line}), val_prop("w:jc", "both")],
                     [run(records.symbols_note)])
    issn = [] if records.issn is None else [_framed(records.issn, st.BASE_SIZE, geometry.issn_top, geometry.indent,
                                                     layout)]
    return [heading, *issn, note]  # the frame before the note: on the note's page


@frozen
class Part:
    """A piece of the front matter, for a redline to align: what it prints and its elements. ``runs`` are
    the title's or a subtitle's (their note marks), whose text a redline takes from them."""

    kind: str
    text: str
    elements: list[Element]
    runs: Runs = ()


def parts(report: ResolvedReport, links: inline_runs.NoteLinks, emblem: Element | None) -> list[Part]:
    """The cover, the title page, the note on symbols and the date over the first page of text."""
    records = report.official_records
    if records is None:
        return []
    layout = LAYOUTS[report.layout]
    geometry = layout.official_records
    date = paragraph([val_prop("w:pStyle", fs.OR_TITLE), make("w:pageBreakBefore"),
                      st.spacing(before=geometry.date_before, after=geometry.date_after), val_prop("w:jc", "right")],
                     [run(records.date_line)])
    cover = Part("cover", f"{records.organ} {records.records} {records.supplement}",
                 _cover(report, records, geometry, emblem))
    note = Part("note", f"{records.note_heading} {records.symbols_note} {records.issn or ''}",
                _note_page(records, layout))
    return [cover, *_title_page(report, records, links, layout), note, Part("date", records.date_line, [date])]


def pages(report: ResolvedReport, links: inline_runs.NoteLinks, emblem: Element | None) -> list[Element]:
    """The front matter's elements in order."""
    return [element for part in parts(report, links, emblem) for element in part.elements]


def cover_break(body: Element) -> Element | None:
    """The empty section properties that end the cover (page.cover_section fills them), or None."""
    found: Element | None = body.find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:sectPr')}")
    return found
