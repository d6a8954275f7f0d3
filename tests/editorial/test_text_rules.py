"""Each text rule: texts that must warn, and texts that must not.

A case is (rule, language, text); the text is a paragraph's inline content. The meta-test
at the end holds every rule of rules.json to at least one case of each kind.
"""

from __future__ import annotations

from typing import Any

import pytest
from tests.editorial.helpers import in_paragraph, only, report

from cstd_docs.editorial import rules
from cstd_docs.model import Chapter, Citation, CrossRef, Emphasis, Note, Paragraph, Section, Subparagraph

WARN: list[tuple[str, str, Any]] = [
    ("figures-under-ten", "en", "The panel heard 3 speakers."),
    ("figures-under-ten", "en", "Only 5 delegations replied, and 2 abstained."),
    ("figures-under-ten", "en", "7 speakers took the floor."),
    ("per-cent", "en", "Some 43% of participants were women."),
    ("per-cent", "en", "Some 43 % of participants were women."),
    ("date-form", "en", "The Forum opened on 3/4/2026."),
    ("date-form", "en", "The Forum opened on 2026-04-03."),
    ("date-form", "en", "The report is dated February 1, 2022."),
    ("date-form", "en", "The Forum opened on 1st February 2022."),
    ("date-form", "en", "The Forum opened on 1 Feb 2022."),
    ("date-form", "fr", "Le Forum s’est ouvert le 1 février 2022."),
    ("date-form", "fr", "Le Forum s’est ouvert le 03/04/2026."),
    ("range-dash", "en", "Its 2021-2022 intersessional period."),
    ("range-dash", "en", "See pages 10-12 of the study."),
    ("range-dash", "en", "The review ran from 2021–2022."),
    ("range-dash", "ru", "Межсессионный период 2021-2022 годов."),
    ("space-before-note", "en", ("Another speaker ", Citation("p"), " noted the risks.")),
    ("space-before-note", "fr", ("Un délégué ", Note("Texte."), " a parlé.")),
    ("note-punctuation", "en", ("It was noted in the report", Note("A/77/1."), ".")),
    ("note-punctuation", "en", ("One delegate", Citation("p"), ", however, disagreed.")),
    ("note-punctuation", "fr", ("Il l’a noté dans le rapport.", Note("A/77/1."))),
    ("note-punctuation", "es", ("Se señaló en el informe.", Note("A/77/1."))),
    ("straight-quotes", "en", "It would improve people's lives."),
    ("straight-quotes", "en", 'The theme was "ICTs for inclusive societies".'),
    ("straight-quotes", "en", "The so-called 'digital divide'."),
    ("straight-quotes", "fr", "Le point de l'ordre du jour."),
    ("straight-quotes", "es", 'El tema "TIC para todos".'),
    ("straight-quotes", "ru", 'Тема "ИКТ для всех".'),
    ("quote-style", "fr", "Le thème était “TIC pour tous”."),
    ("quote-style", "ru", "Тема “ИКТ для всех”."),
    ("punctuation-spacing", "en", "The meeting , which was held in Geneva, ended."),
    ("punctuation-spacing", "en", "It considered the following : first, second."),
    ("punctuation-spacing", "es", "La reunión , que se celebró en Ginebra, terminó."),
    ("punctuation-spacing", "fr", "La réunion , qui s’est tenue à Genève, est close."),
    # The typesetter leaves the space after a URL as typed: an ordinary space, which can break.
    ("punctuation-spacing", "fr", "Voir le site https://example.org/a ; puis la suite."),
    ("double-space", "en", "The meeting  was opened by the Chair."),
    ("double-space", "fr", "La réunion a été ouverte.  Le Président a parlé."),
    ("repeated-word", "en", "However, However, people had a technocentric understanding."),
    ("repeated-word", "en", "It was the the first meeting."),
    ("repeated-word", "fr", "Il a parlé de de la réunion."),
    ("repeated-word", "en", ("The report", Note("See the the annex."), " was noted.")),
]

