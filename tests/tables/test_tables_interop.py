"""Independent programs read the tables and figures (issue 13), once per construct: both OOXML validators
(the draft and a redline of it), LibreOffice (a re-save read back; a PDF whose table is measured
against the table E/2025/28 prints), pandoc (Word and Markdown)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import attrs
import pytest
from tests.conftest import SHARED, pandoc_elements, require_file, require_tool
from tests.docx.pdf_layout import CM_PER_POINT, rules
from tests.readers.helpers import libreoffice_resave
from tests.tables.helpers import example
from tests.visible_law import _without_custom_xml, print_form

import cstd_docs
from cstd_docs.errors import Problem
from cstd_docs.model import Chapter, Report, Table
from cstd_docs.writers.pdf import render_pdf

pytestmark = pytest.mark.interop

SAMPLE = SHARED / "samples" / "E_2025_28.pdf"
#: The officers' table of E/2025/28 is on its printed page 56, the PDF's page 64.
SAMPLE_PAGE = 64


@pytest.fixture(scope="module")
def report() -> Report:
    return example()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, report: Report) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("tables")
    edited = _edited(report)
    out = {"draft": folder / "draft.docx", "arabic": folder / "arabic.docx", "redline": folder / "redline.docx"}
    cstd_docs.render_docx(report, out["draft"])
    cstd_docs.render_docx(attrs.evolve(report, language="ar"), out["arabic"])
    cstd_docs.redline(report, edited, out["redline"])
    return out


def _edited(report: Report) -> Report:
    """The example with a row added to its first table and a cell changed in its second."""
    scheduling, officers = report.chapters[0].content[1], report.chapters[1].content[1]
    assert isinstance(scheduling, Table) and isinstance(officers, Table)
    rows = (*scheduling.rows, ("Decision 68/7", "PMK glycidate", "I", "68/7", "53", "–", "–"))
    changed = (*officers.rows[:4], (officers.rows[4][0], "African States", "A. B."))

    def replaced(chapter: Chapter, at: int, table: Table) -> Chapter:
        return attrs.evolve(chapter, content=(*chapter.content[:at], table, *chapter.content[at + 1:]))

    return attrs.evolve(report, chapters=(replaced(report.chapters[0], 1, attrs.evolve(scheduling, rows=rows)),
                                          replaced(report.chapters[1], 1, attrs.evolve(officers, rows=changed))))


@pytest.mark.parametrize("name", ["draft", "arabic", "redline"])
def test_both_ooxml_validators_find_no_errors(files: dict[str, Path], name: str) -> None:
    tool = require_tool("ooxml-validator")
    result = subprocess.run([tool, str(files[name])], capture_output=True, text=True, timeout=300, check=False)
    assert json.loads(result.stdout)["errors"] == []
    script = require_file(SHARED / "ooxml" / "validate.py", "the shared OOXML validator")
    result = subprocess.run(["python", str(script), str(files[name])], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "0 errors" in result.stdout, result.stdout + result.stderr


def test_a_libreoffice_resave_reads_back_identical_and_alone_prints_the_same(tmp_path: Path, files: dict[str, Path],
                                                                             report: Report) -> None:
    resaved = libreoffice_resave(files["draft"], tmp_path)
    warnings: list[Problem] = []
    assert cstd_docs.read_docx(resaved, warnings=warnings) == report
    assert warnings == []
    alone = cstd_docs.read_docx(_without_custom_xml(resaved.read_bytes()), warnings=warnings)
    assert warnings == []
    assert print_form(cstd_docs.writers.docx.docx_bytes(alone)) == print_form(
        cstd_docs.writers.docx.docx_bytes(report))


# --- the table as LibreOffice prints it, against E/2025/28 ---------------------------------------------
def _words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    tool = require_tool("pdftotext")
    html = subprocess.run([tool, "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(m.group(5), *(float(m.group(i)) for i in range(1, 5))) for m in re.finditer(pattern, html)]


def _officers(pdf: Path, page: int) -> dict[str, float]:
    """The officers' table on a page: where its rules run and how far they stand from its text
    (the middle of a word's box, which Times New Roman and its metric twin put alike), in points."""
    words = _words(pdf, page)
    office = next(w for w in words if w[0] == "Office")
    middle: dict[str, float] = {}  # each word's first place from the table's header on
    for text, _, y0, _, y1 in words:
        if y0 >= office[2] - 1:
            middle.setdefault(text, (y0 + y1) / 2)
    spans: dict[float, tuple[float, float]] = {}  # a rule drawn cell by cell is one rule
    for rule in rules(pdf, page):
        y = round(rule.y / CM_PER_POINT, 1)
        if office[2] - 10 < y < office[2] + 200:
            x0, x1 = spans.get(y, (rule.x0, rule.x1))
            spans[y] = (min(x0, rule.x0) / CM_PER_POINT, max(x1, rule.x1) / CM_PER_POINT) if y not in spans \
                else (min(x0, rule.x0 / CM_PER_POINT), max(x1, rule.x1 / CM_PER_POINT))
    (top, (left, right)), (header, _), (foot, _) = sorted(spans.items())[:3]
    last = max((y0 + y1) / 2 for text, _, y0, _, y1 in words if text in ("(Morocco)", "Boukhris") and y0 > header)
    return {"left": left, "width": right - left, "over the header": middle["Office"] - top,
            "under the header": header - middle["Office"], "to the first row": middle["Chair"] - header,
            "to the foot": foot - last, "row to row": middle["First"] - middle["Chair"]}


def test_libreoffice_prints_the_table_as_e_2025_28_prints_its_own(tmp_path: Path, report: Report) -> None:
    sample = require_file(SAMPLE, "E/2025/28")
    require_tool("soffice")
    pdf = tmp_path / "tables.pdf"
    render_pdf(report, pdf)
    page = next(n for n in range(1, 4) if any(w[0] == "Office" for w in _words(pdf, n)))
    ours, theirs = _officers(pdf, page), _officers(sample, SAMPLE_PAGE)
    for name in ("over the header", "under the header", "to the first row", "to the foot", "row to row"):
        assert ours[name] == pytest.approx(theirs[name], abs=1.0), name
    # Both in the text column: 2 cm inside the margins (E/2025/28's margins are 0.2 cm narrower).
    assert ours["width"] == pytest.approx(theirs["width"], abs=5)
    assert ours["left"] == pytest.approx((1134 + 1134) / 20, abs=1)


# --- pandoc --------------------------------------------------------------------------------------------
def _pandoc(source: Path | str, source_format: str, *, through_html: bool = False) -> list[dict[str, object]]:
    tool = require_tool("pandoc")
    text = source.read_bytes() if isinstance(source, Path) else source.encode()
    if through_html:  # a Markdown viewer shows the HTML table as HTML: what pandoc makes of that
        text = subprocess.run([tool, "-f", source_format, "-t", "html"], input=text, capture_output=True,
                              check=True).stdout
        source_format = "html"
    result = subprocess.run([tool, "-f", source_format, "-t", "json"], input=text, capture_output=True, check=True)
    return list(pandoc_elements(json.loads(result.stdout)["blocks"]))


def _spans(node: object) -> list[tuple[int, int]]:
    """(rows, columns) of every cell of pandoc's table spanning more than one place, in reading order."""
    found: list[tuple[int, int]] = []
    if isinstance(node, list):
        if len(node) == 5 and isinstance(node[1], dict) and str(node[1].get("t", "")).startswith("Align") \
                and isinstance(node[2], int) and isinstance(node[3], int):
            if (node[2], node[3]) != (1, 1):
                found.append((node[2], node[3]))
            return found
        for item in node:
            found += _spans(item)
    elif isinstance(node, dict):
        for value in node.values():
            found += _spans(value)
    return found


#: The scheduling decisions' spans: four headings over two rows, "Votes" over three columns, each
#: convention over its substances.
SPANS = [(2, 1), (2, 1), (2, 1), (2, 1), (1, 3), (4, 1), (2, 1)]


def test_pandoc_reads_the_word_tables_as_tables_with_their_spans_and_the_figure(files: dict[str, Path]) -> None:
    elements = _pandoc(files["draft"], "docx")
    tables = [e for e in elements if e["t"] == "Table"]
    assert len(tables) == 3  # the masthead, the scheduling decisions, the officers
    text = json.dumps(tables[1], ensure_ascii=False)
    assert '"Votes"' in text and '"Carisoprodol"' in text
    assert _spans(tables[1]) == SPANS
    assert [e for e in elements if e["t"] == "Image"]


def test_pandoc_reads_the_markdown_tables_as_tables_and_the_figure_as_an_image(report: Report) -> None:
    markdown = cstd_docs.render_markdown(report)
    assert "<table>" in markdown and "| Office | Regional group | Officer |" in markdown
    pipe = [e for e in _pandoc(markdown, "markdown") if e["t"] == "Table"]
    assert len(pipe) == 1 and '"Shambhu"' in json.dumps(pipe[0])  # the officers: a pipe table
    viewed = [e for e in _pandoc(markdown, "markdown", through_html=True) if e["t"] == "Table"]
    assert len(viewed) == 2
    assert '"Votes"' in json.dumps(viewed[0]) and _spans(viewed[0]) == SPANS
    images = [e for e in _pandoc(markdown, "markdown") if e["t"] == "Image"]
    assert len(images) == 1 and str(images[0]["c"][2][0]).startswith("data:image/png;base64,")  # type: ignore[index]


def test_libreoffice_accepts_and_rejects_a_table_redline_to_the_two_versions(tmp_path: Path, files: dict[str, Path],
                                                                            report: Report) -> None:
    """A table with a row added is replaced whole, rows marked deleted and inserted; a changed cell
    is diffed in place. LibreOffice keeps an empty paragraph where a whole table went (a paragraph
    mark before a table cannot join it): blank lines are left out of the comparison."""
    from tests.redline.test_redline_interop import _office_run, uno_python

    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    cstd_docs.render_docx(report, old)
    cstd_docs.render_docx(_edited(report), new)
    out = tmp_path / "office.json"
    _office_run(uno_python(), out, ["accept", str(files["redline"]), "reject", str(files["redline"]),
                                    "plain", str(new), "plain", str(old)])
    accepted, rejected, plain_new, plain_old = (json.loads(out.read_text(encoding="utf-8")))

    def lines(text: dict[str, list[str]]) -> list[str]:
        return [line for line in text["body"] if line.strip()]

    assert lines(accepted) == lines(plain_new) and "A. B." in lines(accepted)
    assert lines(rejected) == lines(plain_old) and "Mohamed Amine Boukhris (Morocco)" in lines(rejected)
