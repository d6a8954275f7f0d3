"""pytest-benchmark versions of the main cases (not part of the normal test run).

    pytest benchmarks/ --benchmark-only

The targets are checked by ``python benchmarks/run.py``; these give pytest-benchmark's
statistics and history (``--benchmark-autosave``, ``--benchmark-compare``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import report_json

import cstd_docs
from cstd_docs.model import Report
from cstd_docs.writers.markdown import render_markdown

REFERENCE = Path(__file__).resolve().parent.parent / "examples" / "cstd-2022-intersessional-panel.json"


def _docx() -> Any:
    try:
        from cstd_docs.writers.docx import docx_bytes
    except Exception as error:
        pytest.skip(f"DOCX writer not importable: {error}")
    return docx_bytes


@pytest.fixture(scope="module")
def reference() -> Report:
    return cstd_docs.load(REFERENCE)


@pytest.fixture(scope="module")
def generated() -> dict[int, str]:
    return {n: report_json(n) for n in (1_000, 10_000)}


def test_reference_markdown(benchmark: Any, reference: Report) -> None:
    benchmark(render_markdown, reference)


def test_reference_docx(benchmark: Any, reference: Report) -> None:
    benchmark(_docx(), reference)


@pytest.mark.parametrize("n", [1_000, 10_000])
def test_generated_docx(benchmark: Any, generated: dict[int, str], n: int) -> None:
    report = cstd_docs.loads(generated[n])
    benchmark.pedantic(_docx(), args=(report,), rounds=3, iterations=1)


@pytest.mark.parametrize("n", [1_000, 10_000])
def test_generated_load(benchmark: Any, generated: dict[int, str], n: int) -> None:
    benchmark.pedantic(cstd_docs.loads, args=(generated[n],), rounds=3, iterations=1)


def test_import_time(benchmark: Any) -> None:
    benchmark.pedantic(
        subprocess.run, args=([sys.executable, "-c", "import cstd_docs"],), kwargs={"check": True}, rounds=10
    )
