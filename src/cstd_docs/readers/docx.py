"""Read a Word document in the UN Geneva layout back into a report.

Works on what the UN template writes, not only on our own output: body paragraphs
``SingleTxtG`` typed ``1.`` TAB text and ``(a)`` TAB text; headings ``HChG`` (chapter),
``H1G`` (section), ``H23G`` (subsection) typed TAB number TAB title; the title ``HMG``;
footnotes in ``word/footnotes.xml`` (``FootnoteText``); the masthead as a first-page
table (in the body or in the first-page header). Styles are recognised by id or by
name (``_ Single Txt_G``), so localised or renamed ids still read.

If the package carries the source report (docs/round-trip.md), it is the base for
ids, the participant registry and dates; the visible text always wins.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path
from typing import Any

import attrs

from cstd_docs.crossrefs import BOOKMARK_PREFIX
from cstd_docs.embed import extract_source
from cstd_docs.errors import Problem, ReportError
from cstd_docs.lang import language_pack
from cstd_docs.model import Emphasis, Report
from cstd_docs.readers.assemble import assemble
from cstd_docs.readers.labels import SubLabels, annex_label, paragraph_number
from cstd_docs.readers.masthead import JOB_NUMBER, guess_language
from cstd_docs.readers.package import Package
from cstd_docs.readers.visible import BlockKind, Collecting, VBlock, VNote, VRef, VRun

__all__ = ["read_docx"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SKIP = {f"{{{W}}}del", f"{{{W}}}moveFrom", f"{{{W}}}rPr", f"{{{W}}}pPr", f"{{{W}}}instrText"}
_KNOWN = {"hmg", "hchg", "h1g", "h23g", "h4g", "h56g", "singletxtg", "footnotetext"}

Token = tuple[str, Any, bool]  # ("t", text, italic) | ("tab", None, False) | ("br", …) | ("note", VNote, False)
#                                  | ("ref", VRef, italic)

_REF_FIELD = re.compile(r"^\s*REF\s+(" + re.escape(BOOKMARK_PREFIX) + r"\w+)(?:\s|$)")


def _our_reference(instruction: str) -> str | None:
    """The bookmark of a REF field the Word writer made for a cross-reference, else None."""
    found = _REF_FIELD.match(instruction)
    return found.group(1) if found else None


class _Field:
    """A complex field being read: its instruction, then (after "separate") its result."""

    def __init__(self, instruction: str = "") -> None:
        self.pieces = [instruction]  # joined when asked: many pieces, added one by one, stay linear
        self.in_result = False
        self.result: list[str] = []
        self.italic = False
        self._bookmark: tuple[str | None] | None = None

    def add_instruction(self, text: str) -> None:
        self.pieces.append(text)
        self._bookmark = None

    @property
    def bookmark(self) -> str | None:
        if self._bookmark is None:
            self._bookmark = (_our_reference("".join(self.pieces)),)
        return self._bookmark[0]


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _norm_style(name: str) -> str:
    return re.sub(r"[\s_]", "", name).lower()


def _on(element: Any) -> bool:
    return element is not None and element.get(w("val"), "true") not in ("0", "false", "off", "none")


class _Reader:
    def __init__(self, package: Package, warnings: list[Problem]) -> None:
        self.pkg = package
        self.warnings = warnings
        self.main = package.main_part()
        self.rels = {rid: (kind, target) for rid, kind, target, mode in package.rels(self.main) if mode == "Internal"}
        self.styles = self._styles()
        self.notes = self._footnotes()
        self.note_count = 0
        self.tracked = False

    def warn(self, where: str, message: str, hint: str | None = None) -> None:
        self.warnings.append(Problem(f"{self.pkg.name}:{where}", message, hint))

    def _target(self, suffix: str) -> str | None:
        for kind, target in self.rels.values():
            if kind.endswith("/" + suffix) and self.pkg.has(target):
                return target
        return None

    def _styles(self) -> dict[str, str]:
        found: dict[str, str] = {}
        target = self._target("styles")
        if target is None:
            return found
        raw: dict[str, tuple[str, str | None]] = {}
        for style in self.pkg.xml(target).iter(w("style")):
            ident = style.get(w("styleId"), "")
            name_el = style.find(w("name"))
            name = name_el.get(w("val"), "") if name_el is not None else ""
            based = style.find(w("basedOn"))
            raw[ident] = (name, based.get(w("val")) if based is not None else None)
        for ident, (name, _) in raw.items():
            for candidate in (ident, name):
                key = _norm_style(candidate)
                if key in _KNOWN:
                    found[ident] = key
                    break
        return found

    def style_of(self, p: Any) -> str:
        el = p.find(f"{w('pPr')}/{w('pStyle')}")
        ident = el.get(w("val"), "") if el is not None else ""
        return self.styles.get(ident) or _norm_style(ident)

    # --- runs ----------------------------------------------------------------------------
    def tokens(self, p: Any, in_note: bool = False) -> list[Token]:
        out: list[Token] = []
        # Open complex fields (begin … separate … end, over several runs). The result of a
        # REF field to one of our bookmarks is a cross-reference; other fields read as text.
        fields: list[_Field] = []

        def walk(el: Any) -> None:
            for child in el:
                tag = child.tag
                if not isinstance(tag, str) or tag in _SKIP:
                    if tag in (w("del"), w("moveFrom")):
                        self.tracked = True
                    continue
                if tag in (w("ins"), w("moveTo")):
                    self.tracked = True
                if tag == w("r"):
                    run(child)
                elif tag == w("fldSimple") and _our_reference(child.get(w("instr"), "")):
                    simple = _Field(child.get(w("instr"), ""))
                    simple.in_result = True
                    fields.append(simple)
                    walk(child)
                    close()
                elif tag != w("p"):
                    walk(child)

        def close() -> None:
            field = fields.pop()
            if field.bookmark is not None and field.in_result:
                out.append(("ref", VRef("".join(field.result), field.bookmark), field.italic))

        def run(r: Any) -> None:
            rpr = r.find(w("rPr"))
            italic = rpr is not None and _on(rpr.find(w("i")))
            skip_mark = False
            for child in r:
                tag = child.tag
                if tag == w("fldChar"):
                    kind = child.get(w("fldCharType"))
                    if kind == "begin":
                        fields.append(_Field())
                    elif kind == "separate" and fields:
                        fields[-1].in_result = True
                    elif kind == "end" and fields:
                        close()
                    continue
                if fields and not fields[-1].in_result:
                    if tag == w("instrText"):
                        fields[-1].add_instruction(child.text or "")
                    continue  # nothing of a field's instruction part is shown
                if fields and fields[-1].bookmark is not None and tag in (w("t"), w("tab")):
                    fields[-1].result.append((child.text or "") if tag == w("t") else " ")
                    fields[-1].italic = italic
                    continue
                if tag == w("t"):
                    if skip_mark:  # the custom mark typed after the reference, in the same run
                        continue
                    out.append(("t", child.text or "", italic))
                elif tag == w("tab") or tag == w("ptab"):
                    out.append(("tab", None, italic))
                elif tag in (w("br"), w("cr")):
                    if child.get(w("type")) not in ("page", "column"):
                        out.append(("br", None, italic))
                elif tag == w("noBreakHyphen"):
                    out.append(("t", "\u2011", italic))
                elif tag == w("footnoteReference") and not in_note:
                    custom = child.get(w("customMarkFollows")) in ("1", "true", "on")
                    ident = child.get(w("id"), "")
                    text = self.notes.get(ident)
                    if text is None:
                        self.warn("document", f"note reference {ident} has no note", "the mark was left out")
                        continue
                    if custom:
                        mark_texts = [t.text or "" for t in r.iter(w("t"))]
                        mark = "".join(mark_texts) or "*"
                        skip_mark = True
                    else:
                        self.note_count += 1
                        mark = str(self.note_count)
                    out.append(("note", VNote(mark, list(text), custom), False))
                elif tag == w("footnoteRef"):
                    out.append(("fref", None, False))

        walk(p)
        return out

    def _footnotes(self) -> dict[str, list[str | Emphasis]]:
        notes: dict[str, list[str | Emphasis]] = {}
        target = self._target("footnotes")
        if target is None:
            return notes
        for note in self.pkg.xml(target).iter(w("footnote")):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            paragraphs = []
            for p in note.iter(w("p")):
                toks = self.tokens(p, in_note=True)
                # Drop the mark and the tabs around it: "TAB mark TAB text" or "TAB * TAB text".
                if any(t[0] == "fref" for t in toks):
                    index = next(i for i, t in enumerate(toks) if t[0] == "fref")
                    toks = toks[index + 1 :]
                    if toks and toks[0][0] == "tab":
                        toks = toks[1:]
                else:  # a typed mark ("*"): TAB * TAB text
                    for _ in range(2):
                        if not any(t[0] == "tab" for t in toks):
                            break
                        first_tab = next(i for i, t in enumerate(toks) if t[0] == "tab")
                        head = "".join(str(t[1]) for t in toks[:first_tab] if t[0] == "t").strip()
                        if not re.fullmatch(r"[*\d†‡§]*", head):
                            break
                        toks = toks[first_tab + 1 :]
                        if head:
                            break
                while toks and (toks[0][0] in ("tab", "br") or (toks[0][0] == "t" and not str(toks[0][1]).strip())):
                    toks = toks[1:]
                runs = to_runs(toks)
                if runs:
                    paragraphs.append(runs)
            if len(paragraphs) > 1:
                self.warn("footnotes", f"note {note.get(w('id'))} has {len(paragraphs)} paragraphs",
                          "they were joined with a space")
            joined: list[str | Emphasis] = []
            for index, runs in enumerate(paragraphs):
                if index:
                    joined.append(" ")
                joined.extend(r for r in runs if isinstance(r, (str, Emphasis)))
            notes[note.get(w("id"), "")] = joined
        return notes

    # --- the source and the masthead in a header --------------------------------------------
    def source(self) -> Report | None:
        candidates = [target for kind, target in self.rels.values() if kind.endswith("/customXml")]
        candidates += sorted(n for n in self.pkg.names if n.startswith("customXml/") and n.endswith(".xml")
                             and "/_rels/" not in n and "itemProps" not in n)
        seen: set[str] = set()
        for name in candidates[:50]:
            if name in seen or not self.pkg.has(name):
                continue
            seen.add(name)
            try:
                data = self.pkg.read(name)
            except ReportError:
                continue
            if b"urn:cstd-docs:source:1" not in data[:4096]:
                continue
            report = extract_source(data)
            if report is not None:
                return report
            self.warn(name, "the embedded source report is damaged", "ids and registry were not restored")
        return None

    def first_page_lines(self, body: Any, kind: str) -> list[str]:
        """Lines of the first-page header's tables (kind "header") or of its footer ("footer")."""
        lines: list[str] = []
        sects = [*body.iter(w("sectPr"))]
        if not sects:
            return lines
        for ref in sects[0].findall(w(f"{kind}Reference")):
            if ref.get(w("type")) != "first":
                continue
            rel = self.rels.get(ref.get(f"{{{R}}}id", ""))
            if rel is None or not self.pkg.has(rel[1]):
                continue
            root = self.pkg.xml(rel[1])
            for container in (root.iter(w("tbl")) if kind == "header" else [root]):
                lines.extend(self.table_lines(container))
        return lines

    def table_lines(self, tbl: Any) -> list[str]:
        lines: list[str] = []
        for p in tbl.iter(w("p")):
            for line in split_lines(self.tokens(p)):
                text = runs_text(line).strip()
                if text:
                    lines.append(text)
        return lines


