"""Boxes (the summary under the title block, "Box 1" in the body) and letters of transmittal
(issue 13), through the JSON, the resolution pass, both writers and both readers.

The summary and the advice of examples/emrip-study.json are compared with the text of
../shared/samples/A_HRC_EMRIP_2025_2 (its page 1 summary, its annex's 23 bold paragraphs).
"""

from __future__ import annotations

import io
import re
import zipfile

import attrs
import pytest
from tests.conftest import EXAMPLES, SHARED, require_file
from tests.docx.reading import NS, Docx, style_of, text_of, w
from tests.ooxml import zip_package

import cstd_docs
from cstd_docs.errors import ReportError
from cstd_docs.jsonio.converter import converter
from cstd_docs.lang import available, language_pack
from cstd_docs.model import (
    Box,
    Chapter,
    CrossRef,
    Letter,
    Masthead,
    Paragraph,
    Report,
    Session,
    Strong,
    UnnumberedText,
    plain_text,
)
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import BoxKind, BoxStart, NumberedParagraph, Unnumbered
from cstd_docs.writers.docx import docx_bytes

STUDY = EXAMPLES / "emrip-study.json"
LETTER = EXAMPLES / "ga-co-chairs-summary-letter.json"
SAMPLE_TEXT = SHARED / "samples" / "A_HRC_EMRIP_2025_2.txt"


@pytest.fixture(scope="module")
def study() -> Report:
    return cstd_docs.load(STUDY)


@pytest.fixture(scope="module")
def letter() -> Report:
    return cstd_docs.load(LETTER)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


#: The sample's running heads and footers, which a paragraph across a page break holds in the text version.
_PAGE_FURNITURE = re.compile(r"^\s*(?:\d+\s+GE\.25-06162|GE\.25-06162\s+\d+|A/HRC/EMRIP/2025/2)\s*$", re.M)


