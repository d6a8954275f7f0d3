"""Rendering many reports at once, over processes.

``render_many(inputs, out_dir)`` renders each input file to ``out_dir/<stem>.docx`` (or
``.md``, or ``.pdf`` through LibreOffice), each in its own worker process when ``jobs`` > 1. Each output is written
atomically; a file that fails (invalid JSON, a model problem, an unwritable output) is
reported in the result and the others still render. A progress bar goes to standard
error when asked for and standard error is a terminal.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TextIO

from cstd_docs.errors import ReportError, Terminated

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


def _worker_started() -> None:
    signal.signal(signal.SIGTERM, _stop_worker)
    signal.signal(signal.SIGINT, _stop_worker)


def _render_file(
    source: str, target: str, fmt: str, reference_docx: str | None, emblem: str | None = None
) -> str | None:
    """Render one file; return None on success or the reason it failed (never raise)."""
    global _busy
    _busy = True
    try:
        return _render_one(source, target, fmt, reference_docx, emblem)
    finally:
        _busy = False


def _render_one(source: str, target: str, fmt: str, reference_docx: str | None, emblem: str | None) -> str | None:
    if _stopping:
        return f"{source}: not rendered, the batch was stopped"
    try:
        from cstd_docs.jsonio import load

        report = load(source)
        if fmt == "md":
            from cstd_docs.outputs import write_atomically
            from cstd_docs.writers.markdown import render_markdown

            write_atomically(Path(target), render_markdown(report).encode("utf-8"))
        elif fmt == "pdf":  # each conversion has a LibreOffice profile of its own: parallel runs are safe
            from cstd_docs.writers.pdf import render_pdf

            render_pdf(report, target, reference_docx=reference_docx, emblem=emblem)
        else:
            from cstd_docs.perf import paused_gc
            from cstd_docs.writers.docx import render_docx

            with paused_gc():
                render_docx(report, target, reference_docx=reference_docx, emblem=emblem)
    except ReportError as error:
        return str(error)
    except Exception as error:  # one broken file must not stop the batch
        return f"internal error ({type(error).__name__}: {error})"
    return None


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
            finish(index, _render_file(str(sources[index]), str(target), fmt, reference, image))
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


def _render_in_pool(
    workers: int,
    sources: list[Path],
    targets: dict[int, Path],
    fmt: str,
    reference: str | None,
    image: str | None,
    finish: Callable[[int, str | None], None],
) -> None:
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_started) as pool:
        futures: dict[Future[str | None], int] = {
            pool.submit(_render_file, str(sources[index]), str(target), fmt, reference, image): index
            for index, target in targets.items()
        }
        try:
            for future in as_completed(futures):
                index = futures[future]
                try:
                    error = future.result()
                except Exception as crash:  # a worker died (out of memory, killed)
                    error = f"{sources[index]}: the worker rendering it stopped ({type(crash).__name__}: {crash})"
                finish(index, error)
        except BaseException:  # Ctrl-C or SIGTERM: stop now, not after every file still queued
            pool.shutdown(wait=True, cancel_futures=True)
            raise
