"""Independent programs read strong text, links, line breaks and the note-mark comma (issue 13).

One file, the example taken from A/HRC/EMRIP/2025/2, written once for the module: both OOXML
validators, pandoc (Word and Markdown) and LibreOffice (its HTML export, and a re-save read back).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import SHARED, pandoc_elements, require_file, require_tool
from tests.readers.helpers import libreoffice_resave

import cstd_docs
from cstd_docs.model import Report

pytestmark = pytest.mark.interop

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "emrip-2025-2-data.json"
VALIDATE_PY = SHARED / "ooxml" / "validate.py"


@pytest.fixture(scope="module")
def report() -> Report:
    return cstd_docs.load(EXAMPLE)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, report: Report) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("strong-links")
    docx, markdown = folder / "emrip.docx", folder / "emrip.md"
    cstd_docs.render_docx(report, docx)
    markdown.write_text(cstd_docs.render_markdown(report, embed_source=False), encoding="utf-8")
    return {"docx": docx, "md": markdown, "folder": folder}


@pytest.fixture(scope="module")
def pandoc_docx(files: dict[str, Path]) -> list[dict[str, object]]:
    tool = require_tool("pandoc")
    result = subprocess.run([tool, "-f", "docx", "-t", "json", str(files["docx"])], capture_output=True,
                            text=True, check=True, timeout=300)
    return list(pandoc_elements(json.loads(result.stdout)["blocks"]))


def test_both_validators_find_no_errors(files: dict[str, Path]) -> None:
    tool = require_tool("ooxml-validator")
    result = subprocess.run([tool, str(files["docx"])], capture_output=True, text=True, timeout=300, check=False)
    assert json.loads(result.stdout)["errors"] == []
    script = require_file(VALIDATE_PY, "the shared OOXML validator (../shared/ooxml/validate.py)")
    result = subprocess.run([sys.executable, str(script), str(files["docx"])], capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b0 errors\b", result.stdout)


def _targets(elements: list[dict[str, object]]) -> list[str]:
    return [e["c"][2][0] for e in elements if e["t"] == "Link"]  # type: ignore[index]


def test_pandoc_sees_links_bold_and_line_breaks_in_the_word_file(pandoc_docx: list[dict[str, object]]) -> None:
    targets = _targets(pandoc_docx)
    assert targets == ["https://undocs.org/en/A/73/438", "https://undocs.org/en/A/74/277",
                       "https://www.ohchr.org/en/calls-for-input/2025/call-inputs-study-indigenous-peoples-right-data-"
                       "including-data-collection-and", "https://undocs.org/en/A/HRC/EMRIP/2024/2"]
    assert sum(e["t"] == "Strong" for e in pandoc_docx) >= 3  # the three advice paragraphs at least
    assert any(e["t"] == "LineBreak" for e in pandoc_docx)  # in the annex's title
    assert any(e["t"] == "Superscript" and e["c"] == [{"t": "Str", "c": ","}] for e in pandoc_docx)


def test_pandoc_sees_the_same_in_the_markdown(files: dict[str, Path], pandoc_docx: list[dict[str, object]]) -> None:
    tool = require_tool("pandoc")
    result = subprocess.run([tool, "-f", "markdown", "-t", "json", str(files["md"])], capture_output=True,
                            text=True, check=True, timeout=300)
    elements = list(pandoc_elements(json.loads(result.stdout)["blocks"]))
    assert _targets(elements) == _targets(pandoc_docx)
    assert sum(e["t"] == "Strong" for e in elements) > 3  # the advice, and the bold lines of the head
    assert any(e["t"] == "LineBreak" for e in elements)


def test_libreoffice_reads_bold_and_links(files: dict[str, Path]) -> None:
    soffice = require_tool("soffice")
    out = files["folder"] / "html"
    subprocess.run([soffice, f"-env:UserInstallation={(files['folder'] / 'lo').as_uri()}", "--headless",
                    "--convert-to", "html", "--outdir", str(out), str(files["docx"])],
                   capture_output=True, timeout=300, check=False)
    html = (out / "emrip.html").read_text(encoding="utf-8", errors="replace")
    assert 'href="https://undocs.org/en/A/73/438"' in html
    assert re.search(r"<b>\s*States should collect and disaggregate", html.replace("\n", " "))


def test_a_libreoffice_resave_reads_back_as_the_report(files: dict[str, Path], report: Report) -> None:
    resaved = libreoffice_resave(files["docx"], files["folder"])
    warnings: list[object] = []
    assert cstd_docs.read_docx(resaved, warnings=warnings) == report
    assert warnings == []
