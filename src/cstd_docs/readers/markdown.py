"""Read Markdown written by ``render_markdown`` (and edited by people) back into a report.

The structure is the one the Markdown writer lays out: the masthead and the lines
under it as paragraphs with hard breaks, ``# title``, ``### subtitle``, headings
``## I. …``, ``### A. …``, ``#### 1. …``, paragraphs ``1\\. …``, subparagraphs
``\\(a) …``, notes ``[^n]`` with their texts ``[^n]: …``. The source report, if the
file carries it (a final ``<!-- cstd-docs-source:1 … -->`` comment), is the base
for ids, registry and dates (see docs/round-trip.md).

The stages: the text as paragraphs and note definitions (here), inline Markdown as runs
(``markdown_inline``), the head sorted into masthead and the lines under it, the body
as typed lines, classified (``classify``), then assembled on the base (``assemble``).
"""

from __future__ import annotations

import re

import attrs

from cstd_docs.embed import source_from_markdown
from cstd_docs.errors import Problem
from cstd_docs.lang import LanguagePack, language_pack
from cstd_docs.model import Distribution, Report
from cstd_docs.model.lists import MAX_INDENT
from cstd_docs.readers.assemble import assemble
from cstd_docs.readers.base import base_of, unlabelled, unnumbered
from cstd_docs.readers.classify import HeadingLine, Labelled, Line, TextLine, classify
from cstd_docs.readers.coverage import Losses
from cstd_docs.readers.labels import annex_label, paragraph_number
from cstd_docs.readers.letter import Reading
from cstd_docs.readers.letter import heading_parts as letter_heading
from cstd_docs.readers.markdown_floats import MarkdownFloats
from cstd_docs.readers.markdown_inline import decoded, joined_lines, parse_runs, unescape
from cstd_docs.readers.masthead import guess_language
from cstd_docs.readers.signature import note_runs, unbold
from cstd_docs.readers.visible import BlockKind, Collecting, NoteRun, VContents, VNote, VRef, VRun
from cstd_docs.resolve import distribution_line

__all__ = ["read_markdown"]

_COMMENT = re.compile(r"(?<!\\)<!--.*?-->", re.S)
_NOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]?(.*)$")
#: An ATX heading; its closing "#"s are cut by :func:`_heading` (in the pattern, a lazy title
#: before optional spaces took quadratic time: "## a", 100,000 spaces, "b": 68 s).
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*)$")
#: The blanks Markdown lays out with and strips around a text (CommonMark's spaces and tabs);
#: any other white space (a no-break space, U+0085) is text. A text's own blank at either
#: end is written as a character reference (writers/markdown.py).
BLANKS = " \t"
_ANCHOR = re.compile(r'<a id="([A-Za-z][A-Za-z0-9_.:-]*)"></a>')
#: The marker of a quoted line (a resolution's), with the space after it.
_QUOTE = re.compile(r"^>[ ]?")
_LEVELS = {2: BlockKind.CHAPTER, 3: BlockKind.SECTION, 4: BlockKind.SUBSECTION}
#: A box's frame as the writer opens and closes it (issue 13).
_DIV = re.compile(r'^<div class="(summary|box)">$')
_DIV_END = "</div>"
_BOX_LABEL = re.compile(r"^(?:<a id=\"[^\"]*\"></a>)?\*\*(.+?)\*\*\\$")
#: A bullet: its indent (two spaces a level) and its text; a line of a line block ("| text").
_BULLET = re.compile(r"^( {0,7})[-*+][ \t]+(.*)$")
_LINE_BLOCK = re.compile(r"^\|(?: (.*))?$")
#: A pipe table's delimiter row: a chunk holding one is a table, not a line block.
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*\|")
#: Headings in a quote: a decision's label and title (######), a provisional agenda's title (####), a
#: subheading between operative paragraphs or an agenda's heading (###: the classifier tells which by
#: where it stands); any other level, a resolution's (#####).
_QUOTED_HEADINGS = {6: BlockKind.DECISION, 4: BlockKind.AGENDA_TITLE, 3: BlockKind.OPERATIVE_HEADING}

#: A paragraph of the text: the number of its first line, and its lines.
Chunk = tuple[int, list[str]]


def _heading(line: str) -> tuple[int, str] | None:
    """The level and the text of a heading line, without its closing "#"s ("#" alone: an empty title)."""
    if line.rstrip() == "#":
        return 1, ""
    found = _HEADING.match(line)
    if found is None:
        return None
    content = found.group(2).rstrip(BLANKS)
    closing = content.rstrip("#")
    if closing != content and (not closing or closing[-1] in BLANKS):
        content = closing.rstrip(BLANKS) if closing.strip(BLANKS) else content
    return len(found.group(1)), content


