"""Counters as the UN prints them: I, II (chapters); A, B (sections); a, b (subparagraphs).

The language tables replace them where a language counts its own way ("一", "ألف").
"""

from __future__ import annotations

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def roman(number: int) -> str:
    """1 → "I", 14 → "XIV"."""
    if number < 1:
        raise ValueError(f"no Roman numeral for {number}")
    out = []
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)


def letters(number: int) -> str:
    """1 → "a", 26 → "z", 27 → "aa", 28 → "bb": the UN doubles letters past z."""
    if number < 1:
        raise ValueError(f"no letter for {number}")
    cycle, index = divmod(number - 1, 26)
    return chr(ord("a") + index) * (cycle + 1)