def to_runs(tokens: list[Token]) -> list[VRun]:
    out: list[VRun] = []
    for kind, value, italic in tokens:
        if kind == "t":
            if italic and value.strip():
                if out and isinstance(out[-1], Emphasis):
                    out[-1] = Emphasis(out[-1].text + value)
                else:
                    out.append(Emphasis(value))
            else:
                if out and isinstance(out[-1], str) and not isinstance(out[-1], VRef):
                    out[-1] += value
                else:
                    out.append(value)
        elif kind in ("tab", "br"):
            if italic and out and isinstance(out[-1], Emphasis):
                out[-1] = Emphasis(out[-1].text + " ")
            elif out and isinstance(out[-1], str) and not isinstance(out[-1], VRef):
                out[-1] += " "
            else:
                out.append(" ")
        elif kind == "note":
            out.append(value)
        elif kind == "ref":
            out.append(value)  # a VRef: text, but kept apart (see above: never merged)
    return out


def split_lines(tokens: list[Token]) -> list[list[VRun]]:
    lines: list[list[Token]] = [[]]
    for token in tokens:
        if token[0] == "br":
            lines.append([])
        else:
            lines[-1].append(token)
    return [to_runs(line) for line in lines]


def runs_text(runs: list[VRun]) -> str:
    return "".join(r if isinstance(r, str) else r.text for r in runs if isinstance(r, (str, Emphasis)))


