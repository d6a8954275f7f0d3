"""The blocks of a resolved document as the comparison sees them: keys, places and text.

Built on :class:`~cstd_docs.resolve.document.ResolvedReport`, so that numbers are the
printed ones and a new block kind is one more case in :func:`unit` (mypy finds it).
"""

from __future__ import annotations

import difflib
from collections.abc import Hashable, Sequence
from typing import assert_never

from attrs import frozen

from cstd_docs.model import Emphasis, Link, Strong, StrongEmphasis
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
    Reference,
    ResolvedBlock,
    ResolvedCell,
    ResolvedFigure,
    ResolvedNote,
    ResolvedReport,
    ResolvedTable,
    Run,
    SubparagraphItem,
    Unnumbered,
)

__all__ = ["Unit", "block_runs", "note_text", "pair_notes", "runs_text", "similar", "units", "weight", "wording"]

#: How much keeping a heading in place is worth, against 1 for any other block: a paragraph
#: moved across a heading is then what moves (the heading stays).
HEADING_WEIGHT = 2

#: How alike two texts must be (difflib's ratio) for a block without a shared id to be an edit.
SIMILARITY = 0.5


@frozen
class Unit:
    """One block: ``kind`` ("heading", "paragraph", "subparagraph", "unnumbered"), its
    identity ``key`` (its id, else its kind, parent and text), ``content`` (kind and text,
    numbers left out), ``place`` as a reader names it ("¶12", "¶12 (a)", "heading II.A",
    "unnumbered text after ¶12") and ``text`` as printed, notes inline as ``[^…]``."""

    kind: str
    key: Hashable
    content: Hashable
    place: str
    text: str
    id: str | None
    refs: tuple[NoteRef, ...]
    block: ResolvedBlock


def note_text(note: ResolvedNote) -> str:
    return "".join(_shown(t) for t in note.text)


def _shown(run: str | Emphasis | Strong | Link | StrongEmphasis) -> str:
    """A run as the text output shows it: emphasis ``*…*``, strong ``**…**``, a link ``[text](url)``."""
    match run:
        case str():
            return run
        case Emphasis():
            return f"*{run.text}*"
        case Strong():
            return f"**{run.text}**"
        case Link():
            return f"[{run.text}]({run.url})"
        case StrongEmphasis():
            return f"***{run.text}***"
        case _:
            assert_never(run)


def runs_text(runs: Sequence[Run], notes: Sequence[ResolvedNote], *, with_notes: bool = True) -> str:
    """Text as printed: emphasis as ``*…*``, a note as ``[^its text]`` (or nothing: ``with_notes=False``),
    references as their labels."""
    parts: list[str] = []
    for run in runs:
        if isinstance(run, NoteRef):
            if with_notes:
                parts.append(f"[^{note_text(notes[run.note])}]")
        elif isinstance(run, NoteLetter):
            parts.append(f"^{run.letter}")
        else:
            parts.append(_shown(run))
    return "".join(parts).strip()


def block_runs(block: ResolvedBlock) -> tuple[Run, ...]:
    """What a block prints after its number: a heading's title, the others' text."""
    match block:
        case Heading() | InstrumentHeading() | BoxStart():
            return block.title
        case NumberedParagraph() | SubparagraphItem() | Unnumbered() | InstrumentText() | OperativeParagraph():
            return block.text
        case BulletItem() | LineItem():
            return block.text
        case ResolvedTable() | ResolvedFigure():
            return float_runs(block)
        case AgendaPart():
            return block.text
        case _:
            assert_never(block)


# --- tables and figures (issue 13) ------------------------------------------------------------------
def float_runs(block: ResolvedTable | ResolvedFigure, *, caption: bool = True) -> tuple[Run, ...]:
    """What a table or a figure prints, in the order the Word writer lays it out: its caption (which
    renumbering changes: left out of a comparison's keys) and title, each row's cells (" | " between
    them, " / " between rows), its source, its notes."""
    out: list[Run] = [block.caption or "", " ", *block.title] if caption else [*block.title]
    if isinstance(block, ResolvedTable):
        for row in (*block.header, *block.rows):
            out.append(" / ")
            for at, cell in enumerate(c for c in row if isinstance(c, ResolvedCell)):
                out.extend((" | " if at else "", *cell.text))
    if block.source is not None:
        out.extend((" ", block.source_label, " ", *block.source))
    if isinstance(block, ResolvedTable):
        for note in block.notes:
            out.extend((f" {note.letter} ", *note.text))
    return tuple(out)
# --- end tables and figures


def weight(kind: str) -> int:
    return HEADING_WEIGHT if kind == "heading" else 1


def wording(runs: Sequence[Run]) -> tuple[object, ...]:
    """What the author wrote: text, emphasis, and cross-references by target (not the label they
    print, which follows renumbering); notes left out."""
    return tuple(("ref", r.target) if isinstance(r, Reference) else r for r in runs if not isinstance(r, NoteRef))


