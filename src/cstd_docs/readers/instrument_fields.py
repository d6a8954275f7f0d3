"""A resolution's or decision's fields that its heading blocks carry (issue 12), for the body's
parser (readers/body.py): the official number its label prints ("Resolution 68/1" → "68/1"; a
draft's label prints none), the enacting formula, and whether its notes take numbers of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cstd_docs.model import Decision, Inlines, NoteNumbering, Resolution
from cstd_docs.readers.inlines import Context
from cstd_docs.readers.match import Placed
from cstd_docs.readers.signature import runs_plain
from cstd_docs.readers.visible import BlockKind, VNote, restarted

__all__ = ["enacting", "note_numbering", "official_number"]


def enacting(ctx: Context, placed: Placed, title: Placed | None) -> Inlines:
    """The enacting formula: the base resolution's own when it prints what that one printed."""
    node = title.node if title is not None else None
    base = ctx.base
    if isinstance(node, Resolution) and base is not None and placed.exact is not None:
        at = next((i for i, item in enumerate(base.items) if item.node is node), None)
        after = base.items[at + 1] if at is not None and at + 1 < len(base.items) else None
        if after is not None and after.kind is BlockKind.ENACTING and after.sig == placed.sig:
            return node.enacting
    return ctx.inlines(placed.block.runs)


def official_number(ctx: Context, label: Placed | None, decision: bool = False) -> str | None:
    """The number in an adopted instrument's label ("Resolution 68/1" → "68/1"); None for a draft."""
    if label is None:
        return None
    words = ctx.pack.table.instruments
    template = re.escape(words.decision_numbered if decision else words.resolution_numbered)
    found = re.fullmatch(template.replace(re.escape("{number}"), "(.+)"), runs_plain(label.block.runs).strip())
    return found.group(1) if found else None


def note_numbering(heading: Placed, blocks: Sequence[Placed]) -> NoteNumbering:
    """Its own numbers when its notes (in its ``blocks``) show them (a typed "1" in Word, "[^II.1]" in
    Markdown); with the report's when they show those; with no notes, as the base's instrument had it."""
    notes = [run for placed in blocks for run in placed.block.runs if isinstance(run, VNote)]
    if notes:
        return NoteNumbering.OWN if any(restarted(note) for note in notes) else NoteNumbering.REPORT
    node = heading.node
    return node.note_numbering if isinstance(node, (Resolution, Decision)) else NoteNumbering.REPORT
