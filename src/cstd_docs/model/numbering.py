"""How a report numbers its paragraphs and its annexes: a choice of the report (or of one annex).

The numbers themselves are never stored: the resolution pass derives them from position
(and, for decimal numbering, from each paragraph's level), so inserting a paragraph
renumbers every output in either scheme.
"""

from __future__ import annotations

import enum

__all__ = ["AnnexNumerals", "Numbering"]


class Numbering(enum.Enum):
    """How paragraphs are numbered.

    ``un``: 1., 2., 3. through the report, afresh in each annex (the UN Editorial Manual);
    ``decimal``: clauses numbered by level, 1., 1.1., 3.1.1., afresh in each annex, as UNECE
    regulations and other technical texts print them (a paragraph's ``level`` says how deep).
    """

    UN = "un"
    DECIMAL = "decimal"


class AnnexNumerals(enum.Enum):
    """How annexes are numbered when there are several: ``roman`` "Annex I", ``arabic`` "Annex 1"."""

    ROMAN = "roman"
    ARABIC = "arabic"
