"""The one classification stage: each body line becomes a heading, a numbered paragraph, a
subparagraph (with its depth) or unnumbered text.

Both format readers hand it the same typed lines. A format reader says what a line
*could* be (it starts with a paragraph number, or with a label that could be a
subparagraph's, or Word numbers it itself); the decision, which depends on what came
before, is made here once:

- a paragraph number makes a paragraph, unless the line continues a list of
  subparagraphs that expects exactly that label ("1." in an Arabic list);
- a subparagraph label after a paragraph or a subparagraph makes a subparagraph, its
  depth from the labels before it (labels.SubLabels);
- a line the base printed as unnumbered text, word for word, stays unnumbered even
  when it starts like a number ("12." typed by the author), and so does a line the
  document says is not numbered (the Word writer's ``w:numId`` 0 on unnumbered text);
- anything else is unnumbered text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import assert_never

import attrs
from attrs import field, frozen

from cstd_docs.lang import LanguagePack
from cstd_docs.model import Emphasis, Strong
from cstd_docs.readers.labels import SubLabels, clause_level
from cstd_docs.readers.signature import Sig, norm, runs_plain, signature
from cstd_docs.readers.visible import BlockKind, VBlock, VFigure, VNote, VRun, VRuns, VTable, float_runs
from cstd_docs.resolve.document import AGENDA_SEPARATOR


def _runs(value: Iterable[VRun]) -> VRuns:
    return tuple(value)


@frozen
class Labelled:
    """A line's label ("12.", "(a)") and the runs after it."""

    label: str
    runs: VRuns = field(default=(), converter=_runs)


@frozen
class HeadingLine:
    """A heading the format reader recognised (by its style, or its Markdown level)."""

    kind: BlockKind
    number: str
    runs: VRuns = field(converter=_runs)
    where: str = ""
    anchor: str | None = None
    #: The Word writer's bookmark on its label (a cross-reference's target).
    bookmark: str | None = None


@frozen
class TextLine:
    """A line of body text, with what it could be."""

    #: The whole line, as unnumbered text would print it.
    runs: VRuns = field(converter=_runs)
    where: str = ""
    #: The line starts with a paragraph number.
    number: Labelled | None = None
    #: The line starts with a label that could be a subparagraph's.
    item: Labelled | None = None
    #: Word numbers the line itself (w:numPr), at this level.
    list_level: int | None = None
    anchor: str | None = None
    #: The line is part of a resolution (its Word style, or a Markdown quote).
    instrument: bool = False
    #: A bullet, at this level (1 or 2): its Word style, or a Markdown "- " item.
    bullet: int | None = None
    #: One of indented lines, this many steps in: its Word style, or a Markdown line block's line.
    indent: int | None = None
    #: The line opens a block of indented lines.
    opens: bool = False
    #: What the line is, where the format shows it (a Word style: an agenda's item, a subheading).
    kind: BlockKind | None = None
    #: The format shows every line's kind (Word, by its style): none is guessed from its face.
    by_style: bool = False
    #: An agenda's documentation under a sub-item (2; its Word indent, a Markdown quote in the quote), else 0.
    depth: int = 0
    #: The Word writer's bookmark on its label (a cross-reference's target).
    bookmark: str | None = None
    #: The document says the line is not numbered (Word: ``w:numId`` 0), whatever it starts with.
    not_numbered: bool = False


@frozen
class FloatLine:
    """A table or a figure (issue 13), whole, with the lines under it the format reader gave it."""

    shown: VTable | VFigure
    where: str = ""
    anchor: str | None = None
    #: The Word writer's bookmark on its caption (a cross-reference's target).
    bookmark: str | None = None


Line = HeadingLine | TextLine | FloatLine


