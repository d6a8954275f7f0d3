"""Dates as the report's language prints them, read back: "1 February 2022", "28 March–1 April 2022"."""

from __future__ import annotations

import datetime
import re

from cstd_docs.lang import LanguagePack, language_pack


def _numbers(text: str) -> list[int]:
    """The numbers a date can hold (a day or a year); a longer run of digits is none of them,
    and is not converted (Python refuses to convert over 4,300 digits)."""
    return [int(n) for n in re.findall(r"\d+", text) if len(n) <= 4]


def _months(text: str, pack: LanguagePack) -> list[int]:
    """The months whose name the text holds; a month named by its number ("5" in Chinese,
    "2023年5月5日") only when that number is one of the text's (not "2" in "2023")."""
    lowered = text.lower()
    numbers = set(_numbers(text))
    found = []
    for index, name in enumerate(str(m).lower() for m in pack.table.months):
        if name and (int(name) in numbers if name.isdigit() and len(name) <= 2 else name in lowered):
            found.append(index + 1)
    return found


def _candidates(text: str, pack: LanguagePack) -> tuple[list[int], list[int], list[int]]:
    numbers = _numbers(text)
    return (sorted({n for n in numbers if n >= 1000}), _months(text, pack) or list(range(1, 13)),
            sorted({n for n in numbers if 1 <= n <= 31}))


def _packs(pack: LanguagePack) -> list[LanguagePack]:
    other = pack.table.masthead_language
    return [pack, language_pack(other)] if other and other != pack.code else [pack]


def parse_date(text: str, pack: LanguagePack, default_year: int | None = None) -> datetime.date | None:
    """A date as the language (or its masthead language) prints it: every candidate is printed
    and compared, then, for text not printed by us, the numbers and month name it holds."""
    for one in _packs(pack):
        years, months, days = _candidates(text, one)
        if len(years) <= 2 and len(days) <= 4 and len(months) <= 4:
            for year, month, day in ((y, m, d) for y in years for m in months for d in days):
                try:
                    date = datetime.date(year, month, day)
                except ValueError:
                    continue
                if one.date(date) == text.strip():
                    return date
    return _parse_date_loosely(text, pack, default_year)


def _parse_date_loosely(text: str, pack: LanguagePack, default_year: int | None) -> datetime.date | None:
    month = None
    for one in _packs(pack):
        names = [str(m).lower() for m in one.table.months]
        months = _months(text, one)
        if months:  # the longest name found: "juillet" and not "juil"
            month = max(months, key=lambda m: len(names[m - 1]))
            break
    numbers = _numbers(text)
    year = next((n for n in numbers if n >= 1000), default_year)
    days = [n for n in numbers if 1 <= n <= 31]
    if month is None or year is None or not days:
        return None
    try:
        return datetime.date(year, month, days[0])
    except ValueError:
        return None


def parse_range(text: str, pack: LanguagePack) -> tuple[datetime.date, datetime.date] | None:
    """Dates as the language prints a range: every candidate is printed and compared."""
    years, months, days = _candidates(text, pack)
    if len(years) <= 2 and len(days) <= 4 and len(months) <= 4:
        for y1, y2, m1, m2 in ((a, b, c, d) for a in years for b in years for c in months for d in months):
            for d1, d2 in ((a, b) for a in days for b in days):
                try:
                    start, end = datetime.date(y1, m1, d1), datetime.date(y2, m2, d2)
                except ValueError:
                    continue
                if start <= end and pack.date_range(start, end) == text.strip():
                    return start, end
    return _parse_range_loosely(text, pack)


def _parse_range_loosely(text: str, pack: LanguagePack) -> tuple[datetime.date, datetime.date] | None:
    parts = re.split(r"\s*[–—-]\s*", text, maxsplit=1)
    end = parse_date(parts[-1], pack)
    if end is None:
        return None
    if len(parts) == 1:
        return end, end
    left = parts[0]
    start = parse_date(left, pack, end.year)
    if start is None:
        days = _numbers(left)
        if not days:
            return None
        try:
            start = datetime.date(end.year, end.month, days[0])
        except ValueError:
            return None
    return start, end
