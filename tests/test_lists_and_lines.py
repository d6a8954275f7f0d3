"""Bulleted lists, indented lines, headings without numerals and bold italic text (issue 13), in every layer.

The example (examples/lists-and-lines.json) takes its text from E/2025/24 (the officers elected,
the observers, two agenda items under one heading) and E/2025/28 (the scheduling decisions,
whose titles print the "N" bold italic); its words are compared with the samples'. The
independent programs' view is in tests/docx/test_lists_and_lines_interop.py.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path

import attrs
import pytest
from tests.conftest import EXAMPLES, SHARED, require_file
from tests.docx.reading import NS, Docx, text_of, val, w
from tests.ooxml import zip_package

import cstd_docs
from cstd_docs.errors import ReportError
from cstd_docs.jsonio.converter import converter
from cstd_docs.model import (
    Block,
    Bullet,
    Chapter,
    CrossRef,
    Emphasis,
    IndentedLines,
    Inlines,
    Line,
    Masthead,
    Paragraph,
    Report,
    Section,
    Session,
    Strong,
    StrongEmphasis,
    Subsection,
    UnnumberedText,
    plain_text,
)
from cstd_docs.readers.markdown_inline import parse_runs
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import BulletItem, Heading, LineItem, NumberedParagraph
from cstd_docs.writers.docx import docx_bytes
from cstd_docs.writers.markdown import runs

EXAMPLE = EXAMPLES / "lists-and-lines.json"
SAMPLES = SHARED / "samples"


@pytest.fixture(scope="module")
def example() -> Report:
    return cstd_docs.load(EXAMPLE)


def _report(*chapters: Chapter) -> Report:
    return Report(masthead=Masthead(symbol="E/CN.16/2026/2", date=datetime.date(2026, 2, 2)), body="Commission",
                  session=Session(29, "Geneva", datetime.date(2026, 4, 13), datetime.date(2026, 4, 17)),
                  title="Report", chapters=chapters)


def _without_source(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return zip_package([(n, z.read(n)) for n in z.namelist() if not n.startswith("customXml/")])


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


# --- JSON ------------------------------------------------------------------------------------------
def test_the_json_of_each_construct_reads_and_writes_back() -> None:
    c = converter()
    data = [
        {"bullet": ["Item ", {"strong_emphasis": "N"}], "bullets": [{"bullet": "second level"}]},
        {"lines": [{"line": [{"emphasis": "Chair"}, ":"], "indent": 0}, {"line": "Georges-Simon Ulrich"}]},
    ]
    blocks = [c.structure(item, Block) for item in data]
    assert blocks == [Bullet(("Item ", StrongEmphasis("N")), bullets=(Bullet("second level"),)),
                      IndentedLines((Line((Emphasis("Chair"), ":"), indent=0), Line("Georges-Simon Ulrich")))]
    assert [c.unstructure(b, type(b)) for b in blocks] == data
    chapter = c.structure({"title": "Agenda items 1 and 2", "numbered": False}, Chapter)
    assert chapter.numbered is False
    assert "numbered" not in c.unstructure(Chapter("Introduction"), Chapter)  # files without it stay as they are


def test_emphasis_holding_a_list_is_refused_with_the_bold_italic_object_as_fix(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    data = converter().unstructure(_report(Chapter("T", [Paragraph("x")])), Report)
    data["chapters"][0]["content"][0]["text"] = ["a ", {"emphasis": ["The ", {"strong": "Road"}]}]
    import json

    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ReportError) as raised:
        cstd_docs.load(path)
    message = str(raised.value)
    assert "$.chapters[0].content[0].text[1]" in message and "strong_emphasis" in message


# --- checks ---------------------------------------------------------------------------------------
def test_wrong_lists_lines_and_references_are_refused_where_they_are() -> None:
    report = _report(
        Chapter("Agenda items 1 and 2", [
            Paragraph(["See ", CrossRef("unnumbered-heading"), " and ", CrossRef("a-bullet"), "."]),
            Bullet("one", id="a-bullet", bullets=(Bullet("two", bullets=(Bullet("three"),)),)),
            IndentedLines((Line("Chair:", indent=3),)),
            IndentedLines(()),
        ], id="unnumbered-heading", numbered=False),
    )
    with pytest.raises(ReportError) as raised:
        resolve(report)
    message = str(raised.value)
    assert "$.chapters[0].content[1].bullets[0].bullets: bullets nest two levels deep at most" in message
    assert "$.chapters[0].content[2].lines[0].indent: an indent of 3 steps" in message
    assert "$.chapters[0].content[3].lines: indented lines hold no line" in message
    assert "'unnumbered-heading' is a heading that prints no numeral" in message
    assert "'a-bullet' is unnumbered text" in message


# --- resolution -----------------------------------------------------------------------------------
def test_numbered_headings_count_without_the_unnumbered_and_paragraphs_run_on() -> None:
    report = _report(
        Chapter("First", [Paragraph("one")]),
        Chapter("Agenda items 2 and 3\nGeneral debate", [Paragraph("two"), Bullet("a bullet")], numbered=False,
                sections=[Section("Lettered", [Paragraph("three")]), Section("Not lettered", [Paragraph("four")],
                          numbered=False, subsections=[Subsection("x", [Paragraph("five")], numbered=False),
                                                       Subsection("y", [Paragraph("six")])]),
                          Section("Lettered too", [Paragraph("seven")])]),
        Chapter("Second", [Paragraph("eight")]),
    )
    resolved = resolve(report)
    headings = [(b.level.value, b.number) for b in resolved.blocks if isinstance(b, Heading)]
    assert headings == [("chapter", "I."), ("chapter", ""), ("section", "A."), ("section", ""),
                        ("subsection", ""), ("subsection", "1."), ("section", "B."), ("chapter", "II.")]
    numbers = [b.number for b in resolved.blocks if isinstance(b, NumberedParagraph)]
    assert numbers == [f"{n}." for n in range(1, 9)]
    unnumbered = next(b for b in resolved.blocks if isinstance(b, Heading) and not b.number)
    assert unnumbered.caption is None  # New York prints no "Chapter" line over it


def test_bullets_know_their_level_and_lines_the_last_of_their_block(example: Report) -> None:
    resolved = resolve(example)
    bullets = [(b.level, plain_text(b.origin.bullet)) for b in resolved.blocks  # type: ignore[union-attr]
               if isinstance(b, BulletItem)]
    assert [level for level, _ in bullets] == [1] * 6 + [1, 2, 2, 2, 2, 1, 2, 2]
    lines = [(b.indent, b.last) for b in resolved.blocks if isinstance(b, LineItem)]
    assert lines == [(0, False), (1, True), (0, False), (1, False), (1, False), (1, True), (0, False), (1, True)]


# --- the example against its samples ----------------------------------------------------------------
def test_the_example_prints_the_samples_words(example: Report) -> None:
    """The officers, the observers and the paragraphs are E/2025/24's words; the decisions' titles E/2025/28's."""
    e24 = _words(require_file(SAMPLES / "E_2025_24.txt", "the E/2025/24 sample").read_text(encoding="utf-8"))
    e28 = _words(require_file(SAMPLES / "E_2025_28.txt", "the E/2025/28 sample").read_text(encoding="utf-8"))
    organization = example.chapters[0]
    officers = [b for b in organization.sections[2].content if isinstance(b, IndentedLines)]
    assert len(officers) == 3
    for block in officers:
        label, *names = block.lines
        assert _words(f"{plain_text(label.line)} {' '.join(plain_text(n.line) for n in names)}") in e24
    observers = [plain_text(b.bullet) for b in organization.sections[3].content if isinstance(b, Bullet)]
    assert len(observers) == 6
    for observer in observers:  # the sample lists them in running text, "…; and Eurasian Economic Commission."
        assert f"{observer.rstrip(';.')}{observer[-1]}" in e24, observer
    paragraphs = [b for chapter in example.chapters[:2] for part in (chapter, *chapter.sections)
                  for b in part.content if isinstance(b, Paragraph)]
    assert len(paragraphs) >= 8
    squeezed = re.sub(r"\s", "", e24)  # the sample breaks its URL and some hyphenated words with a space
    for paragraph in paragraphs:
        assert re.sub(r"\s", "", plain_text(paragraph.text)) in squeezed, plain_text(paragraph.text)
    decisions = [b for group in example.chapters[2].content if isinstance(group, Bullet) for b in group.bullets]
    assert len(decisions) == 6
    for decision in decisions:
        title = plain_text(decision.bullet).split(": ", 1)[1]
        assert _words(title) in e28, title
        assert any(isinstance(i, StrongEmphasis) for i in decision.bullet) == ("N-" in title)


