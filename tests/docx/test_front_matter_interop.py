"""Contents pages and the Official Records front matter read by independent programs, once each.

Two drafts: examples/e-2025-24-official-records.json (New York, pages alone), lengthened so that
its chapters fall on several pages, and the same in the Geneva layout as E/2025/28 would be (A4,
the double symbol stacked, the "Paragraphs" column). Both OOXML validators, pandoc, LibreOffice
(its PDF: the pages it fills in the contents, and every line of the front matter against the
printed samples) and a LibreOffice re-save read back. A third,
examples/e-2025-28-session-report-chapter-i.json, lists chapter I's draft decisions and resolutions
in its contents: both validators, and LibreOffice's pages and columns against E/2025/28 p. iii.

The printed figures are poppler's boxes of ../shared/samples/E_2025_24.pdf and E_2025_28.pdf
(docs/layout-newyork.md, docs/layout-geneva.md): (left, middle of the box) in cm of a line's
first word; they are not read from the writer.
"""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from tests.conftest import EXAMPLES, SHARED, require_file, require_tool
from tests.readers.helpers import libreoffice_resave

import cstd_docs
from cstd_docs.model import Contents, DutyStation, Report
from cstd_docs.writers.docx import docx_bytes
from cstd_docs.writers.pdf import render_pdf

pytestmark = pytest.mark.interop

CM_PER_POINT = 2.54 / 72
TOLERANCE = 0.2  # cm: the 2 mm
EXAMPLE = EXAMPLES / "e-2025-24-official-records.json"
CHAPTER_I = EXAMPLES / "e-2025-28-session-report-chapter-i.json"

#: E/2025/24 (US Letter): the cover (p. 1), the title page (p. 3), the note (p. 4) and the contents (p. 5).
NEW_YORK = {
    "cover": {"United": (4.34, 5.12), "Statistical": (4.34, 7.31), "Report": (4.34, 8.86), "(4–7": (4.34, 9.56),
              "Economic": (4.34, 12.49), "Official": (4.34, 13.20), "Supplement": (4.34, 13.76)},
    "title page": {"Economic": (2.33, 2.80), "Official": (2.33, 3.26), "Supplement": (2.33, 3.76),
                   "Statistical": (4.34, 6.63), "Report": (4.34, 7.97), "(4–7": (4.34, 8.50),
                   "United": (4.37, 22.50)},
    "note": {"Note": (4.34, 5.62), "Symbols": (5.19, 6.47), "ISSN": (4.34, 23.83)},
    "contents": {"[24": (16.91, 3.73), "Contents": (2.12, 4.97), "Chapter": (3.05, 5.56)},
}
#: E/2025/28 (A4), the same pages; its body's name wraps ("Commission on Narcotic / Drugs").
GENEVA = {
    "cover": {"United": (4.06, 6.00), "Commission": (4.06, 9.72), "Drugs": (4.06, 10.85), "Report": (4.06, 13.80),
              "Economic": (4.06, 18.02), "Official": (4.06, 18.63), "Supplement": (4.06, 19.24)},
    "title page": {"Economic": (2.01, 2.77), "Official": (2.01, 3.26), "Supplement": (2.01, 3.72),
                   "Commission": (4.06, 6.78), "Report": (4.06, 8.75), "United": (4.06, 22.70)},
    "note": {"Note": (4.06, 4.71), "Symbols": (4.87, 5.31), "ISSN": (4.06, 21.60)},
    "contents": {"[3": (17.01, 2.79), "Contents": (1.82, 3.45)},
}
#: The contents' columns: the numeral's right end, a chapter's title, a section's letter and title (cm).
COLUMNS = {"new_york": (3.96, 4.35, 4.35, 5.11), "geneva": (3.92, 4.31, 4.32, 5.08)}


def _lengthened(report: Report) -> Report:
    """Each chapter's paragraphs five times over: the chapters fall on several pages."""
    chapters = []
    for chapter in report.chapters:
        content = tuple(attrs.evolve(p, id=None) for p in chapter.content) * 5
        sections = tuple(attrs.evolve(s, content=tuple(attrs.evolve(p, id=None) for p in s.content) * 5)
                         for s in chapter.sections)
        chapters.append(attrs.evolve(chapter, content=content, sections=sections))
    return attrs.evolve(report, chapters=tuple(chapters))


