"""Tables and figures read back into the model (issue 13), the assembly's part for both formats.

A table or figure that prints exactly what the base's printed is the base's node, whole (its ids,
its cross-references, its notes' ids). Any other is made from what it shows: the title (none: an
untitled table), the widths (none when the columns share the text column equally; else whole per
cents adding up to 100), each column's alignment (the one most of its body cells take; a cell
that stands apart keeps its own), the spans, the notes lettered as printed with their marks in
the cells, the source. A mark no note answers, or a note no mark names, cannot be kept as such:
the reader says so.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import attrs

from cstd_docs.model import Alignment, Cell, Column, Figure, Inline, Table, TableNote, TableNoteMark
from cstd_docs.readers.inlines import Context
from cstd_docs.readers.match import Placed
from cstd_docs.readers.signature import runs_plain
from cstd_docs.readers.visible import CellRun, VCell, VFigure, VNoteLetter, VRun, VTable

#: Columns whose widths differ by less than this (per cent) share the text column equally.
EQUAL = 0.6


def _whole(width: float) -> bool:
    return abs(width - round(width)) < 0.01


def _shares(widths: tuple[float, ...]) -> list[int | None] | None:
    """Widths given whole and equal shares of what they leave (87, 6.5, 6.5, as the writer prints a
    table some of whose widths are given): those given, None for the others; else None."""
    given = [round(w) for w in widths if _whole(w)]
    rest = [w for w in widths if not _whole(w)]
    if not given or not rest or max(rest) - min(rest) > 0.01 or sum(given) >= 100:
        return None
    if abs(sum(given) + sum(rest) - 100) > 0.01 * len(widths):
        return None
    return [round(w) if _whole(w) else None for w in widths]


def float_block(ctx: Context, placed: Placed) -> Table | Figure:
    shown = placed.block.floating
    assert shown is not None  # a table's or a figure's block carries it (classify)
    exact = placed.exact
    if exact is not None and isinstance(exact.node, (Table, Figure)):
        return exact.node
    ident = placed.id if isinstance(placed.node, (Table, Figure)) else placed.anchor_id
    if isinstance(shown, VFigure):
        return Figure(ctx.inlines(shown.title), shown.image, shown.description, shown.width,
                      _source(ctx, shown.source), id=ident)
    return _Table(ctx, shown, placed).build(ident)


def _source(ctx: Context, source: Sequence[VRun] | None) -> tuple[Inline, ...] | None:
    return ctx.inlines(source) if source else None


class _Table:
    def __init__(self, ctx: Context, shown: VTable, placed: Placed) -> None:
        self.ctx = ctx
        self.shown = shown
        self.where = placed.block.where
        notes = [(letter, text) for letter, text in shown.notes if runs_plain(text).strip()]
        if len(notes) < len(shown.notes):
            ctx.warn(self.where, "a note under the table with no text was left out", "write its text, if it had one")
            self.shown = shown = attrs.evolve(shown, notes=tuple(notes))
        base = placed.node
        base_ids = [note.id for note in base.notes] if isinstance(base, Table) else []
        # The notes' ids: the base's where it had as many notes, else made from their letters.
        ids = base_ids if len(base_ids) == len(shown.notes) else [_note_id(letter, i)
                                                                  for i, (letter, _) in enumerate(shown.notes, 1)]
        self.ids = {letter: ident for (letter, _), ident in zip(shown.notes, ids, strict=True)}
        self.marked: set[str] = set()

    def build(self, ident: str | None) -> Table:
        shown = self.shown
        count = len(shown.widths)
        aligned = self._alignments(count)
        widths = self._widths()
        columns = tuple(Column(width, align) for width, align in zip(widths, aligned, strict=True))
        if all(c == Column() for c in columns):
            columns = ()
        header = self._rows(shown.header, aligned, count)
        rows = self._rows(shown.rows, aligned, count)
        notes = []
        for letter, text in shown.notes:
            if self.ids[letter] not in self.marked:
                self.ctx.warn(self.where, f"note {letter} under the table has no mark in its cells",
                              "it was left out; mark it in a cell, raised, and it reads again")
                continue
            notes.append(TableNote(self.ids[letter], self.ctx.inlines(text) or ("",)))
        title = self.ctx.inlines(shown.title) if shown.caption is not None and runs_plain(shown.title).strip() \
            else None
        return Table(title, columns, header, notes=tuple(notes), source=_source(self.ctx, shown.source), id=ident,
                     rows=rows)

    def _widths(self) -> list[int | None]:
        widths = self.shown.widths
        shares = _shares(widths)
        if shares is not None:
            return shares
        if not widths or max(widths) - min(widths) < EQUAL:
            return [None] * len(widths)
        rounded = [max(1, round(w)) for w in widths]
        rounded[-1] += 100 - sum(rounded)  # whole per cents that still fill the column
        if rounded[-1] < 1:
            return [None] * len(widths)
        return list(rounded)

    def _alignments(self, count: int) -> list[Alignment]:
        """Each column's alignment: the one most of the body cells starting in it (one column wide) take."""
        votes: list[Counter[Alignment]] = [Counter() for _ in range(count)]
        for row in _placed(self.shown.rows):
            for column, cell in row:
                if cell.colspan == 1 and column < count:
                    votes[column][cell.align] += 1
        return [max(v, key=lambda a: (v[a], a is Alignment.LEFT)) if v else Alignment.LEFT for v in votes]

    def _rows(self, rows: Sequence[Sequence[VCell]], aligned: list[Alignment],
              count: int) -> tuple[tuple[Cell, ...], ...]:
        out = []
        for placed, width in _grid(rows):
            cells: list[Cell] = []
            for column, shown in placed:
                own = aligned[column] if column < count else Alignment.LEFT
                cells.append(Cell(self._text(shown.runs), shown.colspan, shown.rowspan,
                                  None if shown.align is own else shown.align))
            if width < count:  # a short row (another document's): filled with empty cells
                cells.extend(Cell("") for _ in range(count - width))
            out.append(tuple(cells))
        return tuple(out)

    def _text(self, runs: Sequence[CellRun]) -> tuple[Inline, ...]:
        """A cell's text: its runs, the raised letters of its table's notes as their marks."""
        out: list[Inline] = []
        pending: list[VRun] = []
        for run in runs:
            if isinstance(run, VNoteLetter) and run.letter in self.ids:
                out.extend(self.ctx.inlines(pending))
                pending = []
                out.append(TableNoteMark(self.ids[run.letter]))
                self.marked.add(self.ids[run.letter])
            elif isinstance(run, VNoteLetter):  # no note of that letter: the letter, kept as text
                self.ctx.warn(self.where, f"a raised {run.letter!r} in a cell marks no note under the table",
                              "it was read as text")
                pending.append(run.letter)
            else:
                pending.append(run)
        out.extend(self.ctx.inlines(pending))
        if all(isinstance(item, str) and not item.strip() for item in out):
            return ("",)  # blanks alone print an empty cell (the model's blank cell)
        return tuple(out)


