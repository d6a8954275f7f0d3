"""What changed between two versions of a report: blocks, notes, front page, participants.

Both versions are resolved and their blocks (headings, numbered paragraphs, subparagraphs,
unnumbered text) aligned by :mod:`cstd_docs.compare`: by id first (ids survive a round
trip through Word or Markdown), then by content. Each change names what changed, its id
and its place in each version: added, removed, moved (its place among what both versions
share changed, said with its neighbours when its number did not), edited (with a word
diff) or renamed (same block, another id). Notes are compared within the blocks that
pair; renumbering alone is not a change. docs/redline.md describes the alignment.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator, Sequence

import attrs
from attrs import frozen

from cstd_docs.compare import Op, Step, Unit, align, pair_notes, similar, units
from cstd_docs.compare.blocks import block_runs, note_text, runs_text, weight, wording
from cstd_docs.model import Report
from cstd_docs.resolve.document import ResolvedNote, ResolvedReport

__all__ = ["Change", "changes_json", "diff_reports", "format_changes", "word_diff"]


@frozen
class Change:
    """One change. ``kind``: "added", "removed", "moved", "edited" or "renamed"; ``what``:
    "paragraph", "subparagraph", "heading", "unnumbered", "note", "front" or "participant".

    ``old_number``/``new_number``: a paragraph's number ("12", "Annex I 3"), a note's mark,
    a heading's number; ``old_place``/``new_place`` say where as a reader would ("¶12 (a)",
    "heading II.A", "note 5 in ¶12"); ``detail`` adds what the kind needs (a move's
    neighbours, a renamed id)."""

    kind: str
    id: str | None
    old_number: str | None
    new_number: str | None
    old_text: str | None = None
    new_text: str | None = None
    words: str | None = None
    what: str = "paragraph"
    old_place: str | None = None
    new_place: str | None = None
    detail: str | None = None
    #: For a block moved together with the blocks before it (a chapter moved whole): the new
    #: place of the first of them. The text output then says it once.
    moved_with: str | None = None


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


def _number(unit: Unit) -> str:
    """The bare number a reader quotes: "12", "12 (a)", "II.A"; the place for unnumbered text."""
    return unit.place.removeprefix("¶").removeprefix("heading ")


def _words(unit: Unit, notes: Sequence[ResolvedNote]) -> str:
    """The block's own words: its notes are compared as notes, so a changed note is not also an edit here."""
    return runs_text(block_runs(unit.block), notes, with_notes=False)


