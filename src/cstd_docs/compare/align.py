"""Aligning two sequences of blocks: which were kept in place, moved, added or removed.

Patience alignment on identity keys, then a line diff of what lies between:

1. *Anchors*: blocks whose identity key (an id, or the content of a block without one)
   occurs exactly once in each version are paired.
2. The heaviest increasing subsequence of those pairs (in new order, increasing in old
   order; each block weighs 1 unless the caller says otherwise) stays *in place*; every
   other anchor pair is a *move*. When two chapters are swapped, the longer one stays in
   place and the shorter one is moved, so the moved text is as little as it can be.
   (Callers weigh headings more, so that a paragraph moved across a heading is what
   moves, not the heading.)
3. Between consecutive in-place pairs, the blocks left over are matched by content key
   (``difflib``'s longest matching blocks), then a changed block is paired with a
   *similar* one nearby (an edited paragraph whose id was lost on the way).
4. What is left is paired by equal content key anywhere (a repeated block moved), and
   the rest is added or removed.

Steps 1, 2 and 4 are O(n log n) in the number of blocks; step 3 only sees the gaps.
"""

from __future__ import annotations

import difflib
import enum
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence

from attrs import frozen

__all__ = ["Op", "Step", "align"]

#: How far, in blocks, a changed block looks for a similar one inside a gap.
SIMILAR_WINDOW = 8


class Step(enum.Enum):
    SAME = "same"  # paired and in place (its content may still differ)
    INSERTED = "inserted"
    DELETED = "deleted"
    MOVED_FROM = "moved from"  # an old block whose partner stands elsewhere in the new version
    MOVED_TO = "moved to"


@frozen
class Op:
    """One step of the merged sequence: ``old`` and ``new`` index the two versions.

    A move appears twice: ``MOVED_FROM`` where the block was (``new`` names its partner)
    and ``MOVED_TO`` where it is now (``old`` names its partner).
    """

    step: Step
    old: int | None
    new: int | None


def _heaviest_increasing(pairs: list[tuple[int, int]], weight: Callable[[int], int],
                         size: int) -> set[tuple[int, int]]:
    """The subsequence of ``pairs`` (sorted by new index) increasing in old index with the
    greatest total weight (of the new blocks): a Fenwick tree of prefix maxima, O(n log n)."""
    tree = [(0, -1)] * (size + 1)  # (best total, index into pairs) over old indices
    previous = [-1] * len(pairs)
    totals = [0] * len(pairs)
    best = (0, -1)
    for at, (old, new) in enumerate(pairs):
        found, k = (0, -1), old  # the best run ending at an old index below ``old``
        while k > 0:
            found = max(found, tree[k])
            k -= k & -k
        totals[at] = found[0] + weight(new)
        previous[at] = found[1]
        best = max(best, (totals[at], at))
        k = old + 1
        while k <= size:
            tree[k] = max(tree[k], (totals[at], at))
            k += k & -k
    kept: set[tuple[int, int]] = set()
    at = best[1]
    while at >= 0:
        kept.add(pairs[at])
        at = previous[at]
    return kept


def _anchors(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[int, int]]:
    """(old, new) pairs of the keys that occur once in each, in new order."""
    old_count, new_count = Counter(old), Counter(new)
    where = {key: i for i, key in enumerate(old) if old_count[key] == 1}
    return [(where[key], j) for j, key in enumerate(new) if new_count[key] == 1 and key in where]


