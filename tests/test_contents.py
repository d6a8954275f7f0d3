"""Contents pages and the Official Records front matter (issue 14), without outside programs.

The expected entries, ranges and words are written out here from the reports built below and
from the UN's published wording, not read from the code under test. The interop checks
(LibreOffice's page numbers, positions against the printed samples, both OOXML validators, pandoc)
are in tests/docx/test_front_matter_interop.py.
"""

from __future__ import annotations

import datetime
import io
import itertools
import json
import re
import zipfile

import attrs
import pytest
from tests.docx.reading import NS, Docx, style_of, text_of, w

import cstd_docs
from cstd_docs.errors import ReportError
from cstd_docs.jsonio import dumps, loads
from cstd_docs.jsonio.schema import report_schema
from cstd_docs.lang import available
from cstd_docs.model import (
    Annex,
    Chapter,
    Contents,
    CrossRef,
    Decision,
    DecisionParagraph,
    DutyStation,
    Findings,
    Masthead,
    Note,
    OfficialRecords,
    Operative,
    Paragraph,
    Report,
    Resolution,
    Section,
    Session,
    Subparagraph,
    Subsection,
    Suggestion,
    UnnumberedText,
)
from cstd_docs.redlines import redline_docx_bytes
from cstd_docs.resolve import resolve
from cstd_docs.writers.docx import docx_bytes


def _report(**changes: object) -> Report:
    report = Report(
        masthead=Masthead(symbol="E/2025/24-E/CN.3/2025/37", date=datetime.date(2025, 3, 24), job_number="25-04747 (E)"),
        body="Statistical Commission",
        session=Session(56, "New York", datetime.date(2025, 3, 4), datetime.date(2025, 3, 7)),
        title=["Report on the fifty-sixth session", Note("Issued as a supplement.")],
        chapters=[
            Chapter("Introduction", [Paragraph("One.", id="one"), Paragraph("Two.")]),
            Chapter(["Work, see paragraph ", CrossRef("one"), Note("A note in a heading.")], [Paragraph("Three.")],
                    sections=[Section("Opening", [Paragraph("Four."), Paragraph("Five.")],
                                      subsections=[Subsection("Detail", [Paragraph("Six.")])]),
                              Findings(theme="A theme", main_findings=[Paragraph("Seven.")],
                                       suggestions=[Suggestion(addressee="Member States",
                                                               courses=[Subparagraph("act;")])])]),
            Chapter("Closing", [UnnumberedText("The end.")]),
        ],
        annexes=[Annex("Participants", [Paragraph("A.")]),
                 Annex("Documents", chapters=[Chapter("Lists", [Paragraph("B."), Paragraph("C.")])])],
        contents=Contents(),
        official_records=OfficialRecords(supplement="4", issn="0251-9976"),
    )
    return attrs.evolve(report, **changes)


#: (level, number, title, paragraphs) of each entry of _report(), counted by hand.
EXPECTED = [
    ("chapter", "I.", "Introduction", "1–2"),
    ("chapter", "II.", "Work, see paragraph 1", "3–8"),
    ("section", "A.", "Opening", "4–6"),
    ("section", "B.", "A theme", "7–8"),
    ("chapter", "III.", "Closing", ""),
    ("annexes", "", "Annexes", ""),
    ("annex", "I.", "Participants", "1"),
    ("annex", "II.", "Documents", "1–2"),
]


def _entries(report: Report) -> list[tuple[str, str, str, str]]:
    contents = resolve(report).contents
    assert contents is not None
    return [(e.level.value, e.number, "".join(map(str, e.title)), e.paragraphs) for e in contents.entries]


# --- resolution --------------------------------------------------------------------------------------
def test_entries_and_paragraph_ranges_come_from_the_numbering() -> None:
    assert _entries(_report()) == EXPECTED


def test_an_inserted_paragraph_moves_every_range_after_it() -> None:
    report = _report()
    first = report.chapters[0]
    moved = attrs.evolve(report, chapters=(attrs.evolve(first, content=(Paragraph("Zero."), *first.content)),
                                           *report.chapters[1:]))
    shifted = {"1–2": "1–3", "3–8": "4–9", "4–6": "5–7", "7–8": "8–9"}
    expected = [(lv, n, t.replace("paragraph 1", "paragraph 2"), p if lv == "annex" else shifted.get(p, p))
                for lv, n, t, p in EXPECTED]
    assert _entries(moved) == expected


