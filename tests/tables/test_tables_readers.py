"""Tables and figures read back (issue 13): our drafts with and without the source they carry, edited
drafts, and Word tables this project did not write (a UN template's, issue 15)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from tests.conftest import SHARED, require_file
from tests.tables.helpers import PNG, example, in_chapter
from tests.visible_law import _without_custom_xml, first_difference, read_alone

import cstd_docs
from cstd_docs.errors import Problem
from cstd_docs.model import Cell, Figure, Report, Table, TableNote, TableNoteMark
from cstd_docs.model.walk import walk
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import ResolvedTable
from cstd_docs.writers.docx import docx_bytes

ECE = SHARED / "samples" / "ECE_TRANS_WP.29_GTR15_annexes_1_2.docx"


def _floats(report: Report) -> list[Table | Figure]:
    return [v.node for v in walk(report) if isinstance(v.node, (Table, Figure))]


def _cells(table: Table) -> list[list[str]]:
    return [[cstd_docs.model.plain_text(c.text) for c in row] for row in (*table.header, *table.rows)]


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_a_draft_carrying_its_source_reads_back_identical(fmt: str) -> None:
    report = example()
    warnings: list[Problem] = []
    if fmt == "docx":
        back = cstd_docs.read_docx(docx_bytes(report), warnings=warnings)
    else:
        back = cstd_docs.read_markdown(cstd_docs.render_markdown(report), warnings=warnings)
    assert back == report
    assert warnings == []


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_the_visible_text_alone_gives_the_same_tables_and_figures(fmt: str) -> None:
    report = example()
    assert first_difference(report, fmt) is None  # it prints the same document again
    again = read_alone(report, fmt)
    before, after = _floats(report), _floats(again)
    assert [type(x) for x in after] == [Table, Figure, Table]
    for one, other in zip(before, after, strict=True):
        assert other.title == one.title
        assert other.source == one.source
        if isinstance(one, Table) and isinstance(other, Table):
            assert _cells(other) == _cells(one)
            assert other.columns == one.columns
            assert [(c.colspan, c.rowspan, c.align) for row in other.rows for c in row] == \
                [(c.colspan, c.rowspan, c.align) for row in one.rows for c in row]
            assert [n.text for n in other.notes] == [n.text for n in one.notes]
        if isinstance(one, Figure) and isinstance(other, Figure):
            assert (other.image, other.description, other.width) == (one.image, one.description, one.width)


def _edited_docx(report: Report, old: str, new: str) -> bytes:
    """The Word draft of ``report`` with a cell's text typed over, as an editor would."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(docx_bytes(report)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                assert data.count(old.encode()) == 1
                data = data.replace(old.encode(), new.encode())
            target.writestr(name, data)
    return out.getvalue()


def test_an_edited_cell_is_read_and_the_table_keeps_its_id_and_note_ids() -> None:
    report = example()
    warnings: list[Problem] = []
    back = cstd_docs.read_docx(_edited_docx(report, "Etonitazepipne", "Etonitazepipne (edited)"), warnings=warnings)
    table = _floats(back)[0]
    assert isinstance(table, Table)
    assert table.id == "t-scheduling" and [n.id for n in table.notes] == ["single", "psychotropic"]
    assert _cells(table)[4][0] == "Etonitazepipne (edited)"  # its convention's cell spans down into its row
    assert table.rows[0][0].text == ("1961 Convention", TableNoteMark("single"))
    assert warnings == []


def test_a_row_added_to_a_markdown_pipe_table_is_read() -> None:
    table = Table("Officers", header=[["Office", "Officer"]], rows=[["Chair", "Ms. A"]], id="t")
    report = in_chapter(table)
    text = cstd_docs.render_markdown(report).replace("| Chair | Ms. A |", "| Chair | Ms. A |\n| Rapporteur | Mr. B |")
    back = _floats(cstd_docs.read_markdown(text))[0]
    assert isinstance(back, Table) and back.id == "t"
    assert _cells(back) == [["Office", "Officer"], ["Chair", "Ms. A"], ["Rapporteur", "Mr. B"]]


def test_a_mark_without_its_note_and_a_note_without_its_mark_are_said() -> None:
    table = Table("T", header=[["a"]], rows=[[["x", TableNoteMark("n")]]], notes=[TableNote("n", "Note.")])
    text = cstd_docs.render_markdown(in_chapter(table), embed_source=False)
    warnings: list[Problem] = []
    back = cstd_docs.read_markdown(text.replace("<sup>a</sup> Note.", "<sup>b</sup> Note."), warnings=warnings)
    assert [w.message for w in warnings] == ["a raised 'a' in a cell marks no note under the table",
                                             "note b under the table has no mark in its cells"]
    table_back = _floats(back)[0]
    assert isinstance(table_back, Table) and table_back.rows[0][0].text == ("xa",) and table_back.notes == ()


