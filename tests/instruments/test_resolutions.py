"""Resolutions (issue 12): labels and numbers, the JSON, both writers and both readers, and the
whole E/CN.5/2025/L.6 compared with its printed text paragraph by paragraph."""

from __future__ import annotations

import io
import re
import zipfile

import attrs
import pytest
from tests.instruments.helpers import (
    E28_EXAMPLE,
    E28_TEXT,
    L6_TEXT,
    compact,
    l6_report,
    sample_body_and_notes,
    words,
)
from tests.ooxml import zip_package

import cstd_docs
from cstd_docs.errors import Problem, ReportError
from cstd_docs.model import (
    Chapter,
    CrossRef,
    Decision,
    DecisionParagraph,
    Operative,
    Paragraph,
    Preambular,
    ProvisionalAgenda,
    Report,
    Resolution,
    Section,
    Subparagraph,
    UnnumberedText,
)
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import (
    InstrumentHeading,
    InstrumentKind,
    InstrumentText,
    NumberedParagraph,
    OperativeParagraph,
)
from cstd_docs.writers.docx import docx_bytes


def _resolution(title: str, number: str | None = None, ident: str | None = None) -> Resolution:
    return Resolution(title, "The Commission on Narcotic Drugs,", [Preambular("*Recalling* its resolution 65/4,")],
                      [Operative("Encourages Member States to act;", id=f"{ident}-op1" if ident else None),
                       Operative("Requests the Executive Director to report.", id=f"{ident}-op2" if ident else None)],
                      official_number=number, id=ident)


def _decision(title: str, number: str | None = None, ident: str | None = None) -> Decision:
    lead_in = DecisionParagraph("The Economic and Social Council:", subparagraphs=[
        Subparagraph("Takes note of the report;"), Subparagraph("Approves the provisional agenda.")])
    return Decision(title, [lead_in, DecisionParagraph("A second paragraph.", id=f"{ident}-p2" if ident else None)],
                    official_number=number, id=ident)


def _session_report(*blocks: Paragraph | UnnumberedText | Resolution | Decision) -> Report:
    return attrs.evolve(l6_report(), content=(), chapters=(Chapter("Matters calling for action", blocks),))


# --- labels and numbers ---------------------------------------------------------------------------
def test_draft_resolutions_are_numbered_by_place_and_adopted_ones_print_their_number() -> None:
    report = _session_report(Paragraph("The Commission recommends the following:"), _resolution("First"),
                             _resolution("Second"), _resolution("Promoting", "68/1"), Paragraph("Closing."))
    blocks = resolve(report).blocks
    labels = [b.label for b in blocks if isinstance(b, InstrumentHeading)]
    assert labels == ["Draft resolution I", "Draft resolution II", "Resolution 68/1"]
    operative = [b.number for b in blocks if isinstance(b, OperativeParagraph)]
    assert operative == ["1.", "2."] * 3  # restarting in each resolution
    assert [b.number for b in blocks if isinstance(b, NumberedParagraph)] == ["1.", "2."]  # none used up


def test_a_sole_draft_is_draft_resolution_and_the_l_document_prints_no_label() -> None:
    sole = resolve(_session_report(_resolution("Only"))).blocks
    assert [b.label for b in sole if isinstance(b, InstrumentHeading)] == ["Draft resolution"]
    l6 = resolve(l6_report()).blocks
    assert [b.label for b in l6 if isinstance(b, InstrumentHeading)] == [""]


def test_decisions_are_numbered_among_decisions_and_use_up_no_paragraph_number() -> None:
    report = _session_report(Paragraph("Recommends:"), _decision("First"), _resolution("Only resolution"),
                             _decision("Second"), _decision("Adopted", "68/101"), Paragraph("After."))
    blocks = resolve(report).blocks
    labels = [b.label for b in blocks if isinstance(b, InstrumentHeading)]
    assert labels == ["Draft decision I", "Draft resolution", "Draft decision II", "Decision 68/101"]
    assert [b.number for b in blocks if isinstance(b, NumberedParagraph)] == ["1.", "2."]
    kinds = [b.kind for b in blocks if isinstance(b, InstrumentHeading)]
    assert kinds == [InstrumentKind.DECISION, InstrumentKind.RESOLUTION, InstrumentKind.DECISION, InstrumentKind.DECISION]
    french = attrs.evolve(report, language="es")
    assert [b.label for b in resolve(french).blocks if isinstance(b, InstrumentHeading)][-1] == "Decisión 68/101"


