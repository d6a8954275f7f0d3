"""The numbering a document prints, read back as the schemes the report derives its numbers from.

Numbers are never kept: the report derives them again. What a document shows decides how:
a part (the report's body, or an annex) whose paragraphs print clause numbers ("3.1.",
"9.2.3.1.") is numbered the decimal way, each paragraph at the level its number shows; annexes
printed "Annex 1" take arabic numerals. After the import, every number the report will print
is compared with the one the document printed: one that differs (a number printed twice, a
gap, a clause that skips a level) is said, with its place, and counted as not kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from cstd_docs.model import AnnexNumerals, Numbering, Report
from cstd_docs.readers.coverage import Kind, Losses
from cstd_docs.readers.labels import annex_arabic
from cstd_docs.readers.visible import BlockKind, VBlock
from cstd_docs.resolve.document import Heading, HeadingLevel, NumberedParagraph, ResolvedReport

__all__ = ["Schemes", "clause_levels", "renumbered", "schemes", "with_schemes"]

Warn = Callable[[str, str, str | None], None]


def clause_levels(blocks: Sequence[VBlock], warn: Warn) -> tuple[VBlock, ...]:
    """The blocks with each clause at most one level deeper than the one before it in its part
    (a part's first at level 1): a clause that skips a level is read one level down from where it
    would print, and said so."""
    out: list[VBlock] = []
    last = 0
    for block in blocks:
        if block.kind is BlockKind.ANNEX:
            last = 0
        elif block.kind is BlockKind.PARAGRAPH:
            if block.level > last + 1:
                warn(block.where, f"clause {block.number} skips a level after a clause of level {last}",
                     f"it was read at level {last + 1}; its number is derived again")
                block = attrs.evolve(block, level=last + 1)
            last = block.level
        out.append(block)
    return tuple(out)


@attrs.frozen
class Schemes:
    """The numbering each part prints: the report's body, then each annex in order; the annexes' numerals."""

    body: Numbering | None
    annexes: tuple[Numbering | None, ...]
    arabic: bool | None


def schemes(blocks: Sequence[VBlock]) -> Schemes:
    """Decimal where a part's paragraphs print clause numbers, the UN's where they print only whole
    numbers, None where a part prints no number; annexes arabic when one prints "Annex 1"."""
    parts: list[list[int]] = [[]]
    numerals: set[bool] = set()
    for block in blocks:
        if block.kind is BlockKind.ANNEX:
            parts.append([])
            words = block.number.split()
            if len(words) > 1 or re.search(r"\d", block.number):
                numerals.add(annex_arabic(block.number))
        elif block.kind is BlockKind.PARAGRAPH and block.number != "#":
            parts[-1].append(block.level)
    found = [None if not levels else Numbering.DECIMAL if max(levels) > 1 else Numbering.UN for levels in parts]
    return Schemes(found[0], tuple(found[1:]), (True in numerals) if numerals else None)


def with_schemes(report: Report, shown: Schemes, base: Report | None) -> Report:
    """The report numbered as the document shows; where it shows nothing, as the base (or the UN) numbers."""
    default = base.numbering if base is not None else Numbering.UN
    decimal_annexes = [s for s in shown.annexes if s is not None]
    body = shown.body
    if body is None and decimal_annexes and all(s is Numbering.DECIMAL for s in decimal_annexes):
        body = Numbering.DECIMAL  # a regulation's annexes, after an unnumbered introduction
    body = body or default
    annexes = []
    for index, annex in enumerate(report.annexes):
        own = shown.annexes[index] if index < len(shown.annexes) else None
        if own is None and base is not None and index < len(base.annexes):
            own = base.annexes[index].numbering or base.numbering
        annexes.append(attrs.evolve(annex, numbering=None if own in (None, body) else own))
    numerals = report.annex_numerals if shown.arabic is None and base is None else (
        AnnexNumerals.ARABIC if shown.arabic else
        base.annex_numerals if shown.arabic is None and base is not None else AnnexNumerals.ROMAN)
    return attrs.evolve(report, numbering=body, annexes=tuple(annexes), annex_numerals=numerals)


def _bare(label: str) -> str:
    return " ".join(label.replace("\u00a0", " ").split()).rstrip(".").strip()


def renumbered(doc: ResolvedReport, losses: Losses, warn: Warn) -> None:
    """Say each number that prints differently than the document printed it (a paragraph's, an annex's).

    Only in a document that carries no source report: in a draft of ours, an editor's insertion
    leaves later labels stale, and deriving them again is the point."""
    if not losses.foreign:
        return
    annexes = iter(losses.annex_labels)
    for block in doc.blocks:
        if isinstance(block, Heading) and block.level is HeadingLevel.ANNEX:
            shown, where = next(annexes, ("", ""))
        elif isinstance(block, NumberedParagraph) and block.id in losses.printed:
            shown, where = losses.printed[block.id]
        else:
            continue
        if shown in ("", "#") or _bare(shown).lower() == _bare(block.number).lower():
            continue
        warn(where, f"printed {shown!r}, it prints {block.number!r} when rendered",
             "numbers are derived from the order of the paragraphs and annexes; check the document's own")
        losses.add(Kind.NUMBER, where, f"{shown} → {block.number}", words=0)
