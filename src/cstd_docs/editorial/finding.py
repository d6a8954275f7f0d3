"""What a text rule reports, and the helpers rules share (excerpts, spans to leave alone)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrs import frozen

from cstd_docs.editorial.texts import NOTE_MARK, Piece, Text

#: URLs and e-mail addresses: no editorial rule applies inside them.
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S+|\S+@\S+\.\w+", re.IGNORECASE)


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
    left = string.rfind(" ", 0, left) + 1 if left > 0 and string.rfind(" ", 0, left) >= 0 else left
    piece = string[left:right].replace(NOTE_MARK, "[note]")
    return ("…" if left > 0 else "") + piece + ("…" if right < len(string) else "")


def protected(text: Text, *pieces: Piece) -> list[tuple[int, int]]:
    """Spans no rule should look into: URLs, and the segments of the given kinds."""
    string = text.string
    spans = [(m.start(), m.end()) for m in _URL.finditer(string)]
    for piece in pieces:
        spans.extend(text.spans(piece))
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def matches(pattern: re.Pattern[str], text: Text, *pieces: Piece) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in the text that touch no protected span."""
    spans = protected(text, *pieces)
    for match in pattern.finditer(text.string):
        if not inside(spans, match.start(), match.end()):
            yield match
