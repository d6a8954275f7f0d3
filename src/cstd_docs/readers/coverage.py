"""What an import kept of a document: its words, and what could not be kept, by kind and place.

The reader's stages record each thing the model cannot hold (an :class:`Omission`: a table,
an equation, a page break, underlined text …) as they meet it, with its place and the
words it held, besides the warning they give. The document's words are counted here
apart from the reader, from the package itself (the text Word shows, tracked changes
accepted); the words kept are those the imported report prints again. :func:`coverage`
puts both together; ``cstd-docs import`` prints the summary at the end and ``--strict``
refuses an import that did not keep everything.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, assert_never

from attrs import define, field, frozen

from cstd_docs.model import Emphasis, Link, Report, Strong, StrongEmphasis
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import (
    AgendaPart,
    BoxStart,
    BulletItem,
    Heading,
    InstrumentHeading,
    InstrumentText,
    LineItem,
    NoteLetter,
    NumberedParagraph,
    OperativeParagraph,
    ResolvedCell,
    ResolvedFigure,
    ResolvedReport,
    ResolvedTable,
    SubparagraphItem,
    Unnumbered,
)

__all__ = ["Coverage", "Kind", "Losses", "Omission", "coverage", "printed_words", "words_of"]


class Kind(enum.Enum):
    """A kind of thing a document may hold that the report does not keep."""

    # --- tables (issue 13): tables13 adds a Table block; until it lands every table is counted here.
    # The lead switches this kind off where the Word reader reads w:tbl (readers/docx.py, _Layout.table).
    TABLE = "table"
    # --- end tables
    EQUATION = "equation"
    TEXT_BOX = "text box"
    DRAWING = "drawing"
    COMMENT = "comment"
    UNDERLINE = "underline"
    HIGHLIGHT = "highlighting"
    STRIKETHROUGH = "strikethrough"
    RAISED = "subscript or superscript"
    PAGE_BREAK = "page break"
    SECTION_BREAK = "section break"
    BULLET = "bullet"
    HEADING = "heading read as text"
    CONTENTS = "contents entry"
    TRACKED = "tracked change"
    NUMBER = "number printed differently"

    def named(self, count: int) -> str:
        """"1 table", "19 tables"; formats are counted by the paragraphs that lose them."""
        formats = {Kind.HIGHLIGHT: "highlighting", Kind.RAISED: "subscripts or superscripts",
                   Kind.STRIKETHROUGH: "strikethrough", Kind.UNDERLINE: "underlining",
                   Kind.TRACKED: "tracked changes (read as accepted)"}
        if self in formats:
            return f"{count:,} paragraph{'s' if count != 1 else ''} with {formats[self]}"
        plural = {Kind.HEADING: "headings read as text", Kind.CONTENTS: "contents entries", Kind.TEXT_BOX: "text boxes",
                  Kind.NUMBER: "numbers printed differently"}.get(self, self.value + "s")
        return f"{count:,} {self.value if count == 1 else plural}"


@frozen
class Omission:
    """One thing not kept: its kind, its place ("paragraph 12"), the start of its text, its words."""

    kind: Kind
    where: str
    text: str = ""
    words: int = 0


@define
class Losses:
    """What one reading could not keep, filled in by the reader's stages, and the document's own words."""

    omissions: list[Omission] = field(factory=list)
    document_words: Counter[str] = field(factory=Counter)
    #: The number each paragraph printed and where, by the id the import gave it, and each annex's
    #: label in order (readers/numbers.py compares them with the numbers the report prints).
    printed: dict[str, tuple[str, str]] = field(factory=dict)
    annex_labels: list[tuple[str, str]] = field(factory=list)
    #: The document carried no source report: numbers it printed are its own, not stale labels of ours.
    foreign: bool = False
    #: The words the imported report prints, when the reader has resolved it already.
    report_words: Counter[str] | None = None

    #: The words of what was not kept, by kind (formatting lost keeps its words: none are counted).
    omitted_words: dict[Kind, Counter[str]] = field(factory=dict)

    def add(self, kind: Kind, where: str, text: str = "", words: int | None = None, counted: str | None = None) -> None:
        """One thing not kept; its words are those of ``counted`` (as the document's words are counted: an
        equation's pieces joined), else of ``text``; ``words=0``: only a formatting was lost."""
        found = words_of(text if counted is None else counted) if words != 0 else []
        self.omitted_words.setdefault(kind, Counter()).update(found)
        self.omissions.append(Omission(kind, where, text[:80], len(found)))


#: A paragraph number or an item's label as a draft of ours prints it ("12.", "3.1.", "(b)", "iv."):
#: derived again from position, so a stale one left by an edit is not a word lost.
_LABEL = re.compile(r"\d+(?:\.\d+)*\.|\([a-z]{1,6}\)|[a-z]{1,6}\.|[IVXLC]{1,8}\.|[A-Z]\.")


#: What white space separates, holding a letter or a digit (one pass in C: \S* takes the whole token).
#: A match starts only where a token starts: else a token of no letter (100,000 ">") was scanned again
#: from each of its characters, in time that grew with its square.
_TOKEN = re.compile(r"(?<!\S)\S*\w\S*")


def words_of(text: str) -> list[str]:
    """The words of a text: what white space separates, holding a letter or a digit."""
    return _TOKEN.findall(text)


# --- the words the report prints ---------------------------------------------------------------
def _runs_text(runs: Iterable[object]) -> str:
    out: list[str] = []
    for run in runs:
        if isinstance(run, str):
            out.append(run)
        elif isinstance(run, (Emphasis, Strong, Link, StrongEmphasis)):
            out.append(run.text)
        elif isinstance(run, NoteLetter):
            out.append(f" {run.letter} ")
        else:
            out.append(" ")  # a note mark: no word in Word's text, a boundary between words
    return "".join(out)


def _block_texts(doc: ResolvedReport) -> Iterator[str]:
    for block in doc.blocks:
        match block:
            case Heading():
                yield f"{block.caption or ''} {block.number} {_runs_text(block.title)}"
            case NumberedParagraph() | OperativeParagraph():
                yield f"{block.number} {_runs_text(block.text)}"
            case SubparagraphItem():
                yield f"{block.label} {_runs_text(block.text)}"
            case Unnumbered() | InstrumentText():
                yield _runs_text(block.text)
            case InstrumentHeading():
                yield f"{block.label} {_runs_text(block.title)}"
            case BoxStart():
                yield f"{block.label} {_runs_text(block.title)}"
            case BulletItem() | LineItem():
                yield _runs_text(block.text)
            case AgendaPart():
                yield f"{block.label} {_runs_text(block.text)}"
            case ResolvedTable():
                yield f"{block.caption or ''} {_runs_text(block.title)}"
                yield from (_runs_text(cell.text) for row in (*block.header, *block.rows) for cell in row
                            if isinstance(cell, ResolvedCell))
                yield from (f"{note.letter} {_runs_text(note.text)}" for note in block.notes)
                if block.source is not None:
                    yield f"{block.source_label} {_runs_text(block.source)}"
            case ResolvedFigure():
                yield f"{block.caption} {_runs_text(block.title)}"
                if block.source is not None:
                    yield f"{block.source_label} {_runs_text(block.source)}"
            case _:
                assert_never(block)


def printed_words(doc: ResolvedReport) -> Counter[str]:
    """Every word the resolved report prints: first page, title block, body and notes."""
    m, f = doc.masthead, doc.front
    texts: list[str] = [m.united_nations, m.symbol or "", m.organ, m.distribution, m.date, m.language_line,
                        m.versions_line or "", m.version_line or "", m.job_number or "", f.parent_body or "",
                        f.body, f.session, f.place_and_dates, _runs_text(doc.title)]
    texts += [f"{_runs_text(line.label)} {line.title}" for line in f.agenda]
    texts += [_runs_text(subtitle) for subtitle in doc.subtitles]
    texts += _block_texts(doc)
    texts += [_runs_text(note.text) for note in doc.notes]
    if doc.letter is not None:
        texts += [doc.letter.heading, *(_runs_text(p) for p in doc.letter.paragraphs), *doc.letter.signatures,
                  doc.letter.signatory_title or ""]
    return Counter(word for text in texts for word in words_of(text))


# --- the summary -------------------------------------------------------------------------------
@frozen
class KindSummary:
    kind: Kind
    count: int
    words: int
    places: tuple[str, ...]


@frozen
class Coverage:
    """Words in the document, words kept, and what was not kept by kind."""

    words: int
    kept: int
    kinds: tuple[KindSummary, ...]
    #: Words of the document the report does not print, beyond those of the kinds above.
    other: int
    #: Some of those words, for a person to search for.
    examples: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """Everything was kept: nothing left out, every word printed again."""
        return not self.kinds and self.kept >= self.words

    def lines(self, places: int = 8) -> list[str]:
        """The summary, one line for the words and one per kind (the command prints it on standard error)."""
        share = f" ({100 * self.kept / self.words:.1f} %)" if self.words else ""
        out = [f"coverage: {self.words:,} words in the document, {self.kept:,} kept{share}"]
        for item in self.kinds:
            shown = ", ".join(item.places[:places])
            more = f" and {len(item.places) - places} more" if len(item.places) > places else ""
            words = f", {item.words:,} word{'s' if item.words != 1 else ''}" if item.words else ""
            out.append(f"not kept: {item.kind.named(item.count)}{words} ({shown}{more})")
        if self.other:
            example = f": {', '.join(repr(w) for w in self.examples)}" if self.examples else ""
            out.append(f"not kept: {self.other:,} other words the report does not print{example}")
        return out


def coverage(report: Report, losses: Losses) -> Coverage:
    """What the import of a document kept of it (``losses``, as the reader filled it in).

    Each word of the document is counted once: in what was not kept, by kind (the words of a
    table are lost with it, even where the same word prints elsewhere), else kept when the report
    prints it again, else among the other words not kept.
    """
    remaining = Counter(losses.document_words)
    printed = losses.report_words if losses.report_words is not None else printed_words(resolve(report))
    if not losses.foreign:  # a draft of ours: its typed labels are derived again, by design
        for words in (remaining, printed):
            for word in [w for w in words if _LABEL.fullmatch(w)]:
                del words[word]
    total = sum(remaining.values())
    kinds: list[KindSummary] = []
    for kind in Kind:
        items = [o for o in losses.omissions if o.kind is kind]
        if items:
            lost = losses.omitted_words.get(kind, Counter()) & remaining
            remaining -= lost
            places = tuple(dict.fromkeys(o.where for o in items))
            kinds.append(KindSummary(kind, len(items), sum(lost.values()), places))
    kept_words = remaining & printed
    missing = remaining - kept_words
    examples = tuple(word for word, _ in missing.most_common(5))
    return Coverage(total, sum(kept_words.values()), tuple(kinds), sum(missing.values()), examples)


# --- the words of a Word document, counted apart from the reader ----------------------------------
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
#: Text Word shows: text, tabs and breaks of runs, an equation's text — not what a tracked change
#: deleted or moved away, not the fallback copy of a drawing, not a paragraph's tab stops.
_TEXT = {f"{{{W}}}t", f"{{{M}}}t"}
_P = f"{{{W}}}p"
_SPACE = {f"{{{W}}}tab", f"{{{W}}}br", f"{{{W}}}cr"}
_HIDDEN = {f"{{{W}}}del", f"{{{W}}}moveFrom", f"{{{MC}}}Fallback", f"{{{W}}}tabs"}
_SHOWN = (*_TEXT, _P, *_SPACE)


def shown_paragraphs(root: Any) -> Iterator[str]:
    """The text of each paragraph in a part (or an element of one) as Word shows it: tabs and breaks as spaces.

    One pass in document order (lxml's own iteration); what a deletion, a moved-away copy, a
    drawing's fallback or a paragraph's tab stops hold is set aside first.
    """
    hidden: set[Any] = set()
    for holder in root.iter(*_HIDDEN):
        hidden.update(holder.iter(*_SHOWN))
    pieces: list[str] = []
    for node in root.iter(*_SHOWN):
        if node in hidden:
            continue
        if node.tag == _P:
            if pieces:
                yield "".join(pieces)
                pieces = []
        else:
            pieces.append((node.text or "") if node.tag in _TEXT else " ")
    if pieces:
        yield "".join(pieces)


def part_words(roots: Sequence[Any]) -> Counter[str]:
    """The words of WordprocessingML parts (or elements of one), paragraph by paragraph."""
    counts: Counter[str] = Counter()
    for root in roots:
        for text in shown_paragraphs(root):
            counts.update(words_of(text))
    return counts


# --- the words of a Markdown draft, counted apart from the reader ----------------------------------
_MARKUP: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"<!--.*?-->", re.S), " "),  # comments: the embedded source, notes to self
    (re.compile(r"\\\n"), "\n"),  # a hard break
    (re.compile(r"<a id=\"[^\"]*\"></a>|<br>"), " "),  # anchors and breaks print no word
    (re.compile(r"\[\^[^\]\s]+\]:?"), " "),  # note marks and the start of their texts
    (re.compile(r"\[([^\]]*)\]\([^)\s]*\)"), r"\1"),  # a link prints its text
    (re.compile(r"(?m)^[ \t]*(?:#{1,6}|>)[ \t]*"), ""),  # heading and quote markers
    (re.compile(r"\*\*|(?<!\\)[*_](?=\S)|(?<=\S)(?<!\\)[*_]"), ""),  # emphasis and strong
    (re.compile(r"&#(\d+);"), lambda m: chr(int(m.group(1))) if int(m.group(1)) < 0x110000 else " "),
    (re.compile(r"\\(.)"), r"\1"),  # an escaped character is itself
]


def markdown_words(text: str) -> Counter[str]:
    """The words a Markdown draft shows, its markup set aside (as a renderer shows them)."""
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return Counter(words_of(text))
