"""The New York layout: US Letter, its masthead, "Chapter I" on its own line, "2/4" footers and
the job line on the last page; our PDF measured against E/CN.5/2025/L.6 as printed.

The printed figures are poppler's boxes and rules of ../shared/samples/E_CN.5_2025_L.6.pdf
(docs/layout-newyork.md); they are not read from the writer. Text positions compare the
middle of the boxes (Times New Roman in print, Liberation Serif here).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import attrs
import pytest
from tests.conftest import EXAMPLES, require_tool
from tests.docx.pdf_layout import CM_PER_POINT, rules
from tests.docx.reading import NS, Docx, style_of, text_of, w

import cstd_docs
from cstd_docs.lang import available
from cstd_docs.model import DutyStation, Report
from cstd_docs.writers.docx import docx_bytes
from cstd_docs.writers.pdf import render_pdf

EXAMPLE = EXAMPLES / "socdev-new-york.json"
TOLERANCE = 0.2  # cm: the 2 mm

#: E/CN.5/2025/L.6: (left, middle of the box) in cm of the first word of a line, page 1.
PAGE_1 = {
    "United": (4.34, (1.60 + 2.15) / 2),
    "Economic": (4.34, (2.42 + 3.20) / 2),
    "Distr.:": (14.00, (2.74 + 3.13) / 2),
    "Original:": (14.00, (4.01 + 4.39) / 2),
    "Commission": (2.12, (7.51 + 7.97) / 2),
    "Sixty-third": (2.12, (8.00 + 8.39) / 2),
}
#: Page 2: the running head, the first body line's number and text, the footer's "2/…".
PAGE_2 = {"head": (2.12, (1.81 + 2.15) / 2), "text": (4.35, (2.59 + 2.98) / 2), "footer": (2.12, (26.38 + 26.71) / 2)}
RULES_1 = (2.294, 7.396)  # centres of the thin and thick masthead rules
HEAD_RULE = 2.290
PAGE_1_JOB = (26.06 + 26.45) / 2


@pytest.fixture(scope="module")
def report() -> Report:
    return cstd_docs.load(EXAMPLE)


def _long(report: Report) -> Report:
    """The example with its second chapter's paragraphs repeated, for body pages."""
    chapter = report.chapters[1]
    content = tuple(attrs.evolve(p, id=None) for p in chapter.content) * 12
    return attrs.evolve(report, chapters=(report.chapters[0], attrs.evolve(chapter, content=content)))


def test_letter_page_caption_lines_footers_and_the_last_job_line(report: Report) -> None:
    docx = Docx(docx_bytes(report))
    sect = docx.document.find("w:body/w:sectPr", NS)
    assert sect is not None
    size = sect.find("w:pgSz", NS)
    assert (size.get(w("w")), size.get(w("h"))) == ("12240", "15840")  # type: ignore[union-attr]
    body = docx.document.find("w:body", NS)
    paragraphs = [p for p in body.findall("w:p", NS) if text_of(p).strip()]  # type: ignore[union-attr]
    captions = [p for p in paragraphs if text_of(p) in ("Chapter I", "Chapter II")]
    assert [style_of(p) for p in captions] == ["HChG", "HChG"]
    for caption in captions:
        title = paragraphs[paragraphs.index(caption) + 1]
        assert style_of(title) == "HChG" and text_of(title).startswith("\t\t")
    assert (style_of(paragraphs[-1]), text_of(paragraphs[-1])) == ("Footer", "25-02024 (E)")
    heads = docx.heads()
    for page in ("default", "even"):
        instructions = [t.text.strip() for t in heads[("footer", page)].iter(w("instrText"))]
        assert instructions == ["PAGE", "NUMPAGES"]
        assert "/" in text_of(heads[("footer", page)])


