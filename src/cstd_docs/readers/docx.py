"""Read a Word document in the UN Geneva layout back into a report.

Works on what the UN template writes, not only on our own output: body paragraphs
``SingleTxtG`` typed ``1.`` TAB text and ``(a)`` TAB text; headings ``HChG`` (chapter),
``H1G`` (section), ``H23G`` (subsection) typed TAB number TAB title; the title ``HMG``;
footnotes in ``word/footnotes.xml`` (``FootnoteText``); the masthead as a first-page
table (in the body or in the first-page header).

The stages: the package's XML as tokens (``wordml``), the paragraphs in reading order
sorted into masthead, lines under it, title and body lines (here), the body lines
classified (``classify``), then assembled on the source report the package carries, if
any (``assemble``; docs/round-trip.md). Beside this module: the masthead table and the
first page's footer and size (``docx_masthead``), body text's labels and Word's numbering
(``docx_text``), boxes (``docx_boxes``), tables and figures (``docx_floats``).
"""

from __future__ import annotations

import enum
import io
import os
from pathlib import Path
from typing import Any

import attrs

from cstd_docs.errors import Problem, ReportError
from cstd_docs.lang import LanguagePack, language_pack
from cstd_docs.model import Report, TitleStyle
from cstd_docs.readers.assemble import assemble
from cstd_docs.readers.base import base_of, unlabelled, unnumbered
from cstd_docs.readers.classify import HeadingLine, Line, TextLine, classify
from cstd_docs.readers.coverage import Kind, Losses, part_words
from cstd_docs.readers.docx_boxes import box_kind, box_lines
from cstd_docs.readers.docx_floats import DocxFloats
from cstd_docs.readers.docx_masthead import duty_station, job_lines, masthead_cells
from cstd_docs.readers.docx_text import BodyText, label_bookmark
from cstd_docs.readers.families import Role, StyleFamily
from cstd_docs.readers.foreign import TYPED_LABEL, boxed_table, look_role
from cstd_docs.readers.labels import annex_label, chapter_caption
from cstd_docs.readers.letter import Reading
from cstd_docs.readers.letter import heading_parts as letter_heading
from cstd_docs.readers.losses import BreakTracker, breaks, formatting
from cstd_docs.readers.masthead import guess_language
from cstd_docs.readers.package import Package
from cstd_docs.readers.plain import FrontEnd, NumberedHeadings
from cstd_docs.readers.signature import unbold
from cstd_docs.readers.tokens import Text, Token, has_note, heading_parts, plain, runs_text, split_tabs, to_runs
from cstd_docs.readers.visible import BlockKind, Collecting, VContents, VNote
from cstd_docs.readers.wordml import FLOAT_STYLES, WordDocument, w

__all__ = ["read_docx"]


_HEADING_KINDS = {"hchg": BlockKind.CHAPTER, "hmg": BlockKind.CHAPTER, "h1g": BlockKind.SECTION,
                  "h23g": BlockKind.SUBSECTION}
#: A resolution's styles (writers/docx/instrument_styles.py), as the reader sees style ids.
_INSTRUMENT_STYLES = ("resheadingg", "decheadingg", "preambularg", "operativeg")
#: Bullets by their style (the UN template's, and Word's own), with their level; indented lines by indent.
_BULLET_STYLES = {"bullet1g": 1, "bullet2g": 2, "listbullet": 1, "listbullet2": 2}
_LINE_STYLES = {"line0g": 0, "line1g": 1, "line2g": 2}
#: The contents page and the Official Records front matter (writers/docx/front_styles.py).
_FRONT_MATTER_STYLES = ("tocheadingg", "toclabelsg", "toc1g", "toc2g", "orcoverg", "ortitleg")
_CONTENTS_ENTRIES = ("toc1g", "toc2g")
#: The styles of a provisional agenda's parts and of a subheading between operative paragraphs.
_PART_STYLES = {"ressubheadingg": BlockKind.OPERATIVE_HEADING, "agendatitleg": BlockKind.AGENDA_TITLE,
                "agendaheadingg": BlockKind.AGENDA_HEADING, "agendaseparatorg": BlockKind.AGENDA_SEPARATOR,
                "agendaitemg": BlockKind.AGENDA_ITEM, "agendasubitemg": BlockKind.AGENDA_SUB_ITEM,
                "documentationg": BlockKind.DOCUMENTATION, "agendadocumentg": BlockKind.DOCUMENT}
