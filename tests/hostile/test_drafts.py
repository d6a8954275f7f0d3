"""Hostile drafts through ``import``: a report ``load`` accepts, or a clear refusal; never one in between.

For every draft of :mod:`tests.hostile.drafts`, through the API (``import_file``) and the
command: a refused draft raises ReportError naming the place (exit 1, nothing written,
no temporary file); a kept one gives a report that loads back unchanged, and a warning
naming the place and saying what was cut or lost (exit 0). The time each takes is
measured by benchmarks/hostile.py, not here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.hostile.drafts import DRAFTS, LOST, Draft

import cstd_docs
from cstd_docs import ReportError
from cstd_docs.cli import main
from cstd_docs.readers import import_file

PREVIOUS = b'{"previous": "output, to be kept"}\n'


def test_the_draft_corpus_covers_both_formats_and_outcomes() -> None:
    assert len({d.name for d in DRAFTS}) == len(DRAFTS), "names are unique"
    assert {(d.suffix, d.outcome) for d in DRAFTS} == {(".md", "kept"), (".md", "refused"),
                                                        (".docx", "kept"), (".docx", "refused")}


def _write(draft: Draft, folder: Path) -> Path:
    path = folder / f"draft{draft.suffix}"
    path.write_bytes(draft.make())
    return path


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda d: d.name)
def test_the_api_keeps_a_loadable_report_or_refuses_naming_the_place(draft: Draft, tmp_path: Path) -> None:
    path = _write(draft, tmp_path)
    if draft.outcome == "refused":
        with pytest.raises(ReportError) as caught:
            import_file(path)
        problems = caught.value.problems
    else:
        imported = import_file(path)
        assert cstd_docs.loads(cstd_docs.dumps(imported.report)) == imported.report
        problems = imported.warnings
    matching = [p for p in problems if draft.place in p.path and draft.words in p.message]
    assert matching, f"{draft.name}: nothing at {draft.place!r} saying {draft.words!r}; got {problems}"
    assert all(p.hint for p in matching)
    if "-source-" in draft.name:
        assert LOST in matching[0].message, "a source warning says what is lost"


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda d: d.name)
def test_the_command_writes_a_loadable_report_or_nothing(
    draft: Draft, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(draft, tmp_path)
    output = tmp_path / "out.json"
    output.write_bytes(PREVIOUS)
    code = main(["import", str(path), "-o", str(output)])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err
    assert draft.words in err
    if draft.outcome == "refused":
        assert code == 1
        assert output.read_bytes() == PREVIOUS
    else:
        assert code == 0
        assert "warning" in err
        cstd_docs.load(output)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, "out.json"])