def _without_source(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return zip_package([(n, z.read(n)) for n in z.namelist() if not n.startswith("customXml/")])


# --- the JSON ---------------------------------------------------------------------------------------
def test_the_json_writes_a_box_by_its_title_and_a_letter_as_an_object() -> None:
    data = {"box": "Good practices", "content": [{"unnumbered": "One."}]}
    box = converter().structure(data, Box)
    assert box == Box("Good practices", content=(UnnumberedText("One."),))
    assert converter().unstructure(box) == data
    letter = {"date": "2025-05-02", "sender": "the Co-Chairs", "addressee": "the President",
              "paragraphs": ["I have the honour …"], "signatories": ["A", "B"]}
    assert converter().unstructure(converter().structure(letter, Letter)) == letter


def test_a_letter_nobody_signed_and_an_empty_box_are_refused_with_their_place(letter: Report) -> None:
    assert letter.letter is not None
    chapter = attrs.evolve(letter.chapters[0], content=(*letter.chapters[0].content, Box(" ")))
    bad = attrs.evolve(letter, letter=attrs.evolve(letter.letter, signatories=()), chapters=(chapter,))
    with pytest.raises(ReportError) as raised:
        resolve(bad)
    message = str(raised.value)
    assert "$.letter.signatories" in message and "nobody signed" in message
    assert "$.chapters[0].content[2].box" in message and "text is empty" in message


# --- the resolution pass ----------------------------------------------------------------------------
def test_boxes_are_numbered_through_the_report_and_take_no_paragraph_number() -> None:
    box = Box("Practices", content=(UnnumberedText("a"), UnnumberedText("b")))
    report = Report(masthead=Masthead(date="2025-01-01"), body="B", session=Session(1, None, "2025-01-01",
                                                                                      "2025-01-02"),
                    title="T", summary=(UnnumberedText("In short."),),
                    chapters=(Chapter("One", (Paragraph("x"), box, Paragraph("y"), attrs.evolve(box, id="b2"),
                                              Paragraph(("See box ", CrossRef("b2"), ".")))),))
    resolved = resolve(report)
    starts = [b for b in resolved.blocks if isinstance(b, BoxStart)]
    assert [(s.kind, s.label, s.blocks) for s in starts] == [(BoxKind.SUMMARY, "", 1), (BoxKind.BOX, "Box 1", 2),
                                                             (BoxKind.BOX, "Box 2", 2)]
    assert starts[0].title == ("Summary",) and resolved.blocks[0] is starts[0]
    assert [b.number for b in resolved.blocks if isinstance(b, NumberedParagraph)] == ["1.", "2.", "3."]
    assert resolved.blocks[-1].text == ("See box ", "2", ".")  # type: ignore[union-attr]
    assert sum(isinstance(b, Unnumbered) for b in resolved.blocks) == 5


@pytest.mark.parametrize("language", sorted(available()))
def test_every_language_prints_and_reads_back_its_letter_summary_and_box(letter: Report, language: str) -> None:
    """Markdown without the source: the fixed words of the language alone give each construct back."""
    translated = attrs.evolve(letter, language=language)
    pack = language_pack(language)
    text = cstd_docs.render_markdown(translated, embed_source=False)
    assert pack.table.signed.format(name="Tomas Lindqvist") in text
    assert pack.table.box_numbered.format(number=1) in text and pack.table.summary in text
    warnings: list[object] = []
    read = cstd_docs.read_markdown(text, warnings=warnings)
    assert read.letter is not None and translated.letter is not None, warnings
    # French spaces before ";" are the language's typography, read as printed
    assert [plain_text(p).replace("\u202f", "") for p in read.letter.paragraphs] == \
        [plain_text(p) for p in translated.letter.paragraphs]
    assert read.letter == attrs.evolve(translated.letter, paragraphs=read.letter.paragraphs)
    assert read.summary == translated.summary
    assert read.chapters[1].content[1] == translated.chapters[1].content[1]  # its id from its anchor


# --- Word ---------------------------------------------------------------------------------------------
def _tables(report: Report) -> list[object]:
    body = Docx(docx_bytes(report)).document.find("w:body", NS)
    assert body is not None
    return body.findall("w:tbl", NS)


def test_word_frames_the_summary_in_a_ruled_one_cell_table_the_width_of_the_text_column(study: Report) -> None:
    tables = _tables(study)
    assert len(tables) == 2  # the masthead, the summary
    box = tables[1]
    assert box.find("w:tblPr/w:tblW", NS).get(w("w")) == "9639"  # type: ignore[attr-defined]
    borders = box.find("w:tblPr/w:tblBorders", NS)  # type: ignore[attr-defined]
    assert [(b.tag.split("}")[1], b.get(w("sz"))) for b in borders] == [("top", "4"), ("left", "4"),
                                                                        ("bottom", "4"), ("right", "4")]
    margins = box.find("w:tblPr/w:tblCellMar", NS)  # type: ignore[attr-defined]
    assert {m.get(w("w")) for m in margins} == {"0"}
    paragraphs = [p for p in box.iter(w("p")) if text_of(p)]  # type: ignore[attr-defined]
    assert [style_of(p) for p in paragraphs] == ["SummaryHeadG", "SingleTxtG"]
    assert text_of(paragraphs[0]) == "Summary"
    assert paragraphs[1].find("w:pPr/w:ind", NS).get(w("firstLine")) == "567"


def test_word_puts_the_letter_first_its_signatures_at_the_right_and_the_title_on_a_new_page(letter: Report) -> None:
    body = Docx(docx_bytes(letter)).document.find("w:body", NS)
    assert body is not None
    paragraphs = [p for p in body.findall("w:p", NS) if text_of(p).strip()]
    texts = [text_of(p).strip() for p in paragraphs]
    heading = texts.index("Letter dated 2 May 2025 from the Co-Chairs of the Ad Hoc Working Group on the "
                          "Revitalization of the Work of the General Assembly addressed to the President of the "
                          "General Assembly")
    signed = [p for p in paragraphs if text_of(p).startswith("(Signed) ")]
    assert [text_of(p) for p in signed] == ["(Signed) Ana Paula Ferreira", "(Signed) Tomas Lindqvist"]
    assert all(p.find("w:pPr/w:jc", NS).get(w("val")) == "right" for p in signed)  # type: ignore[union-attr]
    title = next(p for p in paragraphs if text_of(p).strip().startswith("Co-Chairs’ summary"))
    assert paragraphs.index(title) > heading and title.find("w:pPr/w:pageBreakBefore", NS) is not None


@pytest.mark.parametrize("path", [STUDY, LETTER], ids=["study", "letter"])
def test_word_and_markdown_read_back_as_the_report(path: object) -> None:
    report = cstd_docs.load(path)  # type: ignore[arg-type]
    for read in (cstd_docs.read_docx(docx_bytes(report)), cstd_docs.read_markdown(cstd_docs.render_markdown(report))):
        assert read == report


@pytest.mark.parametrize("path", [STUDY, LETTER], ids=["study", "letter"])
def test_without_the_source_the_draft_alone_gives_summary_box_and_letter(path: object) -> None:
    report = cstd_docs.load(path)  # type: ignore[arg-type]
    for warnings, read in ((w1 := [], cstd_docs.read_docx(_without_source(docx_bytes(report)), warnings=w1)),
                           (w2 := [], cstd_docs.read_markdown(cstd_docs.render_markdown(report, embed_source=False),
                                                             warnings=w2))):
        assert warnings == []
        assert (read.summary, read.letter) == (report.summary, report.letter)
        boxes = [b for c in report.chapters for b in c.content if isinstance(b, Box)]
        read_boxes = [b for c in read.chapters for b in c.content if isinstance(b, Box)]
        assert [(b.title, b.content) for b in read_boxes] == [(b.title, b.content) for b in boxes]


# --- the example against the sample -------------------------------------------------------------------
def test_the_study_prints_the_samples_summary_and_its_bold_advice(study: Report) -> None:
    printed = require_file(SAMPLE_TEXT, "the A/HRC/EMRIP/2025/2 sample").read_text(encoding="utf-8")
    sample = _words(_PAGE_FURNITURE.sub("", printed))
    summary = sample[sample.index("Summary ") + len("Summary "): sample.index(" * Agreement")]
    text = cstd_docs.render_markdown(study, embed_source=False)
    shown = re.search(r'<div class="summary">\n\n\*Summary\*\n\n(.*?)\n\n</div>', text, re.S)
    assert shown is not None and _words(shown.group(1)) == summary
    advice = study.annexes[0].content
    assert len(advice) == 23  # the annex's paragraphs 1–23, all bold in print
    for number, paragraph in enumerate(advice, start=1):
        assert isinstance(paragraph, Paragraph) and [type(i) for i in paragraph.text] == [Strong]
        words = _words(plain_text(paragraph.text))
        assert f"{number}. {words}" in sample  # its number, then its words, as printed
        assert f"{number}\\. **{plain_text(paragraph.text)}**" in text


def test_the_studys_notes_link_symbols_and_web_addresses(study: Report) -> None:
    text = cstd_docs.render_markdown(study, embed_source=False)
    assert "[^1]: [A/73/438](https://undocs.org/en/A/73/438), para. 72." in text
    address = "https://www.ohchr.org/en/events/events/2024/seminar-expert-mechanism-rights-indigenous-peoples"
    assert f"available at [{address}]({address})." in text


def test_a_word_draft_without_source_keeps_the_bold_advice(study: Report) -> None:
    read = cstd_docs.read_docx(_without_source(docx_bytes(study)))
    assert [p.text for p in read.annexes[0].content] == [p.text for p in study.annexes[0].content]  # type: ignore[union-attr]


def test_diff_names_what_changed_in_the_letter_of_transmittal() -> None:
    from cstd_docs.changes import diff_reports

    old = cstd_docs.load(EXAMPLES / "ga-co-chairs-summary-letter.json")
    assert old.letter is not None
    first, *rest = old.letter.paragraphs
    letter = attrs.evolve(old.letter, paragraphs=(first, *rest, "A paragraph added to the letter."),
                          signatories=old.letter.signatories[:1])
    changes = diff_reports(old, attrs.evolve(old, letter=letter))
    places = {c.new_place or c.old_place for c in changes}
    assert f"letter paragraph {len(old.letter.paragraphs) + 1}" in places
    assert "letter signatures" in places
    assert all(c.what == "front" for c in changes)