def _placed(rows: Sequence[Sequence[VCell]]) -> list[list[tuple[int, VCell]]]:
    """Each cell with the column it starts in, past the places cells above span down into."""
    return [placed for placed, _ in _grid(rows)]


def _grid(rows: Sequence[Sequence[VCell]]) -> list[tuple[list[tuple[int, VCell]], int]]:
    """Each row's cells with their columns, and how many columns the row fills (spanned down into too)."""
    covered: dict[int, int] = {}  # column → how many more rows a cell above covers it
    out = []
    for row in rows:
        above = {c for c, left in covered.items() if left > 0}
        placed: list[tuple[int, VCell]] = []
        column = 0
        for cell in row:
            while covered.get(column, 0) > 0:
                column += 1
            placed.append((column, cell))
            column += cell.colspan
        for start, cell in placed:
            for across in range(cell.colspan):
                if cell.rowspan > 1:
                    covered[start + across] = cell.rowspan
        covered = {c: left - 1 for c, left in covered.items() if left > 1}
        ends = [start + cell.colspan for start, cell in placed] + [c + 1 for c in above]
        out.append((placed, max(ends, default=0)))
    return out


def _note_id(letter: str, index: int) -> str:
    return f"note-{letter}" if re.fullmatch(r"[a-z]{1,2}", letter) else f"note-{index}"
