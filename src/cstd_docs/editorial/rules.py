"""The editorial rules and the per-language data they read, both kept as data (``data/*.json``).

``rules.json`` says what each rule is, where it applies (languages, kinds of text) and the
passage of the UN Editorial Manual or DGACM instructions it comes from (docs/editorial.md
cites them in full). ``<code>.json`` holds what a rule needs to know about one language:
month names, the words that make a figure a designation ("paragraph 5"), its quotation
marks, where its note marks go. The code in this package only matches text against them.
"""

from __future__ import annotations

import difflib
import enum
import functools
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

from attrs import frozen

from cstd_docs.errors import Problem, ReportError


class Kind(enum.Enum):
    """The kinds of text a rule looks at."""

    LABELLED = "labelled"  # the start of a numbered paragraph, subparagraph or heading
    BODY = "body"  # paragraphs, subparagraphs, unnumbered text, courses of action
    HEADING = "heading"  # titles of annexes, chapters, sections, subsections, findings themes
    NOTE = "note"  # the author's notes
    FRONT = "front"  # the title, subtitles and agenda titles
    REGISTRY = "registry"  # the participant registry (printed in citation notes)
    STRUCTURE = "structure"  # the tree itself: headings, levels, length
    TABLE = "table"  # a table's cells (figures and "%" belong there: Editorial Manual, Numbers)


@frozen
class Rule:
    id: str
    summary: str
    #: Language codes, or None for every language.
    languages: frozenset[str] | None
    applies_to: frozenset[Kind]
    source: str

    def applies(self, language: str) -> bool:
        return self.languages is None or language in self.languages


@frozen
class Quotes:
    open: str
    close: str
    inner_open: str
    inner_close: str
    apostrophe: str


@frozen
class LanguageRules:
    """What the rules need to know about one language (``data/<code>.json``)."""

    code: str
    months: tuple[str, ...]
    month_abbreviations: tuple[str, ...]
    date_example: str
    first_day: str | None
    number_words: tuple[str, ...]
    designators: frozenset[str]
    #: Words between a designation and its numbers: "action lines, particularly 3 and 4".
    pointers: frozenset[str]
    units: tuple[str, ...]
    currencies: frozenset[str]
    stop_words: frozenset[str]
    always_capitalized: frozenset[str]
    repeat_allowed: frozenset[str]
    quotes: Quotes
    guillemets: bool
    #: "after_punctuation" (English), "before_punctuation" (French, Spanish) or None.
    note_mark: str | None
    no_space_before: str
    narrow_space_before: str


def _data(name: str) -> Any:
    return json.loads(resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8"))


@functools.cache
def rules() -> Mapping[str, Rule]:
    """Every rule by id, in the order of ``rules.json``."""
    table: dict[str, dict[str, Any]] = _data("rules.json")
    out: dict[str, Rule] = {}
    for ident, entry in table.items():
        languages = entry["languages"]
        out[ident] = Rule(
            id=ident,
            summary=str(entry["summary"]),
            languages=None if languages == "all" else frozenset(languages),
            applies_to=frozenset(Kind(k) for k in entry["applies_to"]),
            source=str(entry["source"]),
        )
    return out


@functools.cache
def language_rules(code: str) -> LanguageRules:
    """The data of one language; for a language this package has none for, neutral data
    (no months, no designators) that the rules for every language can run with."""
    names = {p.name for p in resources.files(__package__).joinpath("data").iterdir()}
    own = f"{code}.json" in names and code not in ("rules", "neutral")
    d: dict[str, Any] = _data(f"{code}.json" if own else "neutral.json")
    return LanguageRules(
        code=code,
        months=tuple(d["months"]),
        month_abbreviations=tuple(d["month_abbreviations"]),
        date_example=str(d["date_example"]),
        first_day=d["first_day"],
        number_words=tuple(d["number_words"]),
        designators=frozenset(d["designators"]),
        pointers=frozenset(d["pointers"]),
        units=tuple(d["units"]),
        currencies=frozenset(d["currencies"]),
        stop_words=frozenset(d["stop_words"]),
        always_capitalized=frozenset(d["always_capitalized"]),
        repeat_allowed=frozenset(d["repeat_allowed"]),
        quotes=Quotes(**d["quotes"]),
        guillemets=bool(d["guillemets"]),
        note_mark=d["note_mark"],
        no_space_before=str(d["no_space_before"]),
        narrow_space_before=str(d["narrow_space_before"]),
    )


def selected(enable: Iterable[str] = (), disable: Iterable[str] = ()) -> frozenset[str]:
    """The ids of the rules to run: all, less ``disable`` ("all" disables every one), plus ``enable``.

    An unknown id is a :class:`ReportError` naming it, with the closest known id.
    """
    known = list(rules())
    enable, disable = _names("enable", enable), _names("disable", disable)
    problems = [
        Problem(f"--{option}", f"no rule {name!r}", _closest(name, known))
        for option, names in (("enable", enable), ("disable", disable))
        for name in names
        if name not in known and not (option == "disable" and name == "all")
    ]
    if problems:
        raise ReportError(problems)
    off = set(known) if "all" in disable else set(disable)
    return frozenset(known) - (off - set(enable))


def _names(option: str, value: object) -> list[str]:
    """Rule ids as given from Python: a list of them, or one id alone (not its letters)."""
    if isinstance(value, str):
        return [value]
    names = list(value) if isinstance(value, Iterable) else None
    if names is None or not all(isinstance(n, str) for n in names):
        raise ReportError.single(f"--{option}", f"expected rule ids (a list of str), got {value!r:.60}",
                                 "give e.g. ['figures-under-ten']; cstd-docs check --rules lists them")
    return names


def _closest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    prefix = f"did you mean {close[0]!r}? " if close else ""
    return f"{prefix}rules: {', '.join(known)}"