# --- Markdown ---------------------------------------------------------------------------------------
def test_bold_italic_is_nested_as_commonmark_reads_it_and_read_back() -> None:
    cases = [
        (("a ", Emphasis("The "), StrongEmphasis("Road"), Emphasis(" Map")), "a *The **Road** Map*"),
        ((Strong("Inclusion of "), StrongEmphasis("N"), Strong("-pyrrolidino")), "**Inclusion of *N*-pyrrolidino**"),
        ((StrongEmphasis("both"),), "***both***"),
        ((Emphasis("Road"), StrongEmphasis("Map")), "*Road**Map***"),
    ]
    for inlines, printed in cases:
        assert runs(inlines) == printed
        assert tuple(parse_runs(printed, {}, [])) == inlines
    assert len(cases) == 4


def test_markdown_prints_tight_lists_line_blocks_and_headings_without_numerals(example: Report) -> None:
    text = cstd_docs.render_markdown(example, embed_source=False)
    assert ("- Arab Institute for Training and Research in Statistics;\n- Bank for International Settlements;\n"
            in text)
    assert "- Single Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol:\n  - **Decision 68/1: " \
           "Inclusion of *N*-pyrrolidino protonitazene in Schedule I**\n" in text
    assert "| *Vice-Chairs*:\n|     Graciela Márquez Colín (Mexico)\n|     Hyoung Il Lee (Republic of Korea)\n" in text
    assert "|     Georges-Simon Ulrich (Switzerland)\n\n| *Vice-Chairs*:" in text  # two blocks, two line blocks
    assert "\n## Agenda items 7 and 8<br>Provisional agenda and dates" in text
    assert "\n## II. Changes in the scope of control of substances\n" in text


