"""Tables and figures in JSON (issue 13): the converter's ``configure_tables`` step.

A cell is its text, as any inline content is written (a string, or a list mixing strings
and one-key objects), unless it spans or aligns apart: ``{"text": "Total", "colspan": 2}``.
A figure's image is a ``data:`` URI (``"data:image/png;base64,iVBORw0…"``): the report stays
one self-contained file, which a Word draft carries and gives back byte for byte.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from typing import Any

from cattrs import Converter
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from cstd_docs import model as m
from cstd_docs.model.typed import resolve_field_types

_DATA_URI = re.compile(r"data:image/(png|jpeg|gif);base64,([A-Za-z0-9+/]*={0,2})")


def _structure_image(value: object, _: type) -> bytes:
    """A figure's image: a data: URI of a PNG, JPEG or GIF file, whose kind is the one it declares."""
    from cstd_docs.jsonio.input_errors import InputError, describe

    hint = 'write "data:image/png;base64," and the file in base64 (e.g. base64 -w0 chart.png)'
    if not isinstance(value, str):
        raise InputError(f"expected an image as a data: URI, got {describe(value)}", hint)
    found = _DATA_URI.fullmatch(value)
    if found is None:
        start = value[:30] + ("…" if len(value) > 30 else "")
        raise InputError(f"an image is a data: URI of a PNG, JPEG or GIF image, got {start!r}", hint)
    try:
        data = base64.b64decode(found.group(2), validate=True)
    except (binascii.Error, ValueError):
        raise InputError("the image's base64 text is damaged (its length or padding)", hint) from None
    info = m.image_info(data)
    if info is not None and info.kind != found.group(1):
        raise InputError(f"the data: URI says image/{found.group(1)} but holds a {info.kind.upper()} image",
                         f"write data:image/{info.kind};base64,…")
    return data


def _unstructure_image(data: bytes) -> str:
    info = m.image_info(data)
    return f"data:image/{info.kind if info else 'png'};base64,{base64.b64encode(data).decode('ascii')}"


def configure_tables(c: Converter) -> None:
    """A cell is its text (a string or a list) unless it spans or aligns apart ({"text": …, "colspan": 2});
    a figure's image is a data: URI; an optional title or source is text or left out."""
    from cstd_docs.jsonio.converter import INLINE_KEYS
    from cstd_docs.jsonio.converter import _structure_inlines as structure_inlines
    from cstd_docs.jsonio.converter import _unstructure_inlines as unstructure_inlines

    resolve_field_types(m.Cell)  # cattrs would ask typing (model/typed.py)
    record: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(m.Cell, c, _cattrs_omit_if_default=True)
    record_in: Callable[[Any, Any], Any] = make_dict_structure_fn(m.Cell, c)

    def structure_cell(value: object, _: object) -> m.Cell:
        if isinstance(value, dict):
            return record_in(value, m.Cell)  # type: ignore[no-any-return]
        return m.Cell(structure_inlines(c, value, INLINE_KEYS))

    def unstructure_cell(cell: m.Cell) -> object:
        if cell.colspan == 1 and cell.rowspan == 1 and cell.align is None:
            return unstructure_inlines(cell.text)
        return record(cell)

    optional = m.Inlines | None
    c.register_structure_hook(m.Cell, structure_cell)
    c.register_unstructure_hook(m.Cell, unstructure_cell)
    c.register_structure_hook(bytes, _structure_image)
    c.register_unstructure_hook(bytes, _unstructure_image)
    c.register_structure_hook_func(lambda t: t == optional,
                                   lambda v, _: None if v is None else structure_inlines(c, v, INLINE_KEYS))
    c.register_unstructure_hook_func(lambda t: t == optional, lambda v: None if v is None else unstructure_inlines(v))
