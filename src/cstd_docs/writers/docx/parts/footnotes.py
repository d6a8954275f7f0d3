"""The footnotes part (``/word/footnotes.xml``), in python-docx's part layering."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.parts.story import StoryPart

from cstd_docs.writers.docx.oxml import CT_Footnotes

if TYPE_CHECKING:
    from docx.package import Package
    from docx.parts.document import DocumentPart


class FootnotesPart(StoryPart):
    """The part holding every ``w:footnote`` of a document, separators included.

    Registered for its content type in ``PartFactory.part_type_for`` (see
    :mod:`cstd_docs.writers.docx.parts`), so a footnotes part in an opened document loads
    as this class with a parsed :class:`CT_Footnotes` root rather than an opaque blob.
    """

    CONTENT_TYPE = CT.WML_FOOTNOTES
    RELATIONSHIP_TYPE = RT.FOOTNOTES

    @classmethod
    def new(cls, package: Package) -> FootnotesPart:
        """A new part holding an empty ``w:footnotes``."""
        partname = PackURI("/word/footnotes.xml")
        return cls(partname, cls.CONTENT_TYPE, CT_Footnotes.new(), package)

    @property
    def footnotes(self) -> CT_Footnotes:
        return cast(CT_Footnotes, self.element)

    @classmethod
    def of(cls, document_part: DocumentPart) -> FootnotesPart:
        """The document's footnotes part, created and related to it if it has none."""
        for rel in document_part.rels.values():
            if rel.reltype == cls.RELATIONSHIP_TYPE and not rel.is_external:
                part = rel.target_part
                if not isinstance(part, FootnotesPart):
                    raise TypeError("the footnotes part did not load as FootnotesPart; import the parts package first")
                return part
        part = cls.new(document_part.package)
        document_part.relate_to(part, cls.RELATIONSHIP_TYPE)
        return part