def test_a_heading_without_numeral_whose_first_word_reads_as_one_is_escaped() -> None:
    report = _report(Chapter("Opening", [Paragraph("x")],
                             sections=[Section("2030 Agenda for Sustainable Development", [Paragraph("y")],
                                               numbered=False),
                                       Section("A way forward", [Paragraph("z")], numbered=False)]))
    text = cstd_docs.render_markdown(report, embed_source=False)
    assert "### &#50;030 Agenda for Sustainable Development" in text and "### &#65; way forward" in text
    read = cstd_docs.read_markdown(text)
    assert [(s.title, s.numbered) for s in read.chapters[0].sections] == [  # type: ignore[union-attr]
        (("2030 Agenda for Sustainable Development",), False), (("A way forward",), False)]


def test_markdown_reads_every_construct_back_with_and_without_its_source(example: Report) -> None:
    warnings: list[object] = []
    assert cstd_docs.read_markdown(cstd_docs.render_markdown(example), warnings=warnings) == example
    assert warnings == []
    alone = cstd_docs.read_markdown(cstd_docs.render_markdown(example, embed_source=False), warnings=warnings)
    assert warnings == []
    _same_shape(alone, example)


def test_a_hand_written_markdown_list_and_line_block_read_as_bullets_and_lines() -> None:
    text = ("# Report\n\n## I. Opening\n\n1\\. The Commission invited:\n\n"
            "* first;\n    continued\n  + second level\n- second\n\n"
            "| Chair:\n|     Jane Doe (Chile)\n|         Deputy\n\n2\\. Closing.\n")
    warnings: list[object] = []
    read = cstd_docs.read_markdown(text, warnings=warnings)
    content = read.chapters[0].content
    assert content[1] == Bullet("first; continued", bullets=(Bullet("second level"),))
    assert content[2] == Bullet("second")
    assert content[3] == IndentedLines((Line("Chair:", indent=0), Line("Jane Doe (Chile)"), Line("Deputy", indent=2)))
    assert isinstance(content[4], Paragraph)
    assert [str(x) for x in warnings if "bullet" in str(x) or "a line" in str(x)] == []  # the masthead's are expected


