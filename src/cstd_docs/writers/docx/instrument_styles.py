"""The styles of resolutions (issue 12), measured on printed UN documents (docs/layout-resolutions.md).

On E/2025/28 (A4) and E/CN.5/2025/L.6 (US Letter) alike: the enacting formula and each
preambular paragraph start 23.76 pt (475 twips) inside the text column and wrap back to
it; an operative paragraph's number stands at that first-line indent and its text starts
23.76 pt further (a tab), wrapping back to the text column; a resolution's label
("Resolution 68/1") and its title are bold 12 pt at the text column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cstd_docs.resolve.document import AgendaPart, AgendaPartKind, InstrumentTextKind
from cstd_docs.writers.docx.oxml.build import Element, Prop, Property, make, paragraph, prop, val, val_prop

#: Style ids of the content (names as Word shows them in the StyleSpec below).
RES_HEADING = "ResHeadingG"
#: A decision's label and title: as a resolution's; its own id tells a reader what follows.
DEC_HEADING = "DecHeadingG"
PREAMBULAR = "PreambularG"
OPERATIVE = "OperativeG"
#: An unnumbered bold subheading between operative paragraphs ("Taking stock").
SUBHEADING = "ResSubheadingG"
#: A provisional agenda's parts (docs/layout-resolutions.md, "Provisional agenda").
AGENDA_TITLE = "AgendaTitleG"
AGENDA_HEADING = "AgendaHeadingG"
AGENDA_SEPARATOR = "AgendaSeparatorG"
AGENDA_ITEM = "AgendaItemG"
AGENDA_SUB_ITEM = "AgendaSubItemG"
DOCUMENTATION = "DocumentationG"
AGENDA_DOCUMENT = "AgendaDocumentG"

#: The text column's left and right indents (as SingleTxtG's).
COLUMN = 1134
#: First-line indent of preambular and operative paragraphs: 23.76 pt on both samples.
FIRST_LINE = 475
#: Where an operative paragraph's text starts after its number: a second 23.76 pt step.
TEXT_TAB = COLUMN + 2 * FIRST_LINE
#: A label or title: 12 pt bold (line height 13.28 pt measured, as the samples' 12 pt headings).
HEADING_HALF_POINTS = 24


def first_line_indent(left: int = COLUMN) -> Prop:
    return prop("w:ind", {"w:left": left, "w:right": COLUMN, "w:firstLine": FIRST_LINE})


def _body(tab: bool) -> Callable[[], Sequence[Property]]:
    def build() -> list[Property]:
        props: list[Property] = [make("w:spacing", {"w:after": 120}), first_line_indent()]
        if tab:
            props.insert(0, make("w:tabs", None, make("w:tab", {"w:val": "left", "w:pos": TEXT_TAB})))
        return props

    return build


def _heading() -> list[Element]:
    return [make("w:keepNext"), make("w:keepLines"), make("w:spacing", {"w:before": 240, "w:after": 240}),
            make("w:ind", {"w:left": COLUMN, "w:right": COLUMN})]


def _heading_run() -> list[Element]:
    return [make("w:b"), make("w:bCs"), val("w:sz", HEADING_HALF_POINTS), val("w:szCs", HEADING_HALF_POINTS)]


# --- provisional agendas and subheadings -----------------------------------------------------------
#: Space above and below an agenda's title and headings: 6 pt more than a paragraph's pitch on
#: E/2025/28, p. 1 (decision (c) at y 340.62, the title at 364.38: 23.76 = 12 + 6 + 5.76).
AGENDA_SPACE = 120


def _bold() -> list[Element]:
    return [make("w:b"), make("w:bCs")]


def _italic() -> list[Element]:
    return [make("w:i"), make("w:iCs")]


def _unnumbered(
    left: int = COLUMN, *, keep: bool = True, before: int = AGENDA_SPACE
) -> Callable[[], Sequence[Property]]:
    """A line at ``left`` (the text column: E/2025/28's agenda title and "Operational segment" at x 114.86)."""

    def build() -> list[Property]:
        props: list[Property] = [make("w:spacing", {"w:before": before, "w:after": AGENDA_SPACE}),
                                 make("w:ind", {"w:left": left, "w:right": COLUMN})]
        return [make("w:keepNext"), *props] if keep else props

    return build


def _hanging(left: int) -> Callable[[], Sequence[Property]]:
    """A label one step left of ``left``, its text and wrapped lines at ``left`` (E/2025/28: item "1."
    at 114.86, its text at 138.74; "(a)" at 138.74, its text at 162.50)."""

    def build() -> list[Property]:
        return [make("w:tabs", None, make("w:tab", {"w:val": "left", "w:pos": left})),
                make("w:spacing", {"w:after": AGENDA_SPACE}),
                make("w:ind", {"w:left": left, "w:right": COLUMN, "w:hanging": FIRST_LINE})]

    return build


def _centred() -> list[Element]:
    return [make("w:spacing", {"w:after": AGENDA_SPACE}), val("w:jc", "center")]


#: The style of each instrument text's kind.
TEXT_STYLES = {InstrumentTextKind.ENACTING: PREAMBULAR, InstrumentTextKind.PREAMBULAR: PREAMBULAR,
               InstrumentTextKind.DECISION: PREAMBULAR, InstrumentTextKind.SUBHEADING: SUBHEADING}
#: The style of each part of a provisional agenda.
AGENDA_STYLES = {AgendaPartKind.TITLE: AGENDA_TITLE, AgendaPartKind.HEADING: AGENDA_HEADING,
                 AgendaPartKind.SEPARATOR: AGENDA_SEPARATOR, AgendaPartKind.ITEM: AGENDA_ITEM,
                 AgendaPartKind.SUB_ITEM: AGENDA_SUB_ITEM, AgendaPartKind.DOCUMENTATION: DOCUMENTATION,
                 AgendaPartKind.DOCUMENT: AGENDA_DOCUMENT}
#: Where documentation stands: at its item's text (depth 1) or its sub-item's (depth 2).
DOCUMENTATION_LEFT = {1: COLUMN + FIRST_LINE, 2: COLUMN + 2 * FIRST_LINE}


def agenda_paragraph(part: AgendaPart, content: list[Element]) -> Element:
    """A line of a provisional agenda in its style; a sub-item's documentation one step further in."""
    props = [val_prop("w:pStyle", AGENDA_STYLES[part.kind])]
    if part.kind in (AgendaPartKind.DOCUMENTATION, AgendaPartKind.DOCUMENT) and part.depth > 1:
        props.append(prop("w:ind", {"w:left": DOCUMENTATION_LEFT[2], "w:right": COLUMN}))
    return paragraph(props, content)


#: (style id, name, paragraph properties, run properties, based on, next style)
SPECS: tuple[tuple[str, str, Callable[[], Sequence[Property]], Callable[[], Sequence[Property]], str, str], ...] = (
    (RES_HEADING, "_ Res Heading_G", _heading, _heading_run, "Normal", PREAMBULAR),
    (DEC_HEADING, "_ Dec Heading_G", _heading, _heading_run, "Normal", PREAMBULAR),
    (PREAMBULAR, "_ Preambular_G", _body(False), lambda: [], "SingleTxtG", PREAMBULAR),
    (OPERATIVE, "_ Operative_G", _body(True), lambda: [], "SingleTxtG", OPERATIVE),
    (SUBHEADING, "_ Res Subheading_G", _unnumbered(), _bold, "SingleTxtG", OPERATIVE),
    (AGENDA_TITLE, "_ Agenda Title_G", _unnumbered(), _bold, "SingleTxtG", AGENDA_ITEM),
    (AGENDA_HEADING, "_ Agenda Heading_G", _unnumbered(), _italic, "SingleTxtG", AGENDA_ITEM),
    (AGENDA_SEPARATOR, "_ Agenda Separator_G", _centred, lambda: [], "SingleTxtG", AGENDA_ITEM),
    (AGENDA_ITEM, "_ Agenda Item_G", _hanging(COLUMN + FIRST_LINE), lambda: [], "SingleTxtG", AGENDA_ITEM),
    (AGENDA_SUB_ITEM, "_ Agenda Subitem_G", _hanging(COLUMN + 2 * FIRST_LINE), lambda: [], "SingleTxtG",
     AGENDA_SUB_ITEM),
    (DOCUMENTATION, "_ Documentation_G", _unnumbered(DOCUMENTATION_LEFT[1], before=0), _italic, "SingleTxtG",
     AGENDA_DOCUMENT),
    (AGENDA_DOCUMENT, "_ Agenda Document_G", _unnumbered(DOCUMENTATION_LEFT[1], keep=False, before=0),
     lambda: [], "SingleTxtG", AGENDA_DOCUMENT),
)
