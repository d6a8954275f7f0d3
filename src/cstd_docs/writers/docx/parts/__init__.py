"""Part classes python-docx lacks, registered with its ``PartFactory``.

Importing this package maps the footnotes content type to :class:`FootnotesPart` in
``docx.opc.part.PartFactory.part_type_for``. It must happen before a document is opened:
the package reader picks each part's class when it loads the file.
"""

from __future__ import annotations

from docx.opc.part import PartFactory
from docx.parts.document import DocumentPart

from cstd_docs.writers.docx import oxml as _oxml  # noqa: F401  (registers the element classes first)
from cstd_docs.writers.docx.parts.footnotes import FootnotesPart

#: A Word template's main part (.dotx); python-docx knows only the document's content type.
WML_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"

PartFactory.part_type_for[FootnotesPart.CONTENT_TYPE] = FootnotesPart
# A template's main part is a document part in all but its content type; loading it as one
# lets a .dotx serve as a reference document (python-docx's own Document() still refuses it).
PartFactory.part_type_for.setdefault(WML_TEMPLATE_MAIN, DocumentPart)

__all__ = ["WML_TEMPLATE_MAIN", "FootnotesPart"]