# --- Word -------------------------------------------------------------------------------------------
def test_word_styles_list_definition_and_paragraphs(example: Report) -> None:
    doc = Docx(docx_bytes(example))
    for ident, name, left in (("Bullet1G", "_Bullet 1_G", "1701"), ("Bullet2G", "_Bullet 2_G", "2268"),
                              ("Line0G", "_ Line 0_G", "1134"), ("Line1G", "_ Line 1_G", "1609"),
                              ("Line2G", "_ Line 2_G", "2084")):
        style = doc.style(ident)
        assert val(style.find("w:name", NS)) == name
        assert style.find("w:pPr/w:ind", NS).get(w("left")) == left  # type: ignore[union-attr]
    numbering = doc.xml("word/numbering.xml")
    levels = numbering.findall("w:abstractNum/w:lvl", NS)
    assert [val(lvl.find("w:lvlText", NS)) for lvl in levels] == ["\u2022", "\u2013"]
    assert [val(lvl.find("w:numFmt", NS)) for lvl in levels] == ["bullet", "bullet"]
    num_id = numbering.find("w:num", NS).get(w("numId"))  # type: ignore[union-attr]
    paragraphs = doc.document.findall(".//w:body/w:p", NS)
    bullets = [p for p in paragraphs if val(p.find("w:pPr/w:pStyle", NS)) in ("Bullet1G", "Bullet2G")]
    assert len(bullets) == 14
    assert {val(p.find("w:pPr/w:numPr/w:numId", NS)) for p in bullets} == {num_id}
    lines = [p for p in paragraphs if (val(p.find("w:pPr/w:pStyle", NS)) or "").startswith("Line")]
    spaced = [text_of(p) for p in lines if p.find("w:pPr/w:spacing", NS) is not None]
    assert spaced == ["Georges-Simon Ulrich (Switzerland)", "Apolonija Oblak Flander (Slovenia)",
                      "Andrew Bob Johnny (Sierra Leone)"]
    title = next(p for p in paragraphs if "Agenda items 7 and 8" in text_of(p))
    assert val(title.find("w:pPr/w:pStyle", NS)) == "HChG" and title.find(".//w:br", NS) is not None
    assert text_of(title).startswith("\t\tAgenda items")
    bold_italic = [r for r in doc.document.iter(w("r")) if r.find("w:rPr/w:b", NS) is not None
                   and r.find("w:rPr/w:i", NS) is not None]
    assert [text_of(r) for r in bold_italic] == ["N", "N", "N"]


def test_a_report_without_bullets_has_no_numbering_part_and_a_reference_keeps_its_own_lists(
        tmp_path: Path, example: Report) -> None:
    assert "word/numbering.xml" not in Docx(docx_bytes(_report(Chapter("T", [Paragraph("x")])))).entries
    from docx.api import Document

    reference = Document()
    reference.add_paragraph("listed", style="List Number")  # python-docx's template has a numbering part
    path = tmp_path / "reference.docx"
    reference.save(str(path))
    theirs = Docx(path.read_bytes()).xml("word/numbering.xml")
    doc = Docx(docx_bytes(example, reference_docx=path))
    numbering = doc.xml("word/numbering.xml")
    assert len(numbering.findall("w:num", NS)) == len(theirs.findall("w:num", NS)) + 1
    ours = numbering.findall("w:num", NS)[-1]
    assert int(ours.get(w("numId"))) > max(int(n.get(w("numId"))) for n in theirs.findall("w:num", NS))
    tags = [child.tag for child in numbering]
    assert max(i for i, t in enumerate(tags) if t == w("abstractNum")) < min(i for i, t in enumerate(tags)
                                                                            if t == w("num"))
    numbers = {val(p) for p in doc.document.iter(w("numId"))}
    assert numbers == {ours.get(w("numId"))}


def test_word_reads_every_construct_back_with_and_without_its_source(example: Report) -> None:
    data = docx_bytes(example)
    warnings: list[object] = []
    assert cstd_docs.read_docx(data, warnings=warnings) == example
    assert warnings == []
    alone = cstd_docs.read_docx(_without_source(data), warnings=warnings)
    assert warnings == []
    _same_shape(alone, example)


def _same_shape(read: Report, report: Report) -> None:
    """What the visible text alone gives back: every construct in its place, the words as printed."""
    def shape(blocks: tuple[object, ...]) -> list[object]:
        out: list[object] = []
        for block in blocks:
            match block:
                case Bullet():
                    out.append(("bullet", _words(plain_text(block.bullet)), shape(block.bullets)))
                case IndentedLines():
                    out.append(("lines", [(line.indent, _words(plain_text(line.line))) for line in block.lines]))
                case Paragraph():
                    out.append(("paragraph", _words(plain_text(block.text)), len(block.subparagraphs)))
                case _:
                    out.append(type(block).__name__)
        return out

    def chapters(r: Report) -> list[object]:
        return [(c.numbered, _words(plain_text(c.title)), shape(c.content),
                 [(s.numbered, shape(s.content)) for s in c.sections if isinstance(s, Section)]) for c in r.chapters]

    assert chapters(read) == chapters(report)
    bold = [i for c in read.chapters for b in c.content if isinstance(b, Bullet) for d in b.bullets for i in d.bullet
            if isinstance(i, StrongEmphasis)]
    assert bold == [StrongEmphasis("N")] * 3


