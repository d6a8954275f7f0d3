"""Boxes and the letter of transmittal in the resolution pass (issue 13).

A box's label ("Box 1") is derived from its place among the report's boxes; the boxed
summary's heading is the language's "Summary". A box is open from its heading until the
walk leaves it: the :class:`~cstd_docs.resolve.document.BoxStart` then learns how many blocks
it frames, so writers frame exactly those and never count.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cstd_docs.model import Node
from cstd_docs.model.walk import Visit
from cstd_docs.resolve.document import BoxStart, ResolvedBlock

__all__ = ["SUMMARY", "OpenBox", "box_groups", "inside"]

#: The JSON path of the summary's paragraphs.
SUMMARY = "$.summary"


class OpenBox:
    """A box whose blocks are being emitted: its node (None for the summary) and where its heading is."""

    def __init__(self, node: Node | None, at: int) -> None:
        self.node = node
        self.at = at


def inside(box: OpenBox, visit: Visit) -> bool:
    """Whether the visited node stands in ``box``."""
    if box.node is None:
        return visit.within == SUMMARY
    return any(ancestor is box.node for ancestor in visit.ancestors)


def box_groups(blocks: Sequence[ResolvedBlock]) -> Iterator[tuple[ResolvedBlock, tuple[ResolvedBlock, ...]]]:
    """Each block with the blocks it frames: a box's heading with its blocks, any other block alone."""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        framed = blocks[index + 1 : index + 1 + block.blocks] if isinstance(block, BoxStart) else ()
        yield block, tuple(framed)
        index += 1 + len(framed)
