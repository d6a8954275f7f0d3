"""A document made with the UN Geneva template by someone else (no source embedded, not our writer)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from tests.ooxml import FOOTNOTES_REL, FOOTNOTES_TYPE, W, w
from tests.readers.helpers import libreoffice_resave

import cstd_docs
from cstd_docs.errors import Problem
from cstd_docs.model import Emphasis, Findings, Note, Paragraph, Report, Section
from cstd_docs.model.check import check

NOTES = {
    1: "E/CN.16/2023/1.",
    2: "The report was prepared with contributions from the regional commissions.",
    3: "Representative of Thailand.",
    4: "See https://unctad.org/cstd.",
}


def _footnotes_xml() -> bytes:
    notes = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        f'<w:r><w:tab/></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:tab/><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:footnote>'
        for n, text in NOTES.items()
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        f"</w:footnote>{notes}</w:footnotes>"
    ).encode()


def build_un_document(path: Path) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    import docx

    d = docx.Document()
    styles = {}
    # Ids as the template has them, except one known only by its template name.
    for ident, name in [("HMG", "_ H __M_G"), ("HChG", "_ H _Ch_G"), ("H1G", "_ H_1_G"), ("H23G", "_ H_2/3_G"),
                        ("Style27", "_ Single Txt_G"), ("FootnoteText", "footnote text")]:
        style = d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(w("styleId"), ident)
        styles[ident] = style
    char = d.styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
    char.element.set(w("styleId"), "FootnoteReference")

    table = d.add_table(rows=2, cols=4)
    table.cell(0, 1).text = "United Nations"
    symbol = table.cell(0, 2).paragraphs[0]
    symbol.add_run("E")
    symbol.add_run("/CN.16/2023/3")
    table.cell(1, 0).text = "Economic and Social Council"
    box = table.cell(1, 3)
    box.text = "Distr.: General"
    for line in ("14 February 2023", "", "Original: English"):
        box.add_paragraph(line)

    def note(paragraph, number: int) -> None:  # type: ignore[no-untyped-def]
        paragraph._p.append(parse_xml(
            f'<w:r xmlns:w="{W}"><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>'))

    d.add_paragraph("Commission on Science and Technology for Development")
    d.add_paragraph("Twenty-sixth session")
    d.add_paragraph("Geneva, 27–31 March 2023")
    note(d.add_paragraph("Item 3 of the provisional agenda"), 1)
    d.add_paragraph("Science and technology for development")
    d.add_paragraph("\t\tHarnessing science for resilient recovery", styles["HMG"])
    note(d.add_paragraph("\t\tReport of the Secretary-General", styles["H1G"]), 2)
    d.add_paragraph("\tI.\tIntroduction", styles["HChG"])
    p = d.add_paragraph("1.\tThe Commission met in Geneva.", styles["Style27"])
    note(p, 3)
    d.add_paragraph("2.\tThe themes were:", styles["Style27"])
    d.add_paragraph("(a)\tFirst theme;", styles["Style27"])
    p = d.add_paragraph("(b)\tThe ", styles["Style27"])
    p.add_run("Road Map for Digital Cooperation").italic = True
    p.add_run(", in particular:")
    d.add_paragraph("(i)\tits first part;", styles["Style27"])
    d.add_paragraph("(ii)\tits second part.", styles["Style27"])
    d.add_paragraph("\tA.\tBackground", styles["H1G"])
    p = d.add_paragraph("3.\tSee the website.", styles["Style27"])
    note(p, 4)
    d.add_paragraph("\t1.\tEarlier work", styles["H23G"])
    d.add_paragraph("4.\tThe secretariat reported on earlier work.", styles["Style27"])
    d.add_paragraph("\tII.\tConclusions", styles["HChG"])
    d.add_paragraph("5.\tThe Commission may wish to consider the report.", styles["Style27"])
    d.add_paragraph("", styles["Style27"])
    d.add_paragraph("\t\t\t")

    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, _footnotes_xml(), d.part.package)
    d.part.relate_to(part, FOOTNOTES_REL)
    d.save(str(path))


def _check(report: Report, warnings: list[Problem]) -> None:
    assert check(report) == []
    assert warnings == []
    m = report.masthead
    assert (m.symbol, m.organ, m.date, m.original_language, m.single_language) == (
        "E/CN.16/2023/3", "Economic and Social Council", datetime.date(2023, 2, 14), "en", False)
    assert report.body == "Commission on Science and Technology for Development"
    assert (report.session.number, report.session.place) == (26, "Geneva")
    assert (report.session.start, report.session.end) == (datetime.date(2023, 3, 27), datetime.date(2023, 3, 31))
    assert [(i.number, i.title, i.provisional) for i in report.agenda_items] == [
        (3, "Science and technology for development", True)]
    assert report.agenda_symbol == "E/CN.16/2023/1"
    assert report.title == ("Harnessing science for resilient recovery",)
    assert report.subtitles == (("Report of the Secretary-General", Note((NOTES[2],))),)
    intro, conclusions = report.chapters
    assert intro.title == ("Introduction",) and conclusions.title == ("Conclusions",)
    first, second = intro.content
    assert isinstance(first, Paragraph) and first.text == ("The Commission met in Geneva.", Note((NOTES[3],)))
    assert isinstance(second, Paragraph) and second.text == ("The themes were:",)
    a, b = second.subparagraphs
    assert a.text == ("First theme;",)
    assert b.text == ("The ", Emphasis("Road Map for Digital Cooperation"), ", in particular:")
    assert [s.text for s in b.subparagraphs] == [("its first part;",), ("its second part.",)]
    (section,) = intro.sections
    assert isinstance(section, Section) and not isinstance(section, Findings)
    assert section.title == ("Background",)
    assert section.content == (Paragraph(("See the website.", Note((NOTES[4],))), id=section.content[0].id),)
    assert section.subsections[0].title == ("Earlier work",)
    # The empty paragraph and the line of tabs after the last paragraph are not read as text.
    assert [type(b) for b in conclusions.content] == [Paragraph]
    # New paragraphs get readable ids.
    assert first.id == "p-the-commission-met-in"


def test_a_un_template_document_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "un.docx"
    build_un_document(path)
    warnings: list[Problem] = []
    _check(cstd_docs.read_docx(path, warnings=warnings), warnings)


@pytest.mark.interop
def test_a_un_template_document_resaved_by_libreoffice_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "un.docx"
    build_un_document(path)
    resaved = libreoffice_resave(path, tmp_path)
    warnings: list[Problem] = []
    _check(cstd_docs.read_docx(resaved, warnings=warnings), warnings)


def test_what_cannot_be_mapped_is_a_warning(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "un.docx"
    build_un_document(path)
    d = docx.Document(str(path))
    d.add_table(rows=1, cols=2).cell(0, 0).text = "A data table"
    d.save(str(path))
    warnings: list[Problem] = []
    report = cstd_docs.read_docx(path, warnings=warnings)
    # A data table is a table of the model since issue 13: read with its cells, not warned about.
    from cstd_docs.model import Table
    from cstd_docs.model.walk import walk

    (table,) = [v.node for v in walk(report) if isinstance(v.node, Table)]
    assert table.title is None and [[c.text for c in row] for row in table.rows] == [[("A data table",), ("",)]]
    assert not any("table" in w.message for w in warnings)
