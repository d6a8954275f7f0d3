"""The front block of A/HRC/EMRIP/2025/2: a parent body over the body, a session without
place, and a 14 pt (HChG) title, in Word, in our PDF, and read back in every language.

The printed figures are poppler's boxes of ../shared/samples/A_HRC_EMRIP_2025_2.pdf, page 1
(docs/layout-geneva.md, "Front block"); they are not read from the writer.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path

import attrs
import pytest
from tests.conftest import EXAMPLES, require_tool
from tests.docx.reading import NS, Docx, style_of, text_of, w

import cstd_docs
from cstd_docs.lang import available
from cstd_docs.model import Report, TitleStyle
from cstd_docs.writers.docx import docx_bytes
from cstd_docs.writers.pdf import render_pdf

EXAMPLE = EXAMPLES / "emrip-study.json"
CM_PER_POINT = 2.54 / 72

#: Page 1 of A/HRC/EMRIP/2025/2: (left, middle of the box) in cm, and the size in points.
PRINTED = {
    "Human": (2.00, (7.39 + 7.77) / 2, 12),
    "Expert": (2.00, (7.88 + 8.19) / 2, 10),
    "Eighteenth": (2.00, (8.30 + 8.62) / 2, 10),
}
TOLERANCE = 0.2  # cm: the 2 mm


@pytest.fixture(scope="module")
def report() -> Report:
    return cstd_docs.load(EXAMPLE)


def _paragraphs(report: Report) -> list[object]:
    body = Docx(docx_bytes(report)).document.find("w:body", NS)
    assert body is not None
    return [p for p in body.findall("w:p", NS) if text_of(p).strip()]


def test_parent_body_is_12_pt_bold_over_the_body_and_the_dates_stand_alone(report: Report) -> None:
    paragraphs = _paragraphs(report)
    texts = [text_of(p) for p in paragraphs[:4]]
    assert texts == ["Human Rights Council", "Expert Mechanism on the Rights of Indigenous Peoples",
                     "Eighteenth session", "14–18 July 2025"]
    parent = paragraphs[0].find("w:r/w:rPr", NS)
    assert parent is not None and parent.find("w:b", NS) is not None
    assert parent.find("w:sz", NS).get(w("val")) == "24"  # type: ignore[union-attr]
    body = paragraphs[1].find("w:r/w:rPr", NS)
    assert body is not None and body.find("w:b", NS) is not None and body.find("w:sz", NS) is None


@pytest.mark.parametrize(("style", "style_id"), [(TitleStyle.HCHG, "HChG"), (TitleStyle.HMG, "HMG")])
def test_the_title_takes_the_style_the_report_chooses(report: Report, style: TitleStyle, style_id: str) -> None:
    titles = [p for p in _paragraphs(attrs.evolve(report, title_style=style)) if "Right of Indigenous" in text_of(p)]
    assert [style_of(p) for p in titles[:1]] == [style_id]  # (the annex's title repeats the words)


def test_without_a_parent_body_or_place_nothing_is_printed_for_them(report: Report) -> None:
    session = attrs.evolve(report.session, place="Geneva")
    texts = [text_of(p) for p in _paragraphs(attrs.evolve(report, parent_body=None, session=session))[:3]]
    assert texts == ["Expert Mechanism on the Rights of Indigenous Peoples", "Eighteenth session",
                     "Geneva, 14–18 July 2025"]


@pytest.mark.parametrize("language", sorted(available()))
def test_every_language_reads_the_front_block_back_without_the_source(report: Report, language: str) -> None:
    """Markdown without the embedded source: the lines alone give parent body, body and dates."""
    translated = attrs.evolve(report, language=language)
    read = cstd_docs.read_markdown(cstd_docs.render_markdown(translated, embed_source=False))
    assert (read.parent_body, read.body) == (report.parent_body, report.body)
    assert read.session == report.session
    assert read.session.place is None and read.session.start == datetime.date(2025, 7, 14)


@pytest.mark.parametrize("style", list(TitleStyle))
def test_word_and_markdown_keep_the_front_block_and_title_style(report: Report, style: TitleStyle) -> None:
    chosen = attrs.evolve(report, title_style=style)
    assert cstd_docs.read_docx(docx_bytes(chosen)) == chosen
    assert cstd_docs.read_markdown(cstd_docs.render_markdown(chosen)) == chosen


@pytest.mark.interop
def test_our_pdf_puts_the_front_block_where_the_sample_prints_it(report: Report, tmp_path: Path) -> None:
    require_tool("soffice")
    tool = require_tool("pdftohtml")
    pdf = tmp_path / "emrip.pdf"
    render_pdf(report, pdf)
    xml = subprocess.run([tool, "-xml", "-i", "-stdout", "-zoom", "1", "-f", "1", "-l", "1", str(pdf)],
                         capture_output=True, text=True, check=True).stdout
    sizes = {m.group(1): int(m.group(2)) for m in re.finditer(r'<fontspec id="(\d+)" size="(\d+)"', xml)}
    boxes = pdftotext_boxes(pdf)
    checked = 0
    for word, (left, middle, size) in PRINTED.items():
        x0, y0, y1 = boxes[word]
        assert abs(x0 - left) <= TOLERANCE, (word, x0)
        assert abs((y0 + y1) / 2 - middle) <= TOLERANCE, (word, (y0 + y1) / 2, middle)
        line = re.search(rf'<text [^>]*font="(\d+)"[^>]*>(?:<b>)?{word}\b', xml)
        assert line is not None and sizes[line.group(1)] == size, word
        checked += 1
    assert checked == len(PRINTED)


def pdftotext_boxes(pdf: Path) -> dict[str, tuple[float, float, float]]:
    """The first box of each word on page 1: (left, top, bottom) in cm."""
    tool = require_tool("pdftotext")
    html = subprocess.run([tool, "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    found: dict[str, tuple[float, float, float]] = {}
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', html):
        found.setdefault(m.group(4), tuple(float(m.group(i)) * CM_PER_POINT for i in (1, 2, 3)))  # type: ignore[arg-type]
    return found
