"""Writing output files so that a failure never leaves half a file behind.

Every writer renders into memory (or a temporary file beside the target) and the result
replaces the target in one rename: an existing output is either the old one, whole, or
the new one, whole.

The temporary file is named ``.NAME.HOST-PID.RANDOM.part``: an exception, Ctrl-C or
SIGTERM removes it, but a hard kill (SIGKILL, a power cut) cannot. Such a leftover is
removed the next time this process writes into that folder, once its writer is known to
be gone: the same host and a process id no longer running, or a day old. A file of a
writer still running (another process writing the same target) is never touched.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cstd_docs.errors import ReportError

#: Leftovers older than this are stale whoever wrote them: a write takes seconds.
STALE_AFTER_SECONDS = 24 * 3600
#: The target's name is shortened to this many bytes in the temporary name, which must
#: stay under the 255 bytes a file name may have (NAME_MAX).
_NAME_BYTES = 160
#: Only names of this form are ever removed: a hidden file of another program, or of a
#: version before the host and pid were in the name, is left alone.
_TEMPORARY = re.compile(r"\..+\.([0-9a-f]{8})-([0-9]{1,10})\.[0-9a-f]{12}\.part")
#: Folders this process has already swept of leftovers (once each: a batch writes
#: thousands of files into one folder, and a listing per file would be quadratic).
_swept: set[str] = set()


def _host() -> str:
    """A short tag of this machine, so a process id is only judged where it means something."""
    return f"{zlib.crc32(os.uname().nodename.encode()):08x}" if hasattr(os, "uname") else "00000000"


def _running(pid: int) -> bool:
    if os.name != "posix":
        return True  # on Windows os.kill(pid, 0) would end the process: judge by age alone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # another user's process, or a number we cannot judge: leave it
    return True


def _stale(entry: os.DirEntry[str], now: float) -> bool:
    match = _TEMPORARY.fullmatch(entry.name)
    if match is None or not entry.is_file(follow_symlinks=False):
        return False
    host, pid = match.groups()
    if host == _host() and int(pid) != os.getpid() and not _running(int(pid)):
        return True
    try:
        return now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_SECONDS
    except OSError:
        return False


def sweep_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files that killed writers left in ``folder``; the paths removed."""
    removed: list[Path] = []
    now = time.time()
    try:
        with os.scandir(folder) as entries:
            stale = [Path(entry.path) for entry in entries if entry.name.endswith(".part") and _stale(entry, now)]
    except OSError:
        return removed
    for path in stale:
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _sweep_once(folder: Path) -> None:
    key = os.path.abspath(folder)
    if key not in _swept:
        _swept.add(key)
        sweep_leftovers(folder)


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block ends: a temporary file is never created
    without the code that removes it knowing its name. Delivered at the end of the block."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, ())  # the mask as found, changing nothing
    try:
        # Inside the try: a handler run as this returns (a signal that came just before) still
        # leaves the mask restored.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _new_file(folder: Path, name: str) -> Path:
    """An empty file of a fresh name in ``folder``, created with the mode a plain open() gives."""
    short = os.fsencode(name)[:_NAME_BYTES].decode(errors="ignore") if len(name) > _NAME_BYTES // 4 else name
    # os.urandom, not secrets: the name only has to be unlikely to exist (O_EXCL makes it
    # safe), and secrets imports hashlib and OpenSSL (5 ms) for nothing.
    while True:
        temporary = folder / f".{short}.{_host()}-{os.getpid()}.{os.urandom(6).hex()}.part"
        try:
            os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        return temporary


def _checked(target: Path) -> tuple[Path, Path]:
    """The file to write (a link's target: the link stays a link) and its folder, swept of leftovers."""
    if target.is_symlink():
        target = target.resolve()
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ReportError.single(str(target), "the output path is a folder", "name a file")
    if target.exists() and not target.is_file():
        raise ReportError.single(
            str(target), "the output is not a regular file (a device or a pipe)", "name a file to write"
        )
    if not folder.is_dir():
        raise ReportError.single(str(target), f"the folder {str(folder)!r} does not exist", "create it first")
    _sweep_once(folder)
    return target, folder


def _put_in_place(temporary: Path, target: Path) -> None:
    # Keep the mode of the file replaced (or the umask's, for a new one), not 0600.
    with contextlib.suppress(OSError):
        os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
    os.replace(temporary, target)


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path in the target's folder; renamed onto the target on success."""
    target, folder = _checked(target)
    temporary: Path | None = None
    try:
        with signals_deferred():  # a signal is raised after the name is known, inside this try
            temporary = _new_file(folder, target.name)
        yield temporary
        _put_in_place(temporary, target)
    except BaseException:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise


def _cannot_write(target: Path, error: OSError) -> ReportError:
    return ReportError.single(
        str(target),
        f"cannot write the file: {error.strerror or error}",
        "check that the folder is writable and the disk has room",
    )


class Pending:
    """A file written beside its target and not yet in place (:func:`write_pending`).

    :meth:`commit` makes it durable (fsync) and renames it over the target; :meth:`abandon`
    removes it. One of the two must follow: the batch commits a file in a thread while its
    worker renders the next (batch.py).
    """

    def __init__(self, target: Path, temporary: Path, handle: BinaryIO) -> None:
        self.target = target
        self.temporary = temporary
        self._handle = handle

    def commit(self) -> None:
        """Durable, then in place; on any failure the temporary file is removed and the target untouched."""
        try:
            try:
                self._handle.flush()
                os.fsync(self._handle.fileno())
            finally:
                self._handle.close()
            _put_in_place(self.temporary, self.target)
        except BaseException as error:
            self.abandon()
            if isinstance(error, OSError):
                raise _cannot_write(self.target, error) from None
            raise

    def abandon(self) -> None:
        with contextlib.suppress(OSError):
            self._handle.close()
        with contextlib.suppress(OSError):
            self.temporary.unlink()


def write_pending(target: Path, data: bytes) -> Pending:
    """``data`` written into a new file beside ``target``, checked as :func:`write_atomically`
    checks; nothing is durable nor in place until the result is committed."""
    temporary: Path | None = None
    try:
        target, folder = _checked(target)
        with signals_deferred():  # a signal is raised after the name is known, inside this try
            temporary = _new_file(folder, target.name)
        handle = open(temporary, "wb")  # noqa: SIM115 - closed by the Pending's commit or abandon
        try:
            handle.write(data)
        except BaseException:
            handle.close()
            raise
        return Pending(target, temporary, handle)
    except BaseException as error:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        if isinstance(error, OSError):
            raise _cannot_write(target, error) from None
        raise


def write_atomically(target: Path, data: bytes) -> None:
    """``target`` replaced by ``data`` whole, durable before it is in place, or left as it was."""
    try:
        with atomic_path(target) as temporary, open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        raise _cannot_write(target, error) from None
