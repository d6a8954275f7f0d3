"""Markdown: compared with the reference report paragraph by paragraph and note by note.

The reference text is the printed report converted to text, with known debris (lost
paragraph numbers and note marks, notes interrupting paragraphs at page ends). Both
sides are reduced to words in the same way, so the comparison checks our wording and
order, not the converter's accidents.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from tests.conftest import REFERENCE_TEXT, pandoc_elements, require_file, require_tool

import cstd_docs
from cstd_docs.writers.markdown import render_markdown

_NOTE_LINE = re.compile(r"^(?:<sup>&</sup>lt;sup>(\d+)</sup>|<sup>(\d+)</sup>|(\d+)) (.+)$")


def _words(text: str) -> str:
    """Text without markup, note marks or standalone numbers (lost marks look like "organization 10")."""
    text = re.sub(r"<sup>[^<]*</sup>(?:lt;sup>\d+</sup>)?", " ", text)
    text = re.sub(r"\[\^[^\]]+\]", " ", text)
    text = re.sub(r"\\(.)", r"\1", text)  # Markdown escapes
    text = text.replace("*", "")
    text = re.sub(r"(?<![\w.,–-])\d+(?![\w–-])", " ", text)
    return " ".join(text.split())


def parse_reference() -> tuple[str, list[str]]:
    """The body as one run of words, and the notes in order (a number-less note between notes is one)."""
    lines = [line.strip() for line in REFERENCE_TEXT.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    # Notes start after the title: above it, "1 February 2022" is a date, not note 1.
    title = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines = lines[title:]
    is_note = [bool(_NOTE_LINE.match(line)) for line in lines]
    notes: list[str] = []
    body: list[str] = []
    for index, line in enumerate(lines):
        sandwiched = 0 < index < len(lines) - 1 and is_note[index - 1] and is_note[index + 1]
        match = _NOTE_LINE.match(line)
        if match:
            notes.append(match.group(4))
        elif sandwiched:  # the conversion dropped this note's number
            notes.append(line)
        else:
            body.append(re.sub(r"^(?:#+|-)\s*", "", line))
    return _words(" ".join(body)), notes


@pytest.fixture(scope="module")
def markdown(reference_report) -> str:  # type: ignore[no-untyped-def]
    return render_markdown(reference_report)


def test_reference_notes_parse_as_37() -> None:
    require_file(REFERENCE_TEXT, "the reference report")
    _, notes = parse_reference()
    assert len(notes) == 37


def test_every_note_matches_the_reference_in_order(markdown: str) -> None:
    require_file(REFERENCE_TEXT, "the reference report")
    _, reference_notes = parse_reference()
    ours = re.findall(r"^\[\^(\d+)\]: (.*)$", markdown, flags=re.M)
    assert [mark for mark, _ in ours] == [str(n) for n in range(1, 38)]
    assert [re.sub(r"\\(.)", r"\1", text) for _, text in ours] == reference_notes


def test_every_paragraph_matches_the_reference_in_order(markdown: str) -> None:
    require_file(REFERENCE_TEXT, "the reference report")
    reference_body, _ = parse_reference()
    paragraphs = re.findall(r"^(\d+)\\\. (.*)$", markdown, flags=re.M)
    assert [int(n) for n, _ in paragraphs] == list(range(1, 34))
    blocks = re.findall(r"^(?:\d+\\\.|\\\([a-z]+\)|#+ [IVX]+\.) (.*)$", markdown, flags=re.M)
    assert len(blocks) > len(paragraphs), "paragraphs, subparagraphs and chapter headings"
    position = 0
    for block in blocks:
        words = _words(block)
        found = reference_body.find(words, position)
        assert found >= 0, f"not in the reference (in order): {words[:120]!r}"
        position = found + len(words)


def test_structure_of_the_official_report(markdown: str) -> None:
    assert markdown.startswith("**United Nations**")
    assert "Distr.: General\\\n1 February 2022\\\nEnglish only" in markdown
    assert "\n# Report of the intersessional panel meeting\n" in markdown
    assert "\n## I. Introduction\n" in markdown
    assert "\n### A. Industry 4.0 for inclusive development\n" in markdown
    assert "\n#### 1. Main findings\n" in markdown
    assert "\n\\(a) Industry 4.0 for inclusive development;\n" in markdown
    assert "*Road Map for Digital Cooperation*" in markdown


@pytest.mark.interop
def test_pandoc_reads_all_notes_with_their_texts(markdown: str) -> None:
    pandoc = require_tool("pandoc")
    ast = json.loads(subprocess.run([pandoc, "-f", "markdown", "-t", "json"], input=markdown, text=True,
                                    capture_output=True, check=True).stdout)
    notes: list[str] = []
    ordered_lists = 0

    def text_of(node: object) -> str:
        if isinstance(node, dict):
            if node.get("t") == "Str":
                # pandoc's "smart" reading joins "Ms. Maria" with a no-break space.
                return str(node["c"]).replace("\xa0", " ")
            if node.get("t") in ("Space", "SoftBreak"):
                return " "
            return "".join(text_of(v) for v in node.values())
        if isinstance(node, list):
            return "".join(text_of(v) for v in node)
        return ""

    for element in pandoc_elements(ast["blocks"], into_notes=False):
        if element["t"] == "Note":
            notes.append(text_of(element["c"]))
        elif element["t"] == "OrderedList":
            ordered_lists += 1
    assert len(notes) == 37
    assert notes[5] == "Ms. Maria Basso, Lead, Advanced Manufacturing and Production, World Economic Forum."
    assert notes[1] == "See https://unctad.org/meeting/cstd-2021-2022-inter-sessional-panel."
    assert ordered_lists == 0, "a renderer would renumber our paragraphs"


def test_user_template_overrides_a_packaged_one(tmp_path, reference_report) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "macros.md.j2").write_text(
        "{% macro masthead(mh) %}MASTHEAD {{ mh.date }}{% endmacro %}"
        "{% macro front(fr) %}{{ fr.session }}{% endmacro %}"
        "{% macro block(b) %}[{{ b.kind }}]{% endmacro %}",
        encoding="utf-8",
    )
    text = render_markdown(reference_report, template_dir=tmp_path)
    assert text.startswith("MASTHEAD 1 February 2022\n\nTwenty-fifth session\n")
    assert text.count("[paragraph]") == 33


def test_unnumbered_text_that_looks_like_a_label_stays_unnumbered() -> None:
    # Escaped like a label ("1\\.", "\\(a)") it read back as a paragraph or subparagraph; the
    # writer now gives its first character as a reference ("&#49;. x"), which renders the same.
    data = {
        "masthead": {"date": "2022-02-01"}, "body": "B",
        "session": {"number": 25, "place": "Geneva", "start": "2022-03-28", "end": "2022-04-01"},
        "title": "T &amp; U",
        "chapters": [{"title": "C", "content": [
            {"text": "First &#49; x."}, {"unnumbered": "1. x"}, {"unnumbered": "(a) y"}, {"unnumbered": "a) z"},
            {"unnumbered": "- dash"}]}],
    }
    report = cstd_docs.loads(json.dumps(data))
    text = cstd_docs.render_markdown(report)
    assert "\n&#49;. x\n" in text and "\n&#40;a) y\n" in text
    assert cstd_docs.read_markdown(text) == report
    bare = cstd_docs.render_markdown(report, embed_source=False)
    assert cstd_docs.render_markdown(cstd_docs.read_markdown(bare), embed_source=False) == bare
