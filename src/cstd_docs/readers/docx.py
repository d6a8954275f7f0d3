"""Read a Word document in the UN Geneva layout back into a report.

Works on what the UN template writes, not only on our own output: body paragraphs
``SingleTxtG`` typed ``1.`` TAB text and ``(a)`` TAB text; headings ``HChG`` (chapter),
``H1G`` (section), ``H23G`` (subsection) typed TAB number TAB title; the title ``HMG``;
footnotes in ``word/footnotes.xml`` (``FootnoteText``); the masthead as a first-page
table (in the body or in the first-page header).

The stages: the package's XML as tokens (``wordml``), the paragraphs in reading order
sorted into masthead, lines under it, title and body lines (here), the body lines
classified (``classify``), then assembled on the source report the package carries, if
any (``assemble``; docs/round-trip.md).
"""

from __future__ import annotations

import enum
import io
import os
import re
from pathlib import Path
from typing import Any

import attrs

from cstd_docs.crossrefs import BOOKMARK_PREFIX
from cstd_docs.errors import Problem, ReportError
from cstd_docs.lang import LanguagePack, language_pack
from cstd_docs.model import DutyStation, Report, TitleStyle
from cstd_docs.readers.assemble import assemble
from cstd_docs.readers.base import base_of, unnumbered
from cstd_docs.readers.classify import HeadingLine, Labelled, Line, TextLine, classify
from cstd_docs.readers.labels import annex_label, chapter_caption, paragraph_number
from cstd_docs.readers.masthead import JOB_NUMBER, guess_language
from cstd_docs.readers.package import Package
from cstd_docs.readers.signature import unbold
from cstd_docs.readers.tokens import (
    Token,
    cut_text,
    has_note,
    heading_parts,
    plain,
    rejoin,
    runs_text,
    split_tabs,
    to_runs,
)
from cstd_docs.readers.visible import BlockKind, Collecting, VNote
from cstd_docs.readers.wordml import WordDocument, w

__all__ = ["read_docx"]

_HEADING_KINDS = {"hchg": BlockKind.CHAPTER, "hmg": BlockKind.CHAPTER, "h1g": BlockKind.SECTION,
                  "h23g": BlockKind.SUBSECTION}
#: A resolution's styles (writers/docx/instrument_styles.py), as the reader sees style ids.
_INSTRUMENT_STYLES = ("resheadingg", "decheadingg", "preambularg", "operativeg")
#: "1. text" typed with a space (documents not ours: ours type a tab).
_TYPED_LABEL = re.compile(r"^\s*(\d+\.|\([a-z]+\))\s+")


def _open(path: str | os.PathLike[str] | bytes) -> Package:
    if isinstance(path, bytes):
        return Package(io.BytesIO(path), "document.docx")
    name = str(path)
    if not Path(path).is_file():
        raise ReportError.single(name, "the file does not exist", "check the path")
    return Package(Path(path), name)


def _elements(container: Any) -> list[Any]:
    """The body's paragraphs and tables in reading order, through content controls and tracked insertions."""
    elements: list[Any] = []
    for child in container:
        if child.tag in (w("p"), w("tbl")):
            elements.append(child)
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                elements.extend(_elements(content))
        elif child.tag in (w("ins"), w("moveTo"), w("customXml")):
            elements.extend(_elements(child))
    return elements


#: The page width that tells the duty stations apart (twips): US Letter is New York's
#: (12240, 8.5 in; E/CN.5/2025/L.6), A4 Geneva's (11906, 21 cm).
_US_LETTER_WIDTH = 12240


def _duty_station(body: Any) -> DutyStation | None:
    """The layout the final section's page size shows: US Letter is New York's, any other Geneva's."""
    size = body.find(f"{w('sectPr')}/{w('pgSz')}")
    width = size.get(w("w")) if size is not None else None
    if width is None or not width.isdigit() or len(width) > 6:
        return None
    return DutyStation.NEW_YORK if abs(int(width) - _US_LETTER_WIDTH) <= 20 else DutyStation.GENEVA


