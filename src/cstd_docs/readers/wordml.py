"""The WordprocessingML of a package: styles, paragraphs as tokens, footnotes, the source, headers.

Styles are recognised by id or by name (``_ Single Txt_G``), so localised or renamed ids
still read. Tracked insertions and moves read as accepted, deletions as gone. A REF
field to one of our bookmarks (crossrefs.py) is a cross-reference; any other field reads
as the text it shows.
"""

from __future__ import annotations

import re
from typing import Any

from cstd_docs.crossrefs import BOOKMARK_PREFIX
from cstd_docs.embed import NAMESPACE_PREFIX, extract_source
from cstd_docs.errors import Problem, ReportError
from cstd_docs.model import Report
from cstd_docs.readers.coverage import Kind, Losses
from cstd_docs.readers.families import StyleFamily, built_in_families, norm_style
from cstd_docs.readers.losses import formatting
from cstd_docs.readers.package import Package
from cstd_docs.readers.signature import note_runs
from cstd_docs.readers.stylemap import StyleMap, document_styles
from cstd_docs.readers.tokens import (
    Break,
    NoteMark,
    OwnMark,
    RefMark,
    Tab,
    Text,
    Token,
    runs_text,
    split_lines,
    to_runs,
)
from cstd_docs.readers.visible import NoteRun, VNote, VRef
from cstd_docs.readers.wordml_notes import note_body

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SKIP = {f"{{{W}}}del", f"{{{W}}}moveFrom", f"{{{W}}}rPr", f"{{{W}}}pPr", f"{{{W}}}instrText"}
#: Tables and figures (issue 13): captions, cells, the lines under them, a figure's picture.
FLOAT_STYLES = frozenset({"captiong", "captiontitleg", "tableheadg", "tabletextg", "tablenoteg", "figureg"})