class Classifier:
    """The decision for each line in turn; it remembers only what came before."""

    def __init__(self, pack: LanguagePack, unnumbered: frozenset[Sig] = frozenset(),
                 unlabelled: Mapping[Sig, frozenset[BlockKind]] | None = None) -> None:
        self.labels = SubLabels(pack)
        #: The signatures of the base's unnumbered text.
        self.unnumbered = unnumbered
        #: The signatures of the lines the base's instruments printed without a label, with their kinds.
        self.unlabelled: Mapping[Sig, frozenset[BlockKind]] = unlabelled or {}
        self.previous: BlockKind | None = None
        #: The instrument being read is a decision (its text is neither preamble nor operative).
        self.in_decision = False
        #: A resolution is being read (a numbered line is an operative paragraph, not an agenda item).
        self.in_resolution = False
        #: A provisional agenda is being read.
        self.in_agenda = False
        self.documentation = pack.table.instruments.documentation

    def __call__(self, line: Line) -> VBlock:
        match line:
            case HeadingLine():
                block = self.heading(line)
            case TextLine():
                block = self.text(line)
            case FloatLine():
                self.labels.reset()
                kind = BlockKind.TABLE if isinstance(line.shown, VTable) else BlockKind.FIGURE
                block = VBlock(kind, float_runs(line.shown), where=line.where, anchor=line.anchor, floating=line.shown)
            case _:
                assert_never(line)
        self.previous = block.kind
        return block if line.bookmark is None else attrs.evolve(block, bookmark=line.bookmark)

    def heading(self, line: HeadingLine) -> VBlock:
        self.labels.reset()
        if line.kind in (BlockKind.RESOLUTION, BlockKind.DECISION):
            self.in_decision = line.kind is BlockKind.DECISION
        if line.kind is BlockKind.AGENDA_TITLE:
            return self.agenda_part(TextLine(line.runs, line.where, anchor=line.anchor), line.kind)
        if line.kind in (BlockKind.OPERATIVE_HEADING, BlockKind.AGENDA_HEADING):  # "###" in a quote (Markdown)
            kind = BlockKind.OPERATIVE_HEADING if self.in_resolution else BlockKind.AGENDA_HEADING
            return self.agenda_part(TextLine(line.runs, line.where, anchor=line.anchor), kind)
        self.in_resolution = line.kind is BlockKind.RESOLUTION
        self.in_agenda = False
        return VBlock(line.kind, line.runs, number=line.number, where=line.where, anchor=line.anchor)

    def text(self, line: TextLine) -> VBlock:
        if line.instrument:
            return self.instrument(line)
        self.in_resolution = self.in_agenda = False
        if line.bullet is not None or line.indent is not None:
            return self.bullet_or_line(line)
        number, item = line.number, line.item
        # A list may follow any body text: a paragraph, an item, or unnumbered text that leads it in.
        after_text = self.previous in (BlockKind.PARAGRAPH, BlockKind.SUBPARAGRAPH, BlockKind.UNNUMBERED)
        typed = number is not None or item is not None
        in_list = item is not None and self.previous is BlockKind.SUBPARAGRAPH and self.labels.expects(item.label)
        if typed and (line.not_numbered or (self.unnumbered and signature(line.runs) in self.unnumbered)):
            pass
        elif number is not None and not in_list:
            self.labels.reset()
            return VBlock(BlockKind.PARAGRAPH, number.runs, number=number.label, where=line.where, anchor=line.anchor,
                          level=clause_level(number.label))
        elif item is not None and self.labels.is_label(item.label) and after_text:
            depth = self.labels.depth(item.label)
            return VBlock(BlockKind.SUBPARAGRAPH, item.runs, number=item.label, depth=depth, where=line.where,
                          anchor=line.anchor)
        elif line.list_level is not None:
            if line.list_level == 0 or not after_text:
                return VBlock(BlockKind.PARAGRAPH, line.runs, number="#", where=line.where, anchor=line.anchor)
            return VBlock(BlockKind.SUBPARAGRAPH, line.runs, number="#", depth=min(line.list_level, 4),
                          where=line.where, anchor=line.anchor)
        self.labels.reset()
        return VBlock(BlockKind.UNNUMBERED, line.runs, where=line.where, anchor=line.anchor)

    def bullet_or_line(self, line: TextLine) -> VBlock:
        """A bullet or an indented line: the format says so (a style, a list or line block), not its text."""
        self.labels.reset()
        if line.bullet is not None:
            return VBlock(BlockKind.BULLET, line.runs, depth=line.bullet, where=line.where, anchor=line.anchor)
        return VBlock(BlockKind.LINE, line.runs, depth=line.indent or 0, where=line.where, anchor=line.anchor,
                      opens=line.opens)

    # --- instruments (issue 12)
    def instrument(self, line: TextLine) -> VBlock:
        """A line of a resolution: the enacting formula right after the title, an operative
        paragraph by its number, a subparagraph of one by its label, else a preambular paragraph."""
        where, anchor = line.where, line.anchor
        printed = self.unlabelled.get(signature(line.runs)) if self.unlabelled else None
        if printed:  # printed unlabelled by the base: a label it starts with is its text
            line = TextLine(line.runs, where, anchor=anchor, instrument=True, kind=line.kind, by_style=line.by_style,
                            depth=line.depth)
        item = line.item
        if line.kind is not None or line.by_style:
            kind = line.kind
        else:  # where the base printed the text unlabelled, only as what it printed it
            kind = self.guess(line)
            kind = kind if not printed or kind in printed else None
        if kind is not None:
            return self.agenda_part(line, kind)
        self.in_agenda = False  # a line of the instrument itself: any agenda above it has ended
        if line.number is not None and not self.in_list(line):
            self.labels.reset()
            return VBlock(BlockKind.OPERATIVE, line.number.runs, number=line.number.label, where=where, anchor=anchor)
        after = self.previous in (BlockKind.OPERATIVE, BlockKind.DECISION_TEXT, BlockKind.SUBPARAGRAPH)
        if item is not None and after and self.labels.is_label(item.label):
            return VBlock(BlockKind.SUBPARAGRAPH, item.runs, number=item.label, depth=self.labels.depth(item.label),
                          where=where, anchor=anchor)
        self.labels.reset()
        if self.in_decision:
            return VBlock(BlockKind.DECISION_TEXT, line.runs, where=where, anchor=anchor)
        kind = BlockKind.ENACTING if self.previous is BlockKind.RESOLUTION else BlockKind.PREAMBULAR
        return VBlock(kind, line.runs, where=where, anchor=anchor)

    def guess(self, line: TextLine) -> BlockKind | None:
        """What a quoted Markdown line of an instrument is, where no style says: a provisional agenda's
        part by its place (and the word "Documentation" by its face); None for the others (preamble,
        operative, …). Headings in a quote are headings ("###"), not guessed."""
        text, face = runs_plain(line.runs).strip(), _face(line.runs)
        if not self.agenda_open():
            return None
        if text == AGENDA_SEPARATOR:
            return BlockKind.AGENDA_SEPARATOR
        if face is Emphasis and text == self.documentation:
            return BlockKind.DOCUMENTATION
        if line.number is not None and not self.in_list(line):
            return BlockKind.AGENDA_ITEM
        if line.item is not None and self.in_agenda and self.labels.is_label(line.item.label):
            return BlockKind.AGENDA_SUB_ITEM
        if self.previous in (BlockKind.DOCUMENTATION, BlockKind.DOCUMENT):
            return BlockKind.DOCUMENT
        return None

    def in_list(self, line: TextLine) -> bool:
        """The line continues a list of subparagraphs that expects exactly its label ("1." in Arabic)."""
        item = line.item
        return item is not None and self.previous is BlockKind.SUBPARAGRAPH and self.labels.expects(item.label)

    def agenda_open(self) -> bool:
        """An agenda's part can stand here: in an agenda, or in a decision, or outside any resolution."""
        return self.in_agenda or (not self.in_resolution and self.previous is not BlockKind.RESOLUTION)

    def agenda_part(self, line: TextLine, kind: BlockKind) -> VBlock:
        """A part of a provisional agenda, an item and a sub-item with their labels; or a subheading."""
        where, anchor = line.where, line.anchor
        self.in_agenda = kind is not BlockKind.OPERATIVE_HEADING
        self.in_resolution = self.in_resolution and not self.in_agenda
        if kind in (BlockKind.AGENDA_ITEM, BlockKind.AGENDA_SUB_ITEM):
            labelled = line.number if kind is BlockKind.AGENDA_ITEM and line.number is not None else line.item
            if kind is BlockKind.AGENDA_ITEM:
                self.labels.reset()
            elif labelled is not None and self.labels.is_label(labelled.label):
                self.labels.depth(labelled.label)
            if labelled is not None:
                return VBlock(kind, labelled.runs, number=labelled.label, depth=1, where=where, anchor=anchor)
            return VBlock(kind, line.runs, number="#", depth=1, where=where, anchor=anchor)
        if kind is BlockKind.DOCUMENTATION:  # the fixed word, italic by its style (Markdown: by its face)
            runs = tuple(r.text if isinstance(r, Emphasis) else r for r in line.runs)
            return VBlock(kind, runs, depth=max(line.depth, 1), where=where, anchor=anchor)
        return VBlock(kind, line.runs, depth=max(line.depth, 1), where=where, anchor=anchor)


