"""Importing a long UN template document not made by us (issue 15): the target is a 250-page
document read in at most 2 s and 300 MiB. Used by ``run.py --only foreign``.

The document is the UNECE sample (../shared/samples/ECE_TRANS_WP.29_GTR15_annexes_1_2.docx, 141
pages as LibreOffice lays it out) with its body repeated: 250 pages is the body and its first 77 %
again (250/141 of it), 282 pages the body twice. Each import runs in
a fresh process, so that its peak memory (the process's maximum resident set) is its own; the
figure is the median of ``repeats`` processes, each timing ``import_file`` (reading, the checks
``load`` makes, the coverage summary) once.
"""

from __future__ import annotations

import copy
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("CSTD_SHARED_DIR") or HERE.parent.parent / "shared")
SAMPLE = SHARED / "samples" / "ECE_TRANS_WP.29_GTR15_annexes_1_2.docx"
#: The sample's pages as LibreOffice 7 lays them out (soffice --convert-to pdf; pdfinfo).
SAMPLE_PAGES = 141
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MiB = 1024 * 1024


def repeated(pages: int) -> bytes:
    """The sample with its body (all but the final section properties) repeated to about ``pages`` pages."""
    from lxml import etree

    with zipfile.ZipFile(SAMPLE) as source:
        root = etree.fromstring(source.read("word/document.xml"))
        body = root.find(f"{{{W}}}body")
        content = [child for child in body if child.tag != f"{{{W}}}sectPr"]
        final = body.find(f"{{{W}}}sectPr")
        more = round(len(content) * (pages - SAMPLE_PAGES) / SAMPLE_PAGES)  # the elements beyond the sample's
        for index in range(more):
            (final.addprevious if final is not None else body.append)(copy.deepcopy(content[index % len(content)]))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for name in source.namelist():
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) \
                    if name == "word/document.xml" else source.read(name)
                target.writestr(name, data)
    return out.getvalue()


def child(path: str) -> dict[str, Any]:
    """In a fresh process: import the document once; its time, peak memory and coverage."""
    from cstd_docs.readers import import_file

    start = time.perf_counter()
    imported = import_file(path)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
    coverage = imported.coverage
    return {"seconds": seconds, "peak": peak, "words": coverage.words if coverage else 0,
            "kept": coverage.kept if coverage else 0}


def measure(repeats: int, workdir: Path) -> list[dict[str, Any]]:
    """The rows of the case (``run.Row`` fields): time and memory for the sample and the 282-page document."""
    if not SAMPLE.exists():
        return [{"case": "import: 250-page UN template document", "value": None, "unit": "s", "target": "≤ 2 s",
                 "ok": None, "note": f"skipped: {SAMPLE} not found (set CSTD_SHARED_DIR)"}]
    rows = []
    for pages in (SAMPLE_PAGES, 250, 2 * SAMPLE_PAGES):
        path = workdir / f"ece-{pages}.docx"
        path.write_bytes(repeated(pages) if pages > SAMPLE_PAGES else SAMPLE.read_bytes())
        runs = []
        for _ in range(repeats):
            done = subprocess.run([sys.executable, str(HERE / "foreign.py"), str(path)], capture_output=True,
                                  text=True, check=True)
            runs.append(json.loads(done.stdout))
        seconds = statistics.median(r["seconds"] for r in runs)
        peak = statistics.median(r["peak"] for r in runs) / MiB
        target = pages == 250
        words = f"{runs[0]['words']:,} words, {runs[0]['kept']:,} kept"
        rows.append({"case": f"import: UNECE document, {pages} pages", "value": seconds, "unit": "s",
                     "target": "≤ 2 s" if target else "", "ok": seconds <= 2 if target else None, "note": words})
        rows.append({"case": f"import: UNECE document, {pages} pages, peak memory", "value": peak, "unit": "MiB",
                     "target": "≤ 300 MiB" if target else "", "ok": peak <= 300 if target else None, "note": ""})
    return rows


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1])))
