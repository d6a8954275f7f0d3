"""The body's tree from the classified blocks: annexes, chapters, sections, paragraphs.

A small recursive-descent parser over the placed blocks (each with its base pairing).
Every step takes a position and returns what it built with the position after it; the
blocks are never changed. A block where the tree does not allow it is read as the
nearest thing that fits, and said so: a subparagraph that follows no paragraph is a
paragraph, a subsection outside any section is a section, a section before any chapter
is a chapter. Text before the first heading stays where it is, as the report's own
blocks: no chapter is made up for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cstd_docs.model import (
    Annex,
    Block,
    Box,
    Chapter,
    ChapterPart,
    Decision,
    DecisionParagraph,
    DecisionPart,
    Findings,
    Inlines,
    Node,
    Operative,
    Paragraph,
    Preambular,
    ProvisionalItem,
    Resolution,
    Section,
    Subparagraph,
    Subsection,
    Suggestion,
    UnnumberedText,
)
from cstd_docs.model.lists import MAX_BULLET_DEPTH, Bullet, IndentedLines, Line
from cstd_docs.model.walk import walk
from cstd_docs.readers import instrument_fields
from cstd_docs.readers.agendas import AgendaParser
from cstd_docs.readers.base import node_text
from cstd_docs.readers.floats import float_block
from cstd_docs.readers.inlines import Context
from cstd_docs.readers.match import Placed
from cstd_docs.readers.signature import runs_plain
from cstd_docs.readers.visible import BlockKind

Part = Block | Suggestion
#: Where a provisional agenda starts: its title, or its first item (and what the item carries).
_AGENDA_STARTS = (BlockKind.AGENDA_TITLE, BlockKind.AGENDA_HEADING, BlockKind.AGENDA_SEPARATOR, BlockKind.AGENDA_ITEM)
#: What an agenda shows after its title.
_AGENDA = (BlockKind.AGENDA_HEADING, BlockKind.AGENDA_SEPARATOR, BlockKind.AGENDA_ITEM, BlockKind.AGENDA_SUB_ITEM,
           BlockKind.DOCUMENTATION, BlockKind.DOCUMENT)
#: What a resolution shows: it starts at its label, or its title when it prints none.
_INSTRUMENT = (BlockKind.RESOLUTION_LABEL, BlockKind.RESOLUTION, BlockKind.ENACTING, BlockKind.PREAMBULAR,
               BlockKind.OPERATIVE, BlockKind.DECISION_LABEL, BlockKind.DECISION, BlockKind.DECISION_TEXT,
               BlockKind.OPERATIVE_HEADING, BlockKind.AGENDA_TITLE, *_AGENDA)
#: Where an instrument starts: its label, or its title when it prints none.
_STARTS = (BlockKind.RESOLUTION_LABEL, BlockKind.RESOLUTION, BlockKind.DECISION_LABEL, BlockKind.DECISION,
           *_AGENDA_STARTS)
#: A box's blocks: what a box holds, and the marks of its frame.
_BOXES = (BlockKind.BOX, BlockKind.SUMMARY, BlockKind.BOX_END)
_TEXT: tuple[BlockKind, ...] = (BlockKind.PARAGRAPH, BlockKind.UNNUMBERED, BlockKind.SUBPARAGRAPH, *_INSTRUMENT,
                                *_BOXES, BlockKind.BULLET, BlockKind.LINE)
_ANY_SPACE = "[ \u00a0\u202f]"
# --- tables and figures (issue 13): blocks where text stands
_TEXT = (*_TEXT, BlockKind.TABLE, BlockKind.FIGURE)


Body = tuple[tuple[UnnumberedText, ...], tuple[Block, ...], tuple[Chapter, ...], tuple[Annex, ...]]


def body(ctx: Context, placed: Sequence[Placed]) -> Body:
    """The boxed summary, the blocks before the first chapter (a document that is one resolution), the
    chapters, the annexes."""
    return _Parser(ctx, tuple(placed)).body()


def _exact_text(placed: Placed, kind: type) -> Inlines | None:
    """The base node's own inline content, when the block prints exactly what it printed."""
    node = placed.exact.node if placed.exact is not None else None
    if node is not None and isinstance(node, kind):
        return node_text(node)
    return None


