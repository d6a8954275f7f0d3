"""Writing output files so that a failure never leaves half a file behind.

Every writer renders into memory (or a temporary file beside the target) and the result
replaces the target in one rename: an existing output is either the old one, whole, or
the new one, whole.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from cstd_docs.errors import ReportError


def _new_file(folder: Path, name: str) -> Path:
    """An empty file of a fresh name in ``folder``, created with the mode a plain open() gives."""
    # os.urandom, not secrets: the name only has to be unlikely to exist (O_EXCL makes it
    # safe), and secrets imports hashlib and OpenSSL (5 ms) for nothing.
    while True:
        temporary = folder / f".{name}.{os.urandom(6).hex()}.part"
        try:
            os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        return temporary


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path in the target's folder; renamed onto the target on success."""
    if target.is_symlink():  # write the file the link points at; the link stays a link
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
    temporary = _new_file(folder, target.name)
    try:
        yield temporary
        # Keep the mode of the file replaced (or the umask's, for a new one), not 0600.
        with contextlib.suppress(OSError):
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_atomically(target: Path, data: bytes) -> None:
    try:
        with atomic_path(target) as temporary, open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        raise ReportError.single(
            str(target),
            f"cannot write the file: {error.strerror or error}",
            "check that the folder is writable and the disk has room",
        ) from None
