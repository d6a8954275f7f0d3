"""The import's worst cases (issue 16): drafts whose reading once took time that grew
faster than the draft. Used by ``run.py --only reading``; each figure is the median of
``repeats`` reads of a draft made in memory, warnings collected.

- a draft of N numbered paragraphs (benchmarks/generate.py) with every paragraph edited,
  read on its embedded source: the edited blocks are paired with the source's by
  similarity (readers/match.py), once quadratic (300 paragraphs: 128 s);
- a Markdown heading "## a", 100,000 spaces, "b" (the heading pattern backtracked: 68 s);
- a Markdown line of 100,000 ">" (its words were counted by a pattern tried from each of its
  characters: 242 s);
- a paragraph of N "_em_" pairs (emphasis joined pair by pair: 2 MB, 17.6 s);
- the reference draft (DOCX) with its footnotes relationship removed: no paragraph prints
  what the source printed, so every one is paired by similarity (5.4 s; intact, 0.2 s).
"""

from __future__ import annotations

import contextlib
import io
import re
import statistics
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generate import report_json

import cstd_docs
from cstd_docs.errors import Problem, ReportError

REFERENCE = Path(__file__).resolve().parent.parent / "examples" / "cstd-2022-intersessional-panel.json"
EDITED = (100, 300, 1_000)
EM_PAIRS = (100_000, 200_000)


def _timed(read: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        with contextlib.suppress(ReportError):  # a refusal is an outcome like any other: its time counts
            read()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _edited_markdown(n: int) -> str:
    report = cstd_docs.loads(report_json(n))
    return cstd_docs.render_markdown(report).replace(" economies,", " economies (edited),")


def _edited_docx(n: int) -> bytes:
    from cstd_docs.writers.docx import docx_bytes

    data = docx_bytes(cstd_docs.loads(report_json(n)))
    return _zip_edit(data, "word/document.xml", lambda xml: xml.replace(b" economies,", b" economies (edited),"))


def _zip_edit(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.namelist():
            content = source.read(entry)
            target.writestr(entry, change(content) if entry == name else content)
    return out.getvalue()


def _no_footnotes_relationship() -> bytes:
    from cstd_docs.writers.docx import docx_bytes

    data = docx_bytes(cstd_docs.load(REFERENCE))
    return _zip_edit(data, "word/_rels/document.xml.rels",
                     lambda xml: re.sub(rb"<Relationship [^>]*/footnotes\"[^>]*/>", b"", xml))


def _markdown(text: str) -> Callable[[], object]:
    return lambda: cstd_docs.read_markdown(text, warnings=[])


def _docx(data: bytes) -> Callable[[], object]:
    warnings: list[Problem] = []
    return lambda: cstd_docs.read_docx(data, warnings=warnings)


def _row(case: str, seconds: float, target: float | None, note: str = "") -> dict[str, Any]:
    return {"case": case, "value": seconds, "unit": "s", "target": f"≤ {target:g} s" if target else "",
            "ok": seconds <= target if target else None, "note": note}


def measure(repeats: int) -> list[dict[str, Any]]:
    """The rows of the reading cases (``run.Row`` fields)."""
    rows = []
    times: dict[int, float] = {}
    for n in EDITED:
        times[n] = _timed(_markdown(_edited_markdown(n)), repeats)
        rows.append(_row(f"import: Markdown draft, {n:,} paragraphs all edited", times[n], 1.0 if n == 300 else None))
    ratio = times[EDITED[-1]] / times[EDITED[0]]
    rows.append({"case": f"linearity: edited {EDITED[-1]:,} / {EDITED[0]:,} paragraphs time", "value": ratio,
                 "unit": "×", "target": "≤ 15", "ok": ratio <= 15, "note": "10 times the paragraphs"})
    rows.append(_row("import: DOCX draft, 300 paragraphs all edited", _timed(_docx(_edited_docx(300)), repeats), 2.0))
    heading = cstd_docs.render_markdown(cstd_docs.load(REFERENCE), embed_source=False)
    heading += "\n## a" + " " * 100_000 + "b\n"
    rows.append(_row('import: Markdown heading "## a", 100,000 spaces, "b"', _timed(_markdown(heading), repeats), 1.0))
    quotes = cstd_docs.render_markdown(cstd_docs.load(REFERENCE), embed_source=False) + "\n" + ">" * 100_000 + " x\n"
    rows.append(_row('import: Markdown line of 100,000 ">"', _timed(_markdown(quotes), repeats), 1.0))
    em: dict[int, float] = {}
    for pairs in EM_PAIRS:
        text = cstd_docs.render_markdown(cstd_docs.load(REFERENCE), embed_source=False)
        text = text.replace("\n\n1\\. ", "\n\n1\\. " + "_em_ " * pairs, 1)
        em[pairs] = _timed(_markdown(text), repeats)
        rows.append(_row(f"import: a paragraph of {pairs:,} _em_ pairs ({pairs * 5 / 1e6:g} MB)", em[pairs],
                         None, "refused over the 1,000,000 JSON values of a report" if pairs * 3 > 1e6 else ""))
    rows.append(_row("import: reference DOCX without its footnotes relationship",
                     _timed(_docx(_no_footnotes_relationship()), repeats), 0.5))
    return rows
