"""The lines under the masthead (parent body, body, session, place and dates, agenda) and the title block.

Unchanged (printing what the base printed) they are the base's values; otherwise each
line is recognised by the wording the report's language gives it. The lines before the
session line name the body; two of them, the parent body over the body.
"""

from __future__ import annotations

import datetime
import re

from attrs import define, field, frozen

from cstd_docs.lang import LanguagePack
from cstd_docs.model import AgendaItem, Inlines, Session, TitleStyle
from cstd_docs.readers.base import Base, resolved_runs
from cstd_docs.readers.dates import parse_range
from cstd_docs.readers.inlines import Context
from cstd_docs.readers.signature import flat, runs_plain, signature, ws
from cstd_docs.readers.visible import Visible, VNote, VRun, VRuns
from cstd_docs.resolve.document import Runs

PlaceAndDates = tuple[str | None, datetime.date, datetime.date]


@frozen
class Front:
    parent_body: str | None
    body: str
    session: Session
    agenda_items: tuple[AgendaItem, ...]
    agenda_symbol: str | None


@define
class _Lines:
    """What the lines under the masthead said."""

    body: str
    parent_body: str | None = None
    number: int | None = None
    place_dates: PlaceAndDates | None = None
    items: list[AgendaItem] = field(factory=list)
    agenda_symbol: str | None = None


def front(ctx: Context, visible: Visible) -> Front:
    base = ctx.base
    lines = [line for line in visible.front_lines if runs_plain(line).strip()]
    lines = [piece for line in lines for piece in _pieces(ctx.pack, line)]
    if base is not None and _unchanged(base, lines):
        report = base.report
        return Front(report.parent_body, report.body, report.session, report.agenda_items, report.agenda_symbol)
    found = _read_lines(ctx, lines)
    return _settle(ctx, found)


def _unchanged(base: Base, lines: list[VRuns]) -> bool:
    fr = base.doc.front
    expected = [signature((fr.parent_body,))] if fr.parent_body is not None else []
    expected += [signature((fr.body,)), signature((fr.session,)), signature((fr.place_and_dates,))]
    for item in fr.agenda:
        expected += [signature(resolved_runs(item.label, base.doc.notes)), signature((item.title,))]
    return flat([signature(line) for line in lines]) == flat(expected)


def _pieces(pack: LanguagePack, line: VRuns) -> list[VRuns]:
    """A line with line breaks: its pieces when one of them is a line the language names (a
    session, an agenda item's label: a draft may type them in one paragraph), else the line
    itself (a body's name with a line break in it, as the Word writer prints it)."""
    if "\n" not in runs_plain(line):
        return [line]
    pieces: list[list[VRun]] = [[]]
    for run in line:
        parts = run.split("\n") if isinstance(run, str) else [run]
        for index, part in enumerate(parts):
            if index:
                pieces.append([])
            if part:
                pieces[-1].append(part)
    sessions = _sessions(pack)
    named = any(text in sessions or _agenda_label(pack, tuple(piece), text)[0] is not None
                for piece in pieces if (text := runs_plain(piece).strip()))
    return [tuple(piece) for piece in pieces if runs_plain(piece).strip() or piece] if named else [line]


def _sessions(pack: LanguagePack) -> dict[str, int]:
    """Every session line ("Twenty-fifth session") and its number."""
    return {pack.table.session.format(ordinal=pack.ordinal(n), number=n): n for n in range(1, 1000)}


#: What a label prints for {number}: the item's number, then its sub-item ("3 (b) (iii)").
_ITEM_NUMBER = r"(\d{1,9})((?: \([a-z]{1,8}\)){0,4})"  # bounded: no 5,000-digit int()


#: An agenda label read: the item's number, whether provisional, its sub-item.
_Label = tuple[int, bool, str | None]


def _agenda_label(pack: LanguagePack, line: VRuns, text: str) -> tuple[_Label | None, str | None]:
    """"Item 2 of the provisional agenda": the item's number, sub-item, whether provisional; the agenda's symbol."""
    for provisional, template in ((True, pack.table.agenda_item_provisional), (False, pack.table.agenda_item)):
        pattern = re.compile(re.escape(template).replace(re.escape("{number}"), _ITEM_NUMBER))
        found = pattern.fullmatch(text)
        if found:
            symbol = None
            for run in line:
                if isinstance(run, VNote):
                    symbol = runs_plain(run.text).strip()
                    end = pack.table.note_end
                    if end and symbol.endswith(end):
                        symbol = symbol[: -len(end)]
            return (int(found.group(1)), provisional, found.group(2).strip() or None), symbol
    return None, None


def _place_and_dates(ctx: Context, text: str) -> PlaceAndDates | None:
    pack = ctx.pack
    if ctx.base is not None:
        session = ctx.base.report.session
        dates = pack.date_range(session.start, session.end)
        if text == (dates if session.place is None else pack.table.place_and_dates.format(place=session.place,
                                                                                         dates=dates)):
            return session.place, session.start, session.end
    found = _split_place_and_dates(pack, text)
    if found:
        return found
    alone = parse_range(text, pack)  # "14–18 July 2025": a session without place
    return (None, *alone) if alone else None


