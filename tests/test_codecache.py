"""The compiled code attrs and cattrs generate, kept between processes (cstd_docs.codecache).

Each case runs fresh interpreters, as the cache only matters from one process to the next:
the second process must find every model class's methods and behave exactly as the first,
whatever its hash seed (attrs writes a per-process number into each ``__hash__``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

#: Builds model objects, loads and renders a report, and reports what it saw.
_PROBE = """
import builtins, json, sys
compile_before = builtins.compile
from cstd_docs import codecache
import attrs
from cstd_docs.jsonio import loads
from cstd_docs.model import Emphasis, Paragraph
from cstd_docs.writers.markdown import render_markdown
a, b = Paragraph(["Text"]), Paragraph(["Text"])
hashed = Emphasis("text")  # no None inside: hash(None) changes with the process's memory layout
report = loads(open(sys.argv[1], encoding="utf-8").read())
print(json.dumps({
    "hash": hash(hashed), "attrs_own_hash": hash(attrs.Factory("text")),
    "builtin_restored": builtins.compile is compile_before, "equal": a == b, "repr": repr(a), "markdown": render_markdown(report),
    "added": len(codecache._STORE.added), "found": len(codecache._STORE.used) - len(codecache._STORE.added),
    "file": str(codecache._STORE.path),
}))
"""

REFERENCE = Path(__file__).resolve().parents[1] / "examples" / "cstd-2022-intersessional-panel.json"


def _probe(prefix: Path, seed: int, *, write: bool = True) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    env.update(PYTHONPYCACHEPREFIX=str(prefix), PYTHONHASHSEED=str(seed))
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(REFERENCE)], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_second_process_finds_every_script_and_behaves_the_same(tmp_path: Path) -> None:
    first = _probe(tmp_path / "cache", seed=1)
    assert isinstance(first["added"], int) and first["added"] > 100  # the model's classes, the JSON hooks
    assert Path(str(first["file"])).is_file()
    second = _probe(tmp_path / "cache", seed=2)
    assert second["added"] == 0
    assert second["found"] == first["added"]
    # Compiled afresh with the second process's seed, without any cache: the same objects.
    fresh = _probe(tmp_path / "empty", seed=2, write=False)
    assert fresh["found"] == 0
    assert second["hash"] == fresh["hash"] != first["hash"]
    # attrs' own classes, compiled while cstd_docs imported attrs, hash as attrs alone makes them.
    assert second["attrs_own_hash"] == fresh["attrs_own_hash"] != first["attrs_own_hash"]
    assert first["builtin_restored"] and second["builtin_restored"]
    for key in ("equal", "repr", "markdown"):
        assert first[key] == second[key] == fresh[key]


def test_nothing_is_written_where_python_writes_no_bytecode(tmp_path: Path) -> None:
    result = _probe(tmp_path, seed=1, write=False)
    assert result["added"] and not Path(str(result["file"])).exists()


@pytest.mark.parametrize("content", [b"", b"not a cache", b"\x00" * 64])
def test_an_unreadable_cache_is_compiled_again_and_replaced(tmp_path: Path, content: bytes) -> None:
    first = _probe(tmp_path, seed=1)
    cache = Path(str(first["file"]))
    cache.write_bytes(content)
    again = _probe(tmp_path, seed=1)
    assert again["added"] == first["added"] and again["markdown"] == first["markdown"]
    assert _probe(tmp_path, seed=3)["added"] == 0  # rewritten whole
