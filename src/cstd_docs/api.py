"""The functions a script needs, offered at the package's top level (``cstd_docs.render_docx``).

Each checks its arguments first, so that a wrong one is a :class:`~cstd_docs.errors.ReportError`
naming it (``render_docx: report: expected a Report, got str 'report.json'``), never an
``AttributeError`` from inside the library; then it calls the module that does the work,
imported on first use so that ``import cstd_docs`` stays fast.

``docs/api.md`` is generated from this module's docstrings by ``scripts/api_docs.py``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from cstd_docs.errors import Problem, ReadWarning, ReportError

if TYPE_CHECKING:
    from cstd_docs.changes import Change
    from cstd_docs.model import Report
    from cstd_docs.resolve.document import ResolvedReport

__all__ = [
    "diff",
    "diff_text",
    "docx_bytes",
    "dump",
    "dumps",
    "load",
    "loads",
    "read_docx",
    "read_markdown",
    "render_docx",
    "render_markdown",
    "render_pdf",
]

PathLike = str | os.PathLike[str]

#: Endings that make read_markdown's one-line text a file's name (a draft has many lines).
_FILE_SUFFIXES = (".md", ".markdown", ".txt", ".docx", ".json")


def _shown(value: object) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 40 else text[:39] + '…'}"


def _wrong(function: str, name: str, expected: str, value: object, hint: str) -> ReportError:
    return ReportError.single(f"{function}: {name}", f"expected {expected}, got {_shown(value)}", hint)


def _report(function: str, value: object, name: str = "report", *, resolved: bool = True) -> None:
    from cstd_docs.model import Report

    if isinstance(value, Report):
        import attrs

        attrs.validate(value)  # its registry is a dict, which may have changed since the report was built
        return
    if resolved:
        from cstd_docs.resolve.document import ResolvedReport

        if isinstance(value, ResolvedReport):
            return
    hint = "read a file first: cstd_docs.load(path)" if isinstance(value, (str, os.PathLike)) else (
        "build one with cstd_docs.model.Report(…), or read one with cstd_docs.load(path)"
    )
    raise _wrong(function, name, "a Report", value, hint)


def _path(function: str, value: object, name: str, *, optional: bool = False) -> Path | None:
    if value is None and optional:
        return None
    if isinstance(value, (str, os.PathLike)) and not isinstance(value, bytes):
        path = os.fspath(value)
        if isinstance(path, str) and path and "\0" not in path:
            return Path(path)
    expected = "a file path (str or pathlib.Path)" + (" or None" if optional else "")
    raise _wrong(function, name, expected, value, 'write e.g. "report.docx"')


def _flag(function: str, value: object, name: str) -> None:
    if not isinstance(value, bool):
        raise _wrong(function, name, "True or False", value, "write True or False")


def _warnings(function: str, value: object) -> None:
    if value is not None and not isinstance(value, list):
        raise _wrong(function, "warnings", "a list (to receive the warnings) or None", value, "pass warnings=[]")


@contextlib.contextmanager
def _placing(report: Report | ResolvedReport) -> Iterator[None]:
    """Problems of a report built in Python name the paragraph too, as those of a file do."""
    try:
        yield
    except ReportError as error:
        if not any(p.path.startswith("$") and p.place is None for p in error.problems):
            raise
        from cstd_docs.jsonio import report_to_data
        from cstd_docs.jsonio.places import placed
        from cstd_docs.resolve.document import ResolvedReport

        source = report.source if isinstance(report, ResolvedReport) else report
        raise ReportError(placed(error.problems, report_to_data(source), None), source=error.source) from None


def load(path: PathLike) -> Report:
    """Read a report from a JSON file.

    Raises ReportError listing every problem, each with its JSON path and line.
    """
    from cstd_docs.jsonio import load as _load

    return _load(_path("load", path, "path"))  # type: ignore[arg-type]


def loads(text: str | bytes) -> Report:
    """Read a report from JSON text (a str, or UTF-8 bytes)."""
    if not isinstance(text, (str, bytes)):
        raise _wrong("loads", "text", "JSON text (str or bytes)", text, "to read a file, use cstd_docs.load(path)")
    from cstd_docs.jsonio import loads as _loads

    return _loads(text)


def dump(report: Report, path: PathLike) -> None:
    """Write a report's canonical JSON to ``path``, atomically (after checking the report)."""
    _report("dump", report, resolved=False)
    target = _path("dump", path, "path")
    from cstd_docs.jsonio import dump as _dump

    with _placing(report):
        _dump(report, target)  # type: ignore[arg-type]


def dumps(report: Report) -> str:
    """The canonical JSON text of a report: UTF-8, keys in model order, two-space indent."""
    _report("dumps", report, resolved=False)
    from cstd_docs.jsonio import dumps as _dumps

    return _dumps(report)


def _word_options(function: str, reference_docx: object, emblem: object) -> None:
    _path(function, reference_docx, "reference_docx", optional=True)
    _path(function, emblem, "emblem", optional=True)


