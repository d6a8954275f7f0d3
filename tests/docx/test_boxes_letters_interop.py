"""Independent programs read boxes and letters (issue 13): both OOXML validators, pandoc
(Word and Markdown), LibreOffice (a re-save read back, and its PDF measured against the
summary box of ../shared/samples/A_HRC_EMRIP_2025_2.pdf, page 1: docs/layout-content.md).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, SHARED, pandoc_elements, require_file, require_tool
from tests.docx.pdf_layout import rules
from tests.readers.helpers import libreoffice_resave

import cstd_docs
from cstd_docs.writers.pdf import render_pdf

pytestmark = pytest.mark.interop

EXAMPLES_USED = ("emrip-study", "ga-co-chairs-summary-letter")
VALIDATE_PY = SHARED / "ooxml" / "validate.py"
#: The summary's frame on the sample's page 1 (pdftocairo -svg): rules at 14.01 and 19.59 cm, 2.01–18.96 cm.
PRINTED_FRAME = (2.01, 18.96, 19.59 - 14.01)
TOLERANCE = 0.2  # cm


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("boxes")
    out = {"folder": folder}
    for name in EXAMPLES_USED:
        report = cstd_docs.load(EXAMPLES / f"{name}.json")
        cstd_docs.render_docx(report, folder / f"{name}.docx")
        (folder / f"{name}.md").write_text(cstd_docs.render_markdown(report), encoding="utf-8")
        out[name] = folder / f"{name}.docx"
    return out


def test_both_validators_find_no_errors(files: dict[str, Path]) -> None:
    tool = require_tool("ooxml-validator")
    script = require_file(VALIDATE_PY, "the shared OOXML validator (../shared/ooxml/validate.py)")
    for name in EXAMPLES_USED:
        result = subprocess.run([tool, str(files[name])], capture_output=True, text=True, timeout=300, check=False)
        assert json.loads(result.stdout)["errors"] == [], name
        result = subprocess.run([sys.executable, str(script), str(files[name])], capture_output=True, text=True,
                                timeout=300, check=False)
        assert result.returncode == 0 and re.search(r"\b0 errors\b", result.stdout), result.stdout


def test_pandoc_reads_the_box_the_letter_and_the_links(files: dict[str, Path]) -> None:
    tool = require_tool("pandoc")
    name = "ga-co-chairs-summary-letter"
    docx = subprocess.run([tool, "-f", "docx", "-t", "plain", str(files[name])], capture_output=True, text=True,
                          check=True, timeout=300).stdout
    for words in ("Letter dated 2 May 2025", "(Signed) Tomas Lindqvist", "Summary", "Box 1",
                  "Good practices cited by delegations", "Holding the general debates"):
        assert words in docx, words
    markdown = subprocess.run([tool, "-f", "markdown", "-t", "json", str(files["folder"] / "emrip-study.md")],
                              capture_output=True, text=True, check=True, timeout=300).stdout
    elements = list(pandoc_elements(json.loads(markdown)["blocks"]))
    divs = [e for e in elements if e["t"] == "Div"]
    assert [d["c"][0][1] for d in divs] == [["summary"]]  # type: ignore[index]
    links = [e["c"][2][0] for e in elements if e["t"] == "Link"]  # type: ignore[index]
    assert "https://www.ohchr.org/en/events/events/2024/seminar-expert-mechanism-rights-indigenous-peoples" in links
    assert sum(e["t"] == "Strong" for e in elements) >= 23  # the advice


def test_a_libreoffice_resave_reads_back_as_the_report(files: dict[str, Path]) -> None:
    for name in EXAMPLES_USED:
        resaved = libreoffice_resave(files[name], files["folder"])
        warnings: list[object] = []
        assert cstd_docs.read_docx(resaved, warnings=warnings) == cstd_docs.load(EXAMPLES / f"{name}.json"), name
        assert warnings == []


def test_our_summary_box_is_framed_as_the_sample_frames_it(files: dict[str, Path]) -> None:
    require_tool("soffice")
    pdf = files["folder"] / "emrip.pdf"
    render_pdf(cstd_docs.load(EXAMPLES / "emrip-study.json"), pdf)
    frame = [r for r in rules(pdf, 1) if r.x1 - r.x0 > 16]  # the masthead's two rules, the frame's two
    top, bottom = frame[-2], frame[-1]
    left, right, height = PRINTED_FRAME
    assert abs(top.x0 - left) <= TOLERANCE and abs(top.x1 - right) <= TOLERANCE, top
    assert abs((bottom.y - top.y) - height) <= TOLERANCE, (top, bottom)
