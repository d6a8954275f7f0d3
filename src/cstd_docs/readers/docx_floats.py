"""Tables and pictures of a Word document, read as printed (issue 13).

A table: its grid's widths, its rows (those Word repeats on each page, ``w:tblHeader``, are the
header), each cell where it starts with its spans (``w:gridSpan``; ``w:vMerge`` restarted and
continued down the rows) and its alignment (its first paragraph's ``w:jc``); a cell's raised
letters are the marks of the table's notes, its paragraphs lines of its text. Any Word table
reads so, ours or not (a UN template's, issue 15). A picture: its image's bytes from the part
its ``a:blip`` names, its description, its width against the text column.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
from attrs import define, field

from cstd_docs.lang import LanguagePack
from cstd_docs.model import Alignment
from cstd_docs.model.tables import MAX_IMAGE_BYTES
from cstd_docs.readers.classify import FloatLine, Line, TextLine
from cstd_docs.readers.docx_text import label_bookmark
from cstd_docs.readers.labels import float_caption, source_label
from cstd_docs.readers.signature import cut_runs
from cstd_docs.readers.tokens import Text, Token, has_note, plain, rejoin, runs_text, split_tabs, to_runs
from cstd_docs.readers.visible import CellRun, VCell, VFigure, VNoteLetter, VRun, VTable
from cstd_docs.readers.wordml import WordDocument, w

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#: A note's mark: one or two letters of any script, raised.
_LETTER = re.compile(r"[^\W\d_]{1,2}")
_ALIGN = {"center": Alignment.CENTER, "right": Alignment.RIGHT, "end": Alignment.RIGHT}
#: The G styles' indent of the text column, each side (twips): where our figures stand.
COLUMN_INDENT = 1134
EMU_PER_TWIP = 635


@define
class _Cell:
    column: int
    colspan: int
    runs: tuple[CellRun, ...]
    align: Alignment
    merge: str | None
    rowspan: int = 1


@define
class Grid:
    """What a Word table shows: its columns' widths in per cent, its header and body rows."""

    widths: tuple[float, ...]
    header: list[list[VCell]] = field(factory=list)
    rows: list[list[VCell]] = field(factory=list)


def cell_runs(tokens: list[Token]) -> list[CellRun]:
    """A cell paragraph's runs, its raised letters as note marks."""
    out: list[CellRun] = []
    pending: list[Token] = []
    for token in tokens:
        if isinstance(token, Text) and token.superscript and _LETTER.fullmatch(token.text.strip()):
            out.extend(to_runs(pending))
            pending = []
            out.append(VNoteLetter(token.text.strip()))
        else:
            pending.append(token)
    out.extend(to_runs(pending))
    return out


def _number(element: Any, default: int) -> int:
    value = element.get(w("val"), "") if element is not None else ""
    return int(value) if value.isascii() and value.isdigit() and 0 < len(value) <= 3 else default


