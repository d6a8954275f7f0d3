"""Rendering many reports at once, over processes.

``render_many(inputs, out_dir)`` renders each input file to ``out_dir/<stem>.docx`` (or
``.md``, or ``.pdf`` through LibreOffice), each in its own worker process when ``jobs`` > 1. Each output is written
atomically; a file that fails (invalid JSON, a model problem, an unwritable output) is
reported in the result and the others still render. A progress bar goes to standard
error when asked for and standard error is a terminal.
"""

from __future__ import annotations

import os
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TextIO

from cstd_docs.errors import ReportError, Terminated
from cstd_docs.outputs import Pending, signals_deferred, write_pending

__all__ = ["BatchResult", "Failure", "render_many"]

Format = Literal["docx", "md", "pdf"]
EXTENSIONS: dict[str, str] = {"docx": ".docx", "md": ".md", "pdf": ".pdf"}


@dataclass(frozen=True)
class Failure:
    """One input that did not render, and why (the message the command line prints)."""

    source: Path
    message: str


@dataclass
class BatchResult:
    """What a batch wrote and what failed, in input order."""

    written: list[Path] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


#: Set in a worker once Ctrl-C or SIGTERM reached it: the files still queued are skipped.
_stopping = False
#: Set by the parent when it stops (a signal to it alone, from a service manager): the workers
#: skip the files of runs they already hold (``_worker_started`` keeps it in each worker).
_stop_all: Any = None
#: True while a worker renders a file: only then may a signal raise (an idle worker
#: raising inside the pool's own code would die with a traceback).
_busy = False


def _stop_worker(signum: int, frame: object) -> None:
    """A worker's Ctrl-C / SIGTERM: unwind the file being written (its temporary file is
    removed), once; the pool would otherwise hand the worker the next queued file."""
    global _stopping
    if not _stopping:
        _stopping = True
        if _busy:
            raise Terminated if signum == signal.SIGTERM else KeyboardInterrupt


def _worker_started(stop_all: Any = None) -> None:
    global _stop_all
    _stop_all = stop_all
    signal.signal(signal.SIGTERM, _stop_worker)
    signal.signal(signal.SIGINT, _stop_worker)


def _render_files(
    files: Sequence[tuple[str, str]], fmt: str, reference_docx: str | None, emblem: str | None = None
) -> list[str | None]:
    """Render a few files in turn; for each, None (written) or the reason it was not (never
    raises, but for Ctrl-C and SIGTERM, which leave no file of theirs half-written)."""
    global _busy
    _busy = True
    try:
        with _Committer() as committer:
            for index, (source, target) in enumerate(files):
                outcome = _render_one(source, target, fmt, reference_docx, emblem)
                # Ctrl-C waits until the written file is in the committer's hands, which removes it if need be.
                with signals_deferred():
                    committer.settle(index, _written(target, outcome) if isinstance(outcome, bytes) else outcome)
            return committer.outcomes(len(files))
    finally:
        _busy = False


#: The longest a worker takes to act on Ctrl-C or SIGTERM while it waits for its commits, in seconds.
_SIGNAL_LATENCY = 0.05


class _Committer:
    """Puts each written file in place (fsync, then rename: ``outputs.Pending``) in a thread of
    its own while the next file renders. Two workers' fsyncs wait on one disk: 0.8 ms a file,
    a tenth of a batch's time, which the rendering of the next file now covers."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[tuple[int, Pending] | None] = queue.SimpleQueue()
        self._pending: dict[int, Pending] = {}
        self._committed: dict[int, str | None] = {}  # written by the thread, read after it ends
        self._outcomes: dict[int, str | None] = {}
        # A daemon: after Ctrl-C or SIGTERM the worker does not wait for a slow disk (see __exit__).
        self._thread = threading.Thread(target=self._commit_all, name="cstd-docs commits", daemon=True)
        # Started with Ctrl-C and SIGTERM blocked, which it keeps: the kernel gives them to the main
        # thread, whose wait for this one they must interrupt (a signal taken by this thread would not).
        try:
            with signals_deferred():
                self._thread.start()
        except BaseException:  # delivered as the block ended: the thread ends at once
            self._jobs.put(None)
            raise

    def _commit_all(self) -> None:
        while (job := self._jobs.get()) is not None:
            index, pending = job
            try:
                pending.commit()
                self._committed[index] = None
            except ReportError as error:
                self._committed[index] = str(error)
            except Exception as error:  # a bug: reported as the file's outcome, as _render_one does
                self._committed[index] = _internal(error)

    def settle(self, index: int, outcome: str | Pending | None) -> None:
        if isinstance(outcome, Pending):
            self._pending[index] = outcome
            self._jobs.put((index, outcome))
        else:
            self._outcomes[index] = outcome

    def outcomes(self, count: int) -> list[str | None]:
        """Each file's outcome, once every commit is done."""
        self._jobs.put(None)
        while self._thread.is_alive():
            # In short waits: a signal that arrives just before a wait starts is only acted on
            # when the wait ends (Python runs its handlers between waits, not during them).
            self._thread.join(_SIGNAL_LATENCY)
        return [self._committed[index] if index in self._pending else self._outcomes[index] for index in range(count)]

    def __enter__(self) -> _Committer:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None:
            # Ctrl-C or SIGTERM: every file not yet in place is removed now. One the thread is
            # committing cannot then be renamed; one it has renamed is whole and stays (its
            # temporary name is gone). The thread ends after its commit, or with the process.
            for pending in self._pending.values():
                pending.abandon()
            self._jobs.put(None)