def split_tabs(tokens: list[Token]) -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if token[0] == "tab":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _plain_tokens(tokens: list[Token]) -> str:
    return "".join(str(t[1]) for t in tokens if t[0] in ("t", "ref"))


_HEADING_NUMBER = re.compile(r"^\s*((?:[IVXLCDM]+|[A-Z]|\d+|\([a-z]+\)|\([ivxlc]+\))\.?)\s+(?=\S)")


def heading_parts(tokens: list[Token]) -> tuple[str, list[Token]]:
    """"TAB I. TAB Title" → ("I.", title tokens); "TAB TAB Title" → ("", title tokens)."""
    parts = split_tabs(tokens)

    def blank(part: list[Token]) -> bool:
        return not _plain_tokens(part).strip() and not any(t[0] == "note" for t in part)

    tabs = [t for t in tokens if t[0] == "tab"]

    def joined(first: int) -> list[Token]:
        out: list[Token] = []
        for index in range(first, len(parts)):
            if index > first:
                out.append(tabs[index - 1])  # the tab typed there, italic or not
            out.extend(parts[index])
        return out

    if len(parts) >= 3 and blank(parts[0]):  # TAB number TAB title (the number may be empty)
        return _plain_tokens(parts[1]).strip(), joined(2)
    if len(parts) == 2:  # number TAB title, or TAB title
        if blank(parts[0]):
            return "", parts[1]
        if _HEADING_NUMBER.match(_plain_tokens(parts[0]) + " "):
            return _plain_tokens(parts[0]).strip(), parts[1]
    filled = [i for i, part in enumerate(parts) if not blank(part)]
    if not filled:
        return "", []
    only = parts[filled[0]]
    if len(parts) > 1:  # typed TAB TAB title: no number
        return "", only
    text = _plain_tokens(only)
    found = _HEADING_NUMBER.match(text)
    if found and only and only[0][0] == "t" and str(only[0][1]).startswith(text[: found.end()]):
        first = only[0]
        rest = [("t", str(first[1])[found.end() :], first[2]), *only[1:]]
        return found.group(1), rest
    return "", only


