"""The first page's masthead and the lines under it, as the resolution pass composes them.

The masthead: the symbol (a double symbol's parts stacked in the running heads), the organ,
the distribution, the date and the language lines, in the report's language. Under it: the
parent body, the body, the session, its place and dates, and the agenda items' labels ("Item 2
of the provisional agenda", "Items 2 and 3 of …", New York's "Agenda item 3 (b)"), the
provisional agenda's symbol a note on the first item's line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import assert_never

from cstd_docs.lang import LanguagePack
from cstd_docs.model import AgendaItem, AgendaLabel, CrossRef, Distribution, DutyStation, Report, Styled
from cstd_docs.resolve.document import AgendaLine, NoteOrigin, NoteRef, ResolvedFront, ResolvedMasthead, Runs
from cstd_docs.resolve.instrument_pass import PendingRun

__all__ = ["agenda_label", "distribution_line", "front", "masthead", "settled_front", "symbol_parts"]

#: Adds a note to the report's notes (the pass's ``add_note``) and gives its mark.
AddNote = Callable[[tuple[str | Styled | CrossRef, ...], NoteOrigin], NoteRef]

#: Where a double symbol joins its parts: a hyphen before the next symbol's first component and its
#: slash ("E/2025/28-E/CN.7/2025/11"), never the hyphen inside one ("A/ES-10/L.1").
_SYMBOL_JOIN = re.compile(r"-(?=[A-Z]{1,8}/)")


def symbol_parts(symbol: str | None) -> tuple[str, ...]:
    """A double symbol's parts, which the running heads stack; one part for a single symbol."""
    return tuple(_SYMBOL_JOIN.split(symbol)) if symbol else ()


def distribution_line(distribution: Distribution, pack: LanguagePack) -> str:
    """The masthead's "Distr.: General" line in the pack's language."""
    lines = pack.table.distribution
    match distribution:
        case Distribution.GENERAL:
            return lines.general
        case Distribution.LIMITED:
            return lines.limited
        case Distribution.RESTRICTED:
            return lines.restricted
        case _:
            assert_never(distribution)


def masthead(report: Report, pack: LanguagePack) -> ResolvedMasthead:
    """The first-page table, every line in the report's language."""
    m = report.masthead
    line = pack.language_line(m.original_language, m.single_language)
    return ResolvedMasthead(
        symbol=m.symbol,
        symbols=symbol_parts(m.symbol),
        organ=pack.organ(m.organ) if m.organ is not None else "",  # not given yet: printed empty
        distribution=distribution_line(m.distribution, pack),
        date=pack.masthead_date(m.date) if m.date is not None else "",
        language_line=line,
        version_line=pack.version_line(m.original_language, m.single_language),
        versions_line=pack.versions_line(m.versions),
        job_number=m.job_number,
        united_nations=pack.table.united_nations,
    )


def agenda_label(report: Report, pack: LanguagePack, items: tuple[AgendaItem, ...]) -> str:
    """"Item 2 of the provisional agenda", "Items 2 and 3 of …", "Agenda item 3 (b)" (New York's adopted agenda)."""
    table, labels = pack.table, pack.table.agenda_labels
    new_york = report.layout is DutyStation.NEW_YORK and not items[0].provisional
    if len(items) == 1:
        template = table.agenda_item_provisional if items[0].provisional else table.agenda_item
        return (labels.new_york_item if new_york else template).format(number=items[0].label)
    numbers = [item.label for item in items]
    joined = labels.numbers_separator.join(numbers[:-1]) + labels.numbers_and + numbers[-1]
    template = labels.items_provisional if items[0].provisional else labels.items
    return (labels.new_york_items if new_york else template).format(numbers=joined)


def front(report: Report, pack: LanguagePack, add_note: AddNote) -> ResolvedFront:
    """The lines under the masthead; the agenda labels' runs may hold a note's mark, not yet settled."""
    r = report
    agenda: list[AgendaLine] = []
    joined = r.agenda_label is AgendaLabel.JOINED and len(r.agenda_items) > 1
    groups = [r.agenda_items] if joined else [(item,) for item in r.agenda_items]
    for index, group in enumerate(groups):
        label: list[PendingRun] = [agenda_label(report, pack, group)]
        # The provisional agenda's symbol is a note on the first item's line.
        # (Not printed in the Official Records front matter, which has no agenda lines.)
        if index == 0 and r.agenda_symbol and group[0].provisional and r.official_records is None:
            label.append(add_note((r.agenda_symbol + pack.table.note_end,), NoteOrigin.AGENDA))
        for at, item in enumerate(group):  # on one line, the label prints over the first title only
            agenda.append(AgendaLine(label=tuple(label) if at == 0 else (),  # type: ignore[arg-type]
                                     title=pack.typeset(item.title)))
    session, place_and_dates = "", ""  # a session not given yet prints no line
    if r.session is not None:
        dates = pack.date_range(r.session.start, r.session.end)
        session = pack.table.session.format(ordinal=pack.ordinal(r.session.number),
                                            number=r.session.number)
        place_and_dates = dates if r.session.place is None else pack.table.place_and_dates.format(
            place=r.session.place, dates=dates)
    return ResolvedFront(
        parent_body=r.parent_body,
        body=r.body or "",
        session=session,
        place_and_dates=place_and_dates,
        agenda=tuple(agenda),
    )


def settled_front(unsettled: ResolvedFront, settle: Callable[[Iterable[PendingRun]], Runs]) -> ResolvedFront:
    """The lines under the masthead, their agenda labels' cross-references settled."""
    return ResolvedFront(
        parent_body=unsettled.parent_body,
        body=unsettled.body,
        session=unsettled.session,
        place_and_dates=unsettled.place_and_dates,
        agenda=tuple(AgendaLine(label=settle(a.label), title=a.title) for a in unsettled.agenda),
    )
