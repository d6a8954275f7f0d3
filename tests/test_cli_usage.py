"""The command line as people use it: what render says, standard output, help, completion, pipes."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REFERENCE_EXAMPLE, REPO, require_tool

from cstd_docs.cli import PIPE_CLOSED, SHELLS, build_parser, main


def test_render_says_what_it_wrote_on_stderr_and_q_silences_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.md"
    assert main(["render", str(REFERENCE_EXAMPLE), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err == f"cstd-docs: wrote {out}\n"
    assert captured.out == ""
    assert main(["render", str(REFERENCE_EXAMPLE), "-o", str(out), "-q"]) == 0
    assert capsys.readouterr() == ("", "")


def test_dash_writes_markdown_to_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "report.md"
    assert main(["render", str(REFERENCE_EXAMPLE), "-o", str(file), "-q"]) == 0
    assert main(["render", str(REFERENCE_EXAMPLE), "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out == file.read_text(encoding="utf-8")
    assert captured.err == ""  # nothing said: the output itself is on stdout


def test_dash_writes_word_into_a_pipe_and_refuses_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cstd_docs.cli", "render", str(REFERENCE_EXAMPLE), "-o", "-", "--format", "docx"],
        capture_output=True, cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"PK\x03\x04")  # a zip package
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["render", str(REFERENCE_EXAMPLE), "-o", "-", "--format", "docx"]) == 2
    assert "binary" in capsys.readouterr().err


def test_format_that_disagrees_with_the_extension_is_refused(tmp_path: Path) -> None:
    assert main(["render", str(REFERENCE_EXAMPLE), "-o", str(tmp_path / "r.md"), "--format", "docx"]) == 2
    assert list(tmp_path.iterdir()) == []


def _all_actions(parser: argparse.ArgumentParser, where: str = "cstd-docs") -> list[tuple[str, argparse.Action]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.extend(_all_actions(sub, f"{where} {name}"))
        else:
            found.append((where, action))
    return found


def test_every_argument_has_a_help_line() -> None:
    actions = _all_actions(build_parser())
    assert len(actions) > 30  # every command's arguments were walked
    missing = [f"{where} {action.dest}" for where, action in actions if not action.help]
    assert missing == []


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _described(action: argparse.Action) -> dict[str, object]:
    return {key: value for key, value in vars(action).items() if key != "container"}


def test_a_command_run_alone_is_parsed_and_helped_as_in_the_whole_parser() -> None:
    whole = _commands(build_parser())
    assert len(whole) == 11
    for name, full in whole.items():
        alone = _commands(build_parser(name))
        assert list(alone) == [name]
        assert alone[name].format_help() == full.format_help(), name
        assert [_described(a) for a in alone[name]._actions] == [_described(a) for a in full._actions], name


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--help"], "    completion"),
        (["--help"], "    validate  check report files and list every problem"),
        (["rendr", "x.json"], "invalid choice: 'rendr' (choose from 'validate', 'render'"),
        (["render", "--help"], "--out-dir DIR"),
        ([], "the following arguments are required: COMMAND"),
    ],
)
def test_help_and_unknown_commands_still_see_every_command(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    captured = capsys.readouterr()
    assert said in captured.out + captured.err


@pytest.mark.parametrize("shell", SHELLS)
def test_completion_scripts_name_every_command(shell: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    for command in ("validate", "render", "import", "diff", "completion"):
        assert command in script
    assert "--reference-docx" in script


def test_bash_completes_commands_and_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bash = require_tool("bash")
    assert main(["completion", "bash"]) == 0
    script = tmp_path / "cstd-docs.bash"
    script.write_text(capsys.readouterr().out, encoding="utf-8")
    probe = (
        f"source {script}; COMP_WORDS=(cstd-docs ren); COMP_CWORD=1; _shtab_cstd_docs; echo \"${{COMPREPLY[@]}}\";"
        ' COMP_WORDS=(cstd-docs render --format ""); COMP_CWORD=3; _shtab_cstd_docs; echo "${COMPREPLY[@]}"'
    )
    result = subprocess.run([bash, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == ["render", "md docx pdf"]


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    data = json.loads(REFERENCE_EXAMPLE.read_text(encoding="utf-8"))
    paragraph = {"text": "A paragraph long enough to fill the pipe quickly. " * 8}
    data["chapters"][0]["content"] = [paragraph] * 2000  # ~800 kB of Markdown: more than a pipe holds
    big = tmp_path / "big.json"
    big.write_text(json.dumps(data), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    process = subprocess.Popen(
        [sys.executable, "-m", "cstd_docs.cli", "render", str(big), "-o", "-"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO, env=env,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(100).startswith(b"**United Nations**")
    process.stdout.close()  # as `| head` does
    errors = process.stderr.read().decode()
    assert process.wait() == PIPE_CLOSED
    assert errors == ""


@pytest.mark.interop
def test_batch_rendering_takes_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    require_tool("soffice")
    inputs = [REPO / "examples" / "short-en.json", REPO / "examples" / "short-fr.json"]
    out = tmp_path / "out"
    assert main(["render", *map(str, inputs), "--out-dir", str(out), "--format", "pdf", "--jobs", "2"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["short-en.pdf", "short-fr.pdf"]
    for pdf in out.iterdir():
        assert pdf.read_bytes().startswith(b"%PDF-")
    assert capsys.readouterr().err == f"cstd-docs: wrote 2 of 2 into {out}\n"


def test_a_usage_error_found_by_a_command_shows_that_command_s_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(REFERENCE_EXAMPLE), "-o", str(tmp_path / "report.txt")]) == 2
    error = capsys.readouterr().err
    assert error.startswith("usage: cstd-docs render ")  # not the top level's "usage: cstd-docs [-h] … COMMAND"
    assert "\ncstd-docs render: error: cannot tell the format of " in error
    assert main(["redline", str(REFERENCE_EXAMPLE), str(REFERENCE_EXAMPLE), "-o", str(tmp_path / "r.txt")]) == 2
    error = capsys.readouterr().err
    assert error.startswith("usage: cstd-docs redline ")
    assert "\ncstd-docs redline: error: cannot tell the format of " in error