def render_docx(
    report: Report | ResolvedReport,
    path: PathLike,
    *,
    reference_docx: PathLike | None = None,
    emblem: PathLike | None = None,
) -> None:
    """Write the report as a Word draft in the UN Geneva layout to ``path``, atomically.

    ``reference_docx``: take styles, page setup and heads from this .docx/.dotx (e.g. the
    UN template). ``emblem``: an image (PNG, JPEG) for the masthead's first cell.
    """
    _report("render_docx", report)
    target = _path("render_docx", path, "path")
    _word_options("render_docx", reference_docx, emblem)
    from cstd_docs.writers.docx import render_docx as _render

    with _placing(report):
        _render(report, target, reference_docx=reference_docx, emblem=emblem)  # type: ignore[arg-type]


def docx_bytes(
    report: Report | ResolvedReport, *, reference_docx: PathLike | None = None, emblem: PathLike | None = None
) -> bytes:
    """The Word draft as bytes (to send or store without a file); options as for ``render_docx``."""
    _report("docx_bytes", report)
    _word_options("docx_bytes", reference_docx, emblem)
    from cstd_docs.writers.docx import docx_bytes as _bytes

    with _placing(report):
        return _bytes(report, reference_docx=reference_docx, emblem=emblem)


def render_markdown(
    report: Report | ResolvedReport, *, template_dir: PathLike | None = None, embed_source: bool = True
) -> str:
    """The report as Markdown, in the structure of the official document.

    ``template_dir``: a folder of Jinja2 templates overriding the built-in ones (sandboxed).
    ``embed_source``: end with an HTML comment carrying the source report, so that
    ``read_markdown`` gets ids, registry and dates back.
    """
    _report("render_markdown", report)
    _path("render_markdown", template_dir, "template_dir", optional=True)
    _flag("render_markdown", embed_source, "embed_source")
    from cstd_docs.writers.markdown import render_markdown as _render

    folder = None if template_dir is None else Path(template_dir)
    with _placing(report):
        return _render(report, template_dir=folder, embed_source=embed_source)


def render_pdf(
    report: Report | ResolvedReport,
    path: PathLike,
    *,
    reference_docx: PathLike | None = None,
    emblem: PathLike | None = None,
) -> None:
    """Write the report as PDF (the Word draft converted by LibreOffice) to ``path``, atomically.

    LibreOffice is looked for in CSTD_SOFFICE, on PATH, then where it installs itself on
    Windows and macOS.
    """
    _report("render_pdf", report)
    target = _path("render_pdf", path, "path")
    _word_options("render_pdf", reference_docx, emblem)
    from cstd_docs.writers.pdf import render_pdf as _render

    with _placing(report):
        _render(report, target, reference_docx=reference_docx, emblem=emblem)  # type: ignore[arg-type]


@contextlib.contextmanager
def _reported(warnings: list[Problem] | None) -> Iterator[list[Problem]]:
    """The caller's list, or one whose problems are issued as :class:`ReadWarning` s at the end,
    so that a script that passes no list still hears what was not kept."""
    if warnings is not None:
        yield warnings
        return
    collected: list[Problem] = []
    yield collected
    import warnings as _python

    for problem in collected:
        _python.warn(str(problem), ReadWarning, stacklevel=4)


def read_docx(path: PathLike | bytes, *, warnings: list[Problem] | None = None) -> Report:
    """The report an edited Word draft shows (a path, or the file's bytes).

    What cannot be mapped back is appended to ``warnings``, each with its place; without a
    list, each is issued as a :class:`~cstd_docs.errors.ReadWarning` (Python's ``warnings``).
    """
    if not isinstance(path, bytes):
        _path("read_docx", path, "path")
    _warnings("read_docx", warnings)
    from cstd_docs.readers import read_docx as _read

    with _reported(warnings) as collected:
        return _read(path, warnings=collected)


def read_markdown(text: str, *, warnings: list[Problem] | None = None) -> Report:
    """The report a Markdown draft shows (its text, not its path); unmapped parts go to ``warnings``
    (without a list, each is issued as a :class:`~cstd_docs.errors.ReadWarning`).

    A file's name given as the text is refused: it would read as a draft holding one line.
    """
    hint = "read the file first: read_markdown(Path(p).read_text(encoding='utf-8'))"
    if not isinstance(text, str):
        raise _wrong("read_markdown", "text", "Markdown text (str)", text, hint)
    if "\n" not in text and Path(text.strip()).suffix.lower() in _FILE_SUFFIXES:
        raise _wrong("read_markdown", "text", "Markdown text, not a file's name", text, hint)
    _warnings("read_markdown", warnings)
    from cstd_docs.readers import read_markdown as _read

    with _reported(warnings) as collected:
        return _read(text, warnings=collected)


def diff(old: Report, new: Report) -> list[Change]:
    """The paragraphs added, removed, moved or edited from ``old`` to ``new``.

    Each :class:`~cstd_docs.changes.Change` names the paragraph's id and its number in each
    version; ``cstd_docs.diff_text(changes)`` gives one line per change.
    """
    _report("diff", old, "old", resolved=False)
    _report("diff", new, "new", resolved=False)
    from cstd_docs.changes import diff_reports

    return diff_reports(old, new)


def diff_text(changes: list[Change]) -> str:
    """One line per change, as ``cstd-docs diff`` prints them."""
    from cstd_docs.changes import Change, format_changes

    if not isinstance(changes, list) or not all(isinstance(c, Change) for c in changes):
        raise _wrong("diff_text", "changes", "the list cstd_docs.diff returned", changes, "pass diff(old, new)")
    return format_changes(changes)
