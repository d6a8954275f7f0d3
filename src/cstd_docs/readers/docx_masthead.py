"""The masthead a Word document prints, and what its first page says around it.

The masthead is the first table (in the body, or in the first-page header): "United Nations"
and the organ, the symbol in the first row's last cell, then the distribution, date and
language lines. The job number stands in the first page's footer; the page size tells the
duty station (US Letter is New York's, A4 Geneva's).
"""

from __future__ import annotations

from typing import Any

from cstd_docs.model import DutyStation, Report
from cstd_docs.readers.masthead import JOB_NUMBER
from cstd_docs.readers.wordml import WordDocument, w

__all__ = ["duty_station", "job_lines", "masthead_cells"]

#: The page width that tells the duty stations apart (twips): US Letter is New York's
#: (12240, 8.5 in; E/CN.5/2025/L.6), A4 Geneva's (11906, 21 cm).
_US_LETTER_WIDTH = 12240


def duty_station(body: Any) -> DutyStation | None:
    """The layout the final section's page size shows: US Letter is New York's, any other Geneva's."""
    size = body.find(f"{w('sectPr')}/{w('pgSz')}")
    width = size.get(w("w")) if size is not None else None
    if width is None or not width.isdigit() or len(width) > 6:
        return None
    return DutyStation.NEW_YORK if abs(int(width) - _US_LETTER_WIDTH) <= 20 else DutyStation.GENEVA


def job_lines(document: WordDocument, body: Any, base: Report | None) -> list[str]:
    """The job number in the first page's footer: the base's, or anything that looks like one."""
    job = base.masthead.job_number if base is not None else None
    footer = document.first_page_lines(body, "footer")
    if job is not None and " ".join(" ".join(footer).split()) == " ".join(job.split()):
        return [job]
    like = [line for line in footer if JOB_NUMBER.fullmatch(line.strip())]
    return like or footer[:1] if len(footer) <= 1 else like  # a footer of one line holds the job number


def masthead_cells(document: WordDocument, table: Any) -> tuple[str | None, list[str]]:
    """The symbol (the first row's last cell, beside "United Nations") and the masthead's lines.

    The symbol is known by its place: its text may be anything ("E/CN.16/2022/2", or words).
    """
    rows: list[list[list[str]]] = []
    symbol: str | None = None
    for row in table.iter(w("tr")):
        shown = [document.paragraph_lines(cell) for cell in row.findall(w("tc"))]
        if not rows and len(shown) > 1 and not shown[-1] and any(shown[:-1]):
            symbol = ""  # the symbol's place, beside "United Nations", is empty: the report has none
        cells = [lines for lines in shown if lines]
        if cells:
            rows.append(cells)
    if rows and len(rows[0]) > 1 and len(rows[0][-1]) == 1:
        symbol = rows[0].pop()[0]
    return symbol, [line for cells in rows for lines in cells for line in lines]
