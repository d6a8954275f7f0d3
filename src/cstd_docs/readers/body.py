"""The body's tree from the classified blocks: annexes, chapters, sections, paragraphs.

A small recursive-descent parser over the placed blocks (each with its base pairing).
Every step takes a position and returns what it built with the position after it; the
blocks are never changed. A block where the tree does not allow it is read as the
nearest thing that fits, and said so: a subparagraph that follows no paragraph is a
paragraph, a subsection outside any section is a section, text before the first
chapter opens a chapter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cstd_docs.model import (
    Annex,
    Block,
    Chapter,
    ChapterPart,
    Decision,
    DecisionParagraph,
    Findings,
    Inlines,
    Operative,
    Paragraph,
    Preambular,
    Resolution,
    Section,
    Subparagraph,
    Subsection,
    Suggestion,
    UnnumberedText,
)
from cstd_docs.readers.base import node_text
from cstd_docs.readers.inlines import Context
from cstd_docs.readers.match import Placed
from cstd_docs.readers.signature import runs_plain
from cstd_docs.readers.visible import BlockKind, VRun

Part = Block | Suggestion
#: What a resolution shows: it starts at its label, or its title when it prints none.
_INSTRUMENT = (BlockKind.RESOLUTION_LABEL, BlockKind.RESOLUTION, BlockKind.ENACTING, BlockKind.PREAMBULAR,
               BlockKind.OPERATIVE, BlockKind.DECISION_LABEL, BlockKind.DECISION, BlockKind.DECISION_TEXT)
#: Where an instrument starts: its label, or its title when it prints none.
_STARTS = (BlockKind.RESOLUTION_LABEL, BlockKind.RESOLUTION, BlockKind.DECISION_LABEL, BlockKind.DECISION)
_TEXT = (BlockKind.PARAGRAPH, BlockKind.UNNUMBERED, BlockKind.SUBPARAGRAPH, *_INSTRUMENT)
_ANY_SPACE = "[ \u00a0\u202f]"
#: The chapter opened for text before the first chapter.
INTRODUCTION: tuple[VRun, ...] = ("Introduction",)


def body(ctx: Context, placed: Sequence[Placed]) -> tuple[tuple[Block, ...], tuple[Chapter, ...], tuple[Annex, ...]]:
    """The blocks before the first chapter (a document that is one resolution), the chapters, the annexes."""
    return _Parser(ctx, tuple(placed)).body()


def _exact_text(placed: Placed, kind: type) -> Inlines | None:
    """The base node's own inline content, when the block prints exactly what it printed."""
    node = placed.exact.node if placed.exact is not None else None
    if node is not None and isinstance(node, kind):
        return node_text(node)
    return None


