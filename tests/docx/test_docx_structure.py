"""The Word writer's output, read back as XML and checked against LAYOUT.md.

Expected numbers are LAYOUT.md's (page, margins, style ids, names and sizes); expected
texts come from the resolved report, the contract the writer lays out.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import attrs
import pytest
from lxml import etree
from tests.conftest import REFERENCE_EXAMPLE, REPO
from tests.docx.reading import FOOTNOTES_REL, FOOTNOTES_TYPE, NS, Docx, style_of, text_of, val, w
from tests.docx.reports import JOB_NUMBER, SYMBOL, build_report

import cstd_docs
from cstd_docs import ReportError
from cstd_docs.model import Emphasis, Report
from cstd_docs.model.check import check
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import Heading, HeadingLevel, NoteRef, NumberedParagraph, ResolvedReport
from cstd_docs.writers.docx import docx_bytes, render_docx


@pytest.fixture(scope="module")
def example(reference_report: Report) -> ResolvedReport:
    return resolve(reference_report)


@pytest.fixture(scope="module")
def example_docx(example: ResolvedReport) -> Docx:
    return Docx(docx_bytes(example))


@pytest.fixture(scope="module")
def symbol_docx(symbol_report: Report) -> Docx:
    return Docx(docx_bytes(symbol_report))


@pytest.fixture(scope="module")
def asterisk_docx(asterisk_report: Report) -> Docx:
    return Docx(docx_bytes(asterisk_report))


def _note_text(runs: tuple[str | Emphasis, ...]) -> str:
    return "".join(r if isinstance(r, str) else r.text for r in runs)


def _body_paragraphs(doc: Docx) -> list[etree._Element]:
    body = doc.document.find("w:body", NS)
    assert body is not None
    return body.findall("w:p", NS)


# --- styles -------------------------------------------------------------------------------------------
# LAYOUT.md §3: id, name, type, size in half-points, bold, italic, (before, after, line, rule).
STYLES = [
    ("HMG", "_ H __M_G", "paragraph", "34", True, False, ("240", "240", "360", "exact")),
    ("HChG", "_ H _Ch_G", "paragraph", "28", True, False, ("360", "240", "300", "exact")),
    ("H1G", "_ H_1_G", "paragraph", "24", True, False, ("360", "240", "270", "exact")),
    ("H23G", "_ H_2/3_G", "paragraph", "20", True, False, ("240", "120", "240", "exact")),
    ("H4G", "_ H_4_G", "paragraph", "20", False, True, ("240", "120", "240", "exact")),
    ("SingleTxtG", "_ Single Txt_G", "paragraph", None, False, False, (None, "120", None, None)),
    ("FootnoteText", "footnote text", "paragraph", "18", False, False, (None, None, "220", "exact")),
    ("FootnoteReference", "footnote reference", "character", "18", False, False, None),
    ("Header", "header", "paragraph", "18", True, False, None),
    ("Footer", "footer", "paragraph", "16", False, False, None),
    ("PageNumber", "page number", "character", "18", True, False, None),
]


@pytest.mark.parametrize(("style_id", "name", "kind", "size", "bold", "italic", "spacing"), STYLES)
def test_template_styles_have_their_ids_names_and_sizes(
    example_docx: Docx,
    style_id: str,
    name: str,
    kind: str,
    size: str | None,
    bold: bool,
    italic: bool,
    spacing: tuple[str | None, ...] | None,
) -> None:
    style = example_docx.style(style_id)
    assert style.get(w("type")) == kind
    assert val(style.find("w:name", NS)) == name
    assert val(style.find("w:rPr/w:sz", NS)) == size
    assert (style.find("w:rPr/w:b", NS) is not None) == bold
    assert (style.find("w:rPr/w:i", NS) is not None) == italic
    if spacing is not None:
        element = style.find("w:pPr/w:spacing", NS)
        got = tuple(val(element, a) for a in ("before", "after", "line", "lineRule"))
        assert got == spacing


@pytest.mark.parametrize("style_id", ["HMG", "HChG", "H1G", "H23G", "H4G"])
def test_heading_styles_keep_with_next_and_tab_number_and_title(example_docx: Docx, style_id: str) -> None:
    ppr = example_docx.style(style_id).find("w:pPr", NS)
    assert ppr is not None
    assert ppr.find("w:keepNext", NS) is not None
    assert ppr.find("w:keepLines", NS) is not None
    assert [(val(t), val(t, "pos")) for t in ppr.findall("w:tabs/w:tab", NS)] == [("right", "851")]
    ind = ppr.find("w:ind", NS)
    assert (val(ind, "left"), val(ind, "right"), val(ind, "hanging")) == ("1134", "1134", "1134")


def test_body_and_note_styles_have_the_template_indents(example_docx: Docx) -> None:
    single = example_docx.style("SingleTxtG").find("w:pPr", NS)
    assert single is not None
    ind = single.find("w:ind", NS)
    assert (val(ind, "left"), val(ind, "right")) == ("1134", "1134")
    assert val(single.find("w:jc", NS)) == "both"
    note = example_docx.style("FootnoteText").find("w:pPr", NS)
    assert note is not None
    ind = note.find("w:ind", NS)
    # docs/layout-geneva.md: text at 4 cm on every line, the number right-aligned at 3.8 cm,
    # the first line from 3.6 cm; a stop one twip past the indent for LibreOffice.
    assert (val(ind, "left"), val(ind, "right"), val(ind, "hanging")) == ("1134", "1134", "227")
    assert [(val(t), val(t, "pos")) for t in note.findall("w:tabs/w:tab", NS)] == [("right", "1021"),
                                                                                  ("left", "1135")]
    assert val(example_docx.style("FootnoteReference").find("w:rPr/w:vertAlign", NS)) == "superscript"
    border = example_docx.style("Header").find("w:pPr/w:pBdr/w:bottom", NS)
    assert (val(border), val(border, "sz"), val(border, "space")) == ("single", "4", "4")


def test_defaults_are_times_new_roman_10_pt_en_gb_and_normal_spacing(example_docx: Docx) -> None:
    rpr = example_docx.styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert rpr is not None
    assert val(rpr.find("w:rFonts", NS), "ascii") == "Times New Roman"
    assert val(rpr.find("w:rFonts", NS), "hAnsi") == "Times New Roman"
    assert val(rpr.find("w:sz", NS)) == "20"
    assert val(rpr.find("w:lang", NS)) == "en-GB"
    normal = example_docx.style("Normal")
    assert normal.get(w("default")) == "1"
    spacing = normal.find("w:pPr/w:spacing", NS)
    assert (val(spacing, "line"), val(spacing, "lineRule")) == ("240", "atLeast")
    assert normal.find("w:pPr/w:suppressAutoHyphens", NS) is not None


def test_every_style_the_content_uses_is_defined(symbol_docx: Docx) -> None:
    defined = {s.get(w("styleId")) for s in symbol_docx.styles.findall("w:style", NS)}
    all_used: set[str | None] = set()
    for name in symbol_docx.entries:
        if name.startswith("word/") and name.endswith(".xml") and "_rels" not in name:
            root = symbol_docx.xml(name)
            used = {e.get(w("val")) for e in root.iter(w("pStyle"), w("rStyle"))}
            assert used <= defined, (name, used - defined)
            all_used |= used
    assert {"SingleTxtG", "FootnoteText", "FootnoteReference"} <= all_used, "the parts were found and read"


# --- page ---------------------------------------------------------------------------------------------
def test_page_is_a4_with_the_template_margins_and_a_different_first_page(example_docx: Docx) -> None:
    sect = example_docx.document.find("w:body/w:sectPr", NS)
    assert sect is not None
    size = sect.find("w:pgSz", NS)
    assert (val(size, "w"), val(size, "h")) == ("11907", "16840")
    margins = sect.find("w:pgMar", NS)
    got = {a: val(margins, a) for a in ("top", "bottom", "left", "right", "header", "footer")}
    # docs/layout-geneva.md: text block 2.5–27.7 cm, head at 1.5 cm, footer 1 cm from the foot.
    assert got == {"top": "1418", "bottom": "1134", "left": "1134", "right": "1134", "header": "851",
                   "footer": "567"}
    assert sect.find("w:titlePg", NS) is not None


def test_settings_have_odd_even_heads_tab_567_and_the_separator_notes(example_docx: Docx) -> None:
    settings = example_docx.settings
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    assert val(settings.find("w:defaultTabStop", NS)) == "567"
    ids = [val(n, "id") for n in settings.findall("w:footnotePr/w:footnote", NS)]
    assert ids == ["-1", "0"]


# --- footnotes part -----------------------------------------------------------------------------------
def test_footnotes_part_has_its_content_type_and_relationship(example_docx: Docx) -> None:
    types = example_docx.xml("[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.findall("ct:Override", NS)}
    assert overrides["/word/footnotes.xml"] == FOOTNOTES_TYPE
    targets = [r.get("Target") for r in example_docx.rels() if r.get("Type") == FOOTNOTES_REL]
    assert targets == ["footnotes.xml"]


def test_footnotes_start_with_separator_and_continuation_separator(example_docx: Docx) -> None:
    notes = example_docx.footnotes.findall("w:footnote", NS)
    first, second = notes[0], notes[1]
    assert (first.get(w("type")), first.get(w("id"))) == ("separator", "-1")
    # As printed (docs/layout-geneva.md): an underlined tab from 3.2 to 5.8 cm; the mark kept, hidden.
    line = first.find("w:p", NS)
    assert line is not None
    assert val(line.find("w:pPr/w:ind", NS), "left") == "680"
    assert [(val(t), val(t, "pos")) for t in line.findall("w:pPr/w:tabs/w:tab", NS)] == [("right", "2155")]
    tab_run, mark_run = line.findall("w:r", NS)
    assert text_of(tab_run) == "\t" and val(tab_run.find("w:rPr/w:u", NS)) == "single"
    assert mark_run.find("w:separator", NS) is not None and mark_run.find("w:rPr/w:vanish", NS) is not None
    assert (second.get(w("type")), second.get(w("id"))) == ("continuationSeparator", "0")
    assert second.find(".//w:continuationSeparator", NS) is not None
    assert all(n.get(w("type")) is None for n in notes[2:])


@pytest.mark.parametrize("fixture", ["example_docx", "symbol_docx", "asterisk_docx"])
def test_every_reference_has_its_note_and_every_note_its_reference(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    doc: Docx = request.getfixturevalue(fixture)
    references = [r.get(w("id")) for r in doc.document.iter(w("footnoteReference"))]
    notes = [n.get(w("id")) for n in doc.footnotes.findall("w:footnote", NS) if n.get(w("type")) is None]
    assert len(references) == len(set(references)), "a note is referenced twice"
    assert len(notes) == len(set(notes)), "duplicate note ids"
    assert set(references) == set(notes)
    assert all(int(i) >= 1 for i in notes)


def test_reference_example_has_37_notes_whose_texts_follow_the_resolved_notes(
    example: ResolvedReport, example_docx: Docx
) -> None:
    by_id = {n.get(w("id")): n for n in example_docx.footnotes.findall("w:footnote", NS)}
    in_order = [by_id[r.get(w("id"))] for r in example_docx.document.iter(w("footnoteReference"))]
    assert len(in_order) == 37 == len(example.notes)
    for note, resolved in zip(in_order, example.notes, strict=True):
        paragraph = note.find("w:p", NS)
        assert paragraph is not None
        assert style_of(paragraph) == "FootnoteText"
        # TAB, mark, TAB, text (LAYOUT.md §4): the mark's run, after the TAB, is the FootnoteReference run.
        assert text_of(paragraph) == "\t\t" + _note_text(resolved.text)
        runs = paragraph.findall("w:r", NS)
        assert text_of(runs[0]) == "\t"
        assert val(runs[1].find("w:rPr/w:rStyle", NS)) == "FootnoteReference"
        assert runs[1].find("w:footnoteRef", NS) is not None


def test_references_in_the_text_are_footnote_reference_runs(example_docx: Docx) -> None:
    references = list(example_docx.document.iter(w("footnoteReference")))
    assert len(references) == 37
    for reference in references:
        run = reference.getparent()
        assert val(run.find("w:rPr/w:rStyle", NS)) == "FootnoteReference"
        assert reference.get(w("customMarkFollows")) is None


def test_asterisk_notes_use_custom_marks_and_take_no_number(
    asterisk_report: Report, asterisk_docx: Docx
) -> None:
    resolved = resolve(asterisk_report)
    custom = [n for n in resolved.notes if n.custom]
    assert [n.mark for n in custom] == ["*", "**", "***"]  # agenda, title and subtitle notes
    references = list(asterisk_docx.document.iter(w("footnoteReference")))
    by_id = {n.get(w("id")): n for n in asterisk_docx.footnotes.findall("w:footnote", NS)}
    for reference, note in zip(references, resolved.notes, strict=True):
        run = reference.getparent()
        body = by_id[reference.get(w("id"))]
        if note.custom:
            assert reference.get(w("customMarkFollows")) == "1"
            assert text_of(run) == note.mark  # the mark follows in the same run
            assert body.find(".//w:footnoteRef", NS) is None
            assert text_of(body).startswith(f"\t{note.mark}\t")
            # Legible as printed (docs/layout-geneva.md): 10 pt on the baseline, in the text and the note.
            mark = [r for r in body.iter(w("r")) if text_of(r) == note.mark]
            for r in (run, *mark):
                assert (val(r.find("w:rPr/w:sz", NS)), val(r.find("w:rPr/w:vertAlign", NS))) == ("20", "baseline")
        else:
            assert reference.get(w("customMarkFollows")) is None
            assert body.find(".//w:footnoteRef", NS) is not None
    # Word numbers the automatic notes itself: the resolver's first number is 1 after the asterisks.
    assert [n.mark for n in resolved.notes if not n.custom][:3] == ["1", "2", "3"]


# --- body ---------------------------------------------------------------------------------------------
def test_paragraph_numbers_are_1_to_33_in_order_typed_number_tab_text(example_docx: Docx) -> None:
    numbers = []
    for paragraph in _body_paragraphs(example_docx):
        match = re.match(r"(\d+)\.\t", text_of(paragraph))
        if match and style_of(paragraph) == "SingleTxtG":
            numbers.append(int(match.group(1)))
    assert numbers == list(range(1, 34))


def test_headings_follow_the_resolved_blocks_tab_number_tab_title(
    example: ResolvedReport, example_docx: Docx
) -> None:
    styles = {HeadingLevel.CHAPTER: "HChG", HeadingLevel.SECTION: "H1G", HeadingLevel.SUBSECTION: "H23G"}
    expected = [
        (styles[b.level], f"\t{b.number}\t{_note_text(tuple(r for r in b.title if not isinstance(r, NoteRef)))}")
        for b in example.blocks
        if isinstance(b, Heading)
    ]
    paragraphs = _body_paragraphs(example_docx)
    title = next(i for i, p in enumerate(paragraphs) if style_of(p) == "HMG")
    after_subtitles = paragraphs[title + 1 + len(example.subtitles):]
    got = [(style_of(p), text_of(p)) for p in after_subtitles if style_of(p) in {"HChG", "H1G", "H23G"}]
    assert got == expected
    assert got[0] == ("HChG", "\tI.\tIntroduction")


def test_numbered_paragraphs_follow_the_resolved_texts(example: ResolvedReport, example_docx: Docx) -> None:
    expected = [
        f"{b.number}\t" + _note_text(tuple(r for r in b.text if not isinstance(r, NoteRef)))
        for b in example.blocks
        if isinstance(b, NumberedParagraph)
    ]
    got = [text_of(p) for p in _body_paragraphs(example_docx) if re.match(r"\d+\.\t", text_of(p))]
    assert got == expected


def test_subparagraphs_have_the_template_indents(symbol_docx: Docx) -> None:
    indents = {}
    for paragraph in _body_paragraphs(symbol_docx):
        match = re.match(r"(\([a-z]+\)|[a-z]+\.)\t", text_of(paragraph))
        if match:
            ind = paragraph.find("w:pPr/w:ind", NS)
            indents.setdefault(match.group(1), (val(ind, "left"), val(ind, "hanging")))
    # (a): label at 3 cm, text at 4 cm; (i): one step (1 cm) further (LAYOUT.md §4).
    assert indents["(a)"] == ("2268", "567")
    assert indents["(i)"] == ("2835", "567")
    assert indents["a."][1] == indents["i."][1] == "567"
    assert int(indents["a."][0]) > 2835
    assert int(indents["i."][0]) > int(indents["a."][0])


def test_title_and_subtitles_use_hmg_and_h1g(example: ResolvedReport, example_docx: Docx) -> None:
    titles = [(style_of(p), text_of(p)) for p in _body_paragraphs(example_docx) if style_of(p) in {"HMG"}]
    assert titles == [("HMG", "\t\tReport of the intersessional panel meeting")]
    subtitles = [text_of(p) for p in _body_paragraphs(example_docx) if style_of(p) == "H1G"][:2]
    assert subtitles == ["\t\tHeld at the Palais des Nations, Geneva, from 17 to 19 November 2021",
                         "\t\tPrepared by the UNCTAD secretariat"]


def test_front_block_follows_the_masthead_table(example: ResolvedReport, example_docx: Docx) -> None:
    body = example_docx.document.find("w:body", NS)
    assert body is not None
    children = list(body)
    assert children[0].tag == w("tbl")
    texts = [text_of(p) for p in children[1:8]]
    front = example.front
    assert texts[:3] == [front.body, front.session, front.place_and_dates]
    assert texts[3:5] == ["Item 2 of the provisional agenda", front.agenda[0].title]
    # Bold as printed (docs/layout-geneva.md): the body, the session and the item's title.
    bold = [children[i].find("w:r/w:rPr/w:b", NS) is not None for i in range(1, 6)]
    assert bold == [True, True, False, False, True]


def test_masthead_table_geometry(symbol_docx: Docx) -> None:
    table = symbol_docx.document.find("w:body/w:tbl", NS)
    assert table is not None
    position = table.find("w:tblPr/w:tblpPr", NS)
    got = {a: val(position, a) for a in ("vertAnchor", "horzAnchor", "tblpX", "tblpY")}
    # docs/layout-geneva.md: the thin rule at 2.0 cm, the thick one at 7.04 cm, columns as printed.
    assert got == {"vertAnchor": "page", "horzAnchor": "page", "tblpX": "1134", "tblpY": "284"}
    assert val(table.find("w:tblPr/w:tblW", NS), "w") == "9620"
    assert val(table.find("w:tblPr/w:tblLayout", NS), "type") == "fixed"
    assert [val(c, "w") for c in table.findall("w:tblGrid/w:gridCol", NS)] == ["1260", "2230", "3210", "2920"]
    rows = table.findall("w:tr", NS)
    heights = [(val(r.find("w:trPr/w:trHeight", NS)), val(r.find("w:trPr/w:trHeight", NS), "hRule")) for r in rows]
    assert heights == [("851", "exact"), ("2853", "exact")]
    assert [val(c.find("w:tcPr/w:tcBorders/w:bottom", NS), "sz") for c in rows[0].findall("w:tc", NS)] == ["4"] * 3
    assert {val(c.find("w:tcPr/w:tcBorders/w:bottom", NS), "sz") for c in rows[1].findall("w:tc", NS)} == {"12"}
    cells = rows[0].findall("w:tc", NS)
    assert text_of(cells[1]) == "United Nations"
    symbol_runs = cells[2].findall(".//w:r", NS)
    assert [(text_of(r), val(r.find("w:rPr/w:sz", NS))) for r in symbol_runs] == [
        ("E", "40"),
        ("/CN.16/2030/7", None),
    ]
    emblem, organ, block = rows[1].findall("w:tc", NS)
    assert text_of(emblem) == ""  # the emblem's place, beside the organ
    assert text_of(organ) == "Economic and Social Council"  # under "United Nations", in columns 2–3
    assert val(organ.find("w:tcPr/w:gridSpan", NS)) == "2"
    assert val(organ.find(".//w:rPr/w:sz", NS)) == "40"
    assert [text_of(p) for p in block.findall("w:p", NS)] == ["Distr.: General", "1 February 2030", "",
                                                              "Original: English"]


def test_document_ends_with_the_short_centred_rule(example_docx: Docx) -> None:
    last = _body_paragraphs(example_docx)[-1]
    assert val(last.find("w:pPr/w:jc", NS)) == "center"
    assert val(last.find("w:pPr/w:spacing", NS), "before") == "240"
    assert text_of(last) == "\t\t\t\t"
    assert val(last.find("w:r/w:rPr/w:u", NS)) == "single"


# --- heads --------------------------------------------------------------------------------------------
def _has_page_field(root: etree._Element) -> bool:
    return any("PAGE" in (i.text or "").split() for i in root.iter(w("instrText")))


def test_running_heads_show_the_symbol_even_left_odd_right_none_on_page_1(symbol_docx: Docx) -> None:
    heads = symbol_docx.heads()
    even, odd, first = heads[("header", "even")], heads[("header", "default")], heads[("header", "first")]
    assert text_of(even) == SYMBOL
    assert style_of(even.find("w:p", NS)) == "Header"
    assert val(even.find("w:p/w:pPr/w:jc", NS)) in (None, "left")
    assert text_of(odd) == SYMBOL
    assert val(odd.find("w:p/w:pPr/w:jc", NS)) == "right"
    assert text_of(first) == ""
    assert all(style_of(p) != "Header" for p in first.findall("w:p", NS))  # no rule on page 1


def test_page_numbers_are_page_fields_even_left_odd_right_none_on_page_1(symbol_docx: Docx) -> None:
    heads = symbol_docx.heads()
    even, odd, first = heads[("footer", "even")], heads[("footer", "default")], heads[("footer", "first")]
    assert _has_page_field(even) and _has_page_field(odd)
    assert not _has_page_field(first)
    # As printed (docs/layout-geneva.md): the page number on the outer side, the job number on the other.
    even_runs = even.findall(".//w:r", NS)
    assert even_runs[0].find("w:fldChar", NS) is not None  # the field first, then a tab and the job number
    assert [text_of(r) for r in even_runs[-2:]] == ["\t", JOB_NUMBER]
    odd_runs = odd.findall(".//w:r", NS)
    assert [text_of(r) for r in odd_runs[:2]] == [JOB_NUMBER, "\t"]  # the job number, then the field at the tab
    assert odd_runs[-1].find("w:fldChar", NS) is not None
    for root in (even, odd):
        tab = root.find(".//w:pPr/w:tabs/w:tab", NS)
        assert (val(tab), val(tab, "pos")) == ("right", "9638")
        styled = [val(r.find("w:rPr/w:rStyle", NS)) for r in root.findall(".//w:r", NS) if r.find("w:fldChar", NS)
                  is not None]
        assert set(styled) == {"PageNumber"}
        job = [r for r in root.findall(".//w:r", NS) if text_of(r) == JOB_NUMBER]
        assert [r.find("w:rPr/w:sz", NS) for r in job] == [None]  # the Footer style's 8 pt
    assert text_of(first) == JOB_NUMBER
    assert val(first.find(".//w:r/w:rPr/w:sz", NS)) == "20"  # 10 pt on page 1


def test_no_symbol_means_empty_heads(example_docx: Docx) -> None:
    heads = example_docx.heads()
    for page in ("default", "even", "first"):
        assert text_of(heads[("header", page)]) == ""
        assert all(style_of(p) != "Header" for p in heads[("header", page)].findall("w:p", NS))
    assert text_of(heads[("footer", "first")]) == ""  # no job number in the example


# --- package ------------------------------------------------------------------------------------------
def test_same_input_same_bytes_in_this_process_and_another(reference_report: Report) -> None:
    first = docx_bytes(reference_report)
    assert docx_bytes(reference_report) == first
    script = (
        "import sys, hashlib, cstd_docs\n"
        "from cstd_docs.writers.docx import docx_bytes\n"
        f"data = docx_bytes(cstd_docs.load({str(REFERENCE_EXAMPLE)!r}))\n"
        "sys.stdout.write(hashlib.sha256(data).hexdigest())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "TZ": "Pacific/Kiritimati"}
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env,
                           cwd=REPO)
    assert other.stdout == hashlib.sha256(first).hexdigest()


def test_zip_entries_are_dated_from_the_report_and_content_types_come_first(example_docx: Docx) -> None:
    assert {info.date_time for info in example_docx.infos} == {(2022, 2, 1, 0, 0, 0)}
    assert example_docx.infos[0].filename == "[Content_Types].xml"


def test_a_resolved_report_and_its_source_give_the_same_bytes(reference_report: Report) -> None:
    assert docx_bytes(resolve(reference_report)) == docx_bytes(reference_report)


def test_core_properties_come_from_the_report(symbol_docx: Docx) -> None:
    core = symbol_docx.xml("docProps/core.xml")
    ns = {
        "dc": "http://purl.org/dc/elements/1.1/",
        "dcterms": "http://purl.org/dc/terms/",
        "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    }
    assert core.findtext("dc:title", namespaces=ns) == "Synthetic report for layout tests"
    assert core.findtext("dc:subject", namespaces=ns) == SYMBOL
    assert core.findtext("dc:language", namespaces=ns) == "en-GB"
    assert core.findtext("dcterms:created", namespaces=ns) == "2030-02-01T00:00:00Z"
    assert core.findtext("dcterms:modified", namespaces=ns) == "2030-02-01T00:00:00Z"
    assert "python-docx" not in symbol_docx.entries["docProps/core.xml"].decode()


def test_a_title_and_symbol_over_255_characters_render_whole_with_shortened_core_properties(
    symbol_report: Report,
) -> None:
    """python-docx refuses core properties over 255 characters; the document keeps every word."""
    title = "Report on " + " ".join(f"theme {i}" for i in range(60))  # 400 characters
    symbol = "E/CN.16/2030/" + "7" * 290
    long = attrs.evolve(symbol_report, title=title, masthead=attrs.evolve(symbol_report.masthead, symbol=symbol))
    assert check(long) == []
    doc = Docx(docx_bytes(long))
    ns = {"dc": "http://purl.org/dc/elements/1.1/"}
    core_title = doc.xml("docProps/core.xml").findtext("dc:title", namespaces=ns) or ""
    assert len(core_title) <= 255 and core_title.endswith("…")
    assert title.startswith(core_title[:-1].rstrip())
    assert len(doc.xml("docProps/core.xml").findtext("dc:subject", namespaces=ns) or "") <= 255
    assert title in text_of(doc.document)
    assert cstd_docs.read_docx(doc.data) == long


def test_package_holds_no_thumbnail_and_no_leftover_template_parts(example_docx: Docx) -> None:
    names = set(example_docx.entries)
    assert not any("thumbnail" in n or "stylesWithEffects" in n or n == "word/numbering.xml" for n in names)
    # python-docx's template carries an empty bibliography data store; a report has none.
    assert not any(b"bibliography" in data for name, data in example_docx.entries.items() if "customXml" in name)


def test_python_docx_reopens_the_file_with_the_footnotes_part_class(example_docx: Docx) -> None:
    from docx.api import Document

    from cstd_docs.writers.docx.parts import FootnotesPart

    document = Document(io.BytesIO(example_docx.data))
    footnotes = document.part.part_related_by(FootnotesPart.RELATIONSHIP_TYPE)
    assert isinstance(footnotes, FootnotesPart)
    assert len(footnotes.footnotes.footnote_lst) == 37 + 2


# --- writing ------------------------------------------------------------------------------------------
def test_render_docx_writes_the_bytes(tmp_path: Path, reference_report: Report) -> None:
    target = tmp_path / "out.docx"
    render_docx(reference_report, target)
    assert target.read_bytes() == docx_bytes(reference_report)


def test_a_failing_render_leaves_an_existing_file_untouched(tmp_path: Path, reference_report: Report) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"the previous draft")
    resolved = resolve(reference_report)
    # A mark pointing at a note that does not exist: the contract is broken, the writer refuses.
    bad_block = NumberedParagraph(number="1.", text=("Text", NoteRef(note=99, mark="99")))
    broken = attrs.evolve(resolved, blocks=(bad_block, *resolved.blocks))
    with pytest.raises(ReportError):
        render_docx(broken, target)
    assert target.read_bytes() == b"the previous draft"
    with pytest.raises(ReportError):
        render_docx(reference_report, target, reference_docx=tmp_path / "missing.docx")
    assert target.read_bytes() == b"the previous draft"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]  # no temporary file left


def test_unreferenced_note_is_refused(reference_report: Report) -> None:
    resolved = resolve(reference_report)
    with pytest.raises(ReportError, match="no mark"):
        docx_bytes(attrs.evolve(resolved, notes=(*resolved.notes, resolved.notes[0])))


def test_rendering_needs_no_clock_or_randomness(reference_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = docx_bytes(reference_report)

    class Frozen(datetime.datetime):
        @classmethod
        def now(cls, tz: datetime.tzinfo | None = None) -> Frozen:  # type: ignore[override]
            return cls(1999, 12, 31, tzinfo=tz)

    monkeypatch.setattr(datetime, "datetime", Frozen)
    assert docx_bytes(reference_report) == expected


# --- reference documents ------------------------------------------------------------------------------
def _user_reference(path: Path) -> Path:
    """A user's .docx: Letter paper, Arial Normal, a style of their own, a header and a body of text."""
    from docx.api import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, Twips

    document = Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    document.styles.add_style("UserOwnStyle", WD_STYLE_TYPE.PARAGRAPH)
    section = document.sections[0]
    section.page_width, section.page_height = Twips(12240), Twips(15840)
    section.left_margin = Twips(1800)
    section.header.paragraphs[0].text = "USER HEAD"
    document.add_paragraph("OLD BODY TEXT", style="UserOwnStyle")
    document.save(str(path))
    return path


