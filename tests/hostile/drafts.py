"""Hostile drafts for ``import``: Word and Markdown files no editor should hand us.

Each draft is the bytes of a .docx or .md file and what the import must do with it:

- ``refused``: ReportError naming the place (``place`` in a problem's path, ``words`` in
  its message); the command exits 1 and writes nothing.
- ``kept``: a report that ``load`` accepts, with a warning naming the place and saying
  what was cut or lost; the command exits 0 and writes it.

The drafts are made here from our own renderings of examples/short-en.json, changed the
way a damaged or malicious file would be; huge ones are generated in memory.
"""

from __future__ import annotations

import base64
import io
import json
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from tests.hostile.corpus import BASE_FILE
from tests.ooxml import zip_package

import cstd_docs
from cstd_docs.model import Report
from cstd_docs.writers.docx import docx_bytes


@dataclass(frozen=True)
class Draft:
    name: str
    suffix: Literal[".md", ".docx"]
    make: Callable[[], bytes]
    outcome: Literal["refused", "kept"]
    place: str  # in the path of the problem or warning
    words: str  # in its message


@cache
def _report() -> Report:
    return cstd_docs.load(BASE_FILE)


@cache
def _markdown(source: bool = True) -> str:
    return cstd_docs.render_markdown(_report(), embed_source=source)


FIRST = "The panel met"  # the start of the first paragraph of short-en.json


def _md(change: Callable[[str], str], *, source: bool = False) -> Callable[[], bytes]:
    return lambda: change(_markdown(source)).encode("utf-8")


def _in_first_paragraph(insert: str, *, source: bool = False) -> Callable[[], bytes]:
    return _md(lambda text: text.replace(FIRST, f"The{insert} panel met", 1), source=source)


def _with_source_comment(payload: Callable[[], str], version: int = 1) -> Callable[[], bytes]:
    def make() -> bytes:
        body = _markdown().rsplit("<!-- cstd-docs-source:", 1)[0]
        return f"{body}<!-- cstd-docs-source:{version} {payload()} -->\n".encode()

    return make


def _packed(data: bytes, level: int = 6) -> str:
    return base64.b64encode(zlib.compress(data, level)).decode("ascii")


def _source_json(change: Callable[[dict[str, Any]], None]) -> Callable[[], str]:
    def make() -> str:
        data = json.loads(cstd_docs.dumps(_report()))
        change(data)
        return _packed(json.dumps(data).encode())

    return make


def _unknown_participant(data: dict[str, Any]) -> None:
    data["chapters"][0]["content"][1]["text"] = ["One speaker", {"cite": "nobody"}]


def _payload_of_our_source() -> str:
    text = _markdown()
    return text.rsplit("<!-- cstd-docs-source:1 ", 1)[1].split(" -->", 1)[0]


# --- Word ---------------------------------------------------------------------------------------


@cache
def _docx() -> bytes:
    return docx_bytes(_report())


def _docx_entries(change: Callable[[list[tuple[str, bytes]]], list[tuple[str, bytes]]]) -> Callable[[], bytes]:
    def make() -> bytes:
        with zipfile.ZipFile(io.BytesIO(_docx())) as z:
            entries = [(n, z.read(n)) for n in z.namelist()]
        with warnings.catch_warnings():  # zipfile warns of a duplicate name, and writes it
            warnings.simplefilter("ignore", UserWarning)
            return zip_package(change(entries))

    return make


