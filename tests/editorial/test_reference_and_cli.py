"""The reference report's own warnings, ``cstd-docs check``, and no crash on any valid report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from tests.conftest import REFERENCE_EXAMPLE, REPO
from tests.strategies import reports

import cstd_docs
from cstd_docs.cli import main
from cstd_docs.editorial import check, rules
from cstd_docs.model import Report

#: What the reference report deserves, read off its text: straight quotation marks and
#: apostrophes where UN English prints curly ones, and the "However, However," of paragraph 14.
REFERENCE_WARNINGS = [
    ("straight-quotes", "$.subtitles[1][1].note"),
    ("straight-quotes", "$.chapters[2].content[1].text"),
    ("repeated-word", "$.chapters[4].content[1].text[4]"),
    ("straight-quotes", "$.chapters[4].content[2].text[2]"),
    ("straight-quotes", "$.chapters[5].content[2].text[2]"),
    ("straight-quotes", "$.chapters[5].content[3].text[2]"),
    ("straight-quotes", "$.chapters[5].content[3].text[4]"),
    ("straight-quotes", "$.participants['munyan'].organization"),
]


def test_the_reference_report_gets_the_warnings_it_deserves() -> None:
    result = check(cstd_docs.load(REFERENCE_EXAMPLE))
    assert [(w.rule, w.path) for w in result] == REFERENCE_WARNINGS
    [repeated] = [w for w in result if w.rule == "repeated-word"]
    assert repeated.place == "paragraph 14" and repeated.id == "urban-panel-opening"
    assert "However, However," in repeated.message
    assert 6000 < result.words < result.word_limit == 8500


def test_with_its_slips_corrected_no_rule_fires_on_the_reference() -> None:
    """Its numbers, dates, ranges, headings and notes are all in UN form."""
    text = REFERENCE_EXAMPLE.read_text(encoding="utf-8").replace("However, However,", "However,")
    text = re.sub(r'\\"([^"\\]*)\\"', r"“\1”", text)  # JSON-escaped "…" → “…”
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    corrected = cstd_docs.loads(text)
    result = check(corrected)
    assert list(result) == []
    assert result.rules_run == set(rules()) - {"quote-style"}  # every rule for English ran


def test_editorial_md_lists_the_reference_warnings() -> None:
    doc = (REPO / "docs" / "editorial.md").read_text(encoding="utf-8")
    for _rule, path in REFERENCE_WARNINGS:
        assert f"`{path}`" in doc, path
    for ident in rules():
        assert f"`{ident}`" in doc, ident


def test_check_command_on_json_word_and_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cstd_docs.writers.markdown import render_markdown

    draft = tmp_path / "draft.md"
    draft.write_text(render_markdown(cstd_docs.load(REFERENCE_EXAMPLE)), encoding="utf-8")
    assert main(["check", str(REFERENCE_EXAMPLE), str(draft)]) == 0
    out = capsys.readouterr().out
    assert out.count("8 warnings; 6,") == 2
    assert "  $.chapters[4].content[1].text[4] (paragraph 14, id urban-panel-opening): repeated-word: " in out


def test_check_command_on_a_word_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cstd_docs.writers.docx import render_docx

    draft = tmp_path / "draft.docx"
    render_docx(cstd_docs.load(REFERENCE_EXAMPLE), draft)
    assert main(["check", "--disable", "straight-quotes", str(draft)]) == 0
    out = capsys.readouterr().out
    assert "1 warning;" in out and "repeated-word" in out


def test_strict_and_switches(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(REFERENCE_EXAMPLE)
    assert main(["check", "--strict", path]) == 1
    assert main(["check", "--strict", "--disable", "straight-quotes", "--disable", "repeated-word", path]) == 0
    assert main(["check", "--disable", "all", "--enable", "repeated-word", path]) == 0
    out = capsys.readouterr().out
    assert out.endswith("1 warning; 6,978 words, notes and headings included (limit 8,500 for a Secretariat "
                        "document)\n" + out.splitlines()[-1] + "\n")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--disable", "figures-under-tn", str(REFERENCE_EXAMPLE)]) == 2
    assert "did you mean 'figures-under-ten'?" in capsys.readouterr().err
    assert main(["check", "report.pdf"]) == 2
    assert main(["check"]) == 2
    assert main(["check", "--word-limit", "0", str(REFERENCE_EXAMPLE)]) == 2


def test_invalid_input_exits_1_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(REFERENCE_EXAMPLE.read_text(encoding="utf-8"))
    data["chapters"][2]["content"][0]["text"][1] = {"cite": "basso2"}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert main(["check", str(bad), str(REFERENCE_EXAMPLE)]) == 1
    captured = capsys.readouterr()
    assert "unknown participant 'basso2'" in captured.err and "Traceback" not in captured.err
    assert "8 warnings" in captured.out  # the other file is still checked


def test_rules_lists_every_rule_with_its_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--rules"]) == 0
    out = capsys.readouterr().out
    for rule in rules().values():
        assert f"{rule.id}: {rule.summary}" in out and rule.source in out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_never_crashes_on_a_valid_report(report: Report) -> None:
    result = check(report)
    assert result.words >= 0
    for warning in result:
        assert warning.rule in rules() and warning.path.startswith("$") and warning.message and warning.fix
