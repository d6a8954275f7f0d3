"""The contents page and the Official Records front matter, read back (issue 14).

A contents page is derived: its presence (and whether it shows the "Paragraphs" column) is all a
reader keeps; its entries are made again from the body. The Official Records front matter stands
in place of the masthead and the lines under it: its lines give the supplement's number, the ISSN
and the year, and the organ, the symbol, the report's date ("[24 March 2025]"), the body and the
session's dates (and, in Word, the title and the subtitles: they print on the title page). What it
does not show (the session's number and place, the agenda, the distribution) comes from the base
report the draft carries; without one, the session's number is read from the title when it names it.
"""

from __future__ import annotations

import datetime
import re

from attrs import define, field

from cstd_docs.lang import LanguagePack
from cstd_docs.model import Contents, Masthead, OfficialRecords, Session
from cstd_docs.readers.dates import parse_date, parse_range
from cstd_docs.readers.front import Front
from cstd_docs.readers.inlines import Context
from cstd_docs.readers.signature import runs_plain, ws
from cstd_docs.readers.visible import Visible, VRuns

__all__ = ["Shown", "contents", "front", "masthead", "official_records", "read"]

#: How many session numbers the title is searched for ("on its sixty-third session").
_SESSIONS = 300


def contents(visible: Visible) -> Contents | None:
    """The contents page the draft shows, with or without its "Paragraphs" column."""
    return None if visible.contents is None else Contents(paragraphs=visible.contents.paragraphs)


@define
class Shown:
    """What the front matter's lines said."""

    organ: str | None = None
    year: int | None = None
    supplement: str | None = None
    issn: str | None = None
    date: datetime.date | None = None
    symbols: list[str] = field(factory=list)
    dates: tuple[datetime.date, datetime.date] | None = None
    body: str | None = None
    title: VRuns | None = None
    subtitles: list[VRuns] = field(factory=list)


def _pattern(template: str, name: str, value: str) -> re.Pattern[str]:
    return re.compile(re.escape(template).replace(re.escape("{" + name + "}"), f"(?P<{name}>{value})"))


class _Patterns:
    def __init__(self, pack: LanguagePack) -> None:
        words = pack.table.official_records
        self.records = _pattern(words.records, "year", r"[0-9]{4}")
        self.supplement = _pattern(words.supplement, "number", r"[0-9]{1,4}[A-Z]?")
        self.imprint = _pattern(words.imprint, "year", r"[0-9]{4}")
        self.issn = _pattern(words.issn, "issn", r"\S{1,20}")
        self.dates = _pattern(words.session_dates, "dates", r".{1,80}")
        self.date = _pattern(words.date_line, "date", r".{1,60}")
        self.fixed = {ws(words.note_heading), ws(words.symbols_note)}


def read(ctx: Context, lines: tuple[VRuns, ...]) -> Shown:
    """Each line by the wording it prints; the others in order: the organ, the body, the title, subtitles."""
    pack, found, known = ctx.pack, Shown(), _Patterns(ctx.pack)
    for line in lines:
        text = ws(runs_plain(line))
        if not text or text in known.fixed or known.imprint.fullmatch(text):
            continue
        if match := known.records.fullmatch(text):
            found.year = int(match.group("year"))
        elif match := known.supplement.fullmatch(text):
            found.supplement = match.group("number")
        elif match := known.issn.fullmatch(text):
            found.issn = match.group("issn")
        elif (match := known.date.fullmatch(text)) and parse_date(match.group("date"), pack) is not None:
            found.date = parse_date(match.group("date"), pack)
        elif (match := known.dates.fullmatch(text)) and parse_range(match.group("dates"), pack) is not None:
            found.dates = parse_range(match.group("dates"), pack)
        elif found.organ is None:
            found.organ = text
        elif " " not in text and "/" in text:
            found.symbols.append(text)
        elif found.body is None:
            found.body = text
        elif found.title is None:
            found.title = line
        else:
            found.subtitles.append(line)
    return found


def official_records(ctx: Context, shown: Shown, date: datetime.date | None) -> OfficialRecords:
    """The supplement's number, the ISSN and the year (None where it is the report's date's)."""
    base = ctx.base.report.official_records if ctx.base is not None else None
    supplement = shown.supplement
    if supplement is None:
        supplement = base.supplement if base is not None else "1"
        ctx.warn("official records", "no supplement's number found",
                 "it was set to 1 as a placeholder: fill in official_records.supplement")
    year = shown.year
    if year is not None and date is not None and year == date.year and (base is None or base.year is None):
        year = None
    return OfficialRecords(supplement=supplement, issn=shown.issn, year=year)


def masthead(ctx: Context, shown: Shown) -> Masthead:
    """The masthead the front matter stands for: its symbol, date and organ; the base gives the rest."""
    base = ctx.base.report.masthead if ctx.base is not None else None
    symbol = "-".join(shown.symbols) or None
    if base is not None and symbol is not None and base.symbol is not None and ws(symbol) == ws(base.symbol):
        symbol = base.symbol
    organ = None
    if shown.organ is not None:
        same = base is not None and base.organ is not None and shown.organ == ctx.pack.organ(base.organ)
        organ = base.organ if same and base is not None else ctx.pack.organ_named(shown.organ)
    date = shown.date or (base.date if base is not None else None)
    if date is None:  # never made up: validate names what is still to fill in
        ctx.warn("official records", "no date found over the first page", "it was left empty: fill in masthead.date")
    if base is not None:
        return Masthead(symbol=symbol, distribution=base.distribution, date=date,
                        original_language=base.original_language, single_language=base.single_language,
                        versions=base.versions, organ=organ or base.organ, job_number=base.job_number)
    if organ is None:
        ctx.warn("official records", "no organ named on the title page", "it was left empty: fill in masthead.organ")
    return Masthead(symbol=symbol, date=date, original_language=ctx.language, organ=organ)


def _session_number(pack: LanguagePack, title: str) -> int | None:
    """The session the title names ("Report … on its sixty-third session"), if it names one."""
    lowered = title.lower()
    for number in range(_SESSIONS, 0, -1):  # "twenty-first" before "first"
        if pack.table.session.format(ordinal=pack.ordinal(number), number=number).lower() in lowered:
            return number
    return None


def front(ctx: Context, shown: Shown, title: str) -> Front:
    """The body and the session's dates as shown; the session's number and place and the agenda from the base
    (the front matter prints neither). What is not shown is left empty, with a warning: never made up."""
    base = ctx.base.report if ctx.base is not None else None
    body = shown.body or (base.body if base is not None else None)
    if base is not None and body is not None and base.body is not None and ws(body) == ws(base.body):
        body = base.body
    if not body:
        ctx.warn("official records", "no body (commission) named on the title page", "it was left empty: fill in body")
        body = None
    if base is not None:
        session = base.session
        if session is not None and shown.dates is not None and shown.dates != (session.start, session.end):
            session = Session(session.number, session.place, *shown.dates)
        return Front(base.parent_body, body, session, base.agenda_items, base.agenda_symbol)
    number = _session_number(ctx.pack, title)
    hint = "the session was left empty: fill in session (number, place, start and end)"
    if number is None:
        ctx.warn("official records", "the title names no session", hint)
    if shown.dates is None:
        ctx.warn("official records", "no dates of the session found under the title", hint)
    if number is None or shown.dates is None:
        return Front(None, body, None, (), None)
    return Front(None, body, Session(number, None, *shown.dates), (), None)
