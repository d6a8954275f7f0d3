"""The collector's freezes (cstd_docs.perf): re-entrant, kept across a fork, and cheap to ask.

``gc.get_freeze_count`` walks every frozen object, so once this module has frozen the
process's objects (a watch, a batch whose workers inherit them) it must not be asked at each
rendering; and a freeze of the program's own must never be released by ours.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Iterator

import pytest

from cstd_docs import perf


@pytest.fixture
def clean_freeze() -> Iterator[None]:
    assert gc.get_freeze_count() == 0 and not perf.anything_frozen()
    try:
        yield
    finally:
        gc.unfreeze()
        perf._frozen = False


def _not_asked() -> int:
    raise AssertionError("gc.get_freeze_count walks every frozen object: not at each rendering")


def test_a_freeze_inside_a_freeze_leaves_the_outer_one(clean_freeze: None, monkeypatch: pytest.MonkeyPatch) -> None:
    with perf.frozen_gc():
        frozen = gc.get_freeze_count()
        assert frozen > 0
        monkeypatch.setattr(gc, "get_freeze_count", _not_asked)
        with perf.frozen_gc():
            pass
        monkeypatch.undo()
        assert gc.get_freeze_count() == frozen
    assert gc.get_freeze_count() == 0 and not perf.anything_frozen()


def test_after_freezing_for_good_no_rendering_counts_the_frozen(
    clean_freeze: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    perf.freeze_for_good()
    frozen = gc.get_freeze_count()
    monkeypatch.setattr(gc, "get_freeze_count", _not_asked)
    for _ in range(3):
        with perf.frozen_gc():
            assert perf.anything_frozen()
    monkeypatch.undo()
    assert gc.get_freeze_count() == frozen  # still frozen: "for good"


def test_the_programs_own_freeze_is_never_released(clean_freeze: None) -> None:
    gc.freeze()
    frozen = gc.get_freeze_count()
    with perf.frozen_gc():
        pass
    assert gc.get_freeze_count() == frozen


def _child_sees(queue: multiprocessing.Queue[bool]) -> None:
    gc.get_freeze_count = _not_asked  # the child's own module, forked: undone with it
    queue.put(perf.anything_frozen())


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_a_process_forked_inside_a_freeze_knows_without_counting(clean_freeze: None) -> None:
    context = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[bool] = context.Queue()
    with perf.frozen_gc():
        child = context.Process(target=_child_sees, args=(queue,))
        child.start()
        seen = queue.get(timeout=30)
        child.join(timeout=30)
    assert seen is True and child.exitcode == 0
