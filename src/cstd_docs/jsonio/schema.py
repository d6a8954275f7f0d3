"""The JSON Schema of report files, generated from the model (never written by hand).

It follows the converter's rules: terse inline content, unions told apart by a key,
defaults optional. Editors that read ``$schema`` complete and check fields with it.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import json
import types
import typing
from typing import Any, Union

import attrs

from cstd_docs import model as m
from cstd_docs.jsonio.converter import PARTICIPANT_KINDS, json_name, leading_first

SCHEMA_ID = "https://cstd-docs.invalid/schemas/report.schema.json"


def _doc(cls: type) -> str:
    return (inspect.getdoc(cls) or "").split("\n\n")[0].replace("\n", " ")


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, name: str) -> dict[str, str]:
        return {"$ref": f"#/$defs/{name}"}

    def type_schema(self, tp: Any) -> dict[str, Any]:
        if tp == m.Inlines:
            return self.ref("Inlines")
        if tp == m.Block:
            return self.union("Block", typing.get_args(m.Block), "A numbered paragraph, unnumbered text, a "
                              "resolution, a decision or a provisional agenda.")
        if tp == m.ChapterPart:
            return self.union("ChapterPart", typing.get_args(m.ChapterPart), "A section, or the findings on a theme.")
        if tp == m.Participant:
            return self.ref("Participant")
        if tp is m.Cell:  # a cell's text alone, or an object when it spans or aligns apart (issue 13)
            return self.cell()
        if tp is bytes:  # a figure's image
            return {"type": "string", "description": "A PNG, JPEG or GIF image as a data: URI.",
                    "pattern": "^data:image/(png|jpeg|gif);base64,", "contentEncoding": "base64"}
        if tp == m.DecisionPart:
            return self.union("DecisionPart", typing.get_args(m.DecisionPart),
                              "A paragraph of a decision, or the provisional agenda it approves.")
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (Union, types.UnionType):
            rest = [a for a in args if a is not type(None)]
            inner = self.type_schema(rest[0]) if len(rest) == 1 else {"anyOf": [self.type_schema(a) for a in rest]}
            return {"anyOf": [inner, {"type": "null"}]} if type(None) in args else inner
        if origin is tuple:
            return {"type": "array", "items": self.type_schema(args[0])}
        if origin is dict:
            return {"type": "object", "additionalProperties": self.type_schema(args[1])}
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is datetime.date:
            return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [e.value for e in tp], "description": _doc(tp)}
        if attrs.has(tp):
            return self.attrs_class(tp)
        raise TypeError(f"no schema rule for {tp!r}")

    def union(self, name: str, classes: tuple[type, ...], description: str) -> dict[str, str]:
        if name not in self.defs:
            self.defs[name] = {"description": description, "oneOf": [self.type_schema(c) for c in classes]}
        return self.ref(name)

    def attrs_class(self, cls: type, extra: dict[str, Any] | None = None, name: str | None = None) -> dict[str, str]:
        name = name or cls.__name__
        if name in self.defs:
            return self.ref(name)
        self.defs[name] = {}  # placeholder: classes refer to themselves (subparagraphs)
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = dict(extra or {})
        required: list[str] = list(extra or {})
        for field in attrs.fields(cls):
            key = json_name(field)
            properties[key] = self.type_schema(hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(key)
        # The schema lists keys in the JSON's order, for editors that show it in order.
        properties = leading_first(properties)
        schema: dict[str, Any] = {
            "type": "object",
            "description": _doc(cls),
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        self.defs[name] = schema
        return self.ref(name)

    def inline_defs(self) -> None:
        text = {"type": "string"}
        styled = self.styled_defs(text)
        note_inline = {
            "oneOf": [
                text,
                self.keyed("emphasis", text, "Italic text: titles of publications."),
                self.keyed("ref", text, "The current number of a paragraph or heading, by its id."),
                *styled,
            ]
        }
        self.defs["NoteInlines"] = {
            "description": "A note's text: a string, or a list of strings, emphasis, strong text, links, references.",
            "oneOf": [text, {"type": "array", "items": note_inline}],
        }
        ids = {"oneOf": [text, {"type": "array", "items": text, "minItems": 1}]}
        self.defs["Inline"] = {
            "oneOf": [
                text,
                self.keyed("emphasis", text, "Italic text: titles of publications."),
                self.keyed("note", self.ref("NoteInlines"), "A footnote with free text."),
                self.keyed("cite", ids, "A footnote naming registered participants, by id."),
                self.keyed("ref", text, "The current number of a paragraph or heading, by its id."),
                *styled,
                self.keyed("table_note", text, "The mark of one of its table's notes, by the note's id (in a cell)."),
            ]
        }
        self.defs["Inlines"] = {
            "description": "Text: a string, or a list of strings, emphasis, strong text, links, notes, citations, refs",
            "oneOf": [text, {"type": "array", "items": self.ref("Inline")}],
        }

    def styled_defs(self, text: dict[str, Any]) -> list[dict[str, Any]]:
        """Strong text and links (issue 13), allowed in text and in notes alike."""
        address = {
            "type": "object",
            "properties": {"text": text, "url": {"type": "string", "pattern": "^(https?://|mailto:)"}},
            "required": ["text", "url"],
            "additionalProperties": False,
        }
        return [
            self.keyed("strong", text, "Bold text."),
            self.keyed("strong_emphasis", text, "Bold italic text: bold inside italic, or italic inside bold."),
            self.keyed(
                "link",
                {"oneOf": [text, address]},
                "A link: a UN document symbol (to its official page) or text with a web address.",
            ),
        ]

    def cell(self) -> dict[str, str]:
        if "Cell" not in self.defs:
            self.defs["Cell"] = {"description": "A table's cell: its text, or an object when it spans or aligns apart.",
                                 "oneOf": [self.ref("Inlines"), self.attrs_class(m.Cell, name="CellObject")]}
        return self.ref("Cell")

    @staticmethod
    def keyed(key: str, value: dict[str, Any], description: str) -> dict[str, Any]:
        return {
            "type": "object",
            "description": description,
            "properties": {key: value},
            "required": [key],
            "additionalProperties": False,
        }

    def participants(self) -> None:
        options = []
        for kind, cls in PARTICIPANT_KINDS.items():
            options.append(self.attrs_class(cls, {"kind": {"const": kind}}))
        self.defs["Participant"] = {
            "description": "A person, a delegation or an organization cited in notes.",
            "oneOf": options,
        }


def report_schema() -> dict[str, Any]:
    builder = _Builder()
    builder.inline_defs()
    builder.participants()
    builder.attrs_class(m.Report)
    root = builder.defs.pop("Report")
    return {
        m.SCHEMA_KEY: "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "cstd-docs report",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_text() -> str:
    return json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"
