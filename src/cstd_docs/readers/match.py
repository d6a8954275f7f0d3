"""Pairing the visible blocks with the base's: the same text first, then the most similar.

A pairing is by kind and by printed text; position only chooses which base items an
edited block is compared with (:class:`_Similar`), so moved, inserted and deleted blocks
keep their ids. The result is one :class:`Placed` per
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
#: The candidates for an edited block: the base items this far from where it would be,
#: and those sharing one of its ``RARE_WORDS`` rarest words, when no more than ``COMMON``
#: base items hold that word; the ``COMPARED`` sharing the most words are compared.
WINDOW = 24
RARE_WORDS = 8
COMMON = 32
COMPARED = 6
#: A candidate this similar is taken without comparing the others.
CLEARLY = 0.9
#: Texts up to this many characters are compared by characters, longer ones by words; texts
#: of more than ``LONG`` words by how many times each word occurs (difflib's quick ratio).
SHORT = 160
LONG = 2_000


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
    similar = _Similar(base)
    expected = 0  # where in the base the next block would be, after the last block paired
    for position, (kind, sig) in enumerate(blocks):
        if found[position] is None:
            best = similar.best(kind, plain(sig), expected, used)
            if best is not None:
                used.add(best)
                found[position] = best
        paired = found[position]
        expected = paired + 1 if paired is not None else expected + 1
    return found


def _words(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


class _Similar:
    """The most similar base item of a kind, among few candidates: near-linear in the draft.

    Comparing every edited block with every base block took the square of their number
    (300 edited paragraphs: 128 s). The candidates are the base items near where the
    block would be (after the block before it), and those sharing its rarest words (a
    moved and edited block); they are ranked by the words they share, and only the first
    few are compared character by character.
    """

    def __init__(self, base: Sequence[BaseItem]) -> None:
        self.base = base
        self.texts = [plain(item.sig) for item in base]
        self.words = [_words(text) for text in self.texts]
        self.postings: dict[str, list[int]] = {}
        for index, words in enumerate(self.words):
            if base[index].node is not None:
                for word in words:
                    self.postings.setdefault(word, []).append(index)

    def candidates(self, words: frozenset[str], expected: int) -> set[int]:
        near = set(range(max(0, expected - WINDOW), min(len(self.base), expected + WINDOW + 1)))
        rare = sorted((len(self.postings.get(word, ())), word) for word in words)
        for count, word in rare[:RARE_WORDS]:
            if 0 < count <= COMMON:
                near.update(self.postings[word])
        return near

    def best(self, kind: BlockKind, text: str, expected: int, used: set[int]) -> int | None:
        words = _words(text)
        ranked = []
        for index in self.candidates(words, expected):
            item = self.base[index]
            if index in used or item.kind != kind or item.node is None:
                continue
            shared = len(words & self.words[index]) * 2 / (len(words) + len(self.words[index]) or 1)
            ranked.append((-shared, abs(index - expected), index))
        best: tuple[float, int] | None = None
        for _, _, index in sorted(ranked)[:COMPARED]:
            ratio = _ratio(text, self.texts[index])
            if ratio >= SIMILAR and (best is None or ratio > best[0]):
                best = (ratio, index)
            if ratio >= CLEARLY:
                break
        return best[1] if best is not None else None


def _ratio(text: str, other: str) -> float:
    """difflib's similarity: of characters for short texts, of words for longer ones (by
    characters two paragraphs of 1,500 took 50 ms; by words, 1 ms), of word counts for the longest."""
    if max(len(text), len(other)) <= SHORT:
        return _sequence_ratio(text, other, exact=True)
    words, other_words = text.split(), other.split()
    return _sequence_ratio(words, other_words, exact=max(len(words), len(other_words)) <= LONG)


def _sequence_ratio(one: Sequence[str], other: Sequence[str], *, exact: bool) -> float:
    matcher = difflib.SequenceMatcher(None, one, other, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio() if exact else matcher.quick_ratio()


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
