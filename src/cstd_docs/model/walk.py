"""The one traversal of a report's body: every node, in reading order, with its place.

Every walker of the model (the checks, the resolution pass) takes its nodes from
:func:`walk` and dispatches with ``match`` over :data:`~cstd_docs.model.Node`, closed by
``assert_never``; so a new block kind is one case in :func:`children` and one in each
walker, and mypy names every walker that has not learnt it.

A :class:`Visit` names its node's place by the JSON path the node has in a report file
("$.chapters[1].sections[0].content[2]"), so a problem found in a report built in Python
reads the same as one found in a file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import assert_never

from attrs import define

from cstd_docs.model.agenda import AgendaDocument, ProvisionalAgenda, ProvisionalItem, ProvisionalSubItem
from cstd_docs.model.body import (
    Annex,
    Box,
    Chapter,
    Findings,
    Node,
    Paragraph,
    Section,
    Subsection,
    Suggestion,
    UnnumberedText,
)
from cstd_docs.model.instruments import Decision, DecisionParagraph, Operative, Preambular, Resolution
from cstd_docs.model.items import Subparagraph
from cstd_docs.model.lists import Bullet, IndentedLines, Line
from cstd_docs.model.report import Report
from cstd_docs.model.tables import Figure, Table

__all__ = ["Visit", "children", "walk"]


# Not frozen: a walk makes one visit per node, and a frozen class's __init__ costs three
# times as much (a tenth of the whole check). Walkers read a visit; none changes one.
@define
class Visit:
    """One node met by :func:`walk`, with where it stands."""

    node: Node
    #: The node's JSON path: "$.chapters[1].sections[0].content[2]".
    path: str
    #: The JSON path of the list that holds it: "$.chapters[1].sections[0].content".
    within: str
    #: Its place in that list, from 0.
    index: int
    #: How many nodes that list holds ("Annex" alone, or "Annex I", "Annex II").
    count: int
    #: The nodes that hold it, outermost first (empty for a chapter or an annex of the report).
    ancestors: tuple[Node, ...]
    #: For a subparagraph, 1 for (a), 2 for (i), 3 for a., 4 for i.; for a bullet, 1 or 2 (a bullet
    #: of a bullet); 0 for any other node.
    depth: int

    @property
    def field(self) -> str:
        """The name of the list that holds it: "content", "main_findings", "courses", …"""
        return self.within.rsplit(".", 1)[-1]

    @property
    def parent(self) -> Node | None:
        return self.ancestors[-1] if self.ancestors else None


def children(node: Node) -> tuple[tuple[str, Sequence[Node]], ...]:
    """A node's lists of nodes, each with its JSON name, in reading order.

    The one place that knows how the body nests: a new block kind starts here.
    """
    match node:  # the most frequent kinds first: a match tries its cases in order
        case Paragraph() | Subparagraph():
            return (("subparagraphs", node.subparagraphs),)
        case Preambular():
            return ()
        case UnnumberedText():
            return (("subparagraphs", node.subparagraphs),)
        case Operative() | DecisionParagraph():
            return (("subparagraphs", node.subparagraphs),)
        case Decision():
            return (("paragraphs", node.paragraphs),)
        case Resolution():
            return (("preamble", node.preamble), ("operative", node.operative))
        case Suggestion():
            return (("courses", node.courses),)
        case Section():
            return (("content", node.content), ("subsections", node.subsections))
        case Subsection():
            return (("content", node.content),)
        case Findings():
            return (("main_findings", node.main_findings), ("suggestions", node.suggestions))
        case Chapter():
            return (("content", node.content), ("sections", node.sections))
        case Annex():
            return (("content", node.content), ("chapters", node.chapters))
        case Box():
            return (("content", node.content),)
        case Bullet():
            return (("bullets", node.bullets),)
        case IndentedLines():
            return (("lines", node.lines),)
        case ProvisionalAgenda():
            return (("items", node.items),)
        case ProvisionalItem():
            return (("sub_items", node.sub_items), ("documentation", node.documentation))
        case ProvisionalSubItem():
            return (("documentation", node.documentation),)
        case Line() | Table() | Figure() | AgendaDocument():  # a table's cells and notes are no nodes
            return ()
        case _:
            assert_never(node)


def _nodes(nodes: Sequence[Node], within: str, ancestors: tuple[Node, ...], depth: int) -> Iterator[Visit]:
    """``nodes`` and all they hold; ``depth`` is the one they have if they are subparagraphs or bullets."""
    count = len(nodes)
    for index, node in enumerate(nodes):
        here = f"{within}[{index}]"
        nested = isinstance(node, (Subparagraph, Bullet))  # items whose depth is their level
        yield Visit(node, here, within, index, count, ancestors, depth if nested else 0)
        lists = children(node)
        if lists:
            inner = (*ancestors, node)
            for name, items in lists:
                if items:
                    yield from _nodes(items, f"{here}.{name}", inner, depth + 1 if nested else 1)


def walk(report: Report) -> Iterator[Visit]:
    """Every node of the body in reading order: a node, then what it holds; annexes last.

    The boxed summary's paragraphs come first: they stand under the title block on page 1."""
    yield from _nodes(report.summary, "$.summary", (), 1)
    yield from _nodes(report.content, "$.content", (), 1)  # a bullet there is at depth 1
    yield from _nodes(report.chapters, "$.chapters", (), 0)
    yield from _nodes(report.annexes, "$.annexes", (), 0)
