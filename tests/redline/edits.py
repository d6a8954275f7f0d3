"""Two versions of a report for the redline and diff tests: an editor's day of changes.

``revised(report)`` takes a report of :func:`tests.docx.reports.build_report` and makes
every kind of change the comparison knows, each in a known place (see ``EDITS``).
"""

from __future__ import annotations

import datetime

import attrs

from cstd_docs.model import Chapter, Citation, Note, Paragraph, Person, Report, Section, Subparagraph, UnnumberedText

#: What ``revised`` does, as the diff should name it: (kind, what, id).
EDITS = {
    ("added", "paragraph", "p-new"),
    ("removed", "paragraph", "p2"),
    ("removed", "paragraph", "p7"),  # with its note
    ("edited", "paragraph", "p1"),
    ("edited", "note", None),  # p1's note
    ("edited", "unnumbered", None),
    ("edited", "heading", None),  # section 0.0's title
    ("added", "subparagraph", None),  # under p4
    ("moved", "paragraph", "p6"),  # into subsection 0.0.0, keeping its number
    ("renamed", "paragraph", "p3-renamed"),
    ("edited", "front", None),  # the masthead date
    ("added", "participant", "newcomer"),
}


def _text(paragraph: Paragraph, old: str, new: str) -> Paragraph:
    text = []
    for item in paragraph.text:
        if isinstance(item, str):
            item = item.replace(old, new)
        elif isinstance(item, Note):
            item = Note(tuple(t.replace("Free note", "Revised free note") if isinstance(t, str) else t
                              for t in item.text))
        text.append(item)
    return attrs.evolve(paragraph, text=text)


def _first_chapter(chapter: Chapter) -> Chapter:
    lead, p1, p2, p3 = chapter.content
    assert isinstance(lead, UnnumberedText) and isinstance(p1, Paragraph) and isinstance(p3, Paragraph)
    assert isinstance(p2, Paragraph) and p2.id == "p2"
    added = Paragraph(["A paragraph added by the editor.", Note("A note added with it."), " A newcomer spoke.",
                       Citation("newcomer")], id="p-new")
    content = [UnnumberedText("An unnumbered lead-in, revised."), added, _text(p1, "with", "carrying"),
               attrs.evolve(p3, id="p3-renamed")]
    section = chapter.sections[0]
    assert isinstance(section, Section)
    p4, p5, p6 = section.content
    assert isinstance(p4, Paragraph) and p4.subparagraphs and p6.id == "p6"
    p4 = attrs.evolve(p4, subparagraphs=[*p4.subparagraphs, Subparagraph("An item added by the editor.")])
    first, *rest = section.subsections
    p7, *others = first.content
    assert p7.id == "p7"
    first = attrs.evolve(first, content=[p6, *others])
    section = attrs.evolve(section, title=f"{section.title[0]} revised", content=[p4, p5],
                           subsections=[first, *rest])
    return attrs.evolve(chapter, content=content, sections=[section, *chapter.sections[1:]])


def revised(report: Report) -> Report:
    """``report`` (from ``build_report(chapters=3)``) with the changes of ``EDITS``, and chapters 2 and 3 swapped."""
    first, second, third, *more = report.chapters
    masthead = attrs.evolve(report.masthead, date=report.masthead.date + datetime.timedelta(days=1))
    participants = {**report.participants, "newcomer": Person("Mr.", "New Comer", country="Chile")}
    return attrs.evolve(report, masthead=masthead, participants=participants,
                        chapters=[_first_chapter(first), third, second, *more])
