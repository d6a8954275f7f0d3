"""What a text rule reports, and the helpers rules share (excerpts, spans to leave alone)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from attrs import frozen

from cstd_docs.editorial.texts import NOTE_MARK, Piece, Text


@frozen
class Finding:
    """One slip in one text: where it starts in the text's string, what it is, how to fix it."""

    offset: int
    message: str
    fix: str


def excerpt(string: str, start: int, end: int, margin: int = 12) -> str:
    """The slip with a little context, note marks shown as "[note]": “…speaker [note] noted…”."""
    left = max(0, start - margin)
    right = min(len(string), end + margin)
    space = string.rfind(" ", max(0, left - 30), left) if left > 0 else -1
    left = space + 1 if space >= 0 else left
    piece = string[left:right].replace(NOTE_MARK, "[note]")
    return ("…" if left > 0 else "") + piece + ("…" if right < len(string) else "")


class Spans:
    """Disjoint sorted spans, asked in logarithmic time whether they touch a range."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def touch(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end) - 1
        return index >= 0 and self.ends[index] > start


def protected(text: Text, *pieces: Piece) -> Spans:
    """Spans no rule should look into: URLs, links' texts, and the segments of the given kinds."""
    spans = [*text.urls, *text.spans(Piece.LINK)]
    for piece in pieces:
        spans.extend(text.spans(piece))
    return Spans(spans)


def inside(spans: Spans, start: int, end: int) -> bool:
    return spans.touch(start, end)


def matches(pattern: re.Pattern[str], text: Text, *pieces: Piece) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in the text that touch no protected span."""
    spans = protected(text, *pieces)
    for match in pattern.finditer(text.string):
        if not inside(spans, match.start(), match.end()):
            yield match