class TableReader:
    """Reads the tables and pictures of one document."""

    def __init__(self, document: WordDocument, body: Any) -> None:
        self.document = document
        self.column = self._column(body)

    @staticmethod
    def _column(body: Any) -> int:
        """The text column's width (twips) from the page size and margins, less the G styles' indents."""
        size, margins = body.find(f"{w('sectPr')}/{w('pgSz')}"), body.find(f"{w('sectPr')}/{w('pgMar')}")
        width = 0
        if size is not None and margins is not None:
            values = [size.get(w("w"), ""), margins.get(w("left"), ""), margins.get(w("right"), "")]
            if all(v.isascii() and v.isdigit() and len(v) <= 6 for v in values):
                width = int(values[0]) - int(values[1]) - int(values[2])
        return width - 2 * COLUMN_INDENT if width > 2 * COLUMN_INDENT else 11907 - 4 * COLUMN_INDENT

    # --- tables ------------------------------------------------------------------------------------
    def grid(self, tbl: Any, where: str) -> Grid:
        rows: list[list[_Cell]] = []
        header = 0
        for r, tr in enumerate(tbl.findall(w("tr"))):
            properties = tr.find(w("trPr"))
            repeated = properties is not None and properties.find(w("tblHeader")) is not None \
                and properties.find(w("tblHeader")).get(w("val"), "true") not in ("0", "false", "off")
            if repeated and header == r:
                header += 1
            rows.append(self._row(tr, properties, f"{where}, row {r + 1}"))
        widths = self._widths(tbl, rows)
        grid = Grid(widths)
        grid.header = _spanned(rows[:header])
        grid.rows = _spanned(rows[header:])
        return grid

    def _row(self, tr: Any, properties: Any, where: str) -> list[_Cell]:
        cells: list[_Cell] = []
        before = _number(properties.find(w("gridBefore")) if properties is not None else None, 0)
        column = before
        if before:
            cells.append(_Cell(0, before, (), Alignment.LEFT, None))
        for c, tc in enumerate(tr.findall(w("tc"))):
            tc_pr = tc.find(w("tcPr"))
            span = _number(tc_pr.find(w("gridSpan")) if tc_pr is not None else None, 1)
            merged = tc_pr.find(w("vMerge")) if tc_pr is not None else None
            merge = None if merged is None else ("restart" if merged.get(w("val")) == "restart" else "continue")
            runs, align = self._content(tc, f"{where}, cell {c + 1}")
            cells.append(_Cell(column, span, runs, align, merge))
            column += span
        after = _number(properties.find(w("gridAfter")) if properties is not None else None, 0)
        if after:
            cells.append(_Cell(column, after, (), Alignment.LEFT, None))
        return cells

    def _content(self, tc: Any, where: str) -> tuple[tuple[CellRun, ...], Alignment]:
        """A cell's lines as one text (a line break between paragraphs), and its first paragraph's alignment."""
        lines: list[list[CellRun]] = []
        align = Alignment.LEFT
        for index, p in enumerate(tc.iter(w("p"))):
            if index == 0:
                jc = p.find(f"{w('pPr')}/{w('jc')}")
                align = _ALIGN.get(jc.get(w("val"), "") if jc is not None else "", Alignment.LEFT)
            if p.find(f".//{w('drawing')}") is not None:
                self.document.warn(where, "a picture in a table's cell was not read",
                                   "a figure stands on its own under a caption (\"Figure I\")")
            lines.append(cell_runs(self.document.tokens(p, where=where)))
        if tc.find(f".//{w('tbl')}") is not None:
            self.document.warn(where, "a table inside a table's cell was read as lines of the cell's text",
                               "the report's tables do not nest")
        while lines and not lines[-1]:
            lines.pop()
        out: list[CellRun] = []
        for index, line in enumerate(lines):
            if index:
                out.append("\n")
            out.extend(line)
        return tuple(out), align

    @staticmethod
    def _widths(tbl: Any, rows: list[list[_Cell]]) -> tuple[float, ...]:
        count = max((sum(c.colspan for c in row) for row in rows), default=0)
        grid = [int(col.get(w("w"))) if col.get(w("w"), "").isdigit() and len(col.get(w("w"))) <= 6 else 0
                for col in tbl.findall(f"{w('tblGrid')}/{w('gridCol')}")]
        if len(grid) != count or not all(grid):
            return tuple(100 / count for _ in range(count)) if count else ()
        total = sum(grid)
        return tuple(width * 100 / total for width in grid)

    # --- pictures ----------------------------------------------------------------------------------
    def picture(self, p: Any, where: str) -> tuple[bytes, str, int] | None:
        """A paragraph's picture: its image, its description, its width in per cent of the column."""
        inline = next(p.iter(f"{{{WP}}}inline", f"{{{WP}}}anchor"), None)
        blip = next(p.iter(f"{{{A}}}blip"), None)
        if inline is None or blip is None:
            return None
        rel = self.document.rels.get(blip.get(f"{{{R}}}embed", ""))
        if rel is None or not self.document.pkg.has(rel[1]):
            self.document.warn(where, "a picture's image is missing from the document", "insert the picture again")
            return None
        data = self.document.pkg.read(rel[1])
        if len(data) > MAX_IMAGE_BYTES:
            self.document.warn(where, f"a picture of {len(data) // 1024 // 1024} MB was not read",
                               "give the figure as a smaller PNG or JPEG")
            return None
        extent = inline.find(f"{{{WP}}}extent")
        cx = extent.get("cx", "") if extent is not None else ""
        width = round(int(cx) * 100 / (self.column * EMU_PER_TWIP)) if cx.isdigit() and len(cx) < 12 else 100
        doc_pr = inline.find(f"{{{WP}}}docPr")
        description = doc_pr.get("descr", "") if doc_pr is not None else ""
        return data, description, min(max(width, 1), 100)


def _spanned(rows: list[list[_Cell]]) -> list[list[VCell]]:
    """The rows with each merge counted down (its rowspan) and its continued places dropped."""
    for r, row in enumerate(rows):
        for cell in row:
            if cell.merge != "restart":
                continue
            below = r + 1
            while below < len(rows) and any(c.column == cell.column and c.merge == "continue" for c in rows[below]):
                below += 1
            cell.rowspan = below - r
    out: list[list[VCell]] = []
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        for cell in row:
            if cell.merge == "restart":
                covered.update((r + down, cell.column) for down in range(1, cell.rowspan))
        out.append([VCell(c.runs, c.colspan, c.rowspan, c.align) for c in row
                    if not (c.merge == "continue" and (r, c.column) in covered)])
    return out