def _unbroken(line: str) -> str:
    """A line without the backslash of its hard break (an escaped backslash before it stays)."""
    trailing = len(line) - len(line.rstrip("\\"))
    return line[:-1] if trailing % 2 else line


def _take_anchor(text: str) -> tuple[str | None, str]:
    """The id of an anchor opening a block's text, and the text without it."""
    found = _ANCHOR.match(text)
    return (found.group(1), text[found.end() :]) if found else (None, text)


def _chunks(body: str) -> list[Chunk]:
    """Paragraphs, split at blank lines, before a note definition and before a heading."""
    chunks: list[Chunk] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(body.split("\n"), start=1):
        if not line.strip(BLANKS):
            if current:
                chunks.append((start, current))
                current = []
            continue
        if not current:
            start = number
        elif _NOTE_DEF.match(line) or (_heading(line) and not current[-1].endswith("\\")):
            chunks.append((start, current))
            current = []
            start = number
        current.append(line)
    if current:
        chunks.append((start, current))
    return chunks


def _note_texts(chunks: list[Chunk]) -> tuple[dict[str, str], list[Chunk]]:
    """The note definitions (which may continue on indented lines), and the other paragraphs."""
    raw_notes: dict[str, str] = {}
    kept: list[Chunk] = []
    for start, lines in chunks:
        found = _NOTE_DEF.match(lines[0])
        if found:
            raw_notes[found.group(1)] = joined_lines([found.group(2), *lines[1:]]).strip(BLANKS)
        else:
            kept.append((start, lines))
    return raw_notes, kept


def read_markdown(text: str, *, warnings: list[Problem] | None = None, source: str = "markdown",
                  losses: Losses | None = None) -> Report:
    """The report a Markdown text shows; problems that did not stop reading go to ``warnings``."""
    sink: list[Problem] = [] if warnings is None else warnings
    text = text.removeprefix("\ufeff")  # a byte-order mark an editor put first is no text
    base = source_from_markdown(text, warnings=sink, place=source)
    raw_notes, kept = _note_texts(_chunks(_COMMENT.sub("", text.replace("\r\n", "\n"))))
    reader = _Reader(raw_notes, base.language if base else None)
    index = 0
    while index < len(kept) and not kept[index][1][0].startswith("# ") and kept[index][1][0].rstrip() != "#":
        reader.head(kept[index][1])
        index += 1
    pack = language_pack(reader.language or "en")
    # "Annex V title" is the one annex titled "V title" when the draft has one annex (and the
    # source, if any, had one): the writer prints a single annex without a numeral
    reader.single_annex = (base is None or len(base.annexes) == 1) and _annexes(kept[index:], pack) == 1
    for start, lines in kept[index:]:
        reader.body_chunk(pack, lines, f"line {start}", sink, source, start)
    resolved = base_of(base) if base is not None else None
    reader.visible.blocks = list(classify(reader.lines, pack, unnumbered(resolved), unlabelled(resolved)))
    for mark in reader.missing:
        sink.append(Problem(source, f"note mark [^{mark}] has no note text", "the mark was left out"))
    for mark in raw_notes:
        if mark not in reader.used:
            sink.append(Problem(source, f"note [^{mark}] is not marked anywhere in the text",
                                f"its text was left out: {raw_notes[mark][:80]!r}"))
    return assemble(reader.visible.done(), base, sink, source, resolved, losses)


def _annexes(chunks: list[Chunk], pack: LanguagePack) -> int:
    """How many annex headings the chunks hold."""
    label = annex_label(pack)
    headings = [_heading(lines[0]) for _, lines in chunks]
    return sum(1 for h in headings if h is not None and h[0] == 2 and label.match(unescape(_take_anchor(h[1])[1])))


