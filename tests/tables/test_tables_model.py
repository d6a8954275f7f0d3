"""Tables and figures in the model, the JSON and the resolution pass (issue 13).

Errors name the JSON path and the place a person knows; numbers ("Table 1", "Figure I") and
note letters are derived per language, through the body and afresh in each annex.
"""

from __future__ import annotations

import base64
import copy
import json
from typing import Any

import attrs
import pytest
from tests.tables.helpers import PNG, TABLES_EXAMPLE, VOTES, bar_chart, example, in_chapter

import cstd_docs
from cstd_docs import ReportError
from cstd_docs.lang import available
from cstd_docs.model import Annex, Cell, Column, Figure, Paragraph, Table, TableNote, TableNoteMark
from cstd_docs.model.tables import image_info
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import NoteLetter, ResolvedCell, ResolvedFigure, ResolvedTable, SpannedCell

DATA_PNG = "data:image/png;base64," + base64.b64encode(PNG).decode()


def _data() -> dict[str, Any]:
    return json.loads(TABLES_EXAMPLE.read_text(encoding="utf-8"))


def _problems(data: dict[str, Any]) -> list[cstd_docs.Problem]:
    with pytest.raises(ReportError) as caught:
        cstd_docs.loads(json.dumps(data, ensure_ascii=False, indent=2))
    return list(caught.value.problems)


# --- JSON ---------------------------------------------------------------------------------------------
def test_the_example_holds_two_tables_and_a_figure_made_from_e_2025_28() -> None:
    report = example()
    content = [b for chapter in report.chapters for b in chapter.content]
    tables = [b for b in content if isinstance(b, Table)]
    figures = [b for b in content if isinstance(b, Figure)]
    assert [t.title is not None for t in tables] == [True, False]  # the officers print untitled, as in E/2025/28
    assert len(tables[0].header) == 2 and tables[0].header[0][4].colspan == 3
    assert [row[0].rowspan for row in tables[0].rows if row[0].text[0].startswith("19")] == [4, 2]
    assert [c.text[0] for c in tables[1].rows[0]] == ["Chair", "Asia-Pacific States", "Shambhu Kumaran (India)"]
    # The figure's image is the chart of the votes the table lists (paras. 54–59).
    assert figures[0].image == bar_chart(VOTES)
    votes = [(int(row[-3].text[0]), 0 if row[-1].text[0] == "–" else int(row[-1].text[0])) for row in tables[0].rows]
    assert tuple(votes) == VOTES


def test_a_cell_is_its_text_unless_it_spans_or_aligns_apart() -> None:
    data = _data()
    table = data["chapters"][0]["content"][1]
    assert table["rows"][1][0] == "N-pyrrolidino metonitazene"
    assert table["header"][0][4] == {"text": "Votes", "colspan": 3, "align": "center"}
    assert table["rows"][0][0]["text"][1] == {"table_note": "single"}
    assert data["chapters"][0]["content"][2]["image"].startswith("data:image/png;base64,iVBOR")


def test_python_cells_and_rows_accept_text_and_lists() -> None:
    table = Table("T", rows=[["a", ["b", TableNoteMark("n")]], [Cell("c", colspan=2)]],
                  notes=[TableNote("n", "x")], columns=[Column(40, "right"), Column()])
    assert table.rows[0][1] == Cell(("b", TableNoteMark("n")))
    assert table.columns[0].align.value == "right"
    assert Cell([]).text == ("",)
    with pytest.raises(ReportError, match=r"Table.rows\[0\]\[0\]: expected Cell, got int"):
        Table("T", rows=[[1]])


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (lambda t: t["rows"][1].append("extra"), "content[1].rows[1]", "the row fills 8 columns, with 1 spanned down"),
        (lambda t: t["rows"][0][0].update(rowspan=9), "content[1].rows[0][0]", "spans 9 rows; its part has 6"),
        (lambda t: t["columns"][0].update(width=30), "content[1].columns", "add up to 111 per cent"),
        (lambda t: t["notes"].append({"id": "spare", "text": "x"}), "content[1].notes[2]", "has no mark"),
        (lambda t: t["rows"][1].__setitem__(0, ["x", {"table_note": "nope"}]), "rows[1][0][1].table_note",
         "the table has no note 'nope'"),
        (lambda t: t.pop("rows"), "content[1].rows", "required field is missing"),
    ],
)
def test_a_table_s_mistake_is_named_by_its_json_path(change: Any, path: str, message: str) -> None:
    data = _data()
    change(data["chapters"][0]["content"][1])
    problems = _problems(data)
    found = [p for p in problems if p.path.endswith(path) and message in p.message]
    assert found, problems
    assert found[0].hint and found[0].line is not None and "chapter I, a table (id 't-scheduling')" in str(found[0].place)


