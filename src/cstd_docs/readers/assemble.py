"""Build a report from what a document shows, using the embedded source (if any) as a base.

The visible document always wins. The base supplies what print does not show: ids
(matched to blocks by exact text, then by similarity), the participant registry, the
ISO dates and the language. A block whose text (with its notes) is exactly what the
base printed takes the base's inline content unchanged, so cross-references and
citations survive; an edited block is rebuilt from its visible text, its notes
becoming citations where their text is what the registry prints.

The stages, in order: the base (``base``), the pairing (``match``), the masthead
(``masthead``), the lines under it and the title (``front``), the body's tree (``body``),
then the cross-references whose target is gone (``refs``).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from cstd_docs.errors import Problem
from cstd_docs.lang import language_pack
from cstd_docs.model import DutyStation, FirstPageNotes, Report
from cstd_docs.readers import body, front, letter, masthead, official, refs
from cstd_docs.readers.base import Base, base_of
from cstd_docs.readers.coverage import Kind, Losses
from cstd_docs.readers.inlines import Context, context
from cstd_docs.readers.match import place
from cstd_docs.readers.numbers import clause_levels, schemes, with_schemes
from cstd_docs.readers.signature import runs_plain
from cstd_docs.readers.visible import BlockKind, VBlock, Visible, VNote, asterisk


def _count_numbers(losses: Losses, ctx: Context, blocks: Sequence[VBlock], *, foreign: bool) -> None:
    """What the coverage summary says of numbers: those the document printed, the annexes' labels, and
    the numbers that will print otherwise (readers/coverage.py)."""
    losses.foreign = foreign
    losses.printed.update(ctx.printed)
    losses.annex_labels += [(b.number, b.where) for b in blocks if b.kind is BlockKind.ANNEX]
    for where, change in ctx.relabelled:
        losses.add(Kind.NUMBER, where, change, words=0)


def assemble(visible: Visible, base: Report | None, warnings: list[Problem], source: str,
             resolved: Base | None = None, losses: Losses | None = None) -> Report:
    """The report ``visible`` shows, on ``base``; what could not be kept goes to ``warnings``.

    ``resolved`` is the base already resolved (``base_of(base)``), when the reader made it;
    ``losses`` is given the numbers the document printed (readers/numbers.py).
    """
    language = base.language if base else (masthead.guess_language(list(visible.masthead_lines)) or "en")
    pack = language_pack(language)
    if base is not None and resolved is None:
        resolved = base_of(base)
    ctx = context(resolved, visible.blocks, pack, language, source, warnings)
    # The Official Records front matter stands for the masthead and the lines under it (issue 14).
    shown = official.read(ctx, visible.official_records) if visible.official_records is not None else None
    if shown is not None and not visible.title and shown.title is not None:  # Word: the title page's
        visible = attrs.evolve(visible, title=shown.title, subtitles=tuple(shown.subtitles))
    the_masthead = masthead.masthead(ctx, visible) if shown is None else official.masthead(ctx, shown)
    the_front = front.front(ctx, visible) if shown is None else official.front(ctx, shown, runs_plain(visible.title))
    the_letter = letter.letter(ctx, visible.letter)
    title, subtitles = front.title_block(ctx, visible)
    blocks = clause_levels(visible.blocks, ctx.warn)
    placed = place(blocks, resolved.items if resolved is not None else (), ctx.anchors)
    summary, content, chapters, annexes = body.body(ctx, placed)
    if losses is not None:
        _count_numbers(losses, ctx, blocks, foreign=base is None)
    # the agenda's note may be the first page's only one: its mark ("*") counts too
    agenda_marks = any(isinstance(run, VNote) and asterisk(run) for line in visible.front_lines for run in line)
    first = FirstPageNotes.ASTERISKS if ctx.inline.custom_marks or agenda_marks else (
        base.first_page_notes if base else FirstPageNotes.NUMBERED)
    report = Report(
        schema=base.schema if base else None,
        language=language,
        # a layout prints no words to read it from: the source's, else what the page shows (Word's size)
        # or the agenda label's form ("Agenda item 3" is New York's): Markdown shows no page
        layout=base.layout if base else visible.duty_station or the_front.layout or DutyStation.GENEVA,
        masthead=the_masthead,
        parent_body=the_front.parent_body,
        body=the_front.body,
        session=the_front.session,
        agenda_items=the_front.agenda_items,
        agenda_symbol=the_front.agenda_symbol,
        agenda_label=the_front.agenda_label,
        title=title,
        title_style=front.title_style(ctx, visible),
        subtitles=subtitles,
        first_page_notes=first,
        participants=dict(base.participants) if base else {},
        content=content,
        chapters=chapters,
        annexes=annexes,
        summary=summary,
        letter=the_letter,
        contents=official.contents(visible),
        official_records=None if shown is None else official.official_records(ctx, shown, the_masthead.date),
    )
    report = with_schemes(report, schemes(blocks), base)
    return refs.settle(report, resolved, ctx.inline.shown, ctx.warn)