def _face(runs: VRuns) -> type | None:
    """Strong or Emphasis when every piece of text of the line is bold, or every one italic."""
    kinds = {type(run) for run in norm(runs) if not isinstance(run, VNote)}
    return kinds.pop() if len(kinds) == 1 and kinds <= {Strong, Emphasis} else None


def _labels_over_titles(blocks: list[VBlock]) -> tuple[VBlock, ...]:
    """An instrument's heading right before another is the label over its title ("Draft resolution I")."""
    labels = {BlockKind.RESOLUTION: BlockKind.RESOLUTION_LABEL, BlockKind.DECISION: BlockKind.DECISION_LABEL}
    for index in range(len(blocks) - 1):
        kind = blocks[index].kind
        if kind in labels and blocks[index + 1].kind is kind:
            blocks[index] = attrs.evolve(blocks[index], kind=labels[kind])
    return tuple(blocks)
# --- end instruments


def classify(lines: Iterable[Line], pack: LanguagePack, unnumbered: frozenset[Sig] = frozenset(),
             unlabelled: Mapping[Sig, frozenset[BlockKind]] | None = None) -> tuple[VBlock, ...]:
    """The blocks the lines are, in order."""
    classifier = Classifier(pack, unnumbered, unlabelled)
    return _labels_over_titles([classifier(line) for line in lines])
