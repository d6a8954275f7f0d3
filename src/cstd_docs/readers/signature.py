"""Printed text compared as printed: normalised runs and their signatures.

Two blocks print the same when their signatures are equal: text with its blanks
collapsed, emphasis, and notes with their own text. The pairing with the base and the
choice between the base's content and the visible text both rest on this.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import Any

from cstd_docs.model import Emphasis, Link, Strong, StrongEmphasis
from cstd_docs.readers.visible import NoteRun, VNote, VRef, VRun

#: A block's printed text, normalised: ("t", text), ("e", emphasised text), ("s", strong text),
#: ("x", bold italic text), ("l", (a link's text, its address)), ("n", a note's signature).
Sig = tuple[tuple[str, Any], ...]


def _mergeable(piece: VRun) -> str | None:
    """"t" for text, "e" for emphasis, "s" for strong text (joined with their neighbours of the
    same kind), else None."""
    if isinstance(piece, Emphasis):
        return "e"
    if isinstance(piece, Strong):
        return "s"
    if isinstance(piece, StrongEmphasis):
        return "x"
    return "t" if isinstance(piece, str) and not isinstance(piece, VRef) else None


def norm(runs: Sequence[Any], keep_refs: bool = False) -> list[VRun]:
    """Merge adjacent text, move spaces out of emphasis, strip both ends: for comparing."""
    out = joined(runs, keep_refs, strip=True)
    if out and isinstance(out[0], str) and not isinstance(out[0], VRef):
        out[0] = out[0].lstrip()
        if not out[0]:
            out.pop(0)
    if out and isinstance(out[-1], str) and not isinstance(out[-1], VRef):
        out[-1] = out[-1].rstrip()
        if not out[-1]:
            out.pop()
    return out


def joined(runs: Sequence[Any], keep_refs: bool = False, strip: bool = False) -> list[VRun]:
    """Merge adjacent text, move spaces out of emphasis; every character kept: for building text.

    The format readers cut what their format prints around a text (Markdown's blanks);
    the rest is the text, blanks at either end included (issue 16). With ``strip`` the
    text of notes is stripped too (``norm``).

    With ``keep_refs`` a cross-reference read from a Word field stays a separate
    :class:`VRef`; otherwise it is text like any other (for comparing what is printed).
    """
    inner = norm if strip else joined
    pieces: list[VRun] = []
    for run in runs:
        if keep_refs and isinstance(run, VRef):
            pieces.append(run)
        elif isinstance(run, (Emphasis, Strong, StrongEmphasis)):
            pieces.extend(_spaces_out(run))
        elif isinstance(run, VNote):
            pieces.append(VNote(run.mark, note_runs(inner(run.text, keep_refs)), run.custom))
        elif isinstance(run, Link):
            pieces.append(run)
        elif run:
            pieces.append(str(run))
    # Adjacent texts, adjacent emphases and adjacent strong texts joined once each (joined
    # pair by pair, the time grew with the square of a paragraph of many emphases)
    out: list[VRun] = []
    for kind, group in groupby(pieces, _mergeable):
        if kind == "t":
            out.append("".join(str(piece) for piece in group))
        elif kind == "e":
            out.append(Emphasis("".join(piece.text for piece in group if isinstance(piece, Emphasis))))
        elif kind == "s":
            out.append(Strong("".join(piece.text for piece in group if isinstance(piece, Strong))))
        elif kind == "x":
            out.append(StrongEmphasis("".join(piece.text for piece in group if isinstance(piece, StrongEmphasis))))
        else:
            out.extend(group)
    return out


def _spaces_out(run: Emphasis | Strong | StrongEmphasis) -> list[VRun]:
    """Blanks at either end of emphasis or strong text as plain text around it."""
    text = run.text
    stripped = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :] if stripped else ""
    pieces: list[VRun] = [lead] if lead else []
    if stripped:
        pieces.append(type(run)(stripped))
    if trail:
        pieces.append(trail)
    return pieces


def note_runs(runs: Iterable[object]) -> list[NoteRun]:
    """The runs a note's text may hold (no notes of its own)."""
    return [r for r in runs if isinstance(r, (str, Emphasis, Strong, Link, StrongEmphasis))]


def unbold(runs: Sequence[VRun]) -> list[VRun]:
    """Runs with bold text as plain text: the lines under the masthead print bold by layout."""
    return merge_text(r.text if isinstance(r, Strong) else Emphasis(r.text) if isinstance(r, StrongEmphasis) else r
                      for r in runs)


def ws(text: str) -> str:
    """Whitespace as every format can print it: one space for each run of blanks."""
    return re.sub(r"\s+", " ", text).strip()


def signature(runs: Sequence[Any]) -> Sig:
    items: list[tuple[str, Any]] = []
    for run in norm(runs):
        if isinstance(run, str):
            items.append(("t", ws(run) if run.strip() else " "))
        elif isinstance(run, Emphasis):
            items.append(("e", ws(run.text)))
        elif isinstance(run, Strong):
            items.append(("s", ws(run.text)))
        elif isinstance(run, StrongEmphasis):
            items.append(("x", ws(run.text)))
        elif isinstance(run, Link):
            items.append(("l", (ws(run.text), run.url)))
        else:
            items.append(("n", signature(tuple(run.text))))
    # Emphasis (or strong text) split by blanks alone reads back as one (a line break in italics).
    # Its parts are collected and joined once (joined pair by pair: quadratic).
    merged: list[tuple[str, Any]] = []
    styled = ("e", "s", "x")
    for kind, value in items:
        if kind in styled and len(merged) >= 2 and merged[-1] == ("t", " ") and merged[-2][0] == kind:
            merged.pop()
            parts: Any = merged[-1][1]
            parts.extend((" ", value))
        elif kind in styled and merged and merged[-1][0] == kind:
            merged[-1][1].append(value)
        else:
            merged.append((kind, [value] if kind in styled else value))
    return tuple((kind, "".join(value) if kind in styled else value) for kind, value in merged)


def flat(sigs: list[Sig]) -> str:
    """Lines as one text (a line break inside a field prints as a new line in Word)."""
    def one(sig: Sig) -> str:
        return "".join(_shown(k, v, one) for k, v in sig)

    return ws(" ".join(one(sig) for sig in sigs))


def _shown(kind: str, value: Any, one: Any) -> str:
    match kind:
        case "n":
            return f"[^{one(value)}]"
        case "e":
            return f"*{value}*"
        case "s":
            return f"**{value}**"
        case "x":
            return f"***{value}***"
        case "l":
            return f"[{value[0]}]({value[1]})"
    return str(value)


def plain(sig: Sig) -> str:
    return "".join(v[0] if k == "l" else v for k, v in sig if k != "n")


def merge_text(items: Iterable[Any]) -> list[Any]:
    """Adjacent plain strings as one (a reference that stayed text joins its neighbours)."""
    out: list[Any] = []
    for item in items:
        if type(item) is str and out and type(out[-1]) is str:
            out[-1] += item
        elif not (type(item) is str and not item):
            out.append(item)
    return out


def runs_plain(runs: Sequence[Any]) -> str:
    return "".join(r if isinstance(r, str) else r.text for r in runs
                   if isinstance(r, (str, Emphasis, Strong, Link, StrongEmphasis)))


def cut_runs(runs: list[VRun], length: int) -> list[VRun]:
    """The runs without their first ``length`` characters of text (a label, in italics or not)."""
    out: list[VRun] = []
    for run in runs:
        if length > 0 and isinstance(run, (str, Emphasis, Strong)):
            text = run if isinstance(run, str) else run.text
            cut, length = text[length:], length - len(text)
            if cut:
                out.append(cut if isinstance(run, str) else Emphasis(cut) if isinstance(run, Emphasis) else Strong(cut))
        else:
            out.append(run)
    return out
