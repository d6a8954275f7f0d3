"""The paragraph styles of tables and figures (issue 13), from the figures of :mod:`.table_layout`.

Their ids tell a reader what each paragraph is: the caption ("Table 1", "Figure I") and the
title under it, a cell of the header or of the body, a note or the source under a table or a
figure, the paragraph holding a figure's picture. The header's italics and the title's bold
are the styles' own, so that a reader never takes them for the author's emphasis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cstd_docs.writers.docx.oxml.build import Element, Property, make, val
from cstd_docs.writers.docx.table_layout import TABLES

CAPTION = "CaptionG"
CAPTION_TITLE = "CaptionTitleG"
TABLE_HEAD = "TableHeadG"
TABLE_TEXT = "TableTextG"
TABLE_NOTE = "TableNoteG"
FIGURE = "FigureG"


def _size(half_points: int) -> list[Element]:
    return [val("w:sz", half_points), val("w:szCs", half_points)]


def _column() -> Element:
    return make("w:ind", {"w:left": TABLES.indent, "w:right": TABLES.indent})


def _caption() -> list[Element]:
    return [make("w:keepNext"), make("w:keepLines"), make("w:spacing", {"w:before": TABLES.caption_before,
                                                                        "w:after": 0}), _column()]


def _title() -> list[Element]:
    return [make("w:keepNext"), make("w:keepLines"), make("w:spacing", {"w:after": TABLES.title_after}), _column()]


def _cell(before: int, after: int, line: int) -> Callable[[], Sequence[Property]]:
    def build() -> list[Property]:
        return [make("w:spacing", {"w:before": before, "w:after": after, "w:line": line, "w:lineRule": "exact"}),
                make("w:ind", {"w:left": 0, "w:right": 0})]

    return build


def _note() -> list[Element]:
    """A note under a table: its letter at the column, its text a step further on every line."""
    left = TABLES.indent + TABLES.note_text
    return [make("w:tabs", None, make("w:tab", {"w:val": "left", "w:pos": left})),
            make("w:spacing", {"w:after": 0, "w:line": 220, "w:lineRule": "exact"}),
            make("w:ind", {"w:left": left, "w:right": TABLES.indent, "w:hanging": TABLES.note_text})]


def _figure() -> list[Element]:
    return [make("w:keepNext"), make("w:spacing", {"w:after": 120}), _column(), val("w:jc", "center")]


#: (style id, name, paragraph properties, run properties, based on, next style), as instrument_styles.SPECS.
SPECS: tuple[tuple[str, str, Callable[[], Sequence[Property]], Callable[[], Sequence[Property]], str, str], ...] = (
    (CAPTION, "_ Caption_G", _caption, list, "Normal", CAPTION_TITLE),
    (CAPTION_TITLE, "_ Caption Title_G", _title, lambda: [make("w:b"), make("w:bCs")], "Normal", "SingleTxtG"),
    (TABLE_HEAD, "_ Table Head_G", _cell(TABLES.header_before, TABLES.header_after, TABLES.header_line),
     lambda: [make("w:i"), make("w:iCs"), *_size(TABLES.header_size)], "Normal", TABLE_HEAD),
    (TABLE_TEXT, "_ Table Text_G", _cell(TABLES.body_before, TABLES.body_after, TABLES.body_line),
     lambda: _size(TABLES.body_size), "Normal", TABLE_TEXT),
    (TABLE_NOTE, "_ Table Note_G", _note, lambda: _size(TABLES.note_size), "Normal", TABLE_NOTE),
    (FIGURE, "_ Figure_G", _figure, list, "Normal", TABLE_NOTE),
)