def read_docx(
    path: str | os.PathLike[str] | bytes, *, warnings: list[Problem] | None = None
) -> Report:
    """The report a .docx shows; problems that did not stop reading go to ``warnings``.

    Raises :class:`~cstd_docs.errors.ReportError` when the file is not a Word document,
    breaks the package bounds (zip bombs) or declares XML entities.
    """
    sink: list[Problem] = [] if warnings is None else warnings
    if isinstance(path, bytes):
        name = "document.docx"
        package = Package(io.BytesIO(path), name)
    else:
        name = str(path)
        if not Path(path).is_file():
            raise ReportError.single(name, "the file does not exist", "check the path")
        package = Package(Path(path), name)
    reader = _Reader(package, sink)
    base = reader.source()
    root = package.xml(reader.main)
    body = root.find(w("body"))
    if body is None:
        raise ReportError.single(f"{name}:{reader.main}", "the document has no body", "this is not a Word document")

    visible = Collecting()
    elements: list[Any] = []

    def collect(container: Any) -> None:
        for child in container:
            if child.tag in (w("p"), w("tbl")):
                elements.append(child)
            elif child.tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    collect(content)
            elif child.tag in (w("ins"), w("moveTo"), w("customXml")):
                collect(child)

    collect(body)
    stage = "front"  # front → title → body
    language = base.language if base else None
    pack = language_pack(language or "en")
    labels = SubLabels(pack)
    previous = ""
    chapter_seen = False
    for number, el in enumerate(elements, start=1):
        where = f"paragraph {number}"
        if el.tag == w("tbl"):
            lines = reader.table_lines(el)
            if stage == "front" and not visible.masthead_lines:
                visible.masthead_lines = lines
                if language is None:
                    language = guess_language(lines)
                    pack = language_pack(language or "en")
                    labels = SubLabels(pack)
            elif lines:
                reader.warn(where, f"a table was not read: {' | '.join(lines)[:80]!r}", "tables are not in the model")
            continue
        style = reader.style_of(el)
        tokens = reader.tokens(el)
        text = _plain_tokens(tokens)
        has_note = any(t[0] == "note" for t in tokens)
        if not text.strip() and not has_note:
            continue
        if style == "hmg" or (style == "hchg" and stage == "front"):
            num, title = heading_parts(tokens)
            if not visible.title and not num:
                visible.title = tuple(to_runs(title))
                stage = "title"
                continue
            if style == "hmg":
                reader.warn(where, "a second title (HMG) was read as a chapter")
        if stage == "front":
            if style in ("h1g", "h23g"):
                stage = "title"
            else:
                for line in split_lines(tokens):
                    if runs_text(line).strip() or any(isinstance(r, VNote) for r in line):
                        visible.front_lines.append(line)
                continue
        if style in ("hchg", "hmg", "h1g", "h23g"):
            num, title_tokens = heading_parts(tokens)
            runs = to_runs(title_tokens)
            labels.reset()
            annex = annex_label(pack).fullmatch(num or runs_text(runs).strip())
            if style in ("hchg", "hmg") and annex:
                if not num:
                    runs = []
                visible.blocks.append(VBlock(BlockKind.ANNEX, runs, number=num or runs_text(runs), where=where))
                chapter_seen = True
                previous = "annex"
                continue
            if style == "h1g" and not chapter_seen:
                visible.subtitles.append(runs)
                continue
            if previous == "annex" and not visible.blocks[-1].runs and style in ("hchg", "h1g") and not num:
                visible.blocks[-1] = attrs.evolve(visible.blocks[-1], runs=runs)
                continue
            kind = {"hchg": "chapter", "hmg": "chapter", "h1g": "section", "h23g": "subsection"}[style]
            if kind == "subsection" and num.startswith("("):
                reader.warn(where, f"heading {num} is below subsection level", "it was read as a subsection")
            chapter_seen = chapter_seen or kind == "chapter"
            visible.blocks.append(VBlock(BlockKind(kind), runs, number=num, where=where))
            previous = kind
            continue
        if style in ("h4g", "h56g"):
            reader.warn(where, f"a heading below subsection level ({style}) was read as unnumbered text")
        if stage == "title":
            stage = "body"
        # Body text: "1." TAB text, "(a)" TAB text, or unnumbered.
        parts = split_tabs(tokens)
        label = _plain_tokens(parts[0]).strip() if len(parts) > 1 else ""
        if not label and base is None:  # typed "1. text" with a space, in documents not ours
            found = re.match(r"^\s*(\d+\.|\([a-z]+\))\s+", text)
            if found and tokens and tokens[0][0] == "t" and str(tokens[0][1]).startswith(text[: found.end()]):
                label = found.group(1)
                first = tokens[0]
                parts = [[], [("t", str(first[1])[found.end() :], first[2]), *tokens[1:]]]
        rest: list[Token] = []
        tabs = [t for t in tokens if t[0] == "tab"]
        for i, part in enumerate(parts[1:]):
            if i:
                rest.append(tabs[i] if i < len(tabs) else ("tab", None, False))
            rest.extend(part)
        numpr = el.find(f"{w('pPr')}/{w('numPr')}")
        in_list = bool(label) and previous == "subparagraph" and labels.expects(label)
        if label and paragraph_number(pack).fullmatch(label) and not in_list:
            labels.reset()
            visible.blocks.append(VBlock(BlockKind.PARAGRAPH, to_runs(rest), number=label, where=where))
            previous = "paragraph"
        elif label and labels.is_label(label) and previous in ("paragraph", "subparagraph"):
            depth = labels.depth(label)
            visible.blocks.append(VBlock(BlockKind.SUBPARAGRAPH, to_runs(rest), number=label, depth=depth, where=where))
            previous = "subparagraph"
        elif numpr is not None and style == "singletxtg":
            level_el = numpr.find(w("ilvl"))
            level = int(level_el.get(w("val"), "0")) if level_el is not None else 0
            if level == 0 or previous not in ("paragraph", "subparagraph"):
                visible.blocks.append(VBlock(BlockKind.PARAGRAPH, to_runs(tokens), number="#", where=where))
                previous = "paragraph"
            else:
                visible.blocks.append(VBlock(BlockKind.SUBPARAGRAPH, to_runs(tokens), number="#", depth=min(level, 4),
                                             where=where))
                previous = "subparagraph"
        else:
            labels.reset()
            visible.blocks.append(VBlock(BlockKind.UNNUMBERED, to_runs(tokens), where=where))
            previous = "unnumbered"
    if not visible.masthead_lines:
        visible.masthead_lines = reader.first_page_lines(body, "header")
    job = base.masthead.job_number if base is not None else None
    footer = reader.first_page_lines(body, "footer")
    if job is not None and " ".join(" ".join(footer).split()) == " ".join(job.split()):
        visible.masthead_lines.append(job)
    else:
        visible.masthead_lines += [line for line in footer if JOB_NUMBER.fullmatch(line)]
    if reader.tracked:
        sink.append(Problem(name, "the document holds tracked changes", "they were read as accepted"))
    return assemble(visible.done(), base, sink, name)