class _Differ:
    def __init__(self, old: ResolvedReport, new: ResolvedReport) -> None:
        self.old, self.new = old, new
        self.a, self.b = units(old), units(new)

    def change(self, kind: str, old: Unit | None, new: Unit | None, **more: str | None) -> Change:
        unit = new or old
        assert unit is not None
        return Change(kind, unit.id if new is None or new.id is None else new.id,
                      _number(old) if old else None, _number(new) if new else None,
                      what=unit.kind, old_place=old.place if old else None, new_place=new.place if new else None,
                      **more)

    def blocks(self) -> Iterator[Change]:
        a, b = self.a, self.b
        ops = align([u.key for u in a], [u.key for u in b], [u.content for u in a], [u.content for u in b],
                    lambda i, j: a[i].kind == b[j].kind and similar(a[i].text, b[j].text), lambda j: weight(b[j].kind))
        leader: Op | None = None
        for index, op in enumerate(ops):
            if op.step is Step.MOVED_TO:
                before = ops[index - 1] if index else None
                together = before is not None and before.step is Step.MOVED_TO and before.old == op.old - 1  # type: ignore[operator]
                leader = leader if together else op
            match op.step:
                case Step.INSERTED:
                    assert op.new is not None
                    yield self.change("added", None, b[op.new], new_text=b[op.new].text)
                case Step.DELETED:
                    assert op.old is not None
                    yield self.change("removed", a[op.old], None, old_text=a[op.old].text)
                case Step.MOVED_TO:
                    assert op.old is not None and op.new is not None
                    assert leader is not None and leader.new is not None
                    yield self.moved(op.old, op.new, None if leader is op else b[leader.new].place)
                    yield from self.paired(a[op.old], b[op.new])
                case Step.SAME:
                    assert op.old is not None and op.new is not None
                    yield from self.paired(a[op.old], b[op.new])
                case Step.MOVED_FROM:
                    pass  # told where it arrives
                case _:
                    raise AssertionError(op.step)

    def moved(self, i: int, j: int, moved_with: str | None) -> Change:
        old, new = self.a[i], self.b[j]
        detail = None
        if _number(old) == _number(new):
            was = self.a[i - 1].place if i else "the beginning"
            now = self.b[j - 1].place if j else "the beginning"
            detail = f"now after {now}, was after {was}"
        return self.change("moved", old, new, detail=detail, moved_with=moved_with)

    def paired(self, old: Unit, new: Unit) -> Iterator[Change]:
        if old.id != new.id:
            yield self.change("renamed", old, new, detail=f"id {old.id or '(none)'} → {new.id or '(none)'}")
        x, y = _words(old, self.old.notes), _words(new, self.new.notes)
        if wording(block_runs(old.block)) != wording(block_runs(new.block)):  # not a cross-reference renumbered
            yield self.change("edited", old, new, old_text=x, new_text=y, words=word_diff(x, y))
        yield from self.notes(old, new)

    def notes(self, old: Unit, new: Unit) -> Iterator[Change]:
        pairs = pair_notes(old.refs, new.refs, self.old.notes, self.new.notes)
        paired_old = {i for i, _ in pairs}
        paired_new = {k for _, k in pairs}
        for r in old.refs:
            if r.note not in paired_old:
                text = note_text(self.old.notes[r.note])
                yield _note("removed", r.mark, None, old.place, None, text, None)
        for r in new.refs:
            if r.note not in paired_new:
                text = note_text(self.new.notes[r.note])
                yield _note("added", None, r.mark, None, new.place, None, text)
        for i, k in pairs:
            x, y = note_text(self.old.notes[i]), note_text(self.new.notes[k])
            if x != y:
                yield _note("edited", self.old.notes[i].mark, self.new.notes[k].mark, old.place, new.place, x, y)


def _note(kind: str, old_mark: str | None, new_mark: str | None, old_place: str | None, new_place: str | None,
          old_text: str | None, new_text: str | None) -> Change:
    words = word_diff(old_text, new_text) if old_text is not None and new_text is not None else None
    return Change(kind, None, old_mark, new_mark, old_text, new_text, words, what="note",
                  old_place=f"note {old_mark} in {old_place}" if old_mark else None,
                  new_place=f"note {new_mark} in {new_place}" if new_mark else None)


def _front(report: ResolvedReport) -> dict[str, str]:
    """The front page's lines, by name."""
    m, f = report.masthead, report.front
    lines = {"symbol": m.symbol or "", "date": m.date, "distribution": m.distribution,
             "language line": m.language_line, "organ": m.organ, "body": f.body, "session": f.session,
             "place and dates": f.place_and_dates,
             "title": runs_text(report.title, report.notes)}
    for n, subtitle in enumerate(report.subtitles, start=1):
        lines[f"subtitle {n}"] = runs_text(subtitle, report.notes)
    for line in f.agenda:
        lines[runs_text(line.label, report.notes, with_notes=False)] = line.title
    if report.letter is not None:  # the letter of transmittal goes before the title: front matter
        letter = report.letter
        lines["letter heading"] = letter.heading
        for n, paragraph in enumerate(letter.paragraphs, start=1):
            lines[f"letter paragraph {n}"] = runs_text(paragraph, report.notes)
        lines["letter signatures"] = "; ".join(letter.signatures)
        lines["letter signatory title"] = letter.signatory_title or ""
    # The contents page (its entries follow the body) and the Official Records front matter (issue 14).
    if report.contents is not None:
        lines["contents"] = " · ".join(x for x in (report.contents.heading, report.contents.paragraphs) if x)
    records = report.official_records
    if records is not None:
        lines["official records"] = records.records
        lines["supplement"] = records.supplement
        if records.issn is not None:
            lines["ISSN"] = records.issn
    return lines


