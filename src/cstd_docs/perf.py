"""Keeping large reports fast: pausing the cyclic garbage collector while building trees.

Loading, resolving and rendering a report allocate hundreds of thousands of small
objects that form no reference cycles (a JSON tree, frozen model objects, XML
elements). Each allocation counts towards a collection, and the full collections that
follow scan every live object, so a 50,000-paragraph report spent half of its loading
time in the collector and grew faster than its size (benchmarks, docs/performance.md).
Pausing the collector for the duration of such a step makes the cost linear again;
reference counting still frees everything as usual, except reference cycles: the Word
writer's python-docx package is one, so ``docx_bytes`` collects it when it returns.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

__all__ = ["anything_frozen", "freeze_for_good", "frozen_gc", "gc_paused", "paused_gc", "thaw"]

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic collector inside the block (re-entrant: restores the state it found)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


#: Whether objects frozen through this module are still frozen, also in a process forked
#: meanwhile (a batch's worker inherits them): ``gc.get_freeze_count`` counts by walking
#: every frozen object (3 ms for 40,000), too slow to ask at each rendering; it was a
#: quarter of a batch worker's time.
_frozen = False


def freeze_for_good() -> None:
    """Leave every object alive now out of all later collections (``gc.freeze``), for the
    rest of the process: a long-running loop's modules, converter and caches."""
    global _frozen
    gc.freeze()
    _frozen = True


def thaw() -> None:
    """Release the freeze made by :func:`freeze_for_good`, when a long-running loop ends
    inside a program that goes on (the watch, called from a program or a test)."""
    global _frozen
    if _frozen:
        gc.unfreeze()
        _frozen = False


def anything_frozen() -> bool:
    """Whether the program or this module froze objects (only the program's are counted)."""
    return _frozen or gc.get_freeze_count() > 0


@contextmanager
def frozen_gc() -> Iterator[None]:
    """Leave every object alive now out of collections inside the block (``gc.freeze``).

    For collecting only what the block makes, and for forking workers that should not
    touch (and so copy) the pages of inherited objects. Only when nothing is frozen yet:
    ``gc.unfreeze()`` releases every frozen object, the program's own too.
    """
    global _frozen
    freezing = not anything_frozen()
    if freezing:
        gc.freeze()
        _frozen = True
    try:
        yield
    finally:
        if freezing:
            gc.unfreeze()
            _frozen = False


def gc_paused(function: Callable[P, R]) -> Callable[P, R]:
    """Decorator: run ``function`` with the cyclic collector paused."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused_gc():
            return function(*args, **kwargs)

    return wrapper
