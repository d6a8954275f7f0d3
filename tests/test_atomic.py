"""Outputs are replaced whole or not at all.

Every output goes to a temporary file in the target's folder, then one rename: a
failure, an exception or Ctrl-C in the middle of rendering or writing leaves an
existing output byte-identical and no temporary file behind. An output equal to the
input is refused (exit 2); an output in a missing folder is a clear error (exit 1).
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable
from pathlib import Path

import pytest
from tests.conftest import REPO

from cstd_docs import ReportError
from cstd_docs.cli import main
from cstd_docs.outputs import atomic_path, write_atomically

EXAMPLE = REPO / "examples" / "short-en.json"
OLD = b"the previous output \x00\xff, byte for byte\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "in.json").write_bytes(EXAMPLE.read_bytes())
    return tmp_path


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


SUFFIXES = [".md", ".docx"]


def render(folder: Path, suffix: str) -> tuple[int, Path]:
    out = folder / f"out{suffix}"
    return main(["render", str(folder / "in.json"), "-o", str(out)]), out


# --- failures while rendering --------------------------------------------------------------


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("exception", [RuntimeError("renderer broke"), KeyboardInterrupt()])
def test_renderer_failing_midway_keeps_the_old_output(
    folder: Path, suffix: str, exception: BaseException, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cstd_docs.writers.markdown as markdown

    def boom(*args: object, **kwargs: object) -> object:
        raise exception

    if suffix == ".md":
        monkeypatch.setattr(markdown, "_tidy", boom)  # after the template ran, before writing
    else:
        import cstd_docs.writers.docx as docx

        monkeypatch.setattr(docx, "package_bytes", boom)  # the document is built, not yet zipped
    (folder / f"out{suffix}").write_bytes(OLD)
    code, out = render(folder, suffix)
    assert code == (130 if isinstance(exception, KeyboardInterrupt) else 1)
    assert out.read_bytes() == OLD
    assert names(folder) == ["in.json", f"out{suffix}"]


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("exception", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_write_failing_after_half_the_bytes_keeps_the_old_output(
    folder: Path, suffix: str, exception: BaseException, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The temporary file holds part of the new output when the write is cut short."""
    seen: list[int] = []

    def fsync(fd: int) -> None:
        seen.append(os.fstat(fd).st_size)
        raise exception

    monkeypatch.setattr(os, "fsync", fsync)
    (folder / f"out{suffix}").write_bytes(OLD)
    code, out = render(folder, suffix)
    assert seen and seen[0] > 0, "the new output was being written"
    assert code == (130 if isinstance(exception, KeyboardInterrupt) else 1)
    assert out.read_bytes() == OLD
    assert names(folder) == ["in.json", f"out{suffix}"]