class _Parser:
    def __init__(self, ctx: Context, placed: tuple[Placed, ...]) -> None:
        self.ctx = ctx
        self.placed = placed

    def text_of(self, placed: Placed, kind: type) -> Inlines:
        """The base node's own text when the block prints it exactly, else the runs read."""
        exact = _exact_text(placed, kind)
        return exact if exact is not None else self.ctx.inlines(placed.block.runs)

    def kind(self, pos: int) -> BlockKind | None:
        return self.placed[pos].block.kind if pos < len(self.placed) else None

    def title_of(self, placed: Placed) -> Inlines:
        exact = placed.exact
        if exact is not None and exact.node is not None:
            text = node_text(exact.node)
            if text is not None:
                return text
        return self.ctx.inlines(placed.block.runs)

    def subparagraphs(self, pos: int, depth: int) -> tuple[tuple[Subparagraph, ...], int]:
        out: list[Subparagraph] = []
        while self.kind(pos) is BlockKind.SUBPARAGRAPH and self.placed[pos].block.depth >= depth:
            placed = self.placed[pos]
            block = placed.block
            if block.depth > depth:
                self.ctx.warn(block.where, f"subparagraph {block.number} has no parent at level {depth}",
                              "it was attached to the previous level")
            text = self.text_of(placed, Subparagraph)  # before its items: warnings in reading order
            children, pos = self.subparagraphs(pos + 1, block.depth + 1)
            out.append(Subparagraph(text, id=placed.id, subparagraphs=children))
        return tuple(out), pos

    def suggestion(self, pos: int) -> tuple[Suggestion | None, int]:
        """A paragraph that prints the lead-in of courses of action, as the suggestion it is."""
        placed = self.placed[pos]
        lead = re.escape(self.ctx.pack.table.suggestion_lead_in).replace(re.escape("{addressee}"), "(.+)")
        # The language's typography may have made a space a narrow one ("«\u202fvoudront" in French).
        lead = lead.replace(re.escape(" "), _ANY_SPACE)
        shown = runs_plain(placed.block.runs)  # the addressee as printed, blanks included
        found = re.fullmatch(lead, shown) or re.fullmatch(lead, shown.strip())
        if not found:
            return None, pos
        courses, after = self.subparagraphs(pos + 1, 1)
        ours = isinstance(placed.node, Suggestion)
        if placed.exact is not None and isinstance(placed.node, Suggestion):
            addressee = placed.node.addressee
        else:
            addressee = found.group(1)
        pid = placed.id if ours else placed.anchor_id or self.ctx.ids.new(placed.block.runs)
        return Suggestion(addressee, courses, id=pid), after

    def paragraph(self, pos: int, in_suggestions: bool) -> tuple[Part, int]:
        placed = self.placed[pos]
        block = placed.block
        if block.kind in _INSTRUMENT:
            return self.instrument(pos)
        if in_suggestions:
            suggestion, after = self.suggestion(pos)
            if suggestion is not None:
                return suggestion, after
        if block.kind is BlockKind.UNNUMBERED:
            exact = _exact_text(placed, UnnumberedText)
            return UnnumberedText(exact if exact is not None else self.ctx.inlines(block.runs), id=placed.id), pos + 1
        exact = _exact_text(placed, Paragraph)
        text = exact if exact is not None else self.ctx.inlines(block.runs)
        pid = placed.id if placed.pairing is not None else placed.anchor_id or self.ctx.ids.new(block.runs)
        subparagraphs, after = self.subparagraphs(pos + 1, 1)
        return Paragraph(text, id=pid, subparagraphs=subparagraphs), after

    # --- instruments (issue 12) ----------------------------------------------------------------
    def instrument(self, pos: int) -> tuple[Part, int]:
        """A resolution from its label or title; a part of one that lost its title, as report text."""
        placed = self.placed[pos]
        block = placed.block
        if block.kind in (BlockKind.RESOLUTION_LABEL, BlockKind.RESOLUTION):
            return self.resolution(pos)
        if block.kind in (BlockKind.DECISION_LABEL, BlockKind.DECISION):
            return self.decision(pos)
        self.ctx.warn(block.where, f"a {block.kind.value} paragraph outside any resolution",
                      "it was read as report text; give the resolution its title back")
        text = self.ctx.inlines(block.runs)
        if block.kind is BlockKind.OPERATIVE:
            subparagraphs, after = self.subparagraphs(pos + 1, 1)
            return Paragraph(text, id=placed.id, subparagraphs=subparagraphs), after
        return UnnumberedText(text, id=placed.id), pos + 1

    def official_number(self, label: Placed | None, decision: bool = False) -> str | None:
        """The number in an adopted instrument's label ("Resolution 68/1" → "68/1"); None for a draft."""
        if label is None:
            return None
        words = self.ctx.pack.table.instruments
        template = re.escape(words.decision_numbered if decision else words.resolution_numbered)
        found = re.fullmatch(template.replace(re.escape("{number}"), "(.+)"), runs_plain(label.block.runs).strip())
        return found.group(1) if found else None

    def resolution(self, pos: int) -> tuple[Resolution, int]:
        label = self.placed[pos] if self.kind(pos) is BlockKind.RESOLUTION_LABEL else None
        pos += label is not None
        title = self.placed[pos] if self.kind(pos) is BlockKind.RESOLUTION else None
        pos += title is not None
        enacting: Inlines = ()
        if self.kind(pos) is BlockKind.ENACTING:
            enacting, pos = self.ctx.inlines(self.placed[pos].block.runs), pos + 1
        preamble: list[Preambular] = []
        while self.kind(pos) is BlockKind.PREAMBULAR:
            placed = self.placed[pos]
            preamble.append(Preambular(self.text_of(placed, Preambular),
                                       id=placed.id))
            pos += 1
        operative: list[Operative] = []
        while self.kind(pos) is BlockKind.OPERATIVE:
            placed = self.placed[pos]
            text = self.text_of(placed, Operative)
            subparagraphs, pos = self.subparagraphs(pos + 1, 1)
            operative.append(Operative(text,
                                       id=placed.id, subparagraphs=subparagraphs))
        heading = title or label
        assert heading is not None  # a resolution starts at one of them
        ident = title.id if title is not None else None
        ident = ident or (label.anchor_id if label is not None else None)
        return Resolution(self.title_of(title) if title is not None else (), enacting, preamble, operative,
                          id=ident, official_number=self.official_number(label)), pos

    def decision(self, pos: int) -> tuple[Decision, int]:
        label = self.placed[pos] if self.kind(pos) is BlockKind.DECISION_LABEL else None
        pos += label is not None
        title = self.placed[pos] if self.kind(pos) is BlockKind.DECISION else None
        pos += title is not None
        paragraphs: list[DecisionParagraph] = []
        while self.kind(pos) is BlockKind.DECISION_TEXT:
            placed = self.placed[pos]
            text = self.text_of(placed, DecisionParagraph)
            subparagraphs, pos = self.subparagraphs(pos + 1, 1)
            paragraphs.append(DecisionParagraph(text,
                                                id=placed.id, subparagraphs=subparagraphs))
        ident = title.id if title is not None else None
        ident = ident or (label.anchor_id if label is not None else None)
        return Decision(self.title_of(title) if title is not None else (), paragraphs, id=ident,
                        official_number=self.official_number(label, decision=True)), pos
    # --- end instruments

    def content(self, pos: int, in_suggestions: bool = False) -> tuple[list[Part], int]:
        out: list[Part] = []
        while self.kind(pos) in _TEXT:
            block = self.placed[pos].block
            if block.kind is BlockKind.SUBPARAGRAPH:
                self.ctx.warn(block.where, f"subparagraph {block.number} follows no paragraph",
                              "it was read as a numbered paragraph")
            part, pos = self.paragraph(pos, in_suggestions)
            out.append(part)
        return out, pos

    def subsections(self, pos: int) -> tuple[list[tuple[Placed, list[Part]]], int]:
        subs: list[tuple[Placed, list[Part]]] = []
        while self.kind(pos) is BlockKind.SUBSECTION:
            heading = self.placed[pos]
            title_text = runs_plain(heading.block.runs).strip()
            part, pos = self.content(pos + 1, in_suggestions=title_text == self.ctx.pack.table.suggestions)
            subs.append((heading, part))
        return subs, pos

    def is_findings(self, heading: Placed, lead: list[Part], subs: list[tuple[Placed, list[Part]]]) -> bool:
        """A section that is the findings and suggestions of a meeting on a theme."""
        names = [runs_plain(sub.block.runs).strip() for sub, _ in subs]
        findings_names = [self.ctx.pack.table.main_findings, self.ctx.pack.table.suggestions]
        node = heading.node
        if lead:
            return False
        if not subs:
            return isinstance(node, Findings)
        return (
            all(n in findings_names for n in names) and len(set(names)) == len(names)
            and all(isinstance(x, Suggestion) for name, (_, part) in zip(names, subs, strict=True)
                    if name == findings_names[1] for x in part)
            and (names != [findings_names[0]] or not isinstance(node, Section))
        )

    def findings(self, heading: Placed, subs: list[tuple[Placed, list[Part]]]) -> Findings:
        main: list[Block] = []
        suggestions: list[Suggestion] = []
        for sub, part in subs:
            if runs_plain(sub.block.runs).strip() == self.ctx.pack.table.main_findings:
                main.extend(x for x in part if not isinstance(x, Suggestion))
            else:
                suggestions.extend(x for x in part if isinstance(x, Suggestion))
        fid = heading.id if isinstance(heading.node, Findings) else heading.anchor_id
        return Findings(self.title_of(heading), id=fid, main_findings=main, suggestions=suggestions)

    def section(self, pos: int) -> tuple[ChapterPart, int]:
        heading = self.placed[pos]
        lead, pos = self.content(pos + 1)
        subs, pos = self.subsections(pos)
        if self.is_findings(heading, lead, subs):
            return self.findings(heading, subs), pos
        subsections = [
            Subsection(self.title_of(sub), id=sub.id, content=[self.as_block(x) for x in part]) for sub, part in subs
        ]
        sid = heading.id if not isinstance(heading.node, Findings) else None
        return Section(self.title_of(heading), id=sid, content=lead, subsections=subsections), pos

    def as_block(self, part: Part) -> Block:
        """Courses of action outside findings: a paragraph with the lead-in and its subparagraphs."""
        if isinstance(part, Suggestion):
            text = (self.ctx.pack.table.suggestion_lead_in.format(addressee=part.addressee),)
            return Paragraph(text, id=part.id, subparagraphs=part.courses)
        return part

    def chapter(self, pos: int, heading: Placed | None) -> tuple[Chapter, int]:
        """A chapter from its heading at ``pos``; with no heading, one opened for text before it."""
        lead, pos = self.content(pos + 1 if heading is not None else pos)
        parts: list[ChapterPart] = []
        while self.kind(pos) in (BlockKind.SECTION, BlockKind.SUBSECTION):
            if self.kind(pos) is BlockKind.SUBSECTION:
                self.ctx.warn(self.placed[pos].block.where, "a subsection outside any section",
                              "it was read as a section")
            part, pos = self.section(pos)
            parts.append(part)
        if heading is None:
            return Chapter(self.ctx.inlines(INTRODUCTION), content=lead, sections=parts), pos
        return Chapter(self.title_of(heading), id=heading.id, content=lead, sections=parts), pos

    def chapters(self, pos: int) -> tuple[list[Chapter], int]:
        out: list[Chapter] = []
        while pos < len(self.placed) and self.kind(pos) is not BlockKind.ANNEX:
            placed = self.placed[pos]
            if placed.block.kind is BlockKind.CHAPTER:
                chapter, pos = self.chapter(pos, placed)
            else:
                text = runs_plain(placed.block.runs)[:60]
                self.ctx.warn(placed.block.where, f"text before the first chapter: {text!r}",
                              "a chapter was opened for it")
                chapter, pos = self.chapter(pos, None)
            out.append(chapter)
        return out, pos

    def leading(self) -> tuple[tuple[Block, ...], int]:
        """Text before the first chapter, as the document's own blocks when it holds a resolution
        or the base had such blocks; else nothing here (a chapter is opened for it)."""
        base = self.ctx.base
        end = 0
        while self.kind(end) in _TEXT:
            end += 1
        if not (base is not None and base.report.content) and not any(self.kind(i) in _STARTS for i in range(end)):
            return (), 0
        lead, pos = self.content(0)
        return tuple(self.as_block(part) for part in lead), pos

    def body(self) -> tuple[tuple[Block, ...], tuple[Chapter, ...], tuple[Annex, ...]]:
        content, pos = self.leading()
        top, pos = self.chapters(pos)
        annexes: list[Annex] = []
        while pos < len(self.placed):
            heading = self.placed[pos]
            lead, pos = self.content(pos + 1)
            title, ident = self.title_of(heading), heading.id
            chapters, pos = self.chapters(pos)
            annexes.append(Annex(title, id=ident, content=lead, chapters=chapters))
        return content, tuple(top), tuple(annexes)