def _source_part(change: Callable[[bytes], bytes]) -> Callable[[], bytes]:
    def edit(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        out = []
        for name, data in entries:
            is_source = name.startswith("customXml/item") and b"urn:cstd-docs:source:" in data
            out.append((name, change(data) if is_source else data))
        return out

    return _docx_entries(edit)


def _twice(name: str, second: str | None = None) -> Callable[[], bytes]:
    def edit(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        data = dict(entries)[name]
        return [*entries, (second or name, data.replace(b"The panel met", b"Another text met"))]

    return _docx_entries(edit)


def _in_first_docx_paragraph(insert: str) -> Callable[[], bytes]:
    def edit(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        return [(n, d.replace(b"The panel met", f"The{insert} panel met".encode(), 1) if n == "word/document.xml"
                 else d) for n, d in entries]

    return _docx_entries(edit)


def _in_first_docx_paragraph_start(xml: str) -> Callable[[], bytes]:
    def edit(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        return [(n, d.replace(b"<w:t>The panel met", f"<w:t>{xml}The panel met".encode(), 1)
                 if n == "word/document.xml" else d) for n, d in entries]

    return _docx_entries(edit)


def _in_document(old: bytes, new: bytes) -> Callable[[], bytes]:
    def edit(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        changed = [(n, d.replace(old, new, 1) if n == "word/document.xml" else d) for n, d in entries]
        assert changed != entries, f"{old!r} is in the document"
        return changed

    return _docx_entries(edit)


def _replaced(old: str, new: str) -> Callable[[], bytes]:
    def change(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)

    return _md(change)


BIG = "9" * 5_000  # over the 4,300 digits Python's int() converts
#: A list paragraph in Word's own numbering, with a level that is not a number.
LIST_LEVEL = b'<w:pStyle w:val="SingleTxtG"/><w:numPr><w:ilvl w:val="x"/><w:numId w:val="1"/></w:numPr>'

#: A field's start and instruction, with no end in its paragraph.
UNCLOSED_FIELD = b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'

LOST = "participant registry"  # every source warning says what is lost

DRAFTS: list[Draft] = [
    # Characters no document can hold: cut, with the place.
    Draft("md-nul-character", ".md", _in_first_paragraph("\x00"), "kept", "$.chapters[0].content[0].text", "U+0000"),
    Draft("md-control-reference", ".md", _in_first_paragraph("&#1;"), "kept", "$.chapters[0].content[0].text", "U+0001"),
    Draft("md-noncharacter-reference", ".md", _in_first_paragraph("&#65534;"), "kept",
          "$.chapters[0].content[0].text", "U+FFFE"),
    Draft("md-control-with-its-source", ".md", _in_first_paragraph("&#8;", source=True), "kept",
          "$.chapters[0].content[0].text", "U+0008"),
    # Texts that would be empty: the entry is left out, with the place.
    Draft("md-line-of-100000-asterisks", ".md", _md(lambda t: t + "\n" + "*" * 100_000 + "\n"), "kept",
          "$.chapters[0]", "no text was left out"),
    # Over the limits of a report file: refused, naming the block.
    # (named at its text: the id the reader makes up from its first words is cut short, never over the limit)
    Draft("md-line-of-200000-characters", ".md", _in_first_paragraph(" " + "a" * 200_000), "refused",
          "$.chapters[0].content[0].text", "the limit is 100,000"),
    Draft("md-200000-brackets", ".md", _md(lambda t: t + "\n" + "[" * 200_000 + "\n"), "refused",
          "$.chapters[0]", "the limit is 100,000"),
    Draft("docx-w-t-of-200000-characters", ".docx", _in_first_docx_paragraph(" " + "x" * 200_000), "refused",
          "$.chapters[0].content[0].text", "the limit is 100,000"),
    Draft("md-100000-nested-lists", ".md", _md(lambda t: t + "\n" + "- " * 100_000 + "x\n"), "refused",
          ".bullet", "the limit is 100,000"),
    Draft("md-100000-nested-blockquotes", ".md", _md(lambda t: t + "\n" + "> " * 100_000 + "x\n"), "refused",
          ".unnumbered", "the limit is 100,000"),
    # 100,000 ">" with no space: one quote of ">" (its words were counted in time growing with its square).
    Draft("md-100000-quote-marks", ".md", _md(lambda t: t + "\n" + ">" * 100_000 + " x\n"), "kept",
          ".md:line ", "a preambular paragraph outside any resolution"),
    # A child element inside w:t (Word writes none): not read, the text around it is, as LibreOffice reads it.
    Draft("docx-child-element-in-w-t", ".docx", _in_first_docx_paragraph_start("<w:x/>"), "kept",
          "paragraph 12", "an element inside a text was not read (x)"),
    # A field that does not end in its paragraph hides the text after its start (LibreOffice shows none):
    # said with that text; the paragraph left empty has subparagraphs, so it cannot be left out: refused.
    Draft("docx-field-that-does-not-end", ".docx", _in_document(b"<w:r><w:t>The panel met", UNCLOSED_FIELD +
                                                               b"<w:r><w:t>The panel met"),
          "refused", "$.chapters[0].content[0].text", "text is empty (entry 1 under 'Introduction')"),
    Draft("docx-field-that-does-not-end-mid-paragraph", ".docx",
          _in_document(b"<w:r><w:t>The panel met", b"<w:r><w:t>The </w:t></w:r>" + UNCLOSED_FIELD +
                       b"<w:r><w:t>panel met"),
          "kept", "paragraph 12", "a field does not end in its paragraph; the text after its start was not read:"
                                  " 'panel met from"),
    # Numbers no reader can take as one: the line is kept unread, with the place (never a traceback).
    Draft("docx-list-level-not-a-number", ".docx", _in_document(b'<w:pStyle w:val="SingleTxtG"/></w:pPr><w:r><w:t>4.',
                                                               LIST_LEVEL + b"</w:pPr><w:r><w:t>4."),
          "kept", "paragraph 22", "list level that is not a number ('x')"),
    Draft("md-masthead-date-of-5000-digits", ".md", _replaced("1 February 2022", f"1 February {BIG}"), "kept",
          "masthead", "masthead line was not recognised: '1 February 999"),
    Draft("md-agenda-item-of-5000-digits", ".md", _replaced("Item 3 of", f"Item {BIG} of"), "kept", "front",
          "not recognised: 'Item 999"),
    Draft("md-session-dates-of-5000-digits", ".md", _replaced("Geneva, 28 March", f"Geneva, {BIG} March"), "kept",
          "front", "no place and dates of the session found"),
    Draft("docx-masthead-date-of-5000-digits", ".docx", _in_document(b"1 February 2022", f"1 February {BIG}".encode()),
          "kept", "masthead", "masthead line was not recognised: '1 February 999"),
    Draft("docx-agenda-item-of-5000-digits", ".docx", _in_document(b"Item 3 of", f"Item {BIG} of".encode()), "kept",
          "front", "not recognised: 'Item 999"),
    # A damaged source: the visible text is read, and the warning says what is lost.
    Draft("md-source-not-base64", ".md", _with_source_comment(lambda: "not base64!"), "kept", "", "base64"),
    Draft("md-source-not-zlib", ".md", _with_source_comment(lambda: base64.b64encode(b"garbage" * 9).decode()),
          "kept", "", "compressed data is damaged"),
    Draft("md-source-zlib-bomb", ".md", _with_source_comment(lambda: _packed(b" " * (65 * 2**20 + 1), 9)), "kept",
          "", "zlib bomb"),
    Draft("md-source-not-json", ".md", _with_source_comment(lambda: _packed(b"{not json")), "kept", "",
          "not valid JSON"),
    Draft("md-source-unknown-participant", ".md", _with_source_comment(_source_json(_unknown_participant)), "kept",
          "", "unknown participant 'nobody'"),
    Draft("md-source-50-megabyte-string", ".md",
          _with_source_comment(_source_json(lambda d: d.update(title="t" * 50_000_000))), "kept", "",
          "50,000,000 characters"),
    Draft("md-source-newer-version", ".md", _with_source_comment(_payload_of_our_source, version=2), "kept", "",
          "newer cstd-docs (source format 2"),
    Draft("docx-source-newer-version", ".docx",
          _source_part(lambda d: d.replace(b"urn:cstd-docs:source:1", b"urn:cstd-docs:source:2")), "kept",
          "customXml/item", "newer cstd-docs (source format 2"),
    Draft("docx-source-damaged", ".docx",
          _source_part(lambda d: d.replace(b'encoding="zlib+base64">', b'encoding="zlib+base64">!!')), "kept",
          "customXml/item", "base64"),
    # Two entries for one part: which is the document is not defined (OPC): refused.
    Draft("docx-two-document-parts", ".docx", _twice("word/document.xml"), "refused", "word/document.xml",
          "two entries named 'word/document.xml'"),
    Draft("docx-two-document-parts-by-case", ".docx", _twice("word/document.xml", "WORD/Document.xml"), "refused",
          "WORD/Document.xml", "two entries for one part"),
]
