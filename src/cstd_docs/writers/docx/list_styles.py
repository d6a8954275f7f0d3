"""The styles of bulleted lists and indented lines (issue 13), as data (docs/layout-content.md).

Bullets: the UNOG template's ``Bullet1G`` and ``Bullet2G`` (``_Bullet 1_G``, ``_Bullet 2_G``):
6 pt after, right indent 2 cm, justified, as the template's copy in
``ECE_TRANS_WP.29_GTR15_annexes_1_2.docx`` keeps them (based on SingleTxtG here, which has all
three and aligns Chinese text left); the bullet hangs 0.3 cm before the text at 3 cm (level 1)
and 4 cm (level 2), the grid of the subparagraphs' labels. The template puts the list in the
style; here each bullet paragraph names it (``w:numPr``), so a report without bullets carries
no numbering part.

Indented lines: one style per indent, the text column and one or two steps of 23.76 pt (475
twips) in from it, measured on E/2025/24 (the officers elected) and E/2025/28 (the agenda's
"Operational segment"); no space between the lines, 6 pt after the last (set on it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cstd_docs.writers.docx.oxml.build import Element, Property, make, val

#: Style ids of bullets, by level, and of indented lines, by indent.
BULLET_STYLES = {1: "Bullet1G", 2: "Bullet2G"}
LINE_STYLES = {0: "Line0G", 1: "Line1G", 2: "Line2G"}

#: The text column's left and right indents (as SingleTxtG's).
COLUMN = 1134
#: Where a bullet's text starts, by level (3 cm, 4 cm), and how far its bullet hangs before it.
BULLET_TEXT = {1: 1701, 2: 2268}
BULLET_HANGING = 170
#: The bullet printed at each level: "•", then an en dash.
BULLET_GLYPHS = {1: "\u2022", 2: "\u2013"}
#: One step of indented lines: 23.76 pt (E/2025/24, p. 31: "Chair:" at 123.38 pt, the name at 147.14 pt).
LINE_STEP = 475
#: Space after a paragraph, and so after the last of indented lines (SingleTxtG's 6 pt).
AFTER = 120


def line_left(indent: int) -> int:
    return COLUMN + indent * LINE_STEP


def _bullet(level: int) -> Callable[[], Sequence[Property]]:
    def build() -> list[Property]:
        return [make("w:spacing", {"w:before": 0, "w:after": AFTER}),
                make("w:ind", {"w:left": BULLET_TEXT[level], "w:right": COLUMN, "w:hanging": BULLET_HANGING})]

    return build


def _line(indent: int) -> Callable[[], Sequence[Property]]:
    def build() -> list[Property]:
        props: list[Property] = [make("w:spacing", {"w:after": 0}),
                                 make("w:ind", {"w:left": line_left(indent), "w:right": COLUMN})]
        if indent == 0:  # a line at the column ("Chair:") stays with the line under it
            props.insert(0, make("w:keepNext"))
        return props

    return build


def _none() -> list[Element]:
    return []


#: (style id, name, paragraph properties, run properties, based on, next style), as instrument_styles.SPECS.
SPECS: tuple[tuple[str, str, Callable[[], Sequence[Property]], Callable[[], Sequence[Property]], str, str], ...] = (
    *((BULLET_STYLES[level], f"_Bullet {level}_G", _bullet(level), _none, "SingleTxtG", BULLET_STYLES[level])
      for level in (1, 2)),
    *((LINE_STYLES[indent], f"_ Line {indent}_G", _line(indent), _none, "SingleTxtG", LINE_STYLES[indent])
      for indent in (0, 1, 2)),
)


def bullet_levels(font: str) -> list[Element]:
    """The two levels of the bullets' list definition (``w:lvl``), as the styles indent them."""
    levels = []
    for level, glyph in BULLET_GLYPHS.items():
        props = make("w:pPr", None, make("w:ind", {"w:left": BULLET_TEXT[level], "w:hanging": BULLET_HANGING}))
        fonts = make("w:rPr", None, make("w:rFonts", {"w:ascii": font, "w:hAnsi": font, "w:hint": "default"}))
        levels.append(make("w:lvl", {"w:ilvl": level - 1}, val("w:start", 1), val("w:numFmt", "bullet"),
                           val("w:lvlText", glyph), val("w:lvlJc", "left"), props, fonts))
    return levels
