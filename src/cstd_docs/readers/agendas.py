"""A provisional agenda's tree from its classified lines (issue 12): a part of the body's parser
(readers/body.py), which gives it the blocks, their kinds and their texts.

The agenda starts at its title, or at its first item (or the heading or "***" line the item
carries); items take the sub-items after them, and the documents under "Documentation" at their
depth (a sub-item's a step further in: its Word indent, a quote in the Markdown quote).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cstd_docs.model import (
    AgendaDocument,
    Decision,
    Inlines,
    Link,
    Node,
    ProvisionalAgenda,
    ProvisionalItem,
    ProvisionalSubItem,
)
from cstd_docs.model.walk import walk
from cstd_docs.readers.inlines import Context
from cstd_docs.readers.match import Placed
from cstd_docs.readers.signature import runs_plain
from cstd_docs.readers.visible import BlockKind, VNote, VRun, restarted

__all__ = ["AgendaParser"]


#: The blocks a provisional agenda prints, from its title to its last document.
_AGENDA_PARTS = (BlockKind.AGENDA_TITLE, BlockKind.AGENDA_HEADING, BlockKind.AGENDA_SEPARATOR, BlockKind.AGENDA_ITEM,
                 BlockKind.AGENDA_SUB_ITEM, BlockKind.DOCUMENTATION, BlockKind.DOCUMENT)


def _numberings(blocks: Sequence[Placed]) -> set[bool]:
    """How the notes of ``blocks`` are numbered: True for an instrument's own (a typed, restarted number)."""
    return {restarted(run) for placed in blocks for run in placed.block.runs if isinstance(run, VNote)}


def _cut(runs: list[VRun], count: int) -> list[VRun]:
    """The runs without their last ``count`` characters of text (a document's symbol after its title)."""
    out = list(runs)
    while count > 0 and out:
        last = out.pop()
        if isinstance(last, VNote):
            continue
        text = last if isinstance(last, str) else last.text
        if len(text) > count:
            kept = text[: len(text) - count]
            out.append(kept if isinstance(last, str) else type(last)(kept) if not isinstance(last, Link) else kept)
        count -= len(text)
    return out


