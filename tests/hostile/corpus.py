"""The hostile-input corpus: files no report should be, and what the library must say.

Each case is the bytes of a would-be report file and the place (a JSON path, a line or
"$" for the whole file) and words its problem must name. Small byte-level cases live
in ``cases/`` as files; the rest are mutations of a valid report (examples/short-en.json)
or, for the huge ones, generated in memory here: never committed as huge files.

``SURVIVORS`` are inputs that look hostile but are valid: they must load and render.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
BASE_FILE = HERE.parent.parent / "examples" / "short-en.json"


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[], bytes]
    path: str  # a problem's path, exactly
    message: str  # words in that problem's message
    huge: bool = False

    def data(self) -> bytes:
        return self.make()


def base() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(BASE_FILE.read_text(encoding="utf-8"))
    return data


def encode(data: object) -> bytes:
    return json.dumps(data).encode("ascii")  # lone surrogates and controls as \u escapes


def file(name: str) -> Callable[[], bytes]:
    return lambda: (CASES / name).read_bytes()


def mutate(change: Callable[[dict[str, Any]], object]) -> Callable[[], bytes]:
    def make() -> bytes:
        data = copy.deepcopy(base())
        change(data)
        return encode(data)

    return make


def setting(path: str, value: object) -> Callable[[], bytes]:
    """Set (or with value DELETE, remove) one place given as "a.b.0.c"."""

    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        key_: Any = int(last) if last.isdigit() else last
        if value is DELETE:
            del node[key_]
        else:
            node[key_] = value

    return mutate(change)


DELETE = object()

# Places in examples/short-en.json the cases poke at.
P0 = "chapters.0.content.0"  # a paragraph with subparagraphs, id "themes"
P1 = "chapters.0.content.1"  # a paragraph citing "basso"
J0 = "$.chapters[0].content[0]"
J1 = "$.chapters[0].content[1]"


def _paragraphs(count: int, paragraph: object) -> Callable[[], bytes]:
    def make() -> bytes:
        data = base()
        data["chapters"] = [{"title": "Many", "content": [paragraph] * count}]
        return json.dumps(data, separators=(",", ":")).encode("utf-8")

    return make


def _deep_subparagraphs(depth: int) -> Callable[[], bytes]:
    def change(data: dict[str, Any]) -> None:
        leaf: dict[str, Any] = {"text": "Deepest."}
        for _ in range(depth):
            leaf = {"text": "Level:", "subparagraphs": [leaf]}
        data["chapters"][0]["content"][0]["subparagraphs"] = [leaf]

    return mutate(change)


def _self_reference(data: dict[str, Any]) -> None:
    data["chapters"][0]["content"][0]["text"] = ["As paragraph ", {"ref": "themes"}, " says:"]


def _note_in_note(data: dict[str, Any]) -> None:
    data["chapters"][0]["content"][1]["text"] = ["Text", {"note": ["A note", {"note": "inside a note"}]}]


def _duplicate_id(data: dict[str, Any]) -> None:
    data["chapters"][0]["content"][1]["id"] = "themes"


def _empty_suggestion(data: dict[str, Any]) -> None:
    data["chapters"][0]["sections"] = [
        {"theme": "A theme", "main_findings": [{"text": "Found."}], "suggestions": [{"addressee": "Member States", "courses": []}]}
    ]


def _nested_errors(data: dict[str, Any]) -> None:
    """Ten chapters of 100 paragraphs of 45 wrong subparagraphs: under every per-list cap."""
    bad = {"text": "Lead-in:", "subparagraphs": [{"text": 1}] * 45}
    data["chapters"] = [{"title": "Chapter", "content": [bad] * 100} for _ in range(10)]


def _huge_string_in_paragraph(size: int) -> Callable[[], bytes]:
    return setting(f"{P1}.text", "a" * size)


CASES_LIST: list[Case] = [
    # --- not JSON, or not a report at all -------------------------------------------------
    Case("not-json", file("not-json.json"), "line 1, column 1", "not valid JSON"),
    Case("empty-file", file("empty.json"), "line 1, column 1", "not valid JSON"),
    Case("truncated", file("truncated.json"), "line 25, column 3", "a string is not closed"),
    Case("trailing-comma", file("trailing-comma.json"), "line 3, column 20", "not valid JSON: a comma before the closing }"),
    Case("single-quotes", file("single-quotes.json"), "line 1, column 2", "not valid JSON"),
    Case("raw-control-character", file("raw-control-character.json"), "line 10, column 18", "a control character U+0001 inside text"),
    Case("top-level-list", file("top-level-list.json"), "$", "one JSON object"),
    Case("top-level-string", file("top-level-string.json"), "$", "one JSON object"),
    Case("duplicate-key", file("duplicate-key.json"), "$", "'body' appears twice"),
    Case("number-of-5000-digits", lambda: BASE_FILE.read_bytes().replace(b'"number": 25', b'"number": ' + b"9" * 5000), "$", "4300 digits"),
    Case("infinite-number", lambda: BASE_FILE.read_bytes().replace(b'"number": 25', b'"number": 1e999'), "$.session.number", "inf (which JSON does not allow)"),
    Case("nan-number", file("nan-session-number.json"), "$.session.number", "whole number"),
    # --- wrong encodings ----------------------------------------------------------------------
    Case("utf16-with-bom", file("utf16-le-bom.json"), "$", "UTF-16"),
    Case("utf16-big-endian", file("utf16-be.json"), "$", "UTF-16"),
    Case("latin1-bytes", file("latin1.json"), "line 10", "byte 0xE8 is not UTF-8"),
    Case("windows-1252-quotes", file("windows-1252-quotes.json"), "line 14", "byte 0x93 is not UTF-8"),
    Case("two-byte-order-marks", file("double-bom.json"), "line 1, column 1", "not valid JSON"),
    # --- wrong types everywhere ----------------------------------------------------------------
    Case("body-is-a-number", setting("body", 42), "$.body", "expected a string, got a number"),
    Case("session-number-is-text", setting("session.number", "25"), "$.session.number", "whole number, got a string"),
    Case("session-number-is-boolean", setting("session.number", True), "$.session.number", "whole number, got a boolean"),
    Case("session-number-is-fraction", setting("session.number", 25.5), "$.session.number", "whole number, got a number"),
    Case("date-is-a-number", setting("masthead.date", 20220201), "$.masthead.date", "expected a date"),
    Case("chapters-is-an-object", setting("chapters", {"id": "x"}), "$.chapters", "list"),
    Case("chapters-is-text", setting("chapters", "Introduction"), "$.chapters", "list"),
    Case("paragraph-is-a-number", setting(P0, 5), J0, "expected a paragraph (an object), got a number"),
    Case("paragraph-text-is-an-object", setting(f"{P0}.text", {"text": "x"}), f"{J0}.text", "expected text (a string or a list), got an object"),
    Case("participants-is-a-list", setting("participants", []), "$.participants", "object"),
    Case("subtitles-is-a-number", setting("subtitles", 5), "$.subtitles", "list"),
    Case("masthead-is-text", setting("masthead", "E/CN.16/2022/2"), "$.masthead", "object"),
    Case("distribution-unknown", setting("masthead.distribution", "secret"), "$.masthead.distribution", "allowed values"),
    Case("first-page-notes-unknown", setting("first_page_notes", "roman"), "$.first_page_notes", "allowed values"),
    Case("inline-unknown-kind", setting(f"{P1}.text", ["Text ", {"bold": "x"}]), f"{J1}.text[1]", "unknown inline kind 'bold'"),
    Case("inline-two-keys", setting(f"{P1}.text", ["Text", {"note": "x", "cite": "basso"}]), f"{J1}.text[1]", "one of the keys"),
    Case("note-inside-note", mutate(_note_in_note), f"{J1}.text[1].note[1]", "unknown inline kind 'note'"),
    Case("participant-without-kind", setting("participants.thailand.kind", DELETE), "$.participants['thailand']", "kind"),
    Case("participant-unknown-kind", setting("participants.thailand.kind", "robot"), "$.participants['thailand']", "'robot'"),
    # --- missing and unknown fields, nulls, empty text ---------------------------------------
    Case("masthead-missing", setting("masthead", DELETE), "$.masthead", "required field is missing"),
    Case("session-place-missing", setting("session.place", DELETE), "$.session.place", "required field is missing"),
    Case("unknown-top-level-field", setting("titel", "Report"), "$", "unknown field 'titel'"),
    Case("unknown-paragraph-field", setting(f"{P1}.txt", "x"), J1, "unknown field 'txt'"),
    Case("title-is-null", setting("title", None), "$.title", "got null"),
    Case("masthead-is-null", setting("masthead", None), "$.masthead", "got null"),
    Case("paragraph-text-is-null", setting(f"{P1}.text", None), f"{J1}.text", "got null"),
    Case("agenda-items-is-null", setting("agenda_items", None), "$.agenda_items", "null"),
    Case("body-is-empty", setting("body", ""), "$.body", "text is empty"),
    Case("body-is-blank", setting("body", "  \n "), "$.body", "text is empty"),
    Case("chapter-title-is-empty", setting("chapters.0.title", ""), "$.chapters[0].title", "text is empty"),
    Case("paragraph-text-is-empty-list", setting(f"{P1}.text", []), f"{J1}.text", "text is empty"),
    Case("emphasis-is-empty", setting(f"{P1}.text", ["Text ", {"emphasis": " "}]), f"{J1}.text[1].emphasis", "text is empty"),
    Case("suggestion-without-courses", mutate(_empty_suggestion), "$.chapters[0].sections[0].suggestions[0].courses", "no course"),
    # --- ids and references ---------------------------------------------------------------
    Case("duplicate-id", mutate(_duplicate_id), f"{J1}.id", "duplicate id 'themes'"),
    Case("unusable-id", setting(f"{P1}.id", "1st paragraph"), f"{J1}.id", "not usable"),
    Case("dangling-reference", setting(f"{P1}.text", ["See paragraph ", {"ref": "themse"}]), f"{J1}.text[1].ref", "unknown paragraph or heading id 'themse'"),
    Case("self-reference", mutate(_self_reference), f"{J0}.text[1].ref", "refers to itself"),
    Case("unknown-participant", setting(f"{P1}.text", ["One speaker", {"cite": "bassso"}]), f"{J1}.text[1].cite", "unknown participant 'bassso'"),
    Case("citation-of-nobody", setting(f"{P1}.text", ["One speaker", {"cite": []}]), f"{J1}.text[1]", "citation needs a participant"),
    Case("participant-id-with-space", setting("participants.maria basso", {"kind": "delegation", "country": "Italy"}), "$.participants['maria basso']", "not usable"),
    # --- impossible values ----------------------------------------------------------------
    Case("february-30", setting("session.start", "2022-02-30"), "$.session.start", "impossible date"),
    Case("month-13", setting("session.start", "2022-13-01"), "$.session.start", "impossible date"),
    Case("date-in-another-format", setting("session.start", "28/03/2022"), "$.session.start", "YYYY-MM-DD"),
    Case("session-ends-before-it-starts", setting("session.end", "2022-03-01"), "$.session.end", "before it starts"),
    Case("session-number-zero", setting("session.number", 0), "$.session.number", "starts at 1"),
    Case("agenda-item-negative", setting("agenda_items.0.number", -2), "$.agenda_items[0].number", "starts at 1"),
    Case("unknown-language", setting("language", "xx"), "$.language", "no language table for 'xx'"),
    Case("subparagraphs-five-deep", _deep_subparagraphs(5), f"{J0}.subparagraphs[0].subparagraphs[0].subparagraphs[0].subparagraphs[0].subparagraphs", "deeper than four levels"),
    # --- characters XML cannot hold ----------------------------------------------------------
    Case("control-character-in-text", setting(f"{P1}.text", "Text with a bell \x07 in it."), f"{J1}.text", "U+0007"),
    Case("nul-in-title", setting("title", "Report\x00"), "$.title", "U+0000"),
    Case("unpaired-surrogate-in-text", setting(f"{P1}.text", ["Half an emoji \ud83d here.", {"cite": "basso"}]), f"{J1}.text[0]", "U+D83D"),
    Case("low-surrogate-in-emphasis", setting(f"{P1}.text", ["Text ", {"emphasis": "x\udc00"}]), f"{J1}.text[1].emphasis", "U+DC00"),
    Case("surrogate-as-raw-bytes", lambda: BASE_FILE.read_bytes().replace(b"Geneva", b"Gen\xed\xa0\x80va"), "line 10", "byte 0xED is not UTF-8"),
    Case("noncharacter-in-note", setting(f"{P1}.text", ["Text", {"note": "A note \uffff."}]), f"{J1}.text[1].note", "U+FFFF"),
    Case("control-character-in-participant", setting("participants.basso.name", "Maria\x1bBasso"), "$.participants['basso'].name", "U+001B"),
    Case("surrogate-in-job-number", setting("masthead.job_number", "GE.22-\udfff"), "$.masthead.job_number", "U+DFFF"),
    Case("control-character-in-schema", setting("$schema", "report\x08.json"), "$.$schema", "U+0008"),
    # --- huge and deep: generated in memory -------------------------------------------------------
    # 70 bytes a paragraph: 70 MB, over the 64 MB file limit.
    Case("a-million-paragraphs", _paragraphs(1_000_000, {"text": "A paragraph of a report that is far too long to be one." + "x" * 14}), "$", "at most 64 MB", huge=True),
    # 39 values up to the content list, then the paragraph and its text list: the
    # 1,000,001st value is item 999,959 of that list.
    Case("a-million-values", _paragraphs(1, {"text": [0] * 1_000_000}), "$.chapters[0].content[0].text[999959]", "more than 1,000,000 JSON values", huge=True),
    Case("forty-thousand-bad-paragraphs", _paragraphs(40_000, {"text": 1}), "$.chapters[0].content", "more than 100 items of this list are wrong", huge=True),
    Case("forty-five-thousand-nested-errors", mutate(_nested_errors), "$.chapters", "checking stopped after 1,000 problems", huge=True),
    Case("forty-thousand-bad-inlines", setting(f"{P1}.text", [{"bold": "x"}] * 40_000), f"{J1}.text", "the other 39900 items were not checked", huge=True),
    Case("ten-megabyte-string", _huge_string_in_paragraph(10_000_000), f"{J1}.text", "10,000,000 characters", huge=True),
    Case("one-megabyte-string", _huge_string_in_paragraph(1_000_000), f"{J1}.text", "1,000,000 characters", huge=True),
    Case("one-megabyte-key", setting(f"{P1}.{'k' * 1_000_000}", 1), J1, "a key of 1,000,000 characters", huge=True),
    Case("one-megabyte-reference", setting(f"{P1}.text", ["See ", {"ref": "r" * 1_000_000}]), f"{J1}.text[1].ref", "1,000,000 characters", huge=True),
    Case("nesting-100000-lists", lambda: b'{"title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "$", "nests too deeply", huge=True),
    Case("nesting-100000-objects", lambda: b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "$", "nests too deeply", huge=True),
    Case("nesting-100-lists-in-title", setting("title", json.loads("[" * 100 + "]" * 100)), "$.title" + "[0]" * 63, "more than 64 levels", huge=True),
    Case("subparagraphs-400-deep", _deep_subparagraphs(400), f"{J0}.subparagraphs[0]" + ".subparagraphs[0]" * 29, "more than 64 levels", huge=True),
]


def _cyclic_references(data: dict[str, Any]) -> None:
    content = data["chapters"][0]["content"]
    content[0]["text"] = ["As paragraph ", {"ref": "second"}, " says:"]
    content[1]["id"] = "second"
    content[1]["text"] = ["As paragraph ", {"ref": "themes"}, " says.", {"cite": "basso"}]


def _every_script(data: dict[str, Any]) -> None:
    data["chapters"][0]["content"][1]["text"] = [
        "Tab\there, line\nbreak, RTL مرحبا, CJK 你好, emoji 🎉, combining é, zero-width \u200b, NBSP\u00a0,",
        {"emphasis": "*not markdown* _either_ [x](y) <b>"},
        " & < > \" ' \\ ` # | ~ ^",
        {"cite": "basso"},
    ]


SURVIVORS: dict[str, Callable[[], bytes]] = {
    "cyclic-references": mutate(_cyclic_references),
    "utf8-byte-order-mark": lambda: b"\xef\xbb\xbf" + BASE_FILE.read_bytes(),
    "every-script-and-markup-characters": mutate(_every_script),
    "string-just-under-the-limit": _huge_string_in_paragraph(99_999),
    "crlf-line-ends": lambda: BASE_FILE.read_bytes().replace(b"\n", b"\r\n"),
    # python-docx refuses core properties over 255 characters: the Word writer must shorten them.
    "title-of-400-characters": setting("title", "Report on " + " ".join(f"theme {i}" for i in range(60))),
    "symbol-of-300-characters": setting("masthead.symbol", "E/CN.16/2022/" + "2" * 287),
}
