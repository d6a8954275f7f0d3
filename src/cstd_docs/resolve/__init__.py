"""The one resolution pass: numbers, notes, cross-references and participant notes.

Every writer consumes the :class:`ResolvedReport` this produces, so a paragraph
inserted anywhere renumbers every output the same way. The pass walks the report in
reading order once, numbering as it goes, then replaces cross-references by the
numbers they point at (they may point forward).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TypeVar, assert_never

import attrs
from attrs import frozen

from cstd_docs.errors import ReportError
from cstd_docs.lang import LanguagePack, language_pack
from cstd_docs.lang.numbering import roman
from cstd_docs.model import (
    Annex,
    Chapter,
    Citation,
    CrossRef,
    Decision,
    DecisionParagraph,
    Delegation,
    Distribution,
    Emphasis,
    Findings,
    FirstPageNotes,
    Inlines,
    Link,
    Node,
    Note,
    Operative,
    Organization,
    Paragraph,
    Participant,
    Person,
    Preambular,
    Report,
    Resolution,
    Section,
    Strong,
    Styled,
    Subparagraph,
    Subsection,
    Suggestion,
    UnnumberedText,
)
from cstd_docs.model.check import check
from cstd_docs.model.walk import Visit, walk
from cstd_docs.perf import gc_paused
from cstd_docs.resolve.document import (
    AgendaLine,
    Heading,
    HeadingLevel,
    InstrumentHeading,
    InstrumentKind,
    InstrumentText,
    InstrumentTextKind,
    NoteOrigin,
    NoteRef,
    NumberedParagraph,
    OperativeParagraph,
    Reference,
    ResolvedBlock,
    ResolvedFront,
    ResolvedMasthead,
    ResolvedNote,
    ResolvedReport,
    Run,
    Runs,
    SubparagraphItem,
    Unnumbered,
)
from cstd_docs.resolve.instruments import instrument_label

#: The nodes of resolutions and decisions.
Instrument = Resolution | Preambular | Operative | Decision | DecisionParagraph

__all__ = ["ResolvedReport", "distribution_line", "participant_text", "resolve"]


def participant_text(who: Participant, pack: LanguagePack) -> str:
    """A participant as a note names them: "Ms. Maria Basso, Lead, …, World Economic Forum"."""
    match who:
        case Person():
            name = pack.table.person_name.format(honorific=who.honorific, name=who.name)
            parts = [name, who.position, who.organization, who.country]
        case Delegation():
            parts = [pack.representative(who.country)]
        case Organization():
            parts = [who.name, who.country]
        case _:
            assert_never(who)
    return pack.table.participant_parts_separator.join(p for p in parts if p)


#: Where a double symbol joins its parts: a hyphen before the next symbol's first component and its
#: slash ("E/2025/28-E/CN.7/2025/11"), never the hyphen inside one ("A/ES-10/L.1").
_SYMBOL_JOIN = re.compile(r"-(?=[A-Z]{1,8}/)")


def symbol_parts(symbol: str | None) -> tuple[str, ...]:
    """A double symbol's parts, which the running heads stack; one part for a single symbol."""
    return tuple(_SYMBOL_JOIN.split(symbol)) if symbol else ()


def distribution_line(distribution: Distribution, pack: LanguagePack) -> str:
    """The masthead's "Distr.: General" line in the pack's language."""
    lines = pack.table.distribution
    match distribution:
        case Distribution.GENERAL:
            return lines.general
        case Distribution.LIMITED:
            return lines.limited
        case Distribution.RESTRICTED:
            return lines.restricted
        case _:
            assert_never(distribution)


# Unresolved runs may still hold cross-references until the second step.
_PendingRun = Run | CrossRef
_PendingRuns = tuple[_PendingRun, ...]
#: An inline item or a note's: texts among them are typeset (``typeset_texts``).
_Item = TypeVar("_Item")


@frozen
class _PendingBlock:
    """A block made in reading order, whose text may still name blocks not yet numbered.

    ``make`` builds the resolved block once ``runs`` are settled, passing them as ``field``
    ("title" of a heading, "text" of the others).
    """

    make: Callable[..., ResolvedBlock]
    field: str
    runs: _PendingRuns

    def settled(self, settle: Callable[[_PendingRuns], Runs]) -> ResolvedBlock:
        return self.make(**{self.field: settle(self.runs)})


