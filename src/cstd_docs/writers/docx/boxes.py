"""Boxes and letters of transmittal in Word (issue 13; docs/layout-content.md).

A box is a one-cell table the width of the text column, ruled on its four sides, with no
cell margins, so its text stands where the body's does (SingleTxtG) and its rules on the
margins, as A/HRC/EMRIP/2025/2 prints its summary. Word and LibreOffice draw a table's
borders alike; paragraph borders could not put the rule at the margin with the text 2 cm in.
The heading is a paragraph style of its own ("_ Summary Head_G", "_ Box Head_G"), which tells
a reader the table is a box. A letter's paragraphs are SingleTxtG with a first-line indent;
its signature block stands at the right.
"""

from __future__ import annotations

from collections.abc import Callable

from cstd_docs.resolve.document import BoxKind, BoxStart, ResolvedLetter, Runs
from cstd_docs.writers.docx import styles as st
from cstd_docs.writers.docx.box_styles import BOX_HEADING, SUMMARY_HEADING
from cstd_docs.writers.docx.layout import GENEVA, BoxLayout, Layout
from cstd_docs.writers.docx.oxml.build import Element, Prop, Property, make, paragraph, prop, run, val_prop

BOX = GENEVA.box


def first_line_text(runs: list[Element], box: BoxLayout = BOX) -> Element:
    """Unnumbered text with its first line indented: a box's or a letter's paragraph."""
    indent = prop("w:ind", {"w:left": 1134, "w:right": 1134, "w:firstLine": box.first_line})
    return paragraph([val_prop("w:pStyle", st.SINGLE_TXT), indent], runs)


def heading(item: BoxStart, title: list[Element], label: list[Element]) -> list[Element]:
    """The summary's "Summary", or a box's label over its title (``title`` and ``label``: their runs)."""
    if item.kind is BoxKind.SUMMARY:
        return [paragraph([val_prop("w:pStyle", SUMMARY_HEADING)], title)]
    over = [paragraph([val_prop("w:pStyle", BOX_HEADING), st.spacing(after=0)], label)] if label else []
    return [*over, paragraph([val_prop("w:pStyle", BOX_HEADING), *([st.spacing(before=0)] if over else [])], title)]


def frame(elements: list[Element], layout: Layout) -> Element:
    """A one-cell table around ``elements``: the text column's width, ruled all round, no cell margins.

    An empty line closes it, as printed (its 12 pt under the last line of text)."""
    width = layout.page.text_width
    rule: dict[str, str | int] = {"w:val": "single", "w:sz": layout.box.rule, "w:space": 0, "w:color": "auto"}
    properties = make(
        "w:tblPr", None,
        make("w:tblW", {"w:w": width, "w:type": "dxa"}),
        make("w:tblInd", {"w:w": 0, "w:type": "dxa"}),
        make("w:tblBorders", None, *(make(f"w:{side}", rule) for side in ("top", "left", "bottom", "right"))),
        make("w:tblLayout", {"w:type": "fixed"}),
        make("w:tblCellMar", None, *(make(f"w:{side}", {"w:w": 0, "w:type": "dxa"})
                                     for side in ("top", "left", "bottom", "right"))),
        make("w:tblLook", {"w:val": "0000", "w:firstRow": 0, "w:lastRow": 0, "w:firstColumn": 0,
                           "w:lastColumn": 0, "w:noHBand": 0, "w:noVBand": 0}),
    )
    grid = make("w:tblGrid", None, make("w:gridCol", {"w:w": width}))
    cell = make("w:tc", None, make("w:tcPr", None, make("w:tcW", {"w:w": width, "w:type": "dxa"})),
                *elements, paragraph())
    return make("w:tbl", None, properties, grid, make("w:tr", None, cell))


# --- letters ------------------------------------------------------------------------------------
def letter(item: ResolvedLetter, heading_style: str, inline: Callable[[Runs], list[Element]],
           layout: Layout) -> list[Element]:
    """The letter's heading (in the title's style), its paragraphs, then its signature block at the right."""
    out = [paragraph([val_prop("w:pStyle", heading_style)], [run("\t\t"), run(item.heading)])]
    out.extend(first_line_text(inline(text), layout.box) for text in item.paragraphs)
    lines = [*item.signatures, *([item.signatory_title] if item.signatory_title else [])]
    for index, line in enumerate(lines):
        props: list[Property] = [val_prop("w:pStyle", st.SINGLE_TXT), val_prop("w:jc", "right"), Prop("w:keepLines")]
        if index + 1 < len(lines):
            props.append(Prop("w:keepNext"))
        props.append(st.spacing(before=layout.box.signature_before if index == 0 else 0, after=0))
        out.append(paragraph(props, [run(line)]))
    return out