def _refs(runs: Sequence[Run]) -> tuple[NoteRef, ...]:
    return tuple(r for r in runs if isinstance(r, NoteRef))


class _Places:
    """Where the walk is: annex, chapter, section, last paragraph; names places from them."""

    def __init__(self) -> None:
        self.annex = ""
        self.heading: list[str] = []
        self.paragraph = ""
        #: The resolution or decision being walked: its label, which places its paragraphs.
        self.instrument = "the resolution"
        self.parent: Hashable = None
        self.last = "the beginning"

    def enter(self, level: HeadingLevel, number: str) -> str:
        label = number.rstrip(".")
        match level:
            case HeadingLevel.ANNEX:
                self.annex, self.heading = f"{label} ", []
                return label
            case HeadingLevel.CHAPTER:
                self.heading = [label]
            case HeadingLevel.SECTION:
                self.heading = [*self.heading[:1], label]
            case HeadingLevel.SUBSECTION:
                self.heading = [*self.heading[:2], label]
            case _:
                assert_never(level)
        return f"heading {self.annex}{'.'.join(self.heading)}"


def unit(block: ResolvedBlock, notes: Sequence[ResolvedNote], places: _Places) -> Unit:
    """The unit of one block; ``places`` follows the walk."""
    match block:
        case Heading():
            place = places.enter(block.level, block.number)
            kind, runs = "heading", block.title
            places.parent = None
        case NumberedParagraph():
            places.paragraph = f"¶{places.annex}{block.number.rstrip('.')}"
            kind, runs, place = "paragraph", block.text, places.paragraph
        case SubparagraphItem():
            kind, runs, place = "subparagraph", block.text, f"{places.paragraph} {block.label}"
        case Unnumbered():
            kind, runs, place = "unnumbered", block.text, f"unnumbered text after {places.last}"
        case InstrumentHeading():
            places.instrument = block.label or f"the {block.kind.value}"
            kind, runs, place = "instrument", block.title, places.instrument
            places.parent = None
        case InstrumentText():
            kind, runs, place = "instrument text", block.text, f"{places.instrument}, {block.kind.value} text"
        case OperativeParagraph():
            # Numbered within its resolution: its key is its resolution's place, never a report ¶.
            places.paragraph = f"{places.instrument}, operative paragraph {block.number.rstrip('.')}"
            kind, runs, place = "operative", block.text, places.paragraph
        case BoxStart():  # a box's heading: "Box 1" and its title, or the summary's
            kind, runs, place = "box", block.title, block.label or f"the {block.kind.value}"
        case BulletItem():
            kind, runs, place = "bullet", block.text, f"a bullet after {places.last.removeprefix('a bullet after ')}"
        case LineItem():
            kind, runs, place = "line", block.text, f"a line after {places.last.removeprefix('a line after ')}"
        case ResolvedTable() | ResolvedFigure():
            kind = "table" if isinstance(block, ResolvedTable) else "figure"
            runs, place = float_runs(block, caption=False), block.caption or f"a table after {places.last}"
        case AgendaPart():  # placed in its instrument: "Draft decision I, agenda item 4."
            kind, runs = "agenda", block.text
            place = f"{places.instrument}, {block.kind.value} {block.label}".rstrip()
        case _:
            assert_never(block)
    text = runs_text(runs, notes)
    content = (kind, text)
    key: Hashable = ("id", block.id) if block.id is not None else (kind, places.parent, text)
    if kind in ("paragraph", "operative"):
        places.parent = key
    places.last = place
    return Unit(kind, key, content, place, text, block.id, _refs(runs), block)


def units(report: ResolvedReport) -> list[Unit]:
    """Every block of the document, in reading order."""
    places = _Places()
    return [unit(block, report.notes, places) for block in report.blocks]


def similar(a: str, b: str) -> bool:
    """Whether ``b`` reads as an edit of ``a`` (word sequences at least half alike)."""
    x, y = a.split(), b.split()
    matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
    return matcher.real_quick_ratio() >= SIMILARITY and matcher.quick_ratio() >= SIMILARITY \
        and matcher.ratio() >= SIMILARITY


def pair_notes(old: Sequence[NoteRef], new: Sequence[NoteRef], old_notes: Sequence[ResolvedNote],
               new_notes: Sequence[ResolvedNote]) -> list[tuple[int, int]]:
    """(old note, new note) pairs between the note marks of two paired blocks.

    Notes with the same text pair in order; a changed note pairs with the one in its
    place (an edited note), so added and removed notes are what is left over.
    """
    a = [note_text(old_notes[r.note]) for r in old]
    b = [note_text(new_notes[r.note]) for r in new]
    if a == b:
        return [(x.note, y.note) for x, y in zip(old, new, strict=True)]
    pairs: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("equal", "replace"):
            pairs.extend((old[i1 + k].note, new[j1 + k].note) for k in range(min(i2 - i1, j2 - j1)))
    return pairs
