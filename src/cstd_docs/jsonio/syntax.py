"""JSON syntax errors in plain words, with the line shown and a caret under the place.

Python's parser says "Expecting value" for a curly quote and for a trailing comma alike;
a person editing a report needs to know which, and where:

    line 12, column 14: a curly quote ” where JSON needs a straight double quote "
        "title": ”Report of the meeting",
                 ^
"""

from __future__ import annotations

import json

from cstd_docs.errors import Problem

CURLY_QUOTES = "“”„‟″‘’‚‛«»"
#: The longest part of a line shown; a minified file is one very long line.
EXCERPT_WIDTH = 100


def excerpt(text: str, position: int) -> str:
    """The line holding ``position``, and a caret under it (cut around it when long)."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[start : end if end != -1 else len(text)].rstrip("\r")
    column = position - start
    if len(line) > EXCERPT_WIDTH:  # keep the place in view
        left = max(0, min(column - EXCERPT_WIDTH // 2, len(line) - EXCERPT_WIDTH))
        tail = "…" if left + EXCERPT_WIDTH < len(line) else ""
        line = ("…" if left else "") + line[left : left + EXCERPT_WIDTH] + tail
        column = column - left + (1 if left else 0)
    # Control characters would act on the terminal: shown as �. Tabs keep their width under the caret.
    line = "".join("\ufffd" if ord(ch) < 32 and ch != "\t" else ch for ch in line)
    pad = "".join("\t" if ch == "\t" else " " for ch in line[:column])
    return f"{line}\n{pad}^"


def _previous_significant(text: str, position: int) -> tuple[int, str]:
    at = position - 1
    while at >= 0 and text[at] in " \t\r\n":
        at -= 1
    return at, text[at] if at >= 0 else ""


def _string_start(text: str, position: int) -> int:
    """Where the string holding ``position`` (a line break or the end) opened."""
    line_start = text.rfind("\n", 0, position) + 1
    quote = text.rfind('"', line_start, position)
    return quote if quote != -1 else position


def _explain(text: str, error: json.JSONDecodeError) -> tuple[int, str, str]:
    """(position to point at, message, hint) for a parser error."""
    pos = min(error.pos, len(text))
    here = text[pos] if pos < len(text) else ""
    if here and here in CURLY_QUOTES:
        return pos, f"a curly quote {here} where JSON needs a straight double quote \"", (
            'type " instead; word processors turn quotes curly, so edit JSON in a plain-text editor'
        )
    if error.msg.startswith("Invalid control character") and here not in "\r\n":
        return pos, f"a control character U+{ord(here):04X} inside text", (
            "remove it; a tab is written \\t and a line break \\n"
        )
    if error.msg.startswith(("Unterminated string", "Invalid control character")):
        start = _string_start(text, pos) if error.msg.startswith("Invalid") else pos
        return start, "a string is not closed: its closing \" is missing on this line", (
            'end the text with "; a line break inside text is written \\n'
        )
    before, previous = _previous_significant(text, pos)
    if previous == "," and here in "]}":
        return before, f"a comma before the closing {here}", "remove the comma after the last item: JSON allows none"
    if error.msg == "Expecting ',' delimiter":
        after, _ = _previous_significant(text, pos)
        return after + 1, "a comma is missing between two items", "add a comma after the item that ends here"
    if error.msg == "Expecting ':' delimiter":
        return pos, "a colon is missing after the name", 'write "name": value'
    if error.msg.startswith("Expecting property name"):
        if here == "'":
            return pos, "a name in single quotes", 'JSON names take double quotes: "name"'
        return pos, "a name must be in double quotes here", 'write "name": value, or remove a stray comma before it'
    if error.msg == "Extra data":
        return pos, "more text after the end of the report", "remove it, or a } too many before it"
    if here == "'":
        return pos, "text in single quotes", 'JSON text takes double quotes: "…"'
    if error.msg == "Expecting value" and here.isalpha():
        hint = 'put text in double quotes: "…"; only true, false and null go without them'
        return pos, "a word without quotes", hint
    return pos, error.msg[0].lower() + error.msg[1:], "check the JSON syntax there"


def syntax_problem(text: str, error: json.JSONDecodeError) -> Problem:
    """The problem a JSON syntax error is, named in plain words, with its line and a caret."""
    if error.pos >= len(text.rstrip()):
        position = len(text.rstrip())
        message, hint = "the file ends early", "is it complete? A } or ] may be missing at the end"
    else:
        position, message, hint = _explain(text, error)
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return Problem(f"line {line}, column {column}", f"not valid JSON: {message}", hint, excerpt=excerpt(text, position))
