"""Rendering a report again on every save: the loop of ``cstd-docs watch``.

The report file is polled (``os.stat`` every 10 ms), not watched through inotify and the
like: a save is seen whichever way an editor writes it (in place, or a new file renamed
over the old one, which ends an inotify watch on the file), on any file system (network
shares and container mounts send no events), with no dependency; and it sees a save as
soon as inotify through watchfiles or watchdog does, for under 1 % of a core while idle
(docs/performance.md, "The editing loop", measures the three ways). A change is rendered
once the file has stayed the same for one more interval, so the bursts of an editor's save
(truncate, write, rename) make one render, and a file caught half-written is read again
when it is whole.

Rendering stays in this process, so the converter, the language tables and the trimmed
Word package are built once: a re-render of the reference report takes about 20 ms of CPU. A
failed render (invalid JSON, a broken reference) is reported and the watch goes on; the
output file keeps the last good render, since outputs are only ever replaced whole.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from cstd_docs.errors import ReportError
from cstd_docs.perf import anything_frozen, freeze_for_good, thaw

__all__ = ["INTERVAL", "Stamp", "changes", "stamp", "watch"]

#: How often the report file is looked at, in seconds; a change is rendered once the file
#: has not changed for one more interval.
INTERVAL = 0.01

#: What tells one version of a file from another without reading it: the inode (a file
#: renamed over it), the modification time, the size and the change time; None when the
#: file is missing (between an editor's delete and its rename).
Stamp = tuple[int, int, int, int] | None


def stamp(path: Path) -> Stamp:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size, info.st_ctime_ns


def changes(path: Path, interval: float = INTERVAL, sleep: Callable[[float], None] = time.sleep) -> Iterator[Stamp]:
    """The file's stamp each time it has changed and then stayed the same for one interval.

    The stamp to compare with is taken now, not when the first change is asked for: a save
    made while the first render runs is a change.
    """
    return _changes(path, stamp(path), interval, sleep)


def _changes(path: Path, last: Stamp, interval: float, sleep: Callable[[float], None]) -> Iterator[Stamp]:
    while True:
        sleep(interval)
        now = stamp(path)
        if now == last:
            continue
        while True:  # the burst of a save: wait until it is over
            sleep(interval)
            again = stamp(path)
            if again == now:
                break
            now = again
        last = now
        yield now


def _content(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def watch(source: Path, render: Callable[[], str], say: Callable[[str], None], warn: Callable[[str], None],
          events: Iterator[Stamp] | None = None) -> None:
    """Call ``render`` now and after every change of ``source``, until interrupted.

    ``render`` returns what it wrote ("wrote report.docx") or raises :class:`ReportError`
    for bad input; ``say`` gets what was written and how long it took, ``warn`` the problems
    (and that the last good output stays). A save that leaves the bytes as they were (a
    touch, an editor's save without change) renders nothing. Ctrl-C and SIGTERM come out of
    here as ``KeyboardInterrupt`` / ``Terminated``.
    """
    incoming = changes(source) if events is None else events
    frozen_before = anything_frozen()
    try:
        rendered = _attempt(source, render, say, warn)
        say(f"watching {source} (Ctrl-C to stop)")
        for now in incoming:
            if now is None:
                warn(f"{source} is gone; waiting for it to come back")
                rendered = None
                continue
            content = _content(source)
            if content is not None and content == rendered:
                continue
            rendered = _attempt(source, render, say, warn)
    finally:
        if not frozen_before:
            thaw()  # the loop's freeze ends with it: a program calling watch goes on as before


def _attempt(source: Path, render: Callable[[], str], say: Callable[[str], None],
             warn: Callable[[str], None]) -> bytes | None:
    """One render; the bytes it was made from (None if it failed: the next save renders again)."""
    content = _content(source)
    started = time.perf_counter()
    try:
        wrote = render()
    except ReportError as error:
        warn(f"{error}")
        warn("the output keeps the last good render; fix the file and save it again")
        return None
    except Exception as error:  # a bug: say so, keep watching, keep the last good output
        warn(f"internal error ({type(error).__name__}: {error}). This is a bug in cstd-docs; "
             "the output keeps the last good render")
        return None
    took = (time.perf_counter() - started) * 1000
    if not anything_frozen():
        # After the first render the modules, the converter and the Word package are built:
        # leave them out of every later collection, which then only looks at new objects.
        gc.collect()
        freeze_for_good()
    say(f"{wrote} ({took:.1f} ms)")
    return content
