"""Tables and figures as the writers lay them out (issue 13): Word's w:tbl and picture, Markdown's
pipe and HTML tables and data: URI images. The expected figures are the layout's measured ones
(docs/layout-content.md), named here once each."""

from __future__ import annotations

import io
import re
import zipfile

import attrs
import pytest
from lxml import etree
from tests.ooxml import NS, w
from tests.tables.helpers import PNG, example, in_chapter

import cstd_docs
from cstd_docs.model import Alignment, Cell, Column, Figure, Table, TableNote, TableNoteMark
from cstd_docs.writers.docx import docx_bytes

#: E/2025/28 p. 56: ½ pt over the header, 1½ pt under it and at the foot (eighths of a point).
RULES = {"top": "4", "header": "12", "foot": "12"}
#: The text column less the G styles' indents: A4 less 2 cm margins, less 2 cm each side (twips).
GENEVA_COLUMN = 11907 - 2 * 1134 - 2 * 1134


def _document(report: cstd_docs.Report) -> tuple[etree._Element, zipfile.ZipFile]:
    package = zipfile.ZipFile(io.BytesIO(docx_bytes(report)))
    return etree.fromstring(package.read("word/document.xml")), package


def _body_tables(root: etree._Element) -> list[etree._Element]:
    """The tables of the text: not the masthead, which floats (w:tblpPr)."""
    return [t for t in root.iter(w("tbl")) if t.find(f"{w('tblPr')}/{w('tblpPr')}") is None]


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(w("t")))


@pytest.fixture(scope="module")
def word() -> tuple[etree._Element, zipfile.ZipFile]:
    return _document(example())


def test_a_table_is_a_real_word_table_in_the_text_column(word: tuple[etree._Element, zipfile.ZipFile]) -> None:
    root, _ = word
    scheduling, officers = _body_tables(root)
    grid = [int(c.get(w("w"))) for c in scheduling.iter(w("gridCol"))]
    assert len(grid) == 7 and abs(sum(grid) - GENEVA_COLUMN) <= 3
    assert [round(g * 100 / GENEVA_COLUMN) for g in grid] == [19, 29, 10, 9, 11, 10, 12]
    assert scheduling.find(f"{w('tblPr')}/{w('tblInd')}").get(w("w")) == "1134"
    assert scheduling.find(f"{w('tblPr')}/{w('tblLayout')}").get(w("type")) == "fixed"
    rows = scheduling.findall(w("tr"))
    repeated = [r.find(f"{w('trPr')}/{w('tblHeader')}") is not None for r in rows]
    assert repeated == [True, True] + [False] * 6
    assert [_text(c) for c in rows[0].findall(w("tc"))] == ["Convention", "Substance", "Schedule", "Decision",
                                                            "Votes"]
    assert rows[0].findall(w("tc"))[4].find(f"{w('tcPr')}/{w('gridSpan')}").get(w("val")) == "3"
    # "1961 Convention" spans four rows: restarted, then continued three times
    merges = [r.findall(w("tc"))[0].find(f"{w('tcPr')}/{w('vMerge')}") for r in rows[2:8]]
    assert [m.get(w("val")) if m is not None else None for m in merges] == ["restart", None, None, None, "restart",
                                                                            None]
    assert all(m is not None for m in merges)
    assert len(officers.findall(w("tr"))) == 6


def _borders(row: etree._Element, side: str) -> set[str | None]:
    return {b.get(w("sz")) for b in row.iter(w(side)) if b.getparent().tag == w("tcBorders")}


def test_rules_over_and_under_the_header_and_at_the_foot_only(word: tuple[etree._Element, zipfile.ZipFile]) -> None:
    root, _ = word
    for table in _body_tables(root):
        rows = table.findall(w("tr"))
        header = sum(r.find(f"{w('trPr')}/{w('tblHeader')}") is not None for r in rows)
        assert _borders(rows[0], "top") == {RULES["top"]}
        assert RULES["header"] in _borders(rows[header - 1], "bottom")
        assert _borders(rows[-1], "bottom") == {RULES["foot"]}
        for row in rows[header:-1]:
            assert _borders(row, "top") == set() and _borders(row, "bottom") == set()
        assert table.find(f".//{w('left')}/..[@{w('val')}]") is None  # no vertical rule anywhere
    scheduling = _body_tables(root)[0]
    spanner = scheduling.findall(w("tr"))[0].findall(w("tc"))[4]
    assert {b.get(w("sz")) for b in spanner.iter(w("bottom")) if b.getparent().tag == w("tcBorders")} == {"4"}


def test_the_header_is_italic_7_pt_and_the_body_10_pt_by_their_styles(word: tuple[etree._Element,
                                                                                 zipfile.ZipFile]) -> None:
    root, package = word
    styles = etree.fromstring(package.read("word/styles.xml"))
    head = styles.find(f".//{w('style')}[@{w('styleId')}='TableHeadG']")
    text = styles.find(f".//{w('style')}[@{w('styleId')}='TableTextG']")
    assert head.find(f"{w('rPr')}/{w('i')}") is not None and head.find(f"{w('rPr')}/{w('sz')}").get(w("val")) == "14"
    assert text.find(f"{w('rPr')}/{w('sz')}").get(w("val")) == "20"
    scheduling = _body_tables(root)[0]
    styles_used = [p.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) for p in scheduling.iter(w("p"))]
    # a paragraph in each place of the grid (the places a merge continues into too): 5 + 7 in the header
    assert styles_used.count("TableHeadG") == 12 and styles_used.count("TableTextG") == 6 * 7
    # the header's italics are the style's: no run of the table says italic itself
    assert not list(scheduling.iter(w("i")))


