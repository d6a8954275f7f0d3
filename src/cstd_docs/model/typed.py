"""Every model class checks the types of its fields when it is built.

A report written in Python meets the same rules as one read from JSON: a wrong value
is refused where it is written, with a :class:`~cstd_docs.errors.ReportError` naming the
class and field (``AgendaItem.title: expected text, got None``), instead of an
``AttributeError`` deep inside a writer later. Each object checks only its own fields,
and a child was checked when it was built, so a whole report is checked in linear time.

The converters of the model's fields (``to_inlines``, dates from ISO strings, enums)
turn unambiguous values into the declared type and leave anything else as it was, for
the check here to name.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import re
import sys
import types
import typing
from collections.abc import Callable
from typing import Any, cast

import attrs

from cstd_docs import codecache
from cstd_docs.errors import ReportError

#: (where inside the value, what was expected there, the wrong value) or None for a right one.
Found = tuple[str, str, object] | None
Checker = Callable[[object], Found]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def to_date(value: datetime.date | str | None) -> datetime.date:
    """A ``datetime.date`` from itself or an ISO string ("2026-04-03"); anything else unchanged."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass  # "2026-02-30": the check names the field and the value
    return value  # type: ignore[return-value]


def to_enum(cls: type[enum.Enum]) -> Callable[[object], Any]:
    """A converter to ``cls`` from a member or its value; anything else unchanged."""

    def convert(value: object) -> object:
        try:
            return cls(value)
        except (ValueError, TypeError):
            return value

    return convert


def _name(t: object) -> str:
    if t is str:
        return "text (a str)"
    if t is int:
        return "a whole number (an int)"
    if t is bool:
        return "True or False"
    if t is datetime.date:
        return 'a date (datetime.date or "YYYY-MM-DD")'
    if t is type(None):
        return "None"
    if isinstance(t, type) and issubclass(t, enum.Enum):
        return f"one of {', '.join(repr(m.value) for m in t)}"
    return getattr(t, "__name__", str(t))


def _listed(names: list[str]) -> str:
    return " or ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " or " + names[-1]


def _union(members: tuple[Any, ...]) -> Checker:
    classes = _classes(members)
    expected = _listed([_name(m) for m in members])
    if classes is not None:  # str | Emphasis | …: one isinstance
        return lambda value: None if isinstance(value, classes) else ("", expected, value)
    checkers = [checker(m) for m in members]

    def check(value: object) -> Found:
        return None if any(c(value) is None for c in checkers) else ("", expected, value)

    return check


def _classes(members: tuple[Any, ...]) -> tuple[type, ...] | None:
    """The classes a value must be an instance of, where isinstance alone decides (not int, bool, date)."""
    plain = all(
        isinstance(m, type) and m not in (int, bool, datetime.date) and not typing.get_args(m) for m in members
    )
    return tuple(members) if plain else None


def _members(t: object) -> tuple[Any, ...]:
    return typing.get_args(t) if isinstance(t, types.UnionType) else (t,)


def _sequence(item_type: object) -> Checker:
    item = checker(item_type)
    members = _members(item_type)
    names = ", ".join(getattr(m, "__name__", str(m)) for m in members)
    # Inline content: a bare string is accepted too (Paragraph("Text.")).
    expected = f"text (a str) or a list of {names}" if str in members else f"a list or tuple of {names}"
    classes = _classes(members)

    def check(value: object) -> Found:
        if not isinstance(value, tuple):
            return "", expected, value
        for index, element in enumerate(value):
            # One isinstance per item where it decides: 10,000 paragraphs are built often.
            if classes is not None and isinstance(element, classes):
                continue
            found = item(element)
            if found is not None:
                return f"[{index}]{found[0]}", found[1], found[2]
        return None

    return check


def _mapping(value_type: object) -> Checker:
    item = checker(value_type)

    def check(value: object) -> Found:
        if not isinstance(value, dict):
            return "", f"a dict of ids to {_listed([_name(m) for m in _members(value_type)])}", value
        for key, element in value.items():
            if not isinstance(key, str):
                return "", "a dict whose keys are ids (str)", key
            found = item(element)
            if found is not None:
                return f"[{key!r}]{found[0]}", found[1], found[2]
        return None

    return check


def _scalar(t: type, accepts: Callable[[object], bool]) -> Checker:
    expected = _name(t)
    return lambda value: None if accepts(value) else ("", expected, value)


def checker(t: object) -> Checker:
    """The check of a value against a field's declared type."""
    origin = typing.get_origin(t)
    args = typing.get_args(t)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _sequence(args[0])
    if origin is dict:
        return _mapping(args[1])
    if isinstance(t, types.UnionType) or origin is typing.Union:
        return _union(args)
    if t is bool:
        return _scalar(bool, lambda value: isinstance(value, bool))
    if t is int:
        return _scalar(int, lambda value: isinstance(value, int) and not isinstance(value, bool))
    if t is datetime.date:  # a datetime is a date, but its time would be lost without a word
        return _scalar(t, lambda v: isinstance(v, datetime.date) and not isinstance(v, datetime.datetime))
    assert isinstance(t, type), t
    return _scalar(t, lambda value: isinstance(value, t))