def test_decisions_round_trip_in_both_formats_with_and_without_the_source() -> None:
    report = _session_report(Paragraph("Recommends:"), _decision("First", ident="d1"), _resolution("R"),
                             _decision("Second"), _decision("Adopted", "68/101", "d3"), Paragraph("After."))
    assert cstd_docs.read_markdown(cstd_docs.render_markdown(report)) == report
    assert cstd_docs.read_docx(docx_bytes(report)) == report
    bare = cstd_docs.read_markdown(cstd_docs.render_markdown(report, embed_source=False)).chapters[0].content
    assert [type(b).__name__ for b in bare] == ["Paragraph", "Decision", "Resolution", "Decision", "Decision",
                                               "Paragraph"]
    third = bare[4]
    assert isinstance(third, Decision) and third.official_number == "68/101"
    assert len(third.paragraphs) == 2 and len(third.paragraphs[0].subparagraphs) == 2
    markdown = cstd_docs.render_markdown(report)
    assert "\n> ###### Decision 68/101\n" in markdown and "\n> ##### Draft resolution\n" in markdown


def test_a_decision_without_text_is_refused_with_its_path() -> None:
    with pytest.raises(ReportError) as caught:
        resolve(_session_report(Decision("Title", [])))
    assert caught.value.problems[0].path == "$.chapters[0].content[0].paragraphs"


def test_labels_come_from_the_language_tables() -> None:
    report = attrs.evolve(_session_report(_resolution("A"), _resolution("B"), _resolution("C", "68/1")),
                          language="fr")
    labels = [b.label for b in resolve(report).blocks if isinstance(b, InstrumentHeading)]
    assert labels == ["Projet de résolution I", "Projet de résolution II", "Résolution 68/1"]


def test_cross_references_print_the_operative_number_and_the_resolution_numeral() -> None:
    text = ("See paragraph ", CrossRef("r2-op2"), " of draft resolution ", CrossRef("r2"), ".")
    report = _session_report(_resolution("A", ident="r1"), _resolution("B", ident="r2"), Paragraph(text))
    paragraph = next(b for b in resolve(report).blocks if isinstance(b, NumberedParagraph))
    assert "".join(map(str, paragraph.text)) == "See paragraph 2 of draft resolution II."


def test_an_agenda_sub_item_prints_after_its_number_and_reads_back_from_both_formats() -> None:
    report = l6_report()
    assert report.agenda_items[0].sub_item == "(b) (iii)"
    # The New York layout labels the adopted agenda's item as L.6 prints it; Geneva's own form.
    assert "\nAgenda item 3 (b) (iii)\\\n" in cstd_docs.render_markdown(report)
    geneva = attrs.evolve(report, layout="geneva")
    assert "\nItem 3 (b) (iii) of the agenda\\\n" in cstd_docs.render_markdown(geneva)
    assert cstd_docs.read_markdown(cstd_docs.render_markdown(geneva, embed_source=False)).agenda_items == \
        report.agenda_items
    bare = cstd_docs.read_markdown(cstd_docs.render_markdown(report, embed_source=False))
    assert bare.agenda_items == report.agenda_items
    assert cstd_docs.read_docx(docx_bytes(report)).agenda_items == report.agenda_items
    with pytest.raises(ReportError) as caught:
        cstd_docs.loads(cstd_docs.dumps(report).replace('"(b) (iii)"', '"b.iii"'))
    assert caught.value.problems[0].path == "$.agenda_items[0].sub_item"


