"""Independent programs read the resolution examples: two OOXML validators, LibreOffice (a PDF
whose indents are measured, and a re-save read back), pandoc (Word and Markdown)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from tests.conftest import SHARED, pandoc_elements, require_file, require_tool
from tests.instruments.helpers import E28_EXAMPLE, L6_EXAMPLE
from tests.readers.helpers import libreoffice_resave

import cstd_docs
from cstd_docs.errors import Problem
from cstd_docs.model import Report
from cstd_docs.writers.docx.instrument_styles import COLUMN, FIRST_LINE
from cstd_docs.writers.docx.layout import LAYOUTS
from cstd_docs.writers.pdf import render_pdf

pytestmark = pytest.mark.interop

NAMES = ["l6", "e28"]
POINTS_PER_TWIP = 1 / 20


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    return {"l6": cstd_docs.load(L6_EXAMPLE), "e28": cstd_docs.load(E28_EXAMPLE)}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, reports: dict[str, Report]) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("resolutions")
    out = {}
    for name, report in reports.items():
        out[name] = folder / f"{name}.docx"
        cstd_docs.render_docx(report, out[name])
    return out


@pytest.fixture(scope="module")
def l6_pdf(tmp_path_factory: pytest.TempPathFactory, reports: dict[str, Report]) -> Path:
    require_tool("soffice")
    path = tmp_path_factory.mktemp("resolutions-pdf") / "l6.pdf"
    render_pdf(reports["l6"], path)
    return path


@pytest.mark.parametrize("name", NAMES)
def test_open_xml_sdk_validator_finds_no_errors(files: dict[str, Path], name: str) -> None:
    tool = require_tool("ooxml-validator")
    result = subprocess.run([tool, str(files[name])], capture_output=True, text=True, timeout=300, check=False)
    report = json.loads(result.stdout)
    assert report["errors"] == [] and report["ok"] is True


@pytest.mark.parametrize("name", NAMES)
def test_shared_schema_validator_finds_no_errors(files: dict[str, Path], name: str) -> None:
    script = require_file(SHARED / "ooxml" / "validate.py", "the shared OOXML validator")
    result = subprocess.run(["python", str(script), str(files[name])], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout


def _words_with_x(pdf: Path) -> list[tuple[float, str]]:
    html = subprocess.run([require_tool("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [(float(m.group(1)), m.group(2)) for m in re.finditer(r'<word xMin="([\d.]+)"[^>]*>(.*?)</word>', html)]


def test_libreoffice_lays_out_operative_numbers_at_the_first_line_indent(l6_pdf: Path,
                                                                        reports: dict[str, Report]) -> None:
    """docs/layout-resolutions.md: number at 23.76 pt inside the text column, text 23.76 pt further."""
    words = _words_with_x(l6_pdf)
    column = (LAYOUTS[reports["l6"].layout].page.left + COLUMN) * POINTS_PER_TWIP
    numbers = [(x, words[i + 1]) for i, (x, w) in enumerate(words) if re.fullmatch(r"\d{1,2}\.", w)
               and words[i + 1][1] in ("Endorses", "Decides", "Requests", "Invites", "Encourages")]
    assert len(numbers) >= 8
    for x, (text_x, _) in numbers:
        assert x == pytest.approx(column + FIRST_LINE * POINTS_PER_TWIP, abs=1.5)
        assert text_x == pytest.approx(column + 2 * FIRST_LINE * POINTS_PER_TWIP, abs=1.5)


def test_a_libreoffice_resave_reads_back_identical(tmp_path: Path, files: dict[str, Path],
                                                  reports: dict[str, Report]) -> None:
    for name in NAMES:
        resaved = libreoffice_resave(files[name], tmp_path)
        warnings: list[Problem] = []
        assert cstd_docs.read_docx(resaved, warnings=warnings) == reports[name]
        assert warnings == []


def _pandoc(path_or_text: Path | str, source_format: str) -> dict[str, object]:
    tool = require_tool("pandoc")
    if isinstance(path_or_text, Path):
        result = subprocess.run([tool, "-f", source_format, "-t", "json", str(path_or_text)], capture_output=True,
                                text=True, check=True)
    else:
        result = subprocess.run([tool, "-f", source_format, "-t", "json"], input=path_or_text, capture_output=True,
                                text=True, check=True)
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_pandoc_reads_the_word_file_with_every_operative_paragraph(files: dict[str, Path]) -> None:
    ast = _pandoc(files["l6"], "docx")
    paragraphs = [e for e in pandoc_elements(ast["blocks"], into_notes=False) if e["t"] == "Para"]
    texts = [json.dumps(p, ensure_ascii=False) for p in paragraphs]
    assert sum('"Str", "c": "Endorses"' in t or '"Endorses"' in t for t in texts) == 1
    notes = [e for e in pandoc_elements(ast["blocks"]) if e["t"] == "Note"]
    assert len(notes) == 11


def test_pandoc_reads_the_markdown_resolution_as_quotes_and_a_tab_as_text(reports: dict[str, Report]) -> None:
    ast = _pandoc(cstd_docs.render_markdown(reports["l6"]), "markdown")
    quotes = [e for e in ast["blocks"] if isinstance(e, dict) and e["t"] == "BlockQuote"]  # type: ignore[union-attr]
    assert len(quotes) == 1 + 1 + 10 + 17 + 7  # title, formula, preamble, operative, subparagraphs
    assert not [e for e in pandoc_elements(ast["blocks"]) if e["t"] == "CodeBlock"]
    tabbed = "\n\n&#9;Typed with a tab.\n"
    parsed = _pandoc(f"Text.\n{tabbed}", "markdown")
    assert [e["t"] for e in parsed["blocks"]] == ["Para", "Para"]  # type: ignore[index,union-attr]
