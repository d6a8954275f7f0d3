"""Nothing lost, nothing crashes: every hostile input gives one exception type or exit 1.

For each case of the corpus: the API raises ReportError (never another exception)
naming the expected place with a fix for every problem; the command line exits 1 with
the place on stderr and no traceback; an existing output is untouched and no temporary
file is left behind. Huge cases are generated in memory; the time and memory their
refusal takes are measured by benchmarks/hostile.py (``python benchmarks/run.py --only
hostile``, docs/performance.md), not here.
"""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from tests.conftest import REPO
from tests.hostile.corpus import CASES_LIST, SURVIVORS, Case

import cstd_docs
from cstd_docs import ReportError
from cstd_docs.cli import main

BY_NAME = {case.name: case for case in CASES_LIST}
PREVIOUS = b"previous output, to be kept\n"


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES_LIST) >= 40
    assert len(BY_NAME) == len(CASES_LIST), "case names are unique"
    used = {p.name for p in (Path(__file__).parent / "cases").iterdir()}
    assert used, "the byte-level cases are files in tests/hostile/cases"


def _problems(case: Case, data: bytes) -> ReportError:
    try:
        cstd_docs.loads(data)
    except ReportError as error:
        return error
    except BaseException as error:
        pytest.fail(f"{case.name}: raised {type(error).__name__}: {error}, not ReportError")
    pytest.fail(f"{case.name}: loaded without error")


def _assert_names_the_place(case: Case, error: ReportError) -> None:
    assert error.problems, case.name
    matching = [p for p in error.problems if p.path == case.path and case.message in p.message]
    assert matching, f"{case.name}: no problem at {case.path!r} saying {case.message!r}; got:\n{error}"
    without_fix = [p for p in error.problems if not p.hint]
    assert not without_fix, f"{case.name}: problems without a hint: {without_fix[:3]}"


@pytest.mark.parametrize("case", CASES_LIST, ids=lambda c: c.name)
def test_api_raises_report_error_naming_the_place(case: Case) -> None:
    error = _problems(case, case.data())
    _assert_names_the_place(case, error)
    assert len(str(error)) < 20_000, "the message stays readable however many problems there are"


@pytest.mark.parametrize("case", CASES_LIST, ids=lambda c: c.name)
def test_cli_exits_1_and_keeps_the_existing_output(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(case.data())
    output = tmp_path / "out.md"
    output.write_bytes(PREVIOUS)

    assert main(["render", str(source), "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert case.path in err, err[:2000]
    assert "internal error" not in err
    assert output.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json", "out.md"]

    assert main(["validate", str(source)]) == 1
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "name", ["not-json", "utf16-with-bom", "unpaired-surrogate-in-text", "nesting-100000-lists", "a-million-paragraphs"]
)
@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_cli_process_exits_1_without_traceback(name: str, suffix: str, tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(BY_NAME[name].data())
    output = tmp_path / f"out{suffix}"
    output.write_bytes(PREVIOUS)
    result = subprocess.run(
        [sys.executable, "-m", "cstd_docs.cli", "render", str(source), "-o", str(output)],
        capture_output=True,
        cwd=REPO,
        timeout=60,
    )
    stderr = result.stderr.decode("utf-8")  # strict: the message itself must be UTF-8
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr
    assert BY_NAME[name].path in stderr
    assert output.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json", f"out{suffix}"]


def test_cli_process_with_ascii_stderr_still_reports_surrogates(tmp_path: Path) -> None:
    """A lone surrogate in a message must not crash printing it, whatever the terminal."""
    source = tmp_path / "in.json"
    source.write_bytes(BY_NAME["unpaired-surrogate-in-text"].data())
    result = subprocess.run(
        [sys.executable, "-m", "cstd_docs.cli", "validate", str(source)],
        capture_output=True,
        cwd=REPO,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "ascii:backslashreplace", "LC_ALL": "C"},
    )
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert b"U+D83D" in result.stderr


def test_load_refuses_a_huge_file_before_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:  # sparse: 1 GB that takes no disk and must never be read
        handle.truncate(1024**3)
    tracemalloc.start()
    try:
        with pytest.raises(ReportError, match="at most 64 MB") as caught:
            cstd_docs.load(huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10 * 1024 * 1024
    assert caught.value.source == str(huge)


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.json", tmp_path):
        with pytest.raises(ReportError, match="cannot read the file") as caught:
            cstd_docs.load(path)
        assert caught.value.problems[0].hint


def test_an_endless_device_is_refused_after_reading_the_limit() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    with pytest.raises(ReportError, match="at most 64 MB"):
        cstd_docs.load("/dev/zero")


def test_python_data_gets_the_same_limits() -> None:
    from cstd_docs.jsonio import report_from_data

    deep: list[object] = []
    for _ in range(10_000):
        deep = [deep]
    with pytest.raises(ReportError, match="more than 64 levels"):
        report_from_data({"title": deep})


@pytest.mark.parametrize("name", sorted(SURVIVORS))
def test_valid_inputs_that_look_hostile_load_and_render(name: str, tmp_path: Path) -> None:
    report = cstd_docs.loads(SURVIVORS[name]())
    assert cstd_docs.loads(cstd_docs.dumps(report)) == report
    assert cstd_docs.render_markdown(report)
    source = tmp_path / "in.json"
    source.write_bytes(SURVIVORS[name]())
    assert main(["render", str(source), "-o", str(tmp_path / "out.md")]) == 0
    assert main(["render", str(source), "-o", str(tmp_path / "out.docx")]) == 0
    assert cstd_docs.read_docx(tmp_path / "out.docx") == report
