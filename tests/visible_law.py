"""The "visible text alone" law (issue 16): a draft stripped of its embedded source (a .docx
saved by a tool that drops custom XML, a Markdown file whose last comment was deleted),
read back and rendered again, prints the same document.

"Prints the same": the Markdown without its source comment is the same text; the Word
document's paragraphs and notes (document.xml and footnotes.xml, the custom XML left
out) show the same text, tab for tab and line break for line break. Ids that print
nothing, the participant registry and the citations (which print as the note text they
make) may differ: they are what only the source carries.

Used by tests/test_visible_alone.py (a property per language) and
scripts/visible_rate.py (the rate over many reports).
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

import attrs
from lxml import etree

import cstd_docs
from cstd_docs.model import Report
from cstd_docs.writers.docx import docx_bytes

Format = Literal["md", "docx"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def in_language(report: Report, language: str) -> Report:
    return attrs.evolve(report, language=language)


def _docx_text(data: bytes) -> list[str]:
    """Each paragraph of the body and of the notes as it prints: its text, tabs and breaks."""
    lines: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for part in ("word/document.xml", "word/footnotes.xml"):
            if part not in z.namelist():
                continue
            root = etree.fromstring(z.read(part))
            for paragraph in root.iter(f"{W}p"):
                pieces = []
                for el in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}footnoteReference"):
                    if el.tag == f"{W}t":
                        pieces.append(el.text or "")
                    elif el.tag == f"{W}footnoteReference":
                        pieces.append("[^]")
                    else:
                        pieces.append("\t" if el.tag == f"{W}tab" else "\n")
                lines.append("".join(pieces))
    return lines


def _without_custom_xml(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            if not name.startswith("customXml/"):
                target.writestr(name, source.read(name))
    return out.getvalue()


def printed(report: Report, fmt: Format) -> list[str]:
    if fmt == "md":
        return cstd_docs.render_markdown(report, embed_source=False).split("\n")
    return _docx_text(docx_bytes(report))


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
