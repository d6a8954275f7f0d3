"""Drafts that once took the readers time growing faster than the draft, read for what they
give (the times are in benchmarks/reading.py and docs/performance.md, never asserted here);
a byte-order mark that ended up in the first line's text; an id made up from a word longer than
the limit; the text around an element inside w:t, and a field that does not end in its paragraph."""

from __future__ import annotations

import io
import re
import zipfile

from hypothesis import given
from hypothesis import strategies as st
from tests.hostile.corpus import BASE_FILE
from tests.hostile.drafts import UNCLOSED_FIELD, _in_document

import cstd_docs
from cstd_docs.errors import Problem
from cstd_docs.model import Emphasis, Paragraph, Report
from cstd_docs.model.walk import walk
from cstd_docs.readers.coverage import words_of
from cstd_docs.writers.docx import docx_bytes

SPACES = " " * 90_000  # a title holds 100,000 characters at most


def _report() -> Report:
    return cstd_docs.load(BASE_FILE)


def test_a_byte_order_mark_is_not_text() -> None:
    for source in (True, False):
        text = cstd_docs.render_markdown(_report(), embed_source=source)
        warnings: list[Problem] = []
        assert cstd_docs.read_markdown("\ufeff" + text, warnings=warnings) == cstd_docs.read_markdown(text)
        assert warnings == []


def test_a_heading_of_spaces_is_read_with_its_spaces_and_closing_hashes_cut() -> None:
    text = cstd_docs.render_markdown(_report())
    assert "## I. Introduction\n" in text
    spaced = cstd_docs.read_markdown(text.replace("## I. Introduction", f"## I. Intro{SPACES}duction"))
    assert spaced.chapters[0].title == (f"Intro{SPACES}duction",)
    closed = cstd_docs.read_markdown(text.replace("## I. Introduction", f"## I. Introduction{SPACES}##"))
    assert closed.chapters[0].title == ("Introduction",)


def test_a_paragraph_of_many_emphases_keeps_each() -> None:
    pairs = 20_000
    text = cstd_docs.render_markdown(_report(), embed_source=False)
    assert "\n\n1\\. The panel met" in text
    read = cstd_docs.read_markdown(text.replace("\n\n1\\. The panel met", "\n\n1\\. " + "_em_ " * pairs + "The panel met"))
    first = read.chapters[0].content[0]
    assert isinstance(first, Paragraph)
    assert [run for run in first.text if isinstance(run, Emphasis)] == [Emphasis("em")] * pairs


def _ids(report: Report) -> list[str | None]:
    return [getattr(visit.node, "id", None) for visit in walk(report)]


def test_every_paragraph_edited_keeps_its_id_and_its_new_text() -> None:
    report = cstd_docs.load(BASE_FILE)
    text = cstd_docs.render_markdown(report)
    edited = re.sub(r"(?m)^(\d+\\\. )", r"\1Edited: ", text)
    assert edited.count("Edited: ") >= 5
    read = cstd_docs.read_markdown(edited)
    assert _ids(read) == _ids(report) and any(_ids(report))
    numbered = [v.node for v in walk(read) if isinstance(v.node, Paragraph)]
    assert numbered and all(str(p.text[0]).startswith("Edited: ") for p in numbered)


def test_without_its_footnotes_relationship_a_draft_is_read_and_the_lost_notes_named() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes(_report()))) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/_rels/document.xml.rels":
                data, count = re.subn(rb'<Relationship [^>]*/footnotes"[^>]*/>', b"", data)
                assert count == 1
            target.writestr(name, data)
    warnings: list[Problem] = []
    read = cstd_docs.read_docx(out.getvalue(), warnings=warnings)
    assert any("has no note" in w.message for w in warnings)
    assert _ids(read) == _ids(_report())


def test_an_id_made_up_from_a_first_word_longer_than_the_limit_is_cut() -> None:
    # Each piece of the paragraph is under the 100,000-character limit, its first word is not:
    # the id made up from it was, and the whole import was refused for it.
    text = cstd_docs.render_markdown(_report(), embed_source=False)
    assert "\n\n1\\. The panel met" in text
    word = "x" * 60_000 + "**" + "y" * 60_000 + "**"
    read = cstd_docs.read_markdown(text.replace("\n\n1\\. The panel met", f"\n\n1\\. {word} panel met"), warnings=[])
    first = read.chapters[0].content[0]
    assert isinstance(first, Paragraph) and first.id is not None
    assert first.id.startswith("p-xxx") and len(first.id) <= 80
    assert cstd_docs.loads(cstd_docs.dumps(read)) == read


def _first_paragraph(draft: bytes) -> tuple[Paragraph, list[Problem]]:
    warnings: list[Problem] = []
    read = cstd_docs.read_docx(draft, warnings=warnings)
    first = read.chapters[0].content[0]
    assert isinstance(first, Paragraph)
    return first, warnings


def test_the_text_around_an_element_inside_w_t_is_read() -> None:
    whole, _ = _first_paragraph(docx_bytes(_report()))
    first, warnings = _first_paragraph(_in_document(b"<w:t>The panel met", b"<w:t>The <w:x/>panel met")())
    assert first.text == whole.text and str(first.text[0]).startswith("The panel met")
    assert [w.message for w in warnings] == ["an element inside a text was not read (x); the text around it was"]


def test_a_field_that_does_not_end_hides_the_rest_of_its_paragraph_as_libreoffice_shows_it() -> None:
    first, warnings = _first_paragraph(_in_document(b"<w:r><w:t>The panel met", b"<w:r><w:t>The </w:t></w:r>"
                                                    + UNCLOSED_FIELD + b"<w:r><w:t>panel met")())
    assert first.text == ("The ",)
    (warning,) = warnings
    assert warning.path.endswith("paragraph 12") and "'panel met from 17 to 19 November" in warning.message


@given(st.text(st.sampled_from(" \t\n>*-_.aé1\u00a0\u3000"), max_size=40))
def test_the_words_of_a_text_are_its_tokens_holding_a_letter_or_digit(text: str) -> None:
    # words_of's pattern starts a match only where a token starts (a line of ">" took its square).
    assert words_of(text) == [token for token in text.split() if re.search(r"\w", token)]
