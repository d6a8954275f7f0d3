"""Independent programs read the Word writer's output: two validators, LibreOffice, pandoc.

Each test skips with its reason when its tool is missing, and fails instead under
CSTD_REQUIRE_INTEROP=1 (see tests/conftest.py).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import attrs
import pytest
from tests.conftest import SHARED, pandoc_elements, require_file, require_tool
from tests.docx.reports import JOB_NUMBER, SYMBOL, build_report

from cstd_docs.model import Report
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import ResolvedNote
from cstd_docs.writers.docx import render_docx
from cstd_docs.writers.pdf import render_pdf

pytestmark = pytest.mark.interop

VALIDATE_PY = SHARED / "ooxml" / "validate.py"
POINTS_PER_TWIP = 1 / 20
# docs/layout-geneva.md: A4, margins top 1418, bottom 1134, left 1134 twips; LAYOUT.md §4: the
# number of a numbered paragraph stands at 2 cm inside the left margin (1134 + 1134 twips).
TOP_MARGIN = 1418 * POINTS_PER_TWIP
BOTTOM_MARGIN = 1134 * POINTS_PER_TWIP
PARAGRAPH_NUMBER_X = (1134 + 1134) * POINTS_PER_TWIP
TEXT_AFTER_NUMBER_X = (1134 + 1701) * POINTS_PER_TWIP  # the first line goes on at 3 cm


# --- the files ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, reference_report: Report, large_report: Report,
          asterisk_report: Report) -> dict[str, Path]:
    """The reference example, a large report, asterisk marks, a user's reference .docx, Arabic, Chinese."""
    from docx.api import Document

    folder = tmp_path_factory.mktemp("interop")
    user = folder / "user-reference.docx"
    template = Document()
    template.styles["Normal"].font.name = "Arial"
    template.save(str(user))
    out = {}
    for name, report, reference in (
        ("example", reference_report, None),
        ("large", large_report, None),
        ("asterisks", asterisk_report, None),
        ("with-reference", build_report(), user),
        ("arabic", attrs.evolve(build_report(), language="ar"), None),
        ("chinese", attrs.evolve(build_report(), language="zh"), None),
    ):
        path = folder / f"{name}.docx"
        render_docx(report, path, reference_docx=reference)
        out[name] = path
    return out


FILES = ["example", "large", "asterisks", "with-reference", "arabic", "chinese"]


# --- validators ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", FILES)
def test_open_xml_sdk_validator_finds_no_errors(files: dict[str, Path], name: str) -> None:
    tool = require_tool("ooxml-validator")
    result = subprocess.run([tool, str(files[name])], capture_output=True, text=True, timeout=300, check=False)
    report = json.loads(result.stdout)
    assert report["errors"] == []
    assert report["ok"] is True


