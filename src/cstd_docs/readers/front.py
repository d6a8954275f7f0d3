"""The lines under the masthead (parent body, body, session, place and dates, agenda) and the title block.

Unchanged (printing what the base printed) they are the base's values; otherwise each
line is recognised by the wording the report's language gives it. The lines before the
session line name the body; two of them, the parent body over the body.
"""

from __future__ import annotations

import datetime
import re

import attrs
from attrs import define, field, frozen

from cstd_docs.lang import LanguagePack
from cstd_docs.model import AgendaItem, AgendaLabel, DutyStation, Inlines, Report, Session, TitleStyle
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
    body: str | None
    session: Session | None
    agenda_items: tuple[AgendaItem, ...]
    agenda_symbol: str | None
    agenda_label: AgendaLabel = AgendaLabel.EACH
    #: New York, when an agenda label is in the form only its layout prints ("Agenda item 3"); else None.
    layout: DutyStation | None = None


@define
class _Lines:
    """What the lines under the masthead said."""

    body: str | None
    parent_body: str | None = None
    number: int | None = None
    place_dates: PlaceAndDates | None = None
    items: list[AgendaItem] = field(factory=list)
    agenda_symbol: str | None = None
    #: "Items 2 and 3 of the provisional agenda" was read: one label for several items.
    joined: bool = False
    #: A label in the New York layout's own form was read ("Agenda item 3").
    new_york: bool = False


def front(ctx: Context, visible: Visible) -> Front:
    base = ctx.base
    lines = [line for line in visible.front_lines if runs_plain(line).strip()]
    lines = [piece for line in lines for piece in _pieces(ctx.pack, line)]
    if base is not None and _unchanged(base, lines):
        report = base.report
        return Front(report.parent_body, report.body, report.session, report.agenda_items, report.agenda_symbol,
                     report.agenda_label)
    found = _read_lines(ctx, lines)
    return _settle(ctx, found)


def _unchanged(base: Base, lines: list[VRuns]) -> bool:
    fr = base.doc.front
    expected = [signature((fr.parent_body,))] if fr.parent_body is not None else []
    expected += [signature((text,)) for text in (fr.body, fr.session, fr.place_and_dates) if text]
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
    named = any(text in sessions or _agenda_labels(pack, tuple(piece), text)[0]
                for piece in pieces if (text := runs_plain(piece).strip()))
    return [tuple(piece) for piece in pieces if runs_plain(piece).strip() or piece] if named else [line]


def _sessions(pack: LanguagePack) -> dict[str, int]:
    """Every session line ("Twenty-fifth session") and its number."""
    return {pack.table.session.format(ordinal=pack.ordinal(n), number=n): n for n in range(1, 1000)}


#: What a label prints for {number}: the item's number, then its sub-item ("3 (b) (iii)"; "3(b)" as others type it).
_ITEM_NUMBER = r"(\d{1,9})((?: ?\([a-z]{1,8}\)){0,4})"  # bounded: no 5,000-digit int()


#: An agenda label read: the item's number, whether provisional, its sub-item.
_Label = tuple[int, bool, str | None]


def _label_forms(pack: LanguagePack) -> list[tuple[bool, str, str, bool]]:
    """(provisional, template, its field, New York's own): one item's labels, then several items'."""
    table, labels = pack.table, pack.table.agenda_labels
    return [(True, table.agenda_item_provisional, "number", False), (False, table.agenda_item, "number", False),
            (False, labels.new_york_item, "number", True), (True, labels.items_provisional, "numbers", False),
            (False, labels.items, "numbers", False), (False, labels.new_york_items, "numbers", True)]


def _agenda_labels(pack: LanguagePack, line: VRuns, text: str) -> tuple[list[_Label], str | None, bool]:
    """"Item 2 of the provisional agenda", "Items 2 and 3 of …": each item's number, sub-item, whether
    provisional; the agenda's symbol (the note on the line); whether the form is New York's own. An
    empty list: not a label."""
    labels = pack.table.agenda_labels
    for provisional, template, name, new_york in _label_forms(pack):
        pattern = re.escape(template).replace(re.escape("{" + name + "}"), "(.+)" if name == "numbers" else
                                              _ITEM_NUMBER)
        found = re.fullmatch(pattern, text)
        if not found:
            continue
        parts = [found.group(0)] if name == "number" else \
            re.split(f"{re.escape(labels.numbers_separator)}|{re.escape(labels.numbers_and)}", found.group(1))
        numbers = [re.fullmatch(_ITEM_NUMBER, part.strip()) for part in parts] if name == "numbers" else [found]
        if not numbers or any(n is None for n in numbers):
            continue
        read = [(int(n.group(1)), provisional, n.group(2).strip() or None) for n in numbers if n is not None]
        return read, _agenda_symbol(pack, line), new_york
    return [], None, False


def _agenda_symbol(pack: LanguagePack, line: VRuns) -> str | None:
    symbol = None
    for run in line:
        if isinstance(run, VNote):
            # the note prints the symbol, then the note's end: every character before it is the symbol's
            symbol = runs_plain(run.text).rstrip()
            end = pack.table.note_end
            if end and symbol.endswith(end):
                symbol = symbol[: -len(end)]
    return symbol


