"""Read Markdown written by ``render_markdown`` (and edited by people) back into a report.

The structure is the one the Markdown writer lays out: the masthead and the lines
under it as paragraphs with hard breaks, ``# title``, ``### subtitle``, headings
``## I. …``, ``### A. …``, ``#### 1. …``, paragraphs ``1\\. …``, subparagraphs
``\\(a) …``, notes ``[^n]`` with their texts ``[^n]: …``. The source report, if the
file carries it (a final ``<!-- cstd-docs-source:1 … -->`` comment), is the base
for ids, registry and dates (see docs/round-trip.md).
"""

from __future__ import annotations

import re

from cstd_docs.crossrefs import bookmark_name
from cstd_docs.embed import source_from_markdown
from cstd_docs.errors import Problem
from cstd_docs.lang import language_pack
from cstd_docs.model import Emphasis, Report
from cstd_docs.readers.assemble import assemble
from cstd_docs.readers.labels import SubLabels, annex_label, paragraph_number
from cstd_docs.readers.masthead import guess_language
from cstd_docs.readers.visible import BlockKind, Collecting, VBlock, VNote, VRef, VRun

__all__ = ["read_markdown"]

_COMMENT = re.compile(r"(?<!\\)<!--.*?-->", re.S)
_NOTE_DEF = re.compile(r"^\[\^([^\]\s]+)\]:\s?(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_NOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
#: A cross-reference as the writer links it, ``[12](#p-themes)``, and the anchor it puts on
#: the target, ``<a id="p-themes"></a>`` (ids: model/check.py). User text cannot make
#: either: the writer escapes its brackets and angle brackets.
#: The label is bounded (the longest is "Annex XXVIII"): unbounded, text of many "[" took
#: quadratic time (40,000 of them: 36 s).
_CROSS_REF = re.compile(r"\[((?:[^\]\\\n]|\\.){1,40})\]\(#([A-Za-z][A-Za-z0-9_.:-]*)\)")
_CHAR_REF = re.compile(r"&#([0-9]{1,7});")
_ANCHOR = re.compile(r'<a id="([A-Za-z][A-Za-z0-9_.:-]*)"></a>')


def _take_anchor(text: str) -> tuple[str | None, str]:
    """The id of an anchor opening a block's text, and the text without it."""
    found = _ANCHOR.match(text)
    return (found.group(1), text[found.end() :]) if found else (None, text)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def parse_runs(text: str, notes: dict[str, list[str | Emphasis]], missing: list[str]) -> list[VRun]:
    """Inline Markdown: backslash escapes, ``*emphasis*`` (or ``_emphasis_``), note marks."""
    out: list[VRun] = []
    buf: list[str] = []
    emphasis: str | None = None
    i = 0

    def flush() -> None:
        if buf:
            value = "".join(buf)
            buf.clear()
            if emphasis is not None:
                out.append(Emphasis(value))
            else:
                out.append(value)

    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            buf.append(text[i + 1])
            i += 2
            continue
        reference = _CHAR_REF.match(text, i) if ch == "&" else None
        code = int(reference.group(1)) if reference else 0
        if reference and 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
            # The writer's "&#49;" at the start of unnumbered text that looks like a label.
            buf.append(chr(code))
            i = reference.end()
            continue
        if ch in "*_" and (emphasis is None or emphasis == ch):
            # "**" bold is read as plain text (the model has no bold)
            if text.startswith(ch * 2, i):
                i += 2
                continue
            if ch == "_" and emphasis is None and i > 0 and text[i - 1].isalnum():
                buf.append(ch)
                i += 1
                continue
            if emphasis is None and ch in text[i + 1 :]:
                flush()
                emphasis = ch
            elif emphasis == ch:
                flush()
                emphasis = None
            else:
                buf.append(ch)
            i += 1
            continue
        link = _CROSS_REF.match(text, i) if ch == "[" else None
        if link:
            flush()
            out.append(VRef(_unescape(link.group(1)), bookmark_name(link.group(2))))
            i = link.end()
            continue
        found = _NOTE_REF.match(text, i) if ch == "[" else None
        if found:
            flush()
            mark = found.group(1)
            if mark in notes:
                out.append(VNote(mark, list(notes[mark]), custom=not mark.isdigit()))
            else:
                missing.append(mark)
            i = found.end()
            continue
        buf.append(ch)
        i += 1
    flush()
    return out


def read_markdown(text: str, *, warnings: list[Problem] | None = None, source: str = "markdown") -> Report:
    """The report a Markdown text shows; problems that did not stop reading go to ``warnings``."""
    sink: list[Problem] = [] if warnings is None else warnings
    base = source_from_markdown(text)
    body = _COMMENT.sub("", text.replace("\r\n", "\n"))

    # Paragraphs, and the note definitions (which may continue on indented lines).
    paragraphs: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(body.split("\n"), start=1):
        if not line.strip():
            if current:
                paragraphs.append((start, current))
                current = []
            continue
        if not current:
            start = number
        elif _NOTE_DEF.match(line) or (_HEADING.match(line) and not current[-1].endswith("\\")):
            paragraphs.append((start, current))
            current = []
            start = number
        current.append(line)
    if current:
        paragraphs.append((start, current))

    raw_notes: dict[str, str] = {}
    kept: list[tuple[int, list[str]]] = []
    for start, lines in paragraphs:
        found = _NOTE_DEF.match(lines[0])
        if found:
            raw_notes[found.group(1)] = " ".join([found.group(2), *(line.strip() for line in lines[1:])]).strip()
        else:
            kept.append((start, lines))
    missing: list[str] = []
    notes: dict[str, list[str | Emphasis]] = {}
    for mark, note_text in raw_notes.items():
        notes[mark] = [r for r in parse_runs(note_text, {}, missing) if isinstance(r, (str, Emphasis))]
    used: set[str] = set()

    def runs(value: str) -> list[VRun]:
        result = parse_runs(value, notes, missing)
        used.update(r.mark for r in result if isinstance(r, VNote))
        return result

    visible = Collecting()
    language = base.language if base else None
    # The first paragraphs up to the title: masthead, then the lines under it.
    index = 0
    head: list[tuple[int, list[str]]] = []
    while index < len(kept) and not kept[index][1][0].startswith("# "):
        head.append(kept[index])
        index += 1
    for _start, lines in head:
        parts = [re.sub(r"\\$", "", line).strip() for line in lines]
        plain_parts = [_unescape(p.replace("**", "")) for p in parts]
        if language is None:
            language = guess_language([x for p in plain_parts for x in p.split(" · ")])
        pack = language_pack(language or "en")
        first = plain_parts[0].split(" · ")[0] if plain_parts else ""
        dist = {str(v) for v in pack["distribution"].values()}
        if first == str(pack["united_nations"]) or first in dist:
            for number, p in enumerate(plain_parts):
                if number == 0 and first == str(pack["united_nations"]) and " · " in p:
                    visible.symbol = p.split(" · ", 1)[1].strip()
                    p = first
                visible.masthead_lines.append(p.strip())
        else:
            visible.front_lines.extend(runs(p) for p in parts)
    pack = language_pack(language or "en")
    annex_pattern = annex_label(pack)
    labels = SubLabels(pack)
    levels = {2: "chapter", 3: "section", 4: "subsection"}
    number_pattern = paragraph_number(pack)
    template = re.escape(str(pack["heading_number"])).replace(re.escape("{number}"), r"\S+?")
    heading_pattern = re.compile(template + r"[ \t]+")
    seen_block = False
    previous = ""
    for start, lines in kept[index:]:
        where = f"line {start}"
        joined = " ".join(line.strip() for line in lines)
        heading = _HEADING.match(lines[0]) if len(lines) == 1 else None
        if heading:
            depth = len(heading.group(1))
            content = heading.group(2)
            if depth == 1:
                visible.title = tuple(runs(content))
                continue
            if depth == 3 and not seen_block:
                visible.subtitles.append(runs(content))
                continue
            seen_block = True
            labels.reset()
            anchor, content = _take_anchor(content)
            unescaped = _unescape(content)
            annex = annex_pattern.match(unescaped) if depth == 2 else None
            if annex:
                label_text = annex.group(0)
                rest = content[len(label_text) :] if content.startswith(label_text) else unescaped[len(label_text) :]
                visible.blocks.append(VBlock(BlockKind.ANNEX, runs(rest.strip()), number=label_text, where=where,
                                             anchor=anchor))
                previous = "annex"
                continue
            kind = levels.get(depth)
            if kind is None:
                sink.append(Problem(f"{source}:{where}", f"heading level {depth} is not one of the report's",
                                    "it was read as unnumbered text"))
                visible.blocks.append(VBlock(BlockKind.UNNUMBERED, runs(content), where=where, anchor=anchor))
                continue
            numbered = heading_pattern.match(content)
            if numbered:
                heading_number, title = numbered.group(0).strip(), content[numbered.end() :]
            else:
                heading_number, _, title = content.partition(" ")
            visible.blocks.append(VBlock(BlockKind(kind), runs(title), number=_unescape(heading_number), where=where,
                                         anchor=anchor))
            previous = kind
            continue
        seen_block = True
        anchor, joined = _take_anchor(joined)
        first, _, rest = joined.partition(" ")
        label = _unescape(first)
        numbered_paragraph = None
        in_list = previous == "subparagraph" and rest and labels.expects(label)
        if not joined.startswith("\\(") and not in_list:
            found = re.match(number_pattern.pattern + r"[ \t]+", _unescape(joined))
            if found:
                for cut in range(len(found.group(0)), len(found.group(0)) + 4):
                    if _unescape(joined[:cut]) == found.group(0):
                        numbered_paragraph = (found.group(0).strip(), joined[cut:])
                        break
        if numbered_paragraph is not None:
            labels.reset()
            visible.blocks.append(VBlock(BlockKind.PARAGRAPH, runs(numbered_paragraph[1]), number=numbered_paragraph[0],
                                         where=where, anchor=anchor))
            previous = "paragraph"
        elif labels.is_label(label) and previous in ("paragraph", "subparagraph") and rest:
            depth = labels.depth(label)
            visible.blocks.append(VBlock(BlockKind.SUBPARAGRAPH, runs(rest), number=label, depth=depth, where=where,
                                         anchor=anchor))
            previous = "subparagraph"
        else:
            labels.reset()
            visible.blocks.append(VBlock(BlockKind.UNNUMBERED, runs(joined), where=where, anchor=anchor))
            previous = "unnumbered"
    for mark in missing:
        sink.append(Problem(source, f"note mark [^{mark}] has no note text", "the mark was left out"))
    for mark in raw_notes:
        if mark not in used:
            sink.append(Problem(source, f"note [^{mark}] is not marked anywhere in the text",
                                f"its text was left out: {raw_notes[mark][:80]!r}"))
    return assemble(visible.done(), base, sink, source)
