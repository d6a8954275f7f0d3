"""The cases of issue 20: the library at its new breadth (instruments, tables, every example).

    python benchmarks/run.py --only pages,examples,pandoc-batch

- ``pages``: a session report of about 100 printed pages (``generate.session_report_data``;
  its page count is taken from LibreOffice's PDF when LibreOffice is installed), rendered to
  DOCX in-process, and the round trip (render, then read the draft back), per 100 pages.
- ``examples``: every report in ``examples/`` to DOCX and to Markdown, in-process.
- ``pandoc-batch``: reports with the new content through ``cstd-docs render … --out-dir
  --jobs 2`` against pandoc converting the same reports' Markdown with ``xargs -P 2``,
  alternated in one run.

Each function returns rows as dictionaries with the fields of ``run.Row``.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"
sys.path.insert(0, str(HERE))

from generate import session_report_data  # noqa: E402

#: Report paragraphs of ``session_report_data`` that LibreOffice lays out on 100 A4 pages
#: (measured 30 November 2026: 625 paragraphs, 7 chapters each with a draft resolution of
#: 22 paragraphs, a draft decision and a table of 12 rows under a two-row header, gave 100
#: pages; 630 gave 101).
HUNDRED_PAGES = 625


def _median(fn: Callable[[], object], repeats: int) -> tuple[float, float]:
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def _soffice() -> str | None:
    return os.environ.get("CSTD_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")


def printed_pages(path: Path, workdir: Path, command: list[str], env: dict[str, str]) -> int | None:
    """The page count of LibreOffice's PDF of the report at ``path``, or None without LibreOffice."""
    if _soffice() is None or shutil.which("pdfinfo") is None:
        return None
    pdf = workdir / (path.stem + ".pdf")
    done = subprocess.run([*command, "render", str(path), "-o", str(pdf)], capture_output=True, env=env, check=False)
    if done.returncode != 0:
        return None
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def case_pages(repeats: int, workdir: Path, command: list[str], env: dict[str, str]) -> list[dict[str, Any]]:
    import cstd_docs

    path = workdir / "session-100-pages.json"
    path.write_text(json.dumps(session_report_data(HUNDRED_PAGES)), encoding="utf-8")
    report = cstd_docs.load(path)
    pages = printed_pages(path, workdir, command, env)
    counted = pages is not None
    pages = pages or 100
    render, best = _median(lambda: cstd_docs.docx_bytes(report), repeats)
    per100 = render * 100 / pages
    draft = cstd_docs.docx_bytes(report)

    def round_trip() -> object:
        return cstd_docs.read_docx(cstd_docs.docx_bytes(report), warnings=[])

    trip, _ = _median(lambda: cstd_docs.read_docx(draft, warnings=[]), max(1, repeats // 2))
    whole, _ = _median(round_trip, max(1, repeats // 2))
    where = "pages counted in LibreOffice's PDF" if counted else "LibreOffice absent: 100 pages assumed (calibrated)"
    return [
        {"case": "DOCX per 100 printed pages (in-process)", "value": per100, "unit": "s", "target": "≤ 0.5 s",
         "ok": per100 <= 0.5,
         "note": f"{pages} pages ({where}), {HUNDRED_PAGES} report paragraphs with resolutions and decisions; "
                 f"render {render:.3f} s, fastest {best:.3f} s"},
        {"case": "round trip per 100 pages: render + read back", "value": whole * 100 / pages, "unit": "s",
         "target": "", "ok": None,
         "note": f"reading the draft alone {trip * 100 / pages:.3f} s; a commercial .NET library publishes "
                 "1.5 s for a 100-page DOCX round trip on a laptop"},
    ]


def case_examples(repeats: int) -> list[dict[str, Any]]:
    import cstd_docs

    rows = []
    for path in sorted(EXAMPLES.glob("*.json")):
        report = cstd_docs.load(path)
        docx, _ = _median(lambda r=report: cstd_docs.docx_bytes(r), repeats)
        md, _ = _median(lambda r=report: cstd_docs.render_markdown(r), repeats)
        rows.append({"case": f"example {path.name} → DOCX", "value": docx * 1000, "unit": "ms", "target": "",
                     "ok": None, "note": f"→ Markdown {md * 1000:.1f} ms"})
    return rows


def _batch_inputs(count: int, folder: Path) -> list[Path]:
    """``count`` reports cycling through every example (the new content, not one report copied)."""
    sources = sorted(EXAMPLES.glob("*.json"))
    folder.mkdir(exist_ok=True)
    inputs = []
    for i in range(count):
        source = sources[i % len(sources)]
        data = json.loads(source.read_text(encoding="utf-8"))
        data.pop("$schema", None)  # the copies live elsewhere; the schema reference is relative
        path = folder / f"{i:03}-{source.stem}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        inputs.append(path)
    return inputs


def case_pandoc_batch(count: int, rounds: int, workdir: Path, command: list[str],
                      env: dict[str, str]) -> list[dict[str, Any]]:
    name = f"batch: {count} reports, `render --jobs 2` / pandoc with `xargs -P 2`"
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return [{"case": name, "value": None, "unit": "×", "target": "≤ 0.12", "ok": None,
                 "note": "skipped: pandoc is not installed"}]
    inputs = _batch_inputs(count, workdir / "pandoc-batch-in")
    markdown = workdir / "pandoc-batch-md"
    subprocess.run([*command, "render", *map(str, inputs), "--out-dir", str(markdown), "--format", "md",
                    "--jobs", "2"], check=True, capture_output=True, env=env)
    sources = sorted(markdown.glob("*.md"))
    listing = "\n".join(str(p) for p in sources) + "\n"
    into = workdir / "pandoc-batch-pandoc"
    into.mkdir(exist_ok=True)
    xargs = ["xargs", "-P", "2", "-I{}", "sh", "-c", f'{pandoc} "$1" -o "{into}/$(basename "$1" .md).docx"', "_", "{}"]
    ours_cmd = [*command, "render", *map(str, inputs), "--out-dir", str(workdir / "pandoc-batch-ours"),
                "--format", "docx", "--jobs", "2"]
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(ours_cmd, check=True, capture_output=True, env=env)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        subprocess.run(xargs, input=listing, text=True, check=True, capture_output=True, env=env)
        theirs.append(time.perf_counter() - start)
    a, b = statistics.median(ours), statistics.median(theirs)
    ratio = a / b
    kinds = len(sorted(EXAMPLES.glob("*.json")))
    return [{"case": name, "value": ratio, "unit": "×", "target": "≤ 0.12", "ok": ratio <= 0.12,
             "note": f"medians of {rounds} alternated rounds: cstd-docs {a:.2f} s, pandoc {b:.2f} s; "
                     f"the {kinds} examples cycled; load average {os.getloadavg()[0]:.1f}"}]
