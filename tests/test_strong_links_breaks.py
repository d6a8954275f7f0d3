"""Strong text, links, line breaks and the comma between note marks (issue 13), in every layer.

The example report takes its text from A/HRC/EMRIP/2025/2 (../shared/samples): bold advice
paragraphs, symbols linked in notes. Its rendering is compared with the sample's text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import SHARED, require_file

import cstd_docs
from cstd_docs.errors import ReportError
from cstd_docs.jsonio.converter import converter
from cstd_docs.model import Emphasis, Inlines, Link, Note, Paragraph, Strong, plain_text
from cstd_docs.readers.markdown_inline import parse_runs
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import NoteRef
from cstd_docs.writers.docx import docx_bytes
from cstd_docs.writers.markdown import runs

EXAMPLE = Path(__file__).parent.parent / "examples" / "emrip-2025-2-data.json"
SAMPLE_TEXT = SHARED / "samples" / "A_HRC_EMRIP_2025_2.txt"


@pytest.fixture(scope="module")
def example() -> cstd_docs.Report:
    return cstd_docs.load(EXAMPLE)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_the_json_takes_strong_text_and_both_kinds_of_link() -> None:
    data = ["a ", {"strong": "b"}, {"link": "A/HRC/60/12"},
            {"note": ["c ", {"link": {"text": "d", "url": "https://www.ohchr.org/en"}}, {"strong": "e"}]}]
    inlines = converter().structure(data, Inlines)
    assert inlines == ("a ", Strong("b"), Link("A/HRC/60/12"),
                       Note(("c ", Link("d", "https://www.ohchr.org/en"), Strong("e"))))
    assert converter().unstructure(inlines, Inlines) == data


def test_a_wrong_link_is_refused_with_its_place_and_a_fix(example: cstd_docs.Report) -> None:
    import attrs

    chapter = example.chapters[0]
    bad = Paragraph(("See ", Link("the page", "www.ohchr.org"), " and ", Link("not a symbol")))
    report = attrs.evolve(example, chapters=(attrs.evolve(chapter, content=(*chapter.content, bad)),))
    with pytest.raises(ReportError) as raised:
        resolve(report)
    message = str(raised.value)
    assert "$.chapters[0].content[4].text[1].link.url" in message and "https://" in message
    assert "$.chapters[0].content[4].text[3].link:" in message and "A/HRC/60/12" in message


def test_the_markdown_writer_marks_each_construct() -> None:
    printed = runs(("a\nb", Strong("c"), Link("d", "https://x.org"), NoteRef(0, "1"), NoteRef(1, "2"), "\n e"))
    assert printed == "a\\\nb**c**[d](https://x.org)[^1]<sup>,</sup>[^2]<br> e"
    assert runs(("x\ny",), "<br>") == "x<br>y"  # a heading's line cannot break


def test_the_markdown_reader_reads_each_construct_back() -> None:
    read = parse_runs("a\\\nb**c**[d](https://x.org) *e*<br> f", {}, [])
    assert read == ["a\nb", Strong("c"), Link("d", "https://x.org"), " ", Emphasis("e"), "\n f"]


def test_the_example_prints_the_samples_words(example: cstd_docs.Report) -> None:
    """Every paragraph of the example, and each note's words, are in the sample's text."""
    sample = _words(require_file(SAMPLE_TEXT, "the A/HRC/EMRIP/2025/2 sample").read_text(encoding="utf-8"))
    blocks = [*example.chapters[0].content, *example.annexes[0].content]
    assert len(blocks) == 7
    for block in blocks:
        assert isinstance(block, Paragraph)
        for piece in (item for item in block.text if not isinstance(item, Note)):
            assert _words(piece if isinstance(piece, str) else piece.text) in sample
    symbols = [item.text for block in blocks for note in block.text if isinstance(note, Note)
               for item in note.text if isinstance(item, Link) and not item.url]
    assert symbols[:2] == ["A/73/438", "A/74/277"]
    assert f"{symbols[0]}, para. 72." in sample


def test_the_example_renders_bold_advice_and_linked_symbols(example: cstd_docs.Report) -> None:
    text = cstd_docs.render_markdown(example, embed_source=False)
    advice = plain_text(example.annexes[0].content[1].text)  # type: ignore[union-attr]
    assert f"2\\. **{advice}**" in text
    assert "[^1]: [A/73/438](https://undocs.org/en/A/73/438), para. 72." in text
    assert "[^4]<sup>,</sup>[^5]" in text
    assert "## Annex Expert Mechanism Advice No. 18 (2025):<br>Right of Indigenous Peoples" in text


def test_the_example_reads_back_from_markdown_without_its_source(example: cstd_docs.Report) -> None:
    warnings: list[object] = []
    read = cstd_docs.read_markdown(cstd_docs.render_markdown(example, embed_source=False), warnings=warnings)
    assert warnings == []
    assert [b.text for b in read.chapters[0].content] == [b.text for b in example.chapters[0].content]  # type: ignore[union-attr]
    assert read.annexes[0].title == example.annexes[0].title
    assert [b.text for b in read.annexes[0].content] == [b.text for b in example.annexes[0].content]  # type: ignore[union-attr]


def test_a_word_drafts_bold_and_hyperlinks_come_back(example: cstd_docs.Report) -> None:
    """A draft without the embedded source: what is shown is all the reader has."""
    import io
    import zipfile

    from tests.ooxml import zip_package

    data = docx_bytes(example)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        stripped = zip_package([(n, z.read(n)) for n in z.namelist() if not n.startswith("customXml/")])
    warnings: list[object] = []
    read = cstd_docs.read_docx(stripped, warnings=warnings)
    assert [b.text for b in read.annexes[0].content] == [b.text for b in example.annexes[0].content]  # type: ignore[union-attr]
    assert [b.text for b in read.chapters[0].content] == [b.text for b in example.chapters[0].content]  # type: ignore[union-attr]
    assert read.annexes[0].title == example.annexes[0].title


def test_what_a_word_draft_holds_that_the_model_cannot_keep_is_reported_with_its_place() -> None:
    from tests.ooxml import minimal_docx

    body = (
        '<w:p><w:pPr><w:pStyle w:val="SingleTxtG"/></w:pPr><w:r><w:t>1.</w:t></w:r><w:r><w:tab/></w:r>'
        '<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>Underlined words</w:t></w:r>'
        '<w:r><w:commentReference w:id="0"/></w:r>'
        '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
        '<m:r><m:t>x=1</m:t></m:r></m:oMath>'
        '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>Boxed words</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>'
    )
    warnings: list[object] = []
    cstd_docs.read_docx(minimal_docx(body), warnings=warnings)
    said = "\n".join(str(w) for w in warnings)
    assert "underlined text reads as plain text: 'Underlined words'" in said
    assert "a comment was not read" in said
    assert "an equation was not read: 'x=1'" in said
    assert "a text box was not read: 'Boxed words'" in said


def test_the_comma_stands_only_between_note_marks_side_by_side() -> None:
    """Bold or italic text between two marks parts them: no superscript comma (the Markdown writer
    printed one when the text between was bold, as the Word writer never did)."""
    marks = (NoteRef(0, "1"), NoteRef(1, "2"))
    assert runs((marks[0], marks[1])) == "[^1]<sup>,</sup>[^2]"
    for between in (Strong("bold"), Emphasis("italic"), "plain"):
        assert "<sup>" not in runs((marks[0], between, marks[1])), between
