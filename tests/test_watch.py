"""``cstd-docs watch``: a real process re-renders on every save, however the editor saves;
an invalid save is reported as ``validate`` reports it and the last good output stays; a
later valid save recovers; Ctrl-C and SIGTERM end it cleanly. Timings are in benchmarks/."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, REPO

from cstd_docs.cli import main
from cstd_docs.errors import ReportError
from cstd_docs.watch import Stamp, changes, stamp, watch

#: Generous: the machine running the tests may be busy; a watch normally answers in 0.1 s.
WAIT = 30.0


class Watcher:
    """``cstd-docs watch`` as a process, its standard error read line by line."""

    def __init__(self, source: Path, output: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cstd_docs.cli", "watch", str(source), "-o", str(output)],
            stderr=subprocess.PIPE, text=True, env=env, cwd=REPO,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        assert self.process.stderr is not None
        stderr = self.process.stderr
        threading.Thread(target=lambda: [self.lines.put(line) for line in stderr], daemon=True).start()

    def expect(self, fragment: str) -> str:
        """Standard error up to the line that holds ``fragment`` (all of it since the last call)."""
        deadline, said = time.monotonic() + WAIT, []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                continue
            said.append(line)
            if fragment in line:
                self.seen.extend(said)
                return "".join(said)
        raise AssertionError(f"no {fragment!r} on standard error within {WAIT} s; got {''.join(said)!r}")

    def stop(self, how: signal.Signals) -> tuple[int, str]:
        self.process.send_signal(how)
        code = self.process.wait(timeout=WAIT)
        time.sleep(0.1)  # the reader thread takes the last lines
        rest = []
        while not self.lines.empty():
            rest.append(self.lines.get())
        return code, "".join(rest)


def report_titled(title: str) -> str:
    data = json.loads((EXAMPLES / "short-en.json").read_text(encoding="utf-8"))
    data["title"] = title
    return json.dumps(data, ensure_ascii=False, indent=2)


def save_by_rename(path: Path, text: str) -> None:
    """As vim, gedit and most IDEs save: a new file renamed over the old one."""
    temporary = path.with_name(f".{path.name}.swp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"{what}: not within {WAIT} s")


def test_a_watch_process_renders_every_save_keeps_the_last_good_output_and_recovers(tmp_path: Path) -> None:
    source, output = tmp_path / "report.json", tmp_path / "report.md"
    source.write_text(report_titled("First title"), encoding="utf-8")
    watcher = Watcher(source, output)
    try:
        watcher.expect("watching")
        assert "First title" in output.read_text(encoding="utf-8")

        source.write_text(report_titled("Saved in place"), encoding="utf-8")  # as nano and Notepad save
        wait_for(lambda: "Saved in place" in output.read_text(encoding="utf-8"), "a save in place re-renders")
        save_by_rename(source, report_titled("Saved by rename"))
        wait_for(lambda: "Saved by rename" in output.read_text(encoding="utf-8"), "a save by rename re-renders")
        watcher.expect("wrote")
        good = output.read_bytes()

        broken = report_titled("Broken")
        source.write_text(broken[: len(broken) // 2], encoding="utf-8")
        said = watcher.expect("keeps the last good render")
        validate = subprocess.run([sys.executable, "-m", "cstd_docs.cli", "validate", str(source)],
                                  capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO / "src")})
        assert validate.returncode == 1 and validate.stderr.strip()
        assert validate.stderr in said  # the same words, place and fix as `validate`
        assert output.read_bytes() == good

        save_by_rename(source, report_titled("Fixed title"))
        wait_for(lambda: "Fixed title" in output.read_text(encoding="utf-8"), "a later valid save recovers")
        assert watcher.process.poll() is None, "the watch went on after the invalid save"
    finally:
        code, rest = watcher.stop(signal.SIGTERM)
    assert code == 143
    assert "stopped watching" in rest and "Traceback" not in "".join(watcher.seen) + rest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "report.md"]  # no temporary left


def test_a_watch_process_renders_word_and_ends_on_ctrl_c(tmp_path: Path) -> None:
    source, output = tmp_path / "report.json", tmp_path / "report.docx"
    source.write_text(report_titled("First title"), encoding="utf-8")
    watcher = Watcher(source, output)
    try:
        watcher.expect("watching")
        first = output.read_bytes()
        save_by_rename(source, report_titled("Second title"))
        wait_for(lambda: output.read_bytes() != first, "a save re-renders the Word draft")
        from cstd_docs import read_docx

        assert "Second title" in str(read_docx(output).title)
    finally:
        code, rest = watcher.stop(signal.SIGINT)
    assert code == 130 and "stopped watching" in rest


def test_watch_refuses_an_output_it_cannot_write_before_it_starts(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.json"
    source.write_text(report_titled("Title"), encoding="utf-8")
    assert main(["watch", str(source), "-o", str(tmp_path / "report.txt")]) == 2
    assert "cannot tell the format" in capsys.readouterr().err
    assert main(["watch", str(source), "-o", str(tmp_path / "report.md"), "--emblem", str(source)]) == 2
    assert "--emblem applies to .docx and .pdf" in capsys.readouterr().err
    assert not list(tmp_path.glob("report.*[!n]"))  # nothing written: report.json alone


# --- the loop, with its clock replaced ---------------------------------------------------


def scripted(actions: list[Callable[[], object]]) -> Callable[[float], None]:
    """A sleep that performs the next action instead of waiting; stops the loop at the end."""
    steps = iter(actions)

    def sleep(seconds: float) -> None:
        action = next(steps, None)
        if action is None:
            raise KeyboardInterrupt
        action()

    return sleep


def test_a_burst_of_writes_is_one_change_and_a_deletion_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text("{}")
    events = changes(path, sleep=scripted([
        lambda: path.write_text("{\n"),  # an editor's save: truncate and write…
        lambda: path.write_text("{\n}\n"),  # …in several steps
        lambda: None,  # then quiet: one change
        lambda: None,
        path.unlink,
        lambda: None,
    ]))
    seen: list[Stamp] = []
    with pytest.raises(KeyboardInterrupt):
        for event in events:
            seen.append(event)
    assert len(seen) == 2 and seen[1] is None  # one change for the burst, then the deletion
    assert seen[0] is not None and seen[0][2] == len("{\n}\n")  # seen once the burst was over


def test_a_failed_render_is_reported_and_the_same_bytes_render_again_only_after_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "report.json"
    path.write_text("v1")
    attempts: list[str] = []
    said: list[str] = []
    warned: list[str] = []

    def render() -> str:
        attempts.append(path.read_text())
        if path.read_text() == "bad":
            raise ReportError.single(str(path), "not valid", "fix it")
        return "wrote out"

    def events() -> Iterator[Stamp]:
        yield stamp(path)  # touched: the same bytes, nothing to render
        path.write_text("bad")
        yield stamp(path)
        yield stamp(path)  # the same bad bytes: rendered again (the render may fail for another reason)
        path.write_text("v2")
        yield stamp(path)

    watch(path, render, said.append, warned.append, events())
    assert attempts == ["v1", "bad", "bad", "v2"]
    assert sum("not valid" in w for w in warned) == 2
    assert sum(s.startswith("wrote out (") for s in said) == 2


def test_the_watch_freezes_after_its_first_render_and_releases_it_when_it_ends(tmp_path: Path) -> None:
    import gc

    from cstd_docs import perf

    path = tmp_path / "report.json"
    path.write_text("v1")
    frozen_while_watching: list[int] = []

    def render() -> str:
        return "wrote out"

    def events() -> Iterator[Stamp]:
        path.write_text("v2")
        frozen_while_watching.append(gc.get_freeze_count())  # after the first render
        yield stamp(path)

    assert gc.get_freeze_count() == 0
    watch(path, render, lambda _: None, lambda _: None, events())
    assert len(frozen_while_watching) == 1 and frozen_while_watching[0] > 0
    assert gc.get_freeze_count() == 0 and not perf.anything_frozen()
    gc.freeze()  # a program's own freeze is the program's: the watch leaves it
    try:
        kept = gc.get_freeze_count()
        watch(path, render, lambda _: None, lambda _: None, events())
        assert gc.get_freeze_count() >= kept
    finally:
        gc.unfreeze()
