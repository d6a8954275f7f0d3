"""Reading and writing reports as JSON: the hand-editable, lossless form.

The canonical form is UTF-8, keys in model order, two-space indent, non-ASCII kept and a
final newline; loading a canonical file and dumping it gives back the same bytes.
"""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Any

import attrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from cstd_docs.errors import Problem, ReportError
from cstd_docs.jsonio.converter import converter, json_name
from cstd_docs.jsonio.input_errors import MAX_ITEM_ERRORS, InputError, error_budget
from cstd_docs.jsonio.limits import MAX_FILE_SIZE, limit_problem, size_problem
from cstd_docs.model import Report
from cstd_docs.model.check import check
from cstd_docs.model.sound import check_once
from cstd_docs.outputs import write_atomically
from cstd_docs.perf import gc_paused

__all__ = ["dump", "dumps", "load", "loads", "report_from_data", "report_to_data"]

def _duplicate_keys_are_errors(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _field_names(cls: type) -> list[str]:
    if attrs.has(cls):
        return [json_name(f) for f in attrs.fields(cls)]
    return []


def _json_key(cls: type, name: str) -> str:
    """The JSON key of field ``name`` of ``cls`` (its name when ``cls`` has no such field)."""
    if attrs.has(cls):
        for field in attrs.fields(cls):
            if field.name == name:
                return json_name(field)
    return name


def _problem_for(error: BaseException, path: str, cls: object) -> Problem:
    if isinstance(error, ForbiddenExtraKeysError):
        import difflib  # only for bad input: not worth 1.5 ms of every start

        known = _field_names(error.cl)
        extras = sorted(error.extra_fields)
        hints = []
        for extra in extras:
            close = difflib.get_close_matches(extra, known, n=1)
            if close:
                hints.append(f"{extra!r}: did you mean {close[0]!r}?")
        if "languages" in extras and "language" in known:
            hints = ["a report has one 'language' (render each language from a file of its own); "
                     "\"English only\" is the masthead's 'single_language'"]
        hint = " ".join(hints) or f"allowed fields: {', '.join(known)}"
        return Problem(path, f"unknown field{'s' if len(extras) > 1 else ''} {', '.join(map(repr, extras))}", hint)
    if isinstance(error, KeyError):
        return Problem(path, "required field is missing", "add it")
    if isinstance(error, InputError):
        return Problem(path, str(error), error.hint)
    if isinstance(error, ValueError) and isinstance(cls, type) and issubclass(cls, enum.Enum):
        allowed = ", ".join(repr(e.value) for e in cls)
        return Problem(path, f"not one of the allowed values: {error}", f"use one of {allowed}")
    if isinstance(error, TypeError) and "missing" in str(error) and "required" in str(error):
        # attrs __init__ without detailed keys: "missing 1 required positional argument: 'title'"
        name = str(error).rsplit(":", 1)[-1].strip().strip("'")
        return Problem(f"{path}.{name}", "required field is missing", "add it")
    return Problem(path, str(error) or type(error).__name__, "see docs/json-format.md for what belongs here")


def _problems(error: BaseException, path: str = "$", cls: object = None) -> list[Problem]:
    """Flatten cattrs' nested validation errors into problems with JSON paths."""
    problems: list[Problem] = []
    if isinstance(error, (IterableValidationError, ClassValidationError)):
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            if isinstance(error, IterableValidationError):
                index = getattr(note, "index", "?")
                here = f"{path}[{index!r}]" if isinstance(index, str) else f"{path}[{index}]"
            else:
                here = f"{path}.{_json_key(error.cl, str(getattr(note, 'name', '?')))}"
            problems.extend(_problems(sub, here, note.type))
        for sub in without:
            problems.extend(_problems(sub, path, error.cl))
    else:
        problems.append(_problem_for(error, path, cls))
    return problems


@gc_paused
def report_from_data(data: object, *, source: str | None = None, text: str | None = None) -> Report:
    """Build a report from parsed JSON data, checking everything; raise ReportError.

    ``text``, the JSON the data was parsed from, gives each problem its line.
    """
    if not isinstance(data, dict):
        raise ReportError([Problem("$", "a report file must hold one JSON object", 'start with "{"')], source=source)
    too_big = limit_problem(data)
    if too_big is not None:
        raise ReportError([too_big], source=source)
    try:
        with error_budget():
            report = converter().structure(data, Report)
    except (ClassValidationError, IterableValidationError, InputError, ForbiddenExtraKeysError) as error:
        shape = _problems(error, "$", Report)
        raise _placed(shape + _other_problems(data, shape), data, text, source) from None
    except RecursionError:
        raise ReportError.single("$", "the file nests too deeply to be a report", "flatten it") from None
    problems = check_once(report)  # remembered: resolving it next need not check it again
    if problems:
        raise _placed(problems, data, text, source)
    return report


def _other_problems(data: dict[str, Any], shape: list[Problem]) -> list[Problem]:
    """Ids, references, citations of the rest of the file, so that one round lists every problem."""
    if len(shape) >= MAX_ITEM_ERRORS:  # a file wrong throughout: its pattern is the news
        return []
    from cstd_docs.jsonio.salvage import other_problems

    def build(work: dict[str, Any]) -> tuple[list[Problem], list[Problem]]:
        try:
            with error_budget():
                report = converter().structure(work, Report)
        except (ClassValidationError, IterableValidationError, InputError, ForbiddenExtraKeysError) as error:
            return _problems(error, "$", Report) or [Problem("$", "?")], []
        except (RecursionError, ReportError):
            return [Problem("$", "?")], []
        return [], check(report)

    return other_problems(data, shape, build)


def _placed(problems: list[Problem], data: object, text: str | None, source: str | None) -> ReportError:
    from cstd_docs.jsonio.places import placed  # only for a file with problems

    return ReportError(placed(problems, data, text), source=source)


def report_to_data(report: Report) -> dict[str, Any]:
    data: dict[str, Any] = converter().unstructure(report, Report)
    return data


def _decode(raw: bytes, source: str | None) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and (raw[0] == 0 or raw[1] == 0)):
        raise ReportError.single("$", "the file is UTF-16, not UTF-8", "save it as UTF-8 without a BOM")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a BOM is harmless; editors on Windows add one
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ReportError.single(
            f"line {line}",
            f"byte 0x{raw[error.start]:02X} is not UTF-8",
            "save the file as UTF-8 (it looks like Latin-1 or Windows-1252)",
        ) from None


