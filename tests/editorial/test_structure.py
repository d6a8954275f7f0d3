"""The rules on the tree (one subheading, empty headings) and the word count."""

from __future__ import annotations

import pytest
from tests.editorial.helpers import in_paragraph, only, report

import cstd_docs
from cstd_docs import ReportError
from cstd_docs.editorial import WORD_LIMITS, check
from cstd_docs.editorial.structure import count_words
from cstd_docs.model import (
    Annex,
    Chapter,
    Findings,
    Note,
    Paragraph,
    Section,
    Subparagraph,
    Subsection,
    Suggestion,
)

TEXT = [Paragraph("Text.")]
OPENING = Chapter("Opening", TEXT)


def test_single_section_and_single_subsection() -> None:
    chapter = Chapter("Work", sections=[Section("Meetings", subsections=[Subsection("Geneva meeting", TEXT)])])
    found = only("single-subheading", report(chapter, OPENING))
    assert [(w.path, w.place) for w in found] == [
        ("$.chapters[0].sections", "chapter I"),
        ("$.chapters[0].sections[0].subsections", "chapter I, section A"),
    ]


def test_a_report_with_one_chapter_and_an_annex_with_one() -> None:
    subject = report(Chapter("Introduction", TEXT), annexes=[Annex("Participants", chapters=[Chapter("List", TEXT)])])
    found = only("single-subheading", subject)
    assert [(w.path, w.place) for w in found] == [("$.chapters", "the report"), ("$.annexes[0].chapters", "Annex")]


def test_findings_with_only_main_findings_print_a_single_subheading() -> None:
    findings = Findings(theme="Industry 4.0", main_findings=TEXT)
    both = Findings(theme="Cities", main_findings=TEXT, suggestions=[Suggestion("Member States", [Subparagraph("Act.")])])
    found = only("single-subheading", report(Chapter("Findings", sections=[findings, both]), OPENING))
    assert [w.path for w in found] == ["$.chapters[0].sections[0]"]
    assert "add suggestions" in found[0].fix


def test_two_of_each_is_quiet() -> None:
    chapter = Chapter("Work", sections=[
        Section("Meetings", subsections=[Subsection("Geneva", TEXT), Subsection("New York", TEXT)]),
        Section("Documents", TEXT),
    ])
    assert only("single-subheading", report(chapter, OPENING)) == []


def test_empty_headings() -> None:
    chapter = Chapter("Work", sections=[Section("Meetings"), Section("Documents", subsections=[
        Subsection("Geneva"), Subsection("New York", TEXT)]), Findings(theme="Cities")])
    subject = report(chapter, Chapter("Empty"), annexes=[Annex("Nothing")])
    found = only("empty-section", subject)
    assert [w.path for w in found] == [
        "$.chapters[0].sections[0]", "$.chapters[0].sections[1].subsections[0]", "$.chapters[0].sections[2]",
        "$.chapters[1]", "$.annexes[0]",
    ]


def test_headings_with_text_are_not_empty() -> None:
    chapter = Chapter("Work", TEXT, sections=[Section("Meetings", TEXT), Section("Documents", TEXT)])
    assert only("empty-section", report(chapter, OPENING)) == []


@pytest.mark.parametrize(("text", "words"), [
    ("one two three", 3), ("“Quoted” – dash, 8,500 words.", 4), ("  ", 0), ("会议 ok", 3),
])
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words


def test_notes_and_headings_count() -> None:
    plain = check(in_paragraph("Alpha beta gamma.")).words
    with_note = check(in_paragraph(("Alpha beta gamma.", Note("Delta epsilon.")))).words
    assert with_note == plain + 2
    # The title "Report of the panel" (4), two chapter titles (1 + 1), two paragraphs (3 + 1).
    assert plain == 10


def test_word_limit_warns_over_the_limit_only() -> None:
    subject = in_paragraph("Alpha beta gamma.")
    assert only("word-limit", subject) == []
    [warning] = only("word-limit", subject, word_limit=5)
    assert warning.path == "$" and "10 words" in warning.message and "limit of 5" in warning.message
    result = check(subject, document="other")
    assert result.word_limit == WORD_LIMITS["other"] == 10700
    assert "10,700" in result.summary() and "another body" in result.summary()


@pytest.mark.parametrize("options", [
    {"disable": ["no-such-rule"]}, {"enable": ["figures-under-tn"]}, {"document": "agency"},
    {"word_limit": 0}, {"word_limit": "8500"},
])
def test_misuse_raises_report_error(options: dict[str, object]) -> None:
    with pytest.raises(ReportError) as raised:
        check(in_paragraph("Text."), **options)  # type: ignore[arg-type]
    assert raised.value.problems[0].hint


def test_an_invalid_report_raises_report_error() -> None:
    with pytest.raises(ReportError, match="unknown participant"):
        cstd_docs.check(in_paragraph(("Text", __import__("cstd_docs").model.Citation("nobody"))))
    with pytest.raises(ReportError, match="expected a Report"):
        cstd_docs.check("report.json")  # type: ignore[arg-type]
