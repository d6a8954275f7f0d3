"""Properties over generated reports (tests/strategies.py).

Any valid report survives the JSON round trip exactly (model equality and canonical
bytes); rendering it to Markdown and to DOCX never fails; a few generated DOCX files
pass the Open XML SDK validator. And any JSON at all, or a valid report with any one
value replaced, loads or raises ReportError: never another exception.
"""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import require_tool
from tests.strategies import reports

import cstd_docs
from cstd_docs import ReportError
from cstd_docs.jsonio import report_from_data, report_to_data
from cstd_docs.model import Report
from cstd_docs.model.check import check
from cstd_docs.writers.docx import docx_bytes, render_docx

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(reports())
def test_generated_reports_are_valid(report: Report) -> None:
    assert check(report) == []


@SETTINGS
@given(reports())
def test_json_round_trip_is_exact(report: Report) -> None:
    text = cstd_docs.dumps(report)
    again = cstd_docs.loads(text)
    assert again == report
    assert cstd_docs.dumps(again) == text, "canonical bytes are stable"
    assert cstd_docs.loads(text.encode("utf-8")) == report
    assert report_from_data(json.loads(text)) == report


@SETTINGS
@given(reports())
def test_json_file_round_trip_is_exact(report: Report) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.json"
        cstd_docs.dump(report, path)
        assert cstd_docs.load(path) == report
        assert path.read_bytes() == cstd_docs.dumps(report).encode("utf-8")


@SETTINGS
@given(reports())
def test_markdown_never_fails(report: Report) -> None:
    text = cstd_docs.render_markdown(report)
    assert text.endswith("\n")
    text.encode("utf-8")  # strict: no surrogates slipped through
    assert "\r" not in text, "a carriage return in the text would end a Markdown line"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(max_chapters=2, max_blocks=2))
def test_docx_never_fails(report: Report) -> None:
    data = docx_bytes(report)
    assert data[:2] == b"PK"


def _samples() -> list[Report]:
    """Three generated reports, the same on every run."""
    samples: list[Report] = []

    @settings(max_examples=3, derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(reports())
    def collect(report: Report) -> None:
        samples.append(report)

    collect()
    return samples


@pytest.mark.parametrize(
    ("index", "language"),
    [
        (0, "en"),
        (1, "fr"),
        (2, "zh"),
        (0, "ar"),
    ],
)
@pytest.mark.interop
def test_a_sample_of_generated_docx_passes_the_open_xml_sdk_validator(index: int, language: str, tmp_path: Path) -> None:
    tool = require_tool("ooxml-validator")
    report = attrs.evolve(_samples()[index], language=language)
    assert check(report) == []
    path = tmp_path / f"generated-{index}-{language}.docx"
    render_docx(report, path)
    result = subprocess.run([tool, str(path)], capture_output=True, text=True, timeout=300, check=False)
    verdict = json.loads(result.stdout)
    assert verdict["errors"] == [], (cstd_docs.dumps(report), verdict["errors"][:5])
    assert verdict["ok"] is True


# --- any JSON at all: a report or ReportError, nothing else ------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=30,
)


def _loads_or_report_error(data: object) -> None:
    try:
        report_from_data(data)
    except ReportError as error:
        assert error.problems
        assert all(p.path.startswith("$") and p.message and p.hint for p in error.problems), error


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_any_json_value_gives_a_report_or_report_error(data: object) -> None:
    _loads_or_report_error(data)


def _places(data: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += _places(value, (*path, index))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(max_chapters=2, max_blocks=2), st.data())
def test_a_valid_report_with_one_value_replaced_gives_a_report_or_report_error(report: Report, data: Any) -> None:
    original = report_to_data(report)
    places = _places(original)[1:]
    place = data.draw(st.sampled_from(places))
    changed = copy.deepcopy(original)
    node: Any = changed
    for key in place[:-1]:
        node = node[key]
    node[place[-1]] = data.draw(json_values)
    _loads_or_report_error(changed)

