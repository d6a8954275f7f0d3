"""The contents page and the Official Records front matter, as the resolution pass composes them (issue 14).

A contents entry's paragraph range comes from the numbers the pass gave (``numbers``: the
index of each numbered paragraph among the blocks, with its number); nothing here counts
paragraphs again. The entries follow the headings in reading order: the report's chapters and
their sections, then the annexes under a line of their own ("Annexes"); an annex's chapters and
sections are not listed, their paragraphs count in the annex's range. The resolutions and decisions
of the chapters are listed under the entry they stand in, by the number their heading's label
derives (instrument_label: "II.", "Resolution 68/1"), as E/2025/28 lists chapter I's; they hold no
numbered paragraph of the report, so they have no range.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import assert_never

import attrs

from cstd_docs.lang import LanguagePack
from cstd_docs.lang.numbering import roman
from cstd_docs.model import Decision, Emphasis, Link, Report, Resolution, Strong, StrongEmphasis
from cstd_docs.resolve.document import (
    AgendaPart,
    BoxStart,
    BulletItem,
    Heading,
    HeadingLevel,
    InstrumentHeading,
    InstrumentText,
    LineItem,
    NoteLetter,
    NoteRef,
    NumberedParagraph,
    OperativeParagraph,
    ResolvedBlock,
    ResolvedCell,
    ResolvedFigure,
    ResolvedNote,
    ResolvedTable,
    Runs,
    SubparagraphItem,
    Unnumbered,
)
from cstd_docs.resolve.front_pages import (
    ContentsEntry,
    ContentsLevel,
    EntryRuns,
    ResolvedContents,
    ResolvedOfficialRecords,
)

__all__ = ["BLOCK_CHARACTERS", "contents", "official_records"]

#: What a block's spacing and its last line's blank end take, counted as characters of text (about
#: half a line of 10 pt text): a page of short paragraphs holds less text than a page of long ones.
BLOCK_CHARACTERS = 50


def _entry_title(runs: Runs) -> EntryRuns:
    """A heading's title as a contents entry prints it: no note marks; cross-references as their labels."""
    out: list[str | Emphasis | Strong | Link | StrongEmphasis] = []
    for run in runs:
        match run:
            case NoteRef() | NoteLetter():  # a table note's letter stands only in a cell
                continue
            case str():
                out.append(str(run))  # a Reference prints its label
            case Emphasis() | Strong() | Link() | StrongEmphasis():
                out.append(run)
            case _:
                assert_never(run)
    return tuple(out)


def _runs(block: ResolvedBlock) -> Runs:
    match block:
        case Heading() | InstrumentHeading() | BoxStart() | ResolvedFigure():
            return block.title
        case NumberedParagraph() | SubparagraphItem() | Unnumbered() | InstrumentText() | OperativeParagraph():
            return block.text
        case BulletItem() | LineItem() | AgendaPart():
            return block.text
        case ResolvedTable():  # its title and every cell's text
            cells = (cell for row in (*block.header, *block.rows) for cell in row if isinstance(cell, ResolvedCell))
            return (*block.title, *(run for cell in cells for run in cell.text))
        case _:
            assert_never(block)


def _printed(runs: Runs, notes: Sequence[ResolvedNote]) -> int:
    """The characters ``runs`` print, with the texts of the notes they mark."""
    size = 0
    for run in runs:
        if isinstance(run, NoteRef):
            size += sum(len(t) if isinstance(t, str) else len(t.text) for t in notes[run.note].text)
        elif isinstance(run, NoteLetter):
            size += len(run.letter)
        else:
            size += len(run) if isinstance(run, str) else len(run.text)
    return size


class _Ranges:
    """The open entries (an annex, or a chapter and its section) and the paragraph range of each."""

    def __init__(self, pack: LanguagePack, paragraphs: bool) -> None:
        self.pack = pack
        self.paragraphs = paragraphs
        self.entries: list[ContentsEntry] = []
        self.first: dict[int, int] = {}  # entry index → its first and last paragraph number
        self.last: dict[int, int] = {}
        self.open: list[int] = []

    def add(self, entry: ContentsEntry, keep: int) -> None:
        """Append ``entry`` and open it over the ``keep`` outer entries still open."""
        self.open = [*self.open[:keep], len(self.entries)]
        self.entries.append(entry)

    def list(self, entry: ContentsEntry) -> None:
        """Append ``entry`` under the open entries without opening it: the paragraphs after it are theirs."""
        self.entries.append(entry)

    def paragraph(self, number: int) -> None:
        for index in self.open:
            self.first.setdefault(index, number)
            self.last[index] = number

    def done(self) -> tuple[ContentsEntry, ...]:
        out = []
        for index, entry in enumerate(self.entries):
            first, last = self.first.get(index), self.last.get(index)
            printed = "" if first is None or last is None or not self.paragraphs else (
                str(first) if first == last else self.pack.table.contents.paragraph_range.format(first=first,
                                                                                                  last=last))
            out.append(attrs.evolve(entry, paragraphs=printed))
        return tuple(out)


