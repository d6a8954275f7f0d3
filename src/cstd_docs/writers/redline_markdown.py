"""A Markdown redline: the new version's Markdown with CriticMarkup against the old one's.

CriticMarkup (criticmarkup.com) is plain text any editor shows: ``{++added++}``,
``{--removed--}``, ``{~~old~>new~~}`` and comments ``{>>…<<}``. The two renderings are
split into blocks at blank lines and aligned by :mod:`cstd_docs.compare` with paragraph
numbers and note marks left out of the keys, so a renumbered paragraph pairs with itself
and shows only its number changed; inside a pair the change is word by word. Accepting
every change gives the new Markdown's blocks, rejecting every one the old's.
"""

from __future__ import annotations

import difflib
import re
from typing import assert_never

from cstd_docs.compare import Step, align, similar

__all__ = ["critic_markup"]

_BLOCKS = re.compile(r"\n{2,}")
#: Words, with a cross-reference anchor, a note mark and a link's target each a word of its own
#: (a renumbered note then shows as its mark changed, not the word it is attached to; a
#: renumbered reference as its label changed inside the link, which stays a link).
_WORDS = re.compile(r"<a id=\"[^\"]*\"></a>|\[\^[^\]\s]+\]:?|\]\([^)\s]*\)|\s+|[^\s\[\]<]+|[\[\]<]")
#: What renumbering changes in a block: a paragraph number or note label at its start, note marks.
_NUMBERS = re.compile(r"^(?:<a id=\"[^\"]*\"></a>)?(?:\d+\\\.|\[\^[^\]]+\]:)|\[\^[^\]]+\]")
#: A heading's number (chapter numeral, section letter, subsection number); its level stays in the key.
_HEADING_NUMBER = re.compile(r"^(#+ )(?:[IVXLCDM]+|[A-Z]|\d+)\. ")


def _blocks(text: str) -> list[str]:
    stripped = text.strip("\n")
    return _BLOCKS.split(stripped) if stripped else []


def _key(block: str) -> str:
    return _NUMBERS.sub("#", _HEADING_NUMBER.sub(r"\1# ", block))


#: At most this share of words differing in place, two blocks of equal length are compared word
#: for word (a renumbered paragraph: its number and note marks), not searched for moved words.
IN_PLACE_SHARE = 0.1


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes; for words replaced in place only (the common case), found directly."""
    if len(a) == len(b):
        differ = [i for i in range(len(a)) if a[i] != b[i]]
        if len(differ) <= IN_PLACE_SHARE * len(a) + 1:
            out: list[tuple[str, int, int, int, int]] = []
            at = 0
            for i in differ:
                if at < i:
                    out.append(("equal", at, i, at, i))
                out.append(("replace", i, i + 1, i, i + 1))
                at = i + 1
            if at < len(a):
                out.append(("equal", at, len(a), at, len(a)))
            return out
    return [(tag, i1, i2, j1, j2) for tag, i1, i2, j1, j2 in
            difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()]


def words(old: str, new: str) -> str:
    """``new`` with the words that differ from ``old`` marked (the common ends cut off first)."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    out = ["".join(b[:start])]
    middle_a, middle_b = a[start:len(a) - end], b[start:len(b) - end]
    for tag, i1, i2, j1, j2 in _opcodes(middle_a, middle_b):
        removed, added = "".join(middle_a[i1:i2]), "".join(middle_b[j1:j2])
        if tag == "equal":
            out.append(added)
        elif tag == "replace":
            out.append(f"{{~~{removed}~>{added}~~}}")
        elif tag == "delete":
            out.append(f"{{--{removed}--}}")
        else:
            out.append(f"{{++{added}++}}")
    out.append("".join(b[len(b) - end:]))
    return "".join(out)


def critic_markup(old: str, new: str) -> str:
    """The blocks of ``new`` with CriticMarkup against ``old`` (two Markdown renderings)."""
    a, b = _blocks(old), _blocks(new)
    ops = align([_key(x) for x in a], [_key(y) for y in b], similar=lambda i, j: similar(a[i], b[j]))
    out: list[str] = []
    for op in ops:
        match op.step:
            case Step.SAME:
                assert op.old is not None and op.new is not None
                x, y = a[op.old], b[op.new]
                out.append(y if x == y else words(x, y))
            case Step.INSERTED:
                assert op.new is not None
                out.append(f"{{++{b[op.new]}++}}")
            case Step.DELETED:
                assert op.old is not None
                out.append(f"{{--{a[op.old]}--}}")
            case Step.MOVED_FROM:
                assert op.old is not None
                out.append(f"{{--{a[op.old]}--}}{{>>moved away<<}}")
            case Step.MOVED_TO:
                assert op.old is not None and op.new is not None
                x, y = a[op.old], b[op.new]
                out.append(f"{{>>moved here<<}}{{++{y}++}}")
            case _:
                assert_never(op.step)
    return "\n\n".join(out) + "\n"