@pytest.mark.parametrize(
    ("image", "message"),
    [
        (None, "required field is missing"),
        ("chart.png", "an image is a data: URI of a PNG, JPEG or GIF image, got 'chart.png'"),
        ("data:image/png;base64,AAA", "base64 text is damaged"),
        ("data:image/jpeg;base64," + base64.b64encode(PNG).decode(), "says image/jpeg but holds a PNG image"),
        ("data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\nshort").decode(), "not a PNG, JPEG or GIF"),
    ],
)
def test_a_figure_s_image_mistake_is_named_by_its_json_path(image: str | None, message: str) -> None:
    data = _data()
    figure = data["chapters"][0]["content"][2]
    if image is None:
        del figure["image"]
    else:
        figure["image"] = image
    (problem,) = _problems(data)
    assert problem.path == "$.chapters[0].content[2].image"
    assert message in problem.message and problem.hint
    assert "a figure (id 'f-votes')" in str(problem.place)


def test_a_table_note_mark_outside_a_table_and_a_reference_to_an_untitled_table_are_refused() -> None:
    data = _data()
    content = data["chapters"][1]["content"]
    content[0]["text"] = ["Officers", {"table_note": "single"}, " ", {"ref": "t-officers"}]
    messages = {p.path.rsplit(".", 1)[-1] + ": " + p.message for p in _problems(data)}
    assert "table_note: a table note's mark stands outside a table's cells" in messages
    assert "ref: 't-officers' is unnumbered text, which has no number to print" in messages


def test_images_are_known_by_their_first_bytes() -> None:
    info = image_info(PNG)
    assert info is not None and (info.kind, info.width, info.height) == ("png", 40, 20)
    gif = b"GIF89a" + (7).to_bytes(2, "little") + (3).to_bytes(2, "little") + b"\x00" * 20
    jpeg = bytes.fromhex("ffd8ffe000104a46494600010100000100010000") + bytes.fromhex("ffc0001108000500080301220002110103110100")
    assert [(i.kind, i.width, i.height) for i in map(image_info, (gif, jpeg)) if i] == [("gif", 7, 3), ("jpeg", 8, 5)]
    assert image_info(b"\xff\xd8\xff") is None and image_info(b"not an image") is None


# --- resolution ---------------------------------------------------------------------------------------
def _floats(report: cstd_docs.Report) -> list[ResolvedTable | ResolvedFigure]:
    return [b for b in resolve(report).blocks if isinstance(b, (ResolvedTable, ResolvedFigure))]


def test_tables_and_figures_are_numbered_through_the_body_and_afresh_in_each_annex() -> None:
    titled = Table("T", rows=[["x"]])
    untitled = Table(rows=[["x"]])
    figure = Figure("F", PNG)
    report = in_chapter(titled, figure, untitled, titled, figure)
    report = attrs.evolve(report, annexes=(Annex("A", (titled, figure)), Annex("B", (untitled, titled))))
    assert [b.caption for b in _floats(report)] == ["Table 1", "Figure I", None, "Table 2", "Figure II",
                                                    "Table 1", "Figure I", None, "Table 1"]


@pytest.mark.parametrize("language", sorted(available()))
def test_captions_letters_and_source_come_from_the_language_table(language: str) -> None:
    table = Table("T", rows=[[["a", TableNoteMark("one")], ["b", TableNoteMark("two")]]],
                  notes=[TableNote("one", "x"), TableNote("two", "y")], source="S")
    report = in_chapter(table, table, Figure("F", PNG), Figure("G", PNG), Figure("H", PNG), language=language)
    tables = [b for b in _floats(report) if isinstance(b, ResolvedTable)]
    figures = [b for b in _floats(report) if isinstance(b, ResolvedFigure)]
    expected = {
        "en": ("Table 2", "Figure III", "b", "Source:"), "fr": ("Tableau 2", "Figure III", "b", "Source\u202f:"),
        "es": ("Cuadro 2", "Gráfico III", "b", "Fuente:"), "ru": ("Таблица 2", "Диаграмма III", "b", "Источник:"),
        "zh": ("表2", "图三", "b", "资料来源："), "ar": ("الجدول 2", "الشكل III", "ب", "المصدر:"),
    }[language]
    cell = tables[1].rows[0][1]
    assert isinstance(cell, ResolvedCell)
    assert (tables[1].caption, figures[2].caption, cell.text[1], tables[1].source_label) == (
        expected[0], expected[1], NoteLetter(expected[2]), expected[3])
    assert [n.letter for n in tables[1].notes][1] == expected[2]


def test_the_grid_holds_each_place_a_cell_spans_down_into_once_and_every_alignment() -> None:
    table = example().chapters[0].content[1]
    resolved = next(b for b in _floats(in_chapter(table)) if isinstance(b, ResolvedTable))
    assert resolved.widths == (19.0, 29.0, 10.0, 9.0, 11.0, 10.0, 12.0)
    assert [type(c).__name__ for c in resolved.header[1]] == ["SpannedCell"] * 4 + ["ResolvedCell"] * 3
    assert [type(c).__name__ for c in resolved.rows[1]] == ["SpannedCell"] + ["ResolvedCell"] * 6
    assert [c.align.value for c in resolved.rows[0]] == ["left", "left", "center", "center", "right", "right",
                                                        "right"]
    assert resolved.header[0][4].align.value == "center" and isinstance(resolved.rows[5][0], SpannedCell)