def test_caption_title_source_and_lettered_notes_stand_around_the_table(word: tuple[etree._Element,
                                                                                  zipfile.ZipFile]) -> None:
    root, _ = word
    body = root.find(w("body"))
    table = _body_tables(root)[0]
    at = list(body).index(table)
    before = [(p.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")), _text(p)) for p in list(body)[at - 2:at]]
    assert before == [("CaptionG", "Table 1"), ("CaptionTitleG", "Scheduling decisions taken by the Commission on "
                                                                  "12 March 2025")]
    after = [_text(p) for p in list(body)[at + 1:at + 4]]
    assert after == ["Source: E/2025/28, chap. V, paras. 54–59.",
                     "a\tSingle Convention on Narcotic Drugs of 1961 as amended by the 1972 Protocol.".replace("\t", ""),
                     "bConvention on Psychotropic Substances of 1971."]
    marks = [r for r in table.iter(w("r")) if r.find(f"{w('rPr')}/{w('vertAlign')}") is not None]
    assert [(_text(r), r.find(f"{w('rPr')}/{w('vertAlign')}").get(w("val"))) for r in marks] == [
        ("a", "superscript"), ("b", "superscript")]
    # the caption's number carries the bookmark a cross-reference points at
    caption = list(body)[at - 2]
    assert caption.find(w("bookmarkStart")) is not None


def test_a_figure_is_an_inline_picture_with_its_image_part(word: tuple[etree._Element, zipfile.ZipFile]) -> None:
    root, package = word
    figure = example().chapters[0].content[2]
    assert isinstance(figure, Figure)
    (inline,) = root.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline")
    blip = next(inline.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))
    rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
    target = next(r.get("Target") for r in rels if r.get("Id") == blip.get(f"{{{NS['r']}}}embed"))
    assert package.read(f"word/{target}") == figure.image
    extent = inline.find(f"{{{NS['wp']}}}extent")
    assert int(extent.get("cx")) == GENEVA_COLUMN * 635 * figure.width // 100
    assert inline.find(f"{{{NS['wp']}}}docPr").get("descr") == figure.description
    assert not [a for e in root.iter() for a in e.attrib if a.startswith("{urn:cstd-docs:pending}")]


def test_right_to_left_tables_are_mirrored_and_the_masthead_stays_as_it_was() -> None:
    root, _ = _document(attrs.evolve(example(), language="ar"))
    tables = list(root.iter(w("tbl")))
    assert all(t.find(f"{w('tblPr')}/{w('bidiVisual')}") is not None for t in tables)
    margins = _body_tables(root)[0].find(f"{w('tblPr')}/{w('tblCellMar')}")
    assert (margins.find(w("left")).get(w("w")), margins.find(w("right")).get(w("w"))) == ("113", "0")


# --- Markdown ----------------------------------------------------------------------------------------
def test_markdown_writes_a_pipe_table_where_it_can_say_everything() -> None:
    table = Table("Officers", columns=[Column(30), Column(70, Alignment.RIGHT)], header=[["Office", "Officer"]],
                  rows=[["Chair", ["Ms. A", TableNoteMark("n")]], ["Vice | Chair", "Mr. B\nMr. C"]],
                  notes=[TableNote("n", "Elected.")], source="E/2025/28.", id="t")
    text = cstd_docs.render_markdown(in_chapter(table), embed_source=False)
    block = text[text.index("Table 1"):text.index("<sup>a</sup> Elected.")]
    assert block.splitlines() == [
        "Table 1\\", "**Officers**", "", "| Office | Officer |", f"|{'-' * 30}|{'-' * 70}:|",
        "| Chair | Ms. A<sup>a</sup> |", "| Vice \\| Chair | Mr. B<br>Mr. C |", "", "*Source:* E/2025/28.", ""]


@pytest.mark.parametrize(
    ("table", "why"),
    [
        (Table("T", rows=[["a", "b"]]), "no header row"),
        (Table("T", header=[["a", "b"], ["c", "d"]], rows=[["e", "f"]]), "two header rows"),
        (Table("T", header=[["a", "b"]], rows=[[Cell("e", colspan=2)]]), "a cell spans"),
        (Table("T", header=[["a", "b"]], rows=[["e", Cell("f", align="center")]]), "a cell aligns apart"),
    ],
)
def test_markdown_writes_html_where_a_pipe_table_cannot_say_it(table: Table, why: str) -> None:
    text = cstd_docs.render_markdown(in_chapter(table), embed_source=False)
    assert "<table>" in text and "|---" not in text, why


def test_markdown_writes_a_figure_as_an_image_with_its_data_uri_and_width() -> None:
    text = cstd_docs.render_markdown(in_chapter(Figure("Chart", PNG, "Bars [1]", 60, "UNODC.")), embed_source=False)
    found = re.search(r"Figure I\\\n\*\*Chart\*\*\n\n!\[Bars \\\[1\\\]\]\(data:image/png;base64,([^)]+)\)\{width=60%\}",
                      text)
    assert found is not None and "*Source:* UNODC." in text
    import base64

    assert base64.b64decode(found.group(1)) == PNG
