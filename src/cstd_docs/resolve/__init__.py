"""The one resolution pass: numbers, notes, cross-references and participant notes.

Every writer consumes the :class:`ResolvedReport` this produces, so a paragraph
inserted anywhere renumbers every output the same way. The pass walks the report in
reading order once, numbering as it goes, then replaces cross-references by the
numbers they point at (they may point forward).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

import attrs
from attrs import frozen

from cstd_docs.errors import ReportError
from cstd_docs.lang import LanguagePack, language_pack
from cstd_docs.model import (
    Annex,
    Block,
    Chapter,
    Citation,
    CrossRef,
    Delegation,
    Emphasis,
    Findings,
    FirstPageNotes,
    Inlines,
    Node,
    Note,
    Organization,
    Paragraph,
    Participant,
    Person,
    Report,
    Section,
    Subparagraph,
    Subsection,
    Suggestion,
    UnnumberedText,
)
from cstd_docs.model.check import check
from cstd_docs.perf import gc_paused
from cstd_docs.resolve.document import (
    AgendaLine,
    Heading,
    HeadingLevel,
    NoteOrigin,
    NoteRef,
    NumberedParagraph,
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
from cstd_docs.resolve.numbering import roman

__all__ = ["ResolvedReport", "participant_text", "resolve"]


def participant_text(who: Participant, pack: LanguagePack) -> str:
    """A participant as a note names them: "Ms. Maria Basso, Lead, …, World Economic Forum"."""
    if isinstance(who, Person):
        name = str(pack.table.get("person_name", "{honorific} {name}")).format(honorific=who.honorific, name=who.name)
        parts = [name, who.position, who.organization, who.country]
    elif isinstance(who, Delegation):
        parts = [pack.representative(who.country)]
    elif isinstance(who, Organization):
        parts = [who.name, who.country]
    return str(pack["participant_parts_separator"]).join(p for p in parts if p)


# Unresolved runs may still hold cross-references until the second step.
_PendingRun = Run | CrossRef
_PendingRuns = tuple[_PendingRun, ...]


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
    text: tuple[str | Emphasis | CrossRef, ...]
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
        self, text: tuple[str | Emphasis | CrossRef, ...], origin: NoteOrigin, participants: tuple[str, ...] = ()
    ) -> NoteRef:
        mark, custom = self._mark()
        self.notes.append(_PendingNote(mark, custom, text, origin, participants))
        return NoteRef(note=len(self.notes) - 1, mark=mark, custom=custom)

    def citation_text(self, citation: Citation) -> str:
        registry = self.report.participants
        names = [participant_text(registry[ident], self.pack) for ident in citation.participants]
        return str(self.pack["participants_separator"]).join(names) + str(self.pack["note_end"])

    def typeset(self, item: str | Emphasis | CrossRef) -> str | Emphasis | CrossRef:
        """The language's typography (French spaces) on the author's text."""
        if isinstance(item, str):
            return self.pack.typeset(item)
        if isinstance(item, Emphasis):
            return Emphasis(self.pack.typeset(item.text))
        return item

    def runs(self, inlines: Inlines) -> tuple[_PendingRun, ...]:
        out: list[_PendingRun] = []
        for item in inlines:
            if isinstance(item, (str, Emphasis, CrossRef)):
                out.append(self.typeset(item))
            elif isinstance(item, Note):
                text = tuple(self.typeset(i) for i in item.text if isinstance(i, (str, Emphasis, CrossRef)))
                out.append(self.add_note(text, NoteOrigin.NOTE))
            elif isinstance(item, Citation):
                out.append(self.add_note((self.citation_text(item),), NoteOrigin.CITATION, item.participants))
        return tuple(out)

    # --- blocks ----------------------------------------------------------------------------
    def emit(self, make: Callable[..., ResolvedBlock], field: str, runs: _PendingRuns) -> None:
        self.blocks.append(_PendingBlock(make, field, runs))

    def label(self, ident: str | None, label: str) -> None:
        if ident is not None:
            self.labels[ident] = label

    def heading(self, level: HeadingLevel, number: str, label: str, title: Inlines, node: Node | None) -> None:
        ident = node.id if node is not None else None
        self.label(ident, label)
        self.emit(partial(Heading, level=level, number=number, id=ident, origin=node), "title", self.runs(title))

    def paragraph(self, text: Inlines, node: Paragraph | Suggestion, subparagraphs: Iterable[Subparagraph]) -> None:
        self.paragraph_count += 1
        number = str(self.paragraph_count)
        self.label(node.id, number)
        printed = self.pack.phrase("paragraph_number", number=number)
        self.emit(partial(NumberedParagraph, number=printed, id=node.id, origin=node), "text", self.runs(text))
        self.subparagraphs(tuple(subparagraphs), 1)

    def subparagraphs(self, items: tuple[Subparagraph, ...], depth: int) -> None:
        for index, sub in enumerate(items, start=1):
            label = self.pack.subparagraph_label(depth, index)
            self.label(sub.id, label)
            item = partial(SubparagraphItem, label=label, depth=depth, id=sub.id, origin=sub)
            self.emit(item, "text", self.runs(sub.text))
            self.subparagraphs(sub.subparagraphs, depth + 1)

    def content(self, blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                self.paragraph(block.text, block, block.subparagraphs)
            elif isinstance(block, UnnumberedText):
                self.emit(partial(Unnumbered, id=block.id, origin=block), "text", self.runs(block.unnumbered))

    def number(self, template_key: str, number: str) -> str:
        return self.pack.phrase(template_key, number=number)

    def chapters(self, chapters: tuple[Chapter, ...]) -> None:
        for c_index, chapter in enumerate(chapters, start=1):
            numeral = self.pack.chapter_numeral(c_index)
            number = self.number("heading_number", numeral)
            self.heading(HeadingLevel.CHAPTER, number, numeral, chapter.title, chapter)
            self.content(chapter.content)
            for s_index, part in enumerate(chapter.sections, start=1):
                letter = self.pack.section_letter(s_index)
                number = self.number("heading_number", letter)
                if isinstance(part, Findings):
                    self.findings(part, number, letter)
                else:
                    self.section(part, number, letter)

    def section(self, section: Section, number: str, letter: str) -> None:
        self.heading(HeadingLevel.SECTION, number, letter, section.title, section)
        self.content(section.content)
        self.subsections(section.subsections)

    def subsections(self, subsections: tuple[Subsection, ...]) -> None:
        for index, sub in enumerate(subsections, start=1):
            number = self.number("heading_number", str(index))
            self.heading(HeadingLevel.SUBSECTION, number, str(index), sub.title, sub)
            self.content(sub.content)

    def findings(self, findings: Findings, number: str, letter: str) -> None:
        self.heading(HeadingLevel.SECTION, number, letter, findings.theme, findings)
        parts: list[tuple[str, Findings]] = []
        if findings.main_findings:
            parts.append(("main_findings", findings))
        if findings.suggestions:
            parts.append(("suggestions", findings))
        for index, (key, _) in enumerate(parts, start=1):
            self.heading(HeadingLevel.SUBSECTION, self.number("heading_number", str(index)), str(index),
                         (str(self.pack[key]),), None)
            if key == "main_findings":
                self.content(findings.main_findings)
                continue
            for suggestion in findings.suggestions:
                lead_in = self.pack.phrase("suggestion_lead_in", addressee=suggestion.addressee)
                self.paragraph((lead_in,), suggestion, suggestion.courses)

    def annexes(self, annexes: tuple[Annex, ...]) -> None:
        for index, annex in enumerate(annexes, start=1):
            self.paragraph_count = 0  # annexes number their paragraphs afresh
            numeral = roman(index)
            label = self.pack.phrase("annex_numbered", numeral=numeral) if len(annexes) > 1 else str(self.pack["annex"])
            self.heading(HeadingLevel.ANNEX, label, label, annex.title, annex)
            self.content(annex.content)
            self.chapters(annex.chapters)

    # --- first page ------------------------------------------------------------------------
    def masthead(self) -> ResolvedMasthead:
        m = self.report.masthead
        line = self.pack.language_line(m.original_language, m.single_language)
        return ResolvedMasthead(
            symbol=m.symbol,
            organ=m.organ,
            distribution=str(self.pack["distribution"][m.distribution.value]),
            date=self.pack.masthead_date(m.date),
            language_line=line,
            job_number=m.job_number,
            united_nations=str(self.pack["united_nations"]),
        )

    def front(self) -> ResolvedFront:
        r = self.report
        agenda: list[AgendaLine] = []
        for index, item in enumerate(r.agenda_items):
            key = "agenda_item_provisional" if item.provisional else "agenda_item"
            label: list[_PendingRun] = [self.pack.phrase(key, number=item.number)]
            # The provisional agenda's symbol is a note on the first item's line.
            if index == 0 and r.agenda_symbol and item.provisional:
                label.append(self.add_note((r.agenda_symbol + str(self.pack["note_end"]),), NoteOrigin.AGENDA))
            agenda.append(AgendaLine(label=tuple(label), title=self.pack.typeset(item.title)))  # type: ignore[arg-type]
        return ResolvedFront(
            body=r.body,
            session=self.pack.phrase("session", ordinal=self.pack.ordinal(r.session.number), number=r.session.number),
            place_and_dates=self.pack.phrase(
                "place_and_dates", place=r.session.place, dates=self.pack.date_range(r.session.start, r.session.end)
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

    def settle_note(self, runs: tuple[str | Emphasis | CrossRef, ...]) -> tuple[str | Emphasis, ...]:
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
    r.chapters(report.chapters)
    r.annexes(report.annexes)

    blocks = [pending.settled(r.settle) for pending in r.blocks]
    notes = tuple(
        ResolvedNote(
            mark=n.mark, custom=n.custom, text=r.settle_note(n.text), origin=n.origin, participants=n.participants
        )
        for n in r.notes
    )
    front = ResolvedFront(
        body=front.body,
        session=front.session,
        place_and_dates=front.place_and_dates,
        agenda=tuple(AgendaLine(label=r.settle(a.label), title=a.title) for a in front.agenda),
    )
    return ResolvedReport(
        language=report.language,
        right_to_left=pack.right_to_left,
        masthead=masthead,
        front=front,
        title=r.settle(title),
        subtitles=tuple(r.settle(s) for s in subtitles),
        blocks=tuple(blocks),
        notes=notes,
        source=report,
        referenced=r.referenced,
    )
