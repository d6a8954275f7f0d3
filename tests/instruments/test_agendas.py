"""Provisional agendas, subheadings between operative paragraphs, notes an instrument numbers on its
own, several agenda items on one label line and the L document's layout (issue 12): the numbers, the
JSON, both writers and both readers, with and without the source, in the six languages."""

from __future__ import annotations

import io
import re
import zipfile

import attrs
import pytest
from lxml import etree
from tests.instruments.helpers import E28_EXAMPLE, E28_TEXT, l6_report, sample_body_and_notes, words
from tests.ooxml import zip_package

import cstd_docs
from cstd_docs.errors import Problem, ReportError
from cstd_docs.lang import available, language_pack
from cstd_docs.model import (
    AgendaDocument,
    AgendaItem,
    AgendaLabel,
    Chapter,
    Decision,
    DecisionParagraph,
    Emphasis,
    FirstPageNotes,
    Note,
    NoteNumbering,
    Operative,
    Paragraph,
    Preambular,
    ProvisionalAgenda,
    ProvisionalItem,
    ProvisionalSubItem,
    Report,
    Resolution,
    Subparagraph,
    TitleStyle,
)
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import AgendaPart, AgendaPartKind, InstrumentText, InstrumentTextKind
from cstd_docs.writers.docx import docx_bytes
from cstd_docs.writers.docx.layout import GENEVA, NEW_YORK

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _agenda() -> ProvisionalAgenda:
    documents = [AgendaDocument("Report of the Secretary-General", "E/CN.16/2026/2"), AgendaDocument("Note")]
    return ProvisionalAgenda("Provisional agenda for the twenty-ninth session", [
        ProvisionalItem("Election of officers.", id="election"),
        ProvisionalItem("Science and technology:", [ProvisionalSubItem("Priority theme;", documents),
                                                    ProvisionalSubItem("Other matters.")],
                        heading="Operational segment"),
        ProvisionalItem("Other business.", documentation=[AgendaDocument("Annotations")], separated=True),
    ])


def _decision(agenda: ProvisionalAgenda | None = None, numbering: NoteNumbering = NoteNumbering.REPORT) -> Decision:
    lead = DecisionParagraph("The Economic and Social Council:", subparagraphs=[
        Subparagraph(("Takes note of the report;", Note("E/2025/31."))),
        Subparagraph("Approves the provisional agenda set out below.")])
    return Decision("Report of the Commission and provisional agenda", [lead, *([agenda] if agenda else [])],
                    note_numbering=numbering, id="dec")


def _resolution(numbering: NoteNumbering = NoteNumbering.REPORT, ident: str = "res") -> Resolution:
    return Resolution("Assessment of the progress made", (Emphasis("The Economic and Social Council"), ","),
                      [Preambular((Emphasis("Recalling"), " the outcome documents,", Note("A/60/687.")))],
                      [Operative("Notes the progress;"),
                       Operative(("Welcomes the report;", Note("E/2025/12.")), heading="Taking stock", id=f"{ident}-2"),
                       Operative("Recommends the following;", heading="The road ahead")],
                      note_numbering=numbering, id=ident)


def _report(*blocks: object, **changes: object) -> Report:
    chapter = Chapter("Matters calling for action", [Paragraph(("The Commission recommends:", Note("First."))),
                                                     *blocks, Paragraph(("After.", Note("Last.")))])
    return attrs.evolve(l6_report(), content=(), chapters=(chapter,), **{"layout": "geneva", "title_style": "HMG",
                                                                          **changes})


def _shown(runs: tuple[object, ...]) -> str:
    """Runs as printed text: a link or emphasis by its text, a note mark left out."""
    return "".join(r if isinstance(r, str) else getattr(r, "text", "") if not hasattr(r, "note") else ""
                   for r in runs)