def test_without_the_paragraph_column_no_range_and_one_annex_is_unnumbered() -> None:
    report = _report(contents=Contents(paragraphs=False), annexes=(Annex("Participants", [Paragraph("A.")]),))
    assert _entries(report) == [(lv, n, t, "") for lv, n, t, _ in EXPECTED[:5]] + [
        ("annexes", "", "Annex", ""), ("annex", "", "Participants", "")]
    contents = resolve(report).contents
    assert contents is not None and contents.paragraphs is None
    assert (contents.heading, contents.chapter, contents.page) == ("Contents", "Chapter", "Page")


def test_offsets_grow_through_the_body_and_no_contents_unless_asked() -> None:
    contents = resolve(_report()).contents
    assert contents is not None
    offsets = [e.offset for e in contents.entries if e.origin is not None]
    assert len(offsets) == 7 and offsets[0] == 0
    assert all(a < b for a, b in itertools.pairwise(offsets))
    plain = resolve(_report(contents=None, official_records=None))
    assert plain.contents is None and plain.official_records is None


def test_official_records_lines_are_composed_in_the_report_language() -> None:
    records = resolve(_report()).official_records
    assert records is not None
    assert (records.organ, records.records, records.supplement, records.session_dates, records.imprint,
            records.issn, records.date_line) == (
        "Economic and Social Council", "Official Records, 2025", "Supplement No. 4", "(4–7 March 2025)",
        "United Nations • New York, 2025", "ISSN 0251-9976", "[24 March 2025]")
    french = resolve(_report(language="fr", official_records=OfficialRecords(supplement="8A", year=2024))).official_records
    assert french is not None
    assert (french.organ, french.records, french.supplement, french.issn) == (
        "Conseil économique et social", "Documents officiels, 2024", "Supplément nº 8A", None)


def test_the_front_matter_prints_no_agenda_note() -> None:
    from cstd_docs.model import AgendaItem

    agenda = {"agenda_items": (AgendaItem(3, "Statistics"),), "agenda_symbol": "E/CN.3/2025/1"}
    assert any(n.text == ("E/CN.3/2025/1.",) for n in resolve(_report(official_records=None, **agenda)).notes)
    assert not any("E/CN.3/2025/1" in str(n.text) for n in resolve(_report(**agenda)).notes)


# --- JSON --------------------------------------------------------------------------------------------
def test_json_round_trip_and_schema() -> None:
    report = _report()
    data = json.loads(dumps(report))
    assert data["contents"] == {} and data["official_records"] == {"supplement": "4", "issn": "0251-9976"}
    assert loads(dumps(report)) == report
    properties = report_schema()["properties"]
    assert {"contents", "official_records"} <= set(properties)


@pytest.mark.parametrize(("records", "place", "words"), [
    ({"supplement": "4", "issn": "0251-9975"}, "$.official_records.issn", "check digit 5, its digits give 6"),
    ({"supplement": "4", "issn": "251-9976"}, "$.official_records.issn", "is not an ISSN"),
    ({"supplement": "four"}, "$.official_records.supplement", "is not a supplement's number"),
    ({"supplement": "4", "year": 1900}, "$.official_records.year", "is not a year"),
])
def test_bad_official_records_are_refused_where_they_are_written(records: dict[str, object], place: str,
                                                                 words: str) -> None:
    data = json.loads(dumps(_report()))
    data["official_records"] = records
    with pytest.raises(ReportError) as caught:
        loads(json.dumps(data))
    (problem,) = caught.value.problems
    assert problem.path == place and words in problem.message and problem.hint and problem.line


# --- Word --------------------------------------------------------------------------------------------
def _body(report: Report) -> tuple[Docx, list[object]]:
    docx = Docx(docx_bytes(report))
    body = docx.document.find("w:body", NS)
    assert body is not None
    return docx, list(body)


