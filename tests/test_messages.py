"""Messages a person can act on: JSON syntax in plain words, the line and the paragraph of each problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import REFERENCE_EXAMPLE, REPO

import cstd_docs
from cstd_docs import ReportError
from cstd_docs.jsonio.places import lines_of, paragraph_numbers, parse_path, place_of
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import NumberedParagraph, OperativeParagraph

EXAMPLES = sorted((REPO / "examples").glob("*.json"))


def _problem(text: str) -> cstd_docs.Problem:
    with pytest.raises(ReportError) as caught:
        cstd_docs.loads(text)
    (problem,) = caught.value.problems
    return problem


@pytest.mark.parametrize(
    ("text", "where", "words", "caret_under"),
    [
        ('{\n  "title": ”Report",\n}', "line 2, column 12", "a curly quote ” where JSON needs a straight", "”"),
        ('{\n  "a": [1, 2,],\n}', "line 2, column 13", "a comma before the closing ]", ","),
        ('{\n  "a": {"b": 1,}\n}', "line 2, column 15", "a comma before the closing }", ","),
        ('{\n  "a": 1\n  "b": 2\n}', "line 2, column 9", "a comma is missing", ""),
        ('{\n  "title": "Report\n}', "line 2, column 12", "a string is not closed", '"'),
        ('{\n  "a": [1,\n', "line 2, column 11", "the file ends early", ""),
        ("{\n 'a': 1}", "line 2, column 2", "a name in single quotes", "'"),
        ('{"a": tru}', "line 1, column 7", "a word without quotes", "t"),
    ],
)
def test_json_syntax_errors_in_plain_words_with_the_line_and_a_caret(
    text: str, where: str, words: str, caret_under: str
) -> None:
    problem = _problem(text)
    assert problem.path == where
    assert problem.message.startswith(f"not valid JSON: {words}")
    assert problem.hint
    assert problem.excerpt is not None
    line, caret = problem.excerpt.split("\n")
    column = int(where.rsplit(" ", 1)[1])
    assert text.split("\n")[int(where.split()[1].rstrip(",")) - 1] == line
    assert caret == " " * (column - 1) + "^"
    if caret_under:
        assert line[column - 1] == caret_under


def test_a_long_line_is_cut_around_the_place() -> None:
    text = '{"chapters": [' + ", ".join(['{"title": "Chapter"}'] * 200) + ",]}"
    problem = _problem(text)
    assert problem.excerpt is not None
    line, caret = problem.excerpt.split("\n")
    assert len(line) <= 102
    assert line[len(caret) - 1] == ","


def _paths_of_ids(data: Any, path: tuple[Any, ...] = ()) -> dict[str, tuple[Any, ...]]:
    found: dict[str, tuple[Any, ...]] = {}
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            found[data["id"]] = path
        for key, value in data.items():
            if key != "participants":
                found.update(_paths_of_ids(value, (*path, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.update(_paths_of_ids(value, (*path, index)))
    return found


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_places_give_the_numbers_the_resolution_pass_prints(example: Path) -> None:
    data = json.loads(example.read_text(encoding="utf-8"))
    resolved = resolve(cstd_docs.load(example))
    printed = {b.id: b.number for b in resolved.blocks if isinstance(b, (NumberedParagraph, OperativeParagraph)) and b.id}
    operative = {b.id for b in resolved.blocks if isinstance(b, OperativeParagraph)}
    paths = _paths_of_ids(data)
    numbers = paragraph_numbers(data)
    checked = 0
    for ident, number in printed.items():
        place = place_of(data, paths[ident], numbers)
        assert place is not None
        digits = "".join(ch for ch in number if ch.isdigit() or ch == ".").strip(".")  # "12", or "3.1.1"
        word = "operative paragraph" if ident in operative else "paragraph"
        assert f"{word} {digits} (id {ident!r})" in place, (ident, number, place)
        checked += 1
    assert checked == len(printed) > 0


def test_the_line_of_every_value_is_where_it_is_written() -> None:
    text = REFERENCE_EXAMPLE.read_text(encoding="utf-8")
    data = json.loads(text)
    paths = list(_paths_of_ids(data).values())
    lines = lines_of(text, paths)
    assert len(lines) == len(paths) > 20
    for path, line in lines.items():
        node: Any = data
        for step in path:
            node = node[step]
        # The line of an object in a list is its "{"; the id is on the next line or the same one.
        written = text.split("\n")[line - 1 : line + 1]
        assert any(f'"id": "{node["id"]}"' in w for w in written), (path, line)


def test_a_problem_names_the_paragraph_and_the_line() -> None:
    text = REFERENCE_EXAMPLE.read_text(encoding="utf-8")
    data = json.loads(text)
    data["chapters"][6]["sections"][0]["main_findings"][0]["text"] = ["See ", {"ref": "nowhere"}]
    bad = json.dumps(data, indent=2, ensure_ascii=False)
    with pytest.raises(ReportError) as caught:
        cstd_docs.loads(bad)
    (problem,) = caught.value.problems
    assert problem.place == "chapter VII, section A, paragraph 28 (id 'industry-main-findings')"
    assert problem.line is not None
    assert '"ref": "nowhere"' in bad.split("\n")[problem.line - 1]
    assert str(problem).startswith(f"{problem.place}, line {problem.line}: $.chapters[6].sections[0]")


def test_paths_parse_back_to_their_steps() -> None:
    assert parse_path("$.participants['basso'].name") == ("participants", "basso", "name")
    assert parse_path("$.chapters[2].content[0].text[1].cite") == ("chapters", 2, "content", 0, "text", 1, "cite")
    assert parse_path("line 3, column 4") is None


def test_an_empty_required_field_says_to_write_it_and_an_optional_one_may_go() -> None:
    data = json.loads(REFERENCE_EXAMPLE.read_text(encoding="utf-8"))
    data["session"]["place"] = " "
    data["masthead"]["job_number"] = ""
    with pytest.raises(ReportError) as caught:
        cstd_docs.loads(json.dumps(data))
    hints = {p.path: p.hint for p in caught.value.problems}
    assert hints["$.session.place"] == "write the place, or null to print the session's dates alone"
    assert hints["$.masthead.job_number"] == "write the text, or remove the entry"


def test_languages_leads_to_language_and_single_language() -> None:
    data = json.loads(REFERENCE_EXAMPLE.read_text(encoding="utf-8"))
    data["languages"] = ["en", "fr"]
    data["masthead"]["languages"] = "en"
    with pytest.raises(ReportError) as caught:
        cstd_docs.loads(json.dumps(data))
    hints = {p.path: p.hint or "" for p in caught.value.problems}
    assert "single_language" in hints["$"] and "'language'" in hints["$"]
    assert "single_language" in hints["$.masthead"]


def test_shape_errors_do_not_hide_the_rest() -> None:
    data = json.loads(REFERENCE_EXAMPLE.read_text(encoding="utf-8"))
    data["chapters"][3]["content"][0]["text"] = 5  # the paragraph cannot be built
    referenced = data["chapters"][3]["content"][0]["id"]
    data["chapters"][1]["content"][0]["text"] = ["See ", {"ref": referenced}, {"cite": "nobody"}]
    data["participants"]["basso"]["name"] = None
    with pytest.raises(ReportError) as caught:
        cstd_docs.loads(json.dumps(data))
    paths = [p.path for p in caught.value.problems]
    # The wrong paragraph keeps its id for the check: the reference to it is no problem.
    assert paths == [
        "$.participants['basso'].name",
        "$.chapters[3].content[0].text",
        "$.chapters[1].content[0].text[2].cite",
    ]


def test_a_report_built_in_python_names_the_paragraph_too(tmp_path: Path) -> None:
    import attrs

    from cstd_docs.model import CrossRef, Paragraph

    report = cstd_docs.load(REPO / "examples" / "short-en.json")
    chapter = report.chapters[0]
    wrong = Paragraph(("See ", CrossRef("nowhere")), id="x")
    report = attrs.evolve(report, chapters=[attrs.evolve(chapter, content=[*chapter.content, wrong])])
    for render in (cstd_docs.render_markdown, cstd_docs.docx_bytes, lambda r: cstd_docs.dump(r, tmp_path / "r.json")):
        with pytest.raises(ReportError) as caught:
            render(report)
        (problem,) = caught.value.problems
        assert problem.place == f"chapter I, paragraph {len(chapter.content) + 1} (id 'x')", render


def test_an_unknown_field_does_not_hide_the_problems_of_its_object() -> None:
    data = json.loads((REPO / "examples" / "short-en.json").read_text(encoding="utf-8"))
    data["session"]["numbr"] = 1
    data["session"]["place"] = ""
    data["chapters"][0]["content"][0]["txt"] = "typo"
    data["chapters"][0]["content"][0]["text"] = ["Text", {"cite": "nobody"}]
    with pytest.raises(ReportError) as caught:
        cstd_docs.loads(json.dumps(data))
    assert [p.path for p in caught.value.problems] == [
        "$.session",
        "$.chapters[0].content[0]",
        "$.session.place",
        "$.chapters[0].content[0].text[1].cite",
    ]
