"""The resolution pass: every number is derived, so an insertion renumbers everything."""

from __future__ import annotations

import datetime

import attrs
import pytest

from cstd_docs.lang.numbering import letters, roman
from cstd_docs.model import (
    AgendaItem,
    Annex,
    Chapter,
    Citation,
    CrossRef,
    Delegation,
    Emphasis,
    Findings,
    Masthead,
    Note,
    Organization,
    Paragraph,
    Person,
    Report,
    Section,
    Session,
    Subparagraph,
    Subsection,
    Suggestion,
)
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import Heading, NoteRef, NumberedParagraph, SubparagraphItem


def small_report(**changes: object) -> Report:
    report = Report(
        masthead=Masthead(date=datetime.date(2022, 2, 1), symbol="E/CN.16/2022/2"),
        body="Commission on Science and Technology for Development",
        session=Session(25, "Geneva", datetime.date(2022, 3, 28), datetime.date(2022, 4, 1)),
        agenda_items=(AgendaItem(2, "Science and technology for development"),),
        agenda_symbol="E/CN.16/2022/1",
        title="Report",
        subtitles=(("Prepared by the UNCTAD secretariat", Note("Summary only.")),),
        participants={
            "basso": Person("Ms.", "Maria Basso", "Lead, Advanced Manufacturing and Production",
                            "World Economic Forum"),
            "ph": Delegation("the Philippines"),
            "th": Delegation("Thailand"),
            "phs": Organization("Pompiers Humanitaires Solidaires", "Guinea"),
        },
        chapters=(
            Chapter("Introduction", (
                Paragraph(("One speaker", Citation("basso"), " spoke."), id="first"),
                Paragraph(("As said in paragraph ", CrossRef("last"), ", delegates", Citation(["ph", "th"]), " spoke.")),
            ), id="intro"),
            Chapter("Findings and suggestions", (Paragraph("These findings.", id="last"),), (
                Section("Context", (Paragraph(("A body", Citation("phs"))),), (Subsection("Detail", (Paragraph("x"),)),)),
                Findings("Industry 4.0", (Paragraph("Main finding."),), (
                    Suggestion("Member States", (Subparagraph("Foster;", (Subparagraph("deep"),)), Subparagraph("Build."))),
                )),
            )),
        ),
    )
    return attrs.evolve(report, **changes)


def numbers(doc):  # type: ignore[no-untyped-def]
    return [b.number for b in doc.blocks if isinstance(b, NumberedParagraph)]


def test_layout_of_a_small_report() -> None:
    doc = resolve(small_report())
    headings = [(b.level.value, b.number, b.title) for b in doc.blocks if isinstance(b, Heading)]
    assert headings == [
        ("chapter", "I.", ("Introduction",)),
        ("chapter", "II.", ("Findings and suggestions",)),
        ("section", "A.", ("Context",)),
        ("subsection", "1.", ("Detail",)),
        ("section", "B.", ("Industry 4.0",)),
        ("subsection", "1.", ("Main findings",)),
        ("subsection", "2.", ("Suggestions",)),
    ]
    assert numbers(doc) == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    lead_in = [b for b in doc.blocks if isinstance(b, NumberedParagraph)][-1]
    assert lead_in.text == ("Member States may wish to consider the following courses of action:",)
    subs = [(b.label, b.depth, b.text) for b in doc.blocks if isinstance(b, SubparagraphItem)]
    assert subs == [("(a)", 1, ("Foster;",)), ("(i)", 2, ("deep",)), ("(b)", 1, ("Build.",))]


def test_notes_are_numbered_in_reading_order_with_registry_texts() -> None:
    doc = resolve(small_report())
    assert [n.mark for n in doc.notes] == ["1", "2", "3", "4", "5"]
    assert [n.text for n in doc.notes] == [
        ("E/CN.16/2022/1.",),
        ("Summary only.",),
        ("Ms. Maria Basso, Lead, Advanced Manufacturing and Production, World Economic Forum.",),
        ("Representative of the Philippines; Representative of Thailand.",),
        ("Pompiers Humanitaires Solidaires, Guinea.",),
    ]
    assert doc.front.agenda[0].label == ("Item 2 of the provisional agenda", NoteRef(0, "1"))
    assert doc.notes[3].participants == ("ph", "th")


def test_asterisk_convention_for_masthead_page_notes() -> None:
    doc = resolve(small_report(first_page_notes="asterisks"))
    assert [(n.mark, n.custom) for n in doc.notes] == [
        ("*", True), ("**", True), ("1", False), ("2", False), ("3", False)
    ]