def _instrument(block: InstrumentHeading, offset: int, depth: int) -> ContentsEntry:
    """A resolution's or decision's entry: a draft by its numeral, an adopted one by its label."""
    adopted = isinstance(block.origin, (Resolution, Decision)) and block.origin.official_number is not None
    level = ContentsLevel.ADOPTED if adopted else ContentsLevel.DRAFT
    return ContentsEntry(level, block.listed, _entry_title(block.title), "", block.origin, offset, depth)


def contents(report: Report, pack: LanguagePack, blocks: Sequence[ResolvedBlock], numbers: Mapping[int, int],
             notes: Sequence[ResolvedNote]) -> ResolvedContents | None:
    """The contents page the report asks for, or None; ``numbers`` maps a numbered paragraph's index among
    ``blocks`` to its number."""
    if report.contents is None:
        return None
    words = pack.table.contents
    ranges = _Ranges(pack, report.contents.paragraphs)
    annexes = sum(1 for b in blocks if isinstance(b, Heading) and b.level is HeadingLevel.ANNEX)
    seen_annexes, offset, in_annex = 0, 0, False
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            title = _entry_title(block.title)
            if block.level is HeadingLevel.ANNEX:
                if not in_annex:
                    over = words.annexes if annexes > 1 else pack.table.annex
                    ranges.add(ContentsEntry(ContentsLevel.ANNEXES, "", (over,), ""), 0)
                in_annex, seen_annexes = True, seen_annexes + 1
                number = pack.table.heading_number.format(number=roman(seen_annexes)) if annexes > 1 else ""
                ranges.add(ContentsEntry(ContentsLevel.ANNEX, number, title, "", block.origin, offset, 1), 0)
            elif block.level is HeadingLevel.CHAPTER and not in_annex:
                ranges.add(ContentsEntry(ContentsLevel.CHAPTER, block.number, title, "", block.origin, offset), 0)
            elif block.level is HeadingLevel.SECTION and not in_annex:
                ranges.add(ContentsEntry(ContentsLevel.SECTION, block.number, title, "", block.origin, offset, 1), 1)
        elif isinstance(block, InstrumentHeading) and ranges.open and not in_annex:
            ranges.list(_instrument(block, offset, len(ranges.open)))
        elif isinstance(block, NumberedParagraph) and index in numbers:
            ranges.paragraph(numbers[index])
        offset += _printed(_runs(block), notes) + BLOCK_CHARACTERS
    return ResolvedContents(words.heading, words.chapter, words.paragraphs if report.contents.paragraphs else None,
                            words.page, ranges.done())


def official_records(report: Report, pack: LanguagePack) -> ResolvedOfficialRecords | None:
    """The Official Records front matter the report asks for, or None."""
    records = report.official_records
    if records is None:
        return None
    words = pack.table.official_records
    # What an import left to fill in (validate names it) prints empty, as on the masthead: never made up.
    date, organ, session = report.masthead.date, report.masthead.organ, report.session
    year = records.year if records.year is not None else date.year if date is not None else ""
    return ResolvedOfficialRecords(
        organ=pack.organ(organ) if organ is not None else "",
        records=words.records.format(year=year),
        supplement=words.supplement.format(number=records.supplement),
        session_dates=words.session_dates.format(dates=pack.date_range(session.start, session.end))
        if session is not None else "",
        imprint=words.imprint.format(year=date.year if date is not None else year),
        note_heading=words.note_heading,
        symbols_note=words.symbols_note,
        issn=words.issn.format(issn=records.issn) if records.issn is not None else None,
        date_line=words.date_line.format(date=pack.date(date)) if date is not None else "",
    )
