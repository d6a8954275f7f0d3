"""Inline Markdown as the writer prints it: backslash escapes, emphasis, strong text, links,
line breaks, note marks, cross-references."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from cstd_docs.crossrefs import bookmark_name
from cstd_docs.model import Emphasis, Link, Strong, StrongEmphasis
from cstd_docs.readers.visible import NoteRun, VNote, VRef, VRun

_NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
#: A cross-reference as the writer links it, ``[12](#p-themes)``, and the anchor it puts on
#: the target, ``<a id="p-themes"></a>`` (ids: model/check.py). User text cannot make
#: either: the writer escapes its brackets and angle brackets.
#: The label is bounded (the longest is "Annex XXVIII"): unbounded, text of many "[" took
#: quadratic time (40,000 of them: 36 s).
_CROSS_REF = re.compile(r"\[((?:[^\]\\\n]|\\.){1,40})\]\(#([A-Za-z][A-Za-z0-9_.:-]*)\)")
_CHAR_REF = re.compile(r"&#([0-9]{1,7});")
#: A link as the writer prints it, ``[text](https://…)``: its text holds no unescaped bracket,
#: so a text of many "[" is read in linear time.
_LINK = re.compile(r"\[((?:[^\[\]\\\n]|\\.){1,2000})\]\(((?:https?://|mailto:)[^\s()<>]*)\)")
#: Where a line cannot break (a heading), the writer prints a line break as ``<br>``;
#: between two note marks, the superscript comma (a writer rule, not text).
_BREAK = "<br>"
_MARK_SEPARATOR = re.compile(r"<sup>[^<>]{1,3}</sup>(?=\[\^)")


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _decode(found: re.Match[str]) -> str:
    if found.group(1) is not None:
        return found.group(1)
    code = int(found.group(2))
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else found.group(0)


def decoded(text: str) -> str:
    """Plain text as written: backslash escapes and character references ("&#32;") decoded."""
    return re.sub(r"\\(.)|&#([0-9]{1,7});", _decode, text)


class _Inline:
    """One text read left to right; ``out`` holds the runs made so far."""

    def __init__(self, text: str, notes: Mapping[str, Sequence[NoteRun]], missing: list[str]) -> None:
        self.text = text
        self.notes = notes
        self.missing = missing
        self.out: list[VRun] = []
        self.buf: list[str] = []
        self.emphasis: str | None = None
        self.strong = False

    def flush(self) -> None:
        if self.buf:
            value = "".join(self.buf)
            self.buf.clear()
            # Strong inside emphasis (or emphasis inside strong) is bold italic text.
            if self.strong and self.emphasis is not None:
                self.out.append(StrongEmphasis(value))
            elif self.strong:
                self.out.append(Strong(value))
            else:
                self.out.append(Emphasis(value) if self.emphasis is not None else value)

    def parse(self) -> list[VRun]:
        i = 0
        text = self.text
        while i < len(text):
            ch = text[i]
            if ch == "\\" and i + 1 < len(text):
                self.buf.append(text[i + 1])
                i += 2
            elif (ch == "&" and (after := self.char_reference(i))) or (ch == "<" and (after := self.tag(i))):
                i = after
            elif ch in "*_" and (self.emphasis is None or self.emphasis == ch):
                i = self.emphasis_mark(i, ch)
            elif ch == "[" and (after := self.bracket(i)):
                i = after
            else:
                self.buf.append(ch)
                i += 1
        self.flush()
        return self.out

    def char_reference(self, i: int) -> int | None:
        """The writer's "&#49;" at the start of unnumbered text that looks like a label."""
        reference = _CHAR_REF.match(self.text, i)
        code = int(reference.group(1)) if reference else 0
        if reference and 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            self.buf.append(chr(code))
            return reference.end()
        return None

    def emphasis_mark(self, i: int, ch: str) -> int:
        text = self.text
        if text.startswith(ch * 2, i):  # "**": strong text starts or ends
            if self.strong or ch * 2 in text[i + 2 :]:
                self.flush()
                self.strong = not self.strong
            return i + 2
        if ch == "_" and self.emphasis is None and i > 0 and text[i - 1].isalnum():
            self.buf.append(ch)
        elif self.emphasis is None and text.find(ch, i + 1) != -1:  # not ``in text[i + 1:]``: a copy each time
            self.flush()
            self.emphasis = ch
        elif self.emphasis == ch:
            self.flush()
            self.emphasis = None
        else:
            self.buf.append(ch)
        return i + 1

    def tag(self, i: int) -> int | None:
        """``<br>``, a line break; ``<sup>,</sup>`` before a note mark, the separator (dropped)."""
        if self.text.startswith(_BREAK, i):
            self.buf.append("\n")
            return i + len(_BREAK)
        separator = _MARK_SEPARATOR.match(self.text, i)
        return separator.end() if separator else None

    def bracket(self, i: int) -> int | None:
        """A cross-reference, a link or a note mark starting at ``i``."""
        link = _CROSS_REF.match(self.text, i)
        if link:
            self.flush()
            self.out.append(VRef(unescape(link.group(1)), bookmark_name(link.group(2))))
            return link.end()
        address = _LINK.match(self.text, i)
        if address:
            self.flush()
            self.out.append(Link(unescape(address.group(1)), address.group(2)))
            return address.end()
        found = _NOTE_REF.match(self.text, i)
        if found:
            self.flush()
            mark = found.group(1)
            if mark in self.notes:
                self.out.append(VNote(mark, self.notes[mark], custom=not mark.isdigit()))
            else:
                self.missing.append(mark)
            return found.end()
        return None


def parse_runs(text: str, notes: Mapping[str, Sequence[NoteRun]], missing: list[str]) -> list[VRun]:
    """Inline Markdown as runs; marks of notes not in ``notes`` go to ``missing``."""
    return _Inline(text, notes, missing).parse()


def joined_lines(lines: list[str]) -> str:
    """A paragraph's lines as one text: after a hard break (a line ending in an unescaped
    backslash) the newline stays, so the backslash escapes it into a line break."""
    out = ""
    for number, line in enumerate(lines):
        line = line.strip(" \t")
        if number:
            trailing = len(out) - len(out.rstrip("\\"))
            out += "\n" if trailing % 2 else " "
        out += line
    return out
