"""Boxes in a Word document (issue 13): a table that frames a box's heading and its text.

A table is a box when its first paragraph is in a box heading's style, or when it has one cell
opening with the language's "Summary" (the UN template's summary box). A box reads as its
heading (a box's label over its title), the lines of its text, and the end of its frame.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cstd_docs.lang import LanguagePack
from cstd_docs.readers.classify import HeadingLine, Line, TextLine
from cstd_docs.readers.docx_text import label_bookmark
from cstd_docs.readers.tokens import Token, has_note, plain, runs_text, to_runs
from cstd_docs.readers.visible import BlockKind
from cstd_docs.readers.wordml import WordDocument, w

__all__ = ["box_kind", "box_lines"]

#: Body text as the reader makes it: a paragraph, its style, its tokens and its place.
TextOf = Callable[[Any, str, list[Token], str], TextLine]


def _seen(p: Any) -> str:
    """A paragraph's text as its runs hold it, read without side effects (deleted text is ``w:delText``,
    field codes ``w:instrText``: neither is a ``w:t``)."""
    return "".join(t.text or "" for t in p.iter(w("t")))


def box_kind(document: WordDocument, el: Any, pack: LanguagePack) -> BlockKind | None:
    """A table that is a box: its first paragraph in a box heading's style, or a one-cell table
    opening with the language's "Summary" (the UN template's summary box)."""
    cells = el.findall(f"{w('tr')}/{w('tc')}")
    # Its text seen without reading its runs: reading them reports what they hold that is not kept,
    # and the table is read (and reported) once, below.
    first = next((p for p in el.iter(w("p")) if _seen(p).strip()), None)
    if first is None:
        return None
    style = document.style_of(first)
    if style == "summaryheadg" or (len(cells) == 1 and _seen(first).strip() == pack.table.summary):
        return BlockKind.SUMMARY
    return BlockKind.BOX if style == "boxheadg" else None


def box_lines(document: WordDocument, el: Any, kind: BlockKind, where: str, text: TextOf) -> list[Line]:
    """A box's heading (a box's label over its title), its text, and where its frame ends."""
    lines: list[Line] = []
    paragraphs = [(p, document.style_of(p), document.tokens(p, where=where)) for p in el.iter(w("p"))]
    paragraphs = [(p, s, t) for p, s, t in paragraphs if plain(t).strip() or has_note(t)]
    headings = [t for _, s, t in paragraphs if s in ("summaryheadg", "boxheadg")] or [paragraphs[0][2]]
    label = runs_text(to_runs(headings[0])).strip() if kind is BlockKind.BOX and len(headings) > 1 else ""
    marks = (label_bookmark(p) for p, s, _ in paragraphs if s in ("summaryheadg", "boxheadg"))
    lines.append(HeadingLine(kind, label, to_runs(headings[-1]), where,
                             bookmark=next((m for m in marks if m is not None), None)))
    for number, (p, style, tokens) in enumerate(paragraphs[len(headings):], start=len(headings) + 1):
        lines.append(text(p, style, tokens, f"{where}, paragraph {number} of the box"))
    lines.append(HeadingLine(BlockKind.BOX_END, "", [], where))
    return lines
