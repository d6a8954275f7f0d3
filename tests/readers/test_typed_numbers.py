"""Unnumbered text that starts with a number the author typed ("12.", TAB, text) reads back unnumbered."""

from __future__ import annotations

import datetime
import io

from tests.readers.helpers import our_docx

import cstd_docs
import docx
from cstd_docs.errors import Problem
from cstd_docs.model import Chapter, Masthead, Paragraph, Report, Session, UnnumberedText


def report() -> Report:
    return Report(
        masthead=Masthead(symbol="E/CN.16/2026/2", date=datetime.date(2026, 2, 2)),
        body="Commission on Science and Technology for Development",
        session=Session(29, "Geneva", datetime.date(2026, 4, 13), datetime.date(2026, 4, 17)),
        title="Report of the panel",
        chapters=[Chapter("Introduction", content=[
            Paragraph("The meeting was opened."),
            UnnumberedText("12.\tA number typed by the author.", id="typed"),
            UnnumberedText("(b)\tA label typed by the author."),
            Paragraph("The meeting was closed."),
        ])],
    )


def test_word_keeps_typed_numbers_in_unnumbered_text() -> None:
    data = our_docx(report())
    document = docx.Document(io.BytesIO(data))
    assert any(p.text == "12.\tA number typed by the author." for p in document.paragraphs)
    warnings: list[Problem] = []
    assert cstd_docs.read_docx(data, warnings=warnings) == report()
    assert warnings == []


def test_an_edited_typed_number_reads_as_the_numbered_paragraph_it_now_looks_like() -> None:
    document = docx.Document(io.BytesIO(our_docx(report())))
    (typed,) = [p for p in document.paragraphs if p.text.startswith("12.\t")]
    typed.runs[-1].text = typed.runs[-1].text.replace("author.", "author, edited.")
    out = io.BytesIO()
    document.save(out)
    content = cstd_docs.read_docx(out.getvalue()).chapters[0].content
    assert [type(b) for b in content] == [Paragraph, Paragraph, UnnumberedText, Paragraph]
