"""The one cattrs converter between the model and its JSON form.

The JSON is meant to be written by hand, so inline content is terse: a run of text is
a string, or a list mixing strings with one-key objects::

    ["One speaker", {"cite": "basso"}, " drew attention to ", {"emphasis": "Road Map"}]

Bold text is {"strong": "…"}, bold italic {"strong_emphasis": "…"}; a link {"link": "A/HRC/60/12"}
or {"link": {"text": …, "url": …}}.

Other unions are told apart by a key: a block with "unnumbered" is unnumbered text,
one with "enacting" a resolution, one with "paragraphs" a decision, one with "box" a box, one
with "bullet" a bullet, one with "lines" indented lines, one with "items" a provisional agenda
(anything else is a paragraph; in a decision's paragraphs, "items" makes the agenda it
approves), a chapter part with "theme" is a findings section, and a participant says its
"kind". Fields equal to their default are left out.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, assert_never, get_args, get_origin

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from cstd_docs import codecache
from cstd_docs import model as m
from cstd_docs.jsonio.input_errors import InputError
from cstd_docs.jsonio.input_errors import describe as _describe
from cstd_docs.jsonio.input_errors import stop as _stop
from cstd_docs.jsonio.tables import configure_tables
from cstd_docs.model.typed import resolve_field_types

codecache.install_for_cattrs()  # before this module's converter writes its first hook

#: The JSON object key of each inline kind, and the field it holds.
INLINE_KEYS: dict[str, tuple[type, str]] = {
    "emphasis": (m.Emphasis, "text"),
    "note": (m.Note, "text"),
    "cite": (m.Citation, "participants"),
    "ref": (m.CrossRef, "target"),
    "strong": (m.Strong, "text"),
    "link": (m.Link, "text"),
    "strong_emphasis": (m.StrongEmphasis, "text"),
    "table_note": (m.TableNoteMark, "note"),
}
PARTICIPANT_KINDS: dict[str, type] = {
    "person": m.Person,
    "delegation": m.Delegation,
    "organization": m.Organization,
}
_KIND_OF = {cls: kind for kind, cls in PARTICIPANT_KINDS.items()}

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _structure_date(value: object, _: type) -> datetime.date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise InputError(
            f"expected a date as \"YYYY-MM-DD\", got {_describe(value)}"
            + (f" {value!r}" if isinstance(value, str) else ""),
            'write it like "2022-02-01"',
        )
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise InputError(f"impossible date {value!r}: {error}", "check day and month") from None


def _structure_str(value: object, _: type) -> str:
    # cattrs would turn 12 into "12"; a number where text belongs is a slip to report.
    if not isinstance(value, str):
        raise InputError(f"expected a string, got {_describe(value)}", 'write text in double quotes: "…"')
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"expected a whole number, got {_describe(value)}", "write digits without quotes, e.g. 25")
    return value


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise InputError(f"expected true or false, got {_describe(value)}", "write true or false, without quotes")
    return value


def _one_key(value: object, keys: Mapping[str, object], what: str) -> str:
    if not isinstance(value, dict) or len(value) != 1:
        raise InputError(
            f"expected text or an object with one of the keys {', '.join(keys)}, "
            f"got {_describe(value)}" + (f" with keys {sorted(value)}" if isinstance(value, dict) else ""),
            f'for example {{"note": "See …"}} or {{"cite": "participant-id"}} in {what}',
        )
    (key,) = value
    if key not in keys:
        raise InputError(
            f"unknown inline kind {key!r}",
            f"use one of {', '.join(repr(k) for k in keys)}",
        )
    return str(key)


def _is_list(t: object) -> bool:
    """A ``tuple[X, ...]`` field, which JSON writes as a list (inline content has its own rules)."""
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis and t != m.Inlines


def _is_mapping(t: object) -> bool:
    origin: object = get_origin(t)
    return origin is dict


def _collect(c: Converter, pairs: Any, size: int, t: object, note: Callable[[Any], Any]) -> list[Any]:
    """Structure every item, collecting every wrong one (up to the error budget) before raising."""
    items: list[Any] = []
    errors: list[Exception] = []
    for done, (where, item_type, value) in enumerate(pairs, 1):
        try:
            items.append(c.structure(value, item_type))
        except Exception as error:  # collected, so every bad item is reported at once
            error.__notes__ = [note(where)]
            errors.append(error)
            stop = _stop(len(errors), size - done)
            if stop is not None:
                errors.append(stop)
                break
    if errors:
        raise IterableValidationError(f"invalid items in {t}", errors, t)  # type: ignore[arg-type]
    return items


# --- the configure steps: each registers one concern; none depends on another's order ------
# Every hook made from a class is made by a factory, lazily, when first needed, so a parent's
# hook always finds its children's; the predicates are disjoint, so no step overrides another.


def configure_scalars(c: Converter) -> None:
    """Dates as "YYYY-MM-DD"; text, whole numbers and booleans without coercion."""
    c.register_structure_hook(datetime.date, _structure_date)
    c.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    c.register_structure_hook(str, _structure_str)
    c.register_structure_hook(int, _structure_int)
    c.register_structure_hook(bool, _structure_bool)


def configure_containers(c: Converter) -> None:
    """Lists and objects that say what they expected when given another type.

    cattrs alone would iterate a string as a list of characters and report
    "'str' object has no attribute 'keys'" for text where an object belongs.
    """

    def structure_list(value: object, t: object) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise InputError(f"expected a list, got {_describe(value)}", "write [ … ], even for one item or none")
        item_type = get_args(t)[0]
        pairs = ((i, item_type, v) for i, v in enumerate(value))
        items = _collect(c, pairs, len(value), t, lambda i: IterableValidationNote(f"item @ index {i}", i, item_type))
        return tuple(items)

    def structure_mapping(value: object, t: object) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise InputError(
                f"expected an object, got {_describe(value)}", 'write {"id": { … }, …} with one entry per id'
            )
        item_type = get_args(t)[1]
        pairs = ((k, item_type, v) for k, v in value.items())
        values = _collect(
            c, pairs, len(value), t, lambda k: IterableValidationNote(f"value @ key {k!r}", k, item_type)
        )
        return dict(zip(value, values, strict=True))

    c.register_structure_hook_func(_is_list, structure_list)
    c.register_structure_hook_func(_is_mapping, structure_mapping)


#: The inline kinds allowed inside a note's own text.
_NOTE_KEYS = {k: v for k, v in INLINE_KEYS.items() if k in ("emphasis", "ref", "strong", "link", "strong_emphasis")}


def _structure_inline(c: Converter, value: object, allowed: Mapping[str, tuple[type, str]]) -> m.Inline:
    if isinstance(value, str):
        return value
    key = _one_key(value, allowed, "inline content")
    cls, _field = allowed[key]
    assert isinstance(value, dict)
    payload = value[key]
    if (cls is m.Emphasis or cls is m.Strong) and isinstance(payload, list):
        raise InputError(
            f"{key} holds text (a string), got a list",
            'bold inside italic (or italic inside bold) is its own object: write '
            '[{"emphasis": "The "}, {"strong_emphasis": "Road"}, {"emphasis": " Map"}]',
        )
    if cls is m.Emphasis or cls is m.CrossRef or cls is m.Strong or cls is m.StrongEmphasis or cls is m.TableNoteMark:
        return cls(_structure_str(payload, str))
    if cls is m.Link:
        return _structure_link(payload)
    if cls is m.Citation:
        ids = [payload] if isinstance(payload, str) else payload
        if not isinstance(ids, list) or not ids:
            raise InputError(
                f"a citation needs a participant id or a list of them, got {_describe(payload)}",
                'write {"cite": "basso"} or {"cite": ["philippines", "thailand"]}',
            )
        return m.Citation(tuple(c.structure(ids, list[str])))
    try:
        return m.Note(_structure_inlines(c, payload, _NOTE_KEYS))
    except Exception as error:  # so that its path reads "….note[1]"
        error.__notes__ = [AttributeValidationNote("note", "note", m.Note)]
        raise ClassValidationError("invalid note", [error], m.Note) from None


def _structure_link(payload: object) -> m.Link:
    """{"link": "A/HRC/60/12"} (a symbol, linked to its official page) or {"link": {"text": …, "url": …}}."""
    if isinstance(payload, str):
        return m.Link(payload)
    if not isinstance(payload, dict) or set(payload) - {"text", "url"} or "text" not in payload:
        raise InputError(
            f"a link is a document symbol or an object with \"text\" and \"url\", got {_describe(payload)}",
            'write {"link": "A/HRC/60/12"} or {"link": {"text": "the website", "url": "https://…"}}',
        )
    return m.Link(_structure_str(payload["text"], str), _structure_str(payload.get("url", ""), str))


def _structure_inlines(c: Converter, value: object, allowed: Mapping[str, tuple[type, str]]) -> m.Inlines:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list):
        raise InputError(
            f"expected text (a string or a list), got {_describe(value)}",
            'write "Text." or ["Text", {"note": "A note."}, " more text."]',
        )
    items: list[m.Inline] = []
    errors: list[Exception] = []
    for index, item in enumerate(value):
        try:
            items.append(_structure_inline(c, item, allowed))
        except Exception as error:  # collected, so every bad item is reported at once
            error.__notes__ = [IterableValidationNote(f"inline @ index {index}", index, object)]
            errors.append(error)
            stop = _stop(len(errors), len(value) - index - 1)
            if stop is not None:
                errors.append(stop)
                break
    if errors:
        raise IterableValidationError("invalid inline content", errors, tuple)
    return tuple(items)


def _unstructure_inline(item: m.Inline) -> object:
    match item:
        case str():
            return item
        case m.Note():
            return {"note": _unstructure_inlines(item.text)}
        case m.Citation():
            ids = list(item.participants)
            return {"cite": ids[0] if len(ids) == 1 else ids}
        case m.Emphasis():
            return {"emphasis": item.text}
        case m.CrossRef():
            return {"ref": item.target}
        case m.Strong():
            return {"strong": item.text}
        case m.Link():
            return {"link": {"text": item.text, "url": item.url} if item.url else item.text}
        case m.StrongEmphasis():
            return {"strong_emphasis": item.text}
        case m.TableNoteMark():
            return {"table_note": item.note}
        case _:
            assert_never(item)


def _unstructure_inlines(items: m.Inlines) -> object:
    if len(items) == 1 and isinstance(items[0], str):
        return items[0]
    return [_unstructure_inline(i) for i in items]


def configure_inline_content(c: Converter) -> None:
    """Terse inline runs: a string, or a list of strings and one-key objects."""
    c.register_structure_hook_func(lambda t: t == m.Inlines, lambda v, _: _structure_inlines(c, v, INLINE_KEYS))
    c.register_unstructure_hook_func(lambda t: t == m.Inlines, _unstructure_inlines)


def _need_object(value: object, what: str, example: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(f"expected {what} (an object), got {_describe(value)}", f"write {example}")
    return value


#: The key that tells a block's kind, in the order they are tried; a block with none is a paragraph.
_BLOCK_KEYS: tuple[tuple[tuple[str, ...], type], ...] = (
    (("unnumbered",), m.UnnumberedText),
    (("enacting",), m.Resolution),  # a resolution: its enacting formula
    (("paragraphs",), m.Decision),  # a decision: its text in paragraphs
    (("box",), m.Box),  # a box: its title under "box"
    (("bullet",), m.Bullet),  # an item of a bulleted list
    (("lines",), m.IndentedLines),
    (("rows", "header", "columns"), m.Table),
    (("image", "description", "width"), m.Figure),
    (("items",), m.ProvisionalAgenda),  # a provisional agenda, as a document's or a chapter's text
)


def configure_tagged_unions(c: Converter) -> None:
    """Unions told apart by a key: "unnumbered", "theme", a participant's "kind"."""

    def structure_block(value: object, _: object) -> m.Block:
        obj = _need_object(value, "a paragraph", '{"id": "…", "text": "…"}')
        kind = next((kind for keys, kind in _BLOCK_KEYS if any(key in obj for key in keys)), m.Paragraph)
        return c.structure(obj, kind)

    def structure_decision_part(value: object, _: object) -> m.DecisionPart:
        obj = _need_object(value, "a paragraph of the decision", '{"text": "The Economic and Social Council …"}')
        if "items" in obj:  # the provisional agenda the decision approves
            return c.structure(obj, m.ProvisionalAgenda)
        return c.structure(obj, m.DecisionParagraph)

    def structure_part(value: object, _: object) -> m.ChapterPart:
        obj = _need_object(value, "a section", '{"title": "…", "content": […]}')
        if "theme" in obj:
            return c.structure(obj, m.Findings)
        return c.structure(obj, m.Section)

    def structure_participant(value: object, _: object) -> m.Participant:
        obj = _need_object(value, "a participant", '{"kind": "person", "honorific": "Ms.", "name": "…"}')
        kind = obj.get("kind")
        if not isinstance(kind, str) or kind not in PARTICIPANT_KINDS:
            raise InputError(
                f"a participant needs \"kind\": one of {', '.join(PARTICIPANT_KINDS)}, got {kind!r}",
                'e.g. {"kind": "delegation", "country": "Thailand"}',
            )
        rest = {k: v for k, v in obj.items() if k != "kind"}
        return c.structure(rest, PARTICIPANT_KINDS[kind])

    def by_runtime_class(value: object) -> object:
        return c.unstructure(value, type(value))

    def unstructure_participant(p: m.Participant) -> object:
        return {"kind": _KIND_OF[type(p)], **c.unstructure(p, type(p))}

    c.register_structure_hook_func(lambda t: t == m.Block, structure_block)
    c.register_structure_hook_func(lambda t: t == m.ChapterPart, structure_part)
    c.register_structure_hook_func(lambda t: t == m.Participant, structure_participant)
    c.register_unstructure_hook_func(lambda t: t == m.Block, by_runtime_class)
    c.register_unstructure_hook_func(lambda t: t == m.ChapterPart, by_runtime_class)
    c.register_unstructure_hook_func(lambda t: t == m.Participant, unstructure_participant)
    c.register_structure_hook_func(lambda t: t == m.DecisionPart, structure_decision_part)
    c.register_unstructure_hook_func(lambda t: t == m.DecisionPart, by_runtime_class)


