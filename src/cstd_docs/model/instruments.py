"""Resolutions and decisions: the instruments a commission adopts or recommends (issue 12).

A resolution's label is derived ("Draft resolution II" by its place among the draft
resolutions of its list, "Draft resolution" when it is the only one); an adopted
resolution's number ("68/1") is assigned by the body, so it is data. Operative
paragraphs are numbered 1., 2. within their resolution by the resolution pass; they
never use up a report paragraph number. Preambular paragraphs are unnumbered.
"""

from __future__ import annotations

import enum

from attrs import field, frozen

from cstd_docs.model.agenda import ProvisionalAgenda
from cstd_docs.model.inline import Inlines, to_inlines, to_tuple
from cstd_docs.model.items import Subparagraph
from cstd_docs.model.typed import to_enum, typed_fields


class NoteNumbering(enum.Enum):
    """How a resolution or decision numbers its notes.

    ``report``: on with the report's notes (E/2025/28 and E/2025/24 number them so);
    ``own``: from 1, as a text of its own (a CSTD session report restarts them in its second
    draft resolution); the report's numbering then goes on after it as if it were not there.
    """

    REPORT = "report"
    OWN = "own"


def _note_numbering(value: NoteNumbering | str) -> NoteNumbering:
    return to_enum(NoteNumbering)(value)  # type: ignore[no-any-return]


@frozen(field_transformer=typed_fields)
class Preambular:
    """A preambular paragraph: unnumbered; its opening words in italics ("*Recalling also* …,")."""

    id: str | None = field(default=None, kw_only=True)
    text: Inlines = field(converter=to_inlines)


@frozen(field_transformer=typed_fields)
class Operative:
    """An operative paragraph, numbered 1., 2. within its resolution; its opening verb in italics."""

    id: str | None = field(default=None, kw_only=True)
    #: An unnumbered bold subheading printed before it ("Taking stock"); the numbering runs across it.
    heading: Inlines = field(default=(), kw_only=True, converter=to_inlines)
    text: Inlines = field(converter=to_inlines)
    subparagraphs: tuple[Subparagraph, ...] = field(default=(), converter=to_tuple)


@frozen(field_transformer=typed_fields)
class Resolution:
    """A draft resolution, or an adopted one with the number its body gave it ("68/1").

    Printed: its label ("Draft resolution I", "Resolution 68/1"; none in a document that
    is the draft resolution itself), its title in bold, the enacting formula ("The
    Economic and Social Council,"), the preamble, the operative paragraphs.
    """

    id: str | None = field(default=None, kw_only=True)
    #: The number the body assigned on adoption ("68/1"); None for a draft.
    official_number: str | None = field(default=None, kw_only=True)
    title: Inlines = field(converter=to_inlines)
    enacting: Inlines = field(converter=to_inlines)
    preamble: tuple[Preambular, ...] = field(default=(), converter=to_tuple)
    operative: tuple[Operative, ...] = field(default=(), converter=to_tuple)
    #: Its notes numbered with the report's (the default) or from 1 on their own.
    note_numbering: NoteNumbering = field(default=NoteNumbering.REPORT, kw_only=True, converter=_note_numbering)


@frozen(field_transformer=typed_fields)
class DecisionParagraph:
    """A paragraph of a decision's text: unnumbered; a lead-in when it has subparagraphs ("The
    Economic and Social Council:" then (a), (b), …)."""

    id: str | None = field(default=None, kw_only=True)
    text: Inlines = field(converter=to_inlines)
    subparagraphs: tuple[Subparagraph, ...] = field(default=(), converter=to_tuple)


#: What a decision's text holds: its paragraphs, and the provisional agenda it approves.
DecisionPart = DecisionParagraph | ProvisionalAgenda


@frozen(field_transformer=typed_fields)
class Decision:
    """A draft decision ("Draft decision II" by its place among the draft decisions of its list),
    or an adopted one with the number its body gave it ("Decision 68/101"): a title, then its
    text in one or several paragraphs, among which the provisional agenda it approves."""

    id: str | None = field(default=None, kw_only=True)
    official_number: str | None = field(default=None, kw_only=True)
    title: Inlines = field(converter=to_inlines)
    paragraphs: tuple[DecisionPart, ...] = field(converter=to_tuple)
    #: Its notes numbered with the report's (the default) or from 1 on their own.
    note_numbering: NoteNumbering = field(default=NoteNumbering.REPORT, kw_only=True, converter=_note_numbering)
