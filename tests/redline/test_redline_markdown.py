"""The Markdown redline: CriticMarkup whose accepted and rejected texts are the two renderings."""

from __future__ import annotations

import re

import pytest
from tests.docx.reports import build_report
from tests.redline.edits import revised

from cstd_docs.model import Report
from cstd_docs.redlines import redline_markdown
from cstd_docs.writers.markdown import render_markdown

# CriticMarkup as criticmarkup.com defines it; comments are no text.
_COMMENT = re.compile(r"\{>>.*?<<\}", re.S)
_ADDED = re.compile(r"\{\+\+(.*?)\+\+\}", re.S)
_REMOVED = re.compile(r"\{--(.*?)--\}", re.S)
_REPLACED = re.compile(r"\{~~(.*?)~>(.*?)~~\}", re.S)


def accept(text: str) -> str:
    text = _COMMENT.sub("", text)
    return _REPLACED.sub(r"\2", _ADDED.sub(r"\1", _REMOVED.sub("", text)))


def reject(text: str) -> str:
    text = _COMMENT.sub("", text)
    return _REPLACED.sub(r"\1", _REMOVED.sub(r"\1", _ADDED.sub("", text)))


def blocks(markdown: str) -> list[str]:
    return [b for b in re.split(r"\n{2,}", markdown.strip("\n")) if b.strip()]


@pytest.mark.parametrize("asterisks", [False, True])
def test_accepting_gives_the_new_rendering_and_rejecting_the_old(asterisks: bool) -> None:
    old = build_report(asterisks=asterisks)
    new = revised(old)
    marked = redline_markdown(old, new)
    assert blocks(accept(marked)) == blocks(render_markdown(new, embed_source=False))
    assert blocks(reject(marked)) == blocks(render_markdown(old, embed_source=False))


def test_changes_are_word_by_word_and_renumbering_shows(reference_report: Report) -> None:
    old = build_report()
    marked = redline_markdown(old, revised(old))
    assert "Paragraph text number 1 {~~with~>carrying~~} *Italic Title 1*" in marked
    assert '<a id="p1"></a>{~~1\\.~>2\\.~~} Paragraph text number 1' in marked
    assert "inside it.{~~[^4]~>[^6]~~}" in marked
    assert "{--2\\. Paragraph text number 2 with" in marked
    assert "{>>moved here<<}{++" in marked and "--}{>>moved away<<}" in marked
    assert redline_markdown(reference_report, reference_report) == render_markdown(reference_report,
                                                                                 embed_source=False)


def test_a_renumbered_reference_stays_a_link_with_its_label_changed() -> None:
    import datetime

    import attrs

    from cstd_docs.model import Chapter, CrossRef, Masthead, Paragraph, Session

    old = Report(masthead=Masthead(date=datetime.date(2026, 2, 2)), body="Commission",
                 session=Session(29, "Geneva", datetime.date(2026, 4, 13), datetime.date(2026, 4, 17)),
                 title="Report", chapters=[Chapter("Introduction", [
                     Paragraph("The themes.", id="themes"),
                     Paragraph(("As listed in paragraph ", CrossRef("themes"), "."), id="thanks")])])
    chapter = old.chapters[0]
    new = attrs.evolve(old, chapters=[attrs.evolve(chapter, content=[Paragraph("Inserted."), *chapter.content])])
    marked = redline_markdown(old, new)
    assert "paragraph [{~~1~>2~~}](#themes)." in marked
    assert blocks(accept(marked)) == blocks(render_markdown(new, embed_source=False))
    assert blocks(reject(marked)) == blocks(render_markdown(old, embed_source=False))
