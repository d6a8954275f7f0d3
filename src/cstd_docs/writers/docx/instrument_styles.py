"""The styles of resolutions (issue 12), measured on printed UN documents (docs/layout-resolutions.md).

On E/2025/28 (A4) and E/CN.5/2025/L.6 (US Letter) alike: the enacting formula and each
preambular paragraph start 23.76 pt (475 twips) inside the text column and wrap back to
it; an operative paragraph's number stands at that first-line indent and its text starts
23.76 pt further (a tab), wrapping back to the text column; a resolution's label
("Resolution 68/1") and its title are bold 12 pt at the text column.
"""

from __future__ import annotations

from collections.abc import Callable

from cstd_docs.writers.docx.oxml.build import Element, make, val

#: Style ids of the content (names as Word shows them in the StyleSpec below).
RES_HEADING = "ResHeadingG"
#: A decision's label and title: as a resolution's; its own id tells a reader what follows.
DEC_HEADING = "DecHeadingG"
PREAMBULAR = "PreambularG"
OPERATIVE = "OperativeG"

#: The text column's left and right indents (as SingleTxtG's).
COLUMN = 1134
#: First-line indent of preambular and operative paragraphs: 23.76 pt on both samples.
FIRST_LINE = 475
#: Where an operative paragraph's text starts after its number: a second 23.76 pt step.
TEXT_TAB = COLUMN + 2 * FIRST_LINE
#: A label or title: 12 pt bold (line height 13.28 pt measured, as the samples' 12 pt headings).
HEADING_HALF_POINTS = 24


def first_line_indent(left: int = COLUMN) -> Element:
    return make("w:ind", {"w:left": left, "w:right": COLUMN, "w:firstLine": FIRST_LINE})


def _body(tab: bool) -> Callable[[], list[Element]]:
    def build() -> list[Element]:
        props = [make("w:spacing", {"w:after": 120}), first_line_indent()]
        if tab:
            props.insert(0, make("w:tabs", None, make("w:tab", {"w:val": "left", "w:pos": TEXT_TAB})))
        return props

    return build


def _heading() -> list[Element]:
    return [make("w:keepNext"), make("w:keepLines"), make("w:spacing", {"w:before": 240, "w:after": 240}),
            make("w:ind", {"w:left": COLUMN, "w:right": COLUMN})]


def _heading_run() -> list[Element]:
    return [make("w:b"), make("w:bCs"), val("w:sz", HEADING_HALF_POINTS), val("w:szCs", HEADING_HALF_POINTS)]


#: (style id, name, paragraph properties, run properties, based on, next style)
SPECS: tuple[tuple[str, str, Callable[[], list[Element]], Callable[[], list[Element]], str, str], ...] = (
    (RES_HEADING, "_ Res Heading_G", _heading, _heading_run, "Normal", PREAMBULAR),
    (DEC_HEADING, "_ Dec Heading_G", _heading, _heading_run, "Normal", PREAMBULAR),
    (PREAMBULAR, "_ Preambular_G", _body(False), lambda: [], "SingleTxtG", PREAMBULAR),
    (OPERATIVE, "_ Operative_G", _body(True), lambda: [], "SingleTxtG", OPERATIVE),
)
