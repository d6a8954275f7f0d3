"""Size limits on report files, checked before anything else looks at the data.

A report is a document people read: the reference report (ten pages) is 63 KB of
JSON holding 535 values nested 9 deep. The limits below admit the largest UN reports
(50,000 paragraphs) with room to spare, and exist so that a hostile or runaway file (a generator stuck in a loop, a
10 MB string, a million paragraphs) is refused in well under a second with a message
naming the place, instead of taking minutes and gigabytes to list a million problems.
They are documented in docs/errors.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cstd_docs.errors import Problem

#: Largest report file, in bytes (or characters, for text given to ``loads``). The
#: largest UN reports (50,000 paragraphs with notes and lists) take about 35 MB.
MAX_FILE_SIZE = 64 * 1024 * 1024
#: Most JSON values (objects, lists, strings, numbers…) in one report: about 120,000
#: paragraphs. A 50,000-paragraph report holds about 420,000; a million paragraphs
#: hold at least two million and are refused.
MAX_VALUES = 1_000_000
#: Deepest nesting of objects and lists; a valid report needs about 30.
MAX_DEPTH = 64
#: Longest string (text, id or key), in characters; a long paragraph has 2,000.
MAX_STRING = 100_000
#: Longest figure's image (the string of an "image" key: a data: URI), in characters: the base64
#: text of the largest image a figure holds (model.tables.MAX_IMAGE_BYTES), with room for its prefix.
MAX_IMAGE = 16 * 1024 * 1024 + 64

#: A place as a linked list, innermost first: (key, (parent key, (…, None))).
_Links = tuple[object, ...] | None

_SPLIT = "split the report, or check the program that wrote the file"


def size_problem(size: int) -> Problem | None:
    if size <= MAX_FILE_SIZE:
        return None
    return Problem(
        "$",
        f"the file is {size / 1024 / 1024:.1f} MB; a report file may be at most {MAX_FILE_SIZE // 1024 // 1024} MB",
        _SPLIT,
    )


def _path(links: _Links) -> str:
    parts: list[str] = []
    while links is not None:
        key, parent = links
        links = parent if isinstance(parent, tuple) else None
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}" if _plain(key) else f"[{key!r}]")
    return "$" + "".join(reversed(parts))


def _plain(key: object) -> bool:
    return isinstance(key, str) and key.isidentifier() and len(key) < 64


def _short(text: str) -> str:
    return repr(text[:40] + "…") if len(text) > 40 else repr(text)


def limit_problem(data: object) -> Problem | None:
    """The first limit the parsed JSON data exceeds, in reading order, or None; never recursive."""
    if _plainly_within(data):
        return None
    return _first_problem(data)


def _plainly_within(data: object) -> bool:
    """True when no limit can be exceeded, found level by level without keeping anyone's place
    (a third of the time of the walk that names the place): a report within its limits is most
    of what is loaded. False only means "look closer": the walk then finds the problem, if any."""
    count = 1
    level: list[dict[object, object] | list[object]] = [data] if isinstance(data, (dict, list)) else []
    depth = 0
    while level:
        if depth >= MAX_DEPTH:
            return False
        below: list[dict[object, object] | list[object]] = []
        for container in level:
            count += len(container)
            values: Iterable[object]
            if isinstance(container, dict):
                if any(isinstance(key, str) and len(key) > MAX_STRING for key in container):
                    return False
                values = container.values()
            else:
                values = container
            for value in values:
                if isinstance(value, str):
                    if len(value) > MAX_STRING:
                        return False
                elif isinstance(value, (dict, list)):
                    below.append(value)
        depth += 1
        level = below
    return count <= MAX_VALUES


def _first_problem(data: object) -> Problem | None:
    count = 0
    # Open containers: their remaining items, and their place as a linked list (key, parent).
    stack: list[tuple[Iterator[tuple[object, object]], _Links]] = []
    pending: list[tuple[object, _Links]] = [(data, None)]
    while pending or stack:
        if pending:
            value, links = pending.pop()
        else:
            items, parent = stack[-1]
            step = next(items, None)
            if step is None:
                stack.pop()
                continue
            key, value = step
            if isinstance(key, str) and len(key) > MAX_STRING:
                return Problem(_path(parent), f"a key of {len(key):,} characters ({_short(key)})", "remove the key")
            links = (key, parent)
        count += 1
        if count > MAX_VALUES:
            return Problem(
                _path(links),
                f"the report holds more than {MAX_VALUES:,} JSON values"
                " (a 50,000-paragraph report holds about 420,000)",
                _SPLIT,
            )
        if isinstance(value, str):
            image = links is not None and links[0] == "image"
            if len(value) > (MAX_IMAGE if image else MAX_STRING):
                return Problem(
                    _path(links),
                    f"a text of {len(value):,} characters; the limit is {MAX_IMAGE if image else MAX_STRING:,}",
                    "save the figure smaller" if image else "split it into paragraphs",
                )
        elif isinstance(value, (dict, list)):
            if len(stack) >= MAX_DEPTH:
                return Problem(
                    _path(links), f"the data nests more than {MAX_DEPTH} levels deep", "flatten it: a report needs ~30"
                )
            stack.append((iter(value.items()) if isinstance(value, dict) else enumerate(value), links))
    return None
