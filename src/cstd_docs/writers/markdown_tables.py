"""Tables and figures as Markdown (issue 13): a pipe table where one can say it all, HTML where not.

A pipe table holds one header row, cells of one row and column each, one alignment per column;
its delimiter row gives each column as many dashes as its width in per cent (pandoc reads them
as relative widths), or three each when the columns share the width equally. Any other table
(no header row or several, cells spanning, a cell aligned apart from its column) is an HTML
``<table>``, one element a line, the cells' text as Markdown. A figure is its image as a
``data:`` URI, ``{width=50%}`` after it when narrower than the text column (pandoc's attributes).
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence

from cstd_docs.model import Alignment, image_info
from cstd_docs.resolve.document import ResolvedCell, ResolvedFigure, ResolvedRow, ResolvedTable, Runs

#: Inline runs as Markdown, a line break printed as given ("<br>" in a cell).
RunsToText = Callable[[Runs, str], str]

_DELIMITERS = {Alignment.LEFT: ("", ""), Alignment.CENTER: (":", ":"), Alignment.RIGHT: ("", ":")}


def table_markdown(block: ResolvedTable, runs: RunsToText) -> str:
    """The table's grid: a pipe table, or HTML where a pipe table cannot say it."""
    columns = len(block.widths)
    aligned = _column_alignments(block, columns)
    if len(block.header) == 1 and aligned is not None and _unspanned(block):
        return _pipe(block, aligned, runs)
    return _html(block, runs)


def _equal(widths: Sequence[float]) -> bool:
    return max(widths) - min(widths) < 0.01 if widths else True


def _unspanned(block: ResolvedTable) -> bool:
    return all(isinstance(c, ResolvedCell) and c.colspan == 1 and c.rowspan == 1
               for row in (*block.header, *block.rows) for c in row)


def _column_alignments(block: ResolvedTable, columns: int) -> list[Alignment] | None:
    """Each column's alignment, when all its cells share it; None when a cell stands apart."""
    out: list[Alignment | None] = [None] * columns
    for row in (*block.header, *block.rows):
        if len(row) != columns:
            return None
        for at, cell in enumerate(row):
            if out[at] not in (None, cell.align):
                return None
            out[at] = cell.align
    return [a or Alignment.LEFT for a in out]


def _dashes(widths: Sequence[float]) -> list[int]:
    """Whole per cents adding up to 100 (the largest remainders rounded up), at least one each: read
    back, the counts are the widths, given whole (shares of 87 per cent left, 6.5 each, round to 6)."""
    counts = [max(1, int(width)) for width in widths]
    by_remainder = sorted(range(len(widths)), key=lambda at: widths[at] - int(widths[at]), reverse=True)
    for at in by_remainder[: max(0, 100 - sum(counts))]:
        counts[at] += 1
    return counts


def _pipe(block: ResolvedTable, aligned: list[Alignment], runs: RunsToText) -> str:
    equal = _equal(block.widths)
    lines = [_pipe_row(block.header[0], runs)]
    delimiters = []
    counts = [3] * len(aligned) if equal else _dashes(block.widths)
    for dashes, align in zip(counts, aligned, strict=True):
        before, after = _DELIMITERS[align]
        delimiters.append(f"{before}{'-' * dashes}{after}")
    lines.append("|" + "|".join(delimiters) + "|")
    lines.extend(_pipe_row(row, runs) for row in block.rows)
    return "\n".join(lines)


def _pipe_row(row: ResolvedRow, runs: RunsToText) -> str:
    texts = [runs(c.text, "<br>") if isinstance(c, ResolvedCell) else "" for c in row]
    return "| " + " | ".join(texts) + " |"


def _html(block: ResolvedTable, runs: RunsToText) -> str:
    lines = ["<table>"]
    if not _equal(block.widths):
        lines.append("<colgroup>")
        lines.extend(f'<col style="width: {width:g}%">' for width in block.widths)
        lines.append("</colgroup>")
    for part, rows, tag in (("thead", block.header, "th"), ("tbody", block.rows, "td")):
        if not rows:
            continue
        lines.append(f"<{part}>")
        for row in rows:
            cells = "".join(_html_cell(cell, tag, runs) for cell in row if isinstance(cell, ResolvedCell))
            lines.append(f"<tr>{cells}</tr>")
        lines.append(f"</{part}>")
    lines.append("</table>")
    return "\n".join(lines)


def _html_cell(cell: ResolvedCell, tag: str, runs: RunsToText) -> str:
    attributes = ""
    if cell.colspan > 1:
        attributes += f' colspan="{cell.colspan}"'
    if cell.rowspan > 1:
        attributes += f' rowspan="{cell.rowspan}"'
    if cell.align is not Alignment.LEFT:
        attributes += f' style="text-align: {cell.align.value}"'
    return f"<{tag}{attributes}>{runs(cell.text, '<br>')}</{tag}>"


def figure_markdown(block: ResolvedFigure, escape: Callable[[str], str]) -> str:
    """The image, with its description as the alternative text."""
    info = image_info(block.image)
    kind = info.kind if info is not None else "png"
    data = base64.b64encode(block.image).decode("ascii")
    width = f"{{width={block.width}%}}" if block.width != 100 else ""
    return f"![{escape(block.description)}](data:image/{kind};base64,{data}){width}"