#: The Word writer's own styles, known by their ids alone: most are based on "_ Single Txt_G" and none
#: is body text (readers/stylemap.py would otherwise read them by what they are based on).
_OWN_STYLES = frozenset({*_INSTRUMENT_STYLES, *_PART_STYLES, *_LINE_STYLES, *_FRONT_MATTER_STYLES, *FLOAT_STYLES,
                         "summaryheadg", "boxheadg"})
#: The title's style, by the style id the reader sees (an L document's title is 10 pt: H23G).
_TITLE_STYLES = {"hmg": TitleStyle.HMG, "hchg": TitleStyle.HCHG, "h23g": TitleStyle.H23G}


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


#: An agenda's documentation stands at its item's text (1609 twips) or, under a sub-item, a step further.
_SUB_ITEM_DOCUMENTATION = 1609 + 237


def _indented(el: Any) -> bool:
    """A paragraph indented past its item's documentation: its sub-item's (writers/docx/instrument_styles.py)."""
    ind = el.find(f"{w('pPr')}/{w('ind')}")
    left = (ind.get(w("left")) or ind.get(w("start"))) if ind is not None else None
    return left is not None and left.isdigit() and len(left) < 7 and int(left) >= _SUB_ITEM_DOCUMENTATION


def read_docx(
    path: str | os.PathLike[str] | bytes, *, warnings: list[Problem] | None = None,
    families: tuple[StyleFamily, ...] = (), losses: Losses | None = None,
) -> Report:
    """The report a .docx shows; problems that did not stop reading go to ``warnings``.

    Raises :class:`~cstd_docs.errors.ReportError` when the file is not a Word document,
    breaks the package bounds (zip bombs) or declares XML entities.
    """
    sink: list[Problem] = [] if warnings is None else warnings
    package = _open(path)
    document = WordDocument(package, sink, families, losses, _OWN_STYLES)
    base = document.source()
    body = package.xml(document.main).find(w("body"))
    if body is None:
        raise ReportError.single(f"{package.name}:{document.main}", "the document has no body",
                                 "this is not a Word document")
    elements = _elements(body)
    document.settle_styles(elements)
    layout = _Layout(document, base)
    layout.floats = DocxFloats(document, body, layout.lines)
    for number, el in enumerate(elements, start=1):
        layout.element(el, f"paragraph {number}")
    layout.floats.flush(layout.pack)
    layout.breaks.flush()
    document.losses.document_words = part_words([body, *document.notes_root(), *document.first_page_parts(body)])
    visible = layout.visible
    resolved = base_of(base) if base is not None else None
    visible.blocks = list(classify(layout.lines, layout.pack, unnumbered(resolved), unlabelled(resolved)))
    if not visible.masthead_lines:
        visible.masthead_lines = document.first_page_lines(body, "header")
    visible.masthead_lines += job_lines(document, body, base)
    visible.duty_station = duty_station(body)
    if document.tracked:
        sink.append(Problem(package.name, "the document holds tracked changes", "they were read as accepted"))
    return assemble(visible.done(), base, sink, package.name, resolved, document.losses)