def json_name(field: attrs.Attribute[Any]) -> str:
    """The JSON key of a model field: its name, or the one its metadata gives ("$schema")."""
    return str(field.metadata.get(m.JSON_NAME, field.name))


#: Keys that lead their object when present: where a file's schema is, a node's id; what prints
#: before an operative paragraph or an agenda item (a "***" line, a subheading) before its text.
LEADING_KEYS = (m.SCHEMA_KEY, "id", "separated", "heading")


def leading_first(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with :data:`LEADING_KEYS` first (an id reads best first: {"id": "p-themes", …})."""
    lead = {key: data.pop(key) for key in LEADING_KEYS if key in data}
    return {**lead, **data} if lead else data


def _is_record(t: object) -> bool:
    """A class of the model that JSON writes as an object (inline kinds have their own rules)."""
    return isinstance(t, type) and attrs.has(t) and t.__module__.startswith("cstd_docs.model.")


def _renames(cls: type) -> dict[str, Any]:
    return {f.name: override(rename=json_name(f)) for f in attrs.fields(cls) if json_name(f) != f.name}


def configure_records(c: Converter) -> None:
    """Every model class: an object with its JSON names, leading keys first, defaults left out."""

    def structure_factory(cls: type) -> Callable[[Any, Any], Any]:
        resolve_field_types(cls)  # before cattrs asks typing for them (model/typed.py)
        hook: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, c, **_renames(cls))
        fields = ", ".join(json_name(f) for f in attrs.fields(cls))

        def structure(value: object, t: object) -> Any:
            if not isinstance(value, dict):
                raise InputError(f"expected an object, got {_describe(value)}", f"write {{…}} with the fields {fields}")
            return hook(value, t)

        return structure

    def unstructure_factory(cls: type) -> Callable[[Any], dict[str, Any]]:
        resolve_field_types(cls)
        plain: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
            cls, c, _cattrs_omit_if_default=True, **_renames(cls)
        )
        if not {json_name(f) for f in attrs.fields(cls)} & set(LEADING_KEYS):
            return plain
        return lambda value: leading_first(plain(value))

    c.register_structure_hook_factory(_is_record, structure_factory)
    c.register_unstructure_hook_factory(_is_record, unstructure_factory)


#: How the converter is configured, one concern a step. The order is free (see above).
CONFIGURE_STEPS: tuple[Callable[[Converter], None], ...] = (
    configure_scalars,
    configure_containers,
    configure_inline_content,
    configure_tagged_unions,
    configure_records,
    configure_tables,
)


def make_converter(steps: Iterable[Callable[[Converter], None]] = CONFIGURE_STEPS) -> Converter:
    """Build the converter; every JSON rule of the project is one of the configure steps."""
    c = Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=True)
    for step in steps:
        step(c)
    return c


def warm_up() -> None:
    """Make every model class's hooks now rather than on first use (cattrs generates code
    for each): before a fork, so that worker processes inherit them."""
    c = converter()
    for value in vars(m).values():
        if _is_record(value):
            c.get_structure_hook(value)
            c.get_unstructure_hook(value)


_converter: Converter | None = None


def converter() -> Converter:
    global _converter
    if _converter is None:
        _converter = make_converter()
    return _converter

