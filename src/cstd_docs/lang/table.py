"""A language table (``<code>.json``) as typed classes, checked when it loads.

cattrs structures the JSON into :class:`LanguageTable`: a missing, misspelt or extra key,
a value of the wrong shape, or a template that names a field the library does not fill
("{adressee}") fails when the table loads, naming the file and the key, rather than in
the middle of a render. docs/languages.md describes every key.
"""

from __future__ import annotations

import json
import string
from collections.abc import Callable
from typing import Any

import attrs
from attrs import field, frozen
from cattrs import Converter
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, override
from cattrs.v import format_exception, transform_error

from cstd_docs import codecache
from cstd_docs.errors import Problem, ReportError

codecache.install_for_cattrs()  # before this module's converter writes its first hook

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


def _converter() -> Converter:
    c = Converter(forbid_extra_keys=True, detailed_validation=True)
    c.register_structure_hook(str, _text)
    c.register_structure_hook(bool, _flag)
    c.register_structure_hook_func(lambda t: t == tuple[str, ...], _texts)
    c.register_structure_hook_func(lambda t: t == dict[str, str], _text_map)
    c.register_structure_hook_func(
        lambda t: t == str | dict[str, str], lambda v, _: v if isinstance(v, str) else _text_map(v)
    )
    c.register_structure_hook(
        EnglishOrdinals, make_dict_structure_fn(EnglishOrdinals, c, and_=override(rename="and"))
    )
    return c


_CONVERTER = _converter()


def _message(error: BaseException, kind: type | None) -> str:
    """Our own checks say what is wrong in words; cattrs' own errors keep its wording."""
    if type(error) is ValueError and str(error):
        return str(error)
    return format_exception(error, kind)


def parse_table(code: str, text: str) -> LanguageTable:
    """The table in ``text`` (the contents of ``<code>.json``); ReportError naming the key if it is wrong."""
    where = f"lang/{code}.json"
    hint = "correct the table (docs/languages.md lists its keys)"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportError.single(where, f"not valid JSON: {error}", hint) from None
    try:
        return _CONVERTER.structure(data, LanguageTable)
    except (ClassValidationError, ForbiddenExtraKeysError) as error:
        messages = transform_error(error, path="$", format_exception=_message)
        problems = [Problem(where, message, hint) for message in messages]
        raise ReportError(problems) from None