def test_inserting_a_paragraph_renumbers_paragraphs_notes_and_cross_references() -> None:
    before = resolve(small_report())
    second = [b for b in before.blocks if isinstance(b, NumberedParagraph)][1]
    assert second.text[:2] == ("As said in paragraph ", "3")

    report = small_report()
    intro = report.chapters[0]
    inserted = Paragraph(("New text", Note("A new note.")))
    report = attrs.evolve(
        report, chapters=(attrs.evolve(intro, content=(inserted, *intro.content)), *report.chapters[1:])
    )
    after = resolve(report)
    assert numbers(after) == [f"{n}." for n in range(1, 9)]
    third = [b for b in after.blocks if isinstance(b, NumberedParagraph)][2]
    assert third.text[:2] == ("As said in paragraph ", "4")  # the target moved from 3 to 4
    assert [n.mark for n in after.notes] == ["1", "2", "3", "4", "5", "6"]
    assert after.notes[2].text == ("A new note.",)
    assert after.notes[3].text == before.notes[2].text


def test_the_same_person_cited_twice_gets_two_notes() -> None:
    report = small_report()
    intro = report.chapters[0]
    again = Paragraph(("She spoke again.", Citation("basso")))
    report = attrs.evolve(report, chapters=(attrs.evolve(intro, content=(*intro.content, again)), *report.chapters[1:]))
    doc = resolve(report)
    basso = [n for n in doc.notes if n.participants == ("basso",)]
    assert len(basso) == 2 and basso[0].mark != basso[1].mark


def test_annexes_restart_paragraph_numbers_and_chapter_numerals() -> None:
    report = small_report(annexes=(
        Annex("List of participants", (Paragraph("a"), Paragraph("b"))),
        Annex("Documents", (), (Chapter("Inside", (Paragraph("c"),)),)),
    ))
    doc = resolve(report)
    assert numbers(doc)[-3:] == ["1.", "2.", "1."]
    labels = [b.number for b in doc.blocks if isinstance(b, Heading)][-3:]
    assert labels == ["Annex I", "Annex II", "I."]


def test_emphasis_and_forward_references_survive_resolution() -> None:
    report = small_report()
    intro = report.chapters[0]
    text = ("See ", Emphasis("Road Map for Digital Cooperation"), " and paragraph ", CrossRef("intro"), ".")
    report = attrs.evolve(report, chapters=(attrs.evolve(intro, content=(Paragraph(text),)), *report.chapters[1:]))
    first = next(b for b in resolve(report).blocks if isinstance(b, NumberedParagraph))
    assert first.text == ("See ", Emphasis("Road Map for Digital Cooperation"), " and paragraph ", "I", ".")


def test_masthead_and_front_lines() -> None:
    doc = resolve(small_report())
    assert doc.masthead.distribution == "Distr.: General"
    assert doc.masthead.date == "1 February 2022"
    assert doc.masthead.language_line == "Original: English"
    assert doc.front.session == "Twenty-fifth session"
    assert doc.front.place_and_dates == "Geneva, 28 March–1 April 2022"
    single = resolve(small_report(masthead=Masthead(date=datetime.date(2025, 7, 14), single_language=True)))
    assert single.masthead.language_line == "English only"
    assert single.masthead.date == "14 July 2025"


@pytest.mark.parametrize(("start", "end", "expected"), [
    ((2025, 7, 14), (2025, 7, 18), "14–18 July 2025"),
    ((2022, 3, 28), (2022, 4, 1), "28 March–1 April 2022"),
    ((2021, 12, 30), (2022, 1, 2), "30 December 2021–2 January 2022"),
])
def test_session_date_ranges(start: tuple[int, int, int], end: tuple[int, int, int], expected: str) -> None:
    session = Session(1, "Geneva", datetime.date(*start), datetime.date(*end))
    assert resolve(small_report(session=session)).front.place_and_dates == f"Geneva, {expected}"


@pytest.mark.parametrize(("number", "words"), [
    (1, "First"), (12, "Twelfth"), (20, "Twentieth"), (25, "Twenty-fifth"), (99, "Ninety-ninth"),
    (100, "One hundredth"), (101, "One hundred and first"),
])
def test_session_ordinals(number: int, words: str) -> None:
    session = Session(number, "Geneva", datetime.date(2022, 3, 28), datetime.date(2022, 4, 1))
    assert resolve(small_report(session=session)).front.session == f"{words} session"


def test_counters() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1994)] == ["I", "IV", "IX", "XIV", "XL", "MCMXCIV"]
    assert [letters(n) for n in (1, 26, 27, 28, 53)] == ["a", "z", "aa", "bb", "aaa"]


def test_reference_example_numbers(reference_report) -> None:  # type: ignore[no-untyped-def]
    doc = resolve(reference_report)
    assert numbers(doc) == [f"{n}." for n in range(1, 34)]
    assert [n.mark for n in doc.notes] == [str(n) for n in range(1, 38)]
    chapters = [b.number for b in doc.blocks if isinstance(b, Heading) and b.level.value == "chapter"]
    assert chapters == ["I.", "II.", "III.", "IV.", "V.", "VI.", "VII."]