def test_cross_references_to_ranges_decisions_and_sections_follow_renumbering() -> None:
    text = ("See paragraphs ", CrossRef("r1-op1"), "–", CrossRef("r1-op2"), " of draft resolution ", CrossRef("r1"),
            ", decision ", CrossRef("d3"), " and draft decision ", CrossRef("d1"), " (chap. I, sect. ", CrossRef("s"),
            ").")
    blocks = [_decision("First", ident="d1"), _resolution("A", ident="r1"), _decision("Adopted", "68/101", "d3"),
              _decision("Other"), _resolution("Other"), Paragraph(text, id="see")]
    section = Section("Matters brought to the attention of the Council", blocks, id="s")
    report = attrs.evolve(l6_report(), content=(), chapters=(Chapter("Matters", sections=[section]),))

    def printed(doc: Report) -> str:
        found = next(b for b in resolve(doc).blocks if isinstance(b, NumberedParagraph) and b.id == "see")
        return "".join(map(str, found.text))

    assert printed(report) == ("See paragraphs 1–2 of draft resolution I, decision 68/101 and draft decision I "
                               "(chap. I, sect. A).")
    # A draft of each kind inserted before them, and a section before theirs: every reference follows.
    section = attrs.evolve(section, content=(_decision("Zero"), _resolution("Zero"), *section.content))
    moved = attrs.evolve(report, chapters=(Chapter("Matters", sections=[Section("Before"), section]),))
    assert printed(moved) == ("See paragraphs 1–2 of draft resolution II, decision 68/101 and draft decision II "
                              "(chap. I, sect. B).")


# --- JSON -----------------------------------------------------------------------------------------
def test_a_resolution_is_told_apart_by_its_enacting_formula_and_round_trips() -> None:
    report = l6_report()
    resolution = report.content[1]
    assert isinstance(resolution, Resolution) and len(resolution.preamble) == 10 and len(resolution.operative) == 17
    assert cstd_docs.loads(cstd_docs.dumps(report)) == report


def test_a_resolution_without_operative_paragraphs_is_refused_with_its_path() -> None:
    data = cstd_docs.dumps(l6_report()).replace('"operative": [', '"operative_was": [', 1)
    with pytest.raises(ReportError):
        cstd_docs.loads(data)
    empty = _session_report(Resolution("Title", "The Council,", [], []))
    with pytest.raises(ReportError) as caught:
        resolve(empty)
    assert caught.value.problems[0].path == "$.chapters[0].content[0].operative"


def test_a_problem_in_an_operative_paragraph_is_placed_by_its_own_number() -> None:
    data = cstd_docs.dumps(l6_report()).replace('"emphasis": "Decides"', '"ref": "no-such-block"', 1)
    with pytest.raises(ReportError) as caught:
        cstd_docs.loads(data)
    problem = caught.value.problems[0]
    assert problem.path.startswith("$.content[1].operative[1].text")
    assert problem.place == "a draft resolution (id 'res-madrid-review'), operative paragraph 2"


# --- the sample, paragraph by paragraph -------------------------------------------------------------
def test_l6_matches_the_printed_document_paragraph_by_paragraph() -> None:
    body, notes = sample_body_and_notes(L6_TEXT)
    markdown = cstd_docs.render_markdown(l6_report(), embed_source=False)
    blocks = [re.sub(r"^(?:> )?(?:#+ )?", "", line) for line in markdown.split("\n\n")[3:] if not line.startswith("[^")]
    blocks = [b for b in blocks if b.strip()]
    assert len(blocks) == 1 + 1 + 1 + 1 + 10 + 17 + 7  # title, sentence, resolution title, formula, paragraphs
    position = 0
    for block in blocks:
        found = body.find(words(block), position)
        assert found >= 0, f"not in the sample (in order): {words(block)[:120]!r}"
        position = found + len(words(block))
    ours = re.findall(r"^\[\^(\d+)\]: (.*)$", markdown, flags=re.M)
    assert [words(text) for _, text in ours] == [words(n) for n in notes] and len(notes) == 11


