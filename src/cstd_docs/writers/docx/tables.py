"""Tables and figures as Word lays them out in the UN style (issue 13; figures in :mod:`.table_layout`).

A table is its caption and title (CaptionG, CaptionTitleG), a real ``w:tbl`` in the text column
(fixed column widths from the resolved per cents, the header rows repeated on each page, spans
as ``w:gridSpan`` and ``w:vMerge``, rules as cell borders), then its source and its notes
(TableNoteG). A figure is its caption and title, a paragraph holding the picture inline, then
its source. Everything comes from the resolved block: nothing is counted here.

A picture's image part belongs to the document part, which is not known while the body is
built: a picture first carries its image in a private attribute, and :func:`relate_images`
adds the part and points the picture at it (as links are related in :mod:`.styled`).
"""

from __future__ import annotations

import base64
import copy
import io
from collections.abc import Callable, Sequence

from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.parts.document import DocumentPart
from docx.shared import Emu

from cstd_docs.model import Alignment, image_info
from cstd_docs.resolve.document import ResolvedCell, ResolvedFigure, ResolvedRow, ResolvedTable, Runs
from cstd_docs.writers.docx import table_styles as ts
from cstd_docs.writers.docx.layout import Layout
from cstd_docs.writers.docx.oxml.build import (
    PPR_ORDER,
    Element,
    Prop,
    make,
    paragraph,
    put_in_order,
    run,
    val,
    val_prop,
)
from cstd_docs.writers.docx.table_layout import TABLES

#: Inline runs for resolved text (inline_runs.inline, with the report's note links).
Inline = Callable[[Runs], list[Element]]
#: Runs for a caption with a bookmark around its number, for the block's id (inline_runs.Bookmarks.around).
Around = Callable[[str | None, str], list[Element]]

_PENDING_IMAGE = "{urn:cstd-docs:pending}image"
_JC = {Alignment.LEFT: None, Alignment.CENTER: "center", Alignment.RIGHT: "right"}
EMU_PER_TWIP = 635


def column_width(layout: Layout) -> int:
    """The width a table or a figure may take: the text column less its indents (twips)."""
    return layout.page.text_width - 2 * TABLES.indent


def _caption(caption: str | None, title: Runs, ident: str | None, inline: Inline, around: Around) -> list[Element]:
    if caption is None:
        return []
    return [paragraph([val_prop("w:pStyle", ts.CAPTION)], around(ident, caption)),
            paragraph([val_prop("w:pStyle", ts.CAPTION_TITLE)], inline(title))]


def _source(label: str, source: Runs | None, inline: Inline) -> list[Element]:
    if source is None:
        return []
    italic = [Prop("w:i"), Prop("w:iCs")]
    return [paragraph([val_prop("w:pStyle", ts.TABLE_NOTE)], [run(label, italic), run(" "), *inline(source)])]


def table(block: ResolvedTable, inline: Inline, around: Around, layout: Layout) -> list[Element]:
    """Caption and title, the table, its source and notes (Editorial Manual, *Tables*: source first)."""
    total = column_width(layout)
    widths = [round(total * share / 100) for share in block.widths]
    rows = [*((row, True) for row in block.header), *((row, False) for row in block.rows)]
    trs = [_row(row, header, widths, _rules(at, len(block.header), len(rows)), inline,
                _margins(at, len(block.header), len(rows)), spanner=header and at < len(block.header) - 1)
           for at, (row, header) in enumerate(rows)]
    grid = make("w:tblGrid", None, *(make("w:gridCol", {"w:w": width}) for width in widths))
    out = _caption(block.caption, block.title, block.id, inline, around)
    out.append(make("w:tbl", None, _properties(sum(widths)), grid, *trs))
    under = _source(block.source_label, block.source, inline)
    for note in block.notes:
        letter = run(note.letter, [val_prop("w:vertAlign", "superscript")])
        under.append(paragraph([val_prop("w:pStyle", ts.TABLE_NOTE)], [letter, run("\t"), *inline(note.text)]))
    return [*out, *_spaced(under)]


def _spaced(under: list[Element]) -> list[Element]:
    """The lines under a table or figure, the last with the space that parts it from the text after
    (an empty line when there is none)."""
    if not under:
        under = [paragraph([val_prop("w:pStyle", ts.TABLE_NOTE)])]
    last = under[-1]
    properties = last.find(qn("w:pPr"))
    if properties is not None:
        put_in_order(properties, make("w:spacing", {"w:after": TABLES.after}), PPR_ORDER)
    return under


def _margins(at: int, header: int, count: int) -> Element | None:
    """More room under the header's rule (the first body row) and over the foot's (the last)."""
    sides = []
    if at == header:
        sides.append(make("w:top", {"w:w": TABLES.body_first_top, "w:type": "dxa"}))
    if at == count - 1:
        sides.append(make("w:bottom", {"w:w": TABLES.body_last_bottom, "w:type": "dxa"}))
    return make("w:tcMar", None, *sides) if sides else None


def _rules(at: int, header: int, count: int) -> dict[str, int]:
    """The borders of row ``at``: the top rule over the first, the header's under its last, the foot's."""
    rules: dict[str, int] = {}
    if at == 0:
        rules["top"] = TABLES.rule_top
    if at == header - 1:
        rules["bottom"] = TABLES.rule_header
    if at == count - 1:
        rules["bottom"] = TABLES.rule_foot
    return rules


