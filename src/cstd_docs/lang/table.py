"""A language table (``<code>.json``) as typed classes, checked when it loads.

The JSON is read into :class:`LanguageTable` by the classes' own fields: a missing,
misspelt or extra key, a value of the wrong shape, or a template that names a field the
library does not fill ("{adressee}") fails when the table loads, naming the file and the
key, rather than in the middle of a render. docs/languages.md describes every key.

Not through cattrs, as the report is: a table holds text, lists and maps of text, true or
false, and nested tables, nothing else; making a cattrs converter for them and its
structuring functions was 4.5 ms of every process's start (docs/performance.md), for what
fourteen annotations and one loop over the fields do.
"""

from __future__ import annotations

import functools
import json
import string
import types
from collections.abc import Callable
from typing import Any

import attrs
from attrs import field, frozen

from cstd_docs.errors import Problem, ReportError

__all__ = ["AgendaLabels", "Distributions", "EnglishOrdinals", "Instruments", "LanguageTable", "Typography",
           "parse_table"]


def _template(*names: str) -> Callable[[Any, attrs.Attribute[Any], str], None]:
    """A validator: the template names only the fields the library fills in (``names``)."""

    def check(_: Any, attribute: attrs.Attribute[Any], value: str) -> None:
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError as error:
            raise ValueError(f"{attribute.name}: {error} in {value!r}") from None
        unknown = sorted(used - set(names))
        if unknown:
            allowed = ", ".join(f"{{{n}}}" for n in names) or "none"
            raise ValueError(f"{attribute.name}: unknown field {', '.join(unknown)} in {value!r}; allowed: {allowed}")

    return check


