"""Comparing two versions of a report: the block alignment shared by ``diff`` and ``redline``.

:mod:`~cstd_docs.compare.align` pairs two sequences of blocks (in place, moved, added,
removed); :mod:`~cstd_docs.compare.blocks` gives the blocks of a resolved document their
keys, places and printed text. docs/redline.md describes the algorithm.
"""

from cstd_docs.compare.align import Op, Step, align
from cstd_docs.compare.blocks import Unit, pair_notes, similar, units

__all__ = ["Op", "Step", "Unit", "align", "pair_notes", "similar", "units"]
