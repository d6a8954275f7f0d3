"""Independent programs read bullets, indented lines, headings without numerals and bold italic (issue 13).

One report, written once for the module: the example (examples/lists-and-lines.json) and a
chapter with the issue-12 cases (unnumbered text typed "12." TAB …, and text starting with a
tab). Both OOXML validators; pandoc on the Word file and on the Markdown; LibreOffice's PDF,
measured with poppler; a LibreOffice re-save read back.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from tests.conftest import EXAMPLES, SHARED, pandoc_elements, require_file, require_tool
from tests.readers.helpers import libreoffice_resave

import cstd_docs
from cstd_docs.model import Chapter, Paragraph, Report, UnnumberedText

pytestmark = pytest.mark.interop

VALIDATE_PY = SHARED / "ooxml" / "validate.py"
#: One step of indented lines, and where a bullet stands before the text column: list_styles' twips in points.
STEP = 475 / 20
BULLET_OFFSETS = {1: (1701 - 170 - 1134) / 20, 2: (2268 - 170 - 1134) / 20}


@pytest.fixture(scope="module")
def report() -> Report:
    example = cstd_docs.load(EXAMPLES / "lists-and-lines.json")
    issue_12 = Chapter("Typed numbers", [Paragraph("First."), UnnumberedText("12.\tTyped number, not a paragraph."),
                                         UnnumberedText("\tA tab first, not code."), Paragraph("Second.")])
    return attrs.evolve(example, chapters=(*example.chapters, issue_12))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, report: Report) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("lists-and-lines")
    docx, markdown = folder / "lists.docx", folder / "lists.md"
    cstd_docs.render_docx(report, docx)
    markdown.write_text(cstd_docs.render_markdown(report, embed_source=False), encoding="utf-8")
    return {"docx": docx, "md": markdown, "folder": folder}


def _pandoc(path: Path, source: str) -> list[dict[str, object]]:
    tool = require_tool("pandoc")
    result = subprocess.run([tool, "-f", source, "-t", "json", str(path)], capture_output=True, text=True,
                            check=True, timeout=300)
    return json.loads(result.stdout)["blocks"]  # type: ignore[no-any-return]


def _text(node: object) -> str:
    """The words of a pandoc element, spaces as spaces."""
    parts = []
    for element in pandoc_elements(node):
        if element["t"] == "Str":
            parts.append(str(element["c"]))
        elif element["t"] in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
    return "".join(parts)


def _lists(blocks: list[dict[str, object]]) -> list[list[tuple[str, list[str]]]]:
    """Each top-level bullet list: its items' own words, with the words of the items of their nested list."""
    out = []
    for block in blocks:
        if block["t"] != "BulletList":
            continue
        items = []
        for item in block["c"]:  # type: ignore[attr-defined]
            own = " ".join(_text(b) for b in item if b["t"] != "BulletList")
            nested = [_text(sub) for b in item if b["t"] == "BulletList" for sub in b["c"]]
            items.append((own, nested))
        out.append(items)
    return out


def _expected_lists(report: Report) -> list[list[tuple[str, list[str]]]]:
    from cstd_docs.model import Bullet, plain_text

    lists: list[list[tuple[str, list[str]]]] = []
    previous = False
    for chapter in report.chapters:
        for part in (chapter, *chapter.sections):
            for block in part.content:
                if isinstance(block, Bullet):
                    if not previous:
                        lists.append([])
                    lists[-1].append((plain_text(block.bullet), [plain_text(b.bullet) for b in block.bullets]))
                previous = isinstance(block, Bullet)
    return lists


