"""DOCX in the six languages: validity, read-back and the per-language run/paragraph properties.

Properties are checked as Word applies them: a property counts if the paragraph or run has
it, or its style (through ``basedOn``), or the document defaults. The checklist these tests
encode is in docs/languages.md ("What the DOCX writer must do per language").
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from lxml import etree
from tests.conftest import SHARED, require_file, require_tool
from tests.lang.test_languages import EXPECTED, LANGUAGES, SESSIONS, example
from tests.ooxml import NS
from tests.ooxml import w as q

import cstd_docs

LOCALES = {"ar": "ar-SA", "en": "en-GB", "es": "es-ES", "fr": "fr-FR", "ru": "ru-RU", "zh": "zh-CN"}
ARABIC = re.compile("[\u0600-\u06ff]")
CJK = re.compile("[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")

Element = etree._Element


@cache
def docx(code: str) -> bytes:
    from cstd_docs.writers.docx import docx_bytes

    data: bytes = docx_bytes(cstd_docs.load(example(code)))
    return data


class Package:
    """The parts of a DOCX that carry text, and the styles that give them properties."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.styles = self._xml("word/styles.xml")
        self.by_id: dict[str, Element] = {
            s.get(q("styleId")) or "": s for s in self.styles.iter(q("style"))
        }
        defaults = self.styles.find("w:docDefaults", NS)
        self.default_rpr = defaults.find("w:rPrDefault/w:rPr", NS) if defaults is not None else None
        self.default_ppr = defaults.find("w:pPrDefault/w:pPr", NS) if defaults is not None else None

    def _xml(self, name: str) -> Element:
        return etree.fromstring(self.zip.read(name))

    def parts(self) -> Iterator[Element]:
        for name in self.zip.namelist():
            if re.fullmatch(r"word/(document|footnotes|header\d*|footer\d*)\.xml", name):
                yield self._xml(name)

    def paragraphs(self) -> Iterator[Element]:
        for part in self.parts():
            yield from part.iter(q("p"))

    def _style_chain(self, style_id: str | None, kind: str) -> list[Element]:
        chain: list[Element] = []
        if style_id is None:
            for style in self.by_id.values():
                if style.get(q("type")) == kind and style.get(q("default")) in ("1", "true", "on"):
                    style_id = style.get(q("styleId"))
                    break
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            chain.append(self.by_id[style_id])
            based = self.by_id[style_id].find("w:basedOn", NS)
            style_id = based.get(q("val")) if based is not None else None
        return chain

    def paragraph_levels(self, p: Element) -> list[Element]:
        ppr = p.find("w:pPr", NS)
        style = ppr.find("w:pStyle", NS) if ppr is not None else None
        levels = [ppr] if ppr is not None else []
        for s in self._style_chain(style.get(q("val")) if style is not None else None, "paragraph"):
            found = s.find("w:pPr", NS)
            if found is not None:
                levels.append(found)
        if self.default_ppr is not None:
            levels.append(self.default_ppr)
        return levels

    def run_levels(self, p: Element, r: Element) -> list[Element]:
        rpr = r.find("w:rPr", NS)
        levels = [rpr] if rpr is not None else []
        rstyle = rpr.find("w:rStyle", NS) if rpr is not None else None
        if rstyle is not None:
            for s in self._style_chain(rstyle.get(q("val")), "character"):
                found = s.find("w:rPr", NS)
                if found is not None:
                    levels.append(found)
        ppr = p.find("w:pPr", NS)
        pstyle = ppr.find("w:pStyle", NS) if ppr is not None else None
        for s in self._style_chain(pstyle.get(q("val")) if pstyle is not None else None, "paragraph"):
            found = s.find("w:rPr", NS)
            if found is not None:
                levels.append(found)
        if self.default_rpr is not None:
            levels.append(self.default_rpr)
        return levels