class AgendaParser:
    """The agenda steps of the body's parser; the parser provides what is declared here."""

    ctx: Context
    placed: tuple[Placed, ...]
    #: Each base node's holder, by ``id`` (made when first needed).
    _parents: dict[int, Node | None] | None

    def kind(self, pos: int) -> BlockKind | None:
        raise NotImplementedError

    def text_of(self, placed: Placed, kind: type) -> Inlines:
        raise NotImplementedError

    def title_of(self, placed: Placed) -> Inlines:
        raise NotImplementedError

    def heading_of(self, placed: Placed) -> Inlines:
        raise NotImplementedError

    def agenda(self, pos: int) -> tuple[ProvisionalAgenda, int]:
        """A provisional agenda from its title or its first item: items with their heading, separator,
        sub-items and documentation."""
        first, start = self.placed[pos], pos
        title: Inlines = ()
        if first.block.kind is BlockKind.AGENDA_TITLE:
            title, pos = self.title_of(first), pos + 1
        items: list[ProvisionalItem] = []
        while self.kind(pos) in (BlockKind.AGENDA_HEADING, BlockKind.AGENDA_SEPARATOR, BlockKind.AGENDA_ITEM):
            separated = self.kind(pos) is BlockKind.AGENDA_SEPARATOR
            pos += separated
            heading: Inlines = ()
            if self.kind(pos) is BlockKind.AGENDA_HEADING:
                heading, pos = self.heading_of(self.placed[pos]), pos + 1
            if self.kind(pos) is not BlockKind.AGENDA_ITEM:
                self.ctx.warn(self.placed[pos - 1].block.where, "a heading or a separator of the provisional agenda "
                              "with no item after it", "it was left out; put it before an item")
                continue
            placed = self.placed[pos]
            text = self.text_of(placed, ProvisionalItem)
            sub_items, pos = self.sub_items(pos + 1)
            documentation, pos = self.documentation(pos, (1,) if sub_items else (1, 2))
            items.append(ProvisionalItem(text, sub_items, documentation, id=placed.id, heading=heading,
                                         separated=separated))
        return ProvisionalAgenda(title, items, id=self.agenda_id(start, pos)), pos

    def agenda_id(self, start: int, end: int) -> str | None:
        """The agenda's id: its title's; an agenda without a title, the base agenda's that holds its first item."""
        if self.kind(start) is BlockKind.AGENDA_TITLE:
            return self.placed[start].id
        item = next((p.node for p in self.placed[start:end] if isinstance(p.node, ProvisionalItem)), None)
        holder = self.base_parent(item)
        return holder.id if isinstance(holder, ProvisionalAgenda) else None

    def base_parent(self, node: Node | None) -> Node | None:
        """The node that holds ``node`` in the base report (None: none, or no base)."""
        base = self.ctx.base
        if base is None or node is None:
            return None
        if self._parents is None:
            self._parents = {id(v.node): v.parent for v in walk(base.report)}
        return self._parents.get(id(node))

    def agenda_of_decision(self, pos: int, decision: Sequence[Placed]) -> bool:
        """The agenda starting at ``pos`` is the decision's above it (its blocks ``decision``): unless the
        base had it on its own, or their notes are numbered apart (the decision's own "1", the agenda's
        the report's "3", or the reverse: an agenda within a decision numbers its notes as it does)."""
        placed = self.placed[pos]
        node = placed.node
        if isinstance(node, ProvisionalItem):
            node = self.base_parent(node)
        if isinstance(node, ProvisionalAgenda):
            return isinstance(self.base_parent(node), Decision)
        own, agenda = _numberings(decision), _numberings(self._agenda_blocks(pos))
        # new, or no base: a decision approves the agenda after it, unless each numbers its notes one way
        # and the two ways differ (a first page's asterisk among the decision's notes decides nothing)
        return not (len(own) == 1 and len(agenda) == 1 and own != agenda)

    def _agenda_blocks(self, pos: int) -> Sequence[Placed]:
        end = pos
        while end < len(self.placed) and self.kind(end) in _AGENDA_PARTS:
            end += 1
        return self.placed[pos:end]

    def sub_items(self, pos: int) -> tuple[tuple[ProvisionalSubItem, ...], int]:
        out: list[ProvisionalSubItem] = []
        while self.kind(pos) is BlockKind.AGENDA_SUB_ITEM:
            placed = self.placed[pos]
            text = self.text_of(placed, ProvisionalSubItem)
            documentation, pos = self.documentation(pos + 1, (2,))
            out.append(ProvisionalSubItem(text, documentation, id=placed.id))
        return tuple(out), pos

    def documentation(self, pos: int, depths: tuple[int, ...]) -> tuple[tuple[AgendaDocument, ...], int]:
        """The documents under "Documentation" (the word is fixed: it is not kept) at one of ``depths``: a
        sub-item's are a step further in than its item's (2 and 1)."""
        if self.kind(pos) is BlockKind.DOCUMENTATION and self.placed[pos].block.depth not in depths:
            return (), pos
        pos += self.kind(pos) is BlockKind.DOCUMENTATION
        out: list[AgendaDocument] = []
        while self.kind(pos) is BlockKind.DOCUMENT and self.placed[pos].block.depth in depths:
            out.append(self.document(self.placed[pos]))
            pos += 1
        return tuple(out), pos

    def document(self, placed: Placed) -> AgendaDocument:
        """A listed document: its title, and the symbol printed after it (" (E/CN.16/2025/2)")."""
        exact = placed.exact.node if placed.exact is not None else None
        if isinstance(exact, AgendaDocument):
            return exact
        runs = list(placed.block.runs)
        before, _, after = self.ctx.pack.table.instruments.document_symbol.partition("{symbol}")
        symbol_pattern = r"([A-Z][A-Za-z0-9.()-]*(?:/[A-Za-z0-9.()-]+)+)"
        text = runs_plain(runs).rstrip()
        # as the writer prints it (" (E/CN.16/2025/2)"), the title's own blanks kept; else as typed
        found = re.search(re.escape(before) + symbol_pattern + re.escape(after) + "$", text) or re.search(
            r"\s*" + re.escape(before.strip()) + r"\s*" + symbol_pattern + r"\s*" + re.escape(after.strip()) + "$",
            text)
        symbol = None
        if found and (not before.strip() or text[: found.start()].strip()):
            symbol = found.group(1)
            runs = _cut(runs, len(text) - found.start())
        return AgendaDocument(self.ctx.inlines(runs), symbol, id=placed.id)
