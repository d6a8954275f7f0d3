"""A provisional agenda (issue 12): inside a decision that approves it, or as a document of its own.

Its items are numbered 1., 2. … and their sub-items (a), (b) by the resolution pass, from
their place: the numbering runs on across the agenda's unnumbered headings ("Operational
segment") and its separator line ("***"), which the item after them carries. Under an item
or a sub-item, its documentation: the fixed word "Documentation" (from the language
table), then one line per document, its title and, if it has one, its symbol.
"""

from __future__ import annotations

from attrs import field, frozen

from cstd_docs.model.inline import Inlines, to_inlines, to_tuple
from cstd_docs.model.typed import typed_fields


@frozen(field_transformer=typed_fields)
class AgendaDocument:
    """A document listed under an item's "Documentation": its title, and its symbol if it has
    one ("Report of the Secretary-General on … (E/CN.16/2025/2)"; the symbol links to its page)."""

    id: str | None = field(default=None, kw_only=True)
    title: Inlines = field(converter=to_inlines)
    symbol: str | None = None


@frozen(field_transformer=typed_fields)
class ProvisionalSubItem:
    """A sub-item of an agenda item, lettered (a), (b) within its item."""

    id: str | None = field(default=None, kw_only=True)
    text: Inlines = field(converter=to_inlines)
    documentation: tuple[AgendaDocument, ...] = field(default=(), converter=to_tuple)


@frozen(field_transformer=typed_fields)
class ProvisionalItem:
    """An item of a provisional agenda, numbered 1., 2. through the agenda.

    ``heading``: an unnumbered heading printed before it, in italics ("Operational segment"),
    which the numbering runs across; ``separated``: a centred "***" printed before it (and
    before its heading), closing the items above (E/2025/28, before item 10).
    """

    id: str | None = field(default=None, kw_only=True)
    heading: Inlines = field(default=(), kw_only=True, converter=to_inlines)
    separated: bool = field(default=False, kw_only=True)
    text: Inlines = field(converter=to_inlines)
    sub_items: tuple[ProvisionalSubItem, ...] = field(default=(), converter=to_tuple)
    documentation: tuple[AgendaDocument, ...] = field(default=(), converter=to_tuple)


@frozen(field_transformer=typed_fields)
class ProvisionalAgenda:
    """A provisional agenda: its title in bold ("Provisional agenda for the sixty-ninth session of
    the Commission on Narcotic Drugs"; none when the heading above says it), then its items."""

    id: str | None = field(default=None, kw_only=True)
    title: Inlines = field(default=(), converter=to_inlines)
    #: At least one (the checks say so where it has none).
    items: tuple[ProvisionalItem, ...] = field(default=(), converter=to_tuple)
