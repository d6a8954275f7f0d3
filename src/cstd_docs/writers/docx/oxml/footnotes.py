"""Custom element classes for the footnotes part: ``w:footnotes`` and ``w:footnote``.

python-docx has no footnote support; these classes follow its own ``oxml`` layering
(``BaseOxmlElement`` subclasses with declared children and attributes) and are registered
with its parser in :mod:`cstd_docs.writers.docx.oxml`, so a loaded footnotes part yields
them too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from docx.oxml.ns import nsmap
from docx.oxml.parser import OxmlElement
from docx.oxml.simpletypes import ST_DecimalNumber, ST_String
from docx.oxml.xmlchemy import BaseOxmlElement, OptionalAttribute, RequiredAttribute, ZeroOrMore

from cstd_docs.writers.docx.oxml.build import make

if TYPE_CHECKING:
    from lxml import etree

#: The two special notes a footnotes part starts with, and the ids settings.xml lists.
SEPARATOR_ID = -1
CONTINUATION_SEPARATOR_ID = 0


class CT_FtnEdn(BaseOxmlElement):
    """``w:footnote``: one note, or one of the separators (``w:type``).

    The same tag names the references to the separators inside ``w:footnotePr`` in
    settings.xml; they carry only ``w:id``, which this class reads just as well.
    """

    id: int = RequiredAttribute("w:id", ST_DecimalNumber)  # type: ignore[assignment]
    type: str | None = OptionalAttribute("w:type", ST_String)  # type: ignore[assignment]
    p = ZeroOrMore("w:p")

    @property
    def paragraphs(self) -> list[etree._Element]:
        return list(self.iterchildren("{*}p"))


class CT_Footnotes(BaseOxmlElement):
    """``w:footnotes``, the root of the footnotes part: the separators, then the notes."""

    footnote_lst: list[CT_FtnEdn]
    footnote = ZeroOrMore("w:footnote")

    @classmethod
    def new(cls) -> CT_Footnotes:
        """An empty ``w:footnotes`` declaring the namespaces notes may use."""
        namespaces = {prefix: nsmap[prefix] for prefix in ("w", "r")}
        return cast(CT_Footnotes, OxmlElement("w:footnotes", nsdecls=namespaces))

    def add_separators(self, separator: etree._Element, continuation: etree._Element) -> None:
        """Append the separator (id -1) and continuation separator (id 0) notes, each holding one paragraph."""
        self.add_note(SEPARATOR_ID, "separator").append(separator)
        self.add_note(CONTINUATION_SEPARATOR_ID, "continuationSeparator").append(continuation)

    def add_note(self, note_id: int, kind: str | None = None) -> CT_FtnEdn:
        """Append an empty ``w:footnote`` with this id (and ``w:type`` for a separator)."""
        # Made as python-docx's attribute setters make it (w:type, then w:id), from oxml.build's
        # prototypes: the setters' checks and conversions were most of the time of a note.
        attributes: dict[str, str | int] = {"w:id": note_id} if kind is None else {"w:type": kind, "w:id": note_id}
        note = cast(CT_FtnEdn, make("w:footnote", attributes))
        self.append(note)
        return note

    def note_by_id(self, note_id: int) -> CT_FtnEdn | None:
        for note in self.footnote_lst:
            if note.id == note_id:
                return note
        return None

    @property
    def ids(self) -> list[int]:
        return [note.id for note in self.footnote_lst]

    def remove_notes(self) -> None:
        """Remove every note, separators included."""
        for note in self.footnote_lst:
            self.remove(note)

__all__ = ["CONTINUATION_SEPARATOR_ID", "SEPARATOR_ID", "CT_Footnotes", "CT_FtnEdn"]
