"""Fixed wording per language, kept as data (``<code>.json`` beside this file).

Everything the library writes itself — masthead lines, dates, session ordinals, agenda
lines, the findings headings and lead-ins, participant notes, subparagraph labels —
comes from a table here, so a user can correct a phrase without touching code.
"""

from __future__ import annotations

import datetime
import functools
import json
from importlib import resources
from typing import Any

from cstd_docs.errors import ReportError

RIGHT_TO_LEFT = frozenset({"ar"})


def available() -> list[str]:
    """The language codes that have a table."""
    folder = resources.files(__package__)
    return sorted(p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json"))


class LanguagePack:
    """The table of one language, with the small amount of logic its phrases need."""

    def __init__(self, code: str, table: dict[str, Any]) -> None:
        self.code = code
        self.table = table

    def __getitem__(self, key: str) -> Any:
        try:
            return self.table[key]
        except KeyError:
            raise ReportError.single(
                f"lang/{self.code}.json", f"the language table has no entry {key!r}", "add it to the table"
            ) from None

    def phrase(self, key: str, **values: object) -> str:
        return str(self[key]).format(**values)

    @property
    def right_to_left(self) -> bool:
        return self.code in RIGHT_TO_LEFT

    # --- dates -----------------------------------------------------------------------
    def date(self, day: datetime.date) -> str:
        return self.phrase("date", day=self.day(day.day), month=self["months"][day.month - 1], year=day.year)

    def day(self, number: int) -> str:
        special: dict[str, str] = self.table.get("day_names", {})
        return special.get(str(number), str(number))

    def date_range(self, start: datetime.date, end: datetime.date) -> str:
        months = self["months"]
        if start == end:
            return self.date(start)
        if (start.year, start.month) == (end.year, end.month):
            return self.phrase(
                "date_range_same_month",
                start_day=self.day(start.day), end_day=self.day(end.day), month=months[start.month - 1],
                year=start.year,
            )
        if start.year == end.year:
            return self.phrase(
                "date_range_same_year",
                start_day=self.day(start.day), start_month=months[start.month - 1],
                end_day=self.day(end.day), end_month=months[end.month - 1], year=start.year,
            )
        return self.phrase("date_range", start=self.date(start), end=self.date(end))

    # --- numbers in words --------------------------------------------------------------
    def ordinal(self, number: int) -> str:
        """The session ordinal in words, capitalised: "Twenty-fifth"."""
        explicit: dict[str, str] = self.table.get("ordinal_words", {})
        if str(number) in explicit:
            return explicit[str(number)]
        words = self._ordinal_words(number)
        return words[:1].upper() + words[1:]

    def _ordinal_words(self, number: int) -> str:
        o = self["ordinals"]
        if number < 20:
            return str(o["unit_ordinals"][number])
        if number < 100:
            tens, unit = divmod(number, 10)
            if unit == 0:
                return str(o["ten_ordinals"][tens])
            return f"{o['tens'][tens]}-{o['unit_ordinals'][unit]}"
        hundreds, rest = divmod(number, 100)
        head = f"{o['units'][hundreds]} {o['hundred']}" if hundreds < 20 else str(number)
        if rest == 0:
            return f"{o['units'][hundreds]} {o['hundredth']}"
        return f"{head}{o['and']}{self._ordinal_words(rest)}"


@functools.cache
def _load(code: str) -> dict[str, Any]:
    try:
        text = resources.files(__package__).joinpath(f"{code}.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReportError.single(
            "$.language", f"no language table for {code!r}", f"use one of {', '.join(available())}"
        ) from None
    table: dict[str, Any] = json.loads(text)
    return table


def language_pack(code: str) -> LanguagePack:
    if code not in available():  # also keeps a code like "../x" from reaching the file system
        raise ReportError.single(
            "$.language", f"no language table for {code!r}", f"use one of {', '.join(available())}"
        )
    return LanguagePack(code, _load(code))