def _written(target: str, data: bytes) -> str | Pending:
    """The file written beside its target, or why it could not be (never raises but for Ctrl-C
    and SIGTERM: one file's trouble, even a bug, is that file's outcome, as in ``_render_one``)."""
    try:
        return write_pending(Path(target), data)
    except ReportError as error:
        return str(error)
    except Exception as error:  # e.g. a link to itself as the output: RuntimeError from Path.resolve
        return _internal(error)


def _render_one(
    source: str, target: str, fmt: str, reference_docx: str | None, emblem: str | None
) -> str | bytes | None:
    """One file rendered: its bytes (to write), None (written already), or why it failed."""
    if _stopping or (_stop_all is not None and _stop_all.is_set()):
        return f"{source}: not rendered, the batch was stopped"
    try:
        from cstd_docs.jsonio import load

        report = load(source)
        if fmt == "md":
            from cstd_docs.writers.markdown import render_markdown

            return render_markdown(report).encode("utf-8")
        if fmt == "pdf":  # each conversion has a LibreOffice profile of its own: parallel runs are safe
            from cstd_docs.writers.pdf import render_pdf

            render_pdf(report, target, reference_docx=reference_docx, emblem=emblem)
            return None
        from cstd_docs.perf import paused_gc
        from cstd_docs.writers.docx import docx_bytes

        with paused_gc():
            return docx_bytes(report, reference_docx=reference_docx, emblem=emblem)
    except ReportError as error:
        return str(error)
    except Exception as error:  # one broken file must not stop the batch
        return _internal(error)


def _internal(error: Exception) -> str:
    """A file's outcome when rendering or writing it met a bug: said, and the batch goes on."""
    return f"internal error ({type(error).__name__}: {error})"