#: What the writers print between note marks at one spot (lang/*.json: note_mark_separator).
_MARK_SEPARATORS = {",", "،", "，"}
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
#: What a draft may hold that the model cannot keep: reported with its place, never dropped silently.
_NOT_KEPT = {
    f"{{{W}}}txbxContent": Kind.TEXT_BOX,
    f"{{{M}}}oMath": Kind.EQUATION,
    f"{{{M}}}oMathPara": Kind.EQUATION,
    f"{{{W}}}commentReference": Kind.COMMENT,
}
_DRAWINGS = {f"{{{W}}}pict", f"{{{W}}}drawing", f"{{{W}}}object",
             "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
_REF_FIELD = re.compile(r"^\s*REF\s+(" + re.escape(BOOKMARK_PREFIX) + r"\w+)(?:\s|$)")


_ARTICLE = {Kind.TEXT_BOX: "a", Kind.EQUATION: "an", Kind.DRAWING: "a", Kind.COMMENT: "a"}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _superscript(rpr: Any) -> bool:
    align = rpr.find(w("vertAlign"))
    return align is not None and align.get(w("val")) == "superscript"


def _on(element: Any) -> bool:
    return element is not None and element.get(w("val"), "true") not in ("0", "false", "off", "none")


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
        #: Text typed in the instruction part (w:t, not w:instrText): shown by no reader.
        self.hidden: list[str] = []
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


class _Walker:
    """One paragraph's tokens, read in document order.

    Open complex fields (begin … separate … end, over several runs) are a stack: the
    result of a REF field to one of our bookmarks is a cross-reference.
    """

    def __init__(self, document: WordDocument, in_note: bool, where: str = "document") -> None:
        self.document = document
        self.in_note = in_note
        #: The paragraph being read, as a person finds it, for what cannot be kept.
        self.where = where
        self.out: list[Token] = []
        self.fields: list[_Field] = []
        #: The address of the hyperlink being read ("" outside one), and how many were read.
        self.url = ""
        self.link = 0

    def hyperlink(self, element: Any) -> None:
        """A link's runs, with its external address (one to a bookmark reads as its text)."""
        links = self.document.note_links if self.in_note else self.document.links
        outer, self.url = self.url, links.get(element.get(f"{{{R}}}id", ""), "")
        self.link += 1
        self.walk(element)
        self.url = outer

    def walk(self, el: Any) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                if tag in (w("del"), w("moveFrom")):
                    self.document.tracked = True
                continue
            if tag in (w("ins"), w("moveTo")):
                self.document.tracked = True
            if tag in _NOT_KEPT:
                self.not_kept(_NOT_KEPT[tag], child)
                continue
            if tag == w("r"):
                self.run(child)
            elif tag == w("hyperlink"):
                self.hyperlink(child)
            elif tag == w("fldSimple") and _our_reference(child.get(w("instr"), "")):
                simple = _Field(child.get(w("instr"), ""))
                simple.in_result = True
                self.fields.append(simple)
                self.walk(child)
                self.close()
            elif tag != w("p"):
                self.walk(child)

    def close(self) -> None:
        field = self.fields.pop()
        if field.bookmark is not None and field.in_result:
            self.out.append(RefMark(VRef("".join(field.result), field.bookmark), field.italic))

    def in_field(self, child: Any, italic: bool) -> bool:
        """Whether a run's child belongs to an open field (and was taken by it)."""
        tag = child.tag
        if tag == w("fldChar"):
            kind = child.get(w("fldCharType"))
            if kind == "begin":
                self.fields.append(_Field())
            elif kind == "separate" and self.fields:
                self.fields[-1].in_result = True
            elif kind == "end" and self.fields:
                self.close()
            return True
        if self.fields and not self.fields[-1].in_result:
            if tag == w("instrText"):
                self.fields[-1].add_instruction(child.text or "")
            elif tag == w("t"):
                self.fields[-1].hidden.append(self.text_of(child))
            return True  # nothing of a field's instruction part is shown
        if self.fields and self.fields[-1].bookmark is not None and tag in (w("t"), w("tab")):
            self.fields[-1].result.append(self.text_of(child) if tag == w("t") else " ")
            self.fields[-1].italic = italic
            return True
        return False

    def run(self, r: Any) -> None:
        rpr = r.find(w("rPr"))
        italic = rpr is not None and _on(rpr.find(w("i")))
        bold = rpr is not None and _on(rpr.find(w("b")))
        raised = rpr is not None and _superscript(rpr)
        if self.mark_separator(r, rpr):
            return
        skip_mark = False
        for child in r:
            if self.in_field(child, italic):
                continue
            tag = child.tag
            if tag == w("t"):
                if not skip_mark:  # else the custom mark typed after the reference, in the same run
                    link = self.link if self.url else 0
                    self.out.append(Text(self.text_of(child), italic, bold, self.url, link, raised))
            elif tag == w("tab") or tag == w("ptab"):
                self.out.append(Tab(italic))
            elif tag in (w("br"), w("cr")):
                if child.get(w("type")) not in ("page", "column"):
                    self.out.append(Break(italic))
            elif tag == w("noBreakHyphen"):
                self.out.append(Text("\u2011", italic))
            elif tag == w("footnoteReference") and not self.in_note:
                skip_mark = self.note_reference(r, child) or skip_mark
            elif tag == w("footnoteRef"):
                self.out.append(OwnMark())
            elif tag in _NOT_KEPT:  # a comment's mark
                self.not_kept(_NOT_KEPT[tag], child)
            elif tag in _DRAWINGS:  # a text box in it (once: Word repeats it in a fallback)
                box = next(child.iter(w("txbxContent")), None)
                if child in self.document.taken or (box is not None and box in self.document.taken):
                    continue  # read as what it holds: the masthead, or a figure's picture
                self.not_kept(Kind.TEXT_BOX if box is not None else Kind.DRAWING, box if box is not None else child)

    def text_of(self, t: Any) -> str:
        """A w:t's text. It holds text only: an element inside one (a damaged or hostile file) is
        not read, with a warning, and the text after it is (lxml puts it in the element's tail),
        as LibreOffice shows it; read as ``t.text`` alone, the rest of the paragraph was lost unsaid."""
        if len(t) == 0:
            return t.text or ""
        names = sorted({c.tag.rpartition("}")[2] for c in t if isinstance(c.tag, str)})
        self.document.warn(self.where, f"an element inside a text was not read ({', '.join(names)}); the text"
                           " around it was", "Word does not write one there: save the file again from Word")
        return (t.text or "") + "".join(c.tail or "" for c in t)

    def unclosed(self) -> None:
        """A field that does not end in its paragraph: the text after its start is its instruction,
        which no reader shows (LibreOffice neither). Said, with that text: it was not read."""
        hidden = "".join(piece for f in self.fields if not f.in_result for piece in f.hidden).strip()
        if hidden:
            shown = hidden[:60] + "…" if len(hidden) > 60 else hidden
            self.document.warn(self.where, f"a field does not end in its paragraph; the text after its start"
                               f" was not read: {shown!r}", "end the field in Word (Alt+F9 shows the field"
                               " codes), or remove it, and import again")

    def not_kept(self, kind: Kind, element: Any) -> None:
        """A text box, an equation, a drawing or a comment: the model has none; say so, with its text."""
        counted = None
        if kind is Kind.COMMENT:
            shown = self.document.comments.get(element.get(w("id"), ""), "")
        else:
            pieces = [t.text or "" for t in element.iter(w("t"), f"{{{M}}}t")]
            shown, counted = " ".join(pieces).strip(), "".join(pieces)
        quoted = f": {shown[:60]!r}" if shown else ""
        if self.document.masthead:
            return  # the emblem beside "United Nations": the layout's, made again with --emblem
        self.document.losses.add(kind, self.where, shown, words=0 if kind is Kind.COMMENT else None, counted=counted)
        self.document.warn(self.where, f"{_ARTICLE[kind]} {kind.value} was not read{quoted}",
                           "the report's model has none; add it by hand")

    def mark_separator(self, r: Any, rpr: Any) -> bool:
        """A superscript comma right after a note mark: the writers' separator, not text."""
        if rpr is None or not self.out or not isinstance(self.out[-1], NoteMark):
            return False
        align = rpr.find(w("vertAlign"))
        if align is None or align.get(w("val")) != "superscript":
            return False
        return "".join(t.text or "" for t in r.iter(w("t"))).strip() in _MARK_SEPARATORS

    def note_reference(self, r: Any, child: Any) -> bool:
        """The note a reference marks; True when its mark is typed after it (a custom mark)."""
        custom = child.get(w("customMarkFollows")) in ("1", "true", "on")
        ident = child.get(w("id"), "")
        text = self.document.notes.get(ident)
        if text is None:
            self.document.warn("document", f"note reference {ident} has no note", "the mark was left out")
            return False
        if custom:
            mark = "".join(t.text or "" for t in r.iter(w("t"))) or "*"
        else:
            self.document.note_count += 1
            mark = str(self.document.note_count)
        self.out.append(NoteMark(VNote(mark, text, custom)))
        return custom


def _external_links(package: Package, part: str) -> dict[str, str]:
    """Relationship id → address, for a part's hyperlinks to the outside."""
    return {rid: target for rid, kind, target, mode in package.rels(part)
            if mode == "External" and kind.endswith("/hyperlink")}


class WordDocument:
    """An opened package: its main part's relationships, styles and footnotes."""

    def __init__(self, package: Package, warnings: list[Problem], families: tuple[StyleFamily, ...] = (),
                 losses: Losses | None = None, own_styles: frozenset[str] = frozenset()) -> None:
        self.pkg = package
        self.warnings = warnings
        #: What could not be kept, by kind and place (readers/coverage.py).
        self.losses = losses if losses is not None else Losses()
        self.main = package.main_part()
        self.rels = {rid: (kind, target) for rid, kind, target, mode in package.rels(self.main) if mode == "Internal"}
        #: The addresses of the hyperlinks of the text and of the notes, by relationship id.
        self.links = _external_links(package, self.main)
        notes_part = self._target("footnotes")
        self.note_links = _external_links(package, notes_part) if notes_part else {}
        self.styles = self._styles(families, own_styles)
        self.comments = self._comments()
        #: Text boxes read as what they hold (a masthead table), not reported as lost.
        self.taken: set[Any] = set()
        #: The masthead table is being read: its emblem is the layout's, not a drawing lost.
        self.masthead = False
        self.notes: dict[str, list[NoteRun]] = {}
        self.notes = self._footnotes()
        self.note_count = 0
        #: The body holds tracked changes (those inside footnotes are not counted).
        self.tracked = False

    def warn(self, where: str, message: str, hint: str | None = None) -> None:
        self.warnings.append(Problem(f"{self.pkg.name}:{where}", message, hint))

    def _target(self, suffix: str) -> str | None:
        for kind, target in self.rels.values():
            if kind.endswith("/" + suffix) and self.pkg.has(target):
                return target
        return None

    def _styles(self, families: tuple[StyleFamily, ...], own: frozenset[str]) -> StyleMap:
        """The role of each paragraph style, through the style families (``stylemap``)."""
        target = self._target("styles")
        styles = document_styles(self.pkg.xml(target)) if target is not None else {}
        return StyleMap(styles, (*families, *built_in_families()), own)

    def style_id(self, p: Any) -> str:
        el = p.find(f"{w('pPr')}/{w('pStyle')}")
        return el.get(w("val"), "") if el is not None else ""

    def style_of(self, p: Any) -> str:
        """The paragraph's style as the reader dispatches on it: its role's key, else its own id normalised."""
        ident = self.style_id(p)
        role = self.styles.role(ident)
        return role.key if role is not None else norm_style(ident)

    def settle_styles(self, paragraphs: list[Any]) -> None:
        """The styles the body uses decide which family's headings count; those that yield are said once."""
        used = [self.style_id(p) for p in paragraphs if p.tag == w("p") and p.find(w("r")) is not None]
        self.styles.settle(used)
        counts = {ident: used.count(ident) for ident in self.styles.demoted}
        for ident, mapped in self.styles.demoted.items():
            name = self.styles.styles[ident].name or ident
            self.warn("styles", f"{counts[ident]} paragraphs in {name!r} ({mapped.family.family}) were read as text",
                      "the document's headings are in another template's styles; pass --styles FILE.json to "
                      "say what this style is")

    def tokens(self, p: Any, in_note: bool = False, where: str = "document") -> list[Token]:
        walker = _Walker(self, in_note, where)
        walker.walk(p)
        walker.unclosed()
        return walker.out

    def _comments(self) -> dict[str, str]:
        """Each comment's text by id, to say what a comment that is not kept said."""
        target = self._target("comments")
        if target is None:
            return {}
        return {c.get(w("id"), ""): " ".join(" ".join(t.text or "" for t in p.iter(w("t"))) for p in c.iter(w("p")))
                for c in self.pkg.xml(target).iter(w("comment"))}

    def _footnotes(self) -> dict[str, list[NoteRun]]:
        notes: dict[str, list[NoteRun]] = {}
        target = self._target("footnotes")
        if target is None:
            return notes
        for note in self.pkg.xml(target).iter(w("footnote")):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            place = f"footnote {note.get(w('id'))}"
            for p in note.iter(w("p")):
                formatting(p, place, self.losses, self.warn)
            paragraphs = [runs for p in note.iter(w("p"))
                          if (runs := to_runs(note_body(self.tokens(p, True, place))))]
            if len(paragraphs) > 1:
                self.warn("footnotes", f"note {note.get(w('id'))} has {len(paragraphs)} paragraphs",
                          "they were joined with a space")
            joined: list[NoteRun] = []
            for index, runs in enumerate(paragraphs):
                if index:
                    joined.append(" ")
                joined.extend(note_runs(runs))
            notes[note.get(w("id"), "")] = joined
        return notes

    def source(self) -> Report | None:
        """The source report the package carries (docs/round-trip.md), if any and intact."""
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
            if NAMESPACE_PREFIX.encode() not in data[:4096]:
                continue
            report = extract_source(data, warnings=self.warnings, place=f"{self.pkg.name}:{name}")
            if report is not None:
                return report
        return None

    def numbering_root(self) -> Any | None:
        """Word's list definitions (``word/numbering.xml``), if any."""
        target = self._target("numbering")
        return self.pkg.xml(target) if target is not None else None

    def notes_root(self) -> list[Any]:
        """The footnotes part, for counting the document's words."""
        target = self._target("footnotes")
        return [self.pkg.xml(target)] if target is not None else []

    def first_page_parts(self, body: Any) -> list[Any]:
        """The first page's header and footer, where a masthead and a job number may stand."""
        sects = [*body.iter(w("sectPr"))]
        parts = []
        for ref in sects[0] if sects else ():
            if ref.tag in (w("headerReference"), w("footerReference")) and ref.get(w("type")) == "first":
                rel = self.rels.get(ref.get(f"{{{R}}}id", ""))
                if rel is not None and self.pkg.has(rel[1]):
                    parts.append(self.pkg.xml(rel[1]))
        return parts

    def first_page_lines(self, body: Any, kind: str) -> list[str]:
        """The paragraphs of the first-page header's tables (kind "header") or of its footer ("footer")."""
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
                lines.extend(self.paragraph_lines(container))
        return lines

    def table_lines(self, tbl: Any, where: str = "document") -> list[str]:
        lines: list[str] = []
        for p in tbl.iter(w("p")):
            for line in split_lines(self.tokens(p, where=where)):
                text = runs_text(line).strip()
                if text:
                    lines.append(text)
        return lines

    def paragraph_lines(self, container: Any) -> list[str]:
        """Each paragraph's text as printed, its line breaks and blanks kept; empty ones left out."""
        lines: list[str] = []
        for p in container.iter(w("p")):
            text = runs_text(to_runs(self.tokens(p)))
            if text.strip():
                lines.append(text)
        return lines
