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

from cstd_docs.errors import Problem
from cstd_docs.model import Report

__all__ = [
    "CONTENT_TYPE",
    "NAMESPACE",
    "PART_NAME",
    "RELATIONSHIP_TYPE",
    "DamagedSource",
    "attach_source",
    "embed_source",
    "extract_source",
    "item_properties",
    "markdown_comment",
    "read_source",
    "source_from_markdown",
    "source_warning",
]

#: The source format's version; a newer one is reported, not silently ignored.
VERSION = 1
NAMESPACE_PREFIX = "urn:cstd-docs:source:"
NAMESPACE = f"{NAMESPACE_PREFIX}{VERSION}"
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

#: The start of a source comment in Markdown; the version is checked after, so a newer
#: one is reported. Its end is found with str.find: one comment is parsed, in linear time.
_MD_START = re.compile(r"<!--[ \t\r\n]*cstd-docs-source:([0-9]{1,9})(?=[ \t\r\n])")


def _payload(report: Report) -> str:
    import json

    from cstd_docs.jsonio import report_to_data

    # Compact JSON: nobody reads it, and without indent= the json module's C encoder runs
    # (the indented canonical text took twice as long). Level 1: a ninth of level 9's time.
    data = json.dumps(report_to_data(report), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.b64encode(zlib.compress(data, 1)).decode("ascii")


class DamagedSource(Exception):
    """Why an embedded source cannot be used (the message), and what it held (``inventory``)."""

    def __init__(self, reason: str, inventory: str = "") -> None:
        super().__init__(reason)
        self.inventory = inventory


#: What a reader loses without the source: the things a printed document does not show.
LOST = ("paragraph ids, the participant registry (citations become plain notes), the masthead's"
        " exact date and the language are read from the visible text alone")


def source_warning(place: str, damage: DamagedSource) -> Problem:
    """The warning a reader gives for a source it cannot use: why, and what is lost with it."""
    held = f" It held {damage.inventory}, lost with it." if damage.inventory else ""
    return Problem(
        place,
        f"the embedded source report cannot be used: {damage}; {LOST}.{held}",
        "check the imported ids and citations, or import the draft with the cstd-docs that wrote it",
    )


def _inventory(data: object) -> str:
    """'N ids and M participants' of a parsed report, counted without trusting its shape."""
    ids = 0
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ids += isinstance(node.get("id"), str)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    participants = data.get("participants") if isinstance(data, dict) else None
    count = len(participants) if isinstance(participants, dict) else 0
    return f"{ids} id{'s' if ids != 1 else ''} and {count} participant{'s' if count != 1 else ''}"


def _inflate(payload: str) -> bytes:
    try:
        raw = base64.b64decode("".join(payload.split()), validate=True)
    except (binascii.Error, ValueError):
        raise DamagedSource("its base64 text is damaged") from None
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(raw, MAX_SOURCE_BYTES)
    except zlib.error as error:
        raise DamagedSource(f"its compressed data is damaged ({error})") from None
    if inflater.unconsumed_tail:
        raise DamagedSource(f"it would decompress to more than {MAX_SOURCE_BYTES // 2**20} MiB (a zlib bomb?)")
    if not inflater.eof:
        raise DamagedSource("its compressed data is cut short")
    return data


def _report_from_payload(payload: str) -> Report:
    """The report a payload carries; :class:`DamagedSource` says why not."""
    import json

    from cstd_docs.errors import ReportError
    from cstd_docs.jsonio import report_from_data

    data = _inflate(payload)
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DamagedSource("it is not valid JSON") from None
    try:
        return report_from_data(parsed)
    except ReportError as error:
        first = error.problems[0] if error.problems else "?"
        raise DamagedSource(f"it is not a valid report ({first})", _inventory(parsed)) from None


def _version(namespace_or_marker: str) -> int | None:
    number = namespace_or_marker.rsplit(":", 1)[-1]
    return int(number) if number.isdigit() and len(number) < 10 else None


def _newer(version: int | None, payload: str) -> DamagedSource:
    """A source of another format version, with what it held if its payload still reads as JSON."""
    import json

    try:
        held = _inventory(json.loads(_inflate(payload).decode("utf-8")))
    except (DamagedSource, UnicodeDecodeError, ValueError, RecursionError):
        held = ""
    return DamagedSource(f"it was written by a newer cstd-docs (source format {version}; this one reads {VERSION})",
                         held)


def embed_source(report: Report) -> bytes:
    """The custom XML part (bytes) carrying ``report`` for :data:`PART_NAME`."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<src:source xmlns:src="{NAMESPACE}" encoding="zlib+base64">{_payload(report)}</src:source>'
    ).encode()


def extract_source(xml: bytes, *, warnings: list[Problem] | None = None, place: str = "") -> Report | None:
    """The report carried by a custom XML part, or None if the part is not ours or cannot be used.

    A part of ours that cannot be used (damaged, or written by a newer version) adds a
    warning to ``warnings`` naming ``place`` and saying what is lost.
    """
    try:
        return read_source(xml)
    except DamagedSource as damage:
        if warnings is not None:
            warnings.append(source_warning(place, damage))
        return None


def read_source(xml: bytes) -> Report | None:
    """The report a custom XML part carries; None if the part is not a source.

    Raises :class:`DamagedSource` for a source that cannot be used.
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError:
        if NAMESPACE_PREFIX.encode() in xml[:4096]:
            raise DamagedSource("its XML is not well-formed") from None
        return None
    namespace = etree.QName(root).namespace or ""
    if not namespace.startswith(NAMESPACE_PREFIX) or etree.QName(root).localname != "source":
        return None
    if not root.text:
        raise DamagedSource("it is empty")
    version = _version(namespace)
    if version != VERSION:
        raise _newer(version, root.text)
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
    return f"<!-- cstd-docs-source:{VERSION} {_payload(report)} -->"


def source_from_markdown(text: str, *, warnings: list[Problem] | None = None, place: str = "markdown") -> Report | None:
    """The report the last source comment of a Markdown text carries, or None.

    A comment that cannot be used (damaged, or from a newer version) adds a warning to
    ``warnings`` naming ``place`` and saying what is lost. Linear in the text: one
    comment is parsed, the last (the writer puts it at the end).
    """
    starts = list(_MD_START.finditer(text))
    if not starts:
        return None
    start = starts[-1]
    end = text.find("-->", start.end())
    try:
        if end < 0:
            raise DamagedSource("its comment is not closed ('-->' is missing)")
        version = _version(start.group(1))
        if version != VERSION:
            raise _newer(version, text[start.end():end])
        return _report_from_payload(text[start.end():end])
    except DamagedSource as damage:
        if warnings is not None:
            warnings.append(source_warning(place, damage))
        return None
