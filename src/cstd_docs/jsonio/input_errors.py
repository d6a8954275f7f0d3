"""Input errors of the JSON converter, and the budget that stops checking a file early."""

from __future__ import annotations

import contextlib
import contextvars
import math
from collections.abc import Iterator

__all__ = ["MAX_ERRORS", "MAX_ITEM_ERRORS", "InputError", "describe", "error_budget", "stop"]

#: Wrong items of one list reported before the rest of it is skipped: a file with
#: 40,000 wrong paragraphs is refused in a moment, not after building 40,000 errors.
MAX_ITEM_ERRORS = 100
#: Wrong values in the whole file before checking stops (see ``error_budget``).
MAX_ERRORS = 1_000

_budget: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("cstd_docs_error_budget", default=None)


@contextlib.contextmanager
def error_budget(limit: int = MAX_ERRORS) -> Iterator[None]:
    """Stop structuring lists once ``limit`` wrong values were found, so any file fails fast."""
    token = _budget.set([limit])
    try:
        yield
    finally:
        _budget.reset(token)


def stop(found: int, left: int) -> InputError | None:
    """The problem that ends a list's checking, or None to go on."""
    budget = _budget.get()
    if budget is not None:
        budget[0] -= 1
    hint = "fix the pattern the first ones show, then validate again"
    if budget is not None and budget[0] <= 0 and left:
        return InputError(
            f"checking stopped after {MAX_ERRORS:,} problems; {left} more items here were not checked", hint
        )
    if found >= MAX_ITEM_ERRORS and left:
        return InputError(
            f"more than {MAX_ITEM_ERRORS} items of this list are wrong; the other {left} items were not checked", hint
        )
    return None


class InputError(ValueError):
    """A value of the wrong shape, with a hint for the person editing the file."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def describe(value: object) -> str:
    """What a JSON value is, in words: \"a list\", \"null\", \"a number\"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value} (which JSON does not allow)"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
