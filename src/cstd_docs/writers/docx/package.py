"""The package around the content: the base document, properties, and byte-stable output.

Without a reference document the base is python-docx's default package stripped to what
a report needs (no thumbnail, custom XML, numbering or second styles part). With one, the
user's .docx/.dotx is the base: its styles, settings and page setup stay; its body,
heads and notes are replaced by ours.
"""

from __future__ import annotations

import datetime
import io
import os
import threading
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any, cast

from docx.api import Document
from docx.opc import pkgwriter
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.package import OpcPackage
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.part import Part, XmlPart
from docx.opc.rel import Relationships
from docx.package import Package
from docx.parts.document import DocumentPart
from lxml import etree

from cstd_docs.errors import ReportError
from cstd_docs.writers.docx.oxml.build import Element, clark, clear_children
from cstd_docs.writers.docx.package_zip import Bounded, DatedZip, FastZip, forget_deflated
from cstd_docs.writers.docx.parts import WML_TEMPLATE_MAIN

#: python-docx's own [Content_Types].xml writer (private): without it, the slower public save.
_ContentTypesItem: Any = getattr(pkgwriter, "_ContentTypesItem", None)

#: Parts of python-docx's default package a report does not need.
_UNNEEDED_DOCUMENT_RELS = (
    RT.CUSTOM_XML,
    RT.NUMBERING,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)
#: Relationships from the body's content: dropped with a reference document's body when unused.
_CONTENT_RELS = (RT.IMAGE, RT.HYPERLINK, RT.OLE_OBJECT, RT.PACKAGE, RT.CHART, RT.COMMENTS, RT.DIAGRAM_DATA,
                 RT.DIAGRAM_LAYOUT, RT.DIAGRAM_QUICK_STYLE, RT.DIAGRAM_COLORS)
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


#: Members of python-docx's default package that a report replaces or does not use.
_DROPPED_MEMBERS = ("word/stylesWithEffects.xml", "word/numbering.xml", "docProps/thumbnail.jpeg",
                    "docProps/app.xml", "customXml/")
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_base: bytes | None = None
#: The base package every report without a reference document starts from: python-docx's
#: default trimmed by ``trimmed_python_docx_default``, shipped made (scripts/base_docx.py;
#: a test checks it is that function's result). Making it took 3.7 ms of every process,
#: and a report's Word file no longer changes with the python-docx release installed.
BASE_PACKAGE = Path(__file__).with_name("base.docx")


def _trimmed_default() -> bytes:
    """The base package's bytes, read once per process."""
    global _base
    if _base is None:
        _base = BASE_PACKAGE.read_bytes()
    return _base


def trimmed_python_docx_default() -> bytes:
    """python-docx's default package without the parts a report drops, and with empty styles.

    Its styles.xml and stylesWithEffects.xml are 430 KB each, and parsing them was a third
    of the time of a whole rendering; our styles replace them anyway. Done on the zip's
    members, never parsing those two. Each member is dated 1980-01-01, so that the same
    template makes the same bytes.
    """
    import docx

    source = Path(docx.__file__).parent / "templates" / "default.docx"
    out = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        kept = [n for n in zin.namelist() if not n.startswith(_DROPPED_MEMBERS)]
        for name in kept:
            data = zin.read(name) if name != "word/styles.xml" else _empty_root(zin.open(name))
            if name.endswith(".rels"):
                data = _without_dropped_targets(data, name, kept)
            elif name == "[Content_Types].xml":
                data = _without_dropped_overrides(data, kept)
            zout.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _empty_root(stream: IO[bytes]) -> bytes:
    """The document's root element with its namespaces and attributes, and nothing inside."""
    _, root = next(etree.iterparse(stream, events=("start",)))
    empty = etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)
    return etree.tostring(empty, xml_declaration=True, encoding="UTF-8", standalone=True)


