"""Tables and figures (issue 13): blocks that stand where a paragraph may and take no paragraph number.

A table's number ("Table 1") and a figure's ("Figure I") are derived by the resolution pass from
their place (counted through the body, afresh in each annex), as its notes' letters (a, b, c) are
from their place among the table's notes. A table without a title is an unnumbered "text table"
(UN Editorial Manual, *Tables*), as E/2025/28 prints its officers: no caption, no number used up.

A figure's image is held as bytes: in JSON a ``data:`` URI (base64), so that a report file stays one
self-contained, lossless file that a Word draft can carry and give back (docs/json-format.md).
"""

from __future__ import annotations

import enum
import struct
from collections.abc import Iterable

from attrs import field, frozen

from cstd_docs.model.inline import Inline, Inlines, to_inlines, to_tuple
from cstd_docs.model.typed import to_enum, typed_fields


class Alignment(enum.Enum):
    """Where a cell's text stands in its column (mirrored with the table in a right-to-left language)."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


def _alignment(value: Alignment | str) -> Alignment:
    return to_enum(Alignment)(value)  # type: ignore[no-any-return]


def _optional_alignment(value: Alignment | str | None) -> Alignment | None:
    return None if value is None else _alignment(value)


def _cell_text(value: str | Inline | Iterable[Inline]) -> Inlines:
    """A cell's text; an empty cell is ``""`` however it is given."""
    text = to_inlines(value)
    return ("",) if text == () else text


def _optional_inlines(value: str | Inline | Iterable[Inline] | None) -> Inlines | None:
    return None if value is None else to_inlines(value)


@frozen(field_transformer=typed_fields)
class Column:
    """A column: its width in per cent of the text column (None: an equal share of what the widths
    given leave) and where its cells' text stands."""

    width: int | None = None
    align: Alignment = field(default=Alignment.LEFT, converter=_alignment)


@frozen(field_transformer=typed_fields)
class Cell:
    """A cell: its text (empty for a blank cell), how many columns and rows it spans, and its own
    alignment where it differs from its column's."""

    text: Inlines = field(converter=_cell_text)
    colspan: int = 1
    rowspan: int = 1
    align: Alignment | None = field(default=None, converter=_optional_alignment)


def _cell(value: object) -> object:
    """A cell from itself, or from its text (a string, an inline or a list of them)."""
    if isinstance(value, Cell):
        return value
    text = to_inlines(value)  # type: ignore[arg-type]
    return Cell(text) if isinstance(text, tuple) else value


def _row(value: object) -> object:
    items = to_tuple(value)  # type: ignore[arg-type]
    return tuple(_cell(item) for item in items) if isinstance(items, tuple) else items


def _rows(value: object) -> object:
    rows = to_tuple(value)  # type: ignore[arg-type]
    return tuple(_row(row) for row in rows) if isinstance(rows, tuple) else rows


@frozen(field_transformer=typed_fields)
class TableNote:
    """A note under a table, lettered a, b, c by its place among the table's notes; its marks stand
    in cells (:class:`~cstd_docs.model.TableNoteMark`)."""

    id: str
    text: Inlines = field(converter=to_inlines)


@frozen(field_transformer=typed_fields)
class Table:
    """A table: "Table 1" and its title above (none for an untitled text table), header rows
    repeated on each page, body rows, its notes and its "Source:" line under it."""

    id: str | None = field(default=None, kw_only=True)
    title: Inlines | None = field(default=None, converter=_optional_inlines)
    columns: tuple[Column, ...] = field(default=(), converter=to_tuple)
    header: tuple[tuple[Cell, ...], ...] = field(default=(), converter=_rows)
    rows: tuple[tuple[Cell, ...], ...] = field(converter=_rows, kw_only=True)
    notes: tuple[TableNote, ...] = field(default=(), converter=to_tuple)
    source: Inlines | None = field(default=None, converter=_optional_inlines)


#: The largest image a figure holds (bytes): a chart or a map, not a photograph at print resolution.
#: Its base64 text (a third more) stays within the JSON limit for images (jsonio/limits.py).
MAX_IMAGE_BYTES = 12 * 1024 * 1024


def _image(value: bytes | bytearray | memoryview) -> bytes:
    return bytes(value) if isinstance(value, (bytearray, memoryview)) else value