def _place_and_dates(ctx: Context, text: str) -> PlaceAndDates | None:
    pack = ctx.pack
    session = ctx.base.report.session if ctx.base is not None else None
    if session is not None:
        dates = pack.date_range(session.start, session.end)
        if text == (dates if session.place is None else pack.table.place_and_dates.format(place=session.place,
                                                                                         dates=dates)):
            return session.place, session.start, session.end
    found = _split_place_and_dates(pack, text) or _split_place_and_dates(pack, _dashed(text))
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


def _named(lines: list[VRuns], sessions: dict[str, int]) -> int:
    """How many lines name the bodies: those before the session line (at least the first line)."""
    for index, line in enumerate(lines[:8]):
        if runs_plain(line).strip() in sessions:
            return max(index, 1)
    return 1


def _continues(pack: LanguagePack, line: VRuns, text: str) -> bool:
    """A line under an agenda item's title that goes on with it: it starts in lower case or with a
    bracket ("(Worldwide harmonized …)", "and 19 (…)"), as a title broken over lines does."""
    labels, _, _ = _agenda_labels(pack, line, text)
    return not labels and text[:1] != "" and (text[:1] in "([" or text[:1].islower())


def _dashed(text: str) -> str:
    """A range of days typed with a hyphen ("8-11 January 2019") as the UN prints it, with an en dash."""
    return re.sub(r"(?<=\d)\s*-\s*(?=\d)", "\u2013", text)


def _read_lines(ctx: Context, lines: list[VRuns]) -> _Lines:
    pack = ctx.pack
    found = _Lines(ctx.base.report.body if ctx.base is not None else None)
    sessions = _sessions(pack)
    named = _named(lines, sessions)
    if named > 1:  # the parent body over the body (Geneva: "Economic Commission for Europe" over three lines)
        parents = [runs_plain(line) for line in lines[: named - 1]]
        # over several lines (another document's), the blanks at their ends are the document's layout
        found.parent_body = parents[0] if len(parents) == 1 else "\n".join(line.strip() for line in parents)
    if lines:
        found.body = runs_plain(lines[named - 1])
    pending: list[_Label] = []  # the items a label named whose titles come next
    for line in lines[named:]:
        # every character is the text's (the format readers cut their own blanks); the
        # fixed lines are recognised without the blanks around them
        shown = runs_plain(line)
        text = shown.strip()
        if found.items and not pending and text not in sessions and _continues(pack, line, text):
            last = found.items[-1]  # an item's title over several lines: one title
            found.items[-1] = attrs.evolve(last, title=f"{last.title.rstrip()} {text}")
            continue
        if text in sessions:
            found.number = sessions[text]
            continue
        labels, symbol, new_york = _agenda_labels(pack, line, text)
        if labels:
            found.new_york = found.new_york or new_york
            if symbol is not None:
                found.agenda_symbol = symbol
            for missing in pending:
                ctx.warn("front", f"agenda item {missing[0]} has no title")
            pending = labels
            found.joined = found.joined or len(labels) > 1
            continue
        if pending:
            number, provisional, sub_item = pending.pop(0)
            found.items.append(AgendaItem(number, shown, provisional, sub_item=sub_item))
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
    if base is not None and body is not None and base.body is not None and ws(body) == ws(base.body):
        body = base.body
    parent_body = found.parent_body
    if base is not None and base.parent_body is not None and parent_body is not None \
            and ws(parent_body) == ws(base.parent_body):
        parent_body = base.parent_body
    if not body:
        if base is None or base.body is not None:
            ctx.warn("front", "no body (commission) named under the masthead", "it was left empty: fill in body")
        body = None
    # One item prints alike either way: the base says which it was.
    label = AgendaLabel.JOINED if found.joined else AgendaLabel.EACH
    if base is not None and len(items) <= 1:
        label = base.agenda_label
    layout = DutyStation.NEW_YORK if found.new_york else None
    return Front(parent_body, body, _session(ctx, base, number, place_dates), items, agenda_symbol, label, layout)


def _session(ctx: Context, base: Report | None, number: int | None,
             place_dates: PlaceAndDates | None) -> Session | None:
    """The session the lines give; what they do not give, the base's; else none (never a made-up one)."""
    if number is not None and place_dates is not None:
        return Session(number, *place_dates)
    if base is not None and base.session is not None:
        own = base.session
        return Session(number or own.number, *(place_dates or (own.place, own.start, own.end)))
    if base is not None and number is None and place_dates is None:
        return None  # the base gives none either: nothing was lost
    hint = "the session was left empty: fill in session (number, place, start and end)"
    if number is None:
        ctx.warn("front", "no session line found", hint)
    if place_dates is None:
        ctx.warn("front", "no place and dates of the session found", hint)
    return None


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
        ctx.warn("title", "no title found", "it was left empty: fill in title (in Word, give it the HMG style; "
                 "in Markdown, a '# ' line)")
        title = base.report.title if base else ()
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


# --- documents whose styles say nothing (readers/plain.py asks where the front block ends) --------
def front_line_kind(pack: LanguagePack, text: str) -> str | None:
    """What a line under the masthead is by its wording: "session", "agenda" (an item's label) or
    "place" (the place and dates); None for any other line (a body's name, an item's title, the title)."""
    session = re.escape(pack.table.session).replace(re.escape("{ordinal}"), r".+").replace(
        re.escape("{number}"), r"\d+")
    if re.fullmatch(session, text):
        return "session"
    if _agenda_labels(pack, (text,), text)[0]:
        return "agenda"
    if parse_range(_dashed(text), pack) is not None or _split_place_and_dates(pack, _dashed(text)) is not None:
        return "place"
    return None
