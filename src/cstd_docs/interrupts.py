"""SIGTERM unwound as Ctrl-C is, for the command line: temporary files removed, outputs kept.

What ``timeout``, ``kill`` and service managers send ends ``cstd-docs render`` or ``watch``
the way Ctrl-C does, through :class:`~cstd_docs.errors.Terminated`.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

from cstd_docs.errors import Terminated

__all__ = ["sigterm_as_interrupt", "terminate"]


def terminate(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not cut the clean-up short
    raise Terminated


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While the command runs, SIGTERM raises :class:`Terminated`; the handler before is restored."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; a program calling main() from a thread keeps its own
        return
    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
