"""The quick verdict of jsonio.limits (no place kept) never passes what the walk naming the place refuses."""

from __future__ import annotations

import pytest

from cstd_docs.jsonio import limits


def _nested(depth: int) -> object:
    data: object = "x"
    for _ in range(depth):
        data = [data]
    return data


def _cases() -> list[object]:
    edge = limits.MAX_STRING
    return [
        {"title": _nested(limits.MAX_DEPTH - 1)},  # the deepest list at depth 63: admitted
        {"title": _nested(limits.MAX_DEPTH)},  # at depth 64: refused
        {"body": "x" * edge, "k" * edge: 1},
        {"body": "x" * (edge + 1)},
        {"k" * (edge + 1): 1},
        {"image": "x" * (edge + 1)},  # an image's text may be longer: admitted by the walk
        {"figures": [{"image": "x" * (limits.MAX_IMAGE + 1)}]},
        {1: "a key that is not text", "list": [None, 1.5, True, {"a": []}]},
        {"chapters": [{"content": [{"text": ["a"] * 3}] * 3}] * 2},  # 28 values
    ]


@pytest.mark.parametrize("most_values", [limits.MAX_VALUES, 28, 27])
def test_the_quick_verdict_agrees_with_the_walk(monkeypatch: pytest.MonkeyPatch, most_values: int) -> None:
    monkeypatch.setattr(limits, "MAX_VALUES", most_values)
    verdicts = []
    for data in _cases():
        walked = limits._first_problem(data)
        assert limits.limit_problem(data) == walked
        if limits._plainly_within(data):
            assert walked is None
        verdicts.append((limits._plainly_within(data), walked is None))
    # Both ways were taken: reports passed quickly, problems found by the walk, and one passed by the walk alone.
    assert {(True, True), (False, False), (False, True)} <= set(verdicts)