def _as_template(source: Path, target: Path) -> Path:
    """The same package with the template content type (a .dotx)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(info, data)
    return target


def test_reference_docx_keeps_the_users_styles_and_page_setup(tmp_path: Path, symbol_report: Report) -> None:
    reference = _user_reference(tmp_path / "user.docx")
    doc = Docx(docx_bytes(symbol_report, reference_docx=reference))
    normal = doc.style("Normal")
    assert val(normal.find("w:rPr/w:rFonts", NS), "ascii") == "Arial"
    doc.style("UserOwnStyle")
    for style_id in ("HMG", "HChG", "H1G", "H23G", "SingleTxtG", "FootnoteText", "FootnoteReference", "Header",
                     "Footer", "PageNumber"):
        doc.style(style_id)  # added where the user's file lacks them
    sect = doc.document.find("w:body/w:sectPr", NS)
    assert sect is not None
    assert val(sect.find("w:pgSz", NS), "w") == "12240"
    assert val(sect.find("w:pgMar", NS), "left") == "1800"
    assert sect.find("w:titlePg", NS) is not None
    texts = "".join(text_of(p) for p in _body_paragraphs(doc))
    assert "OLD BODY TEXT" not in texts
    assert "USER HEAD" not in "".join(text_of(root) for root in doc.heads().values())
    assert [r.get(w("id")) for r in doc.document.iter(w("footnoteReference"))]
    assert doc.settings.find("w:evenAndOddHeaders", NS) is not None


def test_reference_keeps_a_user_style_that_shares_an_id_with_ours(tmp_path: Path, symbol_report: Report) -> None:
    from docx.api import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    document = Document()
    mine = document.styles.add_style("_ Single Txt_G", WD_STYLE_TYPE.PARAGRAPH)
    mine.style_id = "SingleTxtG"
    mine.font.size = Pt(13)
    # A localised Word names built-in styles in English but gives them ids of its own.
    document.styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH).style_id = "Funotentext"
    path = tmp_path / "un.docx"
    document.save(str(path))
    doc = Docx(docx_bytes(symbol_report, reference_docx=path))
    ids = [s.get(w("styleId")) for s in doc.styles.findall("w:style", NS)]
    assert ids.count("SingleTxtG") == 1
    assert val(doc.style("SingleTxtG").find("w:rPr/w:sz", NS)) == "26"  # the user's, not ours
    # Ours is added under our id as a child of the user's same-named style, with a name of its own.
    ours = doc.style("FootnoteText")
    assert val(ours.find("w:basedOn", NS)) == "Funotentext"
    names = [val(s.find("w:name", NS)) for s in doc.styles.findall("w:style", NS)]
    assert len(names) == len(set(names))


def test_reference_dotx_gives_a_document(tmp_path: Path, symbol_report: Report) -> None:
    template = _as_template(_user_reference(tmp_path / "user.docx"), tmp_path / "user.dotx")
    doc = Docx(docx_bytes(symbol_report, reference_docx=template))
    types = doc.xml("[Content_Types].xml")
    main = [o.get("ContentType") for o in types.findall("ct:Override", NS) if o.get("PartName") == "/word/document.xml"]
    assert main == ["application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"]
    doc.style("UserOwnStyle")


def test_reference_that_is_not_a_word_file_is_a_report_error(tmp_path: Path, symbol_report: Report) -> None:
    bogus = tmp_path / "notes.docx"
    bogus.write_text("not a zip")
    with pytest.raises(ReportError, match="reference"):
        docx_bytes(symbol_report, reference_docx=bogus)


def test_reference_rendering_is_deterministic(tmp_path: Path, symbol_report: Report) -> None:
    reference = _user_reference(tmp_path / "user.docx")
    assert docx_bytes(symbol_report, reference_docx=reference) == docx_bytes(symbol_report, reference_docx=reference)


# --- other languages and import weight -----------------------------------------------------------------
def test_french_report_is_tagged_fr_fr() -> None:
    report = attrs.evolve(build_report(), language="fr")
    doc = Docx(docx_bytes(report))
    assert val(doc.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)) == "fr-FR"
    core = doc.entries["docProps/core.xml"].decode()
    assert "<dc:language>fr-FR</dc:language>" in core


def test_importing_the_library_does_not_import_python_docx() -> None:
    code = "import sys, cstd_docs; print('docx' in sys.modules, 'lxml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.split() == ["False", "False"]


def test_arabic_report_runs_right_to_left() -> None:
    report = attrs.evolve(build_report(), language="ar")
    doc = Docx(docx_bytes(report))
    assert doc.style("Normal").find("w:pPr/w:bidi", NS) is not None
    assert doc.document.find("w:body/w:sectPr/w:bidi", NS) is not None
    assert val(doc.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS), "bidi") == "ar-SA"
    assert doc.document.find("w:body/w:tbl/w:tblPr/w:bidiVisual", NS) is not None
    runs = [r for r in doc.document.iter(w("r")) if text_of(r).strip()]
    arabic = [r for r in runs if re.search("[\u0600-\u06ff]", text_of(r))]
    latin = [r for r in runs if text_of(r) == "/CN.16/2030/7"]
    assert arabic and latin
    assert all(r.find("w:rPr/w:rtl", NS) is not None for r in arabic)
    assert all(r.find("w:rPr/w:rtl", NS) is None for r in latin)  # the symbol stays left to right


def test_chinese_report_has_an_east_asian_font_and_unjustified_text() -> None:
    doc = Docx(docx_bytes(attrs.evolve(build_report(), language="zh")))
    fonts = doc.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert val(fonts, "eastAsia") == "SimSun"
    assert val(fonts, "ascii") == "Times New Roman"
    assert val(doc.style("SingleTxtG").find("w:pPr/w:jc", NS)) == "left"


# --- PDF without its tools ----------------------------------------------------------------------------
@pytest.mark.parametrize(("missing", "package"), [("soffice", "libreoffice"), ("pdftoppm", "poppler-utils")])
def test_missing_tools_are_named_with_their_debian_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference_report: Report, missing: str, package: str
) -> None:
    import shutil

    from cstd_docs.writers import pdf

    real = shutil.which
    gone = {"soffice", "libreoffice"} if missing == "soffice" else {missing}
    monkeypatch.setattr(pdf.shutil, "which", lambda name, **kw: None if name in gone else real(name, **kw))
    monkeypatch.setattr(pdf, "soffice_places", lambda *args: [])  # not where installers put it either
    monkeypatch.delenv("CSTD_SOFFICE", raising=False)
    with pytest.raises(ReportError) as caught:
        pdf.preview(reference_report, tmp_path)
    assert package in str(caught.value)
    assert list(tmp_path.iterdir()) == []
    if missing == "soffice":
        target = tmp_path / "out.pdf"
        with pytest.raises(ReportError, match="libreoffice"):
            pdf.render_pdf(reference_report, target)
        assert not target.exists()


def test_a_previous_draft_as_reference_leaves_one_source_and_its_notes_behind(
    tmp_path: Path, reference_report: Report, symbol_report: Report
) -> None:
    from cstd_docs.embed import extract_source

    draft = tmp_path / "draft.docx"
    render_docx(reference_report, draft)
    doc = Docx(docx_bytes(symbol_report, reference_docx=draft))
    sources = [extract_source(data) for name, data in doc.entries.items() if name.startswith("customXml/item")]
    carried = [s for s in sources if s is not None]
    assert carried == [symbol_report]
    resolved = resolve(symbol_report)
    notes = [n for n in doc.footnotes.findall("w:footnote", NS) if n.get(w("type")) is None]
    assert len(notes) == len(resolved.notes)
    assert text_of(doc.heads()[("header", "even")]) == SYMBOL


def test_without_python_docx_private_serialisers_the_bytes_are_the_same(
    reference_report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    # package_bytes uses python-docx's private content-types writer; if a release drops
    # it, it saves and re-dates the zip instead, giving the same bytes.
    from cstd_docs.writers.docx import docx_bytes, package

    fast = docx_bytes(reference_report)
    monkeypatch.setattr(package, "_ContentTypesItem", None)
    assert docx_bytes(reference_report) == fast


def test_a_rendering_leaves_no_garbage_for_the_collector(reference_report: Report) -> None:
    # python-docx's package is cyclic; left to the collector, a program rendering in a loop
    # kept several renderings' XML alive (the 10,000-paragraph benchmark grew 60 MiB each).
    import gc

    from cstd_docs.writers.docx import docx_bytes

    docx_bytes(reference_report)
    gc.collect()
    docx_bytes(reference_report)
    assert gc.collect() == 0


@pytest.mark.parametrize(
    ("platform", "environ", "place", "hint"),
    [
        ("win32", {"ProgramFiles": "C:\\Program Files"}, "C:\\Program Files/LibreOffice/program/soffice.exe", "winget"),
        ("darwin", {"HOME": "/Users/a"}, "/Applications/LibreOffice.app/Contents/MacOS/soffice", "brew install --cask"),
        ("linux", {}, "/usr/lib/libreoffice/program/soffice", "apt-get install libreoffice-writer"),
    ],
)
def test_libreoffice_is_found_where_each_platform_installs_it(
    monkeypatch: pytest.MonkeyPatch, platform: str, environ: dict[str, str], place: str, hint: str
) -> None:
    from cstd_docs.writers import pdf

    places = pdf.soffice_places(platform, environ)
    assert str(places[0]) == str(Path(place))
    monkeypatch.setattr(pdf.Path, "is_file", lambda self: str(self) == str(places[0]))
    assert pdf.find_soffice(platform, {**environ, "PATH": ""}) == str(places[0])
    monkeypatch.setattr(pdf.Path, "is_file", lambda self: False)
    with pytest.raises(ReportError) as caught:
        pdf.find_soffice(platform, {**environ, "PATH": ""})
    assert hint in str(caught.value)
    assert "CSTD_SOFFICE" in str(caught.value)


def test_cstd_soffice_names_the_program_or_is_refused(tmp_path: Path) -> None:
    from cstd_docs.writers import pdf

    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    assert pdf.find_soffice("linux", {"CSTD_SOFFICE": str(program), "PATH": ""}) == str(program)
    with pytest.raises(ReportError, match=r"CSTD_SOFFICE: .* is not a program"):
        pdf.find_soffice("linux", {"CSTD_SOFFICE": str(tmp_path / "nothing")})
