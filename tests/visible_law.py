"""The "visible text alone" law (issue 16): a draft stripped of its embedded source (a .docx
saved by a tool that drops custom XML, a Markdown file whose last comment was deleted),
read back and rendered again, prints the same document.

"The same printed document" (docs/round-trip.md), precisely:

- Markdown: the same text, line for line, without the source comment. The Markdown is
  compared, not a rendering of it: stricter than any renderer's output.
- Word: the same print normal form (:func:`print_form`), part by part (the body, the
  notes, the headers and footers, in that order) and paragraph by paragraph: each
  paragraph's properties (style, indents, tab stops, alignment) and its characters with
  the formatting of the run that prints them (text, TAB, line break, note mark; italic,
  bold, size, raised or lowered, the hyperlink's address), runs of the same formatting
  joined; and the page (the section properties). What does not print is left out:
  bookmarks, field codes (a field prints its result), relationship ids, the custom XML,
  the document properties; and the italic or bold of white space, which prints nothing.
  So two adjacent italic runs print as one, and do here.

Ids that print nothing, the participant registry and the citations (which print as the
note text they make) may differ: they are what only the source carries.

Used by tests/readers/test_visible_alone.py (a property per language) and
scripts/visible_rate.py (the rate over many reports).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any, Literal

import attrs
from lxml import etree

import cstd_docs
from cstd_docs.model import Report
from cstd_docs.writers.docx import docx_bytes

Format = Literal["md", "docx"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
#: Formatting that white space prints the same with or without.
_INVISIBLE_ON_BLANKS = {f"{W}i", f"{W}iCs", f"{W}b", f"{W}bCs"}
#: Elements that print nothing: bookmarks, a field's code and its boundaries, proofing marks.
_SILENT = {f"{W}bookmarkStart", f"{W}bookmarkEnd", f"{W}instrText", f"{W}fldChar", f"{W}proofErr",
           f"{W}lastRenderedPageBreak"}


def in_language(report: Report, language: str) -> Report:
    return attrs.evolve(report, language=language)


def _props(element: Any) -> str:
    """An element's properties as printed: its XML without relationship ids, attributes sorted."""
    if element is None:
        return ""
    items = []
    for child in element.iter():
        if not isinstance(child.tag, str):
            continue
        attributes = sorted(f"{etree.QName(k).localname}={v}" for k, v in child.attrib.items() if k != R_ID)
        items.append(etree.QName(child).localname + (f"({','.join(attributes)})" if attributes else ""))
    return " ".join(items)


def _run_props(run: Any, blank: bool) -> str:
    """A run's formatting as it prints a character: for white space, without italic and bold."""
    rpr = run.find(f"{W}rPr")
    if rpr is None:
        return ""
    kept = [_props(child) for child in rpr if not (blank and child.tag in _INVISIBLE_ON_BLANKS)]
    return " ".join(["rPr", *kept]) if kept else ""


def _paragraph_form(paragraph: Any, links: dict[str, str]) -> list[Any]:
    """A paragraph's properties, then (characters, formatting) segments, adjacent ones of one formatting joined."""
    segments: list[list[str]] = []

    def add(chars: str, run: Any, url: str) -> None:
        for char in chars:
            form = _run_props(run, char.isspace()) + (f" link={url}" if url else "")
            if segments and segments[-1][1] == form:
                segments[-1][0] += char
            else:
                segments.append([char, form])

    def walk(element: Any, url: str) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SILENT or tag == f"{W}pPr" or tag == f"{W}del":
                continue
            if tag == f"{W}hyperlink":
                walk(child, links.get(child.get(R_ID, ""), child.get(f"{W}anchor", "")))
            elif tag == f"{W}r":
                for piece in child:
                    if piece.tag == f"{W}t":
                        add(piece.text or "", child, url)
                    elif piece.tag == f"{W}tab":
                        add("\t", child, url)
                    elif piece.tag in (f"{W}br", f"{W}cr"):
                        add("\n", child, url)
                    elif piece.tag in (f"{W}footnoteReference", f"{W}footnoteRef"):
                        add("\ufffc", child, url)  # a note mark: one object, the note's number
            else:
                walk(child, url)

    walk(paragraph, "")
    return [_props(paragraph.find(f"{W}pPr")), *(tuple(segment) for segment in segments)]


def _links(z: zipfile.ZipFile, part: str) -> dict[str, str]:
    rels = part.replace("word/", "word/_rels/") + ".rels"
    if rels not in z.namelist():
        return {}
    root = etree.fromstring(z.read(rels))
    return {str(rel.get("Id")): str(rel.get("Target")) for rel in root}


def print_form(data: bytes) -> list[Any]:
    """The Word document as it prints (see the module docstring): one entry per paragraph."""
    out: list[Any] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        parts = ["word/document.xml", "word/footnotes.xml",
                 *sorted(n for n in names if n.startswith(("word/header", "word/footer")))]
        for part in parts:
            if part not in names:
                continue
            root = etree.fromstring(z.read(part))
            links = _links(z, part)
            out.append(f"-- {part}")
            for paragraph in root.iter(f"{W}p"):
                out.append(_paragraph_form(paragraph, links))
            for section in root.iter(f"{W}sectPr"):
                out.append(f"page: {_props(section)}")
    return out


def _without_custom_xml(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            if not name.startswith("customXml/"):
                target.writestr(name, source.read(name))
    return out.getvalue()


def printed(report: Report, fmt: Format) -> list[Any]:
    if fmt == "md":
        return cstd_docs.render_markdown(report, embed_source=False).split("\n")
    return print_form(docx_bytes(report))


def read_alone(report: Report, fmt: Format) -> Report:
    """The report read back from its draft without the embedded source."""
    if fmt == "md":
        return cstd_docs.read_markdown(cstd_docs.render_markdown(report, embed_source=False), warnings=[])
    return cstd_docs.read_docx(_without_custom_xml(docx_bytes(report)), warnings=[])


def first_difference(report: Report, fmt: Format) -> str | None:
    """None when the law holds; else the first line that prints differently, or the error."""
    try:
        again = read_alone(report, fmt)
    except cstd_docs.ReportError as error:
        return f"refused: {error.problems[0].message[:120]}"
    before, after = printed(report, fmt), printed(again, fmt)
    for number, (one, other) in enumerate(zip(before, after, strict=False)):
        if one != other:
            return f"line {number}: {one[:100]!r} became {other[:100]!r}"
    if len(before) != len(after):
        return f"{len(before)} lines became {len(after)}"
    return None