def _properties(width: int) -> Element:
    margins = make("w:tblCellMar", None, make("w:top", {"w:w": 0, "w:type": "dxa"}),
                   make("w:left", {"w:w": TABLES.margin_start, "w:type": "dxa"}),
                   make("w:bottom", {"w:w": 0, "w:type": "dxa"}),
                   make("w:right", {"w:w": TABLES.margin_end, "w:type": "dxa"}))
    return make("w:tblPr", None,
                make("w:tblW", {"w:w": width, "w:type": "dxa"}),
                make("w:tblInd", {"w:w": TABLES.indent, "w:type": "dxa"}),
                make("w:tblLayout", {"w:type": "fixed"}),
                margins,
                make("w:tblLook", {"w:val": "0000", "w:firstRow": 0, "w:lastRow": 0, "w:firstColumn": 0,
                                   "w:lastColumn": 0, "w:noHBand": 1, "w:noVBand": 1}))


def _row(row: ResolvedRow, header: bool, widths: Sequence[int], rules: dict[str, int], inline: Inline,
         margins: Element | None, *, spanner: bool = False) -> Element:
    properties = make("w:trPr", None, make("w:cantSplit"), make("w:tblHeader") if header else None)
    cells: list[Element] = []
    column = 0
    for cell in row:
        span = cell.colspan
        width = sum(widths[column:column + span])
        column += span
        merge = "restart" if isinstance(cell, ResolvedCell) and cell.rowspan > 1 else None
        if not isinstance(cell, ResolvedCell):
            merge = "continue"
        props = make("w:tcPr", None, make("w:tcW", {"w:w": width, "w:type": "dxa"}),
                     val("w:gridSpan", span) if span > 1 else None,
                     (val("w:vMerge", merge) if merge == "restart" else make("w:vMerge")) if merge else None,
                     _borders({**rules, "bottom": TABLES.rule_spanner} if spanner and span > 1 else rules),
                     copy.deepcopy(margins) if margins is not None else None,
                     val("w:vAlign", "bottom" if header else "top"))
        text = cell.text if isinstance(cell, ResolvedCell) else ()
        style = ts.TABLE_HEAD if header else ts.TABLE_TEXT
        jc = _JC[cell.align]
        para = paragraph([val_prop("w:pStyle", style), *([val_prop("w:jc", jc)] if jc else [])], inline(text))
        cells.append(make("w:tc", None, props, para))
    return make("w:tr", None, properties, *cells)


def _borders(rules: dict[str, int]) -> Element | None:
    if not rules:
        return None
    sides = [make(f"w:{side}", {"w:val": "single", "w:sz": rules[side], "w:space": 0, "w:color": "auto"})
             for side in ("top", "bottom") if side in rules]
    return make("w:tcBorders", None, *sides)


# --- figures -------------------------------------------------------------------------------------------
def figure(block: ResolvedFigure, inline: Inline, around: Around, layout: Layout) -> list[Element]:
    """Caption and title, the picture (its share of the column wide, in proportion), its source."""
    info = image_info(block.image)
    ratio = info.height / info.width if info is not None else 1.0
    cx = column_width(layout) * EMU_PER_TWIP * block.width // 100
    cy = max(1, round(cx * ratio))
    picture = CT_Inline.new_pic_inline(1, "", "figure.png", Emu(cx), Emu(cy))
    picture.docPr.set("descr", block.description)
    picture.set(_PENDING_IMAGE, base64.b64encode(block.image).decode("ascii"))
    drawing = make("w:drawing", None, picture)
    out = _caption(block.caption, block.title, block.id, inline, around)
    out.append(paragraph([val_prop("w:pStyle", ts.FIGURE)], [run("", [], drawing)]))
    return [*out, *_spaced(_source(block.source_label, block.source, inline))]


def relate_images(document_part: DocumentPart) -> None:
    """Give each pending picture of the body its image part and a drawing id of its own."""
    for inline in document_part.element.body.iter(qn("wp:inline")):
        data = inline.get(_PENDING_IMAGE)
        if data is None:
            continue
        del inline.attrib[_PENDING_IMAGE]
        rid, image = document_part.get_or_add_image(io.BytesIO(base64.b64decode(data)))
        inline.docPr.set("id", str(document_part.next_id))
        inline.docPr.set("name", f"Figure {image.filename}")
        for blip in inline.iter(qn("a:blip")):
            blip.set(qn("r:embed"), rid)


def mirror_tables(body: Element) -> None:
    """Right to left: each table of the text (not the masthead, which floats and mirrors itself) laid
    out from the right, its cells' margins swapped with it."""
    for properties in body.iter(qn("w:tblPr")):
        if properties.find(qn("w:tblpPr")) is not None or properties.find(qn("w:bidiVisual")) is not None:
            continue
        properties.insert(0, make("w:bidiVisual"))
        margins = properties.find(qn("w:tblCellMar"))
        if margins is not None:
            left, right = margins.find(qn("w:left")), margins.find(qn("w:right"))
            if left is not None and right is not None:
                width = left.get(qn("w:w"))
                left.set(qn("w:w"), right.get(qn("w:w"), "0"))
                right.set(qn("w:w"), width or "0")