def test_e28_resolutions_match_the_printed_report_in_order() -> None:
    body, notes = sample_body_and_notes(E28_TEXT)
    report = cstd_docs.load(E28_EXAMPLE)
    markdown = cstd_docs.render_markdown(report, embed_source=False)
    start = markdown.index("## I.")
    blocks = [re.sub(r"^(?:> )?(?:#+ )?(?:[IVX]+\.|[A-Z]\.|\d+\\\.)?\s*", "", chunk)
              for chunk in markdown[start:].split("\n\n") if chunk.strip() and not chunk.startswith("[^")]
    resolutions = [b for s in report.chapters[0].sections for b in s.content if isinstance(b, Resolution)]
    shown = sum(3 + len(r.preamble) + len(r.operative) for r in resolutions)  # label, title, formula, paragraphs
    decisions = [b for s in report.chapters[0].sections for b in s.content if isinstance(b, Decision)]
    texts = [p for d in decisions for p in d.paragraphs if isinstance(p, DecisionParagraph)]
    shown += sum(2 for _ in decisions) + sum(1 + len(p.subparagraphs) for p in texts)
    # the provisional agenda: its title, items, sub-items, the segments' headings and the "***" line
    agendas = [p for d in decisions for p in d.paragraphs if isinstance(p, ProvisionalAgenda)]
    assert len(agendas) == 1 and len(agendas[0].items) == 12
    shown += sum(1 + sum(1 + len(i.sub_items) + bool(i.heading) + i.separated for i in a.items) for a in agendas)
    assert len(resolutions) == len(decisions) == 2 and len(blocks) == 3 + 2 + shown  # headings, paragraphs
    printed = body.replace(" ", "")
    position = printed.index("ChapterIMatterscallingforaction")
    for block in blocks:
        found = printed.find(compact(block), position)
        assert found >= 0, f"not in the sample (in order): {words(block)[:120]!r}"
        position = found + len(compact(block))
    ours = [words(text) for text in re.findall(r"^\[\^\d+\]: (.*)$", markdown, flags=re.M)]
    assert len(ours) == 18 and all(note in [words(n) for n in notes] for note in ours)


# --- Markdown -----------------------------------------------------------------------------------------
def test_operative_paragraphs_are_quoted_so_they_never_read_as_report_paragraphs() -> None:
    markdown = cstd_docs.render_markdown(l6_report())
    assert "\n> ##### Modalities for the fifth review" in markdown
    assert "\n> 1\\. *Endorses* the timeline" in markdown
    assert "\n> \\(a) Providing assistance" in markdown


def test_a_leading_tab_makes_no_code_block_and_reads_back() -> None:
    report = _session_report(UnnumberedText("\tTyped with a tab."), UnnumberedText("    Four spaces."))
    markdown = cstd_docs.render_markdown(report)
    assert "\n&#9;Typed with a tab.\n" in markdown and "\n&#32;   Four spaces.\n" in markdown
    assert cstd_docs.read_markdown(markdown) == report
    # Without the source too: the text's own blank, written as a character reference, is text
    # (blanks typed around a paragraph are the Markdown's, and dropped; issue 16).
    back = cstd_docs.read_markdown(cstd_docs.render_markdown(report, embed_source=False))
    assert [b.unnumbered for b in back.chapters[0].content] == [("\tTyped with a tab.",), ("    Four spaces.",)]
    typed = cstd_docs.read_markdown("# Title\n\n## I. Chapter\n\n\tTyped with a tab.  \n")
    assert typed.chapters[0].content[0].unnumbered == ("Typed with a tab.",)  # type: ignore[union-attr]


# --- readers -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("embed", [True, False], ids=["with-source", "without-source"])
def test_l6_round_trips_through_markdown(embed: bool) -> None:
    report = l6_report()
    warnings: list[Problem] = []
    back = cstd_docs.read_markdown(cstd_docs.render_markdown(report, embed_source=embed), warnings=warnings)
    assert warnings == []
    if embed:
        assert back == report
    else:  # ids are not printed; everything else is
        assert _without_ids(back.content[1]) == _without_ids(report.content[1])


