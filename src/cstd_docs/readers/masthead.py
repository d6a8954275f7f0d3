"""The masthead table read back: symbol, organ, distribution, date, language line, job number.

Unchanged (the same words as the base printed) it is the base's masthead; otherwise each
line is recognised by what it prints, in the report's language.
"""

from __future__ import annotations

import datetime
import itertools
import re

from attrs import define

from cstd_docs.lang import LanguagePack, available, language_pack
from cstd_docs.model import Distribution, Masthead
from cstd_docs.readers.base import Base
from cstd_docs.readers.dates import parse_date
from cstd_docs.readers.inlines import Context
from cstd_docs.readers.signature import ws
from cstd_docs.readers.visible import Visible
from cstd_docs.resolve import distribution_line

#: A printing-service job number: "GE.22-01234(E)", "NY.23-00012 (E)".
JOB_NUMBER = re.compile(r"[A-Z]{1,3}\.\d\d-\d{3,6}\s*(\([A-Z]\))?.*")


def guess_language(lines: list[str]) -> str | None:
    """The language whose fixed phrases the lines use most (English on a tie)."""
    best: tuple[int, int, str] | None = None
    for code in available():
        pack = language_pack(code)
        known = {pack.table.united_nations, *(distribution_line(d, pack) for d in Distribution)}
        own = {pack.table.united_nations, pack.table.annex, pack.table.main_findings, pack.table.suggestions}
        months = [str(m) for m in pack.table.months if len(str(m)) > 2 and not any(c.isdigit() for c in str(m))]
        score = sum(2 if line in own else 1 for line in lines if line in known or line in own)
        score += sum(1 for line in lines for m in months if m and m in line)
        rank = (score, 1 if code == "en" else 0, code)
        if score and (best is None or rank > best):
            best = rank
    return best[2] if best else None


@define
class _Lines:
    """What the masthead's lines said, line by line."""

    symbol: str | None
    organ: str | None = None
    distribution: Distribution | None = None
    date: datetime.date | None = None
    original: str | None = None
    single: bool | None = None
    job: str | None = None
    versions: tuple[str, ...] = ()


def masthead(ctx: Context, visible: Visible) -> Masthead:
    if ctx.base is not None and _unchanged(ctx.base, visible):
        return ctx.base.report.masthead  # the base's values, which print the same
    base = ctx.base.report.masthead if ctx.base is not None else None
    return _settle(ctx, visible, base, _read_lines(ctx, visible, base))


def _unchanged(base: Base, visible: Visible) -> bool:
    """The same words as the base printed (a line break inside a field splits a line in Word)."""
    mh = base.doc.masthead
    expected = [mh.united_nations, mh.symbol, mh.organ, mh.distribution, mh.date, mh.version_line, mh.language_line,
                mh.versions_line, mh.job_number]
    shown = " ".join([*visible.masthead_lines, visible.symbol or ""]).split()
    return sorted(shown) == sorted(" ".join(x for x in expected if x).split())


def _versions_lines(pack: LanguagePack) -> dict[str, tuple[str, ...]]:
    """Every "English, French, Russian and Spanish only" line: each set of two to five versions."""
    codes = sorted(available())
    return {
        line: chosen
        for size in range(2, len(codes))
        for chosen in itertools.combinations(codes, size)
        if (line := pack.versions_line(chosen)) is not None
    }


def _read_lines(ctx: Context, visible: Visible, base: Masthead | None) -> _Lines:
    pack = ctx.pack
    found = _Lines(visible.symbol)
    # ar, ru and zh print the masthead box (the date among it) in English: LanguagePack.masthead_date.
    box = language_pack(pack.table.masthead_language) if pack.table.masthead_language else pack
    dist_texts = {distribution_line(d, pack): d for d in Distribution}
    several = _versions_lines(pack)
    lines: dict[str, tuple[str, bool]] = {}
    for code in available():
        for flag in (False, True):
            lines.setdefault(pack.language_line(code, flag), (code, flag))
    fixed = {x for x in (pack.table.united_nations, pack.table.this_language, *dist_texts, *several, *lines) if x}
    for shown in _pieces(visible.masthead_lines, fixed, box):
        # ``shown`` is the value as printed, blanks and line breaks included (a symbol, an
        # organ, a job number); fixed lines are recognised without the blanks around them
        line = shown.strip()
        if not line or line in (pack.table.united_nations, pack.table.this_language):
            continue  # the version line follows from the language and the original's
        if line in dist_texts:
            found.distribution = dist_texts[line]
        elif line in several:
            found.versions = several[line]
        elif line in lines:
            found.original, found.single = lines[line]
        elif base is not None and base.date is not None and line == pack.masthead_date(base.date):
            found.date = base.date
        elif found.date is None and parse_date(line, box) is not None and not re.search(r"/", line):
            found.date = parse_date(line, box)
        elif JOB_NUMBER.fullmatch(line) or (
            base is not None and base.job_number is not None and ws(line) == ws(base.job_number)
        ) or (found.original is not None and found.job is None):  # the last line, after the language line
            found.job = shown
        elif found.symbol is None and (
            (base is not None and base.symbol is not None and ws(line) == ws(base.symbol))
            or (visible.symbol is None and found.organ is None and "/" in line and " " not in line)
        ):
            found.symbol = shown
        elif found.organ is None:
            found.organ = shown
        else:
            ctx.warn("masthead", f"a masthead line was not recognised: {line!r}", "it was left out")
    return found


def _pieces(lines: tuple[str, ...], fixed: set[str], box: LanguagePack) -> list[str]:
    """Each line, or its pieces between line breaks when one of them is a fixed line or a date
    (a draft may type "Distr.: General" BREAK "1 February 2022" in one paragraph)."""
    out: list[str] = []
    for line in lines:
        pieces = line.split("\n")
        named = len(pieces) > 1 and any(
            piece.strip() in fixed or JOB_NUMBER.fullmatch(piece.strip()) or parse_date(piece.strip(), box)
            for piece in pieces)
        out += pieces if named else [line]
    return out


def _settle(ctx: Context, visible: Visible, base: Masthead | None, found: _Lines) -> Masthead:
    """The masthead from what was found, the base (or defaults) filling in the rest."""
    date = found.date
    if date is None:
        if base is not None:
            date = base.date
        else:  # never today's date: a date made up would print as if the document bore it
            ctx.warn("masthead", "no date found in the masthead", "it was left empty: fill in masthead.date")
    if found.organ is None and base is None:
        ctx.warn("masthead", "no organ found in the masthead", "it was left empty: fill in masthead.organ")
    job, symbol, organ = found.job, found.symbol or None, found.organ  # "": the symbol's place was empty
    if base is not None:
        if job is not None and base.job_number is not None and ws(job) == ws(base.job_number):
            job = base.job_number
        if symbol is not None and base.symbol is not None and ws(symbol) == ws(base.symbol):
            symbol = base.symbol
        if organ is not None and base.organ is not None and ws(organ) == ws(ctx.pack.organ(base.organ)):
            organ = base.organ  # as the report wrote it, in whichever language
    if organ is not None and (base is None or organ != base.organ):
        organ = ctx.pack.organ_named(organ)  # a principal organ read back to its English key
    return Masthead(
        symbol=symbol,
        distribution=found.distribution or (base.distribution if base else Distribution.GENERAL),
        date=date,
        original_language=found.original or (base.original_language if base else ctx.language),
        single_language=found.single if found.single is not None else (base.single_language if base else False),
        organ=organ or (base.organ if base else None),
        job_number=job,
        versions=found.versions or (base.versions if base is not None and not visible.masthead_lines else ()),
    )