def test_partial_widths_share_what_is_left_and_cross_references_print_the_numbers() -> None:
    table = Table("T", columns=[Column(50), Column(), Column()], rows=[["a", "b", "c"]], id="t")
    figure = Figure("F", PNG, id="f")
    report = in_chapter(Paragraph(("See table ", cstd_docs.model.CrossRef("t"), " and figure ",
                                   cstd_docs.model.CrossRef("f"), ".")), table, figure)
    resolved = resolve(report)
    assert next(b for b in resolved.blocks if isinstance(b, ResolvedTable)).widths == (50.0, 25.0, 25.0)
    assert "See table 1 and figure I." in cstd_docs.render_markdown(report, embed_source=False).replace(
        "[1](#t)", "1").replace("[I](#f)", "I")
    assert resolved.referenced == {"t": "1", "f": "I"}


def test_a_copy_of_the_example_with_a_table_in_every_place_checks_and_resolves() -> None:
    """Tables stand wherever a paragraph may: the report's own text, a subsection, main findings."""
    table = Table("T", rows=[["x"]])
    report = example()
    findings = cstd_docs.model.Findings("Theme", main_findings=(table,))
    section = cstd_docs.model.Section("S", subsections=(cstd_docs.model.Subsection("Sub", (table,)),))
    chapter = attrs.evolve(report.chapters[1], sections=(*report.chapters[1].sections, section, findings))
    report = attrs.evolve(report, content=(table,), chapters=(report.chapters[0], chapter))
    # the report's own text, chapter I's, the subsection's, the main findings'; the officers' is untitled
    assert [b.caption for b in _floats(report) if isinstance(b, ResolvedTable)] == [
        "Table 1", "Table 2", None, "Table 3", "Table 4"]
    assert cstd_docs.loads(cstd_docs.dumps(report)) == report
    assert copy.deepcopy(report) == report


# --- what else reads the resolved document ---------------------------------------------------------------
def test_editorial_checks_read_the_cells_as_table_text() -> None:
    """Figures under ten and "%" belong in a table; quotation marks and spaces are checked as anywhere."""
    officers = example().chapters[1].content[1]
    assert isinstance(officers, Table)
    changed = attrs.evolve(officers, rows=(*officers.rows, ("Alternates", "5 States, 7 %", 'one "quoted"  name')))
    chapter = attrs.evolve(example().chapters[1], content=(example().chapters[1].content[0], changed))
    report = attrs.evolve(example(), chapters=(example().chapters[0], chapter))
    findings = cstd_docs.check(report)
    assert sorted((f.rule, f.path) for f in findings) == [
        ("double-space", "$.chapters[1].content[1].rows[5][2]"), ("straight-quotes", "$.chapters[1].content[1].rows[5][2]")]
    assert list(cstd_docs.check(example())) == []


def test_diff_names_a_changed_table_by_its_caption_and_words() -> None:
    report = example()
    table = report.chapters[0].content[1]
    assert isinstance(table, Table)
    last = table.rows[-1]  # Carisoprodol: its convention's cell spans down into its row
    rows = (*table.rows[:-1], (*last[:3], "47", *last[4:]))
    chapter = attrs.evolve(report.chapters[0], content=(report.chapters[0].content[0], attrs.evolve(table, rows=rows),
                                                        *report.chapters[0].content[2:]))
    (change,) = cstd_docs.diff(report, attrs.evolve(report, chapters=(chapter, report.chapters[1])))
    assert (change.kind, change.what, change.new_place) == ("edited", "table", "Table 1")
    assert "| 68/6 | [-48-]{+47+} |" in change.words


def test_an_image_may_be_longer_than_a_text_but_not_without_bound() -> None:
    """A chart of 300 KB is 400,000 characters of base64: more than any text may hold, fine for an image."""
    from cstd_docs.model.tables import MAX_IMAGE_BYTES

    data = _data()
    noise = bytes((i * 7919) % 251 for i in range(300_000))
    data["chapters"][0]["content"][2]["image"] = "data:image/png;base64," + base64.b64encode(PNG + noise).decode()
    assert len(cstd_docs.loads(json.dumps(data)).chapters[0].content[2].image) == len(PNG) + 300_000  # type: ignore[union-attr]
    data["chapters"][0]["content"][0]["text"] = "x" * 400_000
    (problem,) = _problems(data)
    assert problem.path == "$.chapters[0].content[0].text" and "the limit is 100,000" in problem.message
    with pytest.raises(ReportError, match="at most 12 MB"):
        resolve(in_chapter(Figure("F", PNG + bytes(MAX_IMAGE_BYTES))))
