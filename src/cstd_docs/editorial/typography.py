"""Rules on characters and spacing: typed labels, quotation marks, spaces, note marks, repeated words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cstd_docs.editorial.finding import Finding, excerpt, inside, matches, protected
from cstd_docs.editorial.rules import LanguageRules
from cstd_docs.editorial.texts import NOTE_MARK, Piece, Text

# "12. ", "(b) ", "b) ", "b. ", "(iv) ", "iv. ", "IV. ", "A. ": every label the renderer prints itself.
_LABEL = re.compile(
    r"\s*(\d{1,3}\.|\d{1,3}\)|\([a-z]{1,4}\)|[a-z]{1,4}\)|[a-z]\.|[ivxlc]{1,6}\.|[IVXLC]{1,6}\.|[A-Z]\.)\s"
)


def typed_label(text: Text, lang: LanguageRules) -> Iterator[Finding]:
    if text.label is None or not text.segments or text.segments[0].piece is not Piece.TEXT:
        return
    first = text.segments[0].text
    match = _LABEL.match(first)
    own = first.lstrip()
    if match is None and own.startswith(text.label) and own[len(text.label):][:1].isspace():
        # The block's own label in any script: Arabic "(أ)", Chinese "(一)".
        match = re.match(r"\s*(" + re.escape(text.label) + r")\s", first)
    if match:
        typed = match.group(1)
        yield Finding(
            match.start(1),
            f"the text starts with “{typed}”, and the renderer prints its own “{text.label}”: "
            f"it would print “{text.label} {typed} …”",
            f"delete “{typed} ” from the start of the text; numbers and labels are computed from position",
        )


def straight_quotes(text: Text, lang: LanguageRules) -> Iterator[Finding]:
    string = text.string
    q = lang.quotes
    for match in matches(re.compile("[\"']"), text):
        at = match.start()
        if match.group() == "'" and at > 0 and string[at - 1].isalpha():
            yield Finding(at, f"straight apostrophe in “{excerpt(string, at, at + 1)}”", f"write {q.apostrophe}")
        elif match.group() == "'":
            yield Finding(at, f"straight single quotation mark in “{excerpt(string, at, at + 1)}”",
                          f"write {q.inner_open}…{q.inner_close}")
        else:
            yield Finding(at, f"straight quotation mark in “{excerpt(string, at, at + 1)}”",
                          f"write {q.open}…{q.close}")


def quote_style(text: Text, lang: LanguageRules) -> Iterator[Finding]:
    """English-style opening quotes outside guillemets, in a language that opens with « »."""
    if not lang.guillemets:
        return
    depth = 0
    string = text.string
    spans = protected(text)
    for at, char in enumerate(string):
        if char == "«":
            depth += 1
        elif char == "»":
            depth = max(0, depth - 1)
        elif char == "“" and depth == 0 and not inside(spans, at, at + 1):
            yield Finding(at, f"quotation opened with “ in “{excerpt(string, at, at + 1)}”",
                          f"open and close quotations with {lang.quotes.open}…{lang.quotes.close}; "
                          f"{lang.quotes.inner_open}…{lang.quotes.inner_close} are for quotations inside them")


_CLOSING = r"(?=\s|$|[)\]”’»" + NOTE_MARK + "])"


def punctuation_spacing(text: Text, lang: LanguageRules) -> Iterator[Finding]:
    string = text.string
    if lang.no_space_before:
        marks = "[" + re.escape(lang.no_space_before) + "]"
        for match in matches(re.compile(r"(?<=\S)[ \u00a0\u202f]+(" + marks + ")" + _CLOSING), text):
            mark = match.group(1)
            yield Finding(match.start(), f"a space before “{mark}” in “{excerpt(string, match.start(), match.end())}”",
                          f"delete the space before “{mark}”")
    if lang.narrow_space_before:
        yield from _narrow_spaces(text, lang)


def _narrow_spaces(text: Text, lang: LanguageRules) -> Iterator[Finding]:
    """French: a no-break space before ; : ! ? used as punctuation, and inside « »."""
    string = text.string
    marks = "[" + re.escape(lang.narrow_space_before) + "]"
    pattern = re.compile(r"(?<=\S)( ?)(" + marks + ")" + _CLOSING)
    for match in matches(pattern, text):
        before = string[match.start() - 1] if match.start() > 0 else ""
        if before in lang.narrow_space_before or before in "\u202f\u00a0":
            continue  # "?!" takes one space, before its first mark
        what = "an ordinary space, which can break the line," if match.group(1) else "no space"
        mark = match.group(2)
        yield Finding(match.start(), f"{what} before “{mark}” in “{excerpt(string, match.start(), match.end())}”",
                      f"put a narrow no-break space (U+202F) before “{mark}”")
    if lang.guillemets:
        for match in matches(re.compile(r"«(?![\u202f\u00a0])|(?<![\u202f\u00a0])»"), text):
            where = excerpt(string, match.start(), match.end())
            yield Finding(match.start(), f"no no-break space inside the guillemet in “{where}”",
                          "put a narrow no-break space (U+202F) inside « »")


def double_space(text: Text, lang: LanguageRules) -> Iterator[Finding]:
    string = text.string
    for match in matches(re.compile(r"(?<=\S) {2,}(?=\S)"), text):
        where = excerpt(string, match.start(), match.end())
        yield Finding(match.start(), f"{len(match.group())} spaces in a row in “{where}”", "leave one space")


_REPEATED = re.compile(r"\b([^\W\d_]+)([\s,;:]+)(\1)\b", re.IGNORECASE)


def repeated_word(text: Text, lang: LanguageRules) -> Iterator[Finding]:
    string = text.string
    for match in matches(_REPEATED, text):
        word, gap = match.group(1), match.group(2)
        if word.lower() in lang.repeat_allowed and not gap.strip():
            continue  # "that that", "had had", "nous nous" are grammar
        yield Finding(match.start(3), f"“{word}” is repeated in “{excerpt(string, match.start(), match.end())}”",
                      f"delete the second “{match.group(3)}”")


def space_before_note(text: Text, lang: LanguageRules) -> Iterator[Finding]:
    string = text.string
    for match in re.finditer(r"\s+" + NOTE_MARK, string):
        yield Finding(match.start(), f"a space before a note mark in “{excerpt(string, match.start(), match.end())}”",
                      "delete the space at the end of the text before the note: the mark follows the word")


def note_punctuation(text: Text, lang: LanguageRules) -> Iterator[Finding]:
    string = text.string
    if lang.note_mark == "after_punctuation":
        pattern, fix = NOTE_MARK + r"([,;:.!?])", "put the note mark after the “{mark}” (English style)"
    elif lang.note_mark == "before_punctuation":
        pattern, fix = r"[\u202f\u00a0]?([,;:.!?])" + NOTE_MARK, "put the note mark before the “{mark}”"
    else:
        return
    for match in re.finditer(pattern, string):
        mark = match.group(1)
        where = "before" if lang.note_mark == "after_punctuation" else "after"
        yield Finding(match.start(), f"a note mark {where} “{mark}” in “{excerpt(string, match.start(), match.end())}”",
                      fix.format(mark=mark))


_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


def heading_case(text: Text, lang: LanguageRules) -> Iterator[Finding]:
    """Title case ("Organization Of Work", "Findings and Suggestions") in place of sentence case.

    Names keep their capitals, so a heading is only flagged when a small word is capitalized
    or when three quarters of its other words, two at least, are.
    """
    string = text.string
    spans = protected(text, Piece.EMPHASIS)
    eligible = capitalized = 0
    small_capital: str | None = None
    last_end = 0
    first = True
    for match in _WORD.finditer(string):
        word, gap = match.group(), string[last_end:match.start()]
        last_end = match.end()
        if first or ":" in gap or inside(spans, match.start(), match.end()):
            first = False
            continue
        if (word.isupper() and len(word) > 1) or word in lang.always_capitalized:
            continue  # an acronym or a word always capitalized
        if word.lower() in lang.stop_words:
            small_capital = small_capital or (word if word[0].isupper() else None)
            continue
        eligible += 1
        capitalized += word[0].isupper()
    if small_capital or (capitalized >= 2 and capitalized * 4 >= eligible * 3):
        why = (f"“{small_capital}” is capitalized" if small_capital
               else f"{capitalized} of its {eligible} words are capitalized")
        yield Finding(0, f"the heading “{excerpt(string, 0, len(string), 0)}” is in title case ({why})",
                      "capitalize only the first word and words always capitalized (names): sentence case")
