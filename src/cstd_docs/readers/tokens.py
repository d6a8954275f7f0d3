"""What a Word paragraph's runs hold, as typed tokens, and how they become visible runs.

The WordprocessingML reader (``wordml``) turns ``w:r`` elements into these tokens; the
DOCX reader splits them at tabs (the label of "12." TAB text, the number of a heading
typed TAB "I." TAB title) and at line breaks (the masthead's lines), then joins them
into runs of text, emphasis, note marks and cross-references.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import assert_never

from attrs import frozen

from cstd_docs.model import Emphasis, Link, Strong, StrongEmphasis
from cstd_docs.readers.visible import VNote, VRef, VRun


@frozen
class Text:
    text: str
    italic: bool = False
    bold: bool = False
    #: The address of the hyperlink the text stands in, if any.
    url: str = ""
    #: Which hyperlink of the paragraph (1, 2, …): two links side by side stay two.
    link: int = 0
    #: Raised (``w:vertAlign`` superscript): in a table's cell, the mark of one of its notes.
    superscript: bool = False


@frozen
class Tab:
    italic: bool = False


@frozen
class Break:
    """A line break (``w:br``, ``w:cr``); page and column breaks are not text."""

    italic: bool = False


@frozen
class NoteMark:
    """A footnote reference in the text, with the note it marks."""

    note: VNote


@frozen
class RefMark:
    """The shown result of a REF field to one of our bookmarks: a cross-reference."""

    ref: VRef
    italic: bool = False


@frozen
class OwnMark:
    """``w:footnoteRef``: where a footnote's own text prints its mark."""


Token = Text | Tab | Break | NoteMark | RefMark | OwnMark
Tokens = Sequence[Token]


def _append_styled(out: list[VRun], token: Text, same_link: bool) -> bool:
    """Link or bold text, joined to the same before it; False for text of neither."""
    last = out[-1] if out else None
    if token.url:
        if isinstance(last, Link) and same_link:
            out[-1] = Link(last.text + token.text, token.url)
        else:
            out.append(Link(token.text, token.url))
        return True
    if not token.bold or not token.text.strip():
        return False
    kind = StrongEmphasis if token.italic else Strong  # bold italic: one run, as Word prints it
    if type(last) is kind:
        out[-1] = kind(last.text + token.text)
    else:
        out.append(kind(token.text))
    return True


def _append_text(out: list[VRun], text: str, italic: bool) -> None:
    if italic and text.strip():
        last = out[-1] if out else None
        if isinstance(last, Emphasis):
            out[-1] = Emphasis(last.text + text)
        else:
            out.append(Emphasis(text))
    elif out and isinstance(out[-1], str) and not isinstance(out[-1], VRef):
        out[-1] += text
    else:
        out.append(text)


def _append_break(out: list[VRun], italic: bool) -> None:
    """A line break: inside the italic text it breaks, else in the plain text."""
    last = out[-1] if out else None
    if italic and isinstance(last, Emphasis):
        out[-1] = Emphasis(last.text + "\n")
    else:
        _append_text(out, "\n", False)


def _append_tab(out: list[VRun], italic: bool) -> None:
    """A tab inside the text: the text's own (the label's tab is cut before, ``split_tabs``)."""
    last = out[-1] if out else None
    if italic and isinstance(last, Emphasis):
        out[-1] = Emphasis(last.text + "\t")
    elif isinstance(last, str) and not isinstance(last, VRef):
        out[-1] = last + "\t"
    else:
        out.append("\t")


def to_runs(tokens: Tokens) -> list[VRun]:
    """Tokens as runs: adjacent text joined, a tab ``"\\t"``, a line break ``"\\n"``."""
    out: list[VRun] = []
    link = 0  # the hyperlink the last token stood in
    for token in tokens:
        match token:
            case Text():
                if not _append_styled(out, token, token.link == link):
                    _append_text(out, token.text, token.italic)
                link = token.link
            case Tab():
                _append_tab(out, token.italic)
            case Break():
                _append_break(out, token.italic)
            case NoteMark():
                out.append(token.note)
            case RefMark():
                out.append(token.ref)  # a VRef: text, but kept apart (never merged)
            case OwnMark():
                pass
            case _:
                assert_never(token)
    return out


def split_lines(tokens: Tokens) -> list[list[VRun]]:
    lines: list[list[Token]] = [[]]
    for token in tokens:
        if isinstance(token, Break):
            lines.append([])
        else:
            lines[-1].append(token)
    return [to_runs(line) for line in lines]


def runs_text(runs: Sequence[VRun]) -> str:
    return "".join(r if isinstance(r, str) else r.text for r in runs
                   if isinstance(r, (str, Emphasis, Strong, Link, StrongEmphasis)))


def split_tabs(tokens: Tokens) -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if isinstance(token, Tab):
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def plain(tokens: Tokens) -> str:
    """The text the tokens show, cross-references included, notes not."""
    return "".join(t.text if isinstance(t, Text) else str(t.ref) for t in tokens if isinstance(t, (Text, RefMark)))


def has_note(tokens: Tokens) -> bool:
    return any(isinstance(t, NoteMark) for t in tokens)


def rejoin(parts: Sequence[Sequence[Token]], tokens: Tokens, first: int) -> list[Token]:
    """The parts from ``first`` on, with the tabs typed between them (italic or not)."""
    tabs = [t for t in tokens if isinstance(t, Tab)]
    out: list[Token] = []
    for index in range(first, len(parts)):
        if index > first:
            out.append(tabs[index - 1] if index - 1 < len(tabs) else Tab())
        out.extend(parts[index])
    return out


def cut_text(tokens: Tokens, text: str, length: int) -> list[Token] | None:
    """The tokens without the first ``length`` characters of ``text``, when the first token holds them."""
    first = tokens[0] if tokens else None
    if isinstance(first, Text) and first.text.startswith(text[:length]):
        return [Text(first.text[length:], first.italic, first.bold, first.url, first.link), *tokens[1:]]
    return None


_HEADING_NUMBER = re.compile(r"^\s*((?:[IVXLCDM]+|[A-Z]|\d+|\([a-z]+\)|\([ivxlc]+\))\.?)\s+(?=\S)")


def _blank(part: Tokens) -> bool:
    return not plain(part).strip() and not has_note(part)


def heading_parts(tokens: Tokens) -> tuple[str, list[Token]]:
    """"TAB I. TAB Title" → ("I.", title tokens); "TAB TAB Title" → ("", title tokens)."""
    parts = split_tabs(tokens)
    if len(parts) >= 3 and _blank(parts[0]):  # TAB number TAB title (the number may be empty)
        return plain(parts[1]).strip(), rejoin(parts, tokens, 2)
    if len(parts) == 2:  # number TAB title, or TAB title
        if _blank(parts[0]):
            return "", parts[1]
        if _HEADING_NUMBER.match(plain(parts[0]) + " "):
            return plain(parts[0]).strip(), parts[1]
    filled = [i for i, part in enumerate(parts) if not _blank(part)]
    if not filled:
        return "", []
    only = parts[filled[0]]
    if len(parts) > 1:  # typed TAB TAB title: no number
        return "", only
    text = plain(only)
    found = _HEADING_NUMBER.match(text)
    rest = cut_text(only, text, found.end()) if found else None
    if found and rest is not None:
        return found.group(1), rest
    return "", only