def _on(levels: list[Element], tag: str) -> bool:
    for level in levels:
        found = level.find(f"w:{tag}", NS)
        if found is not None:
            return found.get(q("val"), "1") not in ("0", "false", "off")
    return False


def _attr(levels: list[Element], tag: str, attr: str) -> str | None:
    for level in levels:
        found = level.find(f"w:{tag}", NS)
        if found is not None and found.get(q(attr)) is not None:
            return found.get(q(attr))
    return None


def _val(levels: list[Element], tag: str) -> str | None:
    return _attr(levels, tag, "val")


def _text(element: Element) -> str:
    return "".join(t.text or "" for t in element.iter(q("t")))


def text_runs(pkg: Package, script: re.Pattern[str]) -> Iterator[tuple[Element, Element]]:
    for p in pkg.paragraphs():
        for r in p.iter(q("r")):
            if script.search(_text(r)):
                yield p, r




# --- every language ------------------------------------------------------------------------

@pytest.mark.parametrize("code", LANGUAGES)
def test_docx_reads_back_with_the_languages_phrases(code: str) -> None:
    pkg = Package(docx(code))
    texts = [_text(p) for p in pkg.paragraphs()]
    everything = "\n".join(texts)
    want = EXPECTED[code]
    for phrase in (want["united_nations"], want["distribution"], want["date"], want["language_line"],
                   SESSIONS[code], want["place_and_dates"], want["agenda"], want["delegate"], want["lead_in"]):
        assert phrase in everything, phrase