def _front_changes(old: ResolvedReport, new: ResolvedReport) -> Iterator[Change]:
    a, b = _front(old), _front(new)
    for name in [*a, *(n for n in b if n not in a)]:
        x, y = a.get(name), b.get(name)
        if x == y:
            continue
        kind = "edited" if x is not None and y is not None else ("added" if x is None else "removed")
        words = word_diff(x, y) if x is not None and y is not None else None
        yield Change(kind, None, None, None, x, y, words, what="front", old_place=name if x is not None else None,
                     new_place=name if y is not None else None)


def _participant_changes(old: ResolvedReport, new: ResolvedReport) -> Iterator[Change]:
    from cstd_docs.lang import language_pack
    from cstd_docs.resolve import participant_text

    a, b = old.source.participants, new.source.participants
    pa, pb = language_pack(old.language), language_pack(new.language)
    for ident in [*a, *(i for i in b if i not in a)]:
        x = participant_text(a[ident], pa) if ident in a else None
        y = participant_text(b[ident], pb) if ident in b else None
        if x == y:
            continue
        kind = "edited" if x is not None and y is not None else ("added" if x is None else "removed")
        words = word_diff(x, y) if x is not None and y is not None else None
        yield Change(kind, ident, None, None, x, y, words, what="participant",
                     old_place=f"participant {ident}" if x is not None else None,
                     new_place=f"participant {ident}" if y is not None else None)


def diff_reports(old: Report, new: Report) -> list[Change]:
    """Every change from ``old`` to ``new``: the front page, then the body in reading order, then the registry."""
    from cstd_docs.resolve import resolve

    a, b = resolve(old), resolve(new)
    return [*_front_changes(a, b), *_Differ(a, b).blocks(), *_participant_changes(a, b)]


def _short(text: str | None, limit: int = 100) -> str:
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _line(c: Change) -> str:
    ident = f" ({c.id})" if c.id else ""
    place = c.new_place or c.old_place or ""
    if c.kind == "added":
        return f"added {place}{ident}: {_short(c.new_text)}"
    if c.kind == "removed":
        return f"removed {place}{ident}: {_short(c.old_text)}"
    if c.kind == "moved":
        where = f"{c.old_place} → {c.new_place}" if c.detail is None else f"{c.new_place}"
        return f"moved {where}{ident}" + (f": {c.detail}" if c.detail else "")
    if c.kind == "renamed":
        return f"renamed {place}: {c.detail}"
    where = place if c.old_place in (None, c.new_place) else f"{c.old_place} → {c.new_place}"
    return f"edited {where}{ident}: {c.words}"


def format_changes(changes: list[Change]) -> str:
    """One line per change, e.g. ``edited ¶12 (p-themes): … [-old-]{+new+} …``; blocks moved
    together (a chapter) as one line for the first of them."""
    followers: dict[str, list[Change]] = {}
    for c in changes:
        if c.kind == "moved" and c.moved_with is not None:
            followers.setdefault(c.moved_with, []).append(c)
    lines: list[str] = []
    for c in changes:
        if c.kind == "moved" and c.moved_with is not None:
            continue
        line = _line(c)
        group = followers.get(c.new_place or "") if c.kind == "moved" else None
        if group:
            last = group[-1]
            count = f"{len(group)} block{'s' if len(group) > 1 else ''}"
            line += f", with the {count} after it (to {last.old_place} → {last.new_place})"
        lines.append(line)
    return "\n".join(lines) + ("\n" if lines else "")


def changes_json(changes: list[Change]) -> str:
    """The changes as a JSON array of objects (every field of :class:`Change`), for scripts."""
    return json.dumps([attrs.asdict(c) for c in changes], ensure_ascii=False, indent=2) + "\n"
