"""Pairing the visible blocks with the base's: the same text first, then the most similar.

A pairing is by kind and by printed text only; position plays no part, so moved,
inserted and deleted blocks keep their ids. The result is one :class:`Placed` per
visible block, in the visible order; nothing given is changed.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from attrs import frozen

from cstd_docs.model import Node
from cstd_docs.readers.base import BaseItem
from cstd_docs.readers.signature import Sig, plain, signature
from cstd_docs.readers.visible import BlockKind, VBlock

#: Below this similarity an edited block is a new one.
SIMILAR = 0.6


@frozen
class Pairing:
    """The base item a visible block was paired with, and whether it prints exactly the same."""

    item: BaseItem
    exact: bool


@frozen
class Placed:
    """A visible block with its signature, its base pairing (if any) and the id it gives itself."""

    block: VBlock
    sig: Sig
    pairing: Pairing | None = None
    #: The id of the block's own anchor (Markdown), when no other block took it first.
    anchor_id: str | None = None

    @property
    def exact(self) -> BaseItem | None:
        """The base item, when the block prints exactly what it printed."""
        return self.pairing.item if self.pairing is not None and self.pairing.exact else None

    @property
    def node(self) -> Node | None:
        """The base node the block was paired with."""
        return self.pairing.item.node if self.pairing is not None else None

    @property
    def id(self) -> str | None:
        """The base node's id, else the block's own anchor."""
        if self.pairing is not None and self.pairing.item.node is not None:
            return self.pairing.item.id
        return self.anchor_id


def pair(blocks: Sequence[tuple[BlockKind, Sig]], base: Sequence[BaseItem]) -> list[int | None]:
    """For each (kind, signature), the index of its base item, or None."""
    found: list[int | None] = [None] * len(blocks)
    used: set[int] = set()
    by_sig: dict[tuple[BlockKind, Sig], list[int]] = {}
    for index, item in enumerate(base):
        by_sig.setdefault((item.kind, item.sig), []).append(index)
    for position, key in enumerate(blocks):
        for index in by_sig.get(key, []):
            if index not in used:
                used.add(index)
                found[position] = index
                break
    for position, (kind, sig) in enumerate(blocks):
        if found[position] is None:
            best = _most_similar(kind, plain(sig), base, used)
            if best is not None:
                used.add(best)
                found[position] = best
    return found


def _most_similar(kind: BlockKind, text: str, base: Sequence[BaseItem], used: set[int]) -> int | None:
    best: tuple[float, int] | None = None
    for index, item in enumerate(base):
        if index in used or item.kind != kind or item.node is None:
            continue
        matcher = difflib.SequenceMatcher(None, text, plain(item.sig), autojunk=False)
        if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
            continue
        ratio = matcher.ratio()
        if ratio >= SIMILAR and (best is None or ratio > best[0]):
            best = (ratio, index)
    return best[1] if best is not None else None


def place(blocks: Sequence[VBlock], base: Sequence[BaseItem], anchors: dict[int, str]) -> tuple[Placed, ...]:
    """The visible blocks, each with its pairing; ``anchors`` maps a block's index to its own id."""
    sigs = [signature(block.runs) for block in blocks]
    found = pair([(block.kind, sig) for block, sig in zip(blocks, sigs, strict=True)], base) if base else []
    out = []
    for position, (block, sig) in enumerate(zip(blocks, sigs, strict=True)):
        index = found[position] if found else None
        pairing = None if index is None else Pairing(base[index], base[index].sig == sig)
        out.append(Placed(block, sig, pairing, anchors.get(position)))
    return tuple(out)