def test_both_validators_find_no_errors(files: dict[str, Path]) -> None:
    tool = require_tool("ooxml-validator")
    result = subprocess.run([tool, str(files["docx"])], capture_output=True, text=True, timeout=300, check=False)
    assert json.loads(result.stdout)["errors"] == []
    script = require_file(VALIDATE_PY, "the shared OOXML validator (../shared/ooxml/validate.py)")
    result = subprocess.run([sys.executable, str(script), str(files["docx"])], capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b0 errors\b", result.stdout)


def test_pandoc_reads_the_word_files_bullets_as_nested_lists_and_bold_italic(files: dict[str, Path],
                                                                              report: Report) -> None:
    blocks = _pandoc(files["docx"], "docx")
    expected = _expected_lists(report)
    assert [len(items) for items in expected] == [6, 2]
    assert _lists(blocks) == expected
    strong_n = [e for e in pandoc_elements(blocks) if e["t"] == "Strong" and any(
        inner["t"] == "Emph" and _text(inner) == "N" for inner in pandoc_elements(e["c"]))]
    emph_n = [e for e in pandoc_elements(blocks) if e["t"] == "Emph" and any(
        inner["t"] == "Strong" and _text(inner) == "N" for inner in pandoc_elements(e["c"]))]
    assert len(strong_n) + len(emph_n) == 3  # the three titles' bold italic "N"
    heading = next(b for b in blocks if "Agenda items 7 and 8" in _text(b))
    assert any(e["t"] == "LineBreak" for e in pandoc_elements(heading))
    assert not _text(heading).startswith(("I", "II"))
    words = [_text(b) for b in blocks if b["t"] == "Para"]
    assert "Chair:" in words and "Georges-Simon Ulrich (Switzerland)" in words


def test_pandoc_reads_the_markdown_as_lists_line_blocks_and_plain_paragraphs(files: dict[str, Path],
                                                                             report: Report) -> None:
    blocks = _pandoc(files["md"], "markdown")
    assert _lists(blocks) == _expected_lists(report)
    line_blocks = [[_text(line) for line in b["c"]] for b in blocks if b["t"] == "LineBlock"]  # type: ignore[union-attr]
    assert line_blocks == [["Chair:", "\u00a0" * 4 + "Georges-Simon Ulrich (Switzerland)"],
                           ["Vice-Chairs:", *("\u00a0" * 4 + name for name in (
                               "Graciela Márquez Colín (Mexico)", "Hyoung Il Lee (Republic of Korea)",
                               "Apolonija Oblak Flander (Slovenia)"))],
                           ["Rapporteur:", "\u00a0" * 4 + "Andrew Bob Johnny (Sierra Leone)"]]
    headers = [_text(b) for b in blocks if b["t"] == "Header" and b["c"][0] == 2]  # type: ignore[index]
    assert headers[1].startswith("Agenda items 7 and 8") and headers[2].startswith("II. ")
    assert any(e["t"] == "Strong" and any(i["t"] == "Emph" for i in pandoc_elements(e["c"]))
               for e in pandoc_elements(blocks))
    assert not [b for b in blocks if b["t"] == "CodeBlock"]  # the text that starts with a tab (issue 12)
    paras = [_text(b) for b in blocks if b["t"] == "Para"]
    assert "12. Typed number, not a paragraph." in paras and "\tA tab first, not code." in paras


def _lines(pdf: Path) -> list[tuple[float, float, str]]:
    """(x, y, words) of every line poppler finds, in points."""
    tool = require_tool("pdftotext")
    html = subprocess.run([tool, "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    out = []
    for page, body in enumerate(re.findall(r"<page .*?</page>", html, re.S)):
        for found in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)</line>', body, re.S):
            words = " ".join(re.findall(r">([^<]*)</word>", found.group(3)))
            out.append((float(found.group(1)), page * 10_000 + float(found.group(2)), words))
    return out


def test_libreoffice_prints_bullets_and_lines_where_the_styles_put_them(files: dict[str, Path]) -> None:
    soffice = require_tool("soffice")
    out = files["folder"] / "pdf"
    subprocess.run([soffice, f"-env:UserInstallation={(files['folder'] / 'lo-pdf').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(files["docx"])],
                   capture_output=True, timeout=300, check=False)
    lines = _lines(out / "lists.pdf")

    def line(start: str) -> tuple[float, float, str]:
        return next(entry for entry in lines if entry[2].startswith(start))

    column = line("3.")[0]  # a paragraph's number stands at the text column
    chair, name, vice = line("Chair:"), line("Georges-Simon Ulrich"), line("Vice-Chairs:")
    assert abs(chair[0] - column) < 0.5 and abs(name[0] - column - STEP) < 0.5  # E/2025/24: 23.76 pt in
    assert abs(name[1] - chair[1] - 12) < 0.5 and abs(vice[1] - name[1] - 18) < 0.5  # 6 pt after the block only
    assert abs(line("• Arab Institute")[0] - column - BULLET_OFFSETS[1]) < 0.5
    assert abs(line("– Decision 68/1")[0] - column - BULLET_OFFSETS[2]) < 0.5
    heading = line("Agenda items 7 and 8")
    assert not any(abs(y - heading[1]) < 1 and x < heading[0] for x, y, _ in lines)  # nothing printed before it


def test_a_libreoffice_resave_reads_back_as_the_report(files: dict[str, Path], report: Report) -> None:
    resaved = libreoffice_resave(files["docx"], files["folder"])
    warnings: list[object] = []
    assert cstd_docs.read_docx(resaved, warnings=warnings) == report  # "12." TAB … stays unnumbered (issue 12)
    assert warnings == []