def test_each_entry_names_its_heading_s_page_through_a_bookmark() -> None:
    docx, _ = _body(_report())
    document = docx.document
    table = next(t for t in document.iter(w("tbl")) if style_of(t.find(".//w:p", NS)) == "TOC1G")
    rows = table.findall("w:tr", NS)
    assert len(rows) == len(EXPECTED)
    bookmarks = {b.get(w("name")): b.getparent() for b in document.iter(w("bookmarkStart"))}
    fields = 0
    for row, (level, number, title, paragraphs) in zip(rows, EXPECTED, strict=True):
        cells = [text_of(p) for p in row.iter(w("p"))]
        if level in ("section", "annex"):  # the letter (or annex numeral) in the title's column
            assert cells[0] == "" and cells[1].startswith(f"{number}\t{title}")
        else:
            assert cells[0] == number and cells[1].startswith(title)
        assert cells[2] == paragraphs
        codes = [t.text for t in row.iter(w("instrText"))]
        if title == "Annexes":
            assert codes == [] and cells[3] == ""
            continue
        (code,) = codes
        name = re.fullmatch(r" PAGEREF (\S+) \\h ", code or "")
        assert name is not None and cells[3].isdigit()
        heading = bookmarks[name.group(1)]  # an annex: "Annex I", its title in the next paragraph
        shown = text_of(heading) + text_of(heading.getnext())
        assert style_of(heading) in ("HChG", "H1G") and title.split(",")[0] in shown, (title, shown)
        fields += 1
    assert fields == len(EXPECTED) - 1
    assert docx.settings.find("w:updateFields", NS) is not None
    assert Docx(docx_bytes(_report(contents=None))).settings.find("w:updateFields", NS) is None


def test_the_body_starts_on_a_page_after_the_contents() -> None:
    _, elements = _body(_report(official_records=None))
    styles = [style_of(e) if e.tag == w("p") else "table" for e in elements]  # type: ignore[union-attr]
    at = styles.index("TOCHeadingG")
    assert styles[at:at + 3] == ["TOCHeadingG", "TOCLabelsG", "table"]
    first = elements[at + 3]
    assert first.find("w:pPr/w:pageBreakBefore", NS) is not None  # type: ignore[union-attr]
    assert elements[at].find("w:pPr/w:pageBreakBefore", NS) is not None  # type: ignore[union-attr]


def test_the_front_matter_is_a_cover_section_then_pages_numbered_from_the_title_page() -> None:
    docx, _elements = _body(_report(contents=None))
    document = docx.document
    sections = list(document.iter(w("sectPr")))
    assert len(sections) == 2
    cover, final = sections
    assert cover.getparent().tag == w("pPr") and cover.find("w:titlePg", NS) is not None
    assert [r.get(w("type")) for r in cover.findall("w:headerReference", NS)] == ["first"]
    assert final.find("w:type", NS).get(w("val")) == "nextPage"  # type: ignore[union-attr]
    assert final.find("w:pgNumType", NS).get(w("start")) == "1"  # type: ignore[union-attr]
    texts = [text_of(p) for p in document.iter(w("p"))]
    for line in ("United Nations", "Statistical Commission", "(4–7 March 2025)", "Official Records, 2025",
                 "Supplement No. 4", "Note", "[24 March 2025]"):
        assert line in texts, line
    # Geneva stacks the symbol's parts beside the first lines, as E/2025/28 does
    assert "Economic and Social Council\tE/2025/24" in texts and "Official Records, 2025\tE/CN.3/2025/37" in texts
    framed = [text_of(p) for p in document.iter(w("p")) if p.find("w:pPr/w:framePr", NS) is not None]
    assert framed == ["United Nations • New York, 2025", "ISSN 0251-9976"]
    assert len(list(document.iter(w("tbl")))) == 0  # no masthead table
    assert "Item" not in " ".join(texts)
    marks = [r for r in document.iter(w("footnoteReference"))]
    assert len(marks) == len({m.get(w("id")) for m in marks}) == 2  # the title's note once, the heading's
    first_footer = docx.heads()[("footer", "first")]
    assert text_of(first_footer).strip() == ""


