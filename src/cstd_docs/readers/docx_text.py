"""Body text of a Word document: the label a paragraph prints and the list Word numbers it in.

A label is typed before a tab ("1." TAB text, "(a)" TAB text) or, in a document not ours, with a
space ("1. text"); Word may number the paragraph itself, by its own list or its style's (its
``w:numId`` and level). A bulleted list is not numbered. The Word writer's bookmark on a
label names the line a cross-reference points at.
"""

from __future__ import annotations

from typing import Any

from cstd_docs.crossrefs import BOOKMARK_PREFIX
from cstd_docs.lang import LanguagePack
from cstd_docs.readers.classify import Labelled, TextLine
from cstd_docs.readers.coverage import Kind
from cstd_docs.readers.foreign import TYPED_LABEL, ListFormats, normal_label, without_leading_tabs
from cstd_docs.readers.labels import own_labels, paragraph_number
from cstd_docs.readers.tokens import Token, cut_text, plain, rejoin, split_tabs, to_runs
from cstd_docs.readers.wordml import WordDocument, w

__all__ = ["BodyText", "label_bookmark"]


def label_bookmark(paragraph: Any) -> str | None:
    """The name of the Word writer's bookmark in a paragraph (on its label: crossrefs.py), if any."""
    for start in paragraph.iter(w("bookmarkStart")):
        name = start.get(w("name"), "")
        if name.startswith(BOOKMARK_PREFIX):
            return str(name)
    return None


class BodyText:
    """Body text lines as a document labels and numbers them; ``foreign``: a document not ours."""

    def __init__(self, document: WordDocument, foreign: bool) -> None:
        self.document = document
        self.foreign = foreign
        self.formats = ListFormats(document.numbering_root())

    def numbered(self, el: Any) -> bool:
        """Word numbers the paragraph itself (a heading numbered by its style's list)."""
        found = self.word_numbering(el)
        return found is not None and not self.formats.bullet(*found)

    def text(self, el: Any, style: str, tokens: list[Token], where: str, pack: LanguagePack,
             language: str | None) -> TextLine:
        """Body text: "1." TAB text, "(a)" TAB text, Word's own numbering, or unnumbered."""
        numbering = el.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
        unlisted = numbering is not None and numbering.get(w("val")) == "0"  # no numbering, said outright
        if unlisted and self.foreign:  # our unnumbered text, its source gone: every character its own
            return TextLine(to_runs(tokens), where, not_numbered=True)
        if self.foreign:  # "TAB TAB 9.2.2. TAB text": the label after the tabs
            tokens = without_leading_tabs(tokens)
        parts = split_tabs(tokens)
        label = plain(parts[0]).strip() if len(parts) > 1 else ""
        text = plain(tokens)
        found = TYPED_LABEL.match(text) if not label and self.foreign else None
        cut = cut_text(tokens, text, found.end()) if found else None
        if found and cut is not None:
            label, parts = found.group(1), [[], cut]
        rest = to_runs(rejoin(parts, tokens, 1))
        if self.foreign and label not in own_labels(language or "en"):
            label = normal_label(label)
        item = Labelled(label, rest) if label else None
        number = item if item is not None and paragraph_number(pack).fullmatch(label) else None
        # with the source, a number the author typed there counts (the source knows its text)
        return TextLine(to_runs(tokens), where, number=number, item=item,
                        list_level=None if unlisted else self.list_level(el, style, where))

    def word_numbering(self, el: Any) -> tuple[str, int] | None:
        """The list (``w:numId``) and level Word numbers the paragraph at: its own, or its style's."""
        numpr = el.find(f"{w('pPr')}/{w('numPr')}")
        if numpr is None:
            return self.document.styles.numbering(self.document.style_id(el))
        num = numpr.find(w("numId"))
        num_id = num.get(w("val"), "") if num is not None else ""
        level_el = numpr.find(w("ilvl"))
        value = level_el.get(w("val"), "0") if level_el is not None else "0"
        level = int(value) if value.isascii() and value.isdigit() and len(value) <= 2 else -1
        return (num_id, level) if num_id != "0" else None

    def list_level(self, el: Any, style: str, where: str) -> int | None:
        """The level Word numbers body text at (0: a paragraph, 1 and below: its items), if it does.

        A bulleted list is not numbered: its items read as unnumbered text, and are said so.
        """
        found = self.word_numbering(el)
        numbered_styles = ("singletxtg", "subparagraph", "subparagraph2", "bullet1g", "bullet2g")
        if style in ("bullet1g", "bullet2g") or (found is not None and self.formats.bullet(*found)):
            self.document.losses.add(Kind.BULLET, where, words=0)
            self.document.warn(where, "a bulleted item was read as unnumbered text",
                               "the report's model has no bulleted lists yet")
            return None
        if found is None or not (style in numbered_styles or (self.foreign and self.document.styles.role(
                self.document.style_id(el)) is None)):
            return None
        level = found[1]
        if level < 0:  # Word's levels are 0 to 8; "x" or a 5,000-digit number is none of them
            ilvl = el.find(f"{w('pPr')}/{w('numPr')}/{w('ilvl')}")
            value = ilvl.get(w("val"), "") if ilvl is not None else ""
            self.document.warn(where, f"a list level that is not a number ({value[:20]!r}) was read as the first",
                               "check the list's indent in the draft")
            level = 0
        return {"subparagraph": 1, "subparagraph2": 2}.get(style, level)