def _without_dropped_targets(data: bytes, rels_name: str, kept: list[str]) -> bytes:
    root = etree.fromstring(data)
    source = PackURI("/" + rels_name.replace("_rels/", "").removesuffix(".rels"))
    for rel in root.findall(f"{{{_RELS_NS}}}Relationship"):
        if rel.get("TargetMode") != "External":
            target = PackURI.from_rel_ref(source.baseURI, str(rel.get("Target")))
            if target.membername not in kept:
                root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _without_dropped_overrides(data: bytes, kept: list[str]) -> bytes:
    root = etree.fromstring(data)
    for override in root.findall(f"{{{_TYPES_NS}}}Override"):
        if str(override.get("PartName")).lstrip("/") not in kept:
            root.remove(override)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_default_reader: object | None = None


def _default_package(made: Mapping[str, bytes] | None = None) -> DocumentPart:
    """A fresh package from the trimmed default, its zip read once per process; ``made``: bytes
    for parts of these content types, served as they are (never parsed: see :func:`served_made`).

    python-docx's ``Document`` reads the zip and its relationships again each time; its
    reader (private) holds only the members' bytes, names and relationships, which no
    rendering changes, so it is kept, and each report's parts are made from it anew.
    Should a python-docx release move those classes, ``Document`` reads the zip as before.
    """
    global _default_reader
    try:
        from docx.opc.package import Unmarshaller
        from docx.opc.part import PartFactory
        from docx.opc.pkgreader import PackageReader
    except ImportError:  # pragma: no cover - a future python-docx
        return Document(io.BytesIO(_trimmed_default())).part
    if _default_reader is None:
        _default_reader = PackageReader.from_file(io.BytesIO(_trimmed_default()))  # type: ignore[no-untyped-call]
    served = made or {}

    def make_part(partname: PackURI, content_type: str, reltype: str, blob: bytes, package: Package) -> Part:
        given = served.get(content_type)
        if given is not None:
            return Part(partname, content_type, given, package)  # written as it is
        return cast(Part, PartFactory(partname, content_type, reltype, blob, package))

    package = Package()
    Unmarshaller.unmarshal(_default_reader, package, make_part)  # type: ignore[no-untyped-call]
    return cast(DocumentPart, package.main_document_part)


def served_made(part: DocumentPart, *reltypes: str) -> bool:
    """Whether the parts of ``part`` related by ``reltypes`` were served as given bytes (``open_base``'s
    ``made``), not parsed into elements: nothing is to be written into them."""
    return not any(isinstance(part.part_related_by(reltype), XmlPart) for reltype in reltypes)


def forget_caches() -> None:
    """Drop what this module kept between renderings (the whole writer's: ``writers.docx.forget_caches``)."""
    global _default_reader
    _default_reader = None
    _CONTENT_TYPES.clear()
    _RELS.clear()
    _cores().clear()
    forget_deflated()


def warm_up() -> None:
    """Prepare what every rendering with the default package shares (before forking workers)."""
    _trimmed_default()
    _default_package()


def open_base(reference_docx: str | os.PathLike[str] | None, made: Mapping[str, bytes] | None = None) -> DocumentPart:
    """The main document part of the package to fill: the default one (``made``: bytes for parts of
    these content types, when python-docx lets them be given: :func:`served_made`) or the user's."""
    if reference_docx is None:
        part = _default_package(made)
        assert not any(rel.reltype in _UNNEEDED_DOCUMENT_RELS for rel in part.rels.values())
        return part
    path = Path(reference_docx)
    where = str(path)
    if not path.is_file():
        raise ReportError.single(where, "the reference document does not exist", "name a .docx or .dotx file")
    try:
        package = Package.open(str(path))
        main = package.main_document_part
    except (PackageNotFoundError, KeyError, ValueError, OSError, zipfile.BadZipFile, etree.XMLSyntaxError) as error:
        raise ReportError.single(
            where, f"cannot read the reference document: {error}", "give a Word document or template (.docx, .dotx)"
        ) from None
    if not isinstance(main, DocumentPart):
        raise ReportError.single(
            where,
            f"the reference is not a Word document or template (its main part is {main.content_type})",
            "give a .docx or .dotx file (macro-enabled files are not supported)",
        )
    if main.content_type == WML_TEMPLATE_MAIN:
        # The output is a document made from the template, as Word's File > New does.
        main._content_type = CT.WML_DOCUMENT_MAIN
    _drop_package_rels(package, RT.THUMBNAIL)
    return main


