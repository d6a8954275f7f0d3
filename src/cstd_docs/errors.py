"""The one exception type of the library, and the problems it lists.

Every invalid input — bad JSON, wrong types, dangling ids, an unreadable DOCX, an
output that cannot be written — raises :class:`ReportError` with every problem found,
each naming its place (a JSON path or an id) and, where one is known, a fix.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import field, frozen


@frozen
class Problem:
    """One thing wrong with an input, at one place.

    ``path`` is a JSON path (or a file, an argument); ``line`` the line in the JSON file
    and ``place`` the paragraph a person knows ("chapter II, section A, paragraph 7 (id
    'components')"), where known; ``excerpt`` the line of the file with a caret under the place.
    """

    path: str
    message: str
    hint: str | None = None
    line: int | None = field(default=None, kw_only=True)
    place: str | None = field(default=None, kw_only=True)
    excerpt: str | None = field(default=None, kw_only=True)

    def __str__(self) -> str:
        where = ", ".join(w for w in (self.place, f"line {self.line}" if self.line else None) if w)
        text = f"{where}: {self.path}: {self.message}" if where else f"{self.path}: {self.message}"
        text = f"{text} ({self.hint})" if self.hint else text
        return f"{text}\n{self.excerpt}" if self.excerpt else text


class ReportError(Exception):
    """Invalid input or an impossible request; ``problems`` lists every cause."""

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        super().__init__(self._summary())

    @classmethod
    def single(cls, path: str, message: str, hint: str | None = None) -> ReportError:
        return cls([Problem(path, message, hint)])

    def _summary(self) -> str:
        where = f"{self.source}: " if self.source else ""
        count = len(self.problems)
        head = f"{where}{count} problem{'s' if count != 1 else ''}"
        # Thousands of problems would drown the reader; the first ones show the pattern.
        shown = self.problems[:50]
        lines = [head, *("  " + str(p).replace("\n", "\n    ") for p in shown)]
        if count > len(shown):
            lines.append(f"  … and {count - len(shown)} more")
        return "\n".join(lines)


class ReadWarning(UserWarning):
    """What a reader could not keep, issued through :mod:`warnings` when the caller of
    ``read_docx``/``read_markdown`` passed no list to collect it: never dropped silently."""


class Terminated(KeyboardInterrupt):
    """SIGTERM (what ``timeout``, ``kill`` and service managers send) raised where the
    program is, so that it unwinds as Ctrl-C does: temporary files removed, outputs kept.
    Not an input problem: the command line turns it into exit code 143."""