@pytest.mark.parametrize("language", sorted(available()))
def test_every_language_prints_its_own_words_and_reads_back(language: str) -> None:
    report = _report(language=language)
    data = docx_bytes(report)
    text = " ".join(text_of(p) for p in Docx(data).document.iter(w("p")))
    table = cstd_docs.lang.language_pack(language).table
    for word in (table.contents.heading, table.contents.chapter, table.contents.paragraphs, table.contents.page,
                 table.official_records.note_heading, table.official_records.symbols_note):
        assert word in text, word
    assert cstd_docs.read_docx(data) == report
    assert cstd_docs.read_markdown(cstd_docs.render_markdown(report)) == report


# --- Markdown ----------------------------------------------------------------------------------------
def test_markdown_lists_the_entries_without_pages() -> None:
    text = cstd_docs.render_markdown(_report(official_records=None), embed_source=False)
    assert ("## Contents\n\n*Chapter · Paragraphs*\n\n- I\\. Introduction · 1–2\n"
            "- II\\. Work, see paragraph 1 · 3–8\n    - A\\. Opening · 4–6\n    - B\\. A theme · 7–8\n"
            "- III\\. Closing\n- Annexes\n    - I\\. Participants · 1\n    - II\\. Documents · 1–2\n") in text
    head = cstd_docs.render_markdown(_report(contents=None), embed_source=False).split("\n# ")[0]
    assert head == ("**Economic and Social Council**\\\nOfficial Records, 2025\\\nSupplement No. 4\\\n"
                    "E/2025/24-E/CN.3/2025/37\n\n**Statistical Commission**\\\n(4–7 March 2025)\n\n*Note*\\\n"
                    "Symbols of United Nations documents are composed of letters combined with figures. Mention "
                    "of such a symbol indicates a reference to a United Nations document.\\\nISSN 0251-9976\\\n"
                    "United Nations • New York, 2025\n\n\\[24 March 2025\\]\n")


