"""Writing output files so that a failure never leaves half a file behind.

Every writer renders into memory (or a temporary file beside the target) and the result
replaces the target in one rename: an existing output is either the old one, whole, or
the new one, whole.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from cstd_docs.errors import ReportError


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path in the target's folder; renamed onto the target on success."""
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ReportError.single(str(target), "the output path is a folder", "name a file")
    if not folder.is_dir():
        raise ReportError.single(str(target), f"the folder {str(folder)!r} does not exist", "create it first")
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_atomically(target: Path, data: bytes) -> None:
    try:
        with atomic_path(target) as temporary:
            with open(temporary, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
    except OSError as error:
        raise ReportError.single(str(target), f"cannot write the file: {error.strerror or error}") from None
