"""The command line: exit codes, messages without tracebacks, no output on failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REFERENCE_EXAMPLE, REPO

from cstd_docs.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cstd_docs.cli", *args], capture_output=True, text=True, cwd=REPO)


def test_render_markdown_as_a_process(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = run("render", str(REFERENCE_EXAMPLE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "\n33\\. The international community may wish" in out.read_text(encoding="utf-8")


def test_validate_lists_problems_and_exits_1(tmp_path: Path) -> None:
    data = json.loads(REFERENCE_EXAMPLE.read_text(encoding="utf-8"))
    data["chapters"][2]["content"][0]["text"][1] = {"cite": "basso2"}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert "$.chapters[2].content[0].text[1].cite: unknown participant 'basso2'" in result.stderr
    assert "Traceback" not in result.stderr


def test_failed_render_leaves_the_existing_output(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("previous draft", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"masthead": {', encoding="utf-8")
    assert main(["render", str(bad), "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "previous draft"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "report.md"]


@pytest.mark.parametrize("args", [[], ["render", "x.json"], ["frobnicate"], ["render", "a.json", "-o", "a.txt"]])
def test_bad_usage_exits_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_output_equal_to_input_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "r.md"
    copy.write_text("x", encoding="utf-8")
    assert main(["render", str(copy), "-o", str(copy)]) == 2
    assert copy.read_text(encoding="utf-8") == "x"


def test_new_writes_a_valid_report_and_does_not_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    assert main(["new", "-o", str(target)]) == 0
    assert main(["validate", str(target)]) == 0
    before = target.read_bytes()
    assert main(["new", "-o", str(target)]) == 2
    assert target.read_bytes() == before


def test_new_writes_the_schema_beside_the_report_and_names_it(tmp_path: Path) -> None:
    import jsonschema

    target = tmp_path / "report.json"
    assert main(["new", "-o", str(target)]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["$schema"] == "report.schema.json"
    schema = json.loads((tmp_path / "report.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((REPO / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


def test_new_leaves_a_different_schema_file_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "report.schema.json"
    mine.write_text('{"title": "my own"}', encoding="utf-8")
    assert main(["new", "-o", str(tmp_path / "report.json")]) == 0
    assert mine.read_text(encoding="utf-8") == '{"title": "my own"}'
    assert "left as it is" in capsys.readouterr().err


def test_schema_command_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == (REPO / "schemas" / "report.schema.json").read_text(encoding="utf-8")


def test_validate_checks_every_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = run("validate", str(bad), str(REFERENCE_EXAMPLE), str(bad))
    assert result.returncode == 1
    assert result.stderr.count("bad.json: 1 problem") == 2
    assert f"{REFERENCE_EXAMPLE}: valid" in result.stdout


def test_new_refuses_the_schema_name_a_folder_in_its_place_and_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "-o", str(tmp_path / "report.schema.json")]) == 2
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "report.schema.json").mkdir()
    assert main(["new", "-o", str(tmp_path / "taken" / "report.json")]) == 1
    assert "taken by a folder" in capsys.readouterr().err
    assert not (tmp_path / "taken" / "report.json").exists()
    assert main(["new", "-o", str(tmp_path / "missing" / "report.json")]) == 1
    assert "missing" in capsys.readouterr().err


def test_an_interrupted_libreoffice_is_stopped_with_its_process_group(monkeypatch: pytest.MonkeyPatch) -> None:
    # Ctrl-C or SIGTERM while LibreOffice converts: it runs in a session of its own, which
    # the signal does not reach, so it must be killed, not left writing into a removed folder.
    import signal

    from cstd_docs.writers import pdf

    started: list[subprocess.Popen[str]] = []

    class Interrupted(subprocess.Popen[str]):
        def communicate(self, *args: object, **kwargs: object) -> tuple[str, str]:
            if self not in started:
                started.append(self)
                raise KeyboardInterrupt
            return super().communicate(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf.subprocess, "Popen", Interrupted)
    with pytest.raises(KeyboardInterrupt):
        pdf._run(["sleep", "30"], "sleeping", 60)
    (process,) = started
    assert process.returncode == -signal.SIGKILL


@pytest.mark.parametrize(("command", "timeout"), [(["false"], 60), (["sleep", "30"], 1),
                                                  (["/nonexistent/soffice"], 60)])
def test_a_failing_tool_is_a_problem_with_a_fix(command: list[str], timeout: int) -> None:
    from cstd_docs import ReportError
    from cstd_docs.writers import pdf

    with pytest.raises(ReportError) as caught:
        pdf._run(command, "the tool", timeout)
    (problem,) = caught.value.problems
    assert problem.path == command[0] and problem.message.startswith("the tool ") and problem.hint


def test_preview_into_a_file_or_a_missing_folder_is_refused_and_makes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # All refused before LibreOffice starts: no folder is made, an existing file is untouched.
    file = tmp_path / "report.json"
    file.write_bytes(REFERENCE_EXAMPLE.read_bytes())
    assert main(["preview", str(REFERENCE_EXAMPLE), "-o", str(file)]) == 1
    assert "this is a file; preview writes page-1.png" in capsys.readouterr().err  # was FileExistsError
    assert file.read_bytes() == REFERENCE_EXAMPLE.read_bytes()
    assert main(["preview", str(REFERENCE_EXAMPLE), "-o", str(tmp_path / "a" / "b")]) == 1
    assert "does not exist (create it first)" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["preview", str(bad), "-o", str(tmp_path / "pages")]) == 1
    assert main(["preview", str(REFERENCE_EXAMPLE), "-o", str(tmp_path / "pages"), "--pages", "0"]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "report.json"]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_new_onto_a_folder_is_refused_before_the_schema_is_written(
    tmp_path: Path, force: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    assert main(["new", "-o", str(folder), *force]) == 1
    assert "the output path is a folder" in capsys.readouterr().err  # not "use --force to replace it"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drafts"]  # the schema beside it was written before


def test_every_command_that_writes_a_file_says_so_on_stderr_and_minus_q_silences_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Standard output may be the output itself (`-o -`), so what was written is said on stderr.
    draft = tmp_path / "draft.md"
    steps = {
        "new": ["new", "-o", str(tmp_path / "new.json")],
        "render": ["render", str(REFERENCE_EXAMPLE), "-o", str(draft)],
        "import": ["import", str(draft), "-o", str(tmp_path / "imported.json")],
        "redline": ["redline", str(REFERENCE_EXAMPLE), str(tmp_path / "imported.json"), "-o", str(tmp_path / "r.md")],
    }
    for name, args in steps.items():
        assert main([*args, "--force"] if name == "new" else args) == 0, name
        said = capsys.readouterr()
        assert said.out == "", name
        assert f"cstd-docs: wrote {args[args.index('-o') + 1]}" in said.err, name
        assert main([*args, "--force", "-q"] if name == "new" else [*args, "-q"]) == 0, name
        assert "wrote" not in capsys.readouterr().err, name


def test_the_report_new_writes_passes_the_editorial_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.json"
    assert main(["new", "-o", str(out), "-q"]) == 0
    assert main(["check", str(out), "--strict"]) == 0
    assert ": 0 warnings;" in capsys.readouterr().out
