"""Tables and figures of a Markdown draft (issue 13), as the Markdown writer lays them out.

A pipe table (its delimiter row's dashes give the widths, its colons the alignments) or an HTML
``<table>`` (``<col style="width: …%">``, ``colspan``, ``rowspan``, ``text-align``; the cells'
text is Markdown); the paragraph before it, "Table 1" and a hard break over the bold title, is
its caption. A figure is an image whose address is a ``data:`` URI, with ``{width=50%}`` after
it. Under either, a paragraph opening with the language's "Source:" is its source, and under a
table lines opening with a raised letter (``<sup>a</sup>``) are its notes.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable

import attrs

from cstd_docs.lang import LanguagePack
from cstd_docs.model import Alignment, Strong
from cstd_docs.readers.classify import FloatLine, Line, TextLine
from cstd_docs.readers.labels import float_caption, source_label
from cstd_docs.readers.markdown_inline import joined_lines, unescape
from cstd_docs.readers.signature import cut_runs, runs_plain
from cstd_docs.readers.visible import CellRun, VCell, VFigure, VNoteLetter, VRun, VTable

#: An unescaped "|": a pipe table's cell boundary.
_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER = re.compile(r"^\s*(:?)(-+)(:?)\s*$")
_LETTER = re.compile(r"<sup>([^<>\s,，،]{1,3})</sup>(?!\[\^)")
_COL = re.compile(r'<col\b[^>]*?width:\s*([0-9.]+)%[^>]*>')
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(th|td)\b([^>]*)>(.*?)(?<!\\)</\1>", re.S)
_SPAN = {name: re.compile(rf'\b{name}="?(\d{{1,3}})') for name in ("colspan", "rowspan")}
_ALIGN = re.compile(r"text-align:\s*(left|center|right)")
_IMAGE = re.compile(r"^!\[((?:[^\]\\]|\\.)*)\]\((\S+?)\)(?:\{width=(\d{1,3})%\})?$", re.S)
_DATA = re.compile(r"data:image/(?:png|jpeg|gif);base64,([A-Za-z0-9+/]*={0,2})")
#: The blanks Markdown itself puts around a cell's text.
_BLANKS = " \t"
_NOTE_LINE = re.compile(r"^<sup>([^<>\s]{1,3})</sup>[ \t]*(.*)$", re.S)  # U+0085 after the letter is text
_ALIGNS = {("", ""): Alignment.LEFT, (":", ""): Alignment.LEFT, (":", ":"): Alignment.CENTER,
           ("", ":"): Alignment.RIGHT}


def _notes_under(lines: list[str]) -> list[tuple[str, str]] | None:
    """The notes under a table, (letter, text) each: "<sup>a</sup> text" opens one, a line opening
    none goes on with the one before (its text's line break); None when the first opens none."""
    notes: list[tuple[str, list[str]]] = []
    for line in lines:
        found = _NOTE_LINE.match(line.strip(_BLANKS))  # Markdown's blanks only: U+0085 is text
        if found is not None:
            notes.append((found.group(1), [found.group(2)]))
        elif notes:
            notes[-1][1].append(line.strip(" \t"))
        else:
            return None
    # the hard break ending a note's last line parts it from the next note: not its text's
    return [(letter, re.sub(r"\\$", "", "\n".join(parts))) for letter, parts in notes] or None


class MarkdownFloats:
    """The tables and figures among the body's paragraphs, made into :class:`FloatLine`."""

    def __init__(self, lines: list[Line], runs: Callable[[str], list[VRun]],
                 warn: Callable[[str, str, str], None]) -> None:
        self.lines = lines
        self.runs = runs
        self.warn = warn

    def chunk(self, lines: list[str], where: str, pack: LanguagePack) -> bool:
        """True when the paragraph was a table, a figure, or a line under one."""
        first = lines[0].lstrip()
        if first.startswith("|") and len(lines) >= 2 and all(_DELIMITER.match(c) for c in _cells(lines[1])):
            self._add(self._pipe(lines), where, pack)
            return True
        if first.startswith("<table"):
            self._add(self._html("\n".join(lines)), where, pack)
            return True
        image = _IMAGE.match("\n".join(lines).strip())
        if image is not None:
            return self._figure(image, where, pack)
        return self._under(lines, pack)

    # --- what stands before and after ------------------------------------------------------------
    def _caption(self, pack: LanguagePack, figure: bool) -> tuple[str, list[VRun], str | None] | None:
        """The paragraph before: "Table 1" and a line break over the (bold) title."""
        last = self.lines[-1] if self.lines else None
        if not isinstance(last, TextLine) or last.number is not None or last.instrument:
            return None
        head: list[VRun] = []
        rest: list[VRun] = list(last.runs)
        while rest:
            run = rest.pop(0)
            if isinstance(run, str) and "\n" in run:
                before, _, after = run.partition("\n")
                head.append(before)
                if after:
                    rest.insert(0, after)
                break
            head.append(run)
        found = float_caption(pack, figure).match(runs_plain(head))
        if found is None or found.group(2).strip() or not runs_plain(rest).strip():
            return None
        self.lines.pop()
        title: list[VRun] = [r.text if isinstance(r, Strong) else r for r in rest]  # bold by layout
        return found.group(1).strip(), title, last.anchor

    def _add(self, table: tuple[tuple[float, ...], list[list[VCell]], list[list[VCell]]], where: str,
             pack: LanguagePack) -> None:
        label, title, anchor = self._caption(pack, figure=False) or (None, [], None)
        widths, header, rows = table
        shown = VTable(label, tuple(title), widths, tuple(map(tuple, header)), tuple(map(tuple, rows)))
        self.lines.append(FloatLine(shown, where, anchor))

    def _figure(self, image: re.Match[str], where: str, pack: LanguagePack) -> bool:
        data = _DATA.fullmatch(image.group(2))
        if data is None:
            self.warn(where, "an image not carried in the draft (a data: URI) was not read",
                      "give the figure's image as data:image/png;base64,…")
            return True
        try:
            picture = base64.b64decode(data.group(1), validate=True)
        except (binascii.Error, ValueError):
            self.warn(where, "an image's base64 text is damaged: it was not read", "insert the image again")
            return True
        caption = self._caption(pack, figure=True)
        if caption is None:
            self.warn(where, "an image without a caption (\"Figure I\" over its title) was not read",
                      "give it its caption and title, and it reads as a figure")
            return True
        label, title, anchor = caption
        width = int(image.group(3)) if image.group(3) else 100
        shown = VFigure(label, tuple(title), picture, unescape(image.group(1)), min(max(width, 1), 100))
        self.lines.append(FloatLine(shown, where, anchor))
        return True

    def _under(self, lines: list[str], pack: LanguagePack) -> bool:
        last = self.lines[-1] if self.lines else None
        if not isinstance(last, FloatLine):
            return False
        text = joined_lines(lines)  # a hard break in a source stays a line break
        if source_label(pack).match(unescape(text).replace("*", "").replace("_", "")) is None \
                and _notes_under(lines) is None:
            return False  # neither: parsed once, where it is read (its marks counted once)
        runs = self.runs(text)
        source = source_label(pack).match(runs_plain(runs))
        if source is not None and last.shown.source is None:
            shown = attrs.evolve(last.shown, source=tuple(cut_runs(runs, source.end())))
            self.lines[-1] = attrs.evolve(last, shown=shown)
            return True
        notes = _notes_under(lines)
        if not isinstance(last.shown, VTable) or notes is None:
            return False
        read = tuple((letter, tuple(self.runs(text))) for letter, text in notes)
        self.lines[-1] = attrs.evolve(last, shown=attrs.evolve(last.shown, notes=(*last.shown.notes, *read)))
        return True

    # --- the two kinds of table ------------------------------------------------------------------
    def _cell(self, text: str, colspan: int = 1, rowspan: int = 1, align: Alignment = Alignment.LEFT) -> VCell:
        runs: list[CellRun] = []
        at = 0
        for found in _LETTER.finditer(text):
            runs.extend(self.runs(text[at:found.start()]))
            runs.append(VNoteLetter(found.group(1)))
            at = found.end()
        runs.extend(self.runs(text[at:]))
        return VCell(runs, colspan, rowspan, align)

    def _pipe(self, lines: list[str]) -> tuple[tuple[float, ...], list[list[VCell]], list[list[VCell]]]:
        delimiters = [_DELIMITER.match(c) for c in _cells(lines[1])]
        aligns = [_ALIGNS[(d.group(1), d.group(3))] if d else Alignment.LEFT for d in delimiters]
        dashes = [len(d.group(2)) if d else 3 for d in delimiters]
        widths = tuple(100 * n / sum(dashes) for n in dashes)

        def row(line: str) -> list[VCell]:
            cells = _cells(line)
            cells += [""] * (len(aligns) - len(cells))
            return [self._cell(text, align=aligns[i] if i < len(aligns) else Alignment.LEFT)
                    for i, text in enumerate(cells)]

        return widths, [row(lines[0])], [row(line) for line in lines[2:]]

    def _html(self, text: str) -> tuple[tuple[float, ...], list[list[VCell]], list[list[VCell]]]:
        head, _, body = text.partition("</thead>") if "</thead>" in text else ("", "", text)
        parts = [[self._html_row(row.group(1)) for row in _ROW.finditer(part)] for part in (head, body)]
        count = max((sum(c.colspan for c in row) for part in parts for row in part), default=0)
        given = [float(width) for width in _COL.findall(text)]
        widths = tuple(given) if len(given) == count and sum(given) > 0 else tuple(100 / count for _ in range(count))
        return widths, parts[0], parts[1]

    def _html_row(self, row: str) -> list[VCell]:
        cells = []
        for found in _CELL.finditer(row):
            attributes = found.group(2)
            spans = [int(m.group(1)) if (m := _SPAN[name].search(attributes)) else 1 for name in ("colspan", "rowspan")]
            aligned = _ALIGN.search(attributes)
            align = Alignment(aligned.group(1)) if aligned else Alignment.LEFT
            # Markdown's own blanks are spaces and tabs (the writer prints a cell's own as "&#32;"):
            # U+0085 or U+00A0 at either end of a cell is its text
            cells.append(self._cell(found.group(3).strip(_BLANKS), max(spans[0], 1), max(spans[1], 1), align))
        return cells


def _cells(line: str) -> list[str]:
    """A pipe table's row as its cells' text (the outer pipes dropped)."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip(_BLANKS) for cell in _PIPE.split(text)]
