"""The labels of resolutions and decisions, derived from their place (issue 12).

"Draft resolution II" is the second draft resolution of its list (the list that holds it: a
chapter's content, or the body of a document); "Draft resolution" alone when its list holds
one. An adopted resolution prints the number its body gave it ("Resolution 68/1"). A
resolution that is the whole body of a document (an "L" document, whose title says "Draft
resolution submitted by …") prints no label.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from cstd_docs.lang import LanguagePack
from cstd_docs.lang.numbering import roman
from cstd_docs.model import Decision, Node, Report, Resolution
from cstd_docs.model.walk import Visit, children
from cstd_docs.resolve.document import (
    AgendaPart,
    InstrumentHeading,
    InstrumentText,
    OperativeParagraph,
    ResolvedBlock,
    SubparagraphItem,
)

__all__ = ["InstrumentLabel", "instrument_label", "within_resolutions"]

#: The list of a document's own blocks before any chapter.
DOCUMENT_CONTENT = "$.content"


@frozen
class InstrumentLabel:
    #: As printed over the title ("" when none is printed).
    printed: str
    #: What a cross-reference to it prints: "II", "68/1", or the whole label of a sole draft.
    reference: str
    #: What a contents page lists before its title: "II.", "Resolution 68/1", or "" for a sole draft
    #: (E/2025/28 p. iii; E/2025/24 p. 3 lists its sole draft decision by its title alone).
    listed: str


def _siblings(visit: Visit, report: Report) -> Sequence[Node]:
    if visit.parent is None:
        return report.content
    return dict(children(visit.parent))[visit.field]


def instrument_label(visit: Visit, node: Resolution | Decision, report: Report, pack: LanguagePack) -> InstrumentLabel:
    """The label a resolution or decision prints, from its official number or its place among the
    drafts of its kind in its list."""
    words = pack.table.instruments
    decision = isinstance(node, Decision)
    if node.official_number is not None:
        template = words.decision_numbered if decision else words.resolution_numbered
        printed = template.format(number=node.official_number)
        return InstrumentLabel(printed, node.official_number, printed)
    drafts = [n for n in _siblings(visit, report) if type(n) is type(node) and n.official_number is None]
    if len(drafts) == 1:
        printed = words.draft_decision if decision else words.draft_resolution
        return InstrumentLabel("" if visit.within == DOCUMENT_CONTENT else printed, printed, "")
    numeral = roman(1 + next(i for i, n in enumerate(drafts) if n is node))
    template = words.draft_decision_numbered if decision else words.draft_resolution_numbered
    return InstrumentLabel(template.format(numeral=numeral), numeral, pack.table.heading_number.format(number=numeral))


def within_resolutions(blocks: Sequence[ResolvedBlock]) -> tuple[bool, ...]:
    """For each resolved block, whether it is part of a resolution, a decision or a provisional agenda
    (subparagraphs included): writers lay those out as an instrument's, a Markdown quote or the
    operative layout in Word."""
    out: list[bool] = []
    inside = False
    for block in blocks:
        if isinstance(block, (InstrumentHeading, InstrumentText, OperativeParagraph, AgendaPart)):
            inside = True
        elif not isinstance(block, SubparagraphItem):
            inside = False
        out.append(inside)
    return tuple(out)