@pytest.mark.parametrize("name", FILES)
def test_shared_schema_validator_finds_no_errors(files: dict[str, Path], name: str) -> None:
    script = require_file(VALIDATE_PY, "the shared OOXML validator (../shared/ooxml/validate.py)")
    result = subprocess.run([sys.executable, str(script), str(files[name])], capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b0 errors\b", result.stdout)


# --- LibreOffice --------------------------------------------------------------------------------------
class Word:
    def __init__(self, text: str, x0: float, y0: float, x1: float, y1: float) -> None:
        self.text, self.x0, self.y0, self.x1, self.y1 = text, x0, y0, x1, y1


class Page:
    def __init__(self, width: float, height: float, words: list[Word]) -> None:
        self.width, self.height, self.words = width, height, words

    def band(self, top: float, bottom: float) -> list[Word]:
        return [w for w in self.words if w.y0 >= top and w.y1 <= bottom]


def _pages(pdf: Path) -> list[Page]:
    tool = require_tool("pdftotext")
    html = subprocess.run([tool, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for match in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        words = [
            Word(unescape(m.group(5)), *(float(m.group(i)) for i in range(1, 5)))
            for m in re.finditer(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', match.group(3)
            )
        ]
        pages.append(Page(float(match.group(1)), float(match.group(2)), words))
    return pages


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def _plain_text(pdf: Path) -> str:
    tool = require_tool("pdftotext")
    return subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def example_pdf(tmp_path_factory: pytest.TempPathFactory, reference_report: Report) -> Path:
    require_tool("soffice")
    path = tmp_path_factory.mktemp("pdf") / "example.pdf"
    render_pdf(reference_report, path)
    return path


@pytest.fixture(scope="module")
def symbol_pdf(tmp_path_factory: pytest.TempPathFactory, symbol_report: Report) -> Path:
    require_tool("soffice")
    path = tmp_path_factory.mktemp("pdf") / "symbol.pdf"
    render_pdf(symbol_report, path)
    return path


def test_pdf_holds_paragraph_numbers_1_to_33_in_order_at_2_cm(example_pdf: Path) -> None:
    """A number at 2 cm whose line goes on at 3 cm (a wrapped line starting "2022." does not)."""
    numbers = []
    for page in _pages(example_pdf):
        for word in page.words:
            if re.fullmatch(r"\d+\.", word.text) and abs(word.x0 - PARAGRAPH_NUMBER_X) < 1.5:
                line = [w for w in page.words if abs(w.y0 - word.y0) < 1]
                if any(abs(w.x0 - TEXT_AFTER_NUMBER_X) < 1.5 for w in line):
                    numbers.append(int(word.text[:-1]))
    assert numbers == list(range(1, 34))


def _squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _note_text(note: ResolvedNote) -> str:
    return "".join(r if isinstance(r, str) else r.text for r in note.text)


def test_pdf_holds_every_note_text_in_order(example_pdf: Path, reference_report: Report) -> None:
    text = _squeeze(_plain_text(example_pdf))
    notes = resolve(reference_report).notes
    assert len(notes) == 37
    position = 0
    for index, note in enumerate(notes, start=1):
        found = text.find(_squeeze(_note_text(note)), position)
        assert found >= 0, f"note {index} ({_note_text(note)[:50]!r}) missing or out of order"
        position = found + 1


def test_pdf_page_1_has_no_page_number_and_later_pages_do(example_pdf: Path) -> None:
    pages = _pages(example_pdf)
    assert len(pages) >= 3
    footer = [page.band(page.height - BOTTOM_MARGIN, page.height) for page in pages]
    assert footer[0] == []
    # Even pages number at the left, odd pages at the right (LAYOUT.md §6).
    assert [w.text for w in footer[1]] == ["2"]
    assert footer[1][0].x1 < pages[1].width / 2
    assert [w.text for w in footer[2]] == ["3"]
    assert footer[2][0].x0 > pages[2].width / 2


def test_pdf_page_2_carries_the_running_head_even_left_odd_right(symbol_pdf: Path) -> None:
    pages = _pages(symbol_pdf)
    head = [page.band(0, TOP_MARGIN) for page in pages]
    assert [w.text for w in head[1]] == [SYMBOL]
    assert head[1][0].x0 < pages[1].width / 2
    assert [w.text for w in head[2]] == [SYMBOL]
    assert head[2][0].x1 > pages[2].width / 2
    # Page 1: no page number; its footer holds only the job number.
    footer = " ".join(w.text for w in pages[0].band(pages[0].height - BOTTOM_MARGIN, pages[0].height))
    assert footer == JOB_NUMBER


def test_preview_writes_png_images_of_the_first_pages(tmp_path: Path, reference_report: Report) -> None:
    require_tool("soffice")
    require_tool("pdftoppm")
    from cstd_docs.writers.pdf import preview

    written = preview(reference_report, tmp_path, pages=2)
    assert [p.name for p in written] == ["page-1.png", "page-2.png"]
    for path in written:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_parallel_pdf_renders_do_not_collide(tmp_path: Path, reference_report: Report) -> None:
    require_tool("soffice")
    from concurrent.futures import ThreadPoolExecutor

    targets = [tmp_path / f"copy-{i}.pdf" for i in range(3)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(lambda target: render_pdf(reference_report, target), targets))
    assert all(t.read_bytes().startswith(b"%PDF") for t in targets)


# --- pandoc -------------------------------------------------------------------------------------------
def _stringify(inlines: list[dict[str, object]]) -> str:
    out: list[str] = []
    for item in inlines:
        kind, content = item["t"], item.get("c")
        if kind == "Str":
            out.append(str(content))
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in ("Emph", "Strong", "Superscript", "Subscript", "SmallCaps", "Underline", "Strikeout"):
            out.append(_stringify(content))  # type: ignore[arg-type]
        elif kind in ("Span", "Link"):
            out.append(_stringify(content[1]))  # type: ignore[index]
        elif kind == "Quoted":
            quote = '"' if content[0]["t"] == "DoubleQuote" else "'"  # type: ignore[index]
            out.append(quote + _stringify(content[1]) + quote)  # type: ignore[index]
        elif kind == "Code":
            out.append(content[1])  # type: ignore[index]
    return "".join(out)


def _pandoc_notes(document: dict[str, object]) -> list[str]:
    return [
        " ".join(_stringify(b["c"]) for b in note["c"] if b["t"] in ("Para", "Plain"))  # type: ignore[attr-defined]
        for note in pandoc_elements(document["blocks"], into_notes=False)
        if note["t"] == "Note"
    ]


def test_pandoc_reads_the_37_notes_with_their_texts_in_order(files: dict[str, Path], reference_report: Report) -> None:
    tool = require_tool("pandoc")
    result = subprocess.run([tool, "-f", "docx", "-t", "json", str(files["example"])], capture_output=True,
                            text=True, check=True, timeout=300)
    notes = _pandoc_notes(json.loads(result.stdout))
    expected = [" ".join(_note_text(n).split()) for n in resolve(reference_report).notes]
    assert len(notes) == 37
    assert [" ".join(n.split()) for n in notes] == expected


def test_pandoc_reads_italics_in_notes_and_text(files: dict[str, Path]) -> None:
    tool = require_tool("pandoc")
    markdown = subprocess.run([tool, "-f", "docx", "-t", "markdown", str(files["asterisks"])], capture_output=True,
                              text=True, check=True, timeout=300).stdout
    assert "*Italic Title 1*" in markdown
    # Every note of the large report's kind comes back, automatic and custom-marked alike.
    notes = re.findall(r"^\[\^\d+\]:", markdown, re.M)
    assert len(notes) == len(resolve(build_report(asterisks=True)).notes)