def test_failed_write_through_the_api_is_a_report_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    target.write_bytes(OLD)

    def fail(*args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(ReportError, match="cannot write the file: Input/output error") as caught:
        write_atomically(target, b"new")
    assert caught.value.problems[0].hint
    assert target.read_bytes() == OLD
    assert names(tmp_path) == ["out.md"]


def test_exception_inside_atomic_path_removes_the_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(OLD)
    with pytest.raises(KeyboardInterrupt), atomic_path(target) as temporary:
        temporary.write_bytes(b"half a zip")
        raise KeyboardInterrupt
    assert target.read_bytes() == OLD
    assert names(tmp_path) == ["out.docx"]


_SLOW_WRITE = textwrap.dedent(
    """
    import os, sys, time
    def slow_fsync(fd):
        print("writing", flush=True)
        time.sleep(60)
    os.fsync = slow_fsync
    from cstd_docs.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def _stopped_mid_write(folder: Path, out: Path) -> subprocess.Popen[bytes]:
    """A cstd-docs process rendering to ``out``, waiting inside the write (its .part file exists)."""
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITE, "render", str(folder / "in.json"), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == b"writing\n"
    assert len(_leftovers(folder)) == 1, "mid-write"
    return process


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize(
    ("sent", "code", "said"),
    [(signal.SIGINT, 130, b"interrupted"), (signal.SIGTERM, 143, b"terminated (SIGTERM)")],
    ids=["SIGINT", "SIGTERM"],
)
def test_a_signal_to_a_real_process_mid_write_keeps_the_old_output(
    folder: Path, sent: signal.Signals, code: int, said: bytes
) -> None:
    """Ctrl-C, or SIGTERM from ``timeout`` or a service manager: the exit code, a message, no .part."""
    out = folder / "out.md"
    out.write_bytes(OLD)
    process = _stopped_mid_write(folder, out)
    try:
        process.send_signal(sent)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == code, stderr
    assert said in stderr and b"no output was changed" in stderr
    assert b"Traceback" not in stderr
    assert out.read_bytes() == OLD
    assert names(folder) == ["in.json", "out.md"]


def test_a_killed_runs_part_file_is_removed_when_the_target_is_next_written(folder: Path) -> None:
    out = folder / "out.md"
    out.write_bytes(OLD)
    process = _stopped_mid_write(folder, out)
    process.kill()  # SIGKILL: nothing can clean up
    process.communicate(timeout=30)
    assert len(_leftovers(folder)) == 1
    result = subprocess.run([sys.executable, "-m", "cstd_docs.cli", "render", str(folder / "in.json"), "-o", str(out)],
                            capture_output=True, cwd=REPO, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() != OLD
    assert names(folder) == ["in.json", "out.md"]


def test_the_part_file_of_a_writer_still_running_is_left_alone(folder: Path) -> None:
    out = folder / "out.md"
    out.write_bytes(OLD)
    process = _stopped_mid_write(folder, out)
    try:
        live = _leftovers(folder)
        assert main(["render", str(folder / "in.json"), "-o", str(out)]) == 0
        assert _leftovers(folder) == live, "another process is writing it"
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 143
    assert names(folder) == ["in.json", "out.md"]


def test_leftovers_of_other_machines_wait_a_day_and_other_files_stay(tmp_path: Path) -> None:
    from cstd_docs.outputs import STALE_AFTER_SECONDS, sweep_leftovers

    elsewhere = tmp_path / ".out.md.deadbeef-1.0123456789ab.part"  # pid 1 of another host: cannot judge
    old_style = tmp_path / ".out.md.0123456789ab.part"  # the name earlier versions gave: no pid to judge
    unrelated = tmp_path / ".notes.part"
    for path in (elsewhere, old_style, unrelated):
        path.write_bytes(b"x")
    assert sweep_leftovers(tmp_path) == []
    day_ago = time.time() - STALE_AFTER_SECONDS - 60
    for path in (elsewhere, old_style, unrelated):
        os.utime(path, (day_ago, day_ago))
    assert sweep_leftovers(tmp_path) == [elsewhere]
    assert names(tmp_path) == [".notes.part", old_style.name], "never ours for sure: left alone"


def test_a_target_with_a_long_name_is_written(folder: Path) -> None:
    """The temporary name must fit in 255 bytes however long the target's name is."""
    out = folder / ("é" * 120 + ".md")  # 244 bytes
    assert main(["render", str(folder / "in.json"), "-o", str(out)]) == 0
    assert names(folder) == sorted(["in.json", out.name])


def test_a_successful_render_replaces_the_output_whole(folder: Path) -> None:
    out = folder / "out.md"
    out.write_bytes(OLD)
    os.chmod(out, 0o640)
    code, out = render(folder, ".md")
    assert code == 0
    assert out.read_text(encoding="utf-8").startswith("**United Nations**")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640, "the replaced file's mode is kept"
    assert names(folder) == ["in.json", "out.md"]


def test_a_new_output_gets_the_usual_mode_not_0600(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_bytes(b"")
    write_atomically(tmp_path / "new.md", b"x")
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)


# --- refused outputs -----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_output_equal_to_the_input_is_refused(folder: Path, suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    source = folder / f"report{suffix}"
    source.write_bytes(OLD)
    assert main(["render", str(source), "-o", str(source)]) == 2
    assert "is the input file" in capsys.readouterr().err
    assert source.read_bytes() == OLD


def test_output_equal_to_the_input_by_another_name_is_refused(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = folder / "report.md"
    source.write_bytes(OLD)
    (folder / "sub").mkdir()
    (folder / "link.md").symlink_to(source)
    monkeypatch.chdir(folder)
    for alias in ["sub/../report.md", "./report.md", str(folder / "link.md")]:
        assert main(["render", "report.md", "-o", alias]) == 2, alias
    assert source.read_bytes() == OLD
    assert names(folder) == ["in.json", "link.md", "report.md", "sub"]


def test_output_in_a_missing_folder_is_a_clear_error(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = folder / "no" / "such" / "out.md"
    assert main(["render", str(folder / "in.json"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "does not exist" in err and "create it first" in err
    assert "Traceback" not in err
    assert names(folder) == ["in.json"], "no folder is created"


def test_output_that_is_a_folder_is_a_clear_error(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "out.md").mkdir()
    assert main(["render", str(folder / "in.json"), "-o", str(folder / "out.md")]) == 1
    assert "the output path is a folder" in capsys.readouterr().err
    assert names(folder) == ["in.json", "out.md"]


def test_unwritable_folder_is_a_clear_error(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_open = os.open

    def refuse(path: str, *args: object, **kwargs: object) -> int:
        if str(path).endswith(".part"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)  # as a read-only folder does, even for root
    (folder / "out.md").write_bytes(OLD)
    assert main(["render", str(folder / "in.json"), "-o", str(folder / "out.md")]) == 1
    err = capsys.readouterr().err
    assert "cannot write the file: Permission denied" in err and "writable" in err
    assert (folder / "out.md").read_bytes() == OLD
    assert names(folder) == ["in.json", "out.md"]


def test_an_output_behind_a_link_is_written_through_it(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "report.md"
    real.parent.mkdir()
    real.write_bytes(OLD)
    link = tmp_path / "report.md"
    link.symlink_to(real)
    write_atomically(link, b"new")
    assert link.is_symlink(), "the link is kept"
    assert real.read_bytes() == b"new"
    assert names(real.parent) == ["report.md"]


def test_a_device_is_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(ReportError, match="not a regular file"):
        write_atomically(fifo, b"new")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert names(tmp_path) == ["pipe.md"]


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
def test_a_signal_handled_as_the_deferral_begins_leaves_the_mask_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    """A signal that came just before the block is handled as the mask call returns, raising
    there: the mask must still be restored, or Ctrl-C would never work again in this thread."""
    from cstd_docs.outputs import signals_deferred

    real = signal.pthread_sigmask
    before = real(signal.SIG_BLOCK, ())

    def interrupted(how: int, mask: Iterable[signal.Signals]) -> set[signal.Signals]:
        found = real(how, mask)
        if how == signal.SIG_BLOCK and signal.SIGINT in set(mask):
            raise KeyboardInterrupt  # the handler of a signal pending as the call returned
        return found

    monkeypatch.setattr(signal, "pthread_sigmask", interrupted)
    with pytest.raises(KeyboardInterrupt), signals_deferred():
        pytest.fail("the block does not run")
    monkeypatch.undo()
    assert real(signal.SIG_BLOCK, ()) == before
