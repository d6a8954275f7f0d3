"""Checks that types cannot express: ids, references, required text.

The walk names every place by the JSON path the same thing has in a report file, so a
problem found in a report built in Python reads the same as one found in a file.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from cstd_docs.errors import Problem
from cstd_docs.lang import available
from cstd_docs.model.body import (
    Annex,
    Block,
    Chapter,
    Findings,
    Paragraph,
    Section,
    Subparagraph,
    Subsection,
    UnnumberedText,
)
from cstd_docs.model.inline import Citation, CrossRef, Emphasis, Inlines, Note
from cstd_docs.model.participants import Delegation, Organization, Person
from cstd_docs.model.report import Report

#: Characters XML 1.0 cannot hold (DOCX is XML): C0 controls but tab, newline, return.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udfff]")
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*")


def _known(word: str, known: list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1)
    listed = ", ".join(known[:8]) + (", …" if len(known) > 8 else "")
    prefix = f"did you mean {close[0]!r}? " if close else ""
    return f"{prefix}known: {listed}" if known else "none are defined"


def _text_problems(path: str, text: str) -> Iterator[Problem]:
    bad = _XML_ILLEGAL.search(text)
    if bad:
        yield Problem(
            path,
            f"character U+{ord(bad.group()):04X} at offset {bad.start()} cannot be written to a document",
            "remove it (control characters and lone surrogates are not text)",
        )


class _Walk:
    """One pass over the report collecting ids, references and problems."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.problems: list[Problem] = []
        self.ids: dict[str, str] = {}  # id -> path where defined
        self.refs: list[tuple[str, str, str | None]] = []  # (target, path, owning id)
        self.unnumbered: set[str] = set()  # ids of unnumbered text: nothing for a reference to print
        self.participants = sorted(report.participants)

    def define(self, ident: str | None, path: str) -> None:
        if ident is None:
            return
        if not _ID.fullmatch(ident):
            self.problems.append(
                Problem(
                    f"{path}.id",
                    f"id {ident!r} is not usable",
                    "start with a letter; use letters, digits, '-', '_', '.', ':'",
                )
            )
        if ident in self.ids:
            self.problems.append(
                Problem(f"{path}.id", f"duplicate id {ident!r}, first used at {self.ids[ident]}", "give it another id")
            )
        else:
            self.ids[ident] = path

    def require_text(self, path: str, text: str, *, optional: bool = False) -> None:
        if not text.strip():
            # Removing a required field only brings "required field is missing": say so only where it helps.
            hint = "write the text, or remove the entry" if optional else "write the text: the field is required"
            self.problems.append(Problem(path, "text is empty", hint))
        self.problems.extend(_text_problems(path, text))

    def inlines(self, path: str, inlines: Inlines, owner: str | None, *, in_note: bool = False) -> None:
        if not inlines or not any(
            (isinstance(i, str) and i.strip()) or isinstance(i, Emphasis) for i in inlines
        ):
            self.problems.append(Problem(path, "text is empty", "write the text, or remove the entry"))
        for index, item in enumerate(inlines):
            here = f"{path}[{index}]" if len(inlines) > 1 else path
            if isinstance(item, str):
                self.problems.extend(_text_problems(here, item))
            elif isinstance(item, Emphasis):
                self.require_text(f"{here}.emphasis", item.text)
            elif isinstance(item, CrossRef):
                self.refs.append((item.target, f"{here}.ref", owner))
            elif in_note:
                self.problems.append(
                    Problem(here, "a note cannot hold another note or a citation", "move it out of the note")
                )
            elif isinstance(item, Note):
                self.inlines(f"{here}.note", item.text, owner, in_note=True)
            elif isinstance(item, Citation):
                self.citation(f"{here}.cite", item)

    def citation(self, path: str, citation: Citation) -> None:
        if not citation.participants:
            self.problems.append(Problem(path, "a citation names no participant", "name at least one participant id"))
        for index, ident in enumerate(citation.participants):
            if ident not in self.report.participants:
                here = f"{path}[{index}]" if len(citation.participants) > 1 else path
                self.problems.append(
                    Problem(here, f"unknown participant {ident!r}", _known(ident, self.participants))
                )

    def subparagraphs(self, path: str, items: tuple[Subparagraph, ...], depth: int) -> None:
        if items and depth > 4:
            self.problems.append(
                Problem(path, "subparagraphs nest deeper than four levels ((a), (i), a., i.)", "flatten the list")
            )
            return
        for index, sub in enumerate(items):
            here = f"{path}[{index}]"
            self.define(sub.id, here)
            self.inlines(f"{here}.text", sub.text, sub.id or self._nearest)
            self.subparagraphs(f"{here}.subparagraphs", sub.subparagraphs, depth + 1)

    _nearest: str | None = None

    def blocks(self, path: str, blocks: tuple[Block, ...]) -> None:
        for index, block in enumerate(blocks):
            here = f"{path}[{index}]"
            self.define(block.id, here)
            self._nearest = block.id
            if isinstance(block, Paragraph):
                self.inlines(f"{here}.text", block.text, block.id)
                self.subparagraphs(f"{here}.subparagraphs", block.subparagraphs, 1)
            elif isinstance(block, UnnumberedText):
                if block.id is not None:
                    self.unnumbered.add(block.id)
                self.inlines(f"{here}.unnumbered", block.unnumbered, block.id)

    def heading(self, path: str, ident: str | None, title: Inlines) -> None:
        self.define(ident, path)
        self.inlines(f"{path}.title", title, ident)

    def findings(self, path: str, findings: Findings) -> None:
        self.define(findings.id, path)
        self.inlines(f"{path}.theme", findings.theme, findings.id)
        self.blocks(f"{path}.main_findings", findings.main_findings)
        for index, suggestion in enumerate(findings.suggestions):
            here = f"{path}.suggestions[{index}]"
            self.define(suggestion.id, here)
            self._nearest = suggestion.id  # its courses belong to it, not to the paragraph before
            self.require_text(f"{here}.addressee", suggestion.addressee)
            if not suggestion.courses:
                self.problems.append(
                    Problem(f"{here}.courses", "a suggestion lists no course of action", "add at least one course")
                )
            self.subparagraphs(f"{here}.courses", suggestion.courses, 1)

    def chapters(self, path: str, chapters: tuple[Chapter, ...]) -> None:
        for index, chapter in enumerate(chapters):
            here = f"{path}[{index}]"
            self.heading(here, chapter.id, chapter.title)
            self.blocks(f"{here}.content", chapter.content)
            for s_index, part in enumerate(chapter.sections):
                s_here = f"{here}.sections[{s_index}]"
                if isinstance(part, Findings):
                    self.findings(s_here, part)
                    continue
                self.section(s_here, part)

    def section(self, path: str, section: Section) -> None:
        self.heading(path, section.id, section.title)
        self.blocks(f"{path}.content", section.content)
        for index, sub in enumerate(section.subsections):
            self.subsection(f"{path}.subsections[{index}]", sub)

    def subsection(self, path: str, sub: Subsection) -> None:
        self.heading(path, sub.id, sub.title)
        self.blocks(f"{path}.content", sub.content)

    def annexes(self, annexes: tuple[Annex, ...]) -> None:
        for index, annex in enumerate(annexes):
            here = f"$.annexes[{index}]"
            self.heading(here, annex.id, annex.title)
            self.blocks(f"{here}.content", annex.content)
            self.chapters(f"{here}.chapters", annex.chapters)

    def masthead_and_front(self) -> None:
        r = self.report
        languages = available()
        if r.language not in languages:
            self.problems.append(
                Problem("$.language", f"no language table for {r.language!r}", f"use one of {', '.join(languages)}")
            )
        if r.masthead.original_language not in languages:
            self.problems.append(
                Problem("$.masthead.original_language", f"unknown language {r.masthead.original_language!r}",
                        f"use one of {', '.join(languages)}")
            )
        self.require_text("$.body", r.body)
        self.require_text("$.session.place", r.session.place)
        if r.session.number < 1:
            self.problems.append(Problem("$.session.number", "a session number starts at 1", "write e.g. 25"))
        if r.session.end < r.session.start:
            self.problems.append(
                Problem("$.session.end", f"the session ends ({r.session.end}) before it starts ({r.session.start})",
                        "swap start and end")
            )
        if r.masthead.symbol is not None:
            self.require_text("$.masthead.symbol", r.masthead.symbol, optional=True)
        self.require_text("$.masthead.organ", r.masthead.organ, optional=True)
        if r.masthead.job_number is not None:
            self.require_text("$.masthead.job_number", r.masthead.job_number, optional=True)
        if r.schema is not None:
            self.problems.extend(_text_problems("$.$schema", r.schema))
        for index, item in enumerate(r.agenda_items):
            self.require_text(f"$.agenda_items[{index}].title", item.title)
            if item.number < 1:
                self.problems.append(
                    Problem(f"$.agenda_items[{index}].number", "an item number starts at 1", "write e.g. 3")
                )
        if r.agenda_symbol is not None:
            self.require_text("$.agenda_symbol", r.agenda_symbol, optional=True)
        self.inlines("$.title", r.title, None)
        for index, subtitle in enumerate(r.subtitles):
            self.inlines(f"$.subtitles[{index}]", subtitle, None)

    def registry(self) -> None:
        for ident, who in self.report.participants.items():
            here = f"$.participants[{ident!r}]"
            if not _ID.fullmatch(ident):
                self.problems.append(
                    Problem(here, f"participant id {ident!r} is not usable", "start with a letter; no spaces")
                )
            if isinstance(who, Person):
                self.require_text(f"{here}.name", who.name)
                self.require_text(f"{here}.honorific", who.honorific)
                for name in ("position", "organization", "country"):
                    value = getattr(who, name)
                    if value is not None:
                        self.require_text(f"{here}.{name}", value, optional=True)
            elif isinstance(who, Delegation):
                self.require_text(f"{here}.country", who.country)
            elif isinstance(who, Organization):
                self.require_text(f"{here}.name", who.name)
                if who.country is not None:
                    self.require_text(f"{here}.country", who.country, optional=True)

    def references(self) -> None:
        known = sorted(self.ids)
        for target, path, owner in self.refs:
            if target not in self.ids:
                message = f"unknown paragraph or heading id {target!r}"
                self.problems.append(Problem(path, message, _known(target, known)))
            elif target in self.unnumbered:
                self.problems.append(
                    Problem(path, f"{target!r} is unnumbered text, which has no number to print",
                            "refer to a numbered paragraph or a heading")
                )
            elif owner is not None and target == owner:
                self.problems.append(
                    Problem(path, f"{target!r} refers to itself", "refer to another paragraph, or remove the reference")
                )


def check(report: Report) -> list[Problem]:
    """Every problem of a report that its types allow; an empty list when it is sound."""
    walk = _Walk(report)
    walk.masthead_and_front()
    walk.registry()
    walk.chapters("$.chapters", report.chapters)
    walk.annexes(report.annexes)
    walk.references()
    return walk.problems
