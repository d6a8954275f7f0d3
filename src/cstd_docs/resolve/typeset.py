"""The report's language on the author's inline text, in the resolution pass.

Its typography (the French spaces before ":;!?": the language table's "typography") is applied
across neighbouring plain, italic and bold texts as the one text they print, however it is cut;
a document symbol given as a link without an address links to its official page in the
report's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from cstd_docs.lang import LanguagePack
from cstd_docs.model import CrossRef, Emphasis, Link, Strong, StrongEmphasis, Styled

__all__ = ["typeset", "typeset_texts"]

#: An inline item or a note's: texts among them are typeset (``typeset_texts``).
_Item = TypeVar("_Item")


def typeset(pack: LanguagePack, item: str | Styled | CrossRef) -> str | Styled | CrossRef:
    """The language's typography (French spaces) on the author's text."""
    if isinstance(item, str):
        return pack.typeset(item)
    match item:
        case Emphasis() | Strong() | StrongEmphasis():
            return type(item)(pack.typeset(item.text))
        case Link(url=""):  # a document symbol: its official page in the report's language
            return Link(item.text, pack.table.symbol_link.format(symbol=item.text))
    return item


def typeset_texts(pack: LanguagePack, items: Sequence[_Item]) -> list[_Item]:
    """Plain, italic and bold texts side by side typeset as the one text they print: a space
    before ":" in italics after plain text is one space, however the text is cut."""
    out = list(items)
    if not pack.typesets_text:  # nothing to put: the texts as they are (a fifth of the resolution's time)
        return out
    group: list[int] = []
    for index in range(len(out) + 1):
        item = out[index] if index < len(out) else None
        if isinstance(item, (str, Emphasis, Strong, StrongEmphasis)):
            group.append(index)
            continue
        texts = [piece if isinstance(piece, str) else piece.text
                 for piece in (out[i] for i in group) if isinstance(piece, (str, Emphasis, Strong, StrongEmphasis))]
        for at, text in zip(group, pack.typeset_pieces(texts), strict=True):
            piece = out[at]
            out[at] = type(piece)(text) if isinstance(piece, (Emphasis, Strong, StrongEmphasis)) else text  # type: ignore[assignment]
        group = []
    return out