def _geneva(report: Report) -> Report:
    masthead = attrs.evolve(report.masthead, symbol="E/2025/28-E/CN.7/2025/11", date=datetime.date(2025, 4, 3))
    return attrs.evolve(report, layout=DutyStation.GENEVA, masthead=masthead, body="Commission on Narcotic Drugs",
                        title="Report on the sixty-eighth session", contents=Contents(paragraphs=True),
                        session=attrs.evolve(report.session, start=datetime.date(2025, 3, 10),
                                             end=datetime.date(2025, 3, 14)))


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    require_tool("soffice")
    folder = tmp_path_factory.mktemp("front-matter")
    new_york = _lengthened(cstd_docs.load(EXAMPLE))
    out: dict[str, dict[str, Any]] = {}
    for name, report in (("new_york", new_york), ("geneva", _geneva(new_york))):
        docx, pdf, markdown = folder / f"{name}.docx", folder / f"{name}.pdf", folder / f"{name}.md"
        docx.write_bytes(docx_bytes(report))
        render_pdf(report, pdf)
        markdown.write_text(cstd_docs.render_markdown(report), encoding="utf-8")
        out[name] = {"report": report, "docx": docx, "pdf": pdf, "md": markdown, "folder": folder}
    chapter_i = cstd_docs.load(CHAPTER_I)
    docx, pdf = folder / "chapter-i.docx", folder / "chapter-i.pdf"
    docx.write_bytes(docx_bytes(chapter_i))
    render_pdf(chapter_i, pdf)
    out["chapter_i"] = {"report": chapter_i, "docx": docx, "pdf": pdf, "folder": folder}
    return out


