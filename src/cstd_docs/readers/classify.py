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

from collections.abc import Iterable
from typing import assert_never

import attrs
from attrs import field, frozen

from cstd_docs.lang import LanguagePack
from cstd_docs.readers.labels import SubLabels
from cstd_docs.readers.signature import Sig, signature
from cstd_docs.readers.visible import BlockKind, VBlock, VRun, VRuns


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
    #: The Word writer's bookmark on its label (a cross-reference's target).
    bookmark: str | None = None
    #: The document says the line is not numbered (Word: ``w:numId`` 0), whatever it starts with.
    not_numbered: bool = False


Line = HeadingLine | TextLine


class Classifier:
    """The decision for each line in turn; it remembers only what came before."""

    def __init__(self, pack: LanguagePack, unnumbered: frozenset[Sig] = frozenset()) -> None:
        self.labels = SubLabels(pack)
        #: The signatures of the base's unnumbered text.
        self.unnumbered = unnumbered
        self.previous: BlockKind | None = None
        #: The instrument being read is a decision (its text is neither preamble nor operative).
        self.in_decision = False

    def __call__(self, line: Line) -> VBlock:
        match line:
            case HeadingLine():
                block = self.heading(line)
            case TextLine():
                block = self.text(line)
            case _:
                assert_never(line)
        self.previous = block.kind
        return block if line.bookmark is None else attrs.evolve(block, bookmark=line.bookmark)

    def heading(self, line: HeadingLine) -> VBlock:
        self.labels.reset()
        if line.kind in (BlockKind.RESOLUTION, BlockKind.DECISION):
            self.in_decision = line.kind is BlockKind.DECISION
        return VBlock(line.kind, line.runs, number=line.number, where=line.where, anchor=line.anchor)

    def text(self, line: TextLine) -> VBlock:
        if line.instrument:
            return self.instrument(line)
        number, item = line.number, line.item
        after_text = self.previous in (BlockKind.PARAGRAPH, BlockKind.SUBPARAGRAPH)
        typed = number is not None or item is not None
        in_list = item is not None and self.previous is BlockKind.SUBPARAGRAPH and self.labels.expects(item.label)
        if typed and (line.not_numbered or (self.unnumbered and signature(line.runs) in self.unnumbered)):
            pass
        elif number is not None and not in_list:
            self.labels.reset()
            return VBlock(BlockKind.PARAGRAPH, number.runs, number=number.label, where=line.where, anchor=line.anchor)
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


    # --- instruments (issue 12)
    def instrument(self, line: TextLine) -> VBlock:
        """A line of a resolution: the enacting formula right after the title, an operative
        paragraph by its number, a subparagraph of one by its label, else a preambular paragraph."""
        where, anchor = line.where, line.anchor
        item = line.item
        if line.number is not None:
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


def _labels_over_titles(blocks: list[VBlock]) -> tuple[VBlock, ...]:
    """An instrument's heading right before another is the label over its title ("Draft resolution I")."""
    labels = {BlockKind.RESOLUTION: BlockKind.RESOLUTION_LABEL, BlockKind.DECISION: BlockKind.DECISION_LABEL}
    for index in range(len(blocks) - 1):
        kind = blocks[index].kind
        if kind in labels and blocks[index + 1].kind is kind:
            blocks[index] = attrs.evolve(blocks[index], kind=labels[kind])
    return tuple(blocks)
# --- end instruments


def classify(lines: Iterable[Line], pack: LanguagePack, unnumbered: frozenset[Sig] = frozenset()) -> tuple[VBlock, ...]:
    """The blocks the lines are, in order."""
    classifier = Classifier(pack, unnumbered)
    return _labels_over_titles([classifier(line) for line in lines])