QUIET: list[tuple[str, str, Any]] = [
    ("figures-under-ten", "en", "The panel heard three speakers in paragraph 5 on Goal 3."),
    ("figures-under-ten", "en", "It opened on 3 June 2022, at 9:30, and again on June 2026."),
    ("figures-under-ten", "en", "It met from 4 to 7 March 2025, on 3 and 4 June and on 5–6 May."),
    ("figures-under-ten", "en", "Costs rose by 3 per cent, or 3%, and the camp is 8.5 km and 4 km away."),
    ("figures-under-ten", "en", "COVID-19, industry 4.0 and resolution 68/1 (A/RES/76/6) were cited."),
    ("figures-under-ten", "en", "Between 5 and 15 countries replied, and US$ 5 million was raised, or $3 billion."),
    ("figures-under-ten", "en", "Digital public goods (1, 3, 7) and connectivity (2) were areas of action."),
    ("figures-under-ten", "en", "It worked across action lines, particularly 3 and 4, and paragraphs 3 and 5."),
    ("figures-under-ten", "en", ("As described in paragraph ", CrossRef("target"), ", the 3,000 delegates met.")),
    ("figures-under-ten", "en", ("The ", Emphasis("Report 7"), " was cited.")),
    ("figures-under-ten", "fr", "Le groupe a entendu 3 intervenants."),
    ("per-cent", "en", "Some 43 per cent of participants were women (see https://example.org/a%20b)."),
    ("date-form", "en", "The Forum opened on 1 February 2022, in May 2021, under resolution 68/1 (A/RES/76/6)."),
    ("date-form", "en", "Forum 2022 was held from 17 to 19 November 2021."),
    ("date-form", "fr", "Le Forum s’est ouvert le 1er février 2022 et le 11 mars 2022."),
    ("range-dash", "en", "Its 2021–2022 period, COVID-19 and E/CN.16/2022/1 were cited."),
    ("range-dash", "en", "It ran from 17 to 19 November (see https://unctad.org/cstd-2021-2022-panel)."),
    ("range-dash", "fr", "La période 2021-2022."),
    ("space-before-note", "en", ("Another speaker", Citation("p"), " noted the risks.")),
    ("note-punctuation", "en", ("It was noted in the report.", Note("A/77/1."), " The Chair agreed.")),
    ("note-punctuation", "fr", ("Il l’a noté dans le rapport", Note("A/77/1."), ".")),
    ("note-punctuation", "ru", ("В докладе.", Note("A/77/1."))),
    ("straight-quotes", "en", "It would improve people’s lives; the theme was “ICTs” (https://x.org/?q='a')."),
    ("straight-quotes", "fr", "Le point de l’ordre du jour « TIC »."),
    ("straight-quotes", "ar", 'النص "هنا".'),
    ("quote-style", "fr", "Le thème « TIC pour tous » et « il a dit “oui” »."),
    ("quote-style", "ru", "Тема «ИКТ для всех»."),
    ("quote-style", "en", "The theme was “ICTs for all”."),
    ("punctuation-spacing", "en", "It considered the following: first, second (at 10:30)."),
    ("punctuation-spacing", "fr", "Il a examiné les points suivants: premier; second!"),
    ("punctuation-spacing", "fr", "Il a noté l’heure (10:30) et le site https://example.org/a:b."),
    ("double-space", "en", "The meeting was opened by the Chair. Then it closed."),
    ("repeated-word", "en", "He said that that was the case, and they had had enough. However, people agreed."),
    ("repeated-word", "fr", "Nous nous sommes réunis."),
    ("repeated-word", "zh", "会议 会议"),
]


def _case_id(case: tuple[str, str, Any]) -> str:
    return f"{case[0]}-{case[1]}-{str(case[2])[:30]}"


@pytest.mark.parametrize("case", WARN, ids=_case_id)
def test_warns(case: tuple[str, str, Any]) -> None:
    rule, language, text = case
    found = only(rule, _with_target(in_paragraph(text, language)))
    assert found, f"{rule} did not warn on {text!r}"
    assert all(w.message and w.fix and w.path.startswith("$.") for w in found)


@pytest.mark.parametrize("case", QUIET, ids=_case_id)
def test_quiet(case: tuple[str, str, Any]) -> None:
    rule, language, text = case
    assert only(rule, _with_target(in_paragraph(text, language))) == []