def read_docx(
    path: str | os.PathLike[str] | bytes, *, warnings: list[Problem] | None = None
) -> Report:
    """The report a .docx shows; problems that did not stop reading go to ``warnings``.

    Raises :class:`~cstd_docs.errors.ReportError` when the file is not a Word document,
    breaks the package bounds (zip bombs) or declares XML entities.
    """
    sink: list[Problem] = [] if warnings is None else warnings
    package = _open(path)
    document = WordDocument(package, sink)
    base = document.source()
    body = package.xml(document.main).find(w("body"))
    if body is None:
        raise ReportError.single(f"{package.name}:{document.main}", "the document has no body",
                                 "this is not a Word document")
    layout = _Layout(document, base)
    for number, el in enumerate(_elements(body), start=1):
        layout.element(el, f"paragraph {number}")
    visible = layout.visible
    resolved = base_of(base) if base is not None else None
    visible.blocks = list(classify(layout.lines, layout.pack, unnumbered(resolved)))
    if not visible.masthead_lines:
        visible.masthead_lines = document.first_page_lines(body, "header")
    visible.masthead_lines += _job_lines(document, body, base)
    visible.duty_station = _duty_station(body)
    if document.tracked:
        sink.append(Problem(package.name, "the document holds tracked changes", "they were read as accepted"))
    return assemble(visible.done(), base, sink, package.name, resolved)


def _job_lines(document: WordDocument, body: Any, base: Report | None) -> list[str]:
    """The job number in the first page's footer: the base's, or anything that looks like one."""
    job = base.masthead.job_number if base is not None else None
    footer = document.first_page_lines(body, "footer")
    if job is not None and " ".join(" ".join(footer).split()) == " ".join(job.split()):
        return [job]
    like = [line for line in footer if JOB_NUMBER.fullmatch(line.strip())]
    return like or footer[:1] if len(footer) <= 1 else like  # a footer of one line holds the job number


def _label_bookmark(paragraph: Any) -> str | None:
    """The name of the Word writer's bookmark in a paragraph (on its label: crossrefs.py), if any."""
    for start in paragraph.iter(w("bookmarkStart")):
        name = start.get(w("name"), "")
        if name.startswith(BOOKMARK_PREFIX):
            return str(name)
    return None


def _masthead_cells(document: WordDocument, table: Any) -> tuple[str | None, list[str]]:
    """The symbol (the first row's last cell, beside "United Nations") and the masthead's lines.

    The symbol is known by its place: its text may be anything ("E/CN.16/2022/2", or words).
    """
    rows: list[list[list[str]]] = []
    symbol: str | None = None
    for row in table.iter(w("tr")):
        shown = [document.paragraph_lines(cell) for cell in row.findall(w("tc"))]
        if not rows and len(shown) > 1 and not shown[-1] and any(shown[:-1]):
            symbol = ""  # the symbol's place, beside "United Nations", is empty: the report has none
        cells = [lines for lines in shown if lines]
        if cells:
            rows.append(cells)
    if rows and len(rows[0]) > 1 and len(rows[0][-1]) == 1:
        symbol = rows[0].pop()[0]
    return symbol, [line for cells in rows for lines in cells for line in lines]


class _Stage(enum.Enum):
    """Where the reading is: under the masthead, after the title, in the body."""

    FRONT = "front"
    TITLE = "title"
    BODY = "body"


