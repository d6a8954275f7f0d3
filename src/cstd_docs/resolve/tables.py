"""Tables and figures resolved (issue 13): captions numbered, widths and alignments decided, the grid
laid out place by place, note letters given, so that writers only lay them out.

A table's texts may name blocks not yet numbered (a cross-reference in a cell), so a table is made
once every text is settled: :class:`PendingFloat` holds its texts in reading order (title, header
cells, body cells, notes, source) and builds the block from them settled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from attrs import frozen

from cstd_docs.model import Alignment, Figure, Inlines, Table
from cstd_docs.model.tables import Cell, Slot, columns_of, spread
from cstd_docs.resolve.document import (
    ResolvedBlock,
    ResolvedCell,
    ResolvedFigure,
    ResolvedRow,
    ResolvedTable,
    ResolvedTableNote,
    Runs,
    SpannedCell,
)

#: Inline content made into runs that may still hold cross-references (the resolver's ``runs``).
ToRuns = Callable[[Inlines], tuple[Any, ...]]


@frozen
class PendingFloat:
    """A table or figure whose texts wait for the cross-references to be settled."""

    make: Callable[[Iterator[Runs]], ResolvedBlock]
    texts: tuple[tuple[Any, ...], ...]

    def settled(self, settle: Callable[[tuple[Any, ...]], Runs]) -> ResolvedBlock:
        return self.make(iter([settle(text) for text in self.texts]))


def widths(table: Table) -> tuple[float, ...]:
    """Each column's width in per cent: its own, or an equal share of what the others leave."""
    count = columns_of(table)
    given = [column.width for column in table.columns]
    given += [None] * (count - len(given))
    free = [w for w in given if w is None]
    share = (100 - sum(w for w in given if w is not None)) / len(free) if free else 0.0
    return tuple(float(w) if w is not None else share for w in given)


def _aligned(table: Table, slot: Slot) -> Alignment:
    if slot.cell.align is not None:
        return slot.cell.align
    return table.columns[slot.column].align if slot.column < len(table.columns) else Alignment.LEFT


def table(node: Table, caption: str | None, number: str, runs: ToRuns, letter: Callable[[int], str],
          source_label: str) -> PendingFloat:
    """The pending block of a table; ``runs`` makes its texts' runs in reading order (notes numbered so)."""
    width = columns_of(node)
    texts: list[tuple[Any, ...]] = [runs(node.title) if node.title is not None else ()]
    grids: list[list[list[Slot]]] = []
    for part in (node.header, node.rows):
        grid, _ = spread(part, width)  # the checks made sure it fits
        grids.append(grid)
        texts.extend(runs(slot.cell.text) for row in grid for slot in row if slot.start)
    texts.extend(runs(note.text) for note in node.notes)
    if node.source is not None:
        texts.append(runs(node.source))

    def make(settled: Iterator[Runs]) -> ResolvedBlock:
        title = next(settled)
        header, body = (tuple(_row(node, row, settled) for row in grid) for grid in grids)
        notes = tuple(ResolvedTableNote(letter(index), next(settled)) for index, _ in enumerate(node.notes, 1))
        source = next(settled) if node.source is not None else None
        return ResolvedTable(caption, title, widths(node), header, body, notes, source, source_label,
                             id=node.id, origin=node, number=number)

    return PendingFloat(make, tuple(texts))


def _row(node: Table, row: list[Slot], settled: Iterator[Runs]) -> ResolvedRow:
    out: list[ResolvedCell | SpannedCell] = []
    last: Cell | None = None
    for slot in row:
        cell: Cell = slot.cell
        if slot.start:
            out.append(ResolvedCell(next(settled), cell.colspan, cell.rowspan, _aligned(node, slot)))
        elif cell is not last:  # one place for all the columns it spans
            out.append(SpannedCell(cell.colspan, _aligned(node, slot)))
        last = cell
    return tuple(out)


def figure(node: Figure, caption: str, number: str, runs: ToRuns, source_label: str) -> PendingFloat:
    texts = (runs(node.title), *((runs(node.source),) if node.source is not None else ()))

    def make(settled: Iterator[Runs]) -> ResolvedBlock:
        title = next(settled)
        source = next(settled) if node.source is not None else None
        return ResolvedFigure(caption, title, node.image, node.description, node.width, source, source_label,
                              id=node.id, origin=node, number=number)

    return PendingFloat(make, texts)
