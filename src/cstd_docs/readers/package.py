"""Opening an untrusted .docx: a zip of XML parts, read with bounds and without entities.

Every bound is checked from the zip's central directory *before* anything is
decompressed, and again while reading (a member cannot yield more than it declares).
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from typing import IO, Any

from cstd_docs.errors import ReportError

#: At most this many parts in a package (Word documents have a few dozen).
MAX_PARTS = 2000
#: At most this many bytes decompressed, in all parts together.
MAX_TOTAL_BYTES = 256 * 1024 * 1024
#: At most this many bytes decompressed in one XML part that is read.
MAX_PART_BYTES = 64 * 1024 * 1024
#: A part compressing better than this is a zip bomb, not a document.
MAX_RATIO = 200

NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_STRICT_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, dtd_validation=False,
        remove_comments=True, remove_pis=True,
    )


class Package:
    """The parts of a .docx, each read at most once, within the bounds above."""

    def __init__(self, path: str | Path | IO[bytes], name: str) -> None:
        self.name = name
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise self.error("", f"this is not a Word document (.docx): {error}",
                             "a .docx is a zip package; save the file as Word Document (.docx)") from None
        infos = self.zip.infolist()
        if len(infos) > MAX_PARTS:
            raise self.error("", f"the package holds {len(infos)} parts, more than {MAX_PARTS}",
                             "this is not an ordinary Word document")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise self.error("", f"the package would decompress to {total} bytes, more than {MAX_TOTAL_BYTES}",
                             "this is not an ordinary Word document (a zip bomb?)")
        for info in infos:
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise self.error(info.filename, f"the part compresses {info.file_size // max(info.compress_size, 1)}"
                                 " times; a document part does not", "this looks like a zip bomb")
        self.names = self._unique(infos)
        if "[Content_Types].xml" not in self.names:
            raise self.error("", "this zip is not a Word document: it has no [Content_Types].xml",
                             "save the file as Word Document (.docx)")

    def _unique(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        """The entries by name; two entries of one part name are refused, as OPC requires.

        Part names are equal when they are equal as case-insensitive ASCII (ECMA-376 Part 2,
        §6.2.2.3); a package holding two is not a document (a reader would pick one, and
        which one differs between programs: what is read would not be what Word shows).
        """
        names: dict[str, zipfile.ZipInfo] = {}
        seen: dict[str, str] = {}
        for info in infos:
            name = info.filename.lstrip("/")
            key = name.encode("ascii", "backslashreplace").lower().decode("ascii")
            if key in seen:
                which = f"named {name!r}" if seen[key] == name else f"for one part ({seen[key]!r} and {name!r})"
                raise self.error(name, f"the package holds two entries {which}; which one is the document is"
                                 " not defined", "a part has one entry (OPC); save the file again from Word")
            seen[key] = name
            names[name] = info
        return names

    def error(self, part: str, message: str, hint: str | None = None) -> ReportError:
        return ReportError.single(f"{self.name}:{part}" if part else self.name, message, hint)

    def has(self, name: str) -> bool:
        return name.lstrip("/") in self.names

    def read(self, name: str) -> bytes:
        info = self.names.get(name.lstrip("/"))
        if info is None:
            raise self.error(name, "the part is missing")
        if info.file_size > MAX_PART_BYTES:
            raise self.error(name, f"the part is {info.file_size} bytes, more than {MAX_PART_BYTES}")
        chunks: list[bytes] = []
        size = 0
        try:
            with self.zip.open(info) as stream:
                while True:
                    chunk = stream.read(1 << 20)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > info.file_size or size > MAX_PART_BYTES:
                        raise self.error(name, "the part holds more than its declared size")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError) as error:
            raise self.error(name, f"the part cannot be read: {error}") from None
        except RuntimeError as error:  # encrypted
            raise self.error(name, f"the part cannot be read: {error}", "remove the password") from None
        return b"".join(chunks)

    def xml(self, name: str) -> Any:
        from lxml import etree

        data = self.read(name)
        try:
            root = etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as error:
            raise self.error(name, f"the part is not well-formed XML: {error}") from None
        doctype = root.getroottree().docinfo.doctype
        if doctype:
            raise self.error(name, "the part declares a DOCTYPE (entities); Word never writes one",
                             "this file is not a genuine Word document")
        return root

    def rels(self, part: str) -> list[tuple[str, str, str, str]]:
        """(id, type, target part name, target mode) of a part's relationships."""
        folder, base = posixpath.split(part.lstrip("/"))
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return []
        out: list[tuple[str, str, str, str]] = []
        for rel in self.xml(rels_name).iter(f"{{{NS_REL}}}Relationship"):
            mode = rel.get("TargetMode", "Internal")
            target = rel.get("Target", "")
            if mode == "Internal":
                target = posixpath.normpath(target.lstrip("/") if target.startswith("/")
                                            else posixpath.join(folder, target))
            out.append((rel.get("Id", ""), rel.get("Type", ""), target, mode))
        return out

    def main_part(self) -> str:
        for _, kind, target, _mode in self.rels(""):
            if kind in (RT_OFFICE_DOCUMENT, RT_STRICT_DOCUMENT) and self.has(target):
                return target
        if self.has("word/document.xml"):
            return "word/document.xml"
        raise self.error("", "this zip is not a Word document: it has no main document part",
                         "save the file as Word Document (.docx)")
