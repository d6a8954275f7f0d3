"""Independent programs read the issue-12 constructs once each: a provisional agenda with headings, the
"***" line, sub-items and documentation, subheadings between operative paragraphs, an instrument's own
note numbers and several agenda items on one label line. Both OOXML validators, LibreOffice (a PDF
whose positions are measured against docs/layout-resolutions.md, and a re-save read back) and pandoc."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import attrs
import pytest
from tests.conftest import SHARED, pandoc_elements, require_file, require_tool
from tests.instruments.helpers import E28_EXAMPLE, L6_EXAMPLE
from tests.readers.helpers import libreoffice_resave

import cstd_docs
from cstd_docs.errors import Problem
from cstd_docs.model import (
    AgendaDocument,
    AgendaItem,
    AgendaLabel,
    Decision,
    Note,
    NoteNumbering,
    Operative,
    ProvisionalAgenda,
    Report,
    Resolution,
)
from cstd_docs.writers.docx.instrument_styles import COLUMN, FIRST_LINE
from cstd_docs.writers.docx.layout import LAYOUTS
from cstd_docs.writers.pdf import render_pdf

pytestmark = pytest.mark.interop

POINTS_PER_TWIP = 1 / 20


def _every_construct() -> Report:
    """E/2025/28's chapter I with documentation under its agenda, subheadings and own notes in resolution
    68/1, and two agenda items on one label line."""
    report = cstd_docs.load(E28_EXAMPLE)
    first, second = report.chapters[0].sections
    decision = first.content[1]
    assert isinstance(decision, Decision)
    agenda = decision.paragraphs[-1]
    assert isinstance(agenda, ProvisionalAgenda)
    items = list(agenda.items)
    items[9] = attrs.evolve(items[9], documentation=[AgendaDocument("Note by the Secretariat", "E/CN.7/2026/1")])
    items[3] = attrs.evolve(items[3], sub_items=[attrs.evolve(items[3].sub_items[0], documentation=[
        AgendaDocument("Report of the Executive Director")]), *items[3].sub_items[1:]])
    decision = attrs.evolve(decision, paragraphs=(*decision.paragraphs[:-1], attrs.evolve(agenda, items=items)))
    resolution = second.content[1]
    assert isinstance(resolution, Resolution)
    operative: list[Operative] = list(resolution.operative)
    operative[0] = attrs.evolve(operative[0], heading="Taking stock")
    operative[2] = attrs.evolve(operative[2], heading=("The road ahead", Note("A note on the heading.")))
    resolution = attrs.evolve(resolution, operative=operative, note_numbering=NoteNumbering.OWN)
    sections = (attrs.evolve(first, content=(first.content[0], decision, *first.content[2:])),
                attrs.evolve(second, content=(second.content[0], resolution, *second.content[2:])))
    items_ = (AgendaItem(4, "Strategic management, budgetary and administrative questions"),
              AgendaItem(5, "Implementation of the international drug control treaties"))
    chapter = attrs.evolve(report.chapters[0], sections=sections)
    return attrs.evolve(report, chapters=(chapter,), agenda_items=items_, agenda_label=AgendaLabel.JOINED,
                        agenda_symbol="E/CN.7/2025/1")


@pytest.fixture(scope="module")
def report() -> Report:
    return _every_construct()


@pytest.fixture(scope="module")
def docx(tmp_path_factory: pytest.TempPathFactory, report: Report) -> Path:
    path = tmp_path_factory.mktemp("agendas") / "e28-every-construct.docx"
    cstd_docs.render_docx(report, path)
    return path


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory, report: Report) -> dict[str, Path]:
    require_tool("soffice")
    folder = tmp_path_factory.mktemp("agendas-pdf")
    out = {"e28": folder / "e28.pdf", "l6": folder / "l6.pdf"}
    render_pdf(report, out["e28"])
    render_pdf(cstd_docs.load(L6_EXAMPLE), out["l6"])
    return out


def test_open_xml_sdk_validator_finds_no_errors(docx: Path) -> None:
    tool = require_tool("ooxml-validator")
    result = subprocess.run([tool, str(docx)], capture_output=True, text=True, timeout=300, check=False)
    verdict = json.loads(result.stdout)
    assert verdict["errors"] == [] and verdict["ok"] is True


def test_shared_schema_validator_finds_no_errors(docx: Path) -> None:
    script = require_file(SHARED / "ooxml" / "validate.py", "the shared OOXML validator")
    result = subprocess.run(["python", str(script), str(docx)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "0 errors" in result.stdout, result.stdout + result.stderr


def _lines(pdf: Path) -> list[tuple[float, float, float, str]]:
    """Each line of the PDF: its left and right edges, its top, its words."""
    html = subprocess.run([require_tool("pdftotext"), "-bbox-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    out = []
    for found in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>(.*?)</line>', html, re.S):
        text = " ".join(re.findall(r"<word[^>]*>(.*?)</word>", found.group(4)))
        out.append((float(found.group(1)), float(found.group(3)), float(found.group(2)), text))
    return out


def _words(pdf: Path) -> list[tuple[float, str]]:
    html = subprocess.run([require_tool("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [(float(m.group(1)), m.group(2)) for m in re.finditer(r'<word xMin="([\d.]+)"[^>]*>(.*?)</word>', html)]


def test_libreoffice_lays_out_the_agenda_as_e2025_28_prints_it(pdfs: dict[str, Path], report: Report) -> None:
    """docs/layout-resolutions.md: item numbers at the text column and their text a step in, sub-item
    labels a step in and their text two; headings at the column, "***" centred."""
    page = LAYOUTS[report.layout].page
    column = (page.left + COLUMN) * POINTS_PER_TWIP
    step = FIRST_LINE * POINTS_PER_TWIP
    words = _words(pdfs["e28"])
    items = [(x, words[i + 1][0]) for i, (x, w) in enumerate(words)
             if re.fullmatch(r"\d{1,2}\.", w) and words[i + 1][1] in
             ("Election", "General", "Strategic", "Implementation", "Recommendations", "Other")]
    assert len(items) >= 5
    for number, text in items:
        assert number == pytest.approx(column, abs=1.5) and text == pytest.approx(column + step, abs=1.5)
    subs = [(x, words[i + 1][0]) for i, (x, w) in enumerate(words)
            if w in ("(a)", "(b)") and words[i + 1][1] in ("Work", "Directives", "Changes", "Challenges")]
    assert len(subs) == 4
    for label, text in subs:
        assert label == pytest.approx(column + step, abs=1.5) and text == pytest.approx(column + 2 * step, abs=1.5)
    lines = _lines(pdfs["e28"])
    segments = [left for left, _, _, text in lines if text in ("Operational segment", "Normative segment")]
    assert len(segments) == 2 and all(x == pytest.approx(column, abs=1.5) for x in segments)
    separator = next((left, right) for left, right, _, text in lines if text == "***")
    middle = column + (page.text_width - 2 * COLUMN) * POINTS_PER_TWIP / 2
    assert (separator[0] + separator[1]) / 2 == pytest.approx(middle, abs=1.5)


def test_libreoffice_keeps_the_l_documents_front_block_within_its_width(pdfs: dict[str, Path]) -> None:
    """E/CN.5/2025/L.6 wraps its agenda item's title at about half the page (docs/layout-resolutions.md)."""
    layout = LAYOUTS[cstd_docs.load(L6_EXAMPLE).layout]
    assert layout.front.width is not None
    left = layout.page.left * POINTS_PER_TWIP
    edge = left + layout.front.width * POINTS_PER_TWIP
    lines = _lines(pdfs["l6"])
    start = next(i for i, line in enumerate(lines) if line[3] == "Agenda item 3 (b) (iii)")
    title = [line for line in lines[start + 1:] if line[0] == pytest.approx(left, abs=1)]
    title = title[:next(i for i, line in enumerate(title) if "2002" in line[3]) + 1]
    assert len(title) >= 4  # the sample wraps it in five lines; across the page it took two
    assert all(right <= edge + 0.5 for _, right, _, _ in title) and max(r for _, r, _, _ in title) > edge - 40