class _Pairing:
    def __init__(self, old_content: Sequence[Hashable], new_content: Sequence[Hashable],
                 similar: Callable[[int, int], bool] | None) -> None:
        self.old_content = old_content
        self.new_content = new_content
        self.similar = similar
        self.old_to_new: dict[int, int] = {}
        self.new_to_old: dict[int, int] = {}
        self.in_place: list[tuple[int, int]] = []

    def pair(self, i: int, j: int, in_place: bool) -> None:
        self.old_to_new[i] = j
        self.new_to_old[j] = i
        if in_place:
            self.in_place.append((i, j))

    def gap(self, old_range: range, new_range: range) -> None:
        """Pair the unpaired blocks between two in-place pairs, keeping them in place."""
        olds = [i for i in old_range if i not in self.old_to_new]
        news = [j for j in new_range if j not in self.new_to_old]
        if not olds or not news:
            return
        a = [self.old_content[i] for i in olds]
        b = [self.new_content[j] for j in news]
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1):
                    self.pair(olds[i1 + k], news[j1 + k], True)
            elif tag == "replace" and self.similar is not None:
                self.similar_in(olds[i1:i2], news[j1:j2])

    def similar_in(self, olds: list[int], news: list[int]) -> None:
        """Pair each new block with a similar old one, in order, looking a few blocks ahead."""
        assert self.similar is not None
        start = 0
        for j in news:
            for k in range(start, min(len(olds), start + SIMILAR_WINDOW)):
                if self.similar(olds[k], j):
                    self.pair(olds[k], j, True)
                    start = k + 1
                    break

    def leftovers(self) -> None:
        """Unpaired blocks with equal content anywhere: moves of repeated blocks."""
        waiting: defaultdict[Hashable, list[int]] = defaultdict(list)
        for i in reversed(range(len(self.old_content))):
            if i not in self.old_to_new:
                waiting[self.old_content[i]].append(i)
        for j, key in enumerate(self.new_content):
            if j not in self.new_to_old and waiting.get(key):
                self.pair(waiting[key].pop(), j, False)


def align(
    old_keys: Sequence[Hashable],
    new_keys: Sequence[Hashable],
    old_content: Sequence[Hashable] | None = None,
    new_content: Sequence[Hashable] | None = None,
    similar: Callable[[int, int], bool] | None = None,
    weight: Callable[[int], int] | None = None,
) -> list[Op]:
    """The merged sequence of steps from ``old`` to ``new`` (see the module's description).

    ``*_keys`` identify blocks (an id where there is one); ``*_content`` (default: the
    keys) say what a block holds, for blocks that did not pair by identity; ``similar(i, j)``
    says whether old block ``i`` may be an edit of new block ``j``; ``weight(j)`` how much
    keeping new block ``j`` in place is worth (default 1: the most blocks stay in place).
    """
    pairing = _Pairing(old_keys if old_content is None else old_content,
                       new_keys if new_content is None else new_content, similar)
    anchors = _anchors(old_keys, new_keys)
    kept = _heaviest_increasing(anchors, weight or (lambda _: 1), len(old_keys))
    for i, j in anchors:
        pairing.pair(i, j, (i, j) in kept)
    fixed = sorted(pairing.in_place, key=lambda p: p[1])
    previous = (-1, -1)
    for i, j in [*fixed, (len(old_keys), len(new_keys))]:
        pairing.gap(range(previous[0] + 1, i), range(previous[1] + 1, j))
        previous = (i, j)
    pairing.leftovers()
    return _merged(pairing, len(old_keys), len(new_keys))


def _merged(pairing: _Pairing, old_length: int, new_length: int) -> list[Op]:
    """Old blocks between two in-place pairs come first (removed or moved away), then new ones."""
    ops: list[Op] = []
    i = j = 0
    for pi, pj in [*sorted(pairing.in_place, key=lambda p: p[1]), (old_length, new_length)]:
        for old in range(i, pi):
            partner = pairing.old_to_new.get(old)
            ops.append(Op(Step.DELETED, old, None) if partner is None else Op(Step.MOVED_FROM, old, partner))
        for new in range(j, pj):
            partner = pairing.new_to_old.get(new)
            ops.append(Op(Step.INSERTED, None, new) if partner is None else Op(Step.MOVED_TO, partner, new))
        if pi < old_length:
            ops.append(Op(Step.SAME, pi, pj))
        i, j = pi + 1, pj + 1
    return ops