# --- readers -----------------------------------------------------------------------------------------
def _without_source(data: bytes) -> bytes:
    """The .docx without the source report it carries (found by its namespace, as the format says)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            blob = zin.read(item.filename)
            if not (item.filename.startswith("customXml/") and b"urn:cstd-docs:source:1" in blob):
                zout.writestr(item, blob)
    return out.getvalue()


VARIANTS = {
    "both, New York": {"layout": DutyStation.NEW_YORK},
    "both, Geneva": {},
    "contents alone": {"official_records": None},
    "pages alone": {"contents": Contents(paragraphs=False)},
    "records alone, a year of its own": {"contents": None, "official_records": OfficialRecords(supplement="4A",
                                                                                                year=2024)},
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_both_readers_read_the_same_report_back(name: str) -> None:
    report = _report(**VARIANTS[name])
    warnings: list[object] = []
    assert cstd_docs.read_docx(docx_bytes(report), warnings=warnings) == report  # type: ignore[arg-type]
    assert cstd_docs.read_markdown(cstd_docs.render_markdown(report), warnings=warnings) == report  # type: ignore[arg-type]
    assert warnings == []


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_without_the_source_the_pages_are_recognised_not_read_as_text(name: str) -> None:
    report = _report(**VARIANTS[name])
    warnings: list[object] = []
    read = cstd_docs.read_docx(_without_source(docx_bytes(report)), warnings=warnings)  # type: ignore[arg-type]
    assert (read.contents, read.official_records) == (report.contents, report.official_records)
    # (a cross-reference in a heading reads as its label without the source: Word's field names our bookmark)
    assert len(read.chapters) == 3
    assert all(str(a.title[0]).startswith(str(b.title[0])) for a, b in zip(read.chapters, report.chapters, strict=True))
    assert read.title == report.title and read.body == report.body and read.masthead.date == report.masthead.date
    text = cstd_docs.render_markdown(report, embed_source=False)
    again = cstd_docs.read_markdown(text, warnings=warnings)  # type: ignore[arg-type]
    assert (again.contents, again.official_records) == (report.contents, report.official_records)
    assert cstd_docs.render_markdown(again, embed_source=False) == text
    assert warnings == []


def test_a_deleted_contents_page_is_no_longer_asked_for() -> None:
    text = cstd_docs.render_markdown(_report(official_records=None))
    start, end = text.index("## Contents"), text.index("## I. ")
    assert cstd_docs.read_markdown(text[:start] + text[end:]).contents is None


# --- redline -----------------------------------------------------------------------------------------
def test_a_new_york_redline_is_laid_out_in_the_new_york_layout() -> None:
    old = _report(contents=None, official_records=None, layout=DutyStation.NEW_YORK, parent_body="Economic Council")
    new = attrs.evolve(old, body="Statistical Commission of the Council")
    document = Docx(redline_docx_bytes(old, new)).document
    table = document.find(".//w:tbl/w:tblPr/w:tblpPr", NS)
    assert table is not None and table.get(w("tblpX")) == "1196"
    assert [c.get(w("w")) for c in document.iter(w("gridCol"))] == ["1264", "2013", "3470", "3090"]
    size = document.find("w:body/w:sectPr/w:pgSz", NS)
    assert size is not None and size.get(w("w")) == "12240"
    paragraphs = [text_of(p) for p in document.iter(w("p"))]
    assert "Economic Council" in paragraphs and "25-04747 (E)" in paragraphs  # parent body; last-page job line


def test_a_changed_contents_page_is_replaced_whole_row_by_row() -> None:
    old = _report()
    new = attrs.evolve(old, chapters=(*old.chapters, Chapter("Added", [Paragraph("New.")])))
    document = Docx(redline_docx_bytes(old, new)).document
    tables = [t for t in document.iter(w("tbl"))]
    assert len(tables) == 2
    marks = [[r.find("w:trPr", NS).find(m, NS) is not None for r in t.findall("w:tr", NS)]  # type: ignore[union-attr]
             for t, m in zip(tables, ("w:del", "w:ins"), strict=True)]
    assert marks == [[True] * len(EXPECTED), [True] * (len(EXPECTED) + 1)]
    # Each version's entries name its own headings' bookmarks, each bookmark once in the document.
    names = [b.get(w("name")) for b in document.iter(w("bookmarkStart"))]
    assert len(names) == len(set(names))
    named = []
    for table, count, tag in zip(tables, (len(EXPECTED) - 1, len(EXPECTED)), ("delInstrText", "instrText"),
                                 strict=True):
        targets = [re.fullmatch(r" PAGEREF (\S+) \\h ", t.text or "") for t in table.iter(w(tag))]
        assert len(targets) == count and all(t is not None and t.group(1) in names for t in targets)
        named.append({t.group(1) for t in targets if t is not None})
    assert not named[0] & named[1]


# --- chapter I's resolutions and decisions -----------------------------------------------------------
def _session(**changes: object) -> Report:
    """A chapter I as E/2025/28 and E/2025/24 print theirs, cut short: an adopted decision in the chapter's
    own text, two draft decisions, a sole draft resolution, an adopted resolution and decision; a chapter
    II; a decision in an annex (not listed: an annex's own headings are not)."""
    def decision(title: object, number: str | None = None) -> Decision:
        return Decision(title, [DecisionParagraph("The Council takes note.")], official_number=number)

    def resolution(title: str, number: str | None = None) -> Resolution:
        return Resolution(title, "The Economic and Social Council,", operative=[Operative("Decides.")],
                          official_number=number)

    chapter = Chapter("Matters calling for action", [Paragraph("The Commission acted."),
                                                     decision("Opening of the session", "68/101")], sections=[
        Section("Draft decisions for adoption by the Council", [
            Paragraph("The Commission recommends the following draft decisions:"),
            decision("Report of the Commission"), decision(["Report of the Board", Note("A note in a title.")])]),
        Section("Draft resolution for adoption by the Council", [resolution("Statistics")]),
        Section("Matters brought to the attention of the Council", [
            Paragraph("The following were adopted:"), resolution("Promoting prevention", "68/1"),
            decision("Inclusion of a substance in Schedule I", "68/1")]),
    ])
    report = Report(
        masthead=Masthead(symbol="E/2025/28", date=datetime.date(2025, 4, 3)),
        body="Commission on Narcotic Drugs",
        session=Session(68, "Vienna", datetime.date(2025, 3, 10), datetime.date(2025, 3, 14)),
        title="Report on the sixty-eighth session",
        chapters=[chapter, Chapter("General debate", [Paragraph("Four."), Paragraph("Five.")])],
        annexes=[Annex("Decisions of earlier sessions", [decision("Earlier decision", "67/1")])],
        contents=Contents(),
    )
    return attrs.evolve(report, **changes)


#: (level, number, title, paragraphs, depth) of each entry of _session(), written out by hand: E/2025/28
#: lists its draft decisions "I.", "II." and its adopted ones by their label, under their section.
SESSION = [
    ("chapter", "I.", "Matters calling for action", "1–3", 0),
    ("adopted", "Decision 68/101", "Opening of the session", "", 1),
    ("section", "A.", "Draft decisions for adoption by the Council", "2", 1),
    ("draft", "I.", "Report of the Commission", "", 2),
    ("draft", "II.", "Report of the Board", "", 2),
    ("section", "B.", "Draft resolution for adoption by the Council", "", 1),
    ("draft", "", "Statistics", "", 2),
    ("section", "C.", "Matters brought to the attention of the Council", "3", 1),
    ("adopted", "Resolution 68/1", "Promoting prevention", "", 2),
    ("adopted", "Decision 68/1", "Inclusion of a substance in Schedule I", "", 2),
    ("chapter", "II.", "General debate", "4–5", 0),
    ("annexes", "", "Annex", "", 0),
    ("annex", "", "Decisions of earlier sessions", "", 1),
]


def _listed(report: Report) -> list[tuple[str, str, str, str, int]]:
    contents = resolve(report).contents
    assert contents is not None
    return [(e.level.value, e.number, "".join(map(str, e.title)), e.paragraphs, e.depth) for e in contents.entries]


def _with_section(report: Report, index: int, content: tuple[object, ...]) -> Report:
    chapter = report.chapters[0]
    sections = list(chapter.sections)
    sections[index] = attrs.evolve(sections[index], content=content)
    return attrs.evolve(report, chapters=(attrs.evolve(chapter, sections=tuple(sections)), *report.chapters[1:]))


def test_chapter_i_instruments_are_listed_under_their_section() -> None:
    assert _listed(_session()) == SESSION


def test_an_inserted_draft_renumbers_the_drafts_after_it_and_a_second_draft_numbers_the_first() -> None:
    report = _session()
    drafts = report.chapters[0].sections[0].content
    inserted = Decision("Inserted decision", [DecisionParagraph("Text.")])
    report = _with_section(report, 0, (drafts[0], inserted, *drafts[1:]))
    report = _with_section(report, 1, (*report.chapters[0].sections[1].content,
                                       Resolution("Censuses", "The Council,", operative=[Operative("Decides.")])))
    expected = [*SESSION[:3], ("draft", "I.", "Inserted decision", "", 2), ("draft", "II.", "Report of the Commission",
                                                                            "", 2),
                ("draft", "III.", "Report of the Board", "", 2), SESSION[5], ("draft", "I.", "Statistics", "", 2),
                ("draft", "II.", "Censuses", "", 2), *SESSION[7:]]
    assert _listed(report) == expected


def test_instruments_are_listed_in_the_report_s_language() -> None:
    listed = [(level, number) for level, number, *_ in _listed(_session(language="fr"))
              if level in ("draft", "adopted")]
    assert listed == [("adopted", "Décision 68/101"), ("draft", "I."), ("draft", "II."), ("draft", ""),
                      ("adopted", "Résolution 68/1"), ("adopted", "Décision 68/1")]


def test_each_instrument_entry_names_its_heading_s_page_through_a_bookmark() -> None:
    docx = Docx(docx_bytes(_session()))
    document = docx.document
    table = next(t for t in document.iter(w("tbl")) if style_of(t.find(".//w:p", NS)) == "TOC1G")
    rows = table.findall("w:tr", NS)
    assert len(rows) == len(SESSION)
    bookmarks = {b.get(w("name")): b.getparent() for b in document.iter(w("bookmarkStart"))}
    # What the body prints over each listed instrument's title (UN wording, as the samples print it).
    labels = {"Opening of the session": "Decision 68/101", "Report of the Commission": "Draft decision I",
              "Report of the Board": "Draft decision II", "Statistics": "Draft resolution",
              "Promoting prevention": "Resolution 68/1", "Inclusion of a substance in Schedule I": "Decision 68/1"}
    checked = 0
    for row, (level, number, title, _paragraphs, _depth) in zip(rows, SESSION, strict=True):
        if level not in ("draft", "adopted"):
            continue
        cells = [text_of(p) for p in row.iter(w("p"))]
        # The numeral's column stays empty: the number stands before the title, each at its tab stop.
        assert cells[0] == "" and cells[1].startswith(f"\t{number}\t{title}") and cells[2] == ""
        (code,) = [t.text for t in row.iter(w("instrText"))]
        name = re.fullmatch(r" PAGEREF (\S+) \\h ", code or "")
        assert name is not None and cells[3].isdigit()
        heading = bookmarks[name.group(1)]
        assert style_of(heading) in ("ResHeadingG", "DecHeadingG")
        assert text_of(heading) == labels[title] and text_of(heading.getnext()).startswith(title)
        checked += 1
    assert checked == 6


def test_markdown_lists_the_instruments_under_their_section() -> None:
    text = cstd_docs.render_markdown(_session(), embed_source=False)
    assert ("- I\\. Matters calling for action · 1–3\n"
            "    - Decision 68/101 Opening of the session\n"
            "    - A\\. Draft decisions for adoption by the Council · 2\n"
            "        - I\\. Report of the Commission\n"
            "        - II\\. Report of the Board\n"
            "    - B\\. Draft resolution for adoption by the Council\n"
            "        - Statistics\n"
            "    - C\\. Matters brought to the attention of the Council · 3\n"
            "        - Resolution 68/1 Promoting prevention\n"
            "        - Decision 68/1 Inclusion of a substance in Schedule I\n"
            "- II\\. General debate · 4–5\n- Annex\n    - Decisions of earlier sessions\n") in text


SESSION_VARIANTS = {
    "Geneva": {},
    "New York, pages alone": {"layout": DutyStation.NEW_YORK, "contents": Contents(paragraphs=False)},
    "Official Records": {"official_records": OfficialRecords(supplement="8", issn="0251-9941")},
}


@pytest.mark.parametrize("name", sorted(SESSION_VARIANTS))
def test_both_readers_read_a_contents_page_with_instruments_back(name: str) -> None:
    report = _session(**SESSION_VARIANTS[name])
    warnings: list[object] = []
    assert cstd_docs.read_docx(docx_bytes(report), warnings=warnings) == report  # type: ignore[arg-type]
    assert cstd_docs.read_markdown(cstd_docs.render_markdown(report), warnings=warnings) == report  # type: ignore[arg-type]
    # Without the source: the contents page is recognised and read as derived, nothing of it as text.
    read = cstd_docs.read_docx(_without_source(docx_bytes(report)), warnings=warnings)  # type: ignore[arg-type]
    text = cstd_docs.render_markdown(report, embed_source=False)
    again = cstd_docs.read_markdown(text, warnings=warnings)  # type: ignore[arg-type]
    for found in (read, again):
        assert found.contents == report.contents
        assert [c.title for c in found.chapters] == [c.title for c in report.chapters]
        assert resolve(found).contents == resolve(report).contents
    assert cstd_docs.render_markdown(again, embed_source=False) == text
    assert warnings == []


def test_a_redline_names_each_version_s_instruments_in_its_own_contents() -> None:
    old = _session()
    drafts = old.chapters[0].sections[0].content
    new = _with_section(old, 0, (*drafts, Decision("Added decision", [DecisionParagraph("Text.")])))
    document = Docx(redline_docx_bytes(old, new)).document
    names = [b.get(w("name")) for b in document.iter(w("bookmarkStart"))]
    assert len(names) == len(set(names))
    targets = [re.fullmatch(r" PAGEREF (\S+) \\h ", t.text or "") for tag in ("delInstrText", "instrText")
               for t in document.iter(w(tag))]
    # Each version's entries but the line over the annexes: 12 old, 13 new.
    assert len(targets) == 25 and all(t is not None and t.group(1) in names for t in targets)