class _Parser(AgendaParser):
    def __init__(self, ctx: Context, placed: tuple[Placed, ...]) -> None:
        self.ctx = ctx
        self.placed = placed
        #: The base's indented lines, by ``id`` of each of their lines; the ids given to blocks read.
        self.lines_of: dict[int, IndentedLines] | None = None
        self.lines_ids: set[str] = set()
        #: Each base node's holder, by ``id`` (made when first needed).
        self._parents: dict[int, Node | None] | None = None

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
            self.relabelled(block.number, depth, len(out) + 1, block.where)
            children, pos = self.subparagraphs(pos + 1, block.depth + 1)
            out.append(Subparagraph(text, id=placed.id, subparagraphs=children))
        return tuple(out), pos

    def relabelled(self, printed: str, depth: int, place: int, where: str) -> None:
        """In a document not ours, an item whose label will print otherwise (a list broken by text, which
        starts it again) is said: labels are derived from their place, never kept as typed."""
        if self.ctx.base is not None or printed in ("", "#"):
            return
        derived = self.ctx.pack.subparagraph_label(depth, place)
        if printed != derived:
            self.ctx.warn(where, f"printed {printed!r}, it prints {derived!r} when rendered",
                          "an item's label is derived from its place in its list; text between items starts a "
                          "list again")
            self.ctx.relabelled.append((where, f"{printed} → {derived}"))

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
        if block.kind in (BlockKind.BOX, BlockKind.SUMMARY):
            return self.box(pos)
        if block.kind is BlockKind.BULLET:
            return self.bullet(pos, 1)
        if block.kind is BlockKind.LINE:
            return self.indented_lines(pos)
        if in_suggestions:
            suggestion, after = self.suggestion(pos)
            if suggestion is not None:
                return suggestion, after
        if block.kind in (BlockKind.TABLE, BlockKind.FIGURE):
            return float_block(self.ctx, placed), pos + 1
        if block.kind is BlockKind.UNNUMBERED:
            exact = _exact_text(placed, UnnumberedText)
            text = exact if exact is not None else self.ctx.inlines(block.runs)
            items, after = self.subparagraphs(pos + 1, 1)  # a list it leads in
            return UnnumberedText(text, id=placed.id, subparagraphs=items), after
        exact = _exact_text(placed, Paragraph)
        text = exact if exact is not None else self.ctx.inlines(block.runs)
        pid = placed.id if placed.pairing is not None else placed.anchor_id or self.ctx.ids.new(block.runs)
        if pid is not None:
            self.ctx.printed[pid] = (block.number, block.where)
        subparagraphs, after = self.subparagraphs(pos + 1, 1)
        return Paragraph(text, id=pid, subparagraphs=subparagraphs, level=block.level), after

    # --- boxes (issue 13) ------------------------------------------------------------------------
    def box(self, pos: int) -> tuple[Box, int]:
        """A box from its heading to the end of its frame; a summary out of its place, as a box."""
        placed = self.placed[pos]
        if placed.block.kind is BlockKind.SUMMARY:
            self.ctx.warn(placed.block.where, "a summary box after the report's first blocks",
                          "it was read as a box; move it under the title block")
        ident = placed.id if isinstance(placed.node, Box) else placed.anchor_id
        content, pos = self.box_content(pos + 1)
        return Box(self.title_of(placed), id=ident, content=content), pos

    def box_content(self, pos: int) -> tuple[tuple[UnnumberedText, ...], int]:
        """The text a box frames, up to the end of its frame: none of it takes a paragraph number."""
        out: list[UnnumberedText] = []
        while self.kind(pos) in (BlockKind.UNNUMBERED, BlockKind.PARAGRAPH, BlockKind.SUBPARAGRAPH):
            placed = self.placed[pos]
            block = placed.block
            if block.kind is not BlockKind.UNNUMBERED:
                self.ctx.warn(block.where, f"{block.number} inside a box: nothing there takes a number",
                              "it was read as unnumbered text, without its number")
            out.append(UnnumberedText(self.text_of(placed, UnnumberedText), id=placed.id))
            pos += 1
        return tuple(out), pos + (self.kind(pos) is BlockKind.BOX_END)

    def summary(self) -> tuple[tuple[UnnumberedText, ...], int]:
        """The boxed summary under the title block: the first thing of the body, if there is one."""
        if self.kind(0) is not BlockKind.SUMMARY:
            return (), 0
        return self.box_content(1)
    # --- end boxes
    # --- bulleted lists and indented lines (issue 13) ------------------------------------------
    def bullet(self, pos: int, level: int) -> tuple[Bullet, int]:
        """A bullet and the deeper bullets after it (its own); one deeper than it can be is its own too."""
        placed = self.placed[pos]
        block = placed.block
        if block.depth > level:
            self.ctx.warn(block.where, f"a level-{block.depth} bullet follows no bullet of level {level}",
                          f"it was read at level {level}")
        text = self.text_of(placed, Bullet)  # before its bullets: warnings in reading order
        bullets: list[Bullet] = []
        pos += 1
        while self.kind(pos) is BlockKind.BULLET and self.placed[pos].block.depth > level:
            if level == MAX_BULLET_DEPTH:
                self.ctx.warn(self.placed[pos].block.where, "bullets nest two levels deep at most",
                              f"it was read at level {level}")
                break
            child, pos = self.bullet(pos, level + 1)
            bullets.append(child)
        return Bullet(text, id=placed.id, bullets=bullets), pos

    def indented_lines(self, pos: int) -> tuple[IndentedLines, int]:
        """A block of indented lines: this line, and the lines after it up to one that opens a block."""
        lines: list[Line] = []
        first, start = self.placed[pos], pos
        while self.kind(pos) is BlockKind.LINE and (pos == start or not self.placed[pos].block.opens):
            placed = self.placed[pos]
            lines.append(Line(self.text_of(placed, Line), id=placed.id, indent=placed.block.depth))
            pos += 1
        return IndentedLines(lines, id=self.lines_id(first)), pos

    def lines_id(self, first: Placed) -> str | None:
        """The id of the base's block of lines that holds this block's first line, once."""
        base = self.ctx.base
        if base is None or first.node is None:
            return None
        if self.lines_of is None:
            self.lines_of = {id(line): visit.node for visit in walk(base.report)
                             if isinstance(visit.node, IndentedLines) for line in visit.node.lines}
        holder = self.lines_of.get(id(first.node))
        if holder is None or holder.id is None or holder.id in self.lines_ids:
            return None
        self.lines_ids.add(holder.id)
        return holder.id
    # --- end bulleted lists and indented lines

    # --- instruments (issue 12) ----------------------------------------------------------------
    def instrument(self, pos: int) -> tuple[Part, int]:
        """A resolution from its label or title; a part of one that lost its title, as report text."""
        placed = self.placed[pos]
        block = placed.block
        if block.kind in (BlockKind.RESOLUTION_LABEL, BlockKind.RESOLUTION):
            return self.resolution(pos)
        if block.kind in (BlockKind.DECISION_LABEL, BlockKind.DECISION):
            return self.decision(pos)
        if block.kind in _AGENDA_STARTS:
            return self.agenda(pos)
        self.ctx.warn(block.where, f"a {block.kind.value} paragraph outside any resolution",
                      "it was read as report text; give the resolution its title back")
        text = self.ctx.inlines(block.runs)
        if block.kind is BlockKind.OPERATIVE:
            subparagraphs, after = self.subparagraphs(pos + 1, 1)
            return Paragraph(text, id=placed.id, subparagraphs=subparagraphs), after
        return UnnumberedText(text, id=placed.id), pos + 1

    def resolution(self, pos: int) -> tuple[Resolution, int]:
        start = pos
        label = self.placed[pos] if self.kind(pos) is BlockKind.RESOLUTION_LABEL else None
        pos += label is not None
        title = self.placed[pos] if self.kind(pos) is BlockKind.RESOLUTION else None
        pos += title is not None
        enacting: Inlines = ()
        if self.kind(pos) is BlockKind.ENACTING:
            enacting, pos = instrument_fields.enacting(self.ctx, self.placed[pos], title), pos + 1
        preamble: list[Preambular] = []
        while self.kind(pos) is BlockKind.PREAMBULAR:
            placed = self.placed[pos]
            preamble.append(Preambular(self.text_of(placed, Preambular),
                                       id=placed.id))
            pos += 1
        operative: list[Operative] = []
        while self.kind(pos) in (BlockKind.OPERATIVE, BlockKind.OPERATIVE_HEADING):
            subheading, pos = self.subheading(pos)
            if self.kind(pos) is not BlockKind.OPERATIVE:
                break
            placed = self.placed[pos]
            text = self.text_of(placed, Operative)
            subparagraphs, pos = self.subparagraphs(pos + 1, 1)
            operative.append(Operative(text,
                                       id=placed.id, subparagraphs=subparagraphs, heading=subheading))
        heading = title or label
        assert heading is not None  # a resolution starts at one of them
        ident = title.id if title is not None else None
        ident = ident or (label.anchor_id if label is not None else None)
        return Resolution(self.title_of(title) if title is not None else (), enacting, preamble, operative,
                          id=ident, official_number=instrument_fields.official_number(self.ctx, label),
                          note_numbering=instrument_fields.note_numbering(heading, self.placed[start:pos])), pos

    def decision(self, pos: int) -> tuple[Decision, int]:
        start = pos
        label = self.placed[pos] if self.kind(pos) is BlockKind.DECISION_LABEL else None
        pos += label is not None
        title = self.placed[pos] if self.kind(pos) is BlockKind.DECISION else None
        pos += title is not None
        paragraphs: list[DecisionPart] = []
        while self.kind(pos) is BlockKind.DECISION_TEXT or (self.kind(pos) in _AGENDA_STARTS
                                                            and self.agenda_of_decision(pos, self.placed[start:pos])):
            if self.kind(pos) is not BlockKind.DECISION_TEXT:  # the provisional agenda it approves
                agenda, pos = self.agenda(pos)
                paragraphs.append(agenda)
                continue
            placed = self.placed[pos]
            text = self.text_of(placed, DecisionParagraph)
            subparagraphs, pos = self.subparagraphs(pos + 1, 1)
            paragraphs.append(DecisionParagraph(text,
                                                id=placed.id, subparagraphs=subparagraphs))
        ident = title.id if title is not None else None
        ident = ident or (label.anchor_id if label is not None else None)
        heading = title or label
        assert heading is not None  # a decision starts at one of them
        return Decision(self.title_of(title) if title is not None else (), paragraphs, id=ident,
                        official_number=instrument_fields.official_number(self.ctx, label, decision=True),
                        note_numbering=instrument_fields.note_numbering(heading, self.placed[start:pos])), pos

    def subheading(self, pos: int) -> tuple[Inlines, int]:
        """An operative paragraph's subheading ("Taking stock"), if one stands at ``pos``."""
        if self.kind(pos) is not BlockKind.OPERATIVE_HEADING:
            return (), pos
        placed = self.placed[pos]
        if self.kind(pos + 1) is not BlockKind.OPERATIVE:
            self.ctx.warn(placed.block.where, f"a subheading with no operative paragraph after it: "
                          f"{runs_plain(placed.block.runs)[:60]!r}", "it was left out; put it before a paragraph")
        return self.heading_of(placed), pos + 1

    def heading_of(self, placed: Placed) -> Inlines:
        """A heading printed before a node (a subheading, an agenda's heading): the node's own when
        printed exactly, else the text it shows."""
        node = placed.exact.node if placed.exact is not None else None
        if isinstance(node, (Operative, ProvisionalItem)):
            return node.heading
        return self.ctx.inlines(placed.block.runs)

    # --- end instruments

    def content(self, pos: int, in_suggestions: bool = False) -> tuple[list[Part], int]:
        out: list[Part] = []
        while self.kind(pos) in _TEXT:
            block = self.placed[pos].block
            if block.kind is BlockKind.BOX_END:  # the end of a frame that opened nowhere
                pos += 1
                continue
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
            Subsection(self.title_of(sub), id=sub.id, content=[self.as_block(x) for x in part],
                       numbered=bool(sub.block.number)) for sub, part in subs
        ]
        sid = heading.id if not isinstance(heading.node, Findings) else None
        return Section(self.title_of(heading), id=sid, content=lead, subsections=subsections,
                       numbered=bool(heading.block.number)), pos

    def as_block(self, part: Part) -> Block:
        """Courses of action outside findings: a paragraph with the lead-in and its subparagraphs."""
        if isinstance(part, Suggestion):
            text = (self.ctx.pack.table.suggestion_lead_in.format(addressee=part.addressee),)
            return Paragraph(text, id=part.id, subparagraphs=part.courses)
        return part

    def chapter(self, pos: int, heading: Placed) -> tuple[Chapter, int]:
        """A chapter from its heading at ``pos``."""
        lead, pos = self.content(pos + 1)
        parts: list[ChapterPart] = []
        while self.kind(pos) in (BlockKind.SECTION, BlockKind.SUBSECTION):
            if self.kind(pos) is BlockKind.SUBSECTION:
                self.ctx.warn(self.placed[pos].block.where, "a subsection outside any section",
                              "it was read as a section")
            part, pos = self.section(pos)
            parts.append(part)
        return Chapter(self.title_of(heading), id=heading.id, content=lead, sections=parts,
                       numbered=bool(heading.block.number)), pos

    def chapters(self, pos: int) -> tuple[list[Chapter], int]:
        """The chapters up to the first annex; a lower heading before any chapter is read as one (a chapter
        is never made up: its title would be words the document does not print)."""
        out: list[Chapter] = []
        while pos < len(self.placed) and self.kind(pos) is not BlockKind.ANNEX:
            placed = self.placed[pos]
            if placed.block.kind is not BlockKind.CHAPTER:
                text = runs_plain(placed.block.runs)[:60]
                self.ctx.warn(placed.block.where, f"a {placed.block.kind.value} before any chapter: {text!r}",
                              "it was read as a chapter")
            chapter, pos = self.chapter(pos, placed)
            out.append(chapter)
        return out, pos

    def leading(self, start: int) -> tuple[tuple[Block, ...], int]:
        """Text before the first heading, kept where it stands: the report's own blocks."""
        lead, pos = self.content(start)
        return tuple(self.as_block(part) for part in lead), pos

    def body(self) -> Body:
        summary, pos = self.summary()
        content, pos = self.leading(pos)
        top, pos = self.chapters(pos)
        annexes: list[Annex] = []
        while pos < len(self.placed):
            heading = self.placed[pos]
            lead, pos = self.content(pos + 1)
            title, ident = self.title_of(heading), heading.id
            chapters, pos = self.chapters(pos)
            annexes.append(Annex(title, id=ident, content=lead, chapters=chapters))
        return summary, content, tuple(top), tuple(annexes)