# --- the layout stage's part: captions, tables, pictures and the lines under them ---------------------
class DocxFloats:
    """Tables and figures as the DOCX reader meets them in reading order, made into :class:`FloatLine`.

    Our drafts say what each paragraph is by its style (CaptionG over CaptionTitleG, then the table
    or the picture, then TableNoteG lines); another document's table or picture takes the line
    before it as its caption when that line reads "Table 1" ("Figure I"), and a "Source:" line
    after it as its source.
    """

    def __init__(self, document: WordDocument, body: Any, lines: list[Line]) -> None:
        self.document = document
        self.reader = TableReader(document, body)
        self.lines = lines
        #: A caption read and waiting for its table or picture: (label, title, where).
        self.caption: tuple[str, list[VRun], str] | None = None
        #: The Word writer's bookmark on the caption's number: the table or figure is a reference's target.
        self.bookmark: str | None = None

    def paragraph(self, p: Any, style: str, tokens: list[Token], pack: LanguagePack, where: str) -> bool:
        """True when the paragraph was a caption, a figure or a line under a table or a figure."""
        text = plain(tokens).strip()
        if style == "captiong" and text:
            self.flush(pack)
            self.caption, self.bookmark = (text, [], where), label_bookmark(p)
            return True
        if style == "captiontitleg" and self.caption is not None:
            self.caption = (self.caption[0], to_runs(tokens) if text else [], self.caption[2])
            return True
        if p.find(f".//{w('drawing')}") is not None and p.find(f".//{{{A}}}blip") is not None:
            if not text:
                self.figure(p, pack, where)
                return True
            self.document.warn(where, "a picture inside a paragraph's text was not read",
                               "a figure stands on its own under a caption (\"Figure I\")")
        if not text and not has_note(tokens):
            return False
        if self.under(style, tokens, pack):
            return True
        self.flush(pack)
        return False

    def flush(self, pack: LanguagePack) -> None:
        """A caption with no table or picture under it: its lines, read as text."""
        if self.caption is None:
            return
        label, title, where = self.caption
        self.caption = self.bookmark = None
        self.document.warn(where, f"a caption ({label!r}) with no table or figure under it was read as text",
                           "put the table or the picture back under its caption, or delete the caption")
        self.lines.append(TextLine([label], where))
        if title:
            self.lines.append(TextLine(title, where))

    def _caption(self, pack: LanguagePack, figure: bool) -> tuple[str, list[VRun]] | None:
        """The caption waiting, or (another document's) the line before that reads as one."""
        if self.caption is not None:
            label, title, _ = self.caption
            self.caption = None
            return label, title
        last = self.lines[-1] if self.lines else None
        if not isinstance(last, TextLine) or last.instrument or last.number is not None:
            return None
        found = float_caption(pack, figure).match(runs_text(last.runs))
        if found is None:
            return None
        self.lines.pop()
        return found.group(1), [found.group(2).strip()] if found.group(2).strip() else []

    def table(self, tbl: Any, pack: LanguagePack, where: str) -> None:
        bookmark, self.bookmark = self.bookmark, None
        caption = self._caption(pack, figure=False)
        grid = self.reader.grid(tbl, where)
        if not grid.rows and not grid.header:
            return
        label, title = caption if caption is not None and caption[1] else (None, [])
        if caption is not None and not caption[1]:
            self.document.warn(where, f"the caption {caption[0]!r} has no title under it",
                               "the table was read as an untitled table; give it its title back")
        shown = VTable(label, tuple(title), grid.widths, tuple(map(tuple, grid.header)), tuple(map(tuple, grid.rows)))
        self.lines.append(FloatLine(shown, where, bookmark=bookmark if label is not None else None))

    def figure(self, p: Any, pack: LanguagePack, where: str) -> None:
        bookmark, self.bookmark = self.bookmark, None
        caption = self._caption(pack, figure=True)
        picture = self.reader.picture(p, where)
        if picture is None:
            return
        if caption is None or not caption[1]:
            self.document.warn(where, "a picture without a caption (\"Figure I\" over its title) was not read",
                               "give it its caption and title, and it reads as a figure")
            return
        image, description, width = picture
        self.lines.append(FloatLine(VFigure(caption[0], tuple(caption[1]), image, description, width), where,
                                    bookmark=bookmark))

    def under(self, style: str, tokens: list[Token], pack: LanguagePack) -> bool:
        """A source or a note under the table or figure just read."""
        last = self.lines[-1] if self.lines else None
        if not isinstance(last, FloatLine):
            return False
        runs = to_runs(tokens)
        source = source_label(pack).match(runs_text(runs))
        if source is not None and last.shown.source is None:
            shown = attrs.evolve(last.shown, source=tuple(cut_runs(runs, source.end())))
            self.lines[-1] = attrs.evolve(last, shown=shown)
            return True
        if style != "tablenoteg" or not isinstance(last.shown, VTable):
            return False
        parts = split_tabs(tokens)
        letter = plain(parts[0]).strip()
        if len(parts) < 2 or not letter:
            return False
        note = (letter, tuple(to_runs(rejoin(parts, tokens, 1))))
        self.lines[-1] = attrs.evolve(last, shown=attrs.evolve(last.shown, notes=(*last.shown.notes, note)))
        return True
