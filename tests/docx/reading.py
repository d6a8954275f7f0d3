"""Reading a .docx back for the tests: zip entries and parsed XML, with plain lxml.

Independent of the writer's code: only the file format (ECMA-376) is assumed.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree
from tests.ooxml import FOOTNOTES_REL, FOOTNOTES_TYPE, NS, PR, R, w

__all__ = ["FOOTNOTES_REL", "FOOTNOTES_TYPE", "NS", "Docx", "style_of", "text_of", "val", "w"]


class Docx:
    """The entries of a .docx and their parsed XML."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.infos = archive.infolist()
            self.entries = {info.filename: archive.read(info.filename) for info in self.infos}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.entries[name])

    @property
    def document(self) -> etree._Element:
        return self.xml("word/document.xml")

    @property
    def styles(self) -> etree._Element:
        return self.xml("word/styles.xml")

    @property
    def settings(self) -> etree._Element:
        return self.xml("word/settings.xml")

    @property
    def footnotes(self) -> etree._Element:
        return self.xml("word/footnotes.xml")

    def rels(self, source: str = "word/document.xml") -> list[etree._Element]:
        folder, _, name = source.rpartition("/")
        path = f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"
        return self.xml(path).findall(f"{{{PR}}}Relationship")

    def part_for(self, rel_id: str) -> str:
        for rel in self.rels():
            if rel.get("Id") == rel_id:
                return "word/" + rel.get("Target", "")
        raise KeyError(rel_id)

    def style(self, style_id: str) -> etree._Element:
        found = self.styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        assert found is not None, f"style {style_id} missing"
        return found

    def heads(self) -> dict[tuple[str, str], etree._Element]:
        """(header|footer, default|even|first) -> root element of the part."""
        sect = self.document.find("w:body/w:sectPr", NS)
        assert sect is not None
        out = {}
        for tag, kind in (("headerReference", "header"), ("footerReference", "footer")):
            for ref in sect.findall(f"w:{tag}", NS):
                out[(kind, ref.get(w("type")))] = self.xml(self.part_for(ref.get(f"{{{R}}}id")))
        return out


def text_of(element: etree._Element) -> str:
    """The text of an element as Word shows it: w:t text, TAB for w:tab, nothing else."""
    parts: list[str] = []
    for node in element.iter(w("t"), w("tab"), w("br")):
        if node.tag == w("t"):
            parts.append(node.text or "")
        elif node.tag == w("tab") and node.getparent().tag == w("r"):
            parts.append("\t")
        elif node.tag == w("br"):
            parts.append("\n")
    return "".join(parts)


def style_of(paragraph: etree._Element) -> str | None:
    style = paragraph.find("w:pPr/w:pStyle", NS)
    return None if style is None else style.get(w("val"))


def val(element: etree._Element | None, attribute: str = "val") -> str | None:
    return None if element is None else element.get(w(attribute))
