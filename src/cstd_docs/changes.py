"""What changed between two versions of a report, paragraph by paragraph.

Paragraphs are paired by id (ids survive a round trip through Word or Markdown);
paragraphs without an id are paired by identical text. Each change names the
paragraph's id and its number in each version: added, removed, moved (its place
among the paragraphs both versions share changed) or edited (with a word diff).
"""

from __future__ import annotations

import difflib
import re
from typing import assert_never

from attrs import frozen

from cstd_docs.model import Emphasis, Link, Report, Strong
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import (
    Heading,
    HeadingLevel,
    NoteRef,
    NumberedParagraph,
    ResolvedNote,
    Runs,
    SubparagraphItem,
    Unnumbered,
)

__all__ = ["Change", "diff_reports", "format_changes", "word_diff"]


@frozen
class Change:
    """One paragraph's change. ``kind``: "added", "removed", "moved" or "edited"."""

    kind: str
    id: str | None
    old_number: str | None
    new_number: str | None
    old_text: str | None = None
    new_text: str | None = None
    words: str | None = None


@frozen
class _Para:
    key: str
    id: str | None
    number: str
    text: str


def _paragraphs(report: Report) -> list[_Para]:
    """The numbered paragraphs of a report, each with its subparagraphs' text folded in."""
    doc = resolve(report)
    out: list[_Para] = []
    current: _Para | None = None
    annex = ""
    for block in doc.blocks:
        match block:
            case NumberedParagraph():
                if current is not None:
                    out.append(current)
                text = _text(block.text, doc.notes)
                current = _Para(block.id or f"text:{text}", block.id, annex + block.number.rstrip("."), text)
            case SubparagraphItem() if current is not None:
                text = f"{current.text} {block.label} {_text(block.text, doc.notes)}"
                key = current.key if current.id is not None else f"text:{text}"
                current = _Para(key, current.id, current.number, text)
            case Heading() | SubparagraphItem() | Unnumbered():
                if current is not None:
                    out.append(current)
                    current = None
                if isinstance(block, Heading) and block.level is HeadingLevel.ANNEX:
                    annex = f"{block.number} "
            case _:
                assert_never(block)
    if current is not None:
        out.append(current)
    return out


def _text(runs: Runs, notes: tuple[ResolvedNote, ...]) -> str:
    parts: list[str] = []
    for run in runs:
        match run:
            case str():
                parts.append(run)
            case Emphasis():
                parts.append(f"*{run.text}*")
            case Strong():
                parts.append(f"**{run.text}**")
            case Link():
                parts.append(f"[{run.text}]({run.url})")
            case NoteRef():
                inner = _text(notes[run.note].text, notes)
                parts.append(f"[^{inner}]")
            case _:
                assert_never(run)
    return "".join(parts).strip()


def word_diff(old: str, new: str) -> str:
    """The new text with deletions as ``[-old-]`` and insertions as ``{+new+}``."""
    a = re.findall(r"\S+|\s+", old)
    b = re.findall(r"\S+|\s+", new)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append("".join(a[i1:i2]))
            continue
        if op in ("delete", "replace"):
            out.append("[-" + "".join(a[i1:i2]) + "-]")
        if op in ("insert", "replace"):
            out.append("{+" + "".join(b[j1:j2]) + "+}")
    return "".join(out)


def _pair(before: list[_Para], after: list[_Para]) -> dict[int, int]:
    """new index → old index: by id, then by identical text, then by similar text."""
    pairs: dict[int, int] = {}
    old_ids = {p.id: i for i, p in enumerate(before) if p.id}
    for j, p in enumerate(after):
        if p.id and p.id in old_ids:
            pairs[j] = old_ids[p.id]
    taken = set(pairs.values())
    by_text: dict[str, list[int]] = {}
    for i, p in enumerate(before):
        if i not in taken:
            by_text.setdefault(p.text, []).append(i)
    for j, p in enumerate(after):
        if j in pairs:
            continue
        free = [i for i in by_text.get(p.text, []) if i not in taken]
        if free:
            pairs[j] = free[0]
            taken.add(free[0])
    for j, p in enumerate(after):
        if j in pairs:
            continue
        best: tuple[float, int] | None = None
        for i, q in enumerate(before):
            if i in taken or (p.id and q.id and p.id in old_ids):
                continue
            matcher = difflib.SequenceMatcher(None, q.text, p.text, autojunk=False)
            if matcher.quick_ratio() < 0.6:
                continue
            ratio = matcher.ratio()
            if ratio >= 0.6 and (best is None or ratio > best[0]):
                best = (ratio, i)
        if best is not None:
            pairs[j] = best[1]
            taken.add(best[1])
    return pairs


def diff_reports(old: Report, new: Report) -> list[Change]:
    """Every paragraph added, removed, moved or edited from ``old`` to ``new``."""
    before = _paragraphs(old)
    after = _paragraphs(new)
    pairs = _pair(before, after)
    paired_old = set(pairs.values())
    shared_new = [j for j in range(len(after)) if j in pairs]
    shared_old = sorted(pairs[j] for j in shared_new)
    in_place: set[int] = set()
    sequence = [pairs[j] for j in shared_new]
    for block in difflib.SequenceMatcher(None, shared_old, sequence, autojunk=False).get_matching_blocks():
        in_place.update(sequence[block.b : block.b + block.size])
    changes: list[Change] = []
    for i, p in enumerate(before):
        if i not in paired_old:
            changes.append(Change("removed", p.id, p.number, None, old_text=p.text))
    for j, p in enumerate(after):
        if j not in pairs:
            changes.append(Change("added", p.id, None, p.number, new_text=p.text))
            continue
        was = before[pairs[j]]
        ident = p.id or was.id
        if pairs[j] not in in_place:
            changes.append(Change("moved", ident, was.number, p.number))
        if was.text != p.text:
            changes.append(Change("edited", ident, was.number, p.number, was.text, p.text, word_diff(was.text, p.text)))
    return changes


def _short(text: str | None, limit: int = 100) -> str:
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_changes(changes: list[Change]) -> str:
    """One line per change, e.g. ``edited ¶12 (p-themes): … [-old-]{+new+} …``."""
    lines: list[str] = []
    for c in changes:
        ident = f" ({c.id})" if c.id else ""
        if c.kind == "added":
            lines.append(f"added ¶{c.new_number}{ident}: {_short(c.new_text)}")
        elif c.kind == "removed":
            lines.append(f"removed ¶{c.old_number}{ident}: {_short(c.old_text)}")
        elif c.kind == "moved":
            lines.append(f"moved ¶{c.old_number} → ¶{c.new_number}{ident}")
        else:
            number = c.new_number if c.old_number == c.new_number else f"{c.old_number} → ¶{c.new_number}"
            lines.append(f"edited ¶{number}{ident}: {c.words}")
    return "\n".join(lines) + ("\n" if lines else "")