# --- the issue-12 bugs ------------------------------------------------------------------------------
def test_unnumbered_text_typed_like_a_paragraph_or_after_a_tab_stays_unnumbered() -> None:
    """A typed "12.\\t…" comes back from Word as unnumbered text; a leading tab in Markdown is kept and makes
    no code block (pandoc's view: tests/docx/test_lists_and_lines_interop.py)."""
    report = _report(Chapter("Introduction", [Paragraph("First."), UnnumberedText("12.\tTyped number."),
                                              UnnumberedText("\tA tab first."), Paragraph("Second.")]))
    assert cstd_docs.read_docx(docx_bytes(report)) == report
    text = cstd_docs.render_markdown(report)
    assert "\n&#49;2.\tTyped number.\n" in text and "\n&#9;A tab first.\n" in text
    assert not re.search(r"\n(\t| {4})", text.split("<!--")[0])  # no line a renderer reads as code
    assert cstd_docs.read_markdown(text) == report


# --- what else walks the model -------------------------------------------------------------------------
def test_editorial_checks_diff_and_redline_know_the_new_blocks(example: Report) -> None:
    from cstd_docs.editorial.structure import structure

    findings = structure(resolve(example))
    assert not [f for f in findings if f.rule == "single-subheading"]
    cstd_docs.check(example)
    group = example.chapters[0].sections[2]
    edited_lines = attrs.evolve(group.content[1], lines=(*group.content[1].lines, Line("Jane Doe (Chile)")))  # type: ignore[union-attr]
    sections = (*example.chapters[0].sections[:2], attrs.evolve(group, content=(group.content[0], edited_lines,
                                                                              *group.content[2:])),
                *example.chapters[0].sections[3:])
    edited = attrs.evolve(example, chapters=(attrs.evolve(example.chapters[0], sections=sections),
                                             *example.chapters[1:]))
    changes = cstd_docs.diff(example, edited)
    assert [(c.kind, c.what) for c in changes] == [("added", "line")]
    from cstd_docs.redlines import redline_docx_bytes

    redline = Docx(redline_docx_bytes(example, edited))
    inserted = [text_of(i) for i in redline.document.iter(w("ins")) if text_of(i)]  # and the new line's mark
    assert inserted == ["Jane Doe (Chile)"]


def test_inlines_accept_bold_italic_everywhere_inline_content_goes() -> None:
    text: Inlines = converter().structure(["a ", {"note": ["b ", {"strong_emphasis": "c"}]}], Inlines)
    report = _report(Chapter(("Title ", StrongEmphasis("N")), [Paragraph(text)]))
    resolved = resolve(report)
    assert resolved.notes[0].text == ("b ", StrongEmphasis("c"))
    assert cstd_docs.read_docx(docx_bytes(report)) == report


@pytest.mark.parametrize("language", ["ar", "en", "es", "fr", "ru", "zh"])
def test_every_language_reads_the_constructs_back(language: str) -> None:
    """Its heading numerals (Arabic's words, Chinese's), right to left, its subparagraph labels: the same blocks."""
    base = cstd_docs.load(EXAMPLES / f"short-{language}.json")
    first = base.chapters[0]
    lists = (Bullet("x", bullets=(Bullet("y"),)), IndentedLines((Line("a", indent=0), Line("b"))))
    report = attrs.evolve(base, chapters=(attrs.evolve(first, numbered=False, content=(*first.content, *lists)),
                                          *base.chapters[1:], Chapter("Last", [Paragraph("z")])))
    data, text = docx_bytes(report), cstd_docs.render_markdown(report)
    assert cstd_docs.read_docx(data) == report
    assert cstd_docs.read_markdown(text) == report
    for alone in (cstd_docs.read_docx(_without_source(data)),
                  cstd_docs.read_markdown(text.split("<!-- cstd-docs-source")[0])):
        assert [c.numbered for c in alone.chapters] == [False] + [True] * len(base.chapters)
        assert alone.chapters[0].content[-2:] == lists
