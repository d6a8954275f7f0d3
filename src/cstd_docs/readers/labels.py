"""Telling printed labels apart: paragraph numbers, subparagraph labels and their depth."""

from __future__ import annotations

import re
from functools import cache

from cstd_docs.lang import LanguagePack, available, language_pack

PARAGRAPH_NUMBER = re.compile(r"(\d+)\s*\.")
#: A number as a paragraph prints it: "12", or a decimal clause's "3.1.1" (at most nine levels).
_NUMBER = r"\d{1,6}(?:\.\d{1,6}){0,8}"


def paragraph_number(pack: LanguagePack) -> re.Pattern[str]:
    """Paragraph numbers as the language prints them ("12.", or "12 -"), or the UN's "12."; decimal
    clauses too ("3.1.1.")."""
    own = re.escape(pack.table.paragraph_number).replace(re.escape("{number}"), _NUMBER)
    return re.compile(rf"(?:{own}|{_NUMBER}\s*\.)")


def clause_level(label: str) -> int:
    """How deep a printed number stands: "3.1.1." is 3, "12." (or "12 -") is 1."""
    return max(len(re.findall(r"\d+", label)), 1)


@cache
def own_labels(code: str) -> frozenset[str]:
    """Every subparagraph label the language prints ("(a)", "(iv)"; "a)" in Spanish)."""
    return frozenset(SubLabels(language_pack(code)).table)


class SubLabels:
    """Subparagraph labels "(a)", "(i)", "a.", "i." with the depth they belong to.

    "(i)" is both the ninth letter and the first roman numeral: it continues the
    current level when that level expects it next, else it opens a deeper level.
    """

    def __init__(self, pack: LanguagePack) -> None:
        self.table: dict[str, list[tuple[int, int]]] = {}
        for depth in range(1, 5):
            for index in range(1, 80):
                self.table.setdefault(pack.subparagraph_label(depth, index), []).append((depth, index))
        self.reset()

    def reset(self) -> None:
        self.last: list[int] = []  # last index at each open depth

    def is_label(self, text: str) -> bool:
        """A label that can stand here: at most one level deeper than the current one.

        Stale labels (an editor inserted "(b)" and did not reletter the rest) still read:
        subparagraph labels are derived again from position.
        """
        current = len(self.last)
        return any(depth <= current + 1 for depth, _ in self.table.get(text, []))

    def expects(self, label: str) -> bool:
        """The label is exactly the next one here (so "1." in an Arabic list is not a paragraph)."""
        current = len(self.last)
        for depth, index in self.table.get(label, []):
            if depth == current + 1 and index == 1:
                return True
            if 1 <= depth <= current and index == self.last[depth - 1] + 1:
                return True
        return False

    def depth(self, label: str) -> int:
        options = self.table[label]
        current = len(self.last)
        choice: tuple[int, int] | None = None
        # 1. continue the current level
        for depth, index in options:
            if depth == current and index == self.last[-1] + 1:
                choice = (depth, index)
        # 2. open a deeper level
        if choice is None:
            for depth, index in options:
                if depth == current + 1 and index == 1:
                    choice = (depth, index)
        # 3. continue a shallower level
        if choice is None:
            for depth, index in sorted(options, reverse=True):
                if depth < current and index == self.last[depth - 1] + 1:
                    choice = (depth, index)
                    break
        if choice is None:
            same = [o for o in options if o[0] == current]
            choice = same[0] if same else min(options, key=lambda o: (abs(o[0] - max(current, 1)), o[0]))
            choice = (min(choice[0], current + 1), choice[1])
        depth, index = choice
        self.last = [*self.last[: depth - 1], index]
        while len(self.last) < depth:
            self.last.insert(-1, 1)
        return depth


def chapter_caption(pack: LanguagePack) -> re.Pattern[str]:
    """"Chapter I" (or the language's own) alone on a line: group 1 is the numeral."""
    return re.compile(re.escape(pack.table.chapter_caption).replace(re.escape("{numeral}"), r"(\S+?)"))


#: An annex's numeral as documents print it: "II" (the UN's), "2" (UNECE regulations).
_ANNEX_NUMERAL = r"(?:[IVXLCDM]{1,12}|\d{1,3})"


def annex_label(pack: LanguagePack) -> re.Pattern[str]:
    """"Annex", "Annex II", "Annex 1", "ANNEX 1" (or the language's own, or any language's word:
    "Annexe", "Anexo") at the start of a heading."""
    numbered = re.escape(pack.table.annex_numbered).replace(re.escape("{numeral}"), _ANNEX_NUMERAL)
    words = "|".join(re.escape(word) for word in _annex_words(pack))
    return re.compile(rf"(?:{numbered}|(?:{words})(?:[ \u00a0]*{_ANNEX_NUMERAL})?)(?=\s|$)", re.IGNORECASE)


def _annex_words(pack: LanguagePack) -> list[str]:
    """The word "Annex" in the pack's language first, then in every other (longest first: "Annexe" before "Annex")."""
    others = {language_pack(code).table.annex for code in available()} - {pack.table.annex}
    return [pack.table.annex, *sorted(others, key=len, reverse=True)]


def annex_arabic(label: str) -> bool:
    """The annex label prints an arabic numeral ("Annex 1", not "Annex I")."""
    return bool(re.search(r"\d", label))


# --- tables and figures (issue 13) -----------------------------------------------------------------
def float_caption(pack: LanguagePack, figure: bool) -> re.Pattern[str]:
    """"Table 1" (a figure's "Figure I") as the language prints it, with what follows it on its line:
    the caption is group 1, the title (of a caption typed on one line, "Table 1: Officers") group 2."""
    words = pack.table.tables
    template = words.figure_numbered if figure else words.table_numbered
    field = "{numeral}" if figure else "{number}"
    label = re.escape(template).replace(re.escape(field), r"[^\s.:]+")
    return re.compile(rf"^\s*({label})(?:\s*[.:–—-]?\s+|\s*$)(.*)$", re.S)


def source_label(pack: LanguagePack) -> re.Pattern[str]:
    """The "Source:" opening the source line under a table or a figure (any spacing before its colon),
    and the one space the writers print after it: the blanks after that are the source's own."""
    label = re.escape(pack.table.tables.source.rstrip(":： \u202f\u00a0")).replace(r"\ ", r"\s")
    return re.compile(rf"^\s*{label}[\s\u202f\u00a0]*[:：] ?")