def test_libreoffice_prints_the_submitted_by_line_at_the_body_size_in_bold(pdfs: dict[str, Path]) -> None:
    xml = subprocess.run([require_tool("pdftohtml"), "-xml", "-i", "-stdout", "-f", "1", "-l", "1",
                          str(pdfs["l6"])], capture_output=True, text=True, check=True).stdout
    sizes = {m.group(1): m.group(2) for m in re.finditer(r'<fontspec id="(\d+)" size="(\d+)"', xml)}
    texts = re.findall(r'<text [^>]*font="(\d+)"[^>]*>(.*?)</text>', xml)
    submitted = next((font, text) for font, text in texts if "Draft resolution submitted" in text)
    preamble = next(font for font, text in texts if "Recalling" in text or "adopted by the Second" in text)
    assert sizes[submitted[0]] == sizes[preamble] and "<b>" in submitted[1]


def test_a_libreoffice_resave_reads_back_identical(tmp_path: Path, docx: Path, report: Report) -> None:
    warnings: list[Problem] = []
    assert cstd_docs.read_docx(libreoffice_resave(docx, tmp_path), warnings=warnings) == report
    assert warnings == []


def _pandoc(source: Path | str, source_format: str) -> dict[str, object]:
    tool = require_tool("pandoc")
    if isinstance(source, Path):
        result = subprocess.run([tool, "-f", source_format, "-t", "json", str(source)], capture_output=True,
                                text=True, check=True)
    else:
        result = subprocess.run([tool, "-f", source_format, "-t", "json"], input=source, capture_output=True,
                                text=True, check=True)
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_pandoc_reads_the_agenda_from_word_and_markdown(docx: Path, report: Report) -> None:
    text = json.dumps(_pandoc(docx, "docx"), ensure_ascii=False)
    assert "Operational" in text and '"***"' in text.replace('"Str", "c": "***"', '"***"')
    ast = _pandoc(cstd_docs.render_markdown(report), "markdown")
    headers = [e for e in pandoc_elements(ast["blocks"]) if e["t"] == "Header"]
    levels = {json.dumps(h["c"][2], ensure_ascii=False): h["c"][0] for h in headers}  # type: ignore[index]
    assert any("Operational" in k and v == 3 for k, v in levels.items())
    assert any("Taking" in k and v == 3 for k, v in levels.items())
    assert any("Provisional" in k and v == 4 for k, v in levels.items())
    nested = [e for e in pandoc_elements(ast["blocks"]) if e["t"] == "BlockQuote"
              and any(c.get("t") == "BlockQuote" for c in e["c"])]  # type: ignore[union-attr]
    assert nested  # a sub-item's documentation, a quote in the quote
    assert not [e for e in pandoc_elements(ast["blocks"]) if e["t"] in ("OrderedList", "CodeBlock")]