@pytest.mark.parametrize("code", LANGUAGES)
def test_docx_opens_in_python_docx(code: str) -> None:
    import docx as python_docx

    document = python_docx.Document(io.BytesIO(docx(code)))
    assert any(SESSIONS[code] in p.text for p in document.paragraphs) or any(
        SESSIONS[code] in cell.text for table in document.tables for row in table.rows for cell in row.cells
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_docx_declares_the_documents_language(code: str) -> None:
    pkg = Package(docx(code))
    assert pkg.default_rpr is not None
    lang = pkg.default_rpr.find("w:lang", NS)
    assert lang is not None
    assert lang.get(q("val")) == LOCALES[code] or code in ("ar", "zh")
    if code == "ar":
        assert lang.get(q("bidi")) == "ar-SA"
    if code == "zh":
        assert lang.get(q("eastAsia")) == "zh-CN"


@pytest.mark.parametrize(
    "code",
    LANGUAGES,
)
def test_docx_is_valid_for_the_open_xml_sdk(code: str, tmp_path: Path) -> None:
    tool = require_tool("ooxml-validator")
    path = tmp_path / f"short-{code}.docx"
    path.write_bytes(docx(code))
    result = subprocess.run([tool, str(path)], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout[:4000]


@pytest.mark.parametrize("code", LANGUAGES)
def test_docx_passes_the_shared_schema_checks(code: str, tmp_path: Path) -> None:
    script = require_file(SHARED / "ooxml" / "validate.py", "the shared OOXML validator")
    path = tmp_path / f"short-{code}.docx"
    path.write_bytes(docx(code))
    result = subprocess.run([sys.executable, str(script), str(path)], capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, (result.stdout + result.stderr)[:4000]


# --- Arabic: right to left -------------------------------------------------------------------

def test_arabic_paragraphs_are_right_to_left() -> None:
    pkg = Package(docx("ar"))
    paragraphs = [p for p in pkg.paragraphs() if ARABIC.search(_text(p))]
    assert paragraphs
    for p in paragraphs:
        assert _on(pkg.paragraph_levels(p), "bidi"), _text(p)[:60]


def test_arabic_runs_are_rtl_with_arabic_language_and_complex_script_font() -> None:
    pkg = Package(docx("ar"))
    runs = list(text_runs(pkg, ARABIC))
    assert runs
    for p, r in runs:
        levels = pkg.run_levels(p, r)
        assert _on(levels, "rtl"), _text(r)[:60]
        assert _attr(levels, "lang", "bidi") == "ar-SA"
        assert _attr(levels, "rFonts", "cs"), "an Arabic-capable complex-script font (w:rFonts w:cs)"
        if _on(levels, "b"):
            assert _on(levels, "bCs"), "bold Arabic needs w:bCs"
        if _val(levels, "sz") is not None:
            assert _val(levels, "szCs") is not None, "Arabic size needs w:szCs"


def test_arabic_tables_are_mirrored() -> None:
    pkg = Package(docx("ar"))
    tables = [t for part in pkg.parts() for t in part.iter(q("tbl"))]
    assert tables, "the masthead is a table"
    for table in tables:
        assert table.find("w:tblPr/w:bidiVisual", NS) is not None


def test_arabic_paragraphs_use_no_left_alignment() -> None:
    """In a right-to-left paragraph text starts at the right: jc is both/right/start, never left."""
    pkg = Package(docx("ar"))
    arabic = [p for p in pkg.paragraphs() if ARABIC.search(_text(p))]
    assert arabic
    for p in arabic:
        assert _val(pkg.paragraph_levels(p), "jc") not in ("left",), _text(p)[:60]


@pytest.mark.parametrize("code", ["en", "es", "fr", "ru", "zh"])
def test_left_to_right_documents_have_no_bidi(code: str) -> None:
    pkg = Package(docx(code))
    paragraphs = list(pkg.paragraphs())
    assert len(paragraphs) > 10
    for p in paragraphs:
        assert not _on(pkg.paragraph_levels(p), "bidi")


# --- Chinese: East Asian fonts, no justification artefacts --------------------------------------

def test_chinese_runs_have_east_asian_language_and_font() -> None:
    pkg = Package(docx("zh"))
    runs = list(text_runs(pkg, CJK))
    assert runs
    for p, r in runs:
        levels = pkg.run_levels(p, r)
        assert _attr(levels, "lang", "eastAsia") == "zh-CN"
        font = _attr(levels, "rFonts", "eastAsia") or _attr(levels, "rFonts", "eastAsiaTheme")
        assert font and font != "Times New Roman", f"East Asian font for {_text(r)[:20]!r}: {font!r}"


def test_chinese_paragraphs_are_not_justified() -> None:
    pkg = Package(docx("zh"))
    chinese = [p for p in pkg.paragraphs() if CJK.search(_text(p))]
    assert chinese
    for p in chinese:
        assert _val(pkg.paragraph_levels(p), "jc") not in ("both", "distribute"), _text(p)[:30]


# --- French: the spaces survive into Word ----------------------------------------------------

def test_french_docx_keeps_narrow_no_break_spaces() -> None:
    pkg = Package(docx("fr"))
    everything = "\n".join(_text(p) for p in pkg.paragraphs())
    assert "Original\u202f: anglais" in everything
    assert "suivants\u202f:" in everything
    assert "suivants :" not in everything


@pytest.mark.interop
@pytest.mark.parametrize("code", LANGUAGES)
def test_libreoffice_makes_a_pdf_in_every_language(code: str, tmp_path: Path) -> None:
    # LibreOffice 7.4 once hung on the Arabic draft (masthead table and notes, right to
    # left) until render_pdf's timeout; each language must now convert and show its text.
    from cstd_docs.writers.pdf import render_pdf

    pdftotext = require_tool("pdftotext")
    require_tool("soffice")
    report = cstd_docs.load(example(code))
    target = tmp_path / f"short-{code}.pdf"
    render_pdf(report, target)
    shown = subprocess.run([pdftotext, str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert report.masthead.symbol and report.masthead.symbol in shown
    letters = {"ar": "\u0600-\u06ff", "ru": "\u0400-\u04ff", "zh": "\u4e00-\u9fff"}.get(code, "A-Za-z")
    assert len(re.findall(f"[{letters}]", shown)) > 200