def _split_place_and_dates(pack: LanguagePack, text: str) -> PlaceAndDates | None:
    """The place and the dates, split where the language's wording puts its separator
    ("{place}, {dates}", "{dates}，{place}"): the split whose dates print back as written
    first, else the first whose dates can be read."""
    template = pack.table.place_and_dates
    place_first = template.index("{place}") < template.index("{dates}")
    separator = template.replace("{place}", "").replace("{dates}", "")
    loose: PlaceAndDates | None = None
    start = text.find(separator)
    while separator and start != -1:
        left, right = text[:start], text[start + len(separator) :]
        place, dates = (left, right) if place_first else (right, left)
        found = parse_range(dates, pack)
        if found and template.format(place=place, dates=pack.date_range(*found)) == text:
            return place, *found
        loose = loose or ((place.strip(), *found) if found else None)
        start = text.find(separator, start + 1)
    return loose


def _read_lines(ctx: Context, lines: list[VRuns]) -> _Lines:
    pack = ctx.pack
    found = _Lines(ctx.base.report.body if ctx.base is not None else "")
    sessions = _sessions(pack)
    named = 1
    if len(lines) > 2 and runs_plain(lines[1]).strip() not in sessions and runs_plain(lines[2]).strip() in sessions:
        named = 2  # the parent body over the body
        found.parent_body = runs_plain(lines[0])
    if lines:
        found.body = runs_plain(lines[named - 1])
    pending: _Label | None = None
    for line in lines[named:]:
        # every character is the text's (the format readers cut their own blanks); the
        # fixed lines are recognised without the blanks around them
        shown = runs_plain(line)
        text = shown.strip()
        if text in sessions:
            found.number = sessions[text]
            continue
        label, symbol = _agenda_label(pack, line, text)
        if label is not None:
            if symbol is not None:
                found.agenda_symbol = symbol
            if pending is not None:
                ctx.warn("front", f"agenda item {pending[0]} has no title")
            pending = label
            continue
        if pending is not None:
            found.items.append(AgendaItem(pending[0], shown, pending[1], sub_item=pending[2]))
            pending = None
            continue
        if found.place_dates is None and found.number is not None:
            found.place_dates = _place_and_dates(ctx, shown)
            if found.place_dates is not None:
                continue
        ctx.warn("front", f"a line under the masthead was not recognised: {text!r}", "it was left out")
    return found


def _settle(ctx: Context, found: _Lines) -> Front:
    """The front from what was found, the base (or defaults) filling in the rest."""
    pack = ctx.pack
    base = ctx.base.report if ctx.base is not None else None
    items: tuple[AgendaItem, ...] = tuple(found.items)
    agenda_symbol, body, number, place_dates = found.agenda_symbol, found.body, found.number, found.place_dates
    if base is not None and [(i.label, ws(i.title), i.provisional) for i in items] == [
        (i.label, ws(pack.typeset(i.title)), i.provisional) for i in base.agenda_items
    ]:
        items = base.agenda_items
    if base is not None and base.agenda_symbol is not None and agenda_symbol is not None \
            and ws(agenda_symbol) == ws(base.agenda_symbol):
        agenda_symbol = base.agenda_symbol
    if base is not None and ws(body) == ws(base.body):
        body = base.body
    parent_body = found.parent_body
    if base is not None and base.parent_body is not None and parent_body is not None \
            and ws(parent_body) == ws(base.parent_body):
        parent_body = base.parent_body
    if number is None:
        number = base.session.number if base else 1
        if base is None:
            ctx.warn("front", "no session line found", "set session.number")
    if place_dates is None:
        if base is not None:
            place_dates = (base.session.place, base.session.start, base.session.end)
        else:
            today = datetime.date.today()
            place_dates = ("Geneva", today, today)
            ctx.warn("front", "no place and dates of the session found", "set session.place, start and end")
    if not body:
        ctx.warn("front", "no body (commission) named under the masthead", "set body")
        body = "Commission"
    return Front(parent_body, body, Session(number, *place_dates), items, agenda_symbol)


def title_style(ctx: Context, visible: Visible) -> TitleStyle:
    """The title's style as shown (Word), else the base's (Markdown shows no sizes)."""
    if visible.title_style is not None:
        return visible.title_style
    return ctx.base.report.title_style if ctx.base is not None else TitleStyle.HMG


def title_block(ctx: Context, visible: Visible) -> tuple[Inlines, tuple[Inlines, ...]]:
    """The title and subtitles: the base's where they print the same, else what is shown."""
    base = ctx.base
    if base is not None and _prints_as(base, visible.title, base.doc.title):
        title = base.report.title
    else:
        title = ctx.inlines(visible.title)
    if not title or not runs_plain(visible.title).strip():
        ctx.warn("title", "no title found", "give the title the HMG style in Word, or a '# ' line in Markdown")
        title = base.report.title if base else ("Report",)
    subtitles: list[Inlines] = []
    for index, runs in enumerate(visible.subtitles):
        kept = base is not None and index < len(base.report.subtitles)
        if base is not None and kept and _prints_as(base, runs, base.doc.subtitles[index]):
            subtitles.append(base.report.subtitles[index])
        else:
            subtitles.append(ctx.inlines(runs))
    return title, tuple(subtitles)


def _prints_as(base: Base, runs: VRuns, base_runs: Runs) -> bool:
    return signature(runs) == signature(resolved_runs(base_runs, base.doc.notes))
