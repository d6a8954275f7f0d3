"""The last assembly stage: cross-references whose target is gone become the number they printed.

An editor may delete the paragraph a cross-reference names, or turn it into unnumbered
text: the reference then prints what it last showed (the base's label, else the label
read in the draft), joins the text around it, and the reader says so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from cstd_docs.model import (
    AgendaDocument,
    CrossRef,
    DecisionParagraph,
    Masthead,
    Preambular,
    ProvisionalAgenda,
    Report,
    Session,
    Table,
    UnnumberedText,
)
from cstd_docs.readers.base import Base
from cstd_docs.readers.signature import merge_text
from cstd_docs.readers.visible import BlockKind


def _numbered_ids(report: Report) -> set[str]:
    """The ids of every block that prints a number (unnumbered text has none to print)."""
    ids: set[str] = set()

    def collect(obj: Any) -> None:
        if isinstance(obj, tuple):
            for x in obj:
                collect(x)
        elif attrs.has(type(obj)):
            ident = getattr(obj, "id", None)
            unnumbered = (UnnumberedText, Preambular, DecisionParagraph, ProvisionalAgenda, AgendaDocument)
            untitled = isinstance(obj, Table) and obj.title is None  # a text table: no number either
            if isinstance(ident, str) and not isinstance(obj, unnumbered) and not untitled:
                ids.add(ident)
            for f in attrs.fields(type(obj)):
                collect(getattr(obj, f.name))

    collect(report.content)
    collect(report.chapters)
    collect(report.annexes)
    return ids


#: Kinds whose label ends in the full stop a cross-reference does not print ("12." → "12").
_NUMBERED = (BlockKind.PARAGRAPH, BlockKind.OPERATIVE, BlockKind.AGENDA_ITEM)


def _base_labels(base: Base | None) -> dict[str, str]:
    """What each block of the base printed as its number ("12", "(a)", "II")."""
    labels: dict[str, str] = {}
    for item in base.items if base is not None else ():
        if item.id:
            labels[item.id] = item.label.rstrip(".") if item.kind in _NUMBERED else item.label
    return labels


def settle(report: Report, base: Base | None, shown: Mapping[str, str],
           warn: Callable[[str, str, str], None]) -> Report:
    """The report with every reference to a block that no longer prints a number printed as text."""
    ids = _numbered_ids(report)
    labels = _base_labels(base)
    dangling: list[str] = []

    def fix(obj: Any) -> Any:
        if isinstance(obj, tuple):
            fixed = [fix(x) for x in obj]
            # A reference turned into its number joins the text around it.
            pairs = zip(obj, fixed, strict=True)
            printed = any(isinstance(x, CrossRef) and not isinstance(y, CrossRef) for x, y in pairs)
            return tuple(merge_text(fixed)) if printed else tuple(fixed)
        if isinstance(obj, CrossRef):
            if obj.target in ids:
                return obj
            dangling.append(obj.target)
            # What it last printed: the base's label, else what the draft showed; never the id.
            return labels.get(obj.target) or shown.get(obj.target, "")
        if attrs.has(type(obj)) and not isinstance(obj, (Masthead, Session)):
            changes = {f.name: fix(getattr(obj, f.name)) for f in attrs.fields(type(obj))
                       if isinstance(getattr(obj, f.name), tuple)}
            return attrs.evolve(obj, **{k.lstrip("_"): v for k, v in changes.items()}) if changes else obj
        return obj

    fixed = fix(report)
    for target in dangling:
        warn("", f"a cross-reference to {target!r} pointed at a deleted block", "it became the number it last printed")
    assert isinstance(fixed, Report)
    return fixed