def test_a_caption_whose_table_was_deleted_reads_as_text_with_a_warning() -> None:
    report = in_chapter(Table("Officers", header=[["a"]], rows=[["b"]]), cstd_docs.model.Paragraph("After."))
    data = docx_bytes(report)
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(_without_custom_xml(data)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "word/document.xml":
                text = part.decode()
                tables = list(re.finditer(r"<w:tbl>.*?</w:tbl>", text, re.S))
                last = tables[-1]  # the masthead floats first; ours is the last
                part = (text[:last.start()] + text[last.end():]).encode()
            target.writestr(name, part)
    warnings: list[Problem] = []
    back = cstd_docs.read_docx(out.getvalue(), warnings=warnings)
    assert any("a caption ('Table 1') with no table or figure under it" in w.message for w in warnings)
    assert _floats(back) == []


def test_a_word_table_of_another_document_reads_with_its_caption_and_source(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    title = document.styles.add_style("HMG", 1)
    title.name = "_ H __M_G"  # the UN template's names: the title, then a chapter
    chapter = document.styles.add_style("HChG", 1)
    chapter.name = "_ H _Ch_G"
    document.add_paragraph("Report of the meeting", style=title)
    document.add_paragraph("\tI.\tOrganization", style=chapter)
    document.add_paragraph("Table 3: Officers elected")
    grid = document.add_table(rows=3, cols=2)
    for r, texts in enumerate((("Office", "Officer"), ("Chair", "Ms. A"), ("Rapporteur", "Mr. B"))):
        for c, text in enumerate(texts):
            grid.cell(r, c).text = text
    grid.cell(2, 0).merge(grid.cell(2, 1))
    document.add_paragraph("Source: The secretariat.")
    path = tmp_path / "other.docx"
    document.save(str(path))
    warnings: list[Problem] = []
    report = cstd_docs.read_docx(path, warnings=warnings)
    (table,) = _floats(report)
    assert isinstance(table, Table)
    assert table.title == ("Officers elected",) and table.source == ("The secretariat.",)
    assert _cells(table) == [["Office", "Officer"], ["Chair", "Ms. A"], ["Rapporteur\nMr. B"]]
    assert table.rows[2][0].colspan == 2


def test_the_ece_template_document_s_tables_read_as_tables_with_their_cells() -> None:
    """Issue 15 reads UN-template documents: its 21 tables (and the masthead) must not stop the reader."""
    path = require_file(ECE, "the UNECE sample")
    warnings: list[Problem] = []
    report = cstd_docs.read_docx(path, warnings=warnings)
    tables = [t for t in _floats(report) if isinstance(t, Table)]
    assert len(tables) == 21
    assert sum(len(t.header) + len(t.rows) for t in tables) > 2000
    speeds = tables[2]
    assert [cstd_docs.model.plain_text(c.text) for c in speeds.header[0]][:2] == ["Time in s", "Speed in\u00a0km/h"]
    merged = [t for t in tables if any(c.rowspan > 1 for row in (*t.header, *t.rows) for c in row)]
    assert merged  # its vertically merged cells come back as spans
    assert cstd_docs.loads(cstd_docs.dumps(report)) == report


def test_a_figure_needs_its_caption_to_be_read() -> None:
    figure = Figure("Chart", PNG, "Bars")
    report = in_chapter(figure)
    text = cstd_docs.render_markdown(report, embed_source=False).replace("Figure I\\\n**Chart**\n\n", "")
    warnings: list[Problem] = []
    back = cstd_docs.read_markdown(text, warnings=warnings)
    assert _floats(back) == []
    assert [w.message for w in warnings] == ['an image without a caption ("Figure I" over its title) was not read']


def test_a_table_with_cells_spanning_reads_back_from_markdown_html() -> None:
    table = Table("T", header=[[Cell("Votes", colspan=2, align="center")], ["For", "Against"]],
                  rows=[[Cell("49", rowspan=2, align="right"), "–"], ["1"]], id="t")
    report = in_chapter(table)
    again = read_alone(report, "md")
    assert first_difference(report, "md") is None

    def laid_out(r: Report) -> list[object]:
        (shown,) = [b for b in resolve(r).blocks if isinstance(b, ResolvedTable)]
        return [shown.widths, shown.header, shown.rows]

    # A column's alignment may be said once for the column or cell by cell: the grid is the same.
    assert laid_out(again) == laid_out(report)


def test_an_emptied_note_or_title_leaves_the_table_readable() -> None:
    """An editor who deletes a note's text or a caption's title still gets the table back, with a word."""
    table = Table("Officers", header=[["a"]], rows=[[["x", TableNoteMark("n")]]], notes=[TableNote("n", "Note.")])
    text = cstd_docs.render_markdown(in_chapter(table), embed_source=False)
    warnings: list[Problem] = []
    back = cstd_docs.read_markdown(text.replace("<sup>a</sup> Note.", "<sup>a</sup> ").replace("**Officers**", "** **"),
                                   warnings=warnings)
    (read,) = _floats(back)
    assert isinstance(read, Table) and read.notes == () and read.rows[0][0].text == ("xa",)
    assert "a note under the table with no text was left out" in [w.message for w in warnings]
