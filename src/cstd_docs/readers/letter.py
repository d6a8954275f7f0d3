"""The letter of transmittal read back (issue 13): its heading, paragraphs and signature block.

A format reader meets the letter between the lines under the masthead and the report's
title: a heading that reads as the language's "Letter dated {date} from {sender} addressed
to {addressee}". :class:`Reading` collects what follows it (paragraphs; lines that read as
"(Signed) {name}"; the signatories' title under them) until the title. :func:`letter` then
builds the model's letter, on the base's where the draft prints what the base printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cstd_docs.lang import LanguagePack
from cstd_docs.model import Inlines, Letter
from cstd_docs.readers.base import resolved_runs
from cstd_docs.readers.dates import parse_date
from cstd_docs.readers.inlines import Context
from cstd_docs.readers.signature import runs_plain, signature, ws
from cstd_docs.readers.visible import VLetter, VRun, VRuns

__all__ = ["Reading", "letter"]


def _plain_form(text: str, pack: LanguagePack) -> str:
    """The text with the table's contractions undone ("au " → "à le "), as the template writes it."""
    for plain, contracted in pack.table.contractions.items():
        text = re.sub(r"(?<!\w)" + re.escape(contracted), plain.replace("\\", "\\\\"), text)
    return text


def _pattern(template: str, *, exact: bool = False, **groups: str) -> re.Pattern[str]:
    """The template as a pattern. ``exact``: its spaces as printed, so that the values keep every
    character (blanks at either end, line breaks); else any blanks between words, for text typed by
    hand, matched against its :func:`ws` form."""
    pattern = re.escape(template)
    for name, group in groups.items():
        pattern = pattern.replace(re.escape("{" + name + "}"), f"(?P<{name}>{group})")
    return re.compile(pattern, re.DOTALL) if exact else re.compile(pattern.replace(re.escape(" "), r"\s+"))


def heading_parts(text: str, pack: LanguagePack) -> tuple[str, str, str] | None:
    """(date, sender, addressee) as a letter's heading prints them; None for any other text."""
    template = _plain_form(pack.table.letter_title, pack)
    months = "|".join(re.escape(str(month)) for month in pack.table.months)
    # A day the language names apart ("1er" in French) as well as its digits.
    days = "|".join([*(re.escape(name) for name in pack.table.day_names.values()), r"\d{1,2}"])
    date = re.escape(pack.table.date).replace(re.escape("{day}"), f"(?:{days})").replace(
        re.escape("{year}"), r"\d{4}").replace(re.escape("{month}"), f"(?:{months})").replace(re.escape(" "), r"\s+")
    found = (_pattern(template, exact=True, date=date, sender=".+?", addressee=".+?").fullmatch(_plain_form(text, pack))
             or _pattern(template, date=date, sender=".+?", addressee=".+?").fullmatch(_plain_form(ws(text), pack)))
    return (found["date"], found["sender"], found["addressee"]) if found else None


def _signed_name(line: str, pack: LanguagePack) -> str | None:
    """The name of a line that reads "(Signed) {name}": every character of it as printed, else
    (a line typed by hand) its words."""
    exact = _pattern(pack.table.signed, exact=True, name=".+").fullmatch(line)
    if exact is not None:
        return exact["name"]
    loose = _pattern(pack.table.signed, name=".+").fullmatch(ws(line))
    return loose["name"].strip() if loose is not None else None


class Reading:
    """A letter being read, line by line, after its heading."""

    def __init__(self, heading: str, pack: LanguagePack) -> None:
        self.heading = heading
        self.pack = pack
        self.paragraphs: list[VRuns] = []
        self.signatures: list[str] = []
        self.title: list[str] = []

    def signs(self, runs: Sequence[VRun]) -> bool:
        """Whether the line reads "(Signed) {name}": the signature block starts there."""
        return _signed_name(runs_plain(runs), self.pack) is not None

    def line(self, runs: Sequence[VRun]) -> None:
        printed = runs_plain(runs)
        text = ws(printed)
        if _signed_name(printed, self.pack) is not None:
            self.signatures.append(printed)  # as printed: a name keeps its blanks
        elif self.signatures:
            self.title.append(printed)  # every character of it, its line breaks too
        elif text:
            self.paragraphs.append(tuple(runs))

    def done(self) -> VLetter:
        return VLetter(self.heading, tuple(self.paragraphs), tuple(self.signatures), tuple(self.title))


def letter(ctx: Context, shown: VLetter | None) -> Letter | None:
    """The letter the draft shows, on the base's letter where it prints the same heading and text."""
    if shown is None:
        return None
    base = ctx.base.report.letter if ctx.base is not None else None
    printed = ctx.base.doc.letter if ctx.base is not None else None
    names = tuple(name for line in shown.signatures if (name := _signed_name(line, ctx.pack)) is not None)
    if base is not None and printed is not None and ws(printed.heading) == ws(shown.heading):
        date, sender, addressee = base.date, base.sender, base.addressee
    else:
        parts = heading_parts(shown.heading, ctx.pack)
        day = parse_date(parts[0], ctx.pack) if parts is not None else None
        if parts is None or day is None:
            ctx.warn("letter", f"the letter's heading was not read: {shown.heading[:80]!r}",
                     f"write it as {ctx.pack.table.letter_title!r}; the letter was left out")
            return None
        date, sender, addressee = day, parts[1], parts[2]
    title = "\n".join(shown.title_lines) or None
    if base is not None and printed is not None and _same_lines(printed.signatures, shown.signatures) \
            and _same_lines((printed.signatory_title or "",), (title or "",)):
        # What a format cannot print exactly (a carriage return in a name) is the base's, as printed
        names, title = base.signatories, base.signatory_title
    return Letter(date=date, sender=sender, addressee=addressee, paragraphs=_paragraphs(ctx, shown),
                  signatories=names, signatory_title=title)


def _same_lines(printed: Sequence[str], shown: Sequence[str]) -> bool:
    return len(printed) == len(shown) and all(ws(a) == ws(b) for a, b in zip(printed, shown, strict=True))


def _paragraphs(ctx: Context, shown: VLetter) -> tuple[Inlines, ...]:
    """Each paragraph as the base wrote it where it prints the same, else as read."""
    kept: dict[object, Inlines] = {}
    if ctx.base is not None and ctx.base.report.letter is not None and ctx.base.doc.letter is not None:
        for inlines, runs in zip(ctx.base.report.letter.paragraphs, ctx.base.doc.letter.paragraphs, strict=True):
            kept.setdefault(signature(resolved_runs(runs, ctx.base.doc.notes)), inlines)
    return tuple(kept.get(signature(list(runs))) or ctx.inlines(runs) for runs in shown.paragraphs)