@frozen(field_transformer=typed_fields)
class Figure:
    """A figure: "Figure I" and its title above, the image (PNG, JPEG or GIF) the given share of the
    text column wide, and its "Source:" line under it. ``description`` is the image's alternative
    text, for readers who cannot see it."""

    id: str | None = field(default=None, kw_only=True)
    title: Inlines = field(converter=to_inlines)
    image: bytes = field(converter=_image)
    description: str = ""
    #: The image's width in per cent of the text column; its height follows its proportions.
    width: int = 100
    source: Inlines | None = field(default=None, converter=_optional_inlines)


# --- images: what the checks and the writers need to know of one, from its first bytes ------------
@frozen
class ImageInfo:
    """An image's kind ("png", "jpeg", "gif") and its size in pixels."""

    kind: str
    width: int
    height: int

    @property
    def media_type(self) -> str:
        return f"image/{self.kind}"


def image_info(data: bytes) -> ImageInfo | None:
    """The kind and pixel size of a PNG, JPEG or GIF image; None for anything else or a damaged header."""
    try:
        if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
            width, height = struct.unpack(">II", data[16:24])
            return _sized("png", width, height)
        if data[:6] in (b"GIF87a", b"GIF89a"):
            width, height = struct.unpack("<HH", data[6:10])
            return _sized("gif", width, height)
        if data[:3] == b"\xff\xd8\xff":
            return _jpeg(data)
    except struct.error:  # cut short
        return None
    return None


def _sized(kind: str, width: int, height: int) -> ImageInfo | None:
    return ImageInfo(kind, width, height) if width > 0 and height > 0 else None


#: JPEG markers that start a frame (SOF0–SOF15 but DHT, JPG and DAC), which give the size.
_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(data: bytes) -> ImageInfo | None:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill bytes
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2:at + 4])
        if marker in _FRAMES:
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return _sized("jpeg", width, height)
        at += 2 + length
    return None


# --- the grid: where each cell stands, for the checks and the resolution pass alike ----------------
@frozen
class Slot:
    """A place of the grid: the cell that starts there (``start``), or the cell above that spans
    down into it (``start`` False); the places a cell spans to its right have no slot."""

    cell: Cell
    column: int
    start: bool


@frozen
class GridProblem:
    """A row that does not fill the table's columns, or a cell that spans past its part."""

    row: int
    #: The cell's index in its row, for a problem of the cell's own.
    cell: int | None
    message: str
    hint: str


def spread(rows: tuple[tuple[Cell, ...], ...], width: int | None) -> tuple[list[list[Slot]], list[GridProblem]]:
    """Each row's slots in column order, and what does not fit.

    ``width`` is the table's number of columns (None: the first row's); a cell spanning down
    covers the places under it in the following rows of its part (header or body).
    """
    above: dict[tuple[int, int], Cell] = {}  # (row, column) → the cell spanning down into it
    out: list[list[Slot]] = []
    problems: list[GridProblem] = []
    for r, row in enumerate(rows):
        slots: list[Slot] = []
        column = 0
        for index, cell in enumerate(row):
            while (r, column) in above:
                slots.append(Slot(above[(r, column)], column, False))
                column += 1
            if cell.colspan < 1 or cell.rowspan < 1:
                problems.append(GridProblem(r, index, "a cell spans at least one column and one row",
                                            "leave colspan and rowspan out for a cell of its own"))
            elif cell.rowspan > len(rows) - r:
                left = len(rows) - r
                problems.append(GridProblem(r, index, f"the cell spans {cell.rowspan} rows; its part has "
                                            f"{_count(left, 'row')} from its own", "span the rows there are "
                                            "(a header's cells do not span into the body)"))
            for down in range(1, max(cell.rowspan, 1)):
                for across in range(max(cell.colspan, 1)):
                    above[(r + down, column + across)] = cell
            slots.append(Slot(cell, column, True))
            column += max(cell.colspan, 1)
        while (r, column) in above:
            slots.append(Slot(above[(r, column)], column, False))
            column += 1
        if width is None:
            width = column
        if column != width:
            covered = sum(1 for slot in slots if not slot.start)
            through = f", with {covered} spanned down from above" if covered else ""
            problems.append(GridProblem(r, None, f"the row fills {_count(column, 'column')}{through}; the table "
                                        f"has {width}",
                                        'give every row the same columns: an empty cell is "", a cell over '
                                        'several columns {"text": …, "colspan": 2}'))
        out.append(slots)
    return out, problems


def columns_of(table: Table) -> int:
    """How many columns the table has: its columns, else what its first row fills."""
    if table.columns:
        return len(table.columns)
    first = table.header or table.rows
    if not first:
        return 0
    return sum(max(cell.colspan, 1) for cell in first[0])


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
