"""Shared test helpers: where things are, and how interop tests find their tools.

An interop test skips with a visible reason when its tool is missing, except when
CSTD_REQUIRE_INTEROP=1 (set by .ci/run): then a missing tool is a failure, so CI can
never pass by skipping the independent checks.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# CI draws the same examples on every run (Hypothesis's advice for CI): a rare cause found at random
# is a failure to reproduce and turn into a test of its own, not a landing that fails by chance.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
REFERENCE_EXAMPLE = EXAMPLES / "cstd-2022-intersessional-panel.json"
#: The shared samples and validators beside the repository; CSTD_SHARED_DIR names them
#: elsewhere (a git worktree is one folder deeper than the repository it belongs to).
SHARED = Path(os.environ.get("CSTD_SHARED_DIR") or REPO.parent / "shared")
REFERENCE_TEXT = SHARED / "reference" / "000_9fb1818520dbe4d0.txt"


def require_tool(name: str) -> str:
    """The path of a command-line tool, or skip (fail under CSTD_REQUIRE_INTEROP=1)."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed"
        if os.environ.get("CSTD_REQUIRE_INTEROP") == "1":
            pytest.fail(f"{message}, and CSTD_REQUIRE_INTEROP=1 requires it")
        pytest.skip(message)
    return path


def require_file(path: Path, what: str) -> Path:
    """A file outside the repository (../shared), or skip with the reason."""
    if not path.exists():
        message = f"{what} not found at {path}"
        if os.environ.get("CSTD_REQUIRE_INTEROP") == "1":
            pytest.fail(f"{message}, and CSTD_REQUIRE_INTEROP=1 requires it")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def reference_report():  # type: ignore[no-untyped-def]
    import cstd_docs

    return cstd_docs.load(REFERENCE_EXAMPLE)


def pandoc_elements(node: object, *, into_notes: bool = True) -> Iterator[dict[str, object]]:
    """Every element (a dict with "t") of pandoc's JSON AST, in document order.

    With ``into_notes=False`` a Note is yielded but its content is not entered.
    """
    if isinstance(node, dict):
        if "t" in node:
            yield node
            if node["t"] == "Note" and not into_notes:
                return
        for value in node.values():
            yield from pandoc_elements(value, into_notes=into_notes)
    elif isinstance(node, list):
        for value in node:
            yield from pandoc_elements(value, into_notes=into_notes)