def _without_ids(block: object) -> Resolution:
    assert isinstance(block, Resolution)
    operative = [attrs.evolve(o, id=None) for o in block.operative]
    return attrs.evolve(block, id=None, operative=operative)


def test_l6_round_trips_through_docx() -> None:
    report = l6_report()
    warnings: list[Problem] = []
    assert cstd_docs.read_docx(docx_bytes(report), warnings=warnings) == report
    assert warnings == []


def test_session_report_resolutions_round_trip_in_both_formats() -> None:
    report = _session_report(Paragraph("Recommends:"), _resolution("A", ident="ra"), _resolution("B"),
                             _resolution("C", "68/1", "rc"), Paragraph("After."))
    assert cstd_docs.read_markdown(cstd_docs.render_markdown(report)) == report
    assert cstd_docs.read_docx(docx_bytes(report)) == report
    no_source = cstd_docs.read_markdown(cstd_docs.render_markdown(report, embed_source=False))
    assert [r.official_number for r in no_source.chapters[0].content if isinstance(r, Resolution)] == \
        [None, None, "68/1"]


def _insert_after(data: bytes, anchor_text: str, paragraph_xml: str) -> bytes:
    """The .docx with a paragraph inserted after the first one holding ``anchor_text`` (as Word would)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [(n, z.read(n)) for n in z.namelist()]
    out = []
    for name, content in parts:
        if name == "word/document.xml":
            text = content.decode()
            at = text.index("</w:p>", text.index(anchor_text)) + len("</w:p>")
            content = (text[:at] + paragraph_xml + text[at:]).encode()
        out.append((name, content))
    return zip_package(out)


def test_an_operative_paragraph_inserted_in_word_renumbers_within_its_resolution_only() -> None:
    report = _session_report(Paragraph("Recommends:"), _resolution("A", ident="ra"), _resolution("B", ident="rb"),
                             Paragraph("After."))
    inserted = ('<w:p><w:pPr><w:pStyle w:val="OperativeG"/></w:pPr><w:r><w:t xml:space="preserve">2.</w:t></w:r>'
                '<w:r><w:tab/></w:r><w:r><w:t>Also encourages Member States to share;</w:t></w:r></w:p>')
    data = _insert_after(docx_bytes(report), "Encourages Member States to act;", inserted)
    back = cstd_docs.read_docx(data)
    first, second = back.chapters[0].content[1], back.chapters[0].content[2]
    assert isinstance(first, Resolution) and isinstance(second, Resolution)
    assert [o.text for o in first.operative][1] == ("Also encourages Member States to share;",)
    numbers = [(b.origin.id if b.origin else None, b.number) for b in resolve(back).blocks
               if isinstance(b, (OperativeParagraph, NumberedParagraph))]
    assert numbers == [(None, "1."), ("ra-op1", "1."), (numbers[2][0], "2."), ("ra-op2", "3."),
                       ("rb-op1", "1."), ("rb-op2", "2."), (None, "2.")]


def test_the_editorial_walker_sees_every_text_of_a_resolution() -> None:
    from cstd_docs.editorial.texts import texts

    found = {t.path for t in texts(resolve(l6_report()))}
    resolution = "$.content[1]"
    assert {f"{resolution}.title", f"{resolution}.enacting", f"{resolution}.preamble[9].text",
            f"{resolution}.operative[16].text", f"{resolution}.operative[8].subparagraphs[6].text"} <= found


def test_the_editorial_walker_sees_every_text_of_a_decision() -> None:
    from cstd_docs.editorial.texts import texts

    found = {t.path for t in texts(resolve(cstd_docs.load(E28_EXAMPLE)))}
    decision = "$.chapters[0].sections[0].content[1]"
    assert {f"{decision}.title", f"{decision}.paragraphs[0].text",
            f"{decision}.paragraphs[0].subparagraphs[2].text"} <= found


def test_preambular_and_enacting_text_keep_their_kind() -> None:
    kinds = [b.kind.value for b in resolve(l6_report()).blocks if isinstance(b, InstrumentText)]
    assert kinds == ["enacting"] + ["preambular"] * 10
