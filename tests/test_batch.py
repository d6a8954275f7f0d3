"""Rendering many reports: the API, the command line, one bad file among good ones."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tests.conftest import REPO

from cstd_docs.batch import render_many
from cstd_docs.cli import main

SHORT = REPO / "examples" / "short-en.json"


def _inputs(folder: Path, count: int, bad: bool = True) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"report-{i}.json"
        path.write_bytes(SHORT.read_bytes())
        paths.append(path)
    if bad:
        broken = folder / "broken.json"
        broken.write_text('{"masthead": ', encoding="utf-8")
        paths.insert(1, broken)
    return paths


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_renders_the_good_files_and_reports_the_bad_one(tmp_path: Path, jobs: int) -> None:
    inputs = _inputs(tmp_path / "in", 3)
    out = tmp_path / "out"
    result = render_many(inputs, out, fmt="md", jobs=jobs)
    assert not result.ok
    assert [f.source.name for f in result.failed] == ["broken.json"]
    assert "not valid JSON" in result.failed[0].message
    assert [p.name for p in result.written] == ["report-0.md", "report-1.md", "report-2.md"]
    assert sorted(p.name for p in out.iterdir()) == ["report-0.md", "report-1.md", "report-2.md"]
    assert all(p.read_text(encoding="utf-8").startswith("#") or p.stat().st_size > 0 for p in result.written)


def test_batch_output_matches_a_single_render(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in", 2, bad=False)
    result = render_many(inputs, tmp_path / "out", fmt="md", jobs=2)
    assert result.ok
    single = tmp_path / "single.md"
    assert main(["render", str(inputs[0]), "-o", str(single)]) == 0
    assert result.written[0].read_bytes() == single.read_bytes()


def test_batch_docx(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in", 2)
    result = render_many(inputs, tmp_path / "out", jobs=2)
    assert [p.name for p in result.written] == ["report-0.docx", "report-1.docx"]
    assert all(p.read_bytes().startswith(b"PK") for p in result.written)
    assert len(result.failed) == 1


def test_two_inputs_with_one_output_name_are_refused(tmp_path: Path) -> None:
    a = _inputs(tmp_path / "a", 1, bad=False)[0]
    b = _inputs(tmp_path / "b", 1, bad=False)[0]
    result = render_many([a, b], tmp_path / "out", fmt="md", jobs=1)
    assert result.written == [tmp_path / "out" / "report-0.md"]
    assert [f.source for f in result.failed] == [b]


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = _inputs(tmp_path / "in", 1, bad=False)
    render_many(inputs, tmp_path / "out", fmt="md", jobs=1, progress=True)
    assert capsys.readouterr().err == ""


def test_cli_out_dir_with_jobs_lists_failures_and_exits_1(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in", 2)
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "cstd_docs.cli", "render", *map(str, inputs), "--out-dir", str(out), "--jobs", "2",
         "--format", "md"],
        capture_output=True, text=True, cwd=REPO,
    )
    assert result.returncode == 1
    assert "broken.json" in result.stderr
    assert "Traceback" not in result.stderr
    assert "\r" not in result.stderr  # no progress bar without a terminal
    assert sorted(p.name for p in out.iterdir()) == ["report-0.md", "report-1.md"]


def test_cli_out_dir_all_good_exits_0(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in", 2, bad=False)
    assert main(["render", *map(str, inputs), "--out-dir", str(tmp_path / "out"), "--format", "md", "--jobs", "1"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report-0.md", "report-1.md"]


def test_cli_single_file_form_still_works(tmp_path: Path) -> None:
    out = tmp_path / "one.md"
    assert main(["render", str(SHORT), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "extra",
    [
        [],  # neither -o nor --out-dir
        ["-o", "x.md", "--out-dir", "d"],
        ["--out-dir", "d", "--jobs", "0"],
    ],
)
def test_cli_bad_batch_usage_exits_2(tmp_path: Path, extra: list[str]) -> None:
    assert main(["render", str(SHORT), str(SHORT), *extra]) == 2


def test_import_does_not_load_heavy_dependencies() -> None:
    code = (
        "import json, sys, cstd_docs, cstd_docs.batch, cstd_docs.cli; "
        "print(json.dumps(sorted(m for m in ('jinja2', 'docx', 'lxml', 'cattrs') if m in sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert json.loads(result.stdout) == []


def test_paused_gc_is_reentrant_and_restores_the_collector() -> None:
    import gc

    from cstd_docs.perf import gc_paused, paused_gc

    @gc_paused
    def inner() -> bool:
        return gc.isenabled()

    assert gc.isenabled()
    with paused_gc():
        assert not inner()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


def test_batch_leaves_a_freeze_of_the_program_in_place_and_releases_its_own(tmp_path: Path) -> None:
    # render_many freezes the parent's objects before forking workers; gc.unfreeze() would
    # also release what the calling program froze itself.
    import gc

    assert gc.get_freeze_count() == 0
    assert render_many(_inputs(tmp_path / "a", 2, bad=False), tmp_path / "out-a", fmt="md", jobs=2).ok
    assert gc.get_freeze_count() == 0  # its own freeze is released
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert render_many(_inputs(tmp_path / "b", 2, bad=False), tmp_path / "out-b", fmt="md", jobs=2).ok
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()


_SLOW_WRITES = textwrap.dedent(
    """
    import os, sys, time
    def slow_fsync(fd):
        os.write(1, b"writing\\n")  # one write: two workers' lines never interleave
        time.sleep(60)
    os.fsync = slow_fsync  # the workers, forked, inherit it
    from cstd_docs.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_sigterm_to_a_batch_stops_it_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A service manager stops the whole process group: the parent and its workers, mid-write."""
    inputs = _inputs(tmp_path / "in", 6, bad=False)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITES, "render", *map(str, inputs), "--out-dir", str(out),
         "--format", "md", "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO, start_new_session=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == b"writing\n"
        os.killpg(process.pid, signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 143, stderr
    assert b"terminated (SIGTERM)" in stderr and b"Traceback" not in stderr
    assert [p.name for p in out.iterdir() if p.name.endswith(".part")] == []


def test_the_workers_are_given_runs_of_files_shorter_towards_the_end() -> None:
    from cstd_docs.batch import LARGEST_RUN, runs

    handed = runs(list(range(200)), workers=2)
    assert [index for run in handed for index in run] == list(range(200))  # each once, in order
    sizes = [len(run) for run in handed]
    assert max(sizes) == LARGEST_RUN and sizes[-4:] == [1, 1, 1, 1]
    assert sizes == sorted(sizes, reverse=True)
    assert runs([], workers=2) == []
    assert [len(run) for run in runs([7, 8, 9], workers=4)] == [1, 1, 1]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_that_cannot_be_made_durable_fails_alone_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Each file is put in place (fsync, rename) by a thread while the next renders: a failure
    there is that file's outcome, its temporary file removed, the others written."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("names an open file through /proc")
    inputs = _inputs(tmp_path / "in", 20, bad=False)  # runs of 5, 3, 3, 2, … files for two workers
    out = tmp_path / "out"
    out.mkdir()
    (out / "report-2.docx").write_bytes(b"the old report-2")
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        if os.readlink(f"/proc/self/fd/{fd}").split("/")[-1].startswith(".report-2.docx."):
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)  # the forked workers inherit it
    result = render_many(inputs, out, jobs=jobs)
    assert [f.source.name for f in result.failed] == ["report-2.json"]
    assert "cannot write the file: No space left on device" in result.failed[0].message
    written = [f"report-{i}.docx" for i in range(20) if i != 2]
    assert sorted(p.name for p in result.written) == sorted(written)
    assert (out / "report-2.docx").read_bytes() == b"the old report-2"  # untouched
    assert sorted(p.name for p in out.iterdir()) == sorted([*written, "report-2.docx"])  # no temporary file


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_output_that_cannot_be_written_at_all_fails_alone(tmp_path: Path, jobs: int) -> None:
    """Not only a ReportError: a link to itself as the output makes Path.resolve raise RuntimeError."""
    inputs = _inputs(tmp_path / "in", 12, bad=False)
    out = tmp_path / "out"
    out.mkdir()
    (out / "report-3.md").symlink_to("report-3.md")  # a loop
    result = render_many(inputs, out, fmt="md", jobs=jobs)
    assert [f.source.name for f in result.failed] == ["report-3.json"]
    assert "RuntimeError" in result.failed[0].message
    assert sorted(p.name for p in result.written) == sorted(f"report-{i}.md" for i in range(12) if i != 3)


_DIES_ON_FIVE = textwrap.dedent(
    """
    import os, sys, time
    import cstd_docs.batch as batch
    render_one = batch._render_one
    def dies_on_five(source, *rest):
        if source.endswith("report-5.json"):
            time.sleep(1)  # the files before it in the run are put in place meanwhile
            os._exit(9)  # as the kernel's out-of-memory killer would end it
        return render_one(source, *rest)
    batch._render_one = dies_on_five  # the workers, forked, inherit it
    result = batch.render_many(sys.argv[2:], sys.argv[1], fmt="md", jobs=2)
    print("\\n".join(sorted(p.name for p in result.written)))
    """
)


def test_a_worker_that_dies_leaves_the_files_it_wrote_reported_as_written(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in", 24, bad=False)  # runs of several files: 5 is in the middle of one
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-c", _DIES_ON_FIVE, str(out), *map(str, inputs)],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    reported = done.stdout.split()
    on_disk = sorted(p.name for p in out.iterdir() if not p.name.endswith(".part"))
    assert "report-5.md" not in on_disk
    assert reported == on_disk  # written means on disk, and on disk means reported written
    assert "report-0.md" in reported  # written by the run the dead worker was in
    # Its files written but not yet in place stay as temporary files, as after any hard kill,
    # until the next write into the folder, once their writer is known to be gone.
    assert render_many(inputs[:1], out, fmt="md", jobs=1).ok
    assert not any(p.name.endswith(".part") for p in out.iterdir())


_PARENT_STOPS = textwrap.dedent(
    """
    import os, signal, sys, time
    import cstd_docs.batch as batch
    render_one = batch._render_one
    def slow(*arguments):
        time.sleep(0.2)
        return render_one(*arguments)
    batch._render_one = slow
    def stop_after_the_first(source, failure):
        os.kill(os.getpid(), signal.SIGTERM)  # the parent alone, as a service manager may
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        batch.render_many(sys.argv[2:], sys.argv[1], fmt="md", jobs=2, on_done=stop_after_the_first)
    except KeyboardInterrupt:
        print(len([p for p in os.listdir(sys.argv[1]) if p.endswith(".md")]))
    """
)


def test_a_stop_of_the_parent_alone_stops_the_workers_files_still_queued(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in", 60, bad=False)  # runs of 7 and 8: a worker holds up to two runs
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-c", _PARENT_STOPS, str(out), *map(str, inputs)],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    written = int(done.stdout)
    # The stop comes with the first run back (8 files): the other worker's run, then nothing of
    # the runs the workers already held (up to three more, 24 files).
    assert 1 <= written <= 16
    assert not any(p.name.endswith(".part") for p in out.iterdir())