def _words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    tool = require_tool("pdftotext")
    html = subprocess.run([tool, "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    return [(m.group(5), *(float(m.group(i)) * CM_PER_POINT for i in range(1, 5)))
            for m in re.finditer(pattern, html)]


def _pages(pdf: Path) -> int:
    info = subprocess.run([require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"Pages:\s+(\d+)", info)
    assert found is not None
    return int(found.group(1))


@pytest.mark.parametrize("name", ["new_york", "geneva", "chapter_i"])
def test_both_validators_find_no_errors(drafts: dict[str, dict[str, Any]], name: str) -> None:
    docx = drafts[name]["docx"]
    result = subprocess.run([require_tool("ooxml-validator"), str(docx)], capture_output=True, text=True,
                            timeout=300, check=False)
    report = json.loads(result.stdout)
    assert report["errors"] == [] and report["ok"] is True
    script = require_file(SHARED / "ooxml" / "validate.py", "the shared OOXML validator")
    result = subprocess.run([sys.executable, str(script), str(docx)], capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0 and re.search(r"\b0 errors\b", result.stdout), result.stdout


@pytest.mark.parametrize("name", ["new_york", "geneva"])
def test_libreoffice_fills_in_each_entry_s_page(drafts: dict[str, dict[str, Any]], name: str) -> None:
    """Each chapter's entry shows the page its heading is on (LibreOffice computes the PAGEREF fields;
    the pages number from the title page, the page after the cover)."""
    pdf = drafts[name]["pdf"]
    contents = _words(pdf, 4)
    assert contents[2][0] == "Contents" or any(w[0] == "Contents" for w in contents)
    right = max(w[3] for w in contents if w[0] == "Page")
    numbers = [w for w in contents if re.fullmatch(r"\d+", w[0]) and w[3] > right - 0.3]
    numerals = [w for w in contents if re.fullmatch(r"[IVX]+\.", w[0]) and w[3] < 4.5]
    assert len(numerals) == 5
    heading_pages: dict[str, int] = {}
    for page in range(5, _pages(pdf) + 1):
        for word in _words(pdf, page):
            if re.fullmatch(r"[IVX]+\.?", word[0]) and word[1] < 4.5:
                heading_pages.setdefault(word[0].rstrip("."), page)
    checked = 0
    for numeral in numerals:
        shown = min((w for w in numbers if w[2] >= numeral[2] - 0.05), key=lambda w: w[2])
        assert int(shown[0]) == heading_pages[numeral[0].rstrip(".")] - 1, numeral[0]
        checked += 1
    assert checked == 5 and len(set(heading_pages.values())) >= 3  # the chapters fall on several pages
    if name == "geneva":  # the paragraph ranges, as derived: chapter II holds paragraphs 6 to 10
        assert any(w[0] == "6–10" for w in contents)


def _near(found: float, printed: float, what: str) -> None:
    assert abs(found - printed) <= TOLERANCE, (what, round(found, 2), printed)


@pytest.mark.parametrize("name", ["new_york", "geneva"])
def test_the_front_matter_stands_where_the_sample_prints_it(drafts: dict[str, dict[str, Any]], name: str) -> None:
    pdf = drafts[name]["pdf"]
    printed = NEW_YORK if name == "new_york" else GENEVA
    checked = 0
    for page, (what, lines) in enumerate(printed.items(), start=1):
        words = _words(pdf, page)
        for word, (left, middle) in lines.items():
            found = next(w for w in words if w[0] == word and (word != "United" or w[2] > 3))
            _near(found[1], left, f"{what}: {word} left")
            _near((found[2] + found[4]) / 2, middle, f"{what}: {word} middle")
            checked += 1
    assert checked == sum(len(lines) for lines in printed.values())
    number_end, title, letter, section_title = COLUMNS[name]
    contents = _words(pdf, 4)
    first = next(w for w in contents if w[0] == "I.")
    _near(first[3], number_end, "numeral's right end")
    _near(next(w for w in contents if w[0] == "Items" and abs(w[2] - first[2]) < 0.1)[1], title, "title")
    section = next(w for w in contents if w[0] == "A.")
    _near(section[1], letter, "section's letter")
    _near(next(w for w in contents if w[0] == "Education")[1], section_title, "section's title")


def test_pandoc_reads_the_front_matter_the_contents_and_the_markdown(drafts: dict[str, dict[str, Any]]) -> None:
    tool = require_tool("pandoc")
    for name in ("new_york", "geneva"):
        text = subprocess.run([tool, str(drafts[name]["docx"]), "-t", "plain", "--wrap=none"], capture_output=True,
                              text=True, check=True, timeout=120).stdout
        for line in ("Official Records, 2025", "Supplement No. 4", "ISSN 0251-9976", "Contents",
                     "Organization of the session"):
            assert line in text, (name, line)
        ast = json.loads(subprocess.run([tool, str(drafts[name]["docx"]), "-t", "json"], capture_output=True,
                                        text=True, check=True, timeout=120).stdout)
        assert sum(1 for block in ast["blocks"] if block["t"] == "Table") == 1  # the contents' entries
        markdown = subprocess.run([tool, str(drafts[name]["md"]), "-f", "commonmark", "-t", "json"],
                                  capture_output=True, text=True, check=True, timeout=120).stdout
        lists = [b for b in json.loads(markdown)["blocks"] if b["t"] == "BulletList"]
        assert len(lists) == 1 and len(lists[0]["c"]) == 5  # the five chapters, their sections nested


def test_a_libreoffice_re_save_reads_back_with_its_contents_and_front_matter(
        drafts: dict[str, dict[str, Any]]) -> None:
    draft = drafts["new_york"]
    resaved = libreoffice_resave(draft["docx"], draft["folder"])
    read = cstd_docs.read_docx(resaved)
    report: Report = draft["report"]
    assert (read.contents, read.official_records) == (report.contents, report.official_records)
    assert [c.title for c in read.chapters] == [c.title for c in report.chapters]
    assert read.title == report.title and read.masthead.symbol == report.masthead.symbol


#: E/2025/28 p. iii (A4), chapter I's instruments under their sections: (first word, its left or right end
#: in cm, which end), from poppler's boxes of the sample, not from the writer.
CHAPTER_I_COLUMNS = {"I.": (5.54, "right"), "II.": (5.54, "right"), "Report": (5.85, "left"),
                     "Resolution": (5.08, "left"), "Promoting": (8.08, "left")}


def test_libreoffice_lists_chapter_i_instruments_with_their_pages_where_e_2025_28_prints_them(
        drafts: dict[str, dict[str, Any]]) -> None:
    """Each draft decision's and resolution's entry shows the page its label prints on in the body, and its
    numeral, label and titles stand where E/2025/28 p. iii prints them (2 mm)."""
    pdf = drafts["chapter_i"]["pdf"]
    contents = _words(pdf, 2)
    assert any(w[0] == "Contents" for w in contents)
    right = max(w[3] for w in contents if w[0] == "Page")
    numbers = [w for w in contents if re.fullmatch(r"\d+", w[0]) and w[3] > right - 0.3]
    section_b = next(w for w in contents if w[0] == "B.")
    # The entries' first words: the drafts' numerals (right of the chapter's numeral column), the labels.
    firsts = [w for w in contents if (re.fullmatch(r"[IVX]+\.", w[0]) and w[1] > 5) or w[0] == "Resolution"]
    assert [w[0] for w in firsts] == ["I.", "II.", "Resolution", "Resolution"]
    labels = ["Draft decision I", "Draft decision II", "Resolution 68/1", "Resolution 68/2"]
    body = {page: subprocess.run([require_tool("pdftotext"), "-layout", "-f", str(page), "-l", str(page), str(pdf),
                                  "-"], capture_output=True, text=True, check=True).stdout
            for page in range(3, _pages(pdf) + 1)}
    checked = 0
    for first, label in zip(firsts, labels, strict=True):
        shown = min((w for w in numbers if w[2] >= first[2] - 0.05), key=lambda w: w[2])
        printed = next(page for page, text in body.items() if re.search(rf"^\s*{label}\s*$", text, re.M))
        assert int(shown[0]) == printed, label
        checked += 1
    assert checked == 4 and section_b[2] < firsts[2][2]  # the resolutions under section B
    for word, (at, end) in CHAPTER_I_COLUMNS.items():
        found = next(w for w in contents if w[0] == word and w[1] > 5)
        _near(found[3] if end == "right" else found[1], at, f"{word} {end}")