def drop_unused_content_rels(part: DocumentPart) -> None:
    """Drop relationships the replaced body used (images, links, comments) once nothing refers to them."""
    xml = etree.tostring(part.element)
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype in _CONTENT_RELS and f'"{rel_id}"'.encode() not in xml:
            del part.rels[rel_id]


def drop_embedded_sources(part: DocumentPart) -> None:
    """Drop the source report a previous draft carries (a reference may be one): ours replaces it."""
    from cstd_docs.embed import NAMESPACE, RELATIONSHIP_TYPE

    for rel_id, rel in list(part.rels.items()):
        if rel.reltype != RELATIONSHIP_TYPE or rel.is_external:
            continue
        try:
            root = etree.fromstring(rel.target_part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            continue
        if root.tag == f"{{{NAMESPACE}}}source":
            del part.rels[rel_id]


def _drop_package_rels(package: OpcPackage, reltype: str) -> None:
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == reltype:
            del package.rels[rel_id]


#: python-docx refuses a core property longer than this (its limit, not the format's).
CORE_PROPERTY_CHARS = 255


def _core_text(text: str) -> str:
    """A core property's value, shortened at a word to fit; the document itself keeps it all.

    Core properties are what a file browser shows; a valid report with a long title or
    symbol must still render, so the property is cut rather than the report refused.
    """
    if len(text) <= CORE_PROPERTY_CHARS:
        return text
    head = text[: CORE_PROPERTY_CHARS - 1]
    space = head.rfind(" ")
    return (head[:space] if space > CORE_PROPERTY_CHARS // 2 else head).rstrip() + "…"


def set_properties(package: OpcPackage, *, title: str, symbol: str | None, language: str, date: datetime.date) -> None:
    """Core properties from the report (never the clock); minimal extended properties."""
    stamp = datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.UTC)
    varying = {"dc:title": _core_text(title), "dc:subject": _core_text(symbol or ""),
               "dc:identifier": _core_text(symbol or ""), "dc:language": language,
               "dcterms:created": stamp.strftime(_W3CDTF), "dcterms:modified": stamp.strftime(_W3CDTF)}
    part = package.part_related_by(RT.CORE_PROPERTIES)
    if isinstance(part, XmlPart):
        _fill_core(part.element, package, stamp, varying)
    else:  # pragma: no cover - python-docx always parses the core properties
        _set_core(package, stamp, varying)
    _replace_extended_properties(package)


#: How python-docx writes the two dates (CT_CoreProperties._set_element_datetime).
_W3CDTF = "%Y-%m-%dT%H:%M:%SZ"
#: The core properties' children as python-docx's setters leave them, by the part's XML before:
#: which elements there are, in which order, and the values every report gives (empty author,
#: revision 1, the dates' type). A report's copy then takes the values that vary (``varying``'s
#: keys); the twelve setters took 0.1 ms of each rendering. Per thread (lxml ties documents to
#: threads); a few kept: a user's reference documents each bring their own.
_CORES = threading.local()
_MOST_CORES = 8


def _cores() -> dict[bytes, list[Element]]:
    try:
        kept: dict[bytes, list[Element]] = _CORES.kept
    except AttributeError:
        kept = _CORES.kept = {}
    return kept


def _fill_core(element: Element, package: OpcPackage, stamp: datetime.datetime, varying: dict[str, str]) -> None:
    """``element`` given the children kept for its XML and the report's values; the first time,
    python-docx's setters, whose result is kept if they changed the children alone (they declare
    the xsi namespace on the root when it lacks it: such a root is set each time)."""
    before = etree.tostring(element)
    kept = _cores().get(before)
    if kept is not None:
        clear_children(element)
        element.extend(child.__deepcopy__(None) for child in kept)  # type: ignore[attr-defined]  # lxml-stubs lack it
        for name, value in varying.items():
            found = element.find(clark(name))
            assert found is not None  # the setters made each
            found.text = value
        return
    start = _start_tag(element)
    _set_core(package, stamp, varying)
    if _start_tag(element) == start and len(_cores()) < _MOST_CORES:
        _cores()[before] = [child.__deepcopy__(None) for child in element]  # type: ignore[attr-defined]


def _start_tag(element: Element) -> tuple[dict[str | None, str], dict[str, str]]:
    """What the element's start tag declares and holds: its namespaces and attributes."""
    return dict(element.nsmap), {str(name): str(value) for name, value in element.attrib.items()}


def _set_core(package: OpcPackage, stamp: datetime.datetime, varying: dict[str, str]) -> None:
    """python-docx's setters, with the values ``varying`` holds."""
    core = package.core_properties
    core.title = varying["dc:title"]
    core.subject = varying["dc:subject"]
    core.identifier = varying["dc:identifier"]
    core.language = varying["dc:language"]
    core.created = stamp
    core.modified = stamp
    core.author = ""
    core.last_modified_by = ""
    core.comments = ""
    core.keywords = ""
    core.category = ""
    core.revision = 1


def _replace_extended_properties(package: OpcPackage) -> None:
    """docProps/app.xml naming the application, without the template's page and word counts."""
    root = etree.Element(f"{{{_EXTENDED}}}Properties", nsmap={None: _EXTENDED, "vt": _VT})  # type: ignore[dict-item]
    etree.SubElement(root, f"{{{_EXTENDED}}}Application").text = "cstd-docs"
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    _drop_package_rels(package, RT.EXTENDED_PROPERTIES)
    part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, blob, cast(Package, package))
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


