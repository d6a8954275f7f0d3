"""Style families as data: which Word styles mean a title, a chapter, body text, a note.

A family is a JSON file (``readers/styles/<name>.json``, or the user's own, passed to
``cstd-docs import --styles FILE.json``) structured by cattrs into :class:`StyleFamily`;
a missing, misspelt or extra key fails when the file loads, naming the file and the key.
docs/import.md describes the format; ``cstd-docs schema --styles`` writes its JSON Schema.

Each entry names a style by its id (``HChG``), its name (``_ H _Ch_G``) or both, compared
without spaces, underscores or case, and gives its :class:`Role`. Word's own family also
reads headings by their outline level; a family may also know its headings by their look
(bold at a size), for copies that lost their styles (a title typed in "Normal").
"""

from __future__ import annotations

import enum
import json
import os
import re
from functools import cache
from pathlib import Path
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

__all__ = ["BUILT_IN", "HEADING_ROLES", "Look", "Role", "StyleEntry", "StyleFamily", "built_in_families",
           "load_family", "norm_style", "parse_family", "styles_schema"]

#: The families the library knows, in the order they are asked (the user's own goes first).
BUILT_IN = ("unog", "new_york", "word")
_DATA = Path(__file__).parent / "styles"


class Role(enum.Enum):
    """What a paragraph of a style is, in the report's terms."""

    TITLE = "title"
    CHAPTER = "chapter"
    SECTION = "section"
    SUBSECTION = "subsection"
    HEADING4 = "heading4"
    HEADING5 = "heading5"
    #: "Annex 1" (or "Annex" over the annex's title, in the style's next paragraph).
    ANNEX = "annex"
    #: Body text: a paragraph when typed "1." TAB or numbered by Word, else unnumbered text.
    BODY = "body"
    #: An item of a paragraph's list, (a): typed "(a)" TAB, or numbered by Word.
    SUBPARAGRAPH = "subparagraph"
    #: An item one level down, (i).
    SUBPARAGRAPH2 = "subparagraph2"
    BULLET1 = "bullet1"
    BULLET2 = "bullet2"
    #: A line of the first page's block (the body, the session, the agenda) in a style of its own.
    FRONT = "front"
    FOOTNOTE = "footnote"
    FOOTER = "footer"
    #: An entry of a table of contents: derived from the headings, so not read as text.
    CONTENTS = "contents"

    @property
    def key(self) -> str:
        """The name the Word reader dispatches on: the UN Geneva style it stands for (its own vocabulary)."""
        return _KEYS[self]


_KEYS = {
    Role.TITLE: "hmg", Role.CHAPTER: "hchg", Role.SECTION: "h1g", Role.SUBSECTION: "h23g", Role.HEADING4: "h4g",
    Role.HEADING5: "h56g", Role.ANNEX: "annex", Role.BODY: "singletxtg", Role.SUBPARAGRAPH: "subparagraph",
    Role.SUBPARAGRAPH2: "subparagraph2", Role.BULLET1: "bullet1g", Role.BULLET2: "bullet2g", Role.FRONT: "front",
    Role.FOOTNOTE: "footnotetext", Role.FOOTER: "footer", Role.CONTENTS: "contents",
}
#: The roles that make a heading of the report.
HEADING_ROLES = frozenset({Role.TITLE, Role.CHAPTER, Role.SECTION, Role.SUBSECTION, Role.HEADING4, Role.HEADING5,
                           Role.ANNEX})


def norm_style(name: str) -> str:
    """A style's id or name as compared: no spaces or underscores, lower case ("_ H _Ch_G" → "hchg")."""
    return re.sub(r"[\s_]", "", name).lower()


