"""Rules on the tree: a level with one subheading, an empty heading, and the length of the document."""

from __future__ import annotations

import re
from typing import assert_never

from attrs import frozen

from cstd_docs.editorial.texts import places
from cstd_docs.model import (
    AgendaDocument,
    Annex,
    Box,
    Chapter,
    Decision,
    DecisionParagraph,
    Figure,
    Findings,
    Operative,
    Paragraph,
    Preambular,
    ProvisionalAgenda,
    ProvisionalItem,
    ProvisionalSubItem,
    Resolution,
    Section,
    Subparagraph,
    Subsection,
    Suggestion,
    Table,
    UnnumberedText,
)
from cstd_docs.model.lists import Bullet, IndentedLines, Line
from cstd_docs.model.walk import Visit, walk
from cstd_docs.resolve.document import (
    BoxStart,
    Heading,
    InstrumentHeading,
    ResolvedBlock,
    ResolvedCell,
    ResolvedFigure,
    ResolvedReport,
    ResolvedTable,
    Runs,
)

#: DGACM limits, notes and headings included: documents of the Secretariat, and of other bodies.
WORD_LIMITS = {"secretariat": 8500, "other": 10700}


@frozen
class StructureFinding:
    rule: str
    path: str
    place: str
    ident: str | None
    message: str
    fix: str


_Headed = Annex | Chapter | Section | Subsection | Findings


def _numbered(parts: tuple[Chapter, ...] | tuple[Section | Findings, ...] | tuple[Subsection, ...]) -> int:
    """How many of the headings print a numeral: an “A.” needs a “B.”, an unnumbered heading none."""
    return sum(1 for part in parts if not isinstance(part, (Chapter, Section, Subsection)) or part.numbered)


class _Walk:
    def __init__(self, resolved: ResolvedReport) -> None:
        self.places = places(resolved)
        self.out: list[StructureFinding] = []

    def place(self, node: _Headed) -> str:
        return self.places.get(id(node), "a heading")

    def report(self, node: _Headed | None, path: str, rule: str, message: str, fix: str) -> None:
        place = self.place(node) if node is not None else "the report"
        self.out.append(StructureFinding(rule, path, place, node.id if node else None, message, fix))

    def single(self, node: _Headed | None, path: str, what: str, count: int) -> None:
        if count == 1:
            self.report(node, path, "single-subheading",
                        f"a single {what} under it: at every level, an “A.” needs a “B.”",
                        f"fold the {what} into the heading above, or add a second one")

    def visit(self, visit: Visit) -> None:
        """The rules on one node of the body: what it holds, not what it says."""
        path, node = visit.path, visit.node
        match node:
            case Paragraph() | Subparagraph() | UnnumberedText() | Suggestion() | Resolution() | Preambular() \
                    | Operative() | Decision() | DecisionParagraph() | Bullet() | IndentedLines() | Line():
                pass  # text: the rules on texts look at it
            case ProvisionalAgenda() | ProvisionalItem() | ProvisionalSubItem() | AgendaDocument():
                pass  # an agenda's text: the rules on texts look at it
            case Chapter():
                self.empty(node, path, not node.content and not node.sections,
                           "the chapter has no text and no sections")
                self.single(node, f"{path}.sections", "section", _numbered(node.sections))
            case Section():
                self.empty(node, path, not node.content and not node.subsections,
                           "the section has no text and no subsections")
                self.single(node, f"{path}.subsections", "subsection", _numbered(node.subsections))
            case Subsection():
                self.empty(node, path, not node.content, "the subsection has no text")
            case Findings():
                self.findings(path, node)
            case Annex():
                self.empty(node, path, not node.content and not node.chapters,
                           "the annex has no text and no chapters")
                self.single(node, f"{path}.chapters", "chapter", _numbered(node.chapters))
            case Box():
                if not node.content:
                    self.report(None, path, "empty-section", "the box has no text", "write its text, or remove it")
            case Table() | Figure():
                pass  # their texts: the rules on texts look at them
            case _:
                assert_never(node)

    def empty(self, node: _Headed, path: str, empty: bool, message: str) -> None:
        if empty:
            self.report(node, path, "empty-section", message, "write its text, or remove it")

    def findings(self, path: str, part: Findings) -> None:
        if not part.main_findings and not part.suggestions:
            self.report(part, path, "empty-section", "the findings have no main findings and no suggestions",
                        "write them, or remove the theme")
        elif not part.main_findings or not part.suggestions:
            missing = "suggestions" if part.main_findings else "main_findings"
            self.report(part, path, "single-subheading",
                        "it prints a single subheading (“1. Main findings” or “1. Suggestions”)",
                        f"add {missing}, or make it a plain section")


def structure(resolved: ResolvedReport) -> list[StructureFinding]:
    """Levels with one subheading and headings with nothing under them."""
    report = resolved.source
    out = _Walk(resolved)
    out.single(None, "$.chapters", "chapter", _numbered(report.chapters))
    for visit in walk(report):
        out.visit(visit)
    return out.out


_WORD = re.compile(r"\S*[^\W_]\S*")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def count_words(text: str) -> int:
    """Words as a word processor counts them; each Han character counts as one word."""
    han = len(_HAN.findall(text))
    return len(_WORD.findall(_HAN.sub(" ", text))) + han


def _runs_text(runs: Runs) -> str:
    return " ".join(r if isinstance(r, str) else getattr(r, "text", "") for r in runs)


def words(resolved: ResolvedReport) -> int:
    """The words of the title, subtitles, agenda titles, headings, text and notes (not the masthead box)."""
    parts = [_runs_text(resolved.title), *(_runs_text(s) for s in resolved.subtitles)]
    parts.extend(line.title for line in resolved.front.agenda)
    for block in resolved.blocks:
        if isinstance(block, (ResolvedTable, ResolvedFigure)):
            parts.extend(_runs_text(runs) for runs in _float_texts(block))
            continue
        titled = isinstance(block, (Heading, InstrumentHeading, BoxStart))
        parts.append(_runs_text(block.title if titled else block.text))  # type: ignore[union-attr]
    parts.extend(_runs_text(note.text) for note in resolved.notes)
    return sum(count_words(p) for p in parts)


def _float_texts(block: ResolvedBlock) -> list[Runs]:
    """The texts a table or a figure prints: its title, cells, notes and source (issue 13)."""
    texts: list[Runs] = []
    if isinstance(block, (ResolvedTable, ResolvedFigure)):
        texts.append(block.title)
        if block.source is not None:
            texts.append(block.source)
    if isinstance(block, ResolvedTable):
        texts.extend(c.text for row in (*block.header, *block.rows) for c in row if isinstance(c, ResolvedCell))
        texts.extend(note.text for note in block.notes)
    return texts