class _Stage(enum.Enum):
    """Where the reading is: under the masthead, after the title, in the body."""

    FRONT = "front"
    LETTER = "letter"  # a letter of transmittal, between the lines under the masthead and the title
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
        self.letter: Reading | None = None
        #: The element before was a contents page's table: the body after it starts a page.
        self.after_contents = False
        #: A block of indented lines is open: the next line continues it.
        self.lines_open = False
        #: Tables and figures (issue 13), set by read_docx once the body is known.
        self.floats: DocxFloats | None = None
        self.breaks = BreakTracker(document.losses, document.warn, self.foreign)
        self.body_text = BodyText(document, self.foreign)
        #: A document not ours whose paragraphs are in no heading style (pandoc's copy): its first page's
        #: block and its headings are known by their wording and numbers (readers/plain.py).
        self.plain = self.foreign and not document.styles.headings_used
        self.front_end = FrontEnd()
        self.headings = NumberedHeadings()

    def element(self, el: Any, where: str) -> None:
        """A paragraph or a table of the body, with what it holds that the report cannot keep."""
        count, last = len(self.lines), self.lines[-1] if self.lines else None
        self.take(el, where)
        # the bookmark the Word writer puts on a cross-reference target's label names the line
        # it made (or completed: "Annex" over its title), so a reference keeps its target
        bookmark = label_bookmark(el) if el.tag == w("p") else None  # a box's: on its heading (box())
        if bookmark is not None and self.lines and (len(self.lines) > count or self.lines[-1] is not last):
            self.lines[-1] = attrs.evolve(self.lines[-1], bookmark=bookmark)

    def take(self, el: Any, where: str) -> None:
        if el.tag != w("p"):
            self.read(el, where)
            self.after_contents = self.visible.contents is not None and self.document.style_of(
                next(el.iter(w("p")), el)) in _CONTENTS_ENTRIES
            return
        # The breaks the Word writer's own layout makes (issues 13, 14): the page of a contents, of the
        # Official Records' pages, of the body after a contents page, of the title after a letter.
        style = self.document.style_of(el)
        layout = style in _FRONT_MATTER_STYLES or self.after_contents or (
            style in ("hmg", "hchg") and self.letter is not None and self.visible.letter is None)
        self.after_contents = False
        found = breaks(el)
        if style not in FLOAT_STYLES:  # a table note's line raises its letter by design (issue 13)
            formatting(el, where, self.document.losses, self.document.warn)
        if el.find(f".//{w('ins')}") is not None or el.find(f".//{w('del')}") is not None:
            self.document.losses.add(Kind.TRACKED, where, words=0)
        before = len(self.lines), len(self.visible.front_lines), len(self.visible.subtitles)
        self.read(el, where)
        after = len(self.lines), len(self.visible.front_lines), len(self.visible.subtitles)
        last = self.lines[-1] if self.lines else None
        annex = after[0] > before[0] and isinstance(last, HeadingLine) and last.kind is BlockKind.ANNEX
        self.breaks.paragraph(found, where, shown=after != before, opens_annex=annex, layout=layout)

    def read(self, el: Any, where: str) -> None:
        open_lines, self.lines_open = self.lines_open, False  # only a line keeps a block of lines open
        if el.tag == w("tbl"):
            if not self.contents_table(el):
                self.table(el, where)
            return
        if self.stage is _Stage.FRONT and not self.visible.masthead_lines:
            boxed = boxed_table(el)  # the masthead table, floated in a text box by a LibreOffice round trip
            if boxed is not None:
                self.document.taken.add(boxed[0])
                self.table(boxed[1], where)
        own = self.document.style_of(el)
        style = self.looked(el, own)
        if style == "figureg":  # a figure's picture is read into the figure (docx_floats.py), not lost
            self.document.taken.update(el.iter(w("drawing")))
        tokens = self.document.tokens(el, where=where)
        if self.stage is not _Stage.FRONT and self.floats is not None \
                and self.floats.paragraph(el, style, tokens, self.pack, where):
            self.stage = _Stage.BODY
            return
        if style != own:  # set by hand as a heading: its bold is the heading's look, not strong text
            tokens = [attrs.evolve(t, bold=False) if isinstance(t, Text) else t for t in tokens]
        if not plain(tokens).strip() and not has_note(tokens):
            return
        if self.plain:
            style = self.plain_style(style, tokens)
        if style in _FRONT_MATTER_STYLES:
            self.front_matter(style, tokens)
            return
        if style == "contents":  # derived from the headings: the report makes its own
            self.document.losses.add(Kind.CONTENTS, where, plain(tokens))
            return
        if self.letter_line(style, tokens):
            return
        if self.front(style, tokens, where):
            return
        if style == "footer":
            return  # the job line on the last page (New York): the masthead's job number again
        if style in _HEADING_KINDS or style == "annex":
            self.heading(style, tokens, where, self.body_text.numbered(el))
            return
        if style in _INSTRUMENT_STYLES or style in _PART_STYLES:
            self.instrument(el, style, tokens, where)
            return
        if style in _BULLET_STYLES or style in _LINE_STYLES:
            self.lines_open = open_lines
            self.unlabelled(el, style, tokens, where)
            return
        if style in ("h4g", "h56g"):
            self.document.losses.add(Kind.HEADING, where, plain(tokens), words=0)
            self.document.warn(where, f"a heading below subsection level ({style}) was read as unnumbered text")
        if self.stage is _Stage.TITLE:
            self.stage = _Stage.BODY
        self.lines.append(self.text(el, style, tokens, where))

    # --- boxes and letters (issue 13) -----------------------------------------------------------
    def letter_line(self, style: str, tokens: list[Token]) -> bool:
        """A letter's heading (in a title's style, reading as the language's "Letter dated …"), or a
        line of the letter; the report's title ends it. True when the paragraph was the letter's."""
        heading = style in _TITLE_STYLES  # the writer sets the letter's heading in the title's style
        if heading and self.stage is _Stage.FRONT and self.letter is None:
            text = runs_text(to_runs(heading_parts(tokens)[1]))  # a name's blanks at its end are its own
            if letter_heading(text, self.pack) is not None:
                self.letter, self.stage = Reading(text, self.pack), _Stage.LETTER
                return True
        if self.stage is not _Stage.LETTER or self.letter is None:
            return False
        if heading:  # the report's title ends it
            self.visible.letter, self.stage = self.letter.done(), _Stage.FRONT
            return False
        self.letter.line(to_runs(tokens))
        return True

    def box(self, el: Any, kind: BlockKind, where: str) -> None:
        """A box's heading, its text, and where its frame ends (docx_boxes.py)."""
        if self.stage in (_Stage.TITLE, _Stage.FRONT):
            self.stage = _Stage.BODY
        self.lines.extend(box_lines(self.document, el, kind, where, self.text))
    # --- end boxes and letters

    def looked(self, el: Any, style: str) -> str:
        """A paragraph of a document not ours, in no known style, set by hand as the title (under the
        masthead) or as a subtitle (after the title) is one: its look says so (bold at 17, 14, 12 pt).
        A parent body's line is bold at 12 pt too: a subtitle's look counts only after the title."""
        if not self.foreign or self.stage is _Stage.BODY or not self.visible.masthead_lines or \
                self.document.styles.role(self.document.style_id(el)) is not None:
            return style
        role = look_role(el, self.document.styles.families)
        if (self.stage is _Stage.FRONT and role in (Role.TITLE, Role.CHAPTER)) or (
                self.stage is _Stage.TITLE and role is Role.SECTION):
            return role.key
        return style

    def plain_style(self, style: str, tokens: list[Token]) -> str:
        """In a document whose styles say nothing: the title after the first page's block, subtitles up to
        the first heading or numbered paragraph, headings by the numbers they print."""
        text = plain(tokens).strip()
        if self.stage is _Stage.FRONT:
            shown = self.visible.masthead_lines and self.front_end.is_title(self.pack, text)
            return "hmg" if shown else style
        heading = self.headings.kind(self.pack, text)
        if heading is not None:
            return heading
        last = self.lines[-1] if self.lines else None
        if isinstance(last, HeadingLine) and not last.runs:
            return "hchg"  # the title under "Annex" or "Chapter I"
        if self.stage is _Stage.TITLE and not TYPED_LABEL.match(text):
            return "h1g"  # a subtitle
        self.headings.text(text)
        return style

    def table(self, el: Any, where: str) -> None:
        kind = box_kind(self.document, el, self.pack) \
            if self.stage is not _Stage.FRONT or self.visible.masthead_lines else None
        if kind is not None:
            self.box(el, kind, where)
            return
        if self.stage is _Stage.FRONT and not self.visible.masthead_lines:
            self.document.masthead = True
            lines = self.document.table_lines(el, where)
            self.visible.symbol, self.visible.masthead_lines = masthead_cells(self.document, el)
            self.document.masthead = False
            if self.language is None:
                self.language = guess_language(lines)
                self.pack = language_pack(self.language or "en")
        elif self.floats is not None:
            self.stage = _Stage.BODY
            self.floats.table(el, self.pack, where)

    def front(self, style: str, tokens: list[Token], where: str) -> bool:
        """The title, or a line under the masthead: True when the paragraph was one of those."""
        if style == "hmg" or (style in ("hchg", "h23g") and self.stage is _Stage.FRONT):
            number, title = heading_parts(tokens)
            if not self.visible.title and not number:
                self.visible.title = to_runs(title)
                self.visible.title_style = _TITLE_STYLES[style]
                self.stage = _Stage.TITLE
                return True
            if style == "hmg":
                self.document.warn(where, "a second title (HMG) was read as a chapter")
            if number and self.stage is _Stage.FRONT:  # a numbered chapter: the body begins (no title printed)
                self.stage = _Stage.BODY
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

    def heading(self, style: str, tokens: list[Token], where: str, numbered: bool = False) -> None:
        """A heading by its style; one that shows no number is unnumbered, unless Word numbers it."""
        number, title_tokens = heading_parts(tokens)
        number = number or ("#" if numbered else "")
        runs = to_runs(title_tokens)
        last = self.lines[-1] if self.lines else None
        shown = runs_text(runs).strip()
        # "Chapter I" or "Annex" alone waits for its title: the next heading is that, whatever it says
        # (a title "Annex II" or "Chapter II" was read as a label of its own, and the first left untitled)
        waiting = isinstance(last, HeadingLine) and not last.runs and not number and (
            (last.kind is BlockKind.CHAPTER and style == "hchg")
            or (last.kind is BlockKind.ANNEX and style in ("hchg", "h1g", "annex")))
        caption = chapter_caption(self.pack).fullmatch(shown) if style == "hchg" and not number and not waiting \
            else None
        if waiting and isinstance(last, HeadingLine):
            self.lines[-1] = attrs.evolve(last, runs=runs)  # its title
        elif caption:  # "Chapter I" on its own line (the New York layout); the title follows
            numeral = self.pack.table.heading_number.format(number=caption.group(1))
            self.lines.append(HeadingLine(BlockKind.CHAPTER, numeral, [], where))
            self.chapter_seen = True
        elif style in ("hchg", "hmg", "annex") and annex_label(self.pack).fullmatch(number or shown):
            self.lines.append(HeadingLine(BlockKind.ANNEX, number or shown, runs if number else [], where))
            self.chapter_seen = True
        elif style == "h1g" and not self.chapter_seen:
            self.visible.subtitles.append(runs)
        elif style == "annex":  # the template's annex style, its label not typed: an annex, numbered by place
            self.lines.append(HeadingLine(BlockKind.ANNEX, "", runs, where))
            self.chapter_seen = True
        else:
            kind = _HEADING_KINDS[style]
            if kind is BlockKind.SUBSECTION and number.startswith("("):
                self.document.warn(where, f"heading {number} is below subsection level",
                                   "it was read as a subsection")
            self.chapter_seen = self.chapter_seen or kind is BlockKind.CHAPTER
            self.lines.append(HeadingLine(kind, number, runs, where))

    # --- bulleted lists and indented lines (issue 13)
    def unlabelled(self, el: Any, style: str, tokens: list[Token], where: str) -> None:
        """A bullet, at its style's level; a line, at its style's indent. A line spaced after
        (the last of its block: list_styles.AFTER) closes its block; the next opens one."""
        if self.stage is _Stage.TITLE:
            self.stage = _Stage.BODY
        runs = to_runs(tokens)
        if style in _BULLET_STYLES:
            self.lines.append(TextLine(runs, where, bullet=_BULLET_STYLES[style]))
            return
        opens = not self.lines_open
        spacing = el.find(f"{w('pPr')}/{w('spacing')}")
        after = spacing.get(w("after"), "") if spacing is not None else ""
        self.lines_open = not (after.isdigit() and int(after) > 0)
        self.lines.append(TextLine(runs, where, indent=_LINE_STYLES[style], opens=opens))
    # --- end bulleted lists and indented lines
    # --- contents and Official Records (issue 14)
    def contents_table(self, el: Any) -> bool:
        """A contents page's entries (a table of TOC1G/TOC2G paragraphs): derived, so only seen."""
        first = el.find(f".//{w('p')}")
        if first is None or self.document.style_of(first) not in _CONTENTS_ENTRIES:
            return False
        if self.visible.contents is None:
            self.visible.contents = VContents(paragraphs=False)
        return True

    def front_matter(self, style: str, tokens: list[Token]) -> None:
        """The contents page's heading and labels; the Official Records' title page, note and date (their
        cover says the same and is skipped). What follows them is the body."""
        if style in ("tocheadingg", "toclabelsg", "toc1g", "toc2g"):
            labels = [plain(part).strip() for part in split_tabs(tokens)] if style == "toclabelsg" else []
            self.visible.contents = VContents(paragraphs=self.pack.table.contents.paragraphs in labels or bool(
                self.visible.contents and self.visible.contents.paragraphs))
        elif style == "ortitleg":
            if self.visible.official_records is None:
                self.visible.official_records = []
            # Bold by layout, as the lines under a masthead (a title's own bold text cannot show).
            self.visible.official_records += [unbold(to_runs(part)) for part in split_tabs(tokens)
                                              if plain(part).strip()]
        if self.stage is _Stage.FRONT:
            self.stage = _Stage.TITLE
    # --- end contents and Official Records

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
        if style in ("preambularg", "ressubheadingg", "agendatitleg", "agendaheadingg", "documentationg",
                     "agendadocumentg", "agendaseparatorg"):
            line = TextLine(to_runs(tokens), where)  # unnumbered: whatever it starts with is its text, tabs too
        else:
            line = self.text(el, style, tokens, where)
        depth = 2 if style in ("documentationg", "agendadocumentg") and _indented(el) else 0
        self.lines.append(attrs.evolve(line, instrument=True, kind=_PART_STYLES.get(style), by_style=True,
                                       depth=depth))
    # --- end instruments

    def text(self, el: Any, style: str, tokens: list[Token], where: str) -> TextLine:
        """Body text, labelled and numbered in the language read so far (docx_text.py)."""
        return self.body_text.text(el, style, tokens, where, self.pack, self.language)
