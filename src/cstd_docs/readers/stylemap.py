"""A document's styles mapped to roles through the style families (``families``).

The stage between the package and the Word reader: every paragraph style of
``word/styles.xml`` is looked up in the families in turn — the user's own first
(``--styles``), then the UN Geneva, New York and Word's built-in families — by id or by
name; a style that none names takes the role of the style it is based on, and, for a
family that reads them, of its outline level. Word's built-in headings count only in a
document that uses no other family's headings (:attr:`StyleFamily.fallback`): in a UN
template document "Heading 1" is a caption, and it is read as text, with a warning.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import frozen

from cstd_docs.readers.families import HEADING_ROLES, Role, StyleFamily, norm_style

__all__ = ["DocumentStyle", "Mapped", "StyleMap", "document_styles"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: How far a chain of "based on" styles is followed (Word allows no loop; a hostile file may).
_MAX_BASED_ON = 12


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@frozen
class DocumentStyle:
    """One paragraph style of the document, as its styles part defines it."""

    ident: str
    name: str
    based_on: str | None = None
    #: Its outline level (0 for a level-1 heading), if it sets one.
    outline: int | None = None
    #: The list level Word numbers its paragraphs at, if the style itself is numbered.
    list_level: int | None = None
    #: The numbering (``w:numId``) that numbers it.
    num_id: str | None = None


def _level(element: Any) -> int | None:
    value = element.get(_w("val"), "") if element is not None else ""
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 2 else None


def document_styles(root: Any) -> dict[str, DocumentStyle]:
    """The paragraph styles of a styles part, by id (a repeated id keeps its last definition)."""
    found: dict[str, DocumentStyle] = {}
    for style in root.iter(_w("style")):
        if style.get(_w("type"), "paragraph") != "paragraph":
            continue
        ident = style.get(_w("styleId"), "")
        name = style.find(_w("name"))
        based = style.find(_w("basedOn"))
        ppr = style.find(_w("pPr"))
        outline = _level(ppr.find(_w("outlineLvl"))) if ppr is not None else None
        numpr = ppr.find(_w("numPr")) if ppr is not None else None
        num = numpr.find(_w("numId")) if numpr is not None else None
        num_id = num.get(_w("val")) if num is not None else None
        list_level = None
        if numpr is not None and num_id not in (None, "0"):
            list_level = _level(numpr.find(_w("ilvl"))) or 0
        found[ident] = DocumentStyle(ident, name.get(_w("val"), "") if name is not None else "",
                                     based.get(_w("val")) if based is not None else None,
                                     outline if outline is not None and outline < 9 else None, list_level,
                                     num_id if list_level is not None else None)
    return found


@frozen
class Mapped:
    """What a style means: its role, and the family that says so."""

    role: Role
    family: StyleFamily


class StyleMap:
    """The role of each paragraph style of a document."""

    def __init__(self, styles: dict[str, DocumentStyle], families: Sequence[StyleFamily],
                 own: frozenset[str] = frozenset()) -> None:
        """``own``: styles the reader knows by their own id (normalised), never by what they are based on
        (the Word writer's resolution styles are based on "_ Single Txt_G" and are not body text)."""
        self.styles = styles
        self.families = tuple(families)
        self.own = own
        self._index = [({norm_style(e.id) for e in f.styles if e.id is not None and e.role is r}
                        | {norm_style(e.name) for e in f.styles if e.name is not None and e.role is r}, r, f)
                       for f in self.families for r in Role]
        self.mapped: dict[str, Mapped] = {}
        for ident in styles:
            found = self._lookup(ident) if norm_style(ident) not in own else None
            if found is not None:
                self.mapped[ident] = found
        #: Styles whose headings were read as text: their family's headings yield to another's.
        self.demoted: dict[str, Mapped] = {}
        #: Some paragraph of the body is in a heading style (else headings are known by their numbers).
        self.headings_used = True

    def _own(self, style: DocumentStyle) -> Mapped | None:
        keys = {norm_style(style.ident), norm_style(style.name)} - {""}
        for names, role, family in self._index:
            if keys & names:
                return Mapped(role, family)
        return None

    def _lookup(self, ident: str) -> Mapped | None:
        """By id or name, else as the style it is based on, else by outline level."""
        seen: list[DocumentStyle] = []
        current = self.styles.get(ident)
        while current is not None and len(seen) < _MAX_BASED_ON and current not in seen:
            own = self._own(current)
            if own is not None:
                return own
            seen.append(current)
            current = self.styles.get(current.based_on) if current.based_on else None
        for style in seen:
            if style.outline is not None:
                for family in self.families:
                    if style.outline < len(family.outline_levels):
                        return Mapped(family.outline_levels[style.outline], family)
        return None

    def numbering(self, ident: str) -> tuple[str, int] | None:
        """The numbering (``w:numId``) and level Word numbers a paragraph of this style at, when the style
        (or one it is based on) is numbered."""
        current = self.styles.get(ident)
        for _ in range(_MAX_BASED_ON):
            if current is None:
                return None
            if current.list_level is not None and current.num_id is not None:
                return current.num_id, current.list_level
            current = self.styles.get(current.based_on) if current.based_on else None
        return None

    def settle(self, used: Iterable[str]) -> None:
        """Knowing the styles the body's paragraphs use: a fallback family's headings yield to any other's."""
        counts = Counter(used)
        self.headings_used = any(i in self.mapped and self.mapped[i].role in HEADING_ROLES for i in counts)
        in_use = {self.mapped[i].family.family for i in counts if i in self.mapped
                  and self.mapped[i].role in HEADING_ROLES and not self.mapped[i].family.fallback}
        if not in_use:
            return
        for ident in counts:
            mapped = self.mapped.get(ident)
            if mapped is not None and mapped.family.fallback and mapped.role in HEADING_ROLES:
                self.demoted[ident] = mapped
                self.mapped[ident] = Mapped(Role.BODY, mapped.family)

    def role(self, ident: str) -> Role | None:
        mapped = self.mapped.get(ident)
        return mapped.role if mapped is not None else None
