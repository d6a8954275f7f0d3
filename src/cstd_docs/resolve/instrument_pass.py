"""The blocks of resolutions, decisions and provisional agendas, made in the one resolution pass
(issue 12): a mixin of the pass (resolve/__init__.py), which gives it the emitting, the inline
runs and the labels it shares with every other block; and the notes an instrument numbers on
its own (``NoteNumbering.OWN``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import assert_never

from attrs import frozen

from cstd_docs.lang import LanguagePack
from cstd_docs.model import (
    AgendaDocument,
    CrossRef,
    Decision,
    DecisionParagraph,
    Inlines,
    Link,
    Node,
    NoteNumbering,
    Operative,
    Preambular,
    ProvisionalAgenda,
    ProvisionalItem,
    ProvisionalSubItem,
    Report,
    Resolution,
)
from cstd_docs.model.walk import Visit
from cstd_docs.resolve.document import (
    AGENDA_SEPARATOR,
    AgendaPart,
    AgendaPartKind,
    InstrumentHeading,
    InstrumentKind,
    InstrumentText,
    InstrumentTextKind,
    OperativeParagraph,
    ResolvedBlock,
    Run,
)
from cstd_docs.resolve.instruments import instrument_label
from cstd_docs.resolve.typeset import typeset

__all__ = ["InstrumentPass", "PendingRun", "PendingRuns"]

#: The nodes of resolutions and decisions.
Instrument = Resolution | Preambular | Operative | Decision | DecisionParagraph
#: The nodes of a provisional agenda.
AgendaNode = ProvisionalAgenda | ProvisionalItem | ProvisionalSubItem | AgendaDocument
# Unresolved runs may still hold cross-references until the pass settles them.
PendingRun = Run | CrossRef
PendingRuns = tuple[PendingRun, ...]


@frozen
class _Scope:
    """A resolution or decision that numbers its notes on its own, while the walk is inside it."""

    node: Node
    #: The start of its notes' keys ("II", "68/1"), unique in the document.
    key: str
    count: int = 0


class InstrumentPass:
    """The instrument and agenda cases of the pass; the pass itself provides what is declared here."""

    report: Report
    pack: LanguagePack
    #: The instrument numbering its notes on its own that the walk is in, or None.
    scope: _Scope | None
    scope_keys: set[str]

    def emit(self, make: Callable[..., ResolvedBlock], field: str, runs: PendingRuns) -> None:
        raise NotImplementedError

    def runs(self, inlines: Inlines) -> PendingRuns:
        raise NotImplementedError

    def label(self, ident: str | None, label: str) -> None:
        raise NotImplementedError

    def enter_scope(self, node: Resolution | Decision, reference: str) -> None:
        """From here, the notes of ``node`` take its own numbers if it numbers them on its own."""
        if node.note_numbering is NoteNumbering.REPORT:
            return
        key = "-".join(reference.split()) or "notes"
        unique, n = key, 2
        # a key is taken by notes, not by an instrument that has none: its numbering cannot be
        # seen then, and a draft read back without its source must key the next one alike
        while unique in self.scope_keys:
            unique, n = f"{key}-{n}", n + 1
        self.scope = _Scope(node, unique)

    def leave_scope(self, visit: Visit) -> None:
        """Past the instrument numbering its notes on its own: the report's numbers go on."""
        if self.scope is not None and self.scope.node is not visit.node \
                and not any(a is self.scope.node for a in visit.ancestors):
            self.scope = None

    def instrument(self, visit: Visit, node: Instrument) -> None:
        """A resolution's label, title and enacting formula, its preambular and operative paragraphs;
        a decision's label, title and paragraphs."""
        match node:
            case Operative():
                if node.heading:  # "Taking stock": unnumbered, the numbering runs across it
                    self.emit(partial(InstrumentText, kind=InstrumentTextKind.SUBHEADING, origin=node), "text",
                              self.runs(node.heading))
                number = str(visit.index + 1)  # restarts in each resolution; no report number used up
                self.label(node.id, number)
                printed = self.pack.table.paragraph_number.format(number=number)
                self.emit(partial(OperativeParagraph, number=printed, id=node.id, origin=node), "text",
                          self.runs(node.text))
            case Preambular():
                self.emit(partial(InstrumentText, kind=InstrumentTextKind.PREAMBULAR, id=node.id, origin=node),
                          "text", self.runs(node.text))
            case Resolution():
                label = instrument_label(visit, node, self.report, self.pack)
                self.label(node.id, label.reference)
                self.enter_scope(node, label.reference)
                self.emit(partial(InstrumentHeading, label=label.printed, id=node.id, origin=node,
                                  listed=label.listed), "title", self.runs(node.title))
                self.emit(partial(InstrumentText, kind=InstrumentTextKind.ENACTING), "text", self.runs(node.enacting))
            case Decision():
                label = instrument_label(visit, node, self.report, self.pack)
                self.label(node.id, label.reference)
                self.enter_scope(node, label.reference)
                self.emit(partial(InstrumentHeading, label=label.printed, id=node.id, origin=node,
                                  kind=InstrumentKind.DECISION, listed=label.listed), "title", self.runs(node.title))
            case DecisionParagraph():
                self.emit(partial(InstrumentText, kind=InstrumentTextKind.DECISION, id=node.id, origin=node),
                          "text", self.runs(node.text))
            case _:
                assert_never(node)

    def agenda(self, visit: Visit, node: AgendaNode) -> None:
        """A provisional agenda's title, its items ("1.") and sub-items ("(a)"), the headings and the
        separator their items carry, and under an item "Documentation" over its documents."""
        part = partial(AgendaPart, id=node.id, origin=node)
        match node:
            case ProvisionalAgenda():
                if node.title:
                    self.emit(partial(part, kind=AgendaPartKind.TITLE, label=""), "text", self.runs(node.title))
            case ProvisionalItem():
                if node.separated:
                    self.emit(partial(AgendaPart, kind=AgendaPartKind.SEPARATOR, label=""), "text",
                              (AGENDA_SEPARATOR,))
                if node.heading:
                    self.emit(partial(AgendaPart, kind=AgendaPartKind.HEADING, label="", origin=node), "text",
                              self.runs(node.heading))
                number = str(visit.index + 1)  # through the agenda, across its headings
                self.label(node.id, number)
                printed = self.pack.table.paragraph_number.format(number=number)
                self.emit(partial(part, kind=AgendaPartKind.ITEM, label=printed), "text", self.runs(node.text))
            case ProvisionalSubItem():
                label = self.pack.subparagraph_label(1, visit.index + 1)
                self.label(node.id, label)
                self.emit(partial(part, kind=AgendaPartKind.SUB_ITEM, label=label), "text", self.runs(node.text))
            case AgendaDocument():
                depth = 2 if isinstance(visit.parent, ProvisionalSubItem) else 1
                if visit.index == 0:
                    self.emit(partial(AgendaPart, kind=AgendaPartKind.DOCUMENTATION, label="", depth=depth), "text",
                              (self.pack.table.instruments.documentation,))
                self.emit(partial(part, kind=AgendaPartKind.DOCUMENT, label="", depth=depth), "text",
                          self.document(node))
            case _:
                assert_never(node)

    def document(self, node: AgendaDocument) -> PendingRuns:
        """A listed document as printed: its title, then its symbol linked to its page (" (E/…)")."""
        title = self.runs(node.title)
        if node.symbol is None:
            return title
        before, _, after = self.pack.table.instruments.document_symbol.partition("{symbol}")
        return (*title, before, typeset(self.pack, Link(node.symbol)), after)