@frozen
class _PendingNote:
    mark: str
    custom: bool
    text: tuple[str | Styled | CrossRef, ...]
    origin: NoteOrigin
    participants: tuple[str, ...]


class _Resolver:
    def __init__(self, report: Report, pack: LanguagePack) -> None:
        self.report = report
        self.pack = pack
        self.notes: list[_PendingNote] = []
        self.numbered_notes = 0
        self.asterisk_notes = 0
        self.labels: dict[str, str] = {}  # id -> number as cross-references print it
        self.referenced: dict[str, str] = {}  # the ids cross-references name, with their labels
        self.blocks: list[_PendingBlock] = []
        self.on_first_page = True
        self.paragraph_count = 0

    # --- notes ---------------------------------------------------------------------------
    def _mark(self) -> tuple[str, bool]:
        if self.on_first_page and self.report.first_page_notes is FirstPageNotes.ASTERISKS:
            self.asterisk_notes += 1
            return "*" * self.asterisk_notes, True
        self.numbered_notes += 1
        return str(self.numbered_notes), False

    def add_note(
        self, text: tuple[str | Styled | CrossRef, ...], origin: NoteOrigin, participants: tuple[str, ...] = ()
    ) -> NoteRef:
        mark, custom = self._mark()
        self.notes.append(_PendingNote(mark, custom, text, origin, participants))
        return NoteRef(note=len(self.notes) - 1, mark=mark, custom=custom)

    def citation_text(self, citation: Citation) -> str:
        registry = self.report.participants
        names = [participant_text(registry[ident], self.pack) for ident in citation.participants]
        # typeset as any note's text is (French spaces): read back as a free note, it prints the same
        return self.pack.typeset(self.pack.table.participants_separator.join(names) + self.pack.table.note_end)

    def typeset(self, item: str | Styled | CrossRef) -> str | Styled | CrossRef:
        """The language's typography (French spaces) on the author's text."""
        if isinstance(item, str):
            return self.pack.typeset(item)
        match item:
            case Emphasis() | Strong():
                return type(item)(self.pack.typeset(item.text))
            case Link(url=""):  # a document symbol: its official page in the report's language
                return Link(item.text, self.pack.table.symbol_link.format(symbol=item.text))
        return item

    def typeset_texts(self, items: Sequence[_Item]) -> list[_Item]:
        """Plain, italic and bold texts side by side typeset as the one text they print: a space
        before ":" in italics after plain text is one space, however the text is cut."""
        out = list(items)
        group: list[int] = []
        for index in range(len(out) + 1):
            item = out[index] if index < len(out) else None
            if isinstance(item, (str, Emphasis, Strong)):
                group.append(index)
                continue
            texts = [piece if isinstance(piece, str) else piece.text
                     for piece in (out[i] for i in group) if isinstance(piece, (str, Emphasis, Strong))]
            for at, text in zip(group, self.pack.typeset_pieces(texts), strict=True):
                piece = out[at]
                out[at] = type(piece)(text) if isinstance(piece, (Emphasis, Strong)) else text  # type: ignore[assignment]
            group = []
        return out

    def runs(self, inlines: Inlines) -> tuple[_PendingRun, ...]:
        out: list[_PendingRun] = []
        for item in self.typeset_texts(inlines):
            match item:
                case str() | Emphasis() | Strong():
                    out.append(item)  # typeset with its neighbours
                case CrossRef() | Link():
                    out.append(self.typeset(item))
                case Note():
                    kept = (str, Emphasis, Strong, Link, CrossRef)
                    text = tuple(self.typeset(i) if isinstance(i, Link) else i
                                 for i in self.typeset_texts(item.text) if isinstance(i, kept))
                    out.append(self.add_note(text, NoteOrigin.NOTE))
                case Citation():
                    out.append(self.add_note((self.citation_text(item),), NoteOrigin.CITATION, item.participants))
                case _:
                    assert_never(item)
        return tuple(out)

    # --- blocks ----------------------------------------------------------------------------
    def emit(self, make: Callable[..., ResolvedBlock], field: str, runs: _PendingRuns) -> None:
        self.blocks.append(_PendingBlock(make, field, runs))

    def label(self, ident: str | None, label: str) -> None:
        if ident is not None:
            self.labels[ident] = label

    def heading(self, level: HeadingLevel, number: str, label: str, title: Inlines, node: Node | None,
                caption: str | None = None) -> None:
        ident = node.id if node is not None else None
        self.label(ident, label)
        self.emit(partial(Heading, level=level, number=number, id=ident, origin=node, caption=caption), "title",
                  self.runs(title))

    def paragraph(self, text: Inlines, node: Paragraph | Suggestion) -> None:
        self.paragraph_count += 1
        number = str(self.paragraph_count)
        self.label(node.id, number)
        printed = self.pack.table.paragraph_number.format(number=number)
        self.emit(partial(NumberedParagraph, number=printed, id=node.id, origin=node), "text", self.runs(text))

    def number(self, number: str) -> str:
        """A heading's number as printed: "IV.", "B.", "2." (or the language's own form)."""
        return self.pack.table.heading_number.format(number=number)

    def visit(self, visit: Visit) -> None:
        """The block (or blocks) one node of the body becomes, numbered by its place."""
        node, place = visit.node, visit.index + 1
        self.findings_heading(visit)
        match node:  # the most frequent kinds first: a match tries its cases in order
            case Paragraph():
                self.paragraph(node.text, node)
            case Subparagraph():
                label = self.pack.subparagraph_label(visit.depth, place)
                self.label(node.id, label)
                item = partial(SubparagraphItem, label=label, depth=visit.depth, id=node.id, origin=node)
                self.emit(item, "text", self.runs(node.text))
            case Suggestion():
                # The addressee is plain text set in fixed wording: a line break there is a space.
                addressee = node.addressee.replace("\n", " ")
                self.paragraph((self.pack.table.suggestion_lead_in.format(addressee=addressee),), node)
            case UnnumberedText():
                self.emit(partial(Unnumbered, id=node.id, origin=node), "text", self.runs(node.unnumbered))
            case Annex():
                self.paragraph_count = 0  # annexes number their paragraphs afresh
                numbered = self.pack.table.annex_numbered.format(numeral=roman(place))
                label = numbered if visit.count > 1 else self.pack.table.annex
                self.heading(HeadingLevel.ANNEX, label, label, node.title, node)
            case Chapter():
                numeral = self.pack.chapter_numeral(place)
                self.heading(HeadingLevel.CHAPTER, self.number(numeral), numeral, node.title, node,
                             self.pack.table.chapter_caption.format(numeral=numeral))
            case Section() | Findings():
                letter = self.pack.section_letter(place)
                title = node.title if isinstance(node, Section) else node.theme
                self.heading(HeadingLevel.SECTION, self.number(letter), letter, title, node)
            case Subsection():
                self.heading(HeadingLevel.SUBSECTION, self.number(str(place)), str(place),
                             node.title, node)
            case Resolution() | Preambular() | Operative() | Decision() | DecisionParagraph():
                self.instrument(visit, node)
            case _:
                assert_never(node)

    # --- instruments (issue 12) ----------------------------------------------------------------
    def instrument(self, visit: Visit, node: Instrument) -> None:
        """A resolution's label, title and enacting formula, its preambular and operative paragraphs;
        a decision's label, title and paragraphs."""
        match node:
            case Operative():
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
                self.emit(partial(InstrumentHeading, label=label.printed, id=node.id, origin=node), "title",
                          self.runs(node.title))
                self.emit(partial(InstrumentText, kind=InstrumentTextKind.ENACTING), "text", self.runs(node.enacting))
            case Decision():
                label = instrument_label(visit, node, self.report, self.pack)
                self.label(node.id, label.reference)
                self.emit(partial(InstrumentHeading, label=label.printed, id=node.id, origin=node,
                                  kind=InstrumentKind.DECISION), "title", self.runs(node.title))
            case DecisionParagraph():
                self.emit(partial(InstrumentText, kind=InstrumentTextKind.DECISION, id=node.id, origin=node),
                          "text", self.runs(node.text))
            case _:
                assert_never(node)
    # --- end instruments

    def findings_heading(self, visit: Visit) -> None:
        """"1. Main findings" before a findings section's first block, "2. Suggestions" before
        its first suggestion: fixed wording, numbered as the subsections they are."""
        if visit.index != 0 or visit.field not in ("main_findings", "suggestions"):
            return
        findings = visit.parent
        assert isinstance(findings, Findings)
        number = 2 if visit.field == "suggestions" and findings.main_findings else 1
        wording = self.pack.table.suggestions if visit.field == "suggestions" else self.pack.table.main_findings
        self.heading(HeadingLevel.SUBSECTION, self.number(str(number)), str(number), (wording,), None)

    # --- first page ------------------------------------------------------------------------
    def masthead(self) -> ResolvedMasthead:
        m = self.report.masthead
        line = self.pack.language_line(m.original_language, m.single_language)
        return ResolvedMasthead(
            symbol=m.symbol,
            symbols=symbol_parts(m.symbol),
            organ=self.pack.organ(m.organ),
            distribution=distribution_line(m.distribution, self.pack),
            date=self.pack.masthead_date(m.date),
            language_line=line,
            version_line=self.pack.version_line(m.original_language, m.single_language),
            versions_line=self.pack.versions_line(m.versions),
            job_number=m.job_number,
            united_nations=self.pack.table.united_nations,
        )

    def front(self) -> ResolvedFront:
        r = self.report
        agenda: list[AgendaLine] = []
        for index, item in enumerate(r.agenda_items):
            template = self.pack.table.agenda_item_provisional if item.provisional else self.pack.table.agenda_item
            label: list[_PendingRun] = [template.format(number=item.label)]
            # The provisional agenda's symbol is a note on the first item's line.
            if index == 0 and r.agenda_symbol and item.provisional:
                label.append(self.add_note((r.agenda_symbol + self.pack.table.note_end,), NoteOrigin.AGENDA))
            agenda.append(AgendaLine(label=tuple(label), title=self.pack.typeset(item.title)))  # type: ignore[arg-type]
        dates = self.pack.date_range(r.session.start, r.session.end)
        return ResolvedFront(
            parent_body=r.parent_body,
            body=r.body,
            session=self.pack.table.session.format(
                ordinal=self.pack.ordinal(r.session.number), number=r.session.number
            ),
            place_and_dates=dates if r.session.place is None else self.pack.table.place_and_dates.format(
                place=r.session.place, dates=dates
            ),
            agenda=tuple(agenda),
        )

    # --- cross-references ----------------------------------------------------------------
    def reference(self, ref: CrossRef) -> Reference:
        label = self.labels[ref.target]
        self.referenced[ref.target] = label
        return Reference(label, ref.target)

    def settle(self, runs: Iterable[_PendingRun]) -> Runs:
        return tuple(self.reference(run) if isinstance(run, CrossRef) else run for run in runs)

    def settle_note(self, runs: tuple[str | Styled | CrossRef, ...]) -> tuple[str | Styled, ...]:
        """A note's text settled (notes hold no note marks of their own)."""
        return tuple(self.reference(r) if isinstance(r, CrossRef) else r for r in runs)