def _without_source(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return zip_package([(n, z.read(n)) for n in z.namelist() if not n.startswith("customXml/")])


def _read_both(report: Report, embed: bool) -> list[tuple[str, Report, list[Problem]]]:
    out = []
    for name in ("md", "docx"):
        warnings: list[Problem] = []
        if name == "md":
            back = cstd_docs.read_markdown(cstd_docs.render_markdown(report, embed_source=embed), warnings=warnings)
        else:
            data = docx_bytes(report)
            back = cstd_docs.read_docx(data if embed else _without_source(data), warnings=warnings)
        out.append((name, back, warnings))
    return out


def _without_ids(report: Report) -> str:
    return re.sub(r'\n *"id": "[^"]*",', "", cstd_docs.dumps(attrs.evolve(report, schema=None)))


# --- the provisional agenda -------------------------------------------------------------------------
def test_agenda_items_are_numbered_through_the_agenda_across_its_headings() -> None:
    parts = [b for b in resolve(_report(_decision(_agenda()))).blocks if isinstance(b, AgendaPart)]
    shown = [(p.kind.value, p.label, _shown(p.text)) for p in parts]
    assert shown == [
        ("agenda title", "", "Provisional agenda for the twenty-ninth session"),
        ("agenda item", "1.", "Election of officers."),
        ("agenda heading", "", "Operational segment"),
        ("agenda item", "2.", "Science and technology:"),
        ("agenda sub-item", "(a)", "Priority theme;"),
        ("documentation", "", "Documentation"),
        ("document", "", "Report of the Secretary-General (E/CN.16/2026/2)"),
        ("document", "", "Note"),
        ("agenda sub-item", "(b)", "Other matters."),
        ("agenda separator", "", "***"),
        ("agenda item", "3.", "Other business."),
        ("documentation", "", "Documentation"),
        ("document", "", "Annotations"),
    ]
    assert [p.depth for p in parts if p.kind is AgendaPartKind.DOCUMENT] == [2, 2, 1]


def test_the_fixed_words_and_the_symbol_come_from_the_six_language_tables() -> None:
    languages = sorted(available())
    assert languages == ["ar", "en", "es", "fr", "ru", "zh"]
    seen = set()
    for language in languages:
        parts = [b for b in resolve(_report(_decision(_agenda()), language=language)).blocks
                 if isinstance(b, AgendaPart)]
        words_ = language_pack(language).table.instruments
        assert [p.text for p in parts if p.kind is AgendaPartKind.DOCUMENTATION] == [(words_.documentation,)] * 2
        document = next(p for p in parts if p.kind is AgendaPartKind.DOCUMENT)
        before, _, after = words_.document_symbol.partition("{symbol}")
        assert document.text[1:2] == (before,) and document.text[3:] == (after,)
        assert document.text[2].url == language_pack(language).table.symbol_link.format(symbol="E/CN.16/2026/2")
        seen.add(words_.documentation)
    assert len(seen) == 5  # English and French both say "Documentation"
    assert "（" in language_pack("zh").table.instruments.document_symbol


def test_an_agenda_inside_a_decision_and_as_a_document_of_its_own_round_trip() -> None:
    in_decision = _report(_decision(_agenda()))
    own = attrs.evolve(l6_report(), title="Provisional agenda and annotations", title_style=TitleStyle.HMG,
                       content=(attrs.evolve(_agenda(), title=()),), layout="geneva")
    for report in (in_decision, own):
        for name, back, warnings in _read_both(report, embed=True):
            assert (name, warnings) == (name, []) and back == report, name
        for name, back, warnings in _read_both(report, embed=False):
            assert (name, warnings) == (name, [])
            assert _without_ids(back) == _without_ids(report), name


def test_an_agenda_printed_alone_after_a_decision_stays_alone() -> None:
    report = _report(_decision(), _agenda())
    assert cstd_docs.read_markdown(cstd_docs.render_markdown(report)) == report
    assert cstd_docs.read_docx(docx_bytes(report)) == report


def test_an_item_inserted_in_word_renumbers_the_agenda() -> None:
    report = _report(_decision(_agenda()))
    data = docx_bytes(report)
    inserted = ('<w:p><w:pPr><w:pStyle w:val="AgendaItemG"/></w:pPr><w:r><w:t>2.</w:t><w:tab/></w:r>'
                '<w:r><w:t>Adoption of the agenda.</w:t></w:r></w:p>')
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [(n, z.read(n)) for n in z.namelist()]
    text = dict(parts)["word/document.xml"].decode()
    at = text.index("</w:p>", text.index("Election of officers.")) + len("</w:p>")
    changed = [(n, (text[:at] + inserted + text[at:]).encode() if n == "word/document.xml" else c) for n, c in parts]
    back = cstd_docs.read_docx(zip_package(changed))
    labels = [(p.label, _shown(p.text)) for p in resolve(back).blocks
              if isinstance(p, AgendaPart) and p.kind is AgendaPartKind.ITEM]
    assert labels == [("1.", "Election of officers."), ("2.", "Adoption of the agenda."),
                      ("3.", "Science and technology:"), ("4.", "Other business.")]


def test_cross_references_print_an_agenda_item_number() -> None:
    report = _report(_decision(_agenda()), Paragraph(("See item ", cstd_docs.model.CrossRef("election"), ".")))
    last = [b for b in resolve(report).blocks if type(b).__name__ == "NumberedParagraph"][-2]
    assert "".join(map(str, last.text)) == "See item 1."


def test_e28_agenda_prints_the_sample_items_and_sub_items_in_order() -> None:
    """Draft decision I of E/2025/28: the items and sub-items as the sample prints them, label by label."""
    body, _ = sample_body_and_notes(E28_TEXT)
    start = body.index("Provisional agenda for the sixty-ninth session of the Commission on Narcotic Drugs")
    sample = body[start:body.index("Draft decision II", start)]
    parts = [b for b in resolve(cstd_docs.load(E28_EXAMPLE)).blocks if isinstance(b, AgendaPart)]
    assert len(parts) == 1 + 12 + 9 + 2 + 1  # title, items, sub-items, the segments' headings, "***"
    position = 0
    for part in parts:
        if part.kind is AgendaPartKind.SEPARATOR:
            continue  # the sample text shows "***"; words() reads it as nothing
        # words() drops free-standing numbers: the sample's item numbers are checked by their order here
        printed = words(f"{part.label} {_shown(part.text)}".strip())
        found = sample.find(printed, position)
        assert found >= 0, f"not in the sample (in order): {printed!r}"
        position = found + len(printed)
    assert [p.label for p in parts if p.kind is AgendaPartKind.ITEM] == [f"{n}." for n in range(1, 13)]
    assert [p.label for p in parts if p.kind is AgendaPartKind.SUB_ITEM] == \
        ["(a)", "(b)", "(c)", "(d)", "(a)", "(b)", "(c)", "(d)", "(e)"]


def test_an_agenda_without_items_or_with_a_bad_symbol_is_refused_with_its_path_and_place() -> None:
    report = _report(_decision(ProvisionalAgenda("Title", [])))
    with pytest.raises(ReportError) as caught:
        resolve(report)
    assert caught.value.problems[0].path == "$.chapters[0].content[1].paragraphs[1].items"
    data = cstd_docs.dumps(_report(_decision(_agenda()))).replace('"E/CN.16/2026/2"', '"see the website"')
    with pytest.raises(ReportError) as caught:
        cstd_docs.loads(data)
    problem = caught.value.problems[0]
    assert problem.path == "$.chapters[0].content[1].paragraphs[1].items[1].sub_items[0].documentation[0].symbol"
    assert problem.place is not None and "agenda item 2" in problem.place and "sub-item (a)" in problem.place


def test_the_editorial_walker_sees_the_agenda_and_the_headings() -> None:
    from cstd_docs.editorial.texts import texts

    found = {t.path: t.place for t in texts(resolve(_report(_decision(_agenda()), _resolution())))}
    agenda = "$.chapters[0].content[1].paragraphs[1]"
    assert found[f"{agenda}.title"] == "the provisional agenda"
    assert found[f"{agenda}.items[1].heading"] == "the provisional agenda, item 2, its heading"
    assert found[f"{agenda}.items[1].sub_items[0].documentation[0].title"] == \
        "the provisional agenda, item 2 (a), document 1"
    assert found["$.chapters[0].content[2].operative[1].heading"] == "Draft resolution, paragraph 2, its subheading"


# --- subheadings between operative paragraphs -----------------------------------------------------
def test_operative_numbers_run_across_subheadings_and_read_back() -> None:
    report = _report(_resolution())
    blocks = resolve(report).blocks
    shown = [("sub" if isinstance(b, InstrumentText) and b.kind is InstrumentTextKind.SUBHEADING else
              getattr(b, "number", None)) for b in blocks if type(b).__name__ in ("InstrumentText", "OperativeParagraph")
             and not (isinstance(b, InstrumentText) and b.kind is not InstrumentTextKind.SUBHEADING)]
    assert shown == ["1.", "sub", "2.", "sub", "3."]
    assert "\n> ### Taking stock\n" in cstd_docs.render_markdown(report)
    assert 'w:val="ResSubheadingG"' in zipfile.ZipFile(io.BytesIO(docx_bytes(report))).read("word/document.xml").decode()
    for embed in (True, False):
        for name, back, warnings in _read_both(report, embed):
            assert warnings == [], name
            resolution = back.chapters[0].content[1]
            assert isinstance(resolution, Resolution)
            assert [o.heading for o in resolution.operative] == [(), ("Taking stock",), ("The road ahead",)], name


def test_a_subheading_left_without_its_paragraph_is_reported() -> None:
    markdown = cstd_docs.render_markdown(_report(_resolution()), embed_source=False)
    markdown = markdown.replace("> 3\\. Recommends the following;\n\n", "")
    warnings: list[Problem] = []
    back = cstd_docs.read_markdown(markdown, warnings=warnings)
    assert any("subheading with no operative paragraph" in w.message for w in warnings)
    resolution = back.chapters[0].content[1]
    assert isinstance(resolution, Resolution) and len(resolution.operative) == 2


# --- notes an instrument numbers on its own --------------------------------------------------------
def _marks(report: Report) -> list[str]:
    return [n.mark for n in resolve(report).notes]


def test_the_default_numbers_an_instruments_notes_with_the_reports_as_both_samples_do() -> None:
    assert _marks(_report(_decision(), _resolution())) == ["1", "2", "3", "4", "5"]
    report = cstd_docs.load(E28_EXAMPLE)  # E/2025/28 runs its notes 1 to 18 through chapter I
    assert _marks(report) == [str(n) for n in range(1, 19)]


def test_an_instrument_numbering_its_own_notes_restarts_at_1_and_the_report_goes_on() -> None:
    report = _report(_decision(), _resolution(NoteNumbering.OWN))
    notes = resolve(report).notes
    assert [n.mark for n in notes] == ["1", "2", "1", "2", "3"]
    assert [n.key for n in notes] == [None, None, "Draft-resolution.1", "Draft-resolution.2", None]
    markdown = cstd_docs.render_markdown(report)
    assert "[^Draft-resolution.1]" in markdown and "\n[^Draft-resolution.2]: E/2025/12.\n" in markdown
    document = zipfile.ZipFile(io.BytesIO(docx_bytes(report))).read("word/document.xml")
    references = etree.fromstring(document).iter(f"{W}footnoteReference")
    custom = [r for r in references if r.get(f"{W}customMarkFollows") == "1"]
    assert len(custom) == 2
    for reference in custom:  # a number raised as every note number, not an asterisk on the baseline
        properties = reference.getparent().find(f"{W}rPr")
        assert properties.find(f"{W}vertAlign") is None and reference.getparent().find(f"{W}t").text.isdigit()


@pytest.mark.parametrize("first_page", list(FirstPageNotes))
def test_restarted_numbers_are_not_read_as_the_first_pages_asterisks(first_page: FirstPageNotes) -> None:
    report = _report(_decision(numbering=NoteNumbering.OWN), _resolution(NoteNumbering.OWN),
                     first_page_notes=first_page, subtitles=[("Prepared by the secretariat", Note("A note."))])
    assert [n.mark for n in resolve(report).notes][:1] == ["*" if first_page is FirstPageNotes.ASTERISKS else "1"]
    for embed in (True, False):
        for name, back, warnings in _read_both(report, embed):
            assert warnings == [], name
            assert back.first_page_notes is first_page, name
            assert [b.note_numbering for b in back.chapters[0].content if isinstance(b, (Resolution, Decision))] \
                == [NoteNumbering.OWN, NoteNumbering.OWN], name
            assert _marks(back) == _marks(report), name


def test_an_instrument_without_notes_keeps_its_choice_from_the_source() -> None:
    report = _report(attrs.evolve(_resolution(), preamble=(), operative=(Operative("Decides;"),),
                                  note_numbering=NoteNumbering.OWN))
    for name, back, _ in _read_both(report, embed=True):
        assert back == report, name


# --- agenda items on one label line, and the New York label -------------------------------------
def _front_labels(report: Report) -> list[str]:
    return ["".join(str(r) for r in line.label if isinstance(r, str)) for line in resolve(report).front.agenda]


@pytest.mark.parametrize("language", ["ar", "en", "es", "fr", "ru", "zh"])
def test_several_items_on_one_label_line_in_each_language(language: str) -> None:
    items = (AgendaItem(2, "Progress made"), AgendaItem(3, "Science and technology"))
    report = _report(language=language, agenda_items=items, agenda_label=AgendaLabel.JOINED,
                     agenda_symbol="E/CN.16/2026/1")
    labels = language_pack(language).table.agenda_labels
    numbers = f"2{labels.numbers_and}3"
    assert _front_labels(report) == [labels.items_provisional.format(numbers=numbers), ""]
    assert resolve(report).notes[0].text == ("E/CN.16/2026/1" + language_pack(language).table.note_end,)
    for embed in (True, False):
        for name, back, warnings in _read_both(report, embed):
            assert warnings == [], name
            assert (back.agenda_items, back.agenda_label, back.agenda_symbol) == \
                (items, AgendaLabel.JOINED, "E/CN.16/2026/1"), name
    three = attrs.evolve(report, agenda_items=(*items, AgendaItem(5, "Other")))
    assert labels.numbers_separator in _front_labels(three)[0]


def test_new_york_labels_the_adopted_agendas_items_its_own_way() -> None:
    items = (AgendaItem(3, "Follow-up", provisional=False, sub_item="(b)"), AgendaItem(4, "Other", provisional=False))
    report = _report(agenda_items=items, agenda_label=AgendaLabel.JOINED, layout="new_york")
    assert _front_labels(report) == ["Agenda items 3 (b) and 4", ""]
    assert _front_labels(attrs.evolve(report, layout="geneva")) == ["Items 3 (b) and 4 of the agenda", ""]
    provisional = attrs.evolve(report, agenda_items=tuple(attrs.evolve(i, provisional=True) for i in items))
    assert _front_labels(provisional) == ["Items 3 (b) and 4 of the provisional agenda", ""]
    back = cstd_docs.read_markdown(cstd_docs.render_markdown(report, embed_source=False))
    assert (back.layout.value, back.agenda_items, back.agenda_label) == ("new_york", items, AgendaLabel.JOINED)


def test_one_label_for_items_of_both_agendas_is_refused() -> None:
    items = (AgendaItem(2, "A"), AgendaItem(3, "B", provisional=False))
    with pytest.raises(ReportError) as caught:
        resolve(_report(agenda_items=items, agenda_label=AgendaLabel.JOINED))
    assert caught.value.problems[0].path == "$.agenda_label"


# --- the L document's layout (docs/layout-resolutions.md) -----------------------------------------
def _paragraphs(report: Report) -> list[etree._Element]:
    document = zipfile.ZipFile(io.BytesIO(docx_bytes(report))).read("word/document.xml")
    return list(etree.fromstring(document).iter(f"{W}p"))


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def test_l6_prints_its_submitted_by_line_at_10_pt_bold_and_reads_it_back() -> None:
    report = l6_report()
    assert report.title_style is TitleStyle.H23G
    title = next(p for p in _paragraphs(report) if _text(p).startswith("Draft resolution submitted by"))
    assert title.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "H23G"
    back = cstd_docs.read_docx(_without_source(docx_bytes(report)), warnings=[])
    assert (back.title_style, back.title) == (TitleStyle.H23G, report.title)


def test_the_front_block_is_as_wide_as_the_layout_says() -> None:
    assert NEW_YORK.front.width is not None and GENEVA.front.width is None  # docs/layout-resolutions.md
    for layout, right in (("new_york", NEW_YORK.page.text_width - NEW_YORK.front.width), ("geneva", None)):
        report = attrs.evolve(l6_report(), layout=layout)
        lines = [p for p in _paragraphs(report) if _text(p).startswith(("Commission for Social", "Follow-up"))]
        assert len(lines) == 2
        for p in lines:
            ind = p.find(f"{W}pPr/{W}ind")
            assert (int(ind.get(f"{W}right")) if ind is not None else None) == right


def test_the_enacting_formula_is_italic_as_the_samples_print_it() -> None:
    for report in (l6_report(), cstd_docs.load(E28_EXAMPLE)):
        for resolution in (b for c in (report.content, *(s.content for ch in report.chapters for s in ch.sections))
                           for b in c if isinstance(b, Resolution)):
            assert isinstance(resolution.enacting[0], Emphasis) and resolution.enacting[1:] == (",",)