def _with_target(subject: Any) -> Any:
    """A paragraph with the id "target" for the texts that hold a cross-reference."""
    import attrs

    chapters = list(subject.chapters)
    chapters[1] = Chapter("Opening", [Paragraph("Text.", id="target")])
    return attrs.evolve(subject, chapters=chapters)


def test_french_typesetting_supplies_the_spaces_the_rule_asks_for() -> None:
    """The resolution pass puts the no-break spaces in French, so what prints is right."""
    found = only("punctuation-spacing", in_paragraph("Les points suivants : premier ; second ! « TIC »", "fr"))
    assert found == []


LABELLED: list[tuple[Any, str]] = [
    (Chapter("Introduction", [Paragraph("Themes:", subparagraphs=[Subparagraph("(a) Industry;"),
                                                                   Subparagraph("(b) Digital payments;")])]), "(a) (a)"),
    (Chapter("Introduction", [Paragraph("3. The meeting was opened.")]), "1. 3."),
    (Chapter("I. Introduction", [Paragraph("Text.")]), "I. I."),
    (Chapter("Introduction", sections=[Section("A. Meetings", [Paragraph("Text.")]), Section("B. Other", [Paragraph("T.")])]), "A. A."),
]


@pytest.mark.parametrize(("chapter", "printed"), LABELLED)
def test_typed_label_warns_with_what_would_print(chapter: Chapter, printed: str) -> None:
    found = only("typed-label", report(chapter, Chapter("Opening", [Paragraph("Text.")])))
    assert found
    assert printed in found[0].message


def test_typed_label_names_the_subparagraph_of_the_issue() -> None:
    chapter = Chapter("Introduction", [Paragraph("Themes:", subparagraphs=[Subparagraph("Industry;"),
                                                                            Subparagraph("(b) Digital payments;")])])
    [warning] = only("typed-label", report(chapter, Chapter("Opening", [Paragraph("Text.")])))
    assert warning.path == "$.chapters[0].content[0].subparagraphs[1].text"
    assert warning.place == "paragraph 1 (b)"
    assert "“(b) (b) …”" in warning.message


def test_typed_label_in_french_uses_the_french_label() -> None:
    chapter = Chapter("Introduction", [Paragraph("Thèmes :", subparagraphs=[Subparagraph("a) L’industrie ;")])])
    [warning] = only("typed-label", report(chapter, Chapter("Ouverture", [Paragraph("Texte.")]), language="fr"))
    assert "“a) a) …”" in warning.message


@pytest.mark.parametrize("language", ["ar", "zh"])
def test_typed_label_in_other_scripts(language: str) -> None:
    chapter = Chapter("Introduction", [Paragraph("Text:", subparagraphs=[Subparagraph("x"), Subparagraph("y")])])
    subject = report(chapter, Chapter("Opening", [Paragraph("Text.")]), language=language)
    from cstd_docs.resolve import resolve

    label = [b for b in resolve(subject).blocks if type(b).__name__ == "SubparagraphItem"][1].label
    chapter = Chapter("Introduction", [Paragraph("Text:", subparagraphs=[Subparagraph("x"),
                                                                          Subparagraph(f"{label} y")])])
    [warning] = only("typed-label", report(chapter, Chapter("Opening", [Paragraph("Text.")]), language=language))
    assert f"“{label} {label} …”" in warning.message


@pytest.mark.parametrize("text", ["Digital payments;", "2030 Agenda for Sustainable Development;",
                                  "i.e. the meeting;", "A few delegates spoke."])
def test_typed_label_quiet(text: str) -> None:
    chapter = Chapter("Introduction", [Paragraph(text, subparagraphs=[Subparagraph(text)])])
    assert only("typed-label", report(chapter, Chapter("Opening", [Paragraph("Text.")]))) == []


HEADINGS_WARN = [("en", "Organization Of Work"), ("en", "Science, Technology and Innovation"),
                 ("en", "Main Findings On Digital Cooperation"), ("fr", "Organisation Des Travaux")]
HEADINGS_QUIET = [
    ("en", "Organization of work"), ("en", "Theme 1: Industry 4.0 for inclusive development"),
    ("en", "Progress made in the implementation of and follow-up to the outcomes of the World Summit on the "
           "Information Society at the regional and international levels"),
    ("en", "Cooperation with China"), ("en", "Report of the Secretary-General on CSTD"),
    ("fr", "Organisation des travaux"),
]


