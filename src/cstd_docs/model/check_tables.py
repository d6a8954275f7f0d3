"""The checks of tables and figures (issue 13), a part of model/check.py's one pass over the report."""

from __future__ import annotations

from typing import Protocol

from cstd_docs.errors import Problem
from cstd_docs.model.inline import Inlines, TableNoteMark
from cstd_docs.model.tables import MAX_IMAGE_BYTES, Cell, Figure, Table, columns_of, image_info, spread
from cstd_docs.model.text_checks import ID, known, text_problems

__all__ = ["TableChecks"]


class _Host(Protocol):
    """What the checks of tables need of the pass they are part of (model/check.py)."""

    problems: list[Problem]
    unnumbered: set[str]
    #: The notes of the table whose cells are being checked (None outside them), and the marked ones.
    table_notes: dict[str, str] | None
    marked: set[str]

    def define(self, ident: str | None, path: str) -> None: ...

    def inlines(self, path: str, inlines: Inlines, owner: str | None, *, in_note: bool = False) -> None: ...

    def columns(self, path: str, table: Table) -> None: ...

    def cells(self, path: str, rows: tuple[tuple[Cell, ...], ...], width: int, owner: str | None) -> None: ...


class TableChecks:
    """A table's title, columns, rows filling them, cells, lettered notes and their marks, source; a figure's."""

    table_notes: dict[str, str] | None
    marked: set[str]

    def table_note_mark(self: _Host, path: str, mark: TableNoteMark) -> None:
        if self.table_notes is None:
            self.problems.append(Problem(path, "a table note's mark stands outside a table's cells",
                                         "mark a table's note in one of its cells; a note elsewhere is {\"note\": …}"))
        elif mark.note not in self.table_notes:
            self.problems.append(Problem(path, f"the table has no note {mark.note!r}", known(mark.note,
                                                                                              list(self.table_notes))))
        else:
            self.marked.add(mark.note)

    def table(self: _Host, path: str, table: Table) -> None:
        """Title, columns, every row filling them, the cells' text, the notes and their marks, the source."""
        self.define(table.id, path)
        if table.title is None:
            if table.id is not None:  # untitled: no number for a cross-reference to print
                self.unnumbered.add(table.id)
        else:
            self.inlines(f"{path}.title", table.title, table.id)
        self.columns(path, table)
        if not table.rows and not table.header:
            self.problems.append(Problem(f"{path}.rows", "a table has no rows",
                                         'add its rows: [["cell", "cell"], …]'))
        notes: dict[str, str] = {}
        for index, note in enumerate(table.notes):
            here = f"{path}.notes[{index}]"
            if not ID.fullmatch(note.id):
                self.problems.append(Problem(f"{here}.id", f"id {note.id!r} is not usable",
                                             "start with a letter; use letters, digits, '-', '_', '.', ':'"))
            if note.id in notes:
                self.problems.append(Problem(f"{here}.id", f"duplicate note id {note.id!r}, first used at "
                                             f"{notes[note.id]}", "give it another id"))
            notes.setdefault(note.id, here)
            self.inlines(f"{here}.text", note.text, table.id, in_note=True)
        self.table_notes, self.marked = notes, set[str]()
        width = columns_of(table)
        for part in ("header", "rows"):
            self.cells(f"{path}.{part}", getattr(table, part), width, table.id)
        self.table_notes = None
        for ident, here in notes.items():
            if ident not in self.marked:
                self.problems.append(Problem(here, f"note {ident!r} has no mark in the table",
                                             f'mark it in a cell with {{"table_note": "{ident}"}}, or remove it'))
        if table.source is not None:
            self.inlines(f"{path}.source", table.source, table.id)

    def columns(self: _Host, path: str, table: Table) -> None:
        widths = [column.width for column in table.columns if column.width is not None]
        for index, column in enumerate(table.columns):
            if column.width is not None and not 1 <= column.width <= 100:
                self.problems.append(Problem(f"{path}.columns[{index}].width", f"a width of {column.width} per cent",
                                             "give a width from 1 to 100 (per cent of the text column)"))
        total, given = sum(widths), len(widths)
        if given == len(table.columns) and given and total != 100:
            self.problems.append(Problem(f"{path}.columns", f"the widths add up to {total} per cent, not 100",
                                         "make them add up to 100, or leave one out to take the rest"))
        elif given < len(table.columns) and total >= 100:
            self.problems.append(Problem(f"{path}.columns", f"the widths given take {total} per cent: nothing is "
                                         "left for the columns without one", "make them add up to less than 100"))

    def cells(self: _Host, path: str, rows: tuple[tuple[Cell, ...], ...], width: int, owner: str | None) -> None:
        _, problems = spread(rows, width)
        for problem in problems:
            here = f"{path}[{problem.row}]" + (f"[{problem.cell}]" if problem.cell is not None else "")
            self.problems.append(Problem(here, problem.message, problem.hint))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                here = f"{path}[{r}][{c}]"
                if cell.text != ("",):  # an empty cell is blank, not a mistake
                    self.inlines(here, cell.text, owner)

    def figure(self: _Host, path: str, figure: Figure) -> None:
        self.define(figure.id, path)
        self.inlines(f"{path}.title", figure.title, figure.id)
        if not figure.image:
            self.problems.append(Problem(f"{path}.image", "the image is empty",
                                         'give the image as "data:image/png;base64,…" (a PNG, JPEG or GIF file)'))
        elif len(figure.image) > MAX_IMAGE_BYTES:
            self.problems.append(Problem(f"{path}.image", f"the image is {len(figure.image) / 1024 / 1024:.1f} MB; a "
                                         f"figure's image may be at most {MAX_IMAGE_BYTES // 1024 // 1024} MB",
                                         "save the figure smaller (a PNG of a chart, a JPEG of a photograph)"))
        elif image_info(figure.image) is None:
            self.problems.append(Problem(f"{path}.image", "the image is not a PNG, JPEG or GIF image, or is damaged",
                                         "save the figure as PNG or JPEG and give that file"))
        if not 1 <= figure.width <= 100:
            self.problems.append(Problem(f"{path}.width", f"a width of {figure.width} per cent",
                                         "give a width from 1 to 100 (per cent of the text column)"))
        self.problems.extend(text_problems(f"{path}.description", figure.description))
        if figure.source is not None:
            self.inlines(f"{path}.source", figure.source, figure.id)
