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
#: Words, with a cross-reference anchor and a note mark each a word of its own (a renumbered
#: note then shows as its mark changed, not the word it is attached to).
_WORDS = re.compile(r"<a id=\"[^\"]*\"></a>|\[\^[^\]\s]+\]:?|\s+|[^\s\[<]+|[\[<]")
#: What renumbering changes in a block: a paragraph number or note label at its start, note marks.
_NUMBERS = re.compile(r"^(?:<a id=\"[^\"]*\"></a>)?(?:\d+\\\.|\[\^[^\]]+\]:)|\[\^[^\]]+\]")
#: A heading's number (chapter numeral, section letter, subsection number); its level stays in the key.
_HEADING_NUMBER = re.compile(r"^(#+ )(?:[IVXLCDM]+|[A-Z]|\d+)\. ")


def _blocks(text: str) -> list[str]:
    stripped = text.strip("\n")
    return _BLOCKS.split(stripped) if stripped else []


def _key(block: str) -> str:
    return _NUMBERS.sub("#", _HEADING_NUMBER.sub(r"\1# ", block))


def words(old: str, new: str) -> str:
    """``new`` with the words that differ from ``old`` marked."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            out.append(added)
        elif tag == "replace":
            out.append(f"{{~~{removed}~>{added}~~}}")
        elif tag == "delete":
            out.append(f"{{--{removed}--}}")
        else:
            out.append(f"{{++{added}++}}")
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
