"""The places a person knows, beside a problem's JSON path: the line in the file, and the paragraph.

``$.chapters[1].sections[0].content[1]`` becomes "chapter II, section A, paragraph 7 (id
'components'), line 214". Lines come from one linear scan of the JSON text, done only when
there are problems to place; the printed numbers are counted in the raw data, so that a
file whose shape is wrong still gets them (the resolution pass needs a sound report).
The counting follows the resolution pass: paragraphs are numbered through the body, and
afresh in each annex (by level, "3.1.1", under decimal numbering); a suggestion is a numbered
paragraph. tests/test_messages.py checks the two agree.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from cstd_docs.errors import Problem
from cstd_docs.lang.numbering import letters, roman

Segment = str | int
_STEP = re.compile(r"\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\]")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')


def parse_path(path: str) -> tuple[Segment, ...] | None:
    """``$.a[0]['k']`` → ("a", 0, "k"); None for a place that is not a JSON path."""
    if not path.startswith("$"):
        return None
    segments: list[Segment] = []
    at = 1
    while at < len(path):
        step = _STEP.match(path, at)
        if step is None:
            return None
        name, index, key = step.groups()
        segments.append(name if name is not None else int(index) if index is not None else ast.literal_eval(key))
        at = step.end()
    return tuple(segments)


def _key(token: str) -> str:
    return token[1:-1] if "\\" not in token else str(json.loads(token))


def lines_of(text: str, wanted: Iterable[tuple[Segment, ...]]) -> dict[tuple[Segment, ...], int]:
    """The line where each wanted path's value starts (its key's line, in an object), in one pass.

    Containers on no wanted path are skipped by counting brackets alone, so the scan costs
    little more than the tokenizing.
    """
    targets = set(wanted)
    prefixes = {path[:end] for path in targets for end in range(len(path) + 1)}
    found: dict[tuple[Segment, ...], int] = {}
    stack: list[list[Any]] = []  # [bracket, current key or index] of each open container
    key_at: int | None = None  # where the key of the value to come is
    skipping = 0  # depth inside a container that holds nothing wanted
    line, counted = 1, 0  # newlines are counted once, up to the last place found
    for token in _TOKEN.finditer(text):
        kind = token.group()
        if skipping:
            skipping += (kind in "{[") - (kind in "}]") if len(kind) == 1 else 0
            if not skipping:
                key_at = None
            continue
        if kind == ":":
            continue
        if kind == ",":
            if stack[-1][0] == "[":
                stack[-1][1] += 1
            continue
        if kind in "}]":
            stack.pop()
            continue
        if stack and stack[-1][0] == "{" and key_at is None:
            stack[-1][1] = _key(kind)
            key_at = token.start()
            continue
        path = tuple(entry[1] for entry in stack)
        if path in targets:
            at = key_at if key_at is not None else token.start()
            line, counted = line + text.count("\n", counted, at), at
            found[path] = line
        key_at = None
        if kind in "{[":
            if path in prefixes:
                stack.append([kind, 0 if kind == "[" else None])
            else:
                skipping = 1
    return found


def _label(depth: int, number: int) -> str:
    return (f"({letters(number)})", f"({roman(number).lower()})", f"{letters(number)}.", f"{roman(number).lower()}.")[
        min(depth, 4) - 1
    ]


def _blocks_in_order(scope: dict[str, Any], prefix: tuple[Segment, ...]) -> Iterator[tuple[tuple[Segment, ...], Any]]:
    """Every block of a report's body (or an annex) in reading order, with its path."""

    def listed(node: Any, key: str) -> list[Any]:
        value = node.get(key) if isinstance(node, dict) else None
        return value if isinstance(value, list) else []

    def blocks(node: Any, key: str, at: tuple[Segment, ...]) -> Iterator[tuple[tuple[Segment, ...], Any]]:
        for index, block in enumerate(listed(node, key)):
            yield (*at, key, index), block

    yield from blocks(scope, "content", prefix)
    for c, chapter in enumerate(listed(scope, "chapters")):
        here = (*prefix, "chapters", c)
        yield from blocks(chapter, "content", here)
        for s, part in enumerate(listed(chapter, "sections")):
            there = (*here, "sections", s)
            yield from blocks(part, "content", there)
            yield from blocks(part, "main_findings", there)
            for k, sub in enumerate(listed(part, "subsections")):
                yield from blocks(sub, "content", (*there, "subsections", k))
            yield from blocks(part, "suggestions", there)


