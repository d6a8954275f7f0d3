"""JSON: canonical, lossless, hand-editable, with errors that name the place."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from tests.conftest import EXAMPLES, REFERENCE_EXAMPLE, REPO
from tests.strategies import reports

import cstd_docs
from cstd_docs.jsonio.schema import schema_text
from cstd_docs.model import Citation, Paragraph, Report
from cstd_docs.resolve import resolve

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_canonical_file_dumps_to_the_same_bytes(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    report = cstd_docs.loads(raw)
    assert cstd_docs.dumps(report) == raw
    assert cstd_docs.loads(cstd_docs.dumps(report)) == report


def test_canonical_form_is_utf8_indented_with_final_newline(reference_report) -> None:  # type: ignore[no-untyped-def]
    text = cstd_docs.dumps(reference_report)
    assert text.endswith("}\n")
    assert "\n  \"masthead\": {" in text  # two-space indent
    assert "–" in text and "\\u2013" not in text  # non-ASCII kept


def test_dump_writes_the_canonical_text(tmp_path: Path, reference_report) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "out.json"
    cstd_docs.dump(reference_report, target)
    assert target.read_bytes() == REFERENCE_EXAMPLE.read_bytes()


def test_a_person_adds_a_paragraph_and_a_citation_without_counting(reference_report) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(REFERENCE_EXAMPLE.read_text(encoding="utf-8"))
    opening = data["chapters"][2]["content"]
    # What an editor types: no number anywhere, a citation by registry id.
    opening.insert(0, {"id": "welcome", "text": ["The Chair welcomed participants.", {"cite": "major"}]})
    edited = resolve(cstd_docs.loads(json.dumps(data)))
    numbers = [b.number for b in edited.blocks if type(b).__name__ == "NumberedParagraph"]
    assert numbers == [f"{n}." for n in range(1, 35)]
    assert len(edited.notes) == 38
    # The new note takes number 3 and the Chair's old note 3 becomes 4.
    assert edited.notes[2].text == ("Mr. Peter Major, Hungary.",)
    assert edited.notes[3].text == ("Mr. Peter Major, Hungary.",)
    assert edited.notes[37].mark == "38"


def test_one_error_lists_every_problem_with_path_and_hint() -> None:
    data = json.loads(REFERENCE_EXAMPLE.read_text(encoding="utf-8"))
    data["chapters"][2]["content"][0]["text"][1] = {"cite": "basso2"}
    data["chapters"][0]["content"][1]["id"] = data["chapters"][0]["content"][0]["id"]
    data["masthead"]["date"] = "2022-02-30"
    data["session"]["numbr"] = 25
    data["chapters"][1]["content"][0]["text"] = ["See ", {"ref": "nowhere"}]
    with pytest.raises(cstd_docs.ReportError) as caught:
        cstd_docs.loads(json.dumps(data))
    problems = {p.path: p for p in caught.value.problems}
    assert "$.masthead.date" in problems and "2022-02-30" in problems["$.masthead.date"].message
    assert "did you mean 'number'" in (problems["$.session"].hint or "")
    # The shape errors do not hide the rest: ids, references and citations are checked in the same round.
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 5
    assert any("$.chapters[2].content[0].text[1].cite: unknown participant 'basso2'" in m for m in messages)
    assert any("did you mean 'basso'" in m for m in messages)
    assert any("$.chapters[0].content[1].id: duplicate id" in m for m in messages)
    assert any("$.chapters[1].content[0].text[1].ref: unknown paragraph or heading id 'nowhere'" in m
               for m in messages)


@pytest.mark.parametrize(
    ("text", "path", "words"),
    [
        ('{"masthead": ', "line 1, column 13", "ends early"),
        ('[1, 2]', "$", "one JSON object"),
        ('{"a": 1, "a": 2}', "$", "appears twice"),
    ],
)
def test_bad_json_is_located(text: str, path: str, words: str) -> None:
    with pytest.raises(cstd_docs.ReportError) as caught:
        cstd_docs.loads(text)
    problem = caught.value.problems[0]
    assert problem.path == path
    assert words in f"{problem.message} {problem.hint}"


def test_missing_and_wrongly_typed_fields() -> None:
    data = json.loads(REFERENCE_EXAMPLE.read_text(encoding="utf-8"))
    del data["body"]
    data["session"]["number"] = "25"
    data["chapters"][0]["content"][0]["subparagraphs"][0] = {"text": 7}
    with pytest.raises(cstd_docs.ReportError) as caught:
        cstd_docs.loads(json.dumps(data))
    paths = {p.path: p.message for p in caught.value.problems}
    assert paths["$.body"] == "required field is missing"
    assert "whole number" in paths["$.session.number"]
    assert "$.chapters[0].content[0].subparagraphs[0].text" in paths


def test_api_built_report_is_checked_with_the_same_paths(reference_report) -> None:  # type: ignore[no-untyped-def]
    import attrs

    chapter = reference_report.chapters[0]
    bad = attrs.evolve(
        reference_report,
        chapters=(attrs.evolve(chapter, content=(*chapter.content, Paragraph(("x", Citation("nobody"))))),
                  *reference_report.chapters[1:]),
    )
    with pytest.raises(cstd_docs.ReportError) as caught:
        resolve(bad)
    assert caught.value.problems[0].path == f"$.chapters[0].content[{len(chapter.content)}].text[1].cite"


def test_committed_schema_is_generated_from_the_model() -> None:
    committed = (REPO / "schemas" / "report.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "schemas/report.schema.json is stale: run `cstd-docs schema -o schemas/report.schema.json`"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_every_example_names_and_passes_the_schema(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["$schema"] == "../schemas/report.schema.json"
    schema = json.loads((path.parent / data["$schema"]).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)


def test_schema_rejects_what_the_loader_rejects() -> None:
    schema = json.loads(schema_text())
    validator = jsonschema.Draft202012Validator(schema)
    data = json.loads(REFERENCE_EXAMPLE.read_text(encoding="utf-8"))
    data["chapters"][0]["content"][0]["txt"] = "typo"
    assert list(validator.iter_errors(data))
    data = json.loads(REFERENCE_EXAMPLE.read_text(encoding="utf-8"))
    data["participants"]["major"]["kind"] = "robot"
    assert list(validator.iter_errors(data))


def _ids_not_first(value: object, path: str = "$") -> list[str]:
    """JSON paths of objects that have an "id" key but not as their first key."""
    late: list[str] = []
    if isinstance(value, dict):
        if "id" in value and next(iter(value)) != "id":
            late.append(path)
        for key, item in value.items():
            late += _ids_not_first(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            late += _ids_not_first(item, f"{path}[{index}]")
    return late


def test_every_object_with_an_id_writes_it_first(reference_report) -> None:  # type: ignore[no-untyped-def]
    # A hand editor finds an object by its id: it is the first key at every depth
    # (suggestions inside findings once had it last).
    assert _ids_not_first(json.loads(cstd_docs.dumps(reference_report))) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_ids_come_first_in_any_report(report: Report) -> None:
    assert _ids_not_first(json.loads(cstd_docs.dumps(report))) == []


def test_the_converter_steps_are_free_of_order() -> None:
    # Each configure step registers one concern with disjoint predicates and lazy factories,
    # so building the converter in the reverse order gives the same JSON and the same errors.
    from cstd_docs.jsonio.converter import CONFIGURE_STEPS, make_converter

    reverse = make_converter(reversed(CONFIGURE_STEPS))
    data = json.loads(REFERENCE_EXAMPLE.read_text(encoding="utf-8"))
    report = reverse.structure(data, Report)
    assert report == cstd_docs.load(REFERENCE_EXAMPLE)
    assert json.dumps(reverse.unstructure(report, Report), ensure_ascii=False, indent=2) + "\n" == (
        REFERENCE_EXAMPLE.read_text(encoding="utf-8")
    )
    data["chapters"][0]["content"][0] = {"text": 12}
    with pytest.raises(ExceptionGroup) as caught:  # cattrs' own error, before jsonio makes it problems
        reverse.structure(data, Report)
    assert [str(e) for e in _leaves(caught.value)] == ["expected text (a string or a list), got a number"]


def _leaves(error: BaseException) -> list[BaseException]:
    if isinstance(error, BaseExceptionGroup):
        return [leaf for sub in error.exceptions for leaf in _leaves(sub)]
    return [error]