@gc_paused
def loads(text: str | bytes, *, source: str | None = None) -> Report:
    """Parse a report from JSON text; raise ReportError listing every problem."""
    too_big = size_problem(len(text))
    if too_big is not None:
        raise ReportError([too_big], source=source)
    if isinstance(text, bytes):
        text = _decode(text, source)
    elif text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = json.loads(text, object_pairs_hook=_duplicate_keys_are_errors)
    except _DuplicateKey as error:
        raise ReportError.single("$", f"key {error.key!r} appears twice in one object", "keep one") from None
    except json.JSONDecodeError as error:
        from cstd_docs.jsonio.syntax import syntax_problem  # only for a broken file

        raise ReportError([syntax_problem(text, error)], source=source) from None
    except RecursionError:
        raise ReportError.single("$", "the file nests too deeply to be a report", "flatten it") from None
    except ValueError as error:  # after JSONDecodeError, its subclass: a number of 5,000 digits
        raise ReportError.single("$", f"not valid JSON: {error}", "numbers in a report have a few digits") from None
    return report_from_data(data, source=source, text=text)


def load(path: str | Path) -> Report:
    """Read a report from a JSON file."""
    path = Path(path)
    try:
        too_big = size_problem(path.stat().st_size)  # a huge file is refused unread
        if too_big is None:
            with open(path, "rb") as handle:  # bounded: /dev/zero or a pipe has no size to stat
                raw = handle.read(MAX_FILE_SIZE + 1)
            too_big = size_problem(len(raw))
        if too_big is not None:
            raise ReportError([too_big], source=str(path))
    except OSError as error:
        raise ReportError.single(
            str(path), f"cannot read the file: {error.strerror or error}", "check the path and that it is a file"
        ) from None
    try:
        return loads(raw, source=str(path))  # decoded once: a second BOM is an error
    except ReportError as error:
        if error.source is None:
            raise ReportError(error.problems, source=str(path)) from None
        raise


def dumps(report: Report) -> str:
    """The canonical JSON text of a report."""
    return json.dumps(report_to_data(report), ensure_ascii=False, indent=2) + "\n"


def dump(report: Report, path: str | Path) -> None:
    """Write a report's canonical JSON, atomically."""
    problems = check(report)
    if problems:
        raise ReportError(problems)
    write_atomically(Path(path), dumps(report).encode("utf-8"))
