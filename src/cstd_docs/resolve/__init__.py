"""The one resolution pass: numbers, notes, cross-references and participant notes.

Every writer consumes the :class:`ResolvedReport` this produces, so a paragraph
inserted anywhere renumbers every output the same way. The pass walks the report in
reading order once, numbering as it goes, then replaces cross-references by the
numbers they point at (they may point forward). The first page's masthead and the lines
under it are composed in ``first_page``, the author's text typeset in ``typeset``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import assert_never

import attrs
from attrs import frozen

from cstd_docs.errors import ReportError
from cstd_docs.lang import LanguagePack, language_pack
from cstd_docs.lang.numbering import roman
from cstd_docs.model import (
    AgendaDocument,
    Annex,
    AnnexNumerals,
    Box,
    Chapter,
    Citation,
    CrossRef,
    Decision,
    DecisionParagraph,
    Delegation,
    Emphasis,
    Figure,
    Findings,
    FirstPageNotes,
    Inlines,
    Link,
    Node,
    Note,
    Numbering,
    Operative,
    Organization,
    Paragraph,
    Participant,
    Person,
    Preambular,
    ProvisionalAgenda,
    ProvisionalItem,
    ProvisionalSubItem,
    Report,
    Resolution,
    Section,
    Strong,
    StrongEmphasis,
    Styled,
    Subparagraph,
    Subsection,
    Suggestion,
    Table,
    TableNoteMark,
    UnnumberedText,
)
from cstd_docs.model.lists import Bullet, IndentedLines, Line
from cstd_docs.model.sound import check_once
from cstd_docs.model.walk import Visit, walk
from cstd_docs.perf import gc_paused
from cstd_docs.resolve import first_page, tables
from cstd_docs.resolve.boxes import SUMMARY, OpenBox, inside
from cstd_docs.resolve.document import (
    BoxKind,
    BoxStart,
    BulletItem,
    Heading,
    HeadingLevel,
    LineItem,
    NoteLetter,
    NoteOrigin,
    NoteRef,
    NumberedParagraph,
    Reference,
    ResolvedBlock,
    ResolvedLetter,
    ResolvedNote,
    ResolvedReport,
    Runs,
    SubparagraphItem,
    Unnumbered,
)
from cstd_docs.resolve.first_page import distribution_line, symbol_parts
from cstd_docs.resolve.front_matter import contents, official_records
from cstd_docs.resolve.instrument_pass import InstrumentPass, PendingRun, PendingRuns
from cstd_docs.resolve.typeset import typeset, typeset_texts

#: The level of a heading that prints no numeral, by its kind.
_UNNUMBERED_LEVELS: dict[type, HeadingLevel] = {Chapter: HeadingLevel.CHAPTER, Section: HeadingLevel.SECTION,
                                                Subsection: HeadingLevel.SUBSECTION}

__all__ = ["ResolvedReport", "distribution_line", "participant_text", "resolve", "symbol_parts"]


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


# Unresolved runs may still hold cross-references until the second step.
_PendingRun = PendingRun
_PendingRuns = PendingRuns


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
    key: str | None = None


class _Resolver(InstrumentPass):
    def __init__(self, report: Report, pack: LanguagePack) -> None:
        self.report = report
        self.pack = pack
        self.notes: list[_PendingNote] = []
        self.numbered_notes = 0
        self.asterisk_notes = 0
        self.labels: dict[str, str] = {}  # id -> number as cross-references print it
        self.referenced: dict[str, str] = {}  # the ids cross-references name, with their labels
        self.blocks: list[_PendingBlock | tables.PendingFloat] = []
        self.on_first_page = True
        self.paragraph_count = 0
        self.box_count = 0
        self.open_boxes: list[OpenBox] = []
        #: How many numbered headings each list of headings (by its JSON path) has had so far.
        self.numbered_headings: dict[str, int] = {}
        # Tables and figures (issue 13): counted through the body and afresh in each annex; the
        # letters of the notes of the table being resolved.
        self.table_count = self.figure_count = 0
        self.note_letters: dict[str, str] = {}
        #: Each numbered paragraph's place among the blocks, with its number (for the contents' ranges).
        self.paragraph_at: dict[int, int] = {}
        #: The instrument numbering its notes on its own that the walk is in (issue 12), or None.
        self.scope = None
        self.scope_keys = set()
        #: The numbering of the part being resolved (the report's, or an annex's), and under decimal
        #: numbering the counters of the open levels ([3, 1, 1] printed "3.1.1.").
        self.numbering = report.numbering
        self.clauses: list[int] = []

    # --- notes ---------------------------------------------------------------------------
    def _mark(self) -> tuple[str, bool, str | None]:
        if self.on_first_page and self.report.first_page_notes is FirstPageNotes.ASTERISKS:
            self.asterisk_notes += 1
            return "*" * self.asterisk_notes, True, None
        if self.scope is not None:  # its own numbers, typed as marks: they use up none of the report's
            self.scope = attrs.evolve(self.scope, count=self.scope.count + 1)
            self.scope_keys.add(self.scope.key)  # taken by its first note (instrument_pass.enter_scope)
            return str(self.scope.count), True, f"{self.scope.key}.{self.scope.count}"
        self.numbered_notes += 1
        return str(self.numbered_notes), False, None

    def add_note(
        self, text: tuple[str | Styled | CrossRef, ...], origin: NoteOrigin, participants: tuple[str, ...] = ()
    ) -> NoteRef:
        mark, custom, key = self._mark()
        self.notes.append(_PendingNote(mark, custom, text, origin, participants, key))
        return NoteRef(note=len(self.notes) - 1, mark=mark, custom=custom, key=key)

    def citation_text(self, citation: Citation) -> str:
        registry = self.report.participants
        names = [participant_text(registry[ident], self.pack) for ident in citation.participants]
        # typeset as any note's text is (French spaces): read back as a free note, it prints the same
        return self.pack.typeset(self.pack.table.participants_separator.join(names) + self.pack.table.note_end)

    def runs(self, inlines: Inlines) -> tuple[_PendingRun, ...]:
        out: list[_PendingRun] = []
        for item in typeset_texts(self.pack, inlines):
            match item:
                case str() | Emphasis() | Strong() | StrongEmphasis():
                    out.append(item)  # typeset with its neighbours
                case CrossRef() | Link():
                    out.append(typeset(self.pack, item))
                case Note():
                    kept = (str, Emphasis, Strong, Link, CrossRef, StrongEmphasis)
                    text = tuple(typeset(self.pack, i) if isinstance(i, Link) else i
                                 for i in typeset_texts(self.pack, item.text) if isinstance(i, kept))
                    out.append(self.add_note(text, NoteOrigin.NOTE))
                case Citation():
                    out.append(self.add_note((self.citation_text(item),), NoteOrigin.CITATION, item.participants))
                case TableNoteMark():
                    out.append(NoteLetter(self.note_letters[item.note]))
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
        level = node.level if isinstance(node, Paragraph) else 1
        if self.numbering is Numbering.DECIMAL:
            del self.clauses[level:]
            self.clauses += [0] * (level - len(self.clauses))
            self.clauses[level - 1] += 1
            number = ".".join(map(str, self.clauses))
        else:
            self.paragraph_count += 1
            number = str(self.paragraph_count)
        self.label(node.id, number)
        self.paragraph_at[len(self.blocks)] = self.paragraph_count
        printed = self.pack.table.paragraph_number.format(number=number)
        self.emit(partial(NumberedParagraph, number=printed, id=node.id, origin=node, level=level,
                          numbering=self.numbering), "text", self.runs(text))

    def number(self, number: str) -> str:
        """A heading's number as printed: "IV.", "B.", "2." (or the language's own form)."""
        return self.pack.table.heading_number.format(number=number)

    def numbered_place(self, visit: Visit) -> int:
        """A numbered heading's place among the numbered headings of its list (issue 13: a heading
        that prints no numeral is not counted: I, unnumbered, II)."""
        count = self.numbered_headings.get(visit.within, 0) + 1
        self.numbered_headings[visit.within] = count
        return count

    def annex(self, visit: Visit, node: Annex) -> None:
        """An annex's heading ("Annex II", or "Annex" when it is the only one); its paragraphs, tables and
        figures are numbered afresh, in its own numbering."""
        place = visit.index + 1
        self.paragraph_count = 0  # annexes number their paragraphs afresh
        self.table_count = self.figure_count = 0
        self.numbering, self.clauses = node.numbering or self.report.numbering, []
        arabic = self.report.annex_numerals is AnnexNumerals.ARABIC
        numbered = self.pack.table.annex_numbered.format(numeral=str(place) if arabic else roman(place))
        label = numbered if visit.count > 1 else self.pack.table.annex
        self.heading(HeadingLevel.ANNEX, label, label, node.title, node)

    def visit(self, visit: Visit) -> None:
        """The block (or blocks) one node of the body becomes, numbered by its place."""
        node, place = visit.node, visit.index + 1
        self.leave_scope(visit)
        self.boxes(visit)
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
                self.annex(visit, node)
            case Chapter(numbered=False) | Section(numbered=False) | Subsection(numbered=False):
                self.heading(_UNNUMBERED_LEVELS[type(node)], "", "", node.title, node)
            case Chapter():
                numeral = self.pack.chapter_numeral(self.numbered_place(visit))
                self.heading(HeadingLevel.CHAPTER, self.number(numeral), numeral, node.title, node,
                             self.pack.table.chapter_caption.format(numeral=numeral))
            case Section() | Findings():
                letter = self.pack.section_letter(self.numbered_place(visit))
                title = node.title if isinstance(node, Section) else node.theme
                self.heading(HeadingLevel.SECTION, self.number(letter), letter, title, node)
            case Subsection():
                number = str(self.numbered_place(visit))
                self.heading(HeadingLevel.SUBSECTION, self.number(number), number, node.title, node)
            case Resolution() | Preambular() | Operative() | Decision() | DecisionParagraph():
                self.instrument(visit, node)
            case Box():
                self.box_count += 1
                self.label(node.id, str(self.box_count))
                label = self.pack.table.box_numbered.format(number=self.box_count)
                self.open_box(node, BoxKind.BOX, label, node.title)
            case Bullet():
                self.emit(partial(BulletItem, level=visit.depth, id=node.id, origin=node), "text",
                          self.runs(node.bullet))
            case Line():
                last = visit.index == visit.count - 1
                self.emit(partial(LineItem, indent=node.indent, last=last, id=node.id, origin=node), "text",
                          self.runs(node.line))
            case IndentedLines():
                pass  # its lines are its blocks
            case Table() | Figure():
                self.table_or_figure(node)
            case ProvisionalAgenda() | ProvisionalItem() | ProvisionalSubItem() | AgendaDocument():
                self.agenda(visit, node)
            case _:
                assert_never(node)

    # --- boxes (issue 13) ------------------------------------------------------------------------
    def boxes(self, visit: Visit) -> None:
        """Close the boxes the walk has left; open the summary at its first paragraph."""
        while self.open_boxes and not inside(self.open_boxes[-1], visit):
            self.close_box()
        if visit.within == SUMMARY and visit.index == 0:
            self.open_box(None, BoxKind.SUMMARY, "", (self.pack.table.summary,))
        elif visit.within != SUMMARY:
            self.on_first_page = False  # the summary stands on page 1, the body after it

    def open_box(self, node: Box | None, kind: BoxKind, label: str, title: Inlines) -> None:
        ident = node.id if node is not None else None
        self.open_boxes.append(OpenBox(node, len(self.blocks)))
        self.emit(partial(BoxStart, kind=kind, label=label, id=ident, origin=node), "title", self.runs(title))

    def close_box(self) -> None:
        box = self.open_boxes.pop()
        pending = self.blocks[box.at]
        assert isinstance(pending, _PendingBlock)  # open_box emitted it: a box's heading
        framed = len(self.blocks) - box.at - 1
        self.blocks[box.at] = attrs.evolve(pending, make=partial(pending.make, blocks=framed))

    def letter(self) -> Callable[[], ResolvedLetter] | None:
        """The letter of transmittal, its notes numbered now (it precedes the title); settled once the
        body's numbers are known, as its cross-references may name them."""
        letter = self.report.letter
        if letter is None:
            return None
        heading = self.pack.letter_title(letter.date, letter.sender.replace("\n", " "),
                                         letter.addressee.replace("\n", " "))
        paragraphs = [self.runs(p) for p in letter.paragraphs]
        signatures = tuple(self.pack.table.signed.format(name=name) for name in letter.signatories)
        return lambda: ResolvedLetter(self.pack.typeset(heading), tuple(self.settle(p) for p in paragraphs),
                                      signatures, letter.signatory_title)
    # --- end boxes

    # --- tables and figures (issue 13) ------------------------------------------------------------
    def table_or_figure(self, node: Table | Figure) -> None:
        """A table ("Table 1" when it has a title) or a figure ("Figure I"), numbered by its place."""
        words = self.pack.table.tables
        if isinstance(node, Figure):
            self.figure_count += 1
            caption, label = self.pack.figure_caption(self.figure_count)
            self.label(node.id, label)
            self.blocks.append(tables.figure(node, caption, label, self.runs, words.source))
            return
        numbered: str | None = None
        label = ""
        if node.title is not None:
            self.table_count += 1
            numbered, label = self.pack.table_caption(self.table_count)
            self.label(node.id, label)
        self.note_letters = {note.id: self.pack.table_note_letter(i) for i, note in enumerate(node.notes, 1)}
        self.blocks.append(tables.table(node, numbered, label, self.runs, self.pack.table_note_letter,
                                        words.source))
        self.note_letters = {}
    # --- end tables and figures


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
    problems = check_once(report)
    if problems:
        raise ReportError(problems)
    pack = language_pack(report.language)
    r = _Resolver(report, pack)
    masthead = first_page.masthead(report, pack)
    front = first_page.front(report, pack, r.add_note)
    letter = r.letter()
    title = r.runs(report.title)
    subtitles = [r.runs(s) for s in report.subtitles]
    for visit in walk(report):
        r.visit(visit)
    while r.open_boxes:
        r.close_box()

    blocks = [pending.settled(r.settle) for pending in r.blocks]
    notes = tuple(
        ResolvedNote(
            mark=n.mark, custom=n.custom, text=r.settle_note(n.text), origin=n.origin, participants=n.participants,
            key=n.key,
        )
        for n in r.notes
    )
    front = first_page.settled_front(front, r.settle)
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
        letter=letter() if letter is not None else None,
        contents=contents(report, pack, blocks, r.paragraph_at, notes),
        official_records=official_records(report, pack),
    )