class _Reader:
    """The paragraphs in order, sorted into masthead, front lines, title, subtitles and body lines."""

    def __init__(self, raw_notes: dict[str, str], language: str | None) -> None:
        self.missing: list[str] = []
        self.notes: dict[str, list[NoteRun]] = {}
        for mark, note_text in raw_notes.items():
            self.notes[mark] = note_runs(parse_runs(note_text, {}, self.missing))
        self.used: set[str] = set()
        self.language = language
        self.visible = Collecting()
        self.lines: list[Line] = []
        self.seen_block = False
        self.single_annex = False
        #: The box whose heading comes next ("summary" or "box"), and the letter being read.
        self.box_heading: str | None = None
        self.letter: Reading | None = None
        #: Tables and figures (issue 13); warnings go where read_markdown says.
        self.floats: MarkdownFloats | None = None
        self.in_contents = False

    def runs(self, value: str) -> list[VRun]:
        result = parse_runs(value, self.notes, self.missing)
        self.used.update(r.mark for r in result if isinstance(r, VNote))
        return result

    def after(self, whole: list[VRun], prefix: str, rest: str) -> list[VRun]:
        """The runs of ``rest``, the line after a label: ``whole`` (the line's runs) without the
        label's ``prefix`` when they start with it, as they do for every real label; parsed
        otherwise. A line is parsed once, not once for each thing it could be."""
        first = whole[0] if whole else None
        if isinstance(first, str) and not isinstance(first, VRef) and first.startswith(prefix):
            cut = first[len(prefix) :]
            return [cut, *whole[1:]] if cut else whole[1:]
        return parse_runs(rest, self.notes, [])  # its marks are counted in ``whole``

    def head(self, lines: list[str]) -> None:
        """A paragraph before the title: the masthead (with its symbol), or lines under it."""
        parts = [_unbroken(line).strip(BLANKS) for line in lines]  # each line's Markdown
        plain_parts = [decoded(p.replace("**", "")) for p in parts]
        if self.language is None:
            self.language = guess_language([x for p in plain_parts for x in p.split(" · ")])
        pack = language_pack(self.language or "en")
        if self.official_records(pack, parts, plain_parts):
            return
        # "**United Nations** · symbol": split before decoding, which may make blanks of its own
        first_part, dot, symbol = parts[0].partition(" · ") if parts else ("", "", "")
        first = decoded(first_part.replace("**", ""))
        dist = {distribution_line(d, pack) for d in Distribution}
        if first == pack.table.united_nations or first in dist:
            for number, p in enumerate(plain_parts):
                if number == 0 and first == pack.table.united_nations:
                    # the symbol, or "": its place shown empty (nothing else is the symbol)
                    self.visible.symbol = decoded(symbol) if dot else ""
                    p = first
                self.visible.masthead_lines.append(p)
        else:
            self.visible.front_lines.extend(unbold(self.runs(p)) for p in parts)

    # --- contents and Official Records (issue 14)
    def official_records(self, pack: LanguagePack, parts: list[str], plain_parts: list[str]) -> bool:
        """The Official Records front matter: from a paragraph whose second line is "Official Records, 2025",
        every paragraph before the title."""
        records = re.escape(pack.table.official_records.records).replace(re.escape("{year}"), "[0-9]{4}")
        if self.visible.official_records is None and not (len(plain_parts) > 1
                                                          and re.fullmatch(records, plain_parts[1].strip())):
            return False
        if self.visible.official_records is None:
            self.visible.official_records = []
        self.visible.official_records += [unbold(self.runs(p)) for p in parts if p]
        return True

    def contents(self, pack: LanguagePack, lines: list[str], depth: int, content: str) -> bool:
        """The contents page: its heading after the title, then its labels and its list of entries (derived:
        only its presence and its "Paragraphs" column are read)."""
        words = pack.table.contents
        if depth == 2 and not self.seen_block and unescape(content).strip() == words.heading:
            self.in_contents = True
            self.visible.contents = VContents(paragraphs=False)
            return True
        if not self.in_contents:
            return False
        first = unescape(lines[0]).strip()
        if first.startswith("*") and first.strip("*").split(" · ")[0] == words.chapter and len(lines) == 1:
            self.visible.contents = VContents(paragraphs=words.paragraphs in first.strip("*").split(" · "))
            return True
        if all(line.lstrip().startswith("- ") for line in lines):
            return True
        self.in_contents = False
        return False
    # --- end contents and Official Records

    def body_chunk(self, pack: LanguagePack, lines: list[str], where: str, sink: list[Problem], source: str,
                   start: int = 0) -> None:
        heading = _heading(lines[0]) if len(lines) == 1 else None
        if self.contents(pack, lines, *(heading or (0, ""))):
            return
        if self.box_chunk(lines, where) or self.letter_chunk(pack, lines):
            return
        if self.floats is None:
            def warn(at: str, message: str, hint: str) -> None:
                sink.append(Problem(f"{source}:{at}", message, hint))

            self.floats = MarkdownFloats(self.lines, self.runs, warn)
        if self.floats.chunk(lines, where, pack):
            self.seen_block = True
            return
        if lines[0].startswith(">"):
            self.quoted(lines, where)
            return
        if _BULLET.match(lines[0]):
            self.bullets(lines, start)
            return
        if _LINE_BLOCK.match(lines[0]) and not any(_TABLE_RULE.match(line) for line in lines):
            self.line_block(lines, start, sink, source)
            return
        heading = _heading(lines[0]) if len(lines) == 1 else None
        if heading is None:
            self.seen_block = True
            self.lines.append(self.text(pack, joined_lines(lines), where))
            return
        depth, content = heading
        if depth == 1:
            self.visible.title = self.runs(content)
        elif depth == 3 and not self.seen_block:
            self.visible.subtitles.append(self.runs(content))
        else:
            self.seen_block = True
            line: Line | None = self.heading(pack, depth, content, where)
            if line is None:
                sink.append(Problem(f"{source}:{where}", f"heading level {depth} is not one of the report's",
                                    "it was read as unnumbered text"))
                anchor, content = _take_anchor(content)
                line = TextLine(self.runs(content), where, anchor=anchor)
            self.lines.append(line)

    # --- boxes and letters (issue 13)
    def box_chunk(self, lines: list[str], where: str) -> bool:
        """``<div class="box">``, the box's heading after it (``**Box 1**\\`` over its title, or
        ``*Summary*``), ``</div>``: True when the chunk was one of them."""
        first = lines[0].strip()
        opened = _DIV.match(first) if len(lines) == 1 else None
        if opened:
            self.seen_block, self.box_heading = True, opened.group(1)
            return True
        if first == _DIV_END and len(lines) == 1:
            self.lines.append(HeadingLine(BlockKind.BOX_END, "", [], where))
            return True
        if self.box_heading is None:
            return False
        kind = BlockKind.SUMMARY if self.box_heading == "summary" else BlockKind.BOX
        self.box_heading = None
        label = _BOX_LABEL.match(first) if kind is BlockKind.BOX and len(lines) > 1 else None
        anchor, _ = _take_anchor(first)
        number = unescape(label.group(1)) if label else ""
        title = joined_lines(lines[1:] if label else lines)
        self.lines.append(HeadingLine(kind, number, self.runs(title), where, anchor))
        return True

    def letter_chunk(self, pack: LanguagePack, lines: list[str]) -> bool:
        """A letter's heading (``# Letter dated …`` before the title), or a paragraph of the letter;
        the title ends it. True when the chunk was the letter's."""
        heading = _heading(lines[0]) if len(lines) == 1 else None
        if heading is not None and heading[0] == 1:
            text = decoded(heading[1])  # the writer prints a blank at either end of a name as "&#32;"
            if self.letter is None and not self.visible.title and letter_heading(text, pack) is not None:
                self.letter = Reading(text, pack)
                return True
            if self.letter is not None and self.visible.letter is None:
                self.visible.letter = self.letter.done()
            return False
        if self.letter is None or self.visible.letter is not None:
            return False
        # The signature block, a line each; a paragraph may hold a hard break too, and stays one.
        if any(line.rstrip().endswith("\\") for line in lines) \
                and self.letter.signs(parse_runs(re.sub(r"\\$", "", lines[0].strip()), self.notes, [])):
            for line in lines:  # Markdown's own blanks around a line are spaces and tabs; U+00A0 is text
                self.letter.line(self.runs(re.sub(r"\\$", "", line.strip(" \t"))))
        else:
            self.letter.line(self.runs(joined_lines(lines)))
        return True
    # --- bulleted lists and indented lines (issue 13)
    def bullets(self, lines: list[str], start: int) -> None:
        """A list: "- text", a second level indented under it; a line that starts no item continues one."""
        self.seen_block = True
        items: list[tuple[int, int, list[str]]] = []  # (line number, level, lines)
        for offset, line in enumerate(lines):
            found = _BULLET.match(line)
            if found or not items:
                indent, text = (len(found.group(1)), found.group(2)) if found else (0, line)
                items.append((start + offset, 1 + indent // 2, [text]))
            else:
                items[-1][2].append(line)
        for number, level, item in items:
            anchor, joined = _take_anchor(joined_lines(item))
            self.lines.append(TextLine(self.runs(joined), f"line {number}", bullet=level, anchor=anchor))

    def line_block(self, lines: list[str], start: int, sink: list[Problem], source: str) -> None:
        """A line block, "| text" a line, set in by four spaces a step: one block of indented lines."""
        self.seen_block = True
        read: list[tuple[int, str]] = []  # (line number, text after "| ")
        for offset, line in enumerate(lines):
            found = _LINE_BLOCK.match(line)
            if found or not read:
                read.append((start + offset, (found.group(1) or "") if found else line))
            else:  # a line that does not start with "|" continues the one before
                read[-1] = (read[-1][0], f"{read[-1][1]} {line.strip()}")
        for index, (number, text) in enumerate(read):
            spaces = len(text) - len(text.lstrip(" \u00a0"))
            indent = (spaces + 2) // 4
            if indent > MAX_INDENT:
                sink.append(Problem(f"{source}:line {number}", f"a line set in {indent} steps",
                                    f"it was read {MAX_INDENT} steps in, the most a line takes"))
                indent = MAX_INDENT
            anchor, content = _take_anchor(text.lstrip(" \u00a0"))
            self.lines.append(TextLine(self.runs(content), f"line {number}", indent=indent, opens=index == 0,
                                       anchor=anchor))
    # --- end bulleted lists and indented lines

    # --- instruments (issue 12)
    def quoted(self, lines: list[str], where: str) -> None:
        """A quoted paragraph: part of a resolution (``> ##### label`` or title, ``> 1\\. text``, ``> text``)."""
        self.seen_block = True
        inner = [_QUOTE.sub("", line, count=1) for line in lines]
        nested = inner[0].startswith(">")  # a sub-item's documentation: a quote in the quote
        if nested:
            inner = [_QUOTE.sub("", line, count=1) for line in inner]
        heading = _HEADING.match(inner[0]) if len(inner) == 1 else None
        if heading is not None:
            anchor, content = _take_anchor(heading.group(2))
            kind = _QUOTED_HEADINGS.get(len(heading.group(1)), BlockKind.RESOLUTION)
            self.lines.append(HeadingLine(kind, "", self.runs(content), where, anchor))
            return
        line = self.text(language_pack(self.language or "en"), joined_lines(inner), where)
        self.lines.append(attrs.evolve(line, instrument=True, depth=2 if nested else 0))
    # --- end instruments

    def heading(self, pack: LanguagePack, depth: int, content: str, where: str) -> HeadingLine | None:
        """``## I. Title``, ``### A. Title``, ``#### 1. Title``, ``## Annex I Title``; None at other levels."""
        anchor, content = _take_anchor(content)
        unescaped = unescape(content)
        annex = annex_label(pack).match(unescaped) if depth == 2 else None
        if annex and self.single_annex:
            annex = re.compile(re.escape(pack.table.annex) + r"(?=\s|$)").match(unescaped) or annex
        if annex:
            label_text = annex.group(0)
            rest = content[len(label_text) :] if content.startswith(label_text) else unescaped[len(label_text) :]
            return HeadingLine(BlockKind.ANNEX, label_text, self.runs(rest.strip(BLANKS)), where, anchor)
        kind = _LEVELS.get(depth)
        if kind is None:
            return None
        template = re.escape(pack.table.heading_number).replace(re.escape("{number}"), r"(\S+?)")
        numbered = re.compile(template + r"[ \t]+").match(content)
        first, _, rest = content.partition(" ")
        if numbered and pack.heading_numeral(unescape(numbered.group(1))):
            heading_number, title = numbered.group(0).strip(), content[numbered.end() :]
        elif rest and pack.heading_numeral(unescape(first).rstrip(".-")):  # a number that lost its stop
            heading_number, title = first, rest
        else:  # a heading that prints no numeral (the writer escapes a first word that would read as one)
            heading_number, title = "", content
        return HeadingLine(kind, unescape(heading_number), self.runs(title), where, anchor)

    def text(self, pack: LanguagePack, joined: str, where: str) -> TextLine:
        """A paragraph of body text, with the paragraph number or subparagraph label it starts with."""
        anchor, joined = _take_anchor(joined)
        whole = self.runs(joined)
        first, _, rest = joined.partition(" ")
        label = unescape(first)
        blanks = rest[: len(rest) - len(rest.lstrip(BLANKS))]  # typed after the label: layout
        rest = rest[len(blanks) :]
        item = Labelled(label, self.after(whole, label + " " + blanks, rest)) if rest else None
        number = None
        if not joined.startswith("\\("):  # "\(a)": the writer's subparagraph label, never a number
            found = re.match(paragraph_number(pack).pattern + r"[ \t]+", unescape(joined))
            if found:
                for cut in range(len(found.group(0)), len(found.group(0)) + 4):
                    if unescape(joined[:cut]) == found.group(0):
                        number = Labelled(found.group(0).strip(), self.after(whole, found.group(0), joined[cut:]))
                        break
        return TextLine(whole, where, number=number, item=item, anchor=anchor)