#: [Content_Types].xml by the parts' names and content types (all it is made of); the
#: relationships' XML by their ids, types and targets. Both bounded: memory stays flat.
_CONTENT_TYPES: Bounded[tuple[tuple[str, str], ...], bytes] = Bounded(entries=64, size=1 << 20)
_RELS: Bounded[tuple[object, ...], bytes] = Bounded(entries=256, size=2 << 20)


def _content_types(parts: list[Part]) -> bytes:
    key = tuple((str(part.partname), part.content_type) for part in parts)
    blob = _CONTENT_TYPES.get(key)
    if blob is None:
        blob = cast(bytes, _ContentTypesItem.from_parts(parts).blob)
        _CONTENT_TYPES.put(key, blob, len(blob) + 100 * len(key))
    return blob


def _rels_xml(source: str, rels: Relationships) -> bytes:
    """The XML of ``source``'s relationships; each target is written relative to the source, so
    the source's name and the targets' names make the key (computing each relative target was most
    of the time of writing them)."""
    key = (source, *((rel.rId, rel.reltype, rel.is_external,
                      rel.target_ref if rel.is_external else rel.target_part.partname) for rel in rels.values()))
    blob = _RELS.get(key)
    if blob is None:
        blob = cast(bytes, rels.xml)
        _RELS.put(key, blob, len(blob) + 200 * len(key))
    return blob


def package_bytes(package: OpcPackage, date: datetime.date) -> bytes:
    """The saved package, with every zip entry dated ``date`` (same input, same bytes).

    The steps of ``OpcPackage.save`` (python-docx's ``PackageWriter``: the content types,
    the package's relationships, then each part and its relationships) written into
    :class:`FastZip`, which keeps what repeats between reports. Should a python-docx
    release drop its private content-types writer, the package is saved and rewritten as
    before, slower but the same bytes.
    """
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    if _ContentTypesItem is None:
        return _saved_and_redated(package, stamp)
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()  # type: ignore[no-untyped-call]
    writer = FastZip(stamp)
    writer.write(CONTENT_TYPES_URI.membername, _content_types(parts))
    writer.write(PACKAGE_URI.rels_uri.membername, _rels_xml(PACKAGE_URI, package.rels))
    main = package.main_document_part  # the report's own body: not worth keeping
    for part in parts:
        writer.write(part.partname.membername, part.blob, keep=part is not main)
        if len(part.rels):
            writer.write(part.partname.rels_uri.membername, _rels_xml(part.partname, part.rels))
    return writer.getvalue()


def _saved_and_redated(package: OpcPackage, stamp: tuple[int, int, int, int, int, int]) -> bytes:
    raw = io.BytesIO()
    package.save(raw)
    out = io.BytesIO()
    writer = DatedZip(out, stamp)
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source:
        for info in source.infolist():
            writer.write(info.filename, source.read(info.filename))
    writer.close()
    return out.getvalue()