@gc_paused
def resolve(report: Report) -> ResolvedReport:
    """Number everything, compose every note and settle every cross-reference."""
    if not isinstance(report, Report):  # a path or a dict would fail far inside, unexplained
        raise ReportError.single(
            "resolve: report", f"expected a Report, got {type(report).__name__}", "read one with cstd_docs.load(path)"
        )
    attrs.validate(report)  # its registry is a dict, which may have changed since the report was built
    problems = check(report)
    if problems:
        raise ReportError(problems)
    pack = language_pack(report.language)
    r = _Resolver(report, pack)
    masthead = r.masthead()
    front = r.front()
    title = r.runs(report.title)
    subtitles = [r.runs(s) for s in report.subtitles]
    r.on_first_page = False
    for visit in walk(report):
        r.visit(visit)

    blocks = [pending.settled(r.settle) for pending in r.blocks]
    notes = tuple(
        ResolvedNote(
            mark=n.mark, custom=n.custom, text=r.settle_note(n.text), origin=n.origin, participants=n.participants
        )
        for n in r.notes
    )
    front = ResolvedFront(
        parent_body=front.parent_body,
        body=front.body,
        session=front.session,
        place_and_dates=front.place_and_dates,
        agenda=tuple(AgendaLine(label=r.settle(a.label), title=a.title) for a in front.agenda),
    )
    return ResolvedReport(
        language=report.language,
        layout=report.layout,
        right_to_left=pack.right_to_left,
        masthead=masthead,
        front=front,
        title=r.settle(title),
        title_style=report.title_style,
        subtitles=tuple(r.settle(s) for s in subtitles),
        blocks=tuple(blocks),
        notes=notes,
        source=report,
        referenced=r.referenced,
        note_mark_separator=pack.table.note_mark_separator,
    )
