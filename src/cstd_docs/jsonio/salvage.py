"""Every problem in one round: the rest of a file is checked even where some values have the wrong shape.

A value of the wrong shape stops the model from being built, and with it the checks of ids,
references and citations. So each wrong value is replaced, in a copy of the data, by a
neutral stand-in of the right shape (a paragraph by a paragraph "·" keeping its id, a
run of text by "·"); the copy is built and checked, and its problems outside the
replaced places are reported with the shape problems. Where no stand-in fits (the whole
registry is wrong), only the shape problems are reported.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from cstd_docs import model as m
from cstd_docs.errors import Problem
from cstd_docs.jsonio.places import Segment, parse_path
from cstd_docs.model import Report

_TEXT = "·"
_DAY = "2000-01-01"
#: The stand-in of an item of each list, by the list's key.
_ITEMS: dict[str, Any] = {
    "content": {"text": _TEXT},  # unnumbered text for unnumbered text (see _stand_in)
    "main_findings": {"text": _TEXT},
    "subparagraphs": {"text": _TEXT},
    "courses": {"text": _TEXT},
    "sections": {"title": _TEXT},
    "subsections": {"title": _TEXT},
    "chapters": {"title": _TEXT},
    "annexes": {"title": _TEXT},
    "suggestions": {"addressee": _TEXT, "courses": [{"text": _TEXT}]},
    "agenda_items": {"number": 1, "title": _TEXT},
    "participants": {"kind": "organization", "name": _TEXT},
    # Items of a run of text.
    "text": _TEXT, "title": _TEXT, "unnumbered": _TEXT, "theme": _TEXT, "note": _TEXT, "subtitles": _TEXT,
}
#: Stand-ins of required fields outside lists (a field with a default is removed instead).
_FIELDS: dict[tuple[str, ...], Any] = {
    ("masthead",): {"date": _DAY},
    ("masthead", "date"): _DAY,
    ("session",): {"number": 1, "place": _TEXT, "start": _DAY, "end": _DAY},
    ("session", "number"): 1,
    ("session", "place"): _TEXT,
    ("session", "start"): _DAY,
    ("session", "end"): _DAY,
    ("title",): _TEXT,
    ("body",): _TEXT,
}
#: Where a wrong field may simply be dropped: it has a default, and holds no id anything refers to.
_DEFAULTED = {"masthead", "session", "language", "$schema", "agenda_symbol", "first_page_notes", "subtitles",
              "agenda_items"}
_REPORT_KEYS = {"$schema" if f.name == "schema" else f.name for f in attrs.fields(Report)}


#: The classes an object may be, by the key of the list (or field) that holds it.
_CLASSES: dict[str, tuple[type, ...]] = {
    "content": (m.Paragraph, m.UnnumberedText),
    "main_findings": (m.Paragraph, m.UnnumberedText),
    "subparagraphs": (m.Subparagraph,),
    "courses": (m.Subparagraph,),
    "sections": (m.Section, m.Findings),
    "subsections": (m.Subsection,),
    "chapters": (m.Chapter,),
    "annexes": (m.Annex,),
    "suggestions": (m.Suggestion,),
    "agenda_items": (m.AgendaItem,),
    "participants": (m.Person, m.Delegation, m.Organization),
    "masthead": (m.Masthead,),
    "session": (m.Session,),
}


def _without_unknown_fields(data: dict[str, Any], path: tuple[Segment, ...]) -> bool:
    """Drop the keys no class of its place has from the object at ``path``; False if none were dropped.

    The object stays, so that its own ids, references and citations are still checked.
    """
    node = _get(data, path)
    holder = path[-2] if len(path) >= 2 and (isinstance(path[-1], int) or path[-2] == "participants") else (
        path[-1] if path else None
    )
    classes = _CLASSES.get(str(holder))
    if not isinstance(node, dict) or classes is None:
        return False
    allowed = {f.name for cls in classes for f in attrs.fields(cls)} | {"kind"}
    unknown = [key for key in node if key not in allowed]
    for key in unknown:
        del node[key]
    return bool(unknown)


def _stand_in(data: dict[str, Any], path: tuple[Segment, ...]) -> tuple[Segment, ...] | None:
    """Replace the wrong value at ``path`` (or the item holding it) in ``data``; the replaced path."""
    if not path:  # unknown fields of the report itself
        for unknown in [k for k in data if k not in _REPORT_KEYS]:
            del data[unknown]
        return path
    for end in range(len(path), 1, -1):  # the deepest list item that has a stand-in
        key, index = path[end - 2], path[end - 1]
        if key in _ITEMS and (isinstance(index, int) or key == "participants"):
            parent = _get(data, path[: end - 1])
            if isinstance(parent, (list, dict)):
                old = parent[index] if _holds(parent, index) else None  # type: ignore[index]
                new = copy.deepcopy(_ITEMS[str(key)])
                if isinstance(old, dict) and "unnumbered" in old and new == {"text": _TEXT}:
                    new = {"unnumbered": _TEXT}  # a reference to it stays a reference to unnumbered text
                if isinstance(new, dict) and isinstance(old, dict) and isinstance(old.get("id"), str):
                    new["id"] = old["id"]  # so that references to it stay known
                parent[index] = new  # type: ignore[index]
                return path[:end]
    names = tuple(str(s) for s in path)
    for end in range(len(names), 0, -1):
        parent = _get(data, path[: end - 1])
        if isinstance(parent, dict) and names[:end] in _FIELDS:
            parent[names[end - 1]] = copy.deepcopy(_FIELDS[names[:end]])
            return path[:end]
        if isinstance(parent, dict) and end == len(names) and path[0] in _DEFAULTED:
            parent.pop(names[end - 1], None)  # a field with a default
            return path
    return None


def _holds(container: list[Any] | dict[str, Any], index: Segment) -> bool:
    if isinstance(container, list):
        return isinstance(index, int) and 0 <= index < len(container)
    return index in container


def _get(data: Any, path: tuple[Segment, ...]) -> Any:
    for segment in path:
        if not isinstance(data, (list, dict)) or not _holds(data, segment):
            return None
        data = data[segment]  # type: ignore[index]
    return data


def _under(path: str, replaced: Iterable[str]) -> bool:
    return any(path == r or path.startswith((r + ".", r + "[")) for r in replaced)


def _format(path: tuple[Segment, ...]) -> str:
    """A path as problems name it: ``$.participants['x'].name``, ``$.chapters[0]``."""
    text = "$"
    for at, segment in enumerate(path):
        if isinstance(segment, int):
            text += f"[{segment}]"
        elif at and path[at - 1] == "participants":
            text += f"[{segment!r}]"
        else:
            text += f".{segment}"
    return text


#: Structures and checks report data: (its shape problems, then its other problems).
Build = Callable[[dict[str, Any]], tuple[list[Problem], list[Problem]]]


def other_problems(data: dict[str, Any], shape: list[Problem], build: Build) -> list[Problem]:
    """The problems of the rest of a file whose ``shape`` problems stopped its model being built."""
    work = copy.deepcopy(data)
    replaced: list[str] = []
    problems = shape
    for _ in range(3):  # a stand-in may uncover a wrong value it covered; a few rounds settle it
        for problem in problems:
            path = parse_path(problem.path)
            if path and problem.message.startswith("unknown field") and _without_unknown_fields(work, path):
                continue
            done = None if path is None else _stand_in(work, path)
            if done is None:
                return []
            replaced.append(_format(done))
        problems, found = build(work)
        if not problems:
            return [p for p in found if not _under(p.path, replaced)]
    return []