#: The keys of blocks that take no report paragraph number: unnumbered text, a resolution, a decision,
#: a box, a bullet, indented lines, a provisional agenda.
_UNNUMBERED_KEYS: tuple[str, ...] = ("unnumbered", "enacting", "paragraphs", "box", "bullet", "lines", "items")
#: The keys that make a block a table or a figure (issue 13), which take no paragraph number either.
_FLOAT_KEYS = {"rows": "a table", "header": "a table", "columns": "a table", "image": "a figure",
               "description": "a figure", "width": "a figure"}
_UNNUMBERED_KEYS += tuple(_FLOAT_KEYS)


def _level(block: Any) -> int:
    """A paragraph's level under decimal numbering (1 when it gives none, or none that can be)."""
    level = block.get("level", 1) if isinstance(block, dict) else 1
    return level if isinstance(level, int) and not isinstance(level, bool) and 1 <= level <= 9 else 1


def paragraph_numbers(data: dict[str, Any]) -> dict[tuple[Segment, ...], str | None]:
    """The printed number of every block of the body and the annexes (None: unnumbered), in one pass:
    "12", or under decimal numbering "3.1.1"."""
    numbers: dict[tuple[Segment, ...], str | None] = {}
    annexes = data.get("annexes")
    scopes = [(data, ())] + [
        (annex, ("annexes", i)) for i, annex in enumerate(annexes if isinstance(annexes, list) else [])
    ]
    for scope, prefix in scopes:
        own = scope.get("numbering") if isinstance(scope, dict) and prefix else None
        decimal = (own or data.get("numbering")) == "decimal"
        count, clauses = 0, list[int]()
        for path, block in _blocks_in_order(scope, prefix):
            # Unnumbered text, resolutions (their operative paragraphs number afresh) and decisions take no number.
            if isinstance(block, dict) and any(k in block for k in _UNNUMBERED_KEYS):
                numbers[path] = None
            elif decimal:
                level = _level(block)
                clauses = clauses[:level] + [0] * (level - len(clauses))
                clauses[level - 1] += 1
                numbers[path] = ".".join(map(str, clauses))
            else:
                count += 1
                numbers[path] = str(count)
    return numbers


def place_of(
    data: object, segments: tuple[Segment, ...], numbers: dict[tuple[Segment, ...], str | None] | None = None
) -> str | None:
    """"chapter II, section A, paragraph 7 (id 'components')" for a path in the body, else None.

    ``numbers``: ``paragraph_numbers(data)``, computed once for many problems.
    """
    if not isinstance(data, dict) or not segments or segments[0] not in ("chapters", "annexes", "content"):
        return None
    words: list[str] = []
    named: tuple[int, str] | None = None  # the deepest element with an id: (its word, the id)
    node: Any = data
    depth = 0
    for at in range(0, len(segments) - 1, 2):
        key, index = segments[at], segments[at + 1]
        items = node.get(key) if isinstance(node, dict) else None
        if not isinstance(index, int) or not isinstance(items, list) or index >= len(items):
            break
        node = items[index]
        if key == "annexes":
            numeral = str(index + 1) if data.get("annex_numerals") == "arabic" else roman(index + 1)
            words.append(f"annex {numeral}" if len(items) > 1 else "the annex")
        elif key in ("chapters", "sections", "subsections"):
            words.append(_heading_word(key, items, index))
        elif key in ("content", "main_findings", "suggestions"):
            if numbers is None:
                numbers = paragraph_numbers(data)
            number = numbers.get(segments[: at + 2])
            floats = [word for key, word in _FLOAT_KEYS.items() if isinstance(node, dict) and key in node]
            if floats:
                words.append(floats[0])
            elif isinstance(node, dict) and ("enacting" in node or "paragraphs" in node):
                words.append(_instrument_word(node))
            elif isinstance(node, dict) and "box" in node:
                words.append("a box")
            elif isinstance(node, dict) and ("bullet" in node or "lines" in node):
                words.append("a bullet" if "bullet" in node else "indented lines")
            elif isinstance(node, dict) and "items" in node:
                words.append("the provisional agenda")
            else:
                words.append(f"paragraph {number}" if number is not None else "unnumbered text")
        elif key in _INSTRUMENT_KEYS:
            words.append(_instrument_part(key, index, node))
        elif key in ("subparagraphs", "courses"):
            depth += 1
            words.append(f"subparagraph {_label(depth, index + 1)}")
        elif key == "bullets":
            words.append(f"its bullet {index + 1}")
        elif key == "lines":
            words.append(f"line {index + 1}")
        else:
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            named = (len(words) - 1, node["id"])
    if not words:
        return None
    if named is not None:
        words[named[0]] += f" (id {named[1]!r})"
    return ", ".join(words)


