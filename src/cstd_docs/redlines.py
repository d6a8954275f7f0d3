"""Redlines: what changed from one version of a report to the next, for review (docs/redline.md).

``cstd_docs.redline`` is :func:`redline` (this module is ``redlines``, so as not to hide it).

``redline(old, new, path)`` writes a Word document (the new version in the UN layout with
tracked changes against the old one) or, for a ``.md`` path, Markdown with CriticMarkup.
Accepting every revision gives the new version's rendering; rejecting every one, the old's.
"""

from __future__ import annotations

import datetime
import getpass
import os
from pathlib import Path

from cstd_docs.errors import Problem, ReportError
from cstd_docs.model import Report

__all__ = ["default_author", "redline", "redline_docx_bytes", "redline_markdown", "revision_date"]

#: The author of the revisions when the environment names no user.
FALLBACK_AUTHOR = "cstd-docs"


def default_author() -> str:
    """The user's name from the environment (LOGNAME, USER, … as ``getpass`` reads them)."""
    try:
        return getpass.getuser() or FALLBACK_AUTHOR
    except (OSError, KeyError):  # no variable set and no password entry for the uid
        return FALLBACK_AUTHOR


def revision_date(when: datetime.date | datetime.datetime) -> str:
    """The ``w:date`` of a revision: a UTC timestamp, midnight for a date."""
    if not isinstance(when, datetime.datetime):
        when = datetime.datetime(when.year, when.month, when.day, tzinfo=datetime.UTC)
    elif when.tzinfo is not None:
        when = when.astimezone(datetime.UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def redline_docx_bytes(
    old: Report,
    new: Report,
    *,
    author: str | None = None,
    date: datetime.date | datetime.datetime | None = None,
    reference_docx: str | os.PathLike[str] | None = None,
    emblem: str | os.PathLike[str] | None = None,
) -> bytes:
    """The .docx of ``new`` with Word revisions against ``old``.

    ``author`` defaults to the user's name (:func:`default_author`), ``date`` to the new
    version's masthead date.
    """
    from cstd_docs.resolve import resolve
    from cstd_docs.writers.docx import NO_DATE, story_bytes
    from cstd_docs.writers.docx.redline import Redline, plain_references
    from cstd_docs.writers.docx.revisions import Revisions

    revisions = Revisions(author if author is not None else default_author(),
                          revision_date(date if date is not None else new.masthead.date or NO_DATE))
    story = Redline(plain_references(resolve(old)), revisions)
    return story_bytes(plain_references(resolve(new)), story, reference_docx=reference_docx, emblem=emblem)


def redline_markdown(old: Report, new: Report) -> str:
    """The new version's Markdown with CriticMarkup against the old one's."""
    from cstd_docs.writers.markdown import render_markdown
    from cstd_docs.writers.redline_markdown import critic_markup

    return critic_markup(render_markdown(old, embed_source=False), render_markdown(new, embed_source=False))


def redline(
    old: Report,
    new: Report,
    path: str | os.PathLike[str],
    *,
    author: str | None = None,
    date: datetime.date | datetime.datetime | None = None,
    reference_docx: str | os.PathLike[str] | None = None,
    emblem: str | os.PathLike[str] | None = None,
) -> None:
    """Write the redline to ``path``, atomically: .docx (tracked changes) or .md (CriticMarkup)."""
    from cstd_docs.outputs import write_atomically

    _arguments(old=old, new=new, path=path, author=author, date=date, reference_docx=reference_docx, emblem=emblem)
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".docx":
        data = redline_docx_bytes(old, new, author=author, date=date, reference_docx=reference_docx, emblem=emblem)
    elif suffix in (".md", ".markdown"):
        if reference_docx is not None or emblem is not None:
            raise ReportError.single(str(target), "a reference document and an emblem apply to Word output",
                                     "write the redline to a .docx file, or leave them out")
        data = redline_markdown(old, new).encode("utf-8")
    else:
        raise ReportError.single(str(target), f"cannot write a redline as {suffix or 'a file without extension'}",
                                 "name the output .docx (Word tracked changes) or .md (CriticMarkup)")
    write_atomically(target, data)


def _arguments(**given: object) -> None:
    """The redline's arguments of the wrong type, named, before any work (as the top level's functions do)."""
    expected: dict[str, tuple[str, tuple[type, ...], bool]] = {
        "old": ("a Report (cstd_docs.load(path) reads one)", (Report,), False),
        "new": ("a Report (cstd_docs.load(path) reads one)", (Report,), False),
        "path": ("a file path (str or pathlib.Path)", (str, os.PathLike), False),
        "author": ("a name (str) or None", (str,), True),
        "date": ("a datetime.date or datetime.datetime, or None", (datetime.date,), True),
        "reference_docx": ("a file path or None", (str, os.PathLike), True),
        "emblem": ("a file path or None", (str, os.PathLike), True),
    }
    problems = [
        Problem(f"redline: {name}", f"expected {what}, got {type(value).__name__} {value!r:.40}",
                "see docs/api.md for redline's arguments")
        for name, value in given.items()
        for what, types, optional in [expected[name]]
        if not (isinstance(value, types) or (optional and value is None))
    ]
    if problems:
        raise ReportError(problems)
