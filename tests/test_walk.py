"""The one traversal of the model: every node once, in reading order, named by its JSON path."""

from __future__ import annotations

import datetime
import json
import typing
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from tests.conftest import REFERENCE_EXAMPLE
from tests.strategies import reports

import cstd_docs
from cstd_docs.model import (
    Annex,
    Chapter,
    Findings,
    Masthead,
    Node,
    Paragraph,
    Report,
    Section,
    Session,
    Subparagraph,
    Subsection,
    Suggestion,
    UnnumberedText,
)
from cstd_docs.model.walk import children, walk

REPORT = Report(
    masthead=Masthead(date=datetime.date(2022, 2, 1)),
    body="Commission on Science and Technology for Development",
    session=Session(25, "Geneva", datetime.date(2022, 3, 28), datetime.date(2022, 4, 1)),
    title="Report",
    chapters=[
        Chapter("Introduction", [Paragraph("One.", subparagraphs=[Subparagraph("a", [Subparagraph("i")])])]),
        Chapter("Themes", [UnnumberedText("Lead.")], sections=[
            Section("A section", subsections=[Subsection("A subsection", [Paragraph("Two.")])]),
            Findings("A theme", main_findings=[Paragraph("Three.")],
                     suggestions=[Suggestion("Member States", [Subparagraph("act")])]),
        ]),
    ],
    annexes=[Annex("Participants", [Paragraph("Four.")]), Annex("Agenda")],
)


def test_every_node_in_reading_order_with_its_json_path() -> None:
    # Written out by hand from the report above, as a person reads it.
    assert [(type(v.node).__name__, v.path) for v in walk(REPORT)] == [
        ("Chapter", "$.chapters[0]"),
        ("Paragraph", "$.chapters[0].content[0]"),
        ("Subparagraph", "$.chapters[0].content[0].subparagraphs[0]"),
        ("Subparagraph", "$.chapters[0].content[0].subparagraphs[0].subparagraphs[0]"),
        ("Chapter", "$.chapters[1]"),
        ("UnnumberedText", "$.chapters[1].content[0]"),
        ("Section", "$.chapters[1].sections[0]"),
        ("Subsection", "$.chapters[1].sections[0].subsections[0]"),
        ("Paragraph", "$.chapters[1].sections[0].subsections[0].content[0]"),
        ("Findings", "$.chapters[1].sections[1]"),
        ("Paragraph", "$.chapters[1].sections[1].main_findings[0]"),
        ("Suggestion", "$.chapters[1].sections[1].suggestions[0]"),
        ("Subparagraph", "$.chapters[1].sections[1].suggestions[0].courses[0]"),
        ("Annex", "$.annexes[0]"),
        ("Paragraph", "$.annexes[0].content[0]"),
        ("Annex", "$.annexes[1]"),
    ]


def test_a_visit_knows_its_siblings_parent_and_depth() -> None:
    visits = {v.path: v for v in walk(REPORT)}
    inner = visits["$.chapters[0].content[0].subparagraphs[0].subparagraphs[0]"]
    assert (inner.depth, inner.field, inner.index, inner.count) == (2, "subparagraphs", 0, 1)
    assert [type(a).__name__ for a in inner.ancestors] == ["Chapter", "Paragraph", "Subparagraph"]
    assert inner.parent is REPORT.chapters[0].content[0].subparagraphs[0]
    course = visits["$.chapters[1].sections[1].suggestions[0].courses[0]"]
    assert (course.depth, course.field) == (1, "courses")
    second_annex = visits["$.annexes[1]"]
    assert (second_annex.index, second_annex.count, second_annex.parent, second_annex.depth) == (1, 2, None, 0)
    assert visits["$.chapters[1].sections[1].main_findings[0]"].field == "main_findings"


def test_children_knows_every_kind_of_node() -> None:
    # A new member of model.Node without a case in children() fails here as well as in mypy.
    kinds = typing.get_args(Node)
    assert len(kinds) == 24
    for kind in kinds:
        fields = {f.name for f in attrs.fields(kind)}
        assert {name for name, _ in children(_minimal(kind))} <= fields


def _minimal(kind: type) -> Any:
    required = {"title": "t", "text": "t", "unnumbered": "t", "theme": "t", "addressee": "a", "courses": (),
                "enacting": "t", "paragraphs": (), "bullet": "t", "line": "t", "lines": (), "rows": (), "image": b"",
                "items": ()}
    names = {f.name for f in attrs.fields(kind)}
    return kind(**{k: v for k, v in required.items() if k in names})


def _objects_with_paths(data: object, path: str = "$") -> list[str]:
    """The JSON path of every object in the file that becomes a node (a heading or a block)."""
    found: list[str] = []
    if isinstance(data, dict):
        if path != "$" and any(k in data for k in ("text", "unnumbered", "title", "theme", "addressee", "bullet",
                                                    "lines", "line", "items", "box", "rows", "header", "image")):
            found.append(path)
        if "rows" in data or "header" in data:  # a table's cells and notes are no nodes
            return found
        # The boxed summary is read first, under the title block on page 1, wherever the file puts it.
        keys = sorted(data, key=lambda key: key != "summary") if path == "$" else list(data)
        for key in keys:
            # A link is inline; the letter of transmittal is front matter, as the masthead is, not the body.
            if key not in ("participants", "masthead", "session", "agenda_items", "link", "letter"):
                found += _objects_with_paths(data[key], f"{path}.{key}")
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found += _objects_with_paths(item, f"{path}[{index}]")
    return found


def test_the_paths_are_the_paths_in_the_file() -> None:
    # Every node of the reference report is visited once, at the path its object has in the JSON.
    data = json.loads(REFERENCE_EXAMPLE.read_text(encoding="utf-8"))
    expected = _objects_with_paths(data)
    assert len(expected) > 50
    assert [v.path for v in walk(cstd_docs.load(REFERENCE_EXAMPLE))] == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_report_is_walked_along_its_json(report: Report) -> None:
    assert [v.path for v in walk(report)] == _objects_with_paths(json.loads(cstd_docs.dumps(report)))