_HEADING_WORDS = {"chapters": "chapter", "sections": "section", "subsections": "subsection"}


def _heading_word(key: str, items: list[Any], index: int) -> str:
    """"chapter II", "section B", "subsection 1", counting numbered headings only; a heading that
    prints no numeral by its title's first words: 'chapter “Agenda items 7 and 8”'."""
    word = _HEADING_WORDS[key]

    def numbered(item: Any) -> bool:
        return not (isinstance(item, dict) and item.get("numbered") is False)

    node = items[index]
    if not numbered(node):
        title = node.get("title")
        text = title if isinstance(title, str) else "".join(t for t in title if isinstance(t, str)) \
            if isinstance(title, list) else ""
        words = " ".join(text.split())
        return f"{word} “{words[:40]}…”" if len(words) > 40 else f"{word} “{words}”"
    place = sum(1 for item in items[: index + 1] if numbered(item))
    if key == "chapters":
        return f"chapter {roman(place)}"
    return f"section {letters(place).upper()}" if key == "sections" else f"subsection {place}"
#: The lists inside resolutions, decisions and provisional agendas.
_INSTRUMENT_KEYS = ("operative", "preamble", "paragraphs", "items", "sub_items", "documentation")


def _instrument_part(key: str, index: int, node: object) -> str:
    """"operative paragraph 2", "its provisional agenda", "agenda item 4", "sub-item (a)", …"""
    if key == "paragraphs":
        agenda = isinstance(node, dict) and "items" in node
        return "its provisional agenda" if agenda else f"its paragraph {index + 1}"
    if key == "sub_items":
        return f"sub-item {_label(1, index + 1)}"
    return {"operative": "operative paragraph {n}", "preamble": "preambular paragraph {n}", "items": "agenda item {n}",
            "documentation": "document {n} of its documentation"}[key].format(n=index + 1)


def _instrument_word(node: dict[str, Any]) -> str:
    """"resolution 68/1", or "a draft resolution" (its numeral depends on its neighbours); a decision's alike."""
    kind = "resolution" if "enacting" in node else "decision"
    number = node.get("official_number")
    return f"{kind} {number}" if isinstance(number, str) else f"a draft {kind}"


def placed(problems: Iterable[Problem], data: object, text: str | None) -> list[Problem]:
    """The problems with the line (when the JSON text is known) and the paragraph they are at."""
    problems = list(problems)
    paths = [parse_path(p.path) for p in problems]
    lines: dict[tuple[Segment, ...], int] = {}
    if text is not None:
        # A missing field has no line of its own: its object's line is the place to add it.
        wanted = {prefix for path in paths if path is not None for prefix in _prefixes(path)}
        lines = lines_of(text, wanted)
    numbers = paragraph_numbers(data) if isinstance(data, dict) and any(paths) else None
    result = []
    for problem, path in zip(problems, paths, strict=True):
        if path is None:
            result.append(problem)
            continue
        line = next((lines[p] for p in _prefixes(path) if p in lines), None)
        place = place_of(data, path, numbers)
        result.append(Problem(problem.path, problem.message, problem.hint, line=line, place=place))
    return result


def _prefixes(path: tuple[Segment, ...]) -> list[tuple[Segment, ...]]:
    """The path, then each shorter one: the nearest that has a line gives it."""
    return [path[:end] for end in range(len(path), -1, -1)]