def _count(size: int) -> Callable[[Any, attrs.Attribute[Any], tuple[str, ...]], None]:
    def check(_: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if len(value) != size:
            raise ValueError(f"{attribute.name}: {len(value)} entries, expected {size}")

    return check


def _one_of(*values: str) -> Callable[[Any, attrs.Attribute[Any], str | None], None]:
    def check(_: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and value not in values:
            raise ValueError(f"{attribute.name}: {value!r} is not one of {', '.join(map(repr, values))}")

    return check


def _not_empty(_: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not value:
        raise ValueError(f"{attribute.name}: the list is empty")


@frozen
class Distributions:
    """The masthead's distribution line for each :class:`~cstd_docs.model.Distribution`."""

    general: str
    limited: str
    restricted: str


@frozen
class Typography:
    """French spacing, applied to the author's text (docs/languages.md, *Typography*)."""

    space_before: str = ""
    space: str = "\u202f"
    guillemets: bool = False
    apply_to_text: bool = False


@frozen
class EnglishOrdinals:
    """The rules that spell any English ordinal ("twenty-fifth", "one hundred and first")."""

    units: tuple[str, ...] = field(validator=_count(20))
    tens: tuple[str, ...] = field(validator=_count(10))
    unit_ordinals: tuple[str, ...] = field(validator=_count(20))
    ten_ordinals: tuple[str, ...] = field(validator=_count(10))
    hundred: str
    hundredth: str
    #: "and" in the JSON (a Python keyword).
    and_: str



# --- instruments (issue 12) ---------------------------------------------------------------------
@frozen(kw_only=True)
class Instruments:
    """The labels of resolutions and decisions: "Draft resolution II", "Resolution 68/1", "Draft decision I"."""

    draft_resolution: str = field(validator=_template())
    draft_resolution_numbered: str = field(validator=_template("numeral"))
    resolution_numbered: str = field(validator=_template("number"))
    draft_decision: str = field(validator=_template())
    draft_decision_numbered: str = field(validator=_template("numeral"))
    decision_numbered: str = field(validator=_template("number"))
    #: Over the documents listed under a provisional agenda's item ("Documentation").
    documentation: str = field(validator=_template())
    #: A listed document's symbol after its title: " ({symbol})".
    document_symbol: str = field(validator=_template("symbol"))


@frozen(kw_only=True)
class AgendaLabels:
    """Agenda lines under the masthead beyond one item of a Geneva document (issue 12)."""

    #: Several items on one line: "Items {numbers} of the provisional agenda".
    items_provisional: str = field(validator=_template("numbers"))
    #: … of the adopted agenda: "Items {numbers} of the agenda".
    items: str = field(validator=_template("numbers"))
    #: Between the numbers ("2, 3 and 5"): all but the last two, and the last two.
    numbers_separator: str
    numbers_and: str
    #: The adopted agenda in the New York layout: "Agenda item 3 (b) (iii)" (E/CN.5/2025/L.6).
    new_york_item: str = field(validator=_template("number"))
    new_york_items: str = field(validator=_template("numbers"))
# --- end instruments


# --- tables and figures (issue 13) ----------------------------------------------------------------
@frozen(kw_only=True)
class Tables:
    """The captions of tables and figures ("Table 1", "Figure I") and the word before a source line."""

    table_numbered: str = field(validator=_template("number"))
    figure_numbered: str = field(validator=_template("numeral"))
    #: Printed in italics before a table's or a figure's source: "Source:".
    source: str
    #: The language's own figure numerals ("一", "二"), where it has them; else I, II.
    figure_numerals: tuple[str, ...] = ()
# --- end tables and figures
# --- contents and Official Records (issue 14) -------------------------------------------------------
@frozen(kw_only=True)
class ContentsWords:
    """A contents page's heading and column labels ("Contents", "Chapter", "Paragraphs", "Page"), the
    line over several annexes, and a paragraph range ("1–2")."""

    heading: str = field(validator=_template())
    chapter: str = field(validator=_template())
    paragraphs: str = field(validator=_template())
    page: str = field(validator=_template())
    annexes: str = field(validator=_template())
    paragraph_range: str = field(validator=_template("first", "last"))


@frozen(kw_only=True)
class OfficialRecordsWords:
    """The Official Records front matter: "Official Records, 2025", "Supplement No. 8", the imprint
    "United Nations • New York, 2025", the note on symbols, "ISSN 0251-9941", the session's dates
    under the title "(4–7 March 2025)" and the report's date over its first page "[24 March 2025]"."""

    records: str = field(validator=_template("year"))
    supplement: str = field(validator=_template("number"))
    imprint: str = field(validator=_template("year"))
    note_heading: str = field(validator=_template())
    symbols_note: str = field(validator=_template())
    issn: str = field(validator=_template("issn"))
    session_dates: str = field(validator=_template("dates"))
    date_line: str = field(validator=_template("date"))
# --- end contents and Official Records


@frozen(kw_only=True)
class LanguageTable:
    """Every phrase, name and counter the library writes in one language."""

    name: str
    #: The version's own language line ("Français"); not yet printed.
    this_language: str | None = None
    #: "rtl" or "ltr"; without it, the built-in list (Arabic is right-to-left).
    direction: str | None = field(default=None, validator=_one_of("rtl", "ltr"))
    #: Another table that composes the masthead box (distribution, date, language line).
    masthead_language: str | None = None
    united_nations: str
    #: The principal organs' names, keyed by the English name a report writes ("Economic and
    #: Social Council" → "Conseil économique et social"); any other organ prints as written.
    organs: dict[str, str]
    distribution: Distributions
    original: str = field(validator=_template("language", "Language"))
    #: A template, or whole phrases by language code (for languages that decline the name).
    only: str | dict[str, str]
    #: Several versions: "{Languages} only" (capitalised) or "{languages}", the names joined by ", "
    #: and the last by ``list_and``, in the order of the names.
    only_several: str = field(validator=_template("languages", "Languages"))
    list_and: str
    language_names: dict[str, str]
    months: tuple[str, ...] = field(validator=_count(12))
    day_names: dict[str, str] = field(factory=dict)
    date: str = field(validator=_template("day", "month", "year"))
    date_range_same_month: str = field(validator=_template("start_day", "end_day", "month", "year"))
    date_range_same_year: str = field(
        validator=_template("start_day", "start_month", "end_day", "end_month", "year")
    )
    date_range: str = field(validator=_template("start", "end"))
    session: str = field(validator=_template("ordinal", "number"))
    place_and_dates: str = field(validator=_template("place", "dates"))
    agenda_item_provisional: str = field(validator=_template("number"))
    agenda_item: str = field(validator=_template("number"))
    annex: str = field(validator=_template())
    annex_numbered: str = field(validator=_template("numeral"))
    main_findings: str
    suggestions: str
    suggestion_lead_in: str = field(validator=_template("addressee"))
    person_name: str = field(validator=_template("honorific", "name"))
    representative_of: str = field(validator=_template("country"))
    #: Plain replacements made in a delegate's note ("de les " → "des ").
    contractions: dict[str, str] = field(factory=dict)
    participant_parts_separator: str
    participants_separator: str
    note_end: str
    #: By depth: (a), (i), a., i.
    subparagraph_labels: tuple[str, ...] = field(
        validator=[_not_empty, attrs.validators.deep_iterable(_template("letter", "roman", "number"))]
    )
    paragraph_number: str = field(validator=_template("number"))
    heading_number: str = field(validator=_template("number"))
    #: "Chapter I" on its own line above the chapter's title (the New York layout).
    chapter_caption: str = field(validator=_template("numeral"))
    #: Strong text and links (issue 13): a document symbol's official page in this language.
    symbol_link: str = field(validator=_template("symbol"))
    #: Between note marks at one spot (UN Editorial Manual: a superscript comma).
    note_mark_separator: str
    #: The language's own counters, where it has them (ar, zh); else a, b / A, B / I, II.
    letters: tuple[str, ...] = ()
    section_letters: tuple[str, ...] = ()
    chapter_numerals: tuple[str, ...] = ()
    #: Explicit ordinals, "1" to "100"; past them, ``ordinals`` or ``ordinal_format``.
    ordinal_words: dict[str, str] = field(factory=dict)
    ordinals: EnglishOrdinals | None = None
    ordinal_format: str = field(default="{number}", validator=_template("number"))
    typography: Typography | None = None
    instruments: Instruments
    # --- boxes and letters (issue 13)
    #: The italic heading of the boxed summary under the title block ("Summary").
    summary: str
    #: A box's label ("Box 1"), numbered through the report.
    box_numbered: str = field(validator=_template("number"))
    #: The heading of a letter of transmittal; the table's ``contractions`` apply ("à le " → "au ").
    letter_title: str = field(validator=_template("date", "sender", "addressee"))
    #: A signatory's line: "(Signed) {name}".
    signed: str = field(validator=_template("name"))
    tables: Tables
    contents: ContentsWords
    official_records: OfficialRecordsWords
    agenda_labels: AgendaLabels


def _text(value: object, _: object = None) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {json.dumps(value, ensure_ascii=False)}")
    return value


def _texts(value: object, _: object = None) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list of text, got {json.dumps(value, ensure_ascii=False)}")
    return tuple(_text(item) for item in value)


def _text_map(value: object, _: object = None) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError(f"expected an object of texts, got {json.dumps(value, ensure_ascii=False)}")
    return {key: _text(item) for key, item in value.items()}


def _flag(value: object, _: object = None) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {json.dumps(value, ensure_ascii=False)}")
    return value


#: Where a field's JSON key is not its name: ``and`` is a Python keyword.
_KEYS = {"and_": "and"}


class _Wrong(ValueError):
    """A value of the wrong shape, said in words, with where in the table it is."""

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class _Found(Exception):
    """Everything wrong in a nested table, reported together."""

    def __init__(self, wrong: list[_Wrong]) -> None:
        super().__init__()
        self.wrong = wrong


def _optional(read: Callable[[object, str], object]) -> Callable[[object, str], object]:
    return lambda value, path: None if value is None else read(value, path)


def _plain(check: Callable[[object], object]) -> Callable[[object, str], object]:
    def read(value: object, path: str) -> object:
        try:
            return check(value)
        except ValueError as error:
            raise _Wrong(str(error), path) from None

    return read


def _text_or_map(value: object) -> str | dict[str, str]:
    return value if isinstance(value, str) else _text_map(value)


#: What reads each kind of value a table holds; any other annotation is a nested table.
_SHAPES: dict[object, Callable[[object], object]] = {
    str: _text, bool: _flag, tuple[str, ...]: _texts, dict[str, str]: _text_map, str | dict[str, str]: _text_or_map,
}


@functools.cache
def _reader(annotation: object) -> Callable[[object, str], object]:
    """How to read a field of this annotation: this module's annotations are strings, evaluated
    here once each, unless another library resolved them on the fields already (attrs, cattrs)."""
    kind: Any = eval(annotation, globals()) if isinstance(annotation, str) else annotation  # ours, never input
    optional = isinstance(kind, types.UnionType) and type(None) in kind.__args__
    if optional:
        (kind,) = (member for member in kind.__args__ if member is not type(None))
    read = _plain(_SHAPES[kind]) if kind in _SHAPES else functools.partial(_table, kind)
    return _optional(read) if optional else read


def _table(cls: type, value: object, path: str) -> object:
    """An instance of ``cls`` from a JSON object: every wrong key and value reported, then the
    class's own checks (``_template``, ``_count``), as attrs runs them."""
    if not isinstance(value, dict):
        raise _Wrong(f"expected an object, got {json.dumps(value, ensure_ascii=False)}", path)
    fields = attrs.fields(cls)
    keys = {_KEYS.get(f.name, f.name): f for f in fields}
    wrong: list[_Wrong] = []
    extra = [key for key in value if key not in keys]
    if extra:
        wrong.append(_Wrong(f"extra fields found ({', '.join(extra)})", path))
    given: dict[str, object] = {}
    for key, f in keys.items():
        if key not in value:
            if f.default is attrs.NOTHING:
                wrong.append(_Wrong("required field missing", f"{path}.{key}"))
            continue
        try:
            given[f.alias] = _reader(f.type)(value[key], f"{path}.{key}")
        except _Found as found:
            wrong.extend(found.wrong)
        except _Wrong as error:
            wrong.append(error)
    if wrong:
        raise _Found(wrong)
    try:
        return cls(**given)
    except ValueError as error:
        raise _Wrong(str(error), path) from None


def parse_table(code: str, text: str) -> LanguageTable:
    """The table in ``text`` (the contents of ``<code>.json``); ReportError naming the key if it is wrong."""
    where = f"lang/{code}.json"
    hint = "correct the table (docs/languages.md lists its keys)"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportError.single(where, f"not valid JSON: {error}", hint) from None
    try:
        table = _table(LanguageTable, data, "$")
    except _Found as found:
        wrong = found.wrong
    except _Wrong as error:
        wrong = [error]
    else:
        assert isinstance(table, LanguageTable)
        return table
    raise ReportError([Problem(where, f"{error} @ {error.path}", hint) for error in wrong])