def _some_name(entry: StyleEntry, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if entry.id is None and value is None:
        raise ValueError("give the style's id, its name, or both")


@frozen
class StyleEntry:
    """One style of a family: its id and/or name, and its role."""

    role: Role
    id: str | None = None
    name: str | None = field(default=None, validator=_some_name)


@frozen
class Look:
    """A paragraph in no style of the family but set as one of its headings: all its text bold at ``points``."""

    role: Role
    points: float
    bold: bool = True


def _roles_only(_: Any, attribute: attrs.Attribute[Any], value: tuple[Role, ...]) -> None:
    if len(value) > 9:
        raise ValueError(f"{attribute.name}: Word has nine outline levels, {len(value)} were given")


@frozen
class StyleFamily:
    """A template's styles: what each means, and how to tell its headings when the styles are lost."""

    family: str
    description: str = ""
    styles: tuple[StyleEntry, ...] = ()
    #: The role of a style of outline level 1, 2, … (Word's built-in headings, in any UI language).
    outline_levels: tuple[Role, ...] = field(default=(), validator=_roles_only)
    looks: tuple[Look, ...] = ()
    #: Its headings count only where no other family's headings are used (Word's own "Heading 1"
    #: is a figure's caption in a UN template document, a chapter in a document of its own).
    fallback: bool = False
    #: Where the file says its schema is.
    schema: str | None = None


def _text(value: object, _: object = None) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {json.dumps(value, ensure_ascii=False)}")
    return value


def _flag(value: object, _: object = None) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {json.dumps(value, ensure_ascii=False)}")
    return value


def _points(value: object, _: object = None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value <= 200:
        raise ValueError(f"expected a size in points (1 to 200), got {json.dumps(value, ensure_ascii=False)}")
    return float(value)


def _role(value: object, _: object = None) -> Role:
    try:
        return Role(value)
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise ValueError(f"unknown role {json.dumps(value, ensure_ascii=False)}; roles: {known}") from None


def _converter() -> Converter:
    c = Converter(forbid_extra_keys=True, detailed_validation=True)
    c.register_structure_hook(str, _text)
    c.register_structure_hook(bool, _flag)
    c.register_structure_hook(float, _points)
    c.register_structure_hook(Role, _role)
    c.register_structure_hook(StyleFamily, make_dict_structure_fn(
        StyleFamily, c, schema=override(rename="$schema"), _cattrs_forbid_extra_keys=True))
    return c


_CONVERTER = _converter()


def _message(error: BaseException, kind: type | None) -> str:
    if type(error) is ValueError and str(error):
        return str(error)
    return format_exception(error, kind)


def parse_family(text: str, where: str) -> StyleFamily:
    """The family in ``text`` (a JSON file's contents); ReportError naming the key when it is wrong."""
    hint = "correct the style family (docs/import.md describes its keys)"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportError.single(where, f"not valid JSON: {error}", hint) from None
    if not isinstance(data, dict):
        raise ReportError.single(where, "a style family is a JSON object", hint)
    try:
        return _CONVERTER.structure(data, StyleFamily)
    except (ClassValidationError, ForbiddenExtraKeysError) as error:
        messages = transform_error(error, path="$", format_exception=_message)
        raise ReportError([Problem(where, message, hint) for message in messages]) from None


def load_family(path: str | os.PathLike[str]) -> StyleFamily:
    """A user's style family from its file (``cstd-docs import --styles FILE.json``)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise ReportError.single(str(file), f"cannot read the style family: {error.strerror or error}",
                                 "check the path") from None
    except UnicodeDecodeError:
        raise ReportError.single(str(file), "the style family is not UTF-8 text", "save it as UTF-8") from None
    return parse_family(text, str(file))


@cache
def built_in_families() -> tuple[StyleFamily, ...]:
    """The UN Geneva, New York and Word families, in the order they are asked."""
    return tuple(parse_family((_DATA / f"{name}.json").read_text(encoding="utf-8"), f"readers/styles/{name}.json")
                 for name in BUILT_IN)


def styles_schema() -> dict[str, Any]:
    """The JSON Schema of a style family file."""
    roles = {"enum": [role.value for role in Role]}
    entry = {"type": "object", "additionalProperties": False, "required": ["role"],
             "anyOf": [{"required": ["id"]}, {"required": ["name"]}],
             "properties": {"role": roles, "id": {"type": "string", "description": "the style's id (w:styleId)"},
                            "name": {"type": "string", "description": "the style's name as Word shows it"}}}
    look = {"type": "object", "additionalProperties": False, "required": ["role", "points"],
            "properties": {"role": roles, "points": {"type": "number", "minimum": 1, "maximum": 200},
                           "bold": {"type": "boolean"}}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://cstd-docs.invalid/schemas/styles.schema.json",
        "title": "cstd-docs style family",
        "description": "What each Word style of a template means to `cstd-docs import` (docs/import.md).",
        "type": "object", "additionalProperties": False, "required": ["family"],
        "properties": {
            "$schema": {"type": "string"},
            "family": {"type": "string", "description": "the family's name, as warnings name it"},
            "description": {"type": "string"},
            "styles": {"type": "array", "items": entry},
            "outline_levels": {"type": "array", "items": roles, "maxItems": 9,
                               "description": "the role of a style of outline level 1, 2, …"},
            "looks": {"type": "array", "items": look},
            "fallback": {"type": "boolean",
                         "description": "its headings count only where no other family's headings are used"},
        },
    }
