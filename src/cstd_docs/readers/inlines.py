"""Visible runs into the model's inline content; ids for new blocks; what the assembly shares.

A note whose text is what the registry prints for participants becomes a citation again;
a Word cross-reference field whose bookmark names a block of the base (or a block's own
anchor) becomes a cross-reference; everything else is text, emphasis or a free note.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from attrs import define, field

from cstd_docs.crossrefs import bookmark_name
from cstd_docs.errors import Problem
from cstd_docs.lang import LanguagePack
from cstd_docs.model import Citation, CrossRef, Inline, Inlines, Link, Note
from cstd_docs.readers.base import Base
from cstd_docs.readers.signature import joined, merge_text, note_runs, runs_plain
from cstd_docs.readers.visible import BlockKind, VBlock, VNote, VRef, VRun, asterisk
from cstd_docs.resolve import participant_text


@define
class InlineBuilder:
    """Runs → inlines, knowing the registry's citations and the bookmarks of the base's blocks."""

    #: A citation's printed text → the registry ids it cites.
    citations: dict[str, tuple[str, ...]]
    #: The Word writer's bookmark (crossrefs.bookmark_name) → the id of the block it marks.
    bookmarks: dict[str, str]
    #: The label a cross-reference showed where it was read, to print if its target is gone.
    shown: dict[str, str] = field(factory=dict)
    #: A note with a custom mark ("*") was read: the first page's notes take asterisks.
    custom_marks: bool = False
    #: The language's address of a document symbol's page ("https://undocs.org/en/{symbol}").
    symbol_link: str = ""

    def inlines(self, runs: Sequence[VRun]) -> Inlines:
        out: list[Inline] = []
        for run in joined(runs, keep_refs=True):
            if isinstance(run, VNote):
                out.append(self.note(run))
            else:
                out.append(self.reference(run) if isinstance(run, VRef) else self.symbol(run))
        return tuple(merge_text(out))

    def symbol(self, run: Any) -> Any:
        """A link to a symbol's own page is the symbol linked (its address is derived again)."""
        if isinstance(run, Link) and self.symbol_link and run.url == self.symbol_link.format(symbol=run.text):
            return Link(run.text)
        return run

    def note(self, run: VNote) -> Citation | Note:
        text = note_runs(joined(run.text, keep_refs=True))
        if asterisk(run):  # a number an instrument restarted is no asterisk (issue 12)
            self.custom_marks = True
        plain_text = all(isinstance(r, str) and not isinstance(r, VRef) for r in text)
        cited = self.citations.get(runs_plain(text).strip()) if plain_text else None
        if cited:
            return Citation(cited)
        return Note(tuple(merge_text(self.symbol(self.reference(r)) for r in text)) if text else ("",))

    def reference(self, run: Any) -> Any:
        """A cross-reference read from a Word field, if its bookmark names a block of the base.

        Its target may since have been deleted: ``refs.settle`` then prints its number.
        A field of another document, or without a base, reads as the text it shows.
        """
        if not isinstance(run, VRef):
            return run
        target = self.bookmarks.get(run.bookmark)
        if target is None:
            return str(run)
        self.shown.setdefault(target, str(run))
        return CrossRef(target)


#: The longest part of a made-up id taken from a block's words: four ordinary words fit.
_SLUG = 64


@define
class Ids:
    """Ids for blocks that have none yet, never one already taken."""

    taken: set[str]

    def new(self, runs: Sequence[VRun], prefix: str = "p") -> str:
        words = re.findall(r"[^\W_]+", runs_plain(runs).lower())[:4]
        # Cut: a word may be as long as the draft (a 10 MB line), and an id over the limit of
        # report files would refuse the whole import for a name the reader made up.
        slug = "-".join(w for w in words if w.isascii())[:_SLUG].strip("-") or "new"
        ident = f"{prefix}-{slug}"
        n = 2
        candidate = ident
        while candidate in self.taken:
            candidate = f"{ident}-{n}"
            n += 1
        self.taken.add(candidate)
        return candidate


@define
class Context:
    """What the assembly stages share: the language, the base, the inline builder, the ids."""

    pack: LanguagePack
    language: str
    base: Base | None
    inline: InlineBuilder
    ids: Ids
    #: Each visible block's own id (a Markdown anchor), by its index, when no one else has it.
    anchors: dict[int, str]
    source: str
    warnings: list[Problem]
    #: The number each paragraph printed and where, by the id it was given (readers/numbers.py compares
    #: them with the numbers the report prints again).
    printed: dict[str, tuple[str, str]] = field(factory=dict)
    #: Items whose label prints otherwise than the document printed it: (place, "(d) → (a)").
    relabelled: list[tuple[str, str]] = field(factory=list)

    def warn(self, where: str, message: str, hint: str | None = None) -> None:
        self.warnings.append(Problem(f"{self.source}:{where}" if where else self.source, message, hint))

    def inlines(self, runs: Sequence[VRun]) -> Inlines:
        return self.inline.inlines(runs)


def citations(base: Base, pack: LanguagePack) -> dict[str, tuple[str, ...]]:
    """The printed text of every citation the base can make, and whom it cites."""
    found: dict[str, tuple[str, ...]] = {}
    end = pack.table.note_end
    for ident, who in base.report.participants.items():
        found.setdefault(pack.typeset(participant_text(who, pack) + end), (ident,))
    for note in base.doc.notes:
        if note.participants:
            found.setdefault(runs_plain(list(note.text)).strip(), note.participants)
    return found


#: The first word of a made-up id, by the kind of block it names.
_PREFIXES = {BlockKind.ANNEX: "annex", BlockKind.CHAPTER: "chapter", BlockKind.SECTION: "section",
             BlockKind.SUBSECTION: "subsection", BlockKind.SUBPARAGRAPH: "sub", BlockKind.TABLE: "table",
             BlockKind.FIGURE: "figure"}


def context(base: Base | None, blocks: Sequence[VBlock], pack: LanguagePack, language: str,
            source: str, warnings: list[Problem]) -> Context:
    taken: set[str] = set()
    bookmarks: dict[str, str] = {}
    for item in base.items if base is not None else ():
        if item.id:
            taken.add(item.id)
            bookmarks[bookmark_name(item.id)] = item.id
    # Ids the document gives its blocks itself (Markdown anchors): targets too. Each anchor
    # goes to the first block carrying it, unless the base uses that id; all are reserved
    # now, so that no id made up for an earlier block can take one.
    anchors: dict[int, str] = {}
    for index, block in enumerate(blocks):
        if block.anchor is not None and block.anchor not in taken:
            taken.add(block.anchor)
            anchors[index] = block.anchor
            bookmarks.setdefault(bookmark_name(block.anchor), block.anchor)
    ids = Ids(taken)
    if base is None:
        # Word without its source: a block whose label carries the writer's bookmark is a target
        # whose id only the source knew; it gets one, and the references to it keep pointing at it
        for index, block in enumerate(blocks):
            if block.bookmark is not None and block.bookmark not in bookmarks and index not in anchors:
                words = block.floating.title if block.floating is not None else block.runs  # a table's: its title's
                anchors[index] = bookmarks[block.bookmark] = ids.new(list(words), _PREFIXES.get(block.kind, "p"))
    cited = citations(base, pack) if base is not None else {}
    builder = InlineBuilder(cited, bookmarks, symbol_link=pack.table.symbol_link)
    return Context(pack, language, base, builder, ids, anchors, source, warnings)

