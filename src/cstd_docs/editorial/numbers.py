"""Rules on numbers: figures under 10, "per cent", dates, ranges."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from cstd_docs.editorial.finding import Finding, excerpt, inside, matches, protected
from cstd_docs.editorial.rules import LanguageRules
from cstd_docs.editorial.texts import Piece, Text

# A figure standing alone: not part of a symbol ("A/RES/76/6"), a decimal ("4.0"), a time
# ("9:30"), a compound ("COVID-19"), an ordinal ("1st") or a larger number ("3,000").
_FIGURE = re.compile(r"(?<![\w/.,:\-–])(\d)(?![\w/:\-–%°]|[.,]\d)")
_NUMBER = re.compile(r"(?<![\w/.\-–])\d[\d,]*(?:\.\d+)?(?![\w/\-–])")
# What may stand between the numbers of one series: "5, 12 and 15", "3 to 12", "2 or 3".
_SERIES_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|to|–|-|and/or)\s*")


def figures_under_ten(text: Text, lang: LanguageRules) -> Iterator[Finding]:
    string = text.string
    series = _series_largest(string)
    for match in matches(_FIGURE, text, Piece.REFERENCE, Piece.EMPHASIS):
        start, end = match.span(1)
        if _designated(string, start, lang) or _measured(string, end, lang) or series.get(start, 0) >= 10:
            continue
        if _parenthesized_list(string, start, end):
            continue
        digit = int(match.group(1))
        word = lang.number_words[digit] if digit < len(lang.number_words) else "the word"
        yield Finding(start, f"the figure {digit} in running text in “{excerpt(string, start, end)}”",
                      f"write “{word}”: numbers under 10 are words, except in dates, percentages, measures, "
                      "money and designations (paragraph 5, Goal 3)")


_JOINER = re.compile(r"[\d,–-]+|and|or|to")


def _previous_word(string: str, start: int, lang: LanguageRules) -> str:
    """The word before ``start``, skipping the numbers and joiners of a series ("paragraphs 3 and 5")
    and the words that only point ("action lines, particularly 3 and 4"). It looks a short way
    back (80 characters), so many figures take linear time."""
    words = string[max(0, start - 80):start].split()
    while words and (_JOINER.fullmatch(words[-1].lower()) or words[-1].lower().strip(",;:") in lang.pointers):
        words.pop()
    return words[-1].lower().strip("(") if words else ""


def _designated(string: str, start: int, lang: LanguageRules) -> bool:
    before = string[max(0, start - 4):start].lower()
    if any(before.rstrip().endswith(c) for c in lang.currencies):
        return True
    word = _previous_word(string, start, lang)
    month = word.capitalize() in lang.months or word.rstrip(".").capitalize() in lang.month_abbreviations
    return word in lang.designators or word.rstrip(".,;:") in lang.designators or month


def _measured(string: str, end: int, lang: LanguageRules) -> bool:
    """A unit, a percentage or a month after the figure: "3 per cent", "8 km", "3 June", and the
    first day of a range of dates: "from 4 to 7 March", "3–6 June"."""
    return _after_figure(lang).match(string[end:end + 28].lower().lstrip()) is not None


@functools.cache
def _after_figure(lang: LanguageRules) -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in sorted(lang.units, key=len, reverse=True))
    months = "|".join(re.escape(m.lower()) for m in lang.months)
    return re.compile("|".join(p for p in (rf"(?:{units})(?![a-z])" if units else "",
                                           rf"(?:(?:to|and|–|-)\s*\d{{1,2}}\s+)?(?:{months})\b" if months else "")
                           if p) or "(?!)")


def _series_largest(string: str) -> dict[int, float]:
    """For each number's start, the largest number of its series ("5, 12 and 15", "3 to 12"):
    when one is 10 or more, figures for all (Editorial Manual). One pass over the text."""
    out: dict[int, float] = {}
    series: list[re.Match[str]] = []

    def close() -> None:
        largest = max((_value(m.group()) for m in series), default=0.0)
        out.update((m.start(), largest) for m in series)

    for match in _NUMBER.finditer(string):
        if series and not _SERIES_GAP.fullmatch(string, series[-1].end(), match.start()):
            close()
            series = []
        series.append(match)
    close()
    return out


def _value(number: str) -> float:
    try:
        return float(number.replace(",", ""))
    except ValueError:
        return 0.0


def _parenthesized_list(string: str, start: int, end: int) -> bool:
    """"(2)", "(1, 3, 7)": numbers naming items of a list, not counting anything."""
    opening = string.rfind("(", max(0, start - 100), start)
    closing = string.find(")", end, end + 100)
    if opening < 0 or closing < 0:
        return False
    return re.fullmatch(r"[\d\s,and–-]+", string[opening + 1:closing]) is not None


def per_cent(text: Text, lang: LanguageRules) -> Iterator[Finding]:
    string = text.string
    for match in matches(re.compile(r"(\d[\d,.]*)?\s?%"), text):
        number = match.group(1) or "…"
        yield Finding(match.start(), f"“%” in running text in “{excerpt(string, match.start(), match.end())}”",
                      f"write “{number} per cent”; the % sign is for tables")


def date_form(text: Text, lang: LanguageRules) -> Iterator[Finding]:
    string = text.string
    for match in matches(_NUMERIC_DATE, text):
        yield Finding(match.start(), f"the date “{match.group()}” is not in the UN form",
                      f"write the day, the month in words and the year: “{lang.date_example}”")
    for pattern, fix in _word_dates(lang):
        for match in matches(pattern, text):
            date = excerpt(string, match.start(), match.end(), 0)
            yield Finding(match.start(), f"the date “{date}” is not in the UN form",
                          fix.format(**{k: v or "" for k, v in match.groupdict().items()}))


_NUMERIC_DATE = re.compile(
    r"(?<![\w/.\-])(?:\d{1,2}([/.\-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\w/\-]|\.\d)"
)


@functools.cache
def _word_dates(lang: LanguageRules) -> list[tuple[re.Pattern[str], str]]:
    if not lang.months:
        return []
    months = "|".join(lang.months)
    out: list[tuple[re.Pattern[str], str]] = []
    if lang.code == "en":
        abbreviations = "|".join(lang.month_abbreviations)
        month_first = rf"\b(?P<month>{months})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?"
        out.append((re.compile(month_first),
                    "write the day first: “{day} {month} {year}”"))
        out.append((re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?(?P<month>{months})\b"),
                    "write “{day} {month}”, without the ordinal ending"))
        out.append((re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{abbreviations})\b\.?(?=\s+\d{{4}}|\s|$)"),
                    "write the month in full, “{day} …”: months are not abbreviated in running text"))
    if lang.first_day:
        out.append((re.compile(rf"(?<![\d\w])1\s+(?P<month>{months})\b"),
                    f"write “{lang.first_day} {{month}}”"))
    return out


_RANGE = re.compile(r"(?<![\w/.\-–])(\d+)\s?[-‐‑]\s?(\d+)(?![\w/\-–]|\.\d)")
_FROM_RANGE = re.compile(r"\b(from|between|from the years)\s+(\d+)\s?[–-]\s?(\d+)\b", re.IGNORECASE)


def range_dash(text: Text, lang: LanguageRules) -> Iterator[Finding]:
    string = text.string
    spans = protected(text)
    for match in _RANGE.finditer(string):
        if inside(spans, match.start(), match.end()):
            continue
        first, last = match.group(1), match.group(2)
        yield Finding(match.start(), f"the range “{match.group()}” has a hyphen",
                      f"write “{first}–{last}” with an en dash")
    if lang.code != "en":
        return
    for match in _FROM_RANGE.finditer(string):
        if inside(spans, match.start(), match.end()):
            continue
        word, first, last = match.group(1), match.group(2), match.group(3)
        joiner = "and" if word.lower() == "between" else "to"
        yield Finding(match.start(), f"“{match.group()}” mixes words and a dash",
                      f"write “{word} {first} {joiner} {last}”")