def test_geneva_is_the_default_and_prints_no_caption_line(report: Report) -> None:
    geneva = attrs.evolve(report, layout=DutyStation.GENEVA)
    body = Docx(docx_bytes(geneva)).document.find("w:body", NS)
    texts = [text_of(p) for p in body.findall("w:p", NS)]  # type: ignore[union-attr]
    assert "Chapter I" not in texts and "\tI.\tMatters calling for action by the Economic and Social Council " \
        "or brought to its attention" in texts
    assert cstd_docs.load(EXAMPLES / "short-en.json").layout is DutyStation.GENEVA


@pytest.mark.parametrize("language", sorted(available()))
def test_both_readers_keep_the_layout_and_the_chapters(report: Report, language: str) -> None:
    translated = attrs.evolve(report, language=language)
    warnings: list[object] = []
    assert cstd_docs.read_docx(docx_bytes(translated), warnings=warnings) == translated  # type: ignore[arg-type]
    assert cstd_docs.read_markdown(cstd_docs.render_markdown(translated)) == translated
    assert warnings == []


def test_reference_docx_still_applies_on_top_of_new_york(report: Report, tmp_path: Path) -> None:
    reference = tmp_path / "reference.docx"
    reference.write_bytes(docx_bytes(attrs.evolve(report, layout=DutyStation.GENEVA)))
    out = tmp_path / "ny.docx"
    cstd_docs.render_docx(report, out, reference_docx=reference)
    size = Docx(out.read_bytes()).document.find("w:body/w:sectPr/w:pgSz", NS)
    assert size is not None and size.get(w("w")) == "11907"  # the reference's page setup wins, as documented
    assert cstd_docs.read_docx(out.read_bytes()) == report


def _words(pdf: Path, page: int) -> list[tuple[str, float, float, float]]:
    tool = require_tool("pdftotext")
    html = subprocess.run([tool, "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [(m.group(4), float(m.group(1)) * CM_PER_POINT, float(m.group(2)) * CM_PER_POINT,
             float(m.group(3)) * CM_PER_POINT)
            for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>',
                                 html)]


def _rules(pdf: Path, page: int) -> list[float]:
    """The full-width rules (wider than 400 pt), top to bottom."""
    return [r.y for r in rules(pdf, page) if r.x1 - r.x0 > 400 * CM_PER_POINT]


def _near(value: float, printed: float, what: str) -> None:
    assert abs(value - printed) <= TOLERANCE, (what, round(value, 3), printed)


@pytest.mark.interop
def test_our_pdf_stands_where_e_cn5_2025_l6_prints(report: Report, tmp_path: Path) -> None:
    require_tool("soffice")
    pdf = tmp_path / "ny.pdf"
    render_pdf(_long(report), pdf)
    first = _words(pdf, 1)
    checked = 0
    for word, (left, middle) in PAGE_1.items():
        found = next(wd for wd in first if wd[0] == word)
        _near(found[1], left, word)
        _near((found[2] + found[3]) / 2, middle, word)
        checked += 1
    assert checked == len(PAGE_1)
    job = next(wd for wd in first if wd[0] == "25-02024" and wd[2] > 25)
    _near((job[2] + job[3]) / 2, PAGE_1_JOB, "page-1 job")
    rules = _rules(pdf, 1)
    assert len(rules) >= 2
    _near(rules[0], RULES_1[0], "thin rule")
    _near(rules[-1], RULES_1[1], "thick rule")
    second = _words(pdf, 2)
    head = next(wd for wd in second if wd[0] == "E/CN.5/2025/L.6")
    text = min((wd for wd in second if 2.2 < wd[2] < 20), key=lambda wd: (wd[2], wd[1]))
    footer = next(wd for wd in second if re.fullmatch(r"2/\d+", wd[0]))
    for what, found in (("head", head), ("text", text), ("footer", footer)):
        _near(found[1], PAGE_2[what][0], what)
        _near((found[2] + found[3]) / 2, PAGE_2[what][1], what)
    _near(_rules(pdf, 2)[0], HEAD_RULE, "head rule")
