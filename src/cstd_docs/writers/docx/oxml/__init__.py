"""Element classes for the parts python-docx lacks, registered with its XML parser.

Importing this package registers ``w:footnotes`` and ``w:footnote`` with
``docx.oxml.parser.register_element_cls``; the writer imports it before it opens or
creates any document, so parsed parts produce these classes.
"""

from __future__ import annotations

from docx.oxml.parser import register_element_cls

from cstd_docs.writers.docx.oxml.footnotes import (
    CONTINUATION_SEPARATOR_ID,
    SEPARATOR_ID,
    CT_Footnotes,
    CT_FtnEdn,
)

register_element_cls("w:footnotes", CT_Footnotes)
register_element_cls("w:footnote", CT_FtnEdn)

__all__ = ["CONTINUATION_SEPARATOR_ID", "SEPARATOR_ID", "CT_Footnotes", "CT_FtnEdn"]