class _Progress:
    """A one-line bar on a terminal; silent otherwise."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self.stream = stream
        self.enabled = enabled and total > 0 and stream.isatty()

    def step(self, ok: bool) -> None:
        self.done += 1
        self.failed += 0 if ok else 1
        if not self.enabled:
            return
        width = 30
        filled = width * self.done // self.total
        bar = "#" * filled + "-" * (width - filled)
        tail = f", {self.failed} failed" if self.failed else ""
        self.stream.write(f"\r[{bar}] {self.done}/{self.total}{tail}")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()


def _targets(inputs: Sequence[Path], out_dir: Path, ext: str) -> tuple[dict[int, Path], dict[int, str]]:
    """The output of each input, or why it has none (two inputs with the same name)."""
    targets: dict[int, Path] = {}
    clashes: dict[int, str] = {}
    taken: dict[Path, Path] = {}
    for index, source in enumerate(inputs):
        target = out_dir / (source.stem + ext)
        if target in taken:
            clashes[index] = f"{source}: its output {target} is also the output of {taken[target]}; rename one"
        else:
            taken[target] = source
            targets[index] = target
    return targets, clashes


def render_many(
    inputs: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    fmt: Format = "docx",
    jobs: int | None = None,
    progress: bool = False,
    reference_docx: str | os.PathLike[str] | None = None,
    on_done: Callable[[Path, Failure | None], None] | None = None,
    emblem: str | os.PathLike[str] | None = None,
) -> BatchResult:
    """Render every input to ``out_dir``; ``jobs`` processes (default: the CPU count).

    Returns the files written and the inputs that failed, in input order; a failure
    leaves no output behind (and an existing output of that name untouched).
    """
    if fmt not in EXTENSIONS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(EXTENSIONS)}")
    sources = [Path(p) for p in inputs]
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    reference = None if reference_docx is None else os.fspath(reference_docx)
    image = None if emblem is None else os.fspath(emblem)
    targets, clashes = _targets(sources, folder, EXTENSIONS[fmt])
    workers = max(1, min(jobs or os.cpu_count() or 1, len(targets) or 1))
    bar = _Progress(len(sources), sys.stderr, progress)
    outcome: dict[int, str | None] = {}

    def finish(index: int, error: str | None) -> None:
        outcome[index] = error
        bar.step(error is None)
        if on_done is not None:
            on_done(sources[index], None if error is None else Failure(sources[index], error))

    for index, message in clashes.items():
        finish(index, message)
    if workers == 1:
        for index, target in targets.items():
            (error,) = _render_files([(str(sources[index]), str(target))], fmt, reference, image)
            finish(index, error)
    else:
        _warm_up(fmt)
        # Freeze what the workers inherit: their collections then leave the parent's objects
        # alone, and the memory pages holding them stay shared instead of being copied
        # (the advice of the gc module's documentation for fork()).
        from cstd_docs.perf import frozen_gc

        with frozen_gc():
            _render_in_pool(workers, sources, targets, fmt, reference, image, finish)

    result = BatchResult()
    for index, source in enumerate(sources):
        error = outcome[index]
        if error is None:
            result.written.append(targets[index])
        else:
            result.failed.append(Failure(source, error))
    return result


def _warm_up(fmt: Format) -> None:
    """Before forking: import the writer, make the JSON converter's hooks (cattrs generates
    code for each class) and the Word writer's base package once, so no worker does it again."""
    import importlib

    for module in ("cstd_docs.jsonio", "cstd_docs.writers.markdown" if fmt == "md" else "cstd_docs.writers.docx"):
        importlib.import_module(module)
    from cstd_docs.jsonio.converter import warm_up as compile_json_hooks

    compile_json_hooks()
    if fmt != "md":
        from cstd_docs.writers.docx.package import warm_up

        warm_up()


#: The most files a worker is given at once: their outcomes come back together (the
#: progress moves by as many), and fewer tasks cost the parent less.
LARGEST_RUN = 8


def runs(indices: Sequence[int], workers: int) -> list[Sequence[int]]:
    """The files in runs handed to the workers in turn: up to ``LARGEST_RUN`` while many
    remain, then fewer, down to one at a time, so that the workers finish together."""
    out: list[Sequence[int]] = []
    start = 0
    while start < len(indices):
        size = max(1, min(LARGEST_RUN, (len(indices) - start) // (2 * workers)))
        out.append(indices[start : start + size])
        start += size
    return out


def _render_in_pool(
    workers: int,
    sources: list[Path],
    targets: dict[int, Path],
    fmt: str,
    reference: str | None,
    image: str | None,
    finish: Callable[[int, str | None], None],
) -> None:
    import multiprocessing

    context = multiprocessing.get_context()
    stop_all = context.Event()
    before = {index: _identity(target) for index, target in targets.items()}
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_started,
                             initargs=(stop_all,)) as pool:
        futures: dict[Future[list[str | None]], Sequence[int]] = {
            pool.submit(_render_files, [(str(sources[i]), str(targets[i])) for i in run], fmt, reference, image): run
            for run in runs(list(targets), workers)
        }
        try:
            for future in as_completed(futures):
                run = futures[future]
                try:
                    errors = future.result()
                except Exception as crash:  # a worker died (out of memory, killed), or the pool with it
                    errors = [_after_crash(sources[index], targets[index], before[index], crash) for index in run]
                for index, error in zip(run, errors, strict=True):
                    finish(index, error)
        except BaseException:  # Ctrl-C or SIGTERM: stop now, not after every file still queued
            stop_all.set()
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file ``path`` is (device, inode): a rename over it makes it another."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _after_crash(source: Path, target: Path, before: tuple[int, int] | None, crash: Exception) -> str | None:
    """A file of a run whose worker died: written if its target was replaced since the batch
    began (only a whole, durable file is ever renamed into place), else not."""
    now = _identity(target)
    if now is not None and now != before:
        return None
    return f"{source}: the worker rendering it stopped ({type(crash).__name__}: {crash})"