@pytest.mark.parametrize(("language", "title"), HEADINGS_WARN)
def test_heading_case_warns(language: str, title: str) -> None:
    found = only("heading-case", report(Chapter(title, [Paragraph("Text.")]), Chapter("Opening", [Paragraph("T.")]),
                                        language=language))
    assert [w.path for w in found] == ["$.chapters[0].title"]


@pytest.mark.parametrize(("language", "title"), HEADINGS_QUIET)
def test_heading_case_quiet(language: str, title: str) -> None:
    subject = report(Chapter(title, [Paragraph("Text.")]), Chapter("Opening", [Paragraph("T.")]), language=language)
    assert only("heading-case", subject) == []


def test_every_text_rule_has_cases_both_ways() -> None:
    table = set(rules())
    warned = {case[0] for case in WARN} | {"typed-label", "heading-case"}
    quiet = {case[0] for case in QUIET} | {"typed-label", "heading-case"}
    structure = {"single-subheading", "empty-section", "word-limit"}  # tests/editorial/test_structure.py
    assert table - structure == warned == quiet


def test_many_slips_in_one_long_text_make_one_warning_per_rule() -> None:
    """A string at the size limit (100,000 characters) full of figures: grouped, and checked in
    linear time (each figure looks only a short way back and forth)."""
    [warning] = only("figures-under-ten", in_paragraph("1 " * 49_999))
    assert warning.message.endswith("(and 49998 more in this text)")
    [warning] = only("straight-quotes", in_paragraph("a'b https://x.org/'q' " * 4_000))
    assert warning.message.endswith("(and 3999 more in this text)")  # those inside the URLs are left alone


@pytest.mark.parametrize(("printed", "count"), [
    ("Les points suivants: premier", 1),  # no space
    ("Les points suivants : premier ; second", 2),  # ordinary spaces, which can break
    ("Le thème «TIC» est retenu", 2),
    ("Les points suivants\u202f: premier\u202f; second\u00a0! Vraiment\u202f?!", 0),
    ("Le thème «\u202fTIC\u202f» à 10:30 (voir https://example.org/a:b).", 0),
])
def test_french_spacing_on_printed_text(printed: str, count: int) -> None:
    """The rule itself, on text as it would print were the table's typesetting off."""
    from cstd_docs.editorial.rules import Kind, language_rules
    from cstd_docs.editorial.texts import Piece, Segment, Text
    from cstd_docs.editorial.typography import punctuation_spacing

    text = Text.of(Kind.BODY, (Segment(Piece.TEXT, printed, "$.x"),), "$.x", "paragraph 1")
    found = list(punctuation_spacing(text, language_rules("fr")))
    assert len(found) == count, [f.message for f in found]
    assert all("U+202F" in f.fix for f in found)


def test_places_name_the_annex_chapter_and_section() -> None:
    from cstd_docs.model import Annex, Subsection

    subject = report(
        Chapter("Introduction", [Paragraph("Text.")]),
        Chapter("Work", sections=[Section("Meetings", subsections=[Subsection("The the meeting", [Paragraph("T.")]),
                                                                   Subsection("Other", [Paragraph("T.")])]),
                                  Section("Other", [Paragraph("T.")])]),
        annexes=[Annex("List", [Paragraph("The the list.")]), Annex("More", [Paragraph("Text.")])],
    )
    found = only("repeated-word", subject)
    assert [(w.path, w.place) for w in found] == [
        ("$.chapters[1].sections[0].subsections[0].title", "chapter II, section A, subsection 1"),
        ("$.annexes[0].content[0].text", "Annex I, paragraph 1"),
    ]


def test_every_rule_of_the_data_has_its_code() -> None:
    from cstd_docs.editorial import TEXT_RULES
    from cstd_docs.editorial.rules import Kind

    structure = {r.id for r in rules().values() if Kind.STRUCTURE in r.applies_to}
    assert structure == {"single-subheading", "empty-section", "word-limit"}
    assert set(TEXT_RULES) == set(rules()) - structure
