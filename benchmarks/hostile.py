"""Hostile inputs refused in bounded time and memory (issue 16). Used by ``run.py --only hostile``.

These were time limits inside unit tests (tests/hostile, tests/readers/test_hostile.py);
the unit tests now check what happens (the refusal, its place and words; nothing
decompressed before a zip bomb is refused), and the time and memory it takes are measured
here, against the same targets:

- every case of the hostile JSON corpus (tests/hostile/corpus.py) refused by ``loads``:
  the slowest, and the largest peak memory traced while loading a huge one;
- ``load`` of an endless device (/dev/zero), refused after reading the 64 MB limit;
- every hostile draft (tests/hostile/drafts.py) imported or refused: the slowest;
- a zip bomb (a 300 MB document part in a zip of less than 2 MB), refused before
  decompressing; the "billion laughs" entity expansion, refused at its DOCTYPE;
- a field instruction in 200,000 pieces, and a Markdown paragraph of 200,000 "[" (a
  cross-reference was looked for at each one: 40,000 took 36 s).
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the hostile corpora live with the tests

import cstd_docs  # noqa: E402
from cstd_docs.errors import ReportError  # noqa: E402

MiB = 1024 * 1024


def _seconds(act: Callable[[], object], repeats: int) -> float:
    """The median time of ``act``; a refusal is an outcome like any other: its time counts."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        with contextlib.suppress(ReportError):
            act()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _row(case: str, value: float, unit: str, target: float, note: str = "") -> dict[str, Any]:
    return {"case": case, "value": value, "unit": unit, "target": f"≤ {target:g} {unit}", "ok": value <= target,
            "note": note}


def _corpus(repeats: int) -> list[dict[str, Any]]:
    from tests.hostile.corpus import CASES_LIST

    slowest, name = 0.0, ""
    peak, peak_name = 0, ""
    for case in CASES_LIST:
        data = case.data()  # made before the clock starts: generating a huge case is not loading it
        seconds = _seconds(lambda data=data: cstd_docs.loads(data), repeats)  # type: ignore[misc]
        if seconds > slowest:
            slowest, name = seconds, case.name
        if case.huge:  # traced apart: tracing makes loading about 7 times slower
            tracemalloc.start()
            try:
                with contextlib.suppress(ReportError):
                    cstd_docs.loads(data)
                traced = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
            if traced > peak:
                peak, peak_name = traced, case.name
    return [_row(f"load: the slowest of {len(CASES_LIST)} hostile JSON cases", slowest, "s", 5.0, name),
            _row("load: the largest peak memory of a huge hostile case (traced)", peak / MiB, "MiB", 200.0, peak_name)]


def _drafts(repeats: int, folder: Path) -> dict[str, Any]:
    from tests.hostile.drafts import DRAFTS

    from cstd_docs.readers import import_file

    slowest, name = 0.0, ""
    for draft in DRAFTS:
        path = folder / f"draft{draft.suffix}"
        path.write_bytes(draft.make())
        seconds = _seconds(lambda path=path: import_file(path), repeats)  # type: ignore[misc]
        if seconds > slowest:
            slowest, name = seconds, draft.name
    return _row(f"import: the slowest of {len(DRAFTS)} hostile drafts", slowest, "s", 10.0, name)


def _zip_bomb() -> bytes:
    from tests.ooxml import CONTENT_TYPES, PACKAGE_RELS, zip_package

    return zip_package({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS,
                        "word/document.xml": b"<a>" + b" " * (300 * MiB) + b"</a>"})


def _billion_laughs() -> bytes:
    from tests.ooxml import CONTENT_TYPES, PACKAGE_RELS, W, zip_package

    entities = "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                       for i in range(1, 10))
    document = (f'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">{entities}]>'
                f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
    return zip_package({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS,
                        "word/document.xml": document.encode()})


def _field_in_pieces(pieces: int) -> bytes:
    from tests.ooxml import CONTENT_TYPES, PACKAGE_RELS, document_xml, zip_package

    runs = b"".join([b'<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                     b"<w:r><w:instrText>x</w:instrText></w:r>" * pieces,
                     b'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>',
                     b'<w:r><w:fldChar w:fldCharType="end"/></w:r>'])
    document = document_xml("<w:p>" + runs.decode() + "<w:r><w:t> text</w:t></w:r></w:p>")
    # stored: deflated, so repetitive a part looks like a zip bomb
    return zip_package({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS,
                        "word/document.xml": document}, compression=zipfile.ZIP_STORED)


def measure(repeats: int, folder: Path) -> list[dict[str, Any]]:
    """The rows of the hostile cases (``run.Row`` fields)."""
    rows = _corpus(repeats)
    if Path("/dev/zero").exists():
        rows.append(_row("load: /dev/zero, refused after the 64 MB limit",
                         _seconds(lambda: cstd_docs.load("/dev/zero"), repeats), "s", 5.0))
    rows.append(_drafts(repeats, folder))
    bomb, laughs, field = _zip_bomb(), _billion_laughs(), _field_in_pieces(200_000)
    rows += [
        _row("read_docx: a zip bomb (300 MB part), refused",
             1000 * _seconds(lambda: cstd_docs.read_docx(bomb), repeats), "ms", 1000),
        _row("read_docx: billion laughs, refused", 1000 * _seconds(lambda: cstd_docs.read_docx(laughs), repeats),
             "ms", 1000),
        _row("read_docx: a field instruction in 200,000 pieces",
             _seconds(lambda: cstd_docs.read_docx(field, warnings=[]), repeats), "s", 10.0),
        _row('read_markdown: a paragraph of 200,000 "[", refused',
             _seconds(lambda: cstd_docs.read_markdown("# T\n\n## I. C\n\n1\\. " + "[" * 200_000 + "\n", warnings=[]),
                      repeats), "s", 10.0),
    ]
    return rows
