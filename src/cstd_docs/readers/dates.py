"""Dates as the report's language prints them, read back: "1 February 2022", "28 March–1 April 2022"."""

from __future__ import annotations

import datetime
import re

from cstd_docs.lang import LanguagePack, language_pack


def _month_names(pack: LanguagePack) -> list[str]:
    return [str(m) for m in pack.table.months]


def _numbers(text: str) -> list[int]:
    """The numbers a date can hold (a day or a year); a longer run of digits is none of them,
    and is not converted (Python refuses to convert over 4,300 digits)."""
    return [int(n) for n in re.findall(r"\d+", text) if len(n) <= 4]


def parse_date(text: str, pack: LanguagePack, default_year: int | None = None) -> datetime.date | None:
    months = [m.lower() for m in _month_names(pack)]
    other = pack.table.masthead_language
    if other and other != pack.code:
        months_other = [str(m).lower() for m in language_pack(other).table.months]
    else:
        months_other = months
    lowered = text.lower()
    month = None
    for names in (months, months_other):
        for index, name in sorted(enumerate(names), key=lambda x: -len(x[1])):
            if name and name in lowered:
                month = index + 1
                break
        if month:
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
    lowered = text.lower()
    names = [str(m).lower() for m in pack.table.months]
    months = [i + 1 for i, name in enumerate(names) if name and name in lowered] or list(range(1, 13))
    numbers = _numbers(text)
    years = sorted({n for n in numbers if n >= 1000})
    days = sorted({n for n in numbers if 1 <= n <= 31})
    if len(years) <= 2 and len(days) <= 4 and len(months) <= 3:
        for y1 in years:
            for y2 in years:
                for m1 in months:
                    for m2 in months:
                        for d1 in days:
                            for d2 in days:
                                try:
                                    start, end = datetime.date(y1, m1, d1), datetime.date(y2, m2, d2)
                                except ValueError:
                                    continue
                                if start <= end and pack.date_range(start, end) == text:
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