def _shown(value: object) -> str:
    if value is None:
        return "None"
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 40 else text[:39] + '…'}"


def _hint(expected: str, value: object) -> str:
    if isinstance(value, dict) and "Emphasis" in expected:
        return ("inline content is Emphasis('…'), Strong('…'), Link('…'), Note('…'), Citation('id') or "
                "CrossRef('id'), not a JSON object")
    if type(value).__name__ == "Subsection":
        return "a Subsection belongs in a Section's subsections"
    if value is None:
        return "give a value, or leave the field out for its default"
    if isinstance(value, datetime.datetime):
        return "give the day only: value.date()"
    if isinstance(value, str) and "date" in expected:
        return 'write a real date as "YYYY-MM-DD", or datetime.date(2026, 4, 3)'
    if isinstance(value, (int, float)) and "text" in expected:
        return 'write text in quotes: "…"'

    if isinstance(value, str) and "list" in expected:
        return "put the item in a list: [item]"
    return "see docs/api.md for the fields of each class"


class _FieldCheck:
    """The validator of one field: its checker is made at first use, when every class exists."""

    __slots__ = ("check",)

    def __init__(self) -> None:
        self.check: Checker | None = None

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check = self.check
        if check is None:
            # attrs evaluates the class's string annotations once and keeps them on its fields;
            # cattrs, which asks for them too when it writes the JSON hooks, finds them there.
            cls = cast("type[attrs.AttrsInstance]", type(instance))
            resolve_field_types(cls)
            check = self.check = checker(attrs.fields_dict(cls)[attribute.name].type)
        found = check(value)
        if found is not None:
            _refuse(type(instance).__name__, attribute, found)


#: Each string annotation evaluated so far, by the module it was written in.
_EVALUATED: dict[tuple[str, str], object] = {}


def resolve_field_types(cls: type[attrs.AttrsInstance]) -> None:
    """``attrs.resolve_types(cls)``: each field's string annotation evaluated where it was
    written, and kept on the field, where attrs, cattrs and the checks here read it.

    ``typing.get_type_hints``, which attrs calls, compiles every annotation of the class and
    its bases each time; here each annotation's code is compiled once per installation
    (``codecache``) and evaluated once per process. A name the module cannot give (one
    defined inside the class) falls back to attrs' own way.
    """
    if getattr(cls, "__attrs_types_resolved__", None) is cls:
        return
    resolved: list[tuple[attrs.Attribute[Any], object]] = []
    for f in attrs.fields(cls):
        if isinstance(f.type, str):
            try:
                module = _declaring_module(cls, f.name) if f.inherited else cls.__module__
                resolved.append((f, _evaluated(module, f.type)))
            except NameError:
                attrs.resolve_types(cls)
                return
    for f, kind in resolved:
        object.__setattr__(f, "type", kind)  # attrs' fields are frozen; resolve_types does the same
    cls.__attrs_types_resolved__ = cls  # type: ignore[attr-defined]  # attrs' own mark, so it does not redo it


def _declaring_module(cls: type, name: str) -> str:
    """The module of the base of ``cls`` whose annotation of the inherited field ``name`` applies."""
    for klass in cls.__mro__:
        if name in inspect.get_annotations(klass):
            return klass.__module__
    return cls.__module__


def _evaluated(module: str, annotation: str) -> object:
    try:
        return _EVALUATED[module, annotation]
    except KeyError:
        pass
    namespace = sys.modules[module].__dict__
    kind = eval(codecache.compiled_annotation(annotation, "<annotation>"), namespace)  # the module's own annotation
    _EVALUATED[module, annotation] = type(None) if kind is None else kind
    return _EVALUATED[module, annotation]


def _refuse(owner: str, attribute: attrs.Attribute[Any], found: tuple[str, str, object]) -> None:
    where, expected, value = found
    hint = _hint(expected, value)
    if value is None and not where and attribute.default is attrs.NOTHING:
        hint = "the field is required: give a value"
    raise ReportError.single(f"{owner}.{attribute.name}{where}", f"expected {expected}, got {_shown(value)}", hint)


def typed_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """An attrs ``field_transformer``: every field checks its value's type.

    attrs hands the transformer attributes made for this class alone, so the validator is
    set on them in place, as attrs' own ``resolve_types`` sets their types: ``evolve``
    copies an attribute slot by slot, a quarter of the time a model class took to build.
    """
    for f in fields:
        check = _FieldCheck()
        object.__setattr__(f, "validator", check if f.validator is None else attrs.validators.and_(f.validator, check))
    return fields