class _Layout:
    """The paragraphs in order, sorted into masthead, front lines, title, subtitles and body lines.

    The first table is the masthead; paragraphs up to the title (HMG) are the lines under
    it; "H1G" headings before the first chapter are subtitles; the rest is the body.
    """

    def __init__(self, document: WordDocument, base: Report | None) -> None:
        self.document = document
        #: Not ours (no source report): "1. text" typed with a space is a numbered paragraph.
        self.foreign = base is None
        language = base.language if base is not None else None
        self.language = language
        self.pack: LanguagePack = language_pack(language or "en")
        self.visible = Collecting()
        self.lines: list[Line] = []
        self.stage = _Stage.FRONT
        self.chapter_seen = False

    def element(self, el: Any, where: str) -> None:
        count, last = len(self.lines), self.lines[-1] if self.lines else None
        self.read(el, where)
        # the bookmark the Word writer puts on a cross-reference target's label names the line
        # it made (or completed: "Annex" over its title), so a reference keeps its target
        bookmark = _label_bookmark(el)
        if bookmark is not None and self.lines and (len(self.lines) > count or self.lines[-1] is not last):
            self.lines[-1] = attrs.evolve(self.lines[-1], bookmark=bookmark)

    def read(self, el: Any, where: str) -> None:
        if el.tag == w("tbl"):
            self.table(el, where)
            return
        style = self.document.style_of(el)
        tokens = self.document.tokens(el, where=where)
        if not plain(tokens).strip() and not has_note(tokens):
            return
        if self.front(style, tokens, where):
            return
        if style == "footer":
            return  # the job line on the last page (New York): the masthead's job number again
        if style in _HEADING_KINDS:
            self.heading(style, tokens, where)
            return
        if style in _INSTRUMENT_STYLES:
            self.instrument(el, style, tokens, where)
            return
        if style in ("h4g", "h56g"):
            self.document.warn(where, f"a heading below subsection level ({style}) was read as unnumbered text")
        if self.stage is _Stage.TITLE:
            self.stage = _Stage.BODY
        self.lines.append(self.text(el, style, tokens, where))

    def table(self, el: Any, where: str) -> None:
        lines = self.document.table_lines(el)
        if self.stage is _Stage.FRONT and not self.visible.masthead_lines:
            self.visible.symbol, self.visible.masthead_lines = _masthead_cells(self.document, el)
            if self.language is None:
                self.language = guess_language(lines)
                self.pack = language_pack(self.language or "en")
        elif lines:
            self.document.warn(where, f"a table was not read: {' | '.join(lines)[:80]!r}",
                               "tables are not in the model")

    def front(self, style: str, tokens: list[Token], where: str) -> bool:
        """The title, or a line under the masthead: True when the paragraph was one of those."""
        if style == "hmg" or (style == "hchg" and self.stage is _Stage.FRONT):
            number, title = heading_parts(tokens)
            if not self.visible.title and not number:
                self.visible.title = to_runs(title)
                self.visible.title_style = TitleStyle.HMG if style == "hmg" else TitleStyle.HCHG
                self.stage = _Stage.TITLE
                return True
            if style == "hmg":
                self.document.warn(where, "a second title (HMG) was read as a chapter")
        if self.stage is not _Stage.FRONT:
            return False
        if style in ("h1g", "h23g"):
            self.stage = _Stage.TITLE
            return False
        # One line per paragraph, its line breaks in its text: front.py splits one at its breaks
        # when its pieces are lines of their own ("Twenty-fifth session" BREAK "Geneva, …").
        line = to_runs(tokens)
        if runs_text(line).strip() or any(isinstance(r, VNote) for r in line):
            self.visible.front_lines.append(unbold(line))
        return True

    def heading(self, style: str, tokens: list[Token], where: str) -> None:
        number, title_tokens = heading_parts(tokens)
        runs = to_runs(title_tokens)
        last = self.lines[-1] if self.lines else None
        # "Chapter I" or "Annex" alone waits for its title: the next heading is that, whatever it says
        # (a title "Annex II" or "Chapter II" was read as a label of its own, and the first left untitled)
        waiting = isinstance(last, HeadingLine) and not last.runs and not number and (
            (last.kind is BlockKind.CHAPTER and style == "hchg")
            or (last.kind is BlockKind.ANNEX and style in ("hchg", "h1g")))
        caption = chapter_caption(self.pack).fullmatch(runs_text(runs).strip()) \
            if style == "hchg" and not number and not waiting else None
        if waiting and isinstance(last, HeadingLine):
            self.lines[-1] = attrs.evolve(last, runs=runs)  # its title
        elif caption:  # "Chapter I" on its own line (the New York layout); the title follows
            numeral = self.pack.table.heading_number.format(number=caption.group(1))
            self.lines.append(HeadingLine(BlockKind.CHAPTER, numeral, [], where))
            self.chapter_seen = True
        elif style in ("hchg", "hmg") and annex_label(self.pack).fullmatch(number or runs_text(runs).strip()):
            self.lines.append(HeadingLine(BlockKind.ANNEX, number, runs if number else [], where))
            self.chapter_seen = True
        elif style == "h1g" and not self.chapter_seen:
            self.visible.subtitles.append(runs)
        else:
            kind = _HEADING_KINDS[style]
            if kind is BlockKind.SUBSECTION and number.startswith("("):
                self.document.warn(where, f"heading {number} is below subsection level",
                                   "it was read as a subsection")
            self.chapter_seen = self.chapter_seen or kind is BlockKind.CHAPTER
            self.lines.append(HeadingLine(kind, number, runs, where))

    # --- instruments (issue 12)
    def instrument(self, el: Any, style: str, tokens: list[Token], where: str) -> None:
        """A resolution's heading (label or title), or a line of it: preambular text reads as
        unnumbered, an operative paragraph's number or a subparagraph's label as typed."""
        if self.stage is _Stage.TITLE:
            self.stage = _Stage.BODY
        if style in ("resheadingg", "decheadingg"):
            kind = BlockKind.RESOLUTION if style == "resheadingg" else BlockKind.DECISION
            self.lines.append(HeadingLine(kind, "", to_runs(tokens), where))
            return
        line = self.text(el, style, tokens, where)
        if style == "preambularg":
            line = TextLine(line.runs, where)
        self.lines.append(attrs.evolve(line, instrument=True))
    # --- end instruments

    def text(self, el: Any, style: str, tokens: list[Token], where: str) -> TextLine:
        """Body text: "1." TAB text, "(a)" TAB text, Word's own numbering, or unnumbered."""
        parts = split_tabs(tokens)
        label = plain(parts[0]).strip() if len(parts) > 1 else ""
        text = plain(tokens)
        found = _TYPED_LABEL.match(text) if not label and self.foreign else None
        cut = cut_text(tokens, text, found.end()) if found else None
        if found and cut is not None:
            label, parts = found.group(1), [[], cut]
        rest = to_runs(rejoin(parts, tokens, 1))
        item = Labelled(label, rest) if label else None
        number = item if item is not None and paragraph_number(self.pack).fullmatch(label) else None
        numbering = el.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
        unlisted = numbering is not None and numbering.get(w("val")) == "0"  # no numbering, said outright
        # with the source, a number the author typed there counts (the source knows its text)
        return TextLine(to_runs(tokens), where, number=number, item=item,
                        list_level=None if unlisted else self.list_level(el, style, where),
                        not_numbered=unlisted and self.foreign)

    def list_level(self, el: Any, style: str, where: str) -> int | None:
        numpr = el.find(f"{w('pPr')}/{w('numPr')}")
        if numpr is None or style != "singletxtg":
            return None
        level_el = numpr.find(w("ilvl"))
        value = level_el.get(w("val"), "0") if level_el is not None else "0"
        if value.isascii() and value.isdigit() and len(value) <= 2:
            return int(value)
        # Word's levels are 0 to 8; "x" or a 5,000-digit number is none of them
        self.document.warn(where, f"a list level that is not a number ({value[:20]!r}) was read as the first",
                           "check the list's indent in the draft")
        return 0
