"""The source report carried invisibly inside a rendered document, for round trips.

Shared by the writers (which attach it) and the readers (which use it as a base), so
neither side depends on the other.

A printed document does not show paragraph ids, the participant registry, the ISO
date of the masthead or the report's language. Writers may carry the report's
canonical JSON with the document; readers then use it as the *base* and apply what
the visible document says (the visible text always wins).

- DOCX: a custom XML data-store item ``/customXml/itemN.xml`` (content type
  ``application/xml``) related from the main document part with the standard
  ``customXml`` relationship type, with its ``itemPropsN.xml`` (a ``ds:datastoreItem``);
  its root is ``<src:source xmlns:src="urn:cstd-docs:source:1">`` holding the report's
  JSON (``cstd_docs.dumps``) compressed with zlib and encoded in base64. Word and
  LibreOffice keep data-store items when they re-save a document (LibreOffice drops a
  custom XML part that has no item properties).
- Markdown: a final HTML comment ``<!-- cstd-docs-source:1 BASE64 -->`` (same payload),
  which CommonMark and pandoc renderers do not display.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from typing import Any

from cstd_docs.model import Report

__all__ = [
    "CONTENT_TYPE",
    "NAMESPACE",
    "PART_NAME",
    "RELATIONSHIP_TYPE",
    "attach_source",
    "embed_source",
    "extract_source",
    "item_properties",
    "markdown_comment",
    "source_from_markdown",
]

NAMESPACE = "urn:cstd-docs:source:1"
PART_NAME = "/customXml/item%d.xml"
PROPS_NAME = "/customXml/itemProps%d.xml"
CONTENT_TYPE = "application/xml"
PROPS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
RELATIONSHIP_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
PROPS_RELATIONSHIP_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
#: The data-store item id: fixed, so the same report always gives the same bytes.
ITEM_ID = "{6C1F3E02-5D4B-4B0E-9C43-2B1D1A0C5E11}"
#: A source larger than this (decompressed) is ignored: it cannot be a report we wrote.
MAX_SOURCE_BYTES = 64 * 1024 * 1024

_MD_COMMENT = re.compile(r"<!--\s*cstd-docs-source:1\s+([A-Za-z0-9+/=\s]+?)\s*-->")


def _payload(report: Report) -> str:
    import json

    from cstd_docs.jsonio import report_to_data

    # Compact JSON: nobody reads it, and without indent= the json module's C encoder runs
    # (the indented canonical text took twice as long). Level 1: a ninth of level 9's time.
    data = json.dumps(report_to_data(report), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(zlib.compress(data, 1)).decode("ascii")


def _report_from_payload(payload: str) -> Report | None:
    from cstd_docs.errors import ReportError
    from cstd_docs.jsonio import loads

    try:
        raw = base64.b64decode("".join(payload.split()), validate=True)
        inflater = zlib.decompressobj()
        data = inflater.decompress(raw, MAX_SOURCE_BYTES)
        if inflater.unconsumed_tail:
            return None
        return loads(data.decode("utf-8"))
    except (binascii.Error, zlib.error, UnicodeDecodeError, ReportError, ValueError):
        return None


def embed_source(report: Report) -> bytes:
    """The custom XML part (bytes) carrying ``report`` for :data:`PART_NAME`."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<src:source xmlns:src="{NAMESPACE}" encoding="zlib+base64">{_payload(report)}</src:source>'
    ).encode()


def extract_source(xml: bytes) -> Report | None:
    """The report carried by a custom XML part, or None if this part is not ours or is damaged."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError:
        return None
    if root.tag != f"{{{NAMESPACE}}}source" or not root.text:
        return None
    return _report_from_payload(root.text)


def item_properties() -> bytes:
    """The ``itemPropsN.xml`` part that makes the source a data-store item."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<ds:datastoreItem ds:itemID="{ITEM_ID}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()


def attach_source(document_part: Any, report: Report) -> None:
    """Add the source to a python-docx ``DocumentPart`` (what the DOCX writer calls).

    Call it once, after the body is written and before the package is saved; it picks
    free part names, so a reference .docx with its own custom XML keeps them.
    """
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document_part.package
    item = Part(package.next_partname(PART_NAME), CONTENT_TYPE, embed_source(report), package)
    number = int(str(item.partname).rsplit("item", 1)[1].split(".")[0])
    props = Part(PackURI(PROPS_NAME % number), PROPS_CONTENT_TYPE, item_properties(), package)
    item.relate_to(props, PROPS_RELATIONSHIP_TYPE)
    document_part.relate_to(item, RELATIONSHIP_TYPE)


def markdown_comment(report: Report) -> str:
    """The HTML comment carrying ``report`` at the end of a Markdown rendering."""
    return f"<!-- cstd-docs-source:1 {_payload(report)} -->"


def source_from_markdown(text: str) -> Report | None:
    match = _MD_COMMENT.search(text)
    return _report_from_payload(match.group(1)) if match else None
