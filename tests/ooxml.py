"""The Office Open XML names and small helpers the tests share (ECMA-376 only, not the writer's code).

One place for the WordprocessingML namespace and friends, the qualified-name helper and
the zip packages hostile and hand-made tests build, so a test never spells them itself.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS = {"w": W, "r": R, "pr": PR, "ct": CT, "wp": WP}

FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = f"{R}/footnotes"
OFFICE_DOCUMENT_REL = f"{R}/officeDocument"

#: The smallest [Content_Types].xml and package relationships that make a zip a document.
CONTENT_TYPES = (
    f'<?xml version="1.0"?><Types xmlns="{CT}">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
).encode()
PACKAGE_RELS = (
    f'<?xml version="1.0"?><Relationships xmlns="{PR}">'
    f'<Relationship Id="rId1" Type="{OFFICE_DOCUMENT_REL}" Target="word/document.xml"/></Relationships>'
).encode()


def w(tag: str) -> str:
    """A WordprocessingML element or attribute name, qualified: ``w("p")`` is ``{…/main}p``."""
    return f"{{{W}}}{tag}"


def document_xml(body: str) -> bytes:
    """A ``word/document.xml`` whose ``w:body`` holds ``body`` (WordprocessingML, prefix ``w``)."""
    return f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'.encode()


def zip_package(parts: dict[str, bytes] | list[tuple[str, bytes]], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of ``parts`` in order; a list may name one entry twice (zipfile warns, and writes it)."""
    out = io.BytesIO()
    items = parts.items() if isinstance(parts, dict) else parts
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in items:
            archive.writestr(name, data)
    return out.getvalue()


def minimal_docx(body: str) -> bytes:
    """A package of content types, package relationships and a document whose body holds ``body``."""
    return zip_package({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS,
                        "word/document.xml": document_xml(body)})


def part(data: bytes, name: str) -> etree._Element:
    """One part of a package, parsed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))
