"""The last stage of every import: the report must be one that ``load`` accepts.

A draft is untrusted: it may hold characters a document cannot (a NUL, ``&#1;``), texts
over the limits of report files, or blocks left with no text (a line of ``*``). Before a
report read from a draft is returned, it goes through the same checks as a loaded file
(``jsonio.report_from_data``: limits, types, model check). What can be cut without
changing what the draft says is cut, with a warning naming the place: characters no
document can hold, and blocks or emphasis with no text at all. Anything else is refused
with a :class:`ReportError` naming the place and the block as a person sees it, so a
report that ``load`` would refuse is never returned, and ``cstd-docs import`` never writes one.
"""

from __future__ import annotations

import re
from typing import Any

from cstd_docs.errors import Problem, ReportError
from cstd_docs.model import Report

#: The characters the model check refuses (XML 1.0 cannot hold them); the same set as
#: ``cstd_docs.model.check``, which a test compares character by character.
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: The fields whose emptiness empties the list entry holding them: a block's text, an
#: unnumbered text, an emphasis. A chapter's empty title is not cut: it is refused.
_CUTTABLE = re.compile(r"(?P<entry>.*\[(?P<index>\d+)\])\.(?:text|unnumbered|emphasis)")
_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]|\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\]")
_EMPTY = "text is empty"


def admitted(report: Report, *, source: str, warnings: list[Problem]) -> Report:
    """``report`` as ``load`` accepts it: cut (with a warning in ``warnings``) or refused."""
    from cstd_docs.jsonio import report_from_data, report_to_data

    data = report_to_data(report)
    changed = _cut_characters(data, source, warnings)
    for attempt in range(2):
        try:
            admitted_report = report_from_data(data, source=source)
        except ReportError as error:
            if attempt == 0 and _cut_empty(data, error.problems, source, warnings):
                changed = True
                continue
            raise ReportError([_refusal(data, p) for p in error.problems], source=source) from None
        return admitted_report if changed else report
    raise AssertionError("unreachable: the second attempt returns or raises")


def _cut_characters(data: Any, source: str, warnings: list[Problem]) -> bool:
    """Remove, in place, every character no document can hold; one warning per text."""
    changed = False
    stack: list[tuple[Any, str]] = [(data, "$")]
    while stack:
        node, path = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            here = f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}" if _plain(key) else f"{path}[{key!r}]"
            if isinstance(value, str):
                found = ILLEGAL.findall(value)
                if found:
                    node[key] = ILLEGAL.sub("", value)
                    changed = True
                    codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in found})[:5])
                    block = _block_near(data, here)
                    where = f" from the block that begins {block!r}" if block else ""
                    warnings.append(Problem(f"{source}:{here}", f"{len(found)} character{'s' if len(found) > 1 else ''}"
                                            f" no document can hold ({codes}) removed{where}", "check the text there"))
            elif isinstance(value, (dict, list)):
                stack.append((value, here))
    return changed


def _plain(key: object) -> bool:
    return isinstance(key, str) and key.isidentifier()


def _cut_empty(data: Any, problems: tuple[Problem, ...], source: str, warnings: list[Problem]) -> bool:
    """Remove the entries whose only text is empty; False when a problem is of another kind."""
    cuts: list[tuple[list[Any], int, str]] = []
    referenced: set[str] | None = None
    for problem in problems:
        match = _CUTTABLE.fullmatch(problem.path) if problem.message == _EMPTY else None
        if match is None:
            return False
        holder = _locate(data, match["entry"].rsplit("[", 1)[0])
        index = int(match["index"])
        if not isinstance(holder, list) or index >= len(holder):
            return False
        entry = holder[index]
        if isinstance(entry, dict):
            referenced = _referenced(data) if referenced is None else referenced
            if entry.get("subparagraphs") or entry.get("id") in referenced:
                return False  # the entry carries more than its empty text
        cuts.append((holder, index, match["entry"]))
    # From the last index back, so that earlier indexes stay right.
    for holder, index, path in sorted(cuts, key=lambda cut: (id(cut[0]), -cut[1])):
        del holder[index]
        warnings.append(Problem(f"{source}:{path}", "an entry with no text was left out",
                                "write its text, if it had one"))
    return bool(cuts)


def _referenced(data: Any) -> set[str]:
    refs: set[str] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("ref"), str):
                refs.add(node["ref"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return refs


def _locate(data: Any, path: str) -> Any:
    """The value at a JSON path of the form problems use (``$.a[0]['b']``), or None."""
    if not path.startswith("$"):
        return None
    node, at = data, 1
    while at < len(path):
        step = _STEP.match(path, at)
        if step is None:
            return None
        name, index, quoted = step.groups()
        key: Any = name if name is not None else int(index) if index is not None else quoted[1:-1]
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return None
        at = step.end()
    return node


def _refusal(data: Any, problem: Problem) -> Problem:
    """A problem of the imported report, saying which block a person would look for."""
    where = _block_near(data, problem.path)
    return Problem(problem.path, f"the imported report cannot be kept: {problem.message}{where}",
                   problem.hint or "correct the draft there and import it again")


def _block_near(data: Any, path: str) -> str:
    """Where ``path`` is, as a person finds it: the start of its block's text or, for a
    block with none, its place under the nearest heading or block that has some."""
    entry = None  # the 1-based place of the innermost list entry, while no text is found
    cut = len(path)
    while cut > 1:
        node = _locate(data, path[:cut])
        text = next((t for f in ("text", "unnumbered", "title", "theme")
                     if isinstance(node, dict) and (t := _plain_text(node.get(f)))), "")
        if text:
            shown = repr(text[:60] + "…" if len(text) > 60 else text)
            return f" (in the block that begins {shown})" if entry is None else f" (entry {entry} under {shown})"
        step = _STEP.match(path, max(path.rfind(".", 0, cut), path.rfind("[", 0, cut)))
        if entry is None and step is not None and step.group(2) is not None:
            entry = int(step.group(2)) + 1
        cut = max(path.rfind(".", 0, cut), path.rfind("[", 0, cut))
    return ""


def _plain_text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return "".join(v for v in value if isinstance(v, str)).strip()
    return ""
