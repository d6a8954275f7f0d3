"""Reading Word documents others made: what a paragraph is when its style does not say.

Small, typed helpers of the Word reader for documents not written by us: a heading set
by hand in "Normal" (its look: bold at a heading's size, :class:`~.families.Look`), Word's
list formats (a bullet is not a number), labels typed with a space or in another
template's form ("a)", "9.2.1."), tabs before a label, and the masthead table that a
LibreOffice round trip puts in a text box.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from cstd_docs.readers.families import Role, StyleFamily
from cstd_docs.readers.tokens import Tab, Text, Token

__all__ = ["TYPED_LABEL", "ListFormats", "boxed_table", "look_role", "normal_label", "without_leading_tabs"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: A label typed with a space rather than a tab: "1. ", "3.1.1. ", "(a) ", "a) ", "(iv) ".
TYPED_LABEL = re.compile(r"^\s*(\d{1,6}(?:\.\d{1,6}){0,8}\.|\([a-z]{1,6}\)|[a-z]{1,6}\))\s+")
_CLOSING_ONLY = re.compile(r"([a-z]{1,6})\)")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def normal_label(label: str) -> str:
    """Another template's form of a subparagraph label in the UN's: "a)" → "(a)", "iv)" → "(iv)"."""
    found = _CLOSING_ONLY.fullmatch(label)
    return f"({found.group(1)})" if found else label


def without_leading_tabs(tokens: Sequence[Token]) -> list[Token]:
    """The tokens without the tabs (and blanks) a paragraph starts with: "TAB TAB 9.2.2. TAB text"."""
    start = 0
    while start < len(tokens):
        token = tokens[start]
        if isinstance(token, Tab) or (isinstance(token, Text) and not token.text.strip()):
            start += 1
        else:
            break
    return list(tokens[start:])


def _on(element: Any) -> bool:
    return element is not None and element.get(_w("val"), "true") not in ("0", "false", "off", "none")


def look_role(paragraph: Any, families: Sequence[StyleFamily]) -> Role | None:
    """The heading a paragraph of no known style is set as: every run that shows text bold (or not) at one
    size that a family's :class:`~.families.Look` names; None when it looks like no heading."""
    sizes: set[str] = set()
    bold = True
    shown = False
    for run in paragraph.iter(_w("r")):
        if not "".join(t.text or "" for t in run.iter(_w("t"))).strip():
            continue
        shown = True
        rpr = run.find(_w("rPr"))
        size = rpr.find(_w("sz")) if rpr is not None else None
        sizes.add(size.get(_w("val"), "") if size is not None else "")
        bold = bold and rpr is not None and _on(rpr.find(_w("b")))
    if not shown or len(sizes) != 1:
        return None
    (size,) = sizes
    if not size.isdigit() or len(size) > 4:
        return None
    points = int(size) / 2
    for family in families:
        for look in family.looks:
            if look.points == points and look.bold == bold:
                return look.role
    return None


def boxed_table(paragraph: Any) -> tuple[Any, Any] | None:
    """A text box anchored to the paragraph and the table in it (the masthead, after a LibreOffice round trip)."""
    for box in paragraph.iter(_w("txbxContent")):
        table = box.find(f".//{_w('tbl')}")
        if table is not None:
            return box, table
    return None


class ListFormats:
    """Word's list formats (``word/numbering.xml``): which numbering at which level prints bullets."""

    def __init__(self, root: Any | None) -> None:
        self.formats: dict[tuple[str, int], str] = {}
        if root is None:
            return
        abstract: dict[str, dict[int, str]] = {}
        for item in root.iter(_w("abstractNum")):
            levels = {}
            for level in item.iter(_w("lvl")):
                fmt = level.find(_w("numFmt"))
                value = level.get(_w("ilvl"), "")
                if value.isdigit() and len(value) <= 2:
                    levels[int(value)] = fmt.get(_w("val"), "decimal") if fmt is not None else "decimal"
            abstract[item.get(_w("abstractNumId"), "")] = levels
        for num in root.iter(_w("num")):
            ref = num.find(_w("abstractNumId"))
            levels = abstract.get(ref.get(_w("val"), "") if ref is not None else "", {})
            for level, fmt in levels.items():
                self.formats[(num.get(_w("numId"), ""), level)] = fmt

    def bullet(self, num_id: str, level: int) -> bool:
        """The list prints bullets (or nothing) at this level, not numbers."""
        return self.formats.get((num_id, level), "decimal") in ("bullet", "none")
