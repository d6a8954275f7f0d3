"""Documents whose styles say nothing: where the first page's block ends, and headings by their numbers.

A copy made by another program may keep the text and lose every heading style: pandoc's
docx→docx copy sets everything in "Body Text", "I. Introduction" included. When no paragraph
of a document not ours is in a heading style, the Word reader asks here:

- :class:`FrontEnd`: the block under the masthead is the bodies, the session, the place and
  dates and each agenda item's label and title; the line after it is the title, and the lines
  up to the first heading or numbered paragraph are subtitles;
- :class:`NumberedHeadings`: a line that prints the next chapter's numeral ("II. …"), the next
  section's letter ("B. …") or, inside a section, the next subsection's number where a
  paragraph's would be another ("1. Main findings" where paragraph 28 comes next) is that
  heading; "Annex" alone (or "Annex I") opens an annex; "Chapter I" alone is a chapter's caption.
"""

from __future__ import annotations

import re

from cstd_docs.lang import LanguagePack
from cstd_docs.readers.front import front_line_kind
from cstd_docs.readers.labels import annex_label, chapter_caption

__all__ = ["FrontEnd", "NumberedHeadings"]

_NUMBERED = re.compile(r"^\s*([IVXLCDM]+|[A-Z]|\d+)\.\s+(\S.*)$", re.S)
_PARAGRAPH = re.compile(r"^\s*(\d+)\.\s")
#: A heading's title is short and ends without a full stop or a colon.
_MAX_TITLE = 160


class FrontEnd:
    """Where the first page's block ends: the title is the first line after it."""

    def __init__(self) -> None:
        self.item_title = False  # the last line was an agenda item's title
        self.expect_item = False  # the last line was an agenda item's label
        self.place = False

    def is_title(self, pack: LanguagePack, text: str) -> bool:
        """Whether ``text`` is the title (the block ended before it); otherwise it is noted as a line of it."""
        kind = front_line_kind(pack, text)
        if self.expect_item:
            self.expect_item, self.item_title = False, True
            return False
        if kind == "agenda":
            self.expect_item, self.item_title = True, False
            return False
        if self.item_title and (text[:1].islower() or text[:1] in "(["):
            return False  # an item's title over several lines
        if self.item_title or (self.place and kind is None):
            return True
        self.place = self.place or kind == "place"
        return False


class NumberedHeadings:
    """Headings known by the numbers they print, in a document that sets them in no heading style."""

    def __init__(self) -> None:
        self.chapters = 0
        self.sections = 0
        self.subsections = 0
        self.paragraph = 0  # the last paragraph number printed

    def kind(self, pack: LanguagePack, text: str) -> str | None:
        """The heading style the line stands for ("hchg", "h1g", "h23g"), or None for body text."""
        text = text.strip()
        if annex_label(pack).fullmatch(text):  # an annex numbers its chapters and paragraphs afresh
            self.chapters = self.sections = self.subsections = self.paragraph = 0
            return "hchg"
        if chapter_caption(pack).fullmatch(text):
            return "hchg"
        found = _NUMBERED.match(text)
        if found is None:
            return None
        number, title = found.groups()
        short = len(title) <= _MAX_TITLE and not title.rstrip().endswith((".", ":", ";"))
        if number == pack.chapter_numeral(self.chapters + 1) and short:
            self.chapters, self.sections, self.subsections = self.chapters + 1, 0, 0
            return "hchg"
        if self.chapters and number == pack.section_letter(self.sections + 1) and short:
            self.sections, self.subsections = self.sections + 1, 0
            return "h1g"
        if self.sections and number == str(self.subsections + 1) and number != str(self.paragraph + 1) and short:
            self.subsections += 1
            return "h23g"
        return None

    def text(self, text: str) -> None:
        """A line of body text: the paragraph number it prints, if any, is the last one."""
        found = _PARAGRAPH.match(text)
        if found and len(found.group(1)) <= 6:
            self.paragraph = int(found.group(1))
