"""Rules on the tree: a level with one subheading, an empty heading, and the length of the document."""

from __future__ import annotations

import re
from typing import assert_never

from attrs import frozen

from cstd_docs.editorial.texts import places
from cstd_docs.model import Annex, Chapter, Findings, Section, Subsection
from cstd_docs.resolve.document import Heading, InstrumentHeading, ResolvedReport, Runs

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

    def chapters(self, path: str, chapters: tuple[Chapter, ...], parent: Annex | None) -> None:
        self.single(parent, path, "chapter", len(chapters))
        for index, chapter in enumerate(chapters):
            here = f"{path}[{index}]"
            if not chapter.content and not chapter.sections:
                self.report(chapter, here, "empty-section", "the chapter has no text and no sections",
                            "write its text, or remove it")
            self.single(chapter, f"{here}.sections", "section", len(chapter.sections))
            for s_index, part in enumerate(chapter.sections):
                self.part(f"{here}.sections[{s_index}]", part)

    def part(self, path: str, part: Section | Findings) -> None:
        match part:
            case Section():
                if not part.content and not part.subsections:
                    self.report(part, path, "empty-section", "the section has no text and no subsections",
                                "write its text, or remove it")
                self.single(part, f"{path}.subsections", "subsection", len(part.subsections))
                for index, sub in enumerate(part.subsections):
                    if not sub.content:
                        self.report(sub, f"{path}.subsections[{index}]", "empty-section",
                                    "the subsection has no text", "write its text, or remove it")
            case Findings():
                if not part.main_findings and not part.suggestions:
                    self.report(part, path, "empty-section", "the findings have no main findings and no suggestions",
                                "write them, or remove the theme")
                elif not part.main_findings or not part.suggestions:
                    missing = "suggestions" if part.main_findings else "main_findings"
                    self.report(part, path, "single-subheading",
                                "it prints a single subheading (“1. Main findings” or “1. Suggestions”)",
                                f"add {missing}, or make it a plain section")
            case _:
                assert_never(part)


def structure(resolved: ResolvedReport) -> list[StructureFinding]:
    """Levels with one subheading and headings with nothing under them."""
    report = resolved.source
    walk = _Walk(resolved)
    walk.chapters("$.chapters", report.chapters, None)
    for index, annex in enumerate(report.annexes):
        here = f"$.annexes[{index}]"
        if not annex.content and not annex.chapters:
            walk.report(annex, here, "empty-section", "the annex has no text and no chapters",
                        "write its text, or remove it")
        walk.chapters(f"{here}.chapters", annex.chapters, annex)
    return walk.out


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
        parts.append(_runs_text(block.title if isinstance(block, (Heading, InstrumentHeading)) else block.text))
    parts.extend(_runs_text(note.text) for note in resolved.notes)
    return sum(count_words(p) for p in parts)
