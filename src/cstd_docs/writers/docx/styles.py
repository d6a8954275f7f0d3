"""The UN Geneva template's styles (LAYOUT.md §2–3), with their exact ids and names.

Without a reference document the styles part holds exactly these styles; with one, the
user's styles stay as they are and only the ids our content uses but the file lacks
are added.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Sequence

from attrs import frozen
from docx.oxml.ns import qn

from cstd_docs.writers.docx import box_styles, front_styles, instrument_styles, list_styles, table_styles
from cstd_docs.writers.docx.layout import GENEVA
from cstd_docs.writers.docx.oxml.build import (
    PPR_ORDER,
    RPR_ORDER,
    Element,
    Prop,
    Property,
    clear_children,
    elements,
    make,
    prop,
    sort_children,
    val,
    val_prop,
)

FONT = "Times New Roman"
#: Base size in half-points (10 pt).
BASE_SIZE = 20

# Style ids used by the content.
NORMAL = "Normal"
HMG = "HMG"
HCHG = "HChG"
H1G = "H1G"
H23G = "H23G"
H4G = "H4G"
SINGLE_TXT = "SingleTxtG"
FOOTNOTE_TEXT = "FootnoteText"
FOOTNOTE_REFERENCE = "FootnoteReference"
HEADER = "Header"
FOOTER = "Footer"
PAGE_NUMBER = "PageNumber"
HYPERLINK = "Hyperlink"

#: Word's locale for each language the library writes (LAYOUT.md: English is en-GB).
LOCALES = {"ar": "ar-SA", "en": "en-GB", "es": "es-ES", "fr": "fr-FR", "ru": "ru-RU", "zh": "zh-CN"}


def locale(language: str) -> str:
    return LOCALES.get(language, language)


def spacing(
    before: int | None = None, after: int | None = None, line: int | None = None, rule: str = "exact"
) -> Prop:
    attrs: dict[str, str | int] = {}
    if before is not None:
        attrs["w:before"] = before
    if after is not None:
        attrs["w:after"] = after
    if line is not None:
        attrs["w:line"] = line
        attrs["w:lineRule"] = rule
    return prop("w:spacing", attrs)


def indent(left: int = 0, right: int = 0, hanging: int = 0) -> Prop:
    attrs: dict[str, str | int] = {"w:left": left, "w:right": right}
    if hanging:
        attrs["w:hanging"] = hanging
    return prop("w:ind", attrs)


def not_numbered() -> Prop:
    """``w:numPr`` with ``w:numId`` 0: the paragraph has no numbering (ECMA-376 §17.9.18), said
    outright. It prints nothing; the reader takes a label typed at its start ("1. ", "(b)") for text."""
    return prop("w:numPr", None, val_prop("w:numId", 0))


def tabs(*stops: tuple[str, int]) -> Prop:
    return prop("w:tabs", None, *(prop("w:tab", {"w:val": kind, "w:pos": pos}) for kind, pos in stops))


def size(half_points: int) -> list[Property]:
    return [val_prop("w:sz", half_points), val_prop("w:szCs", half_points)]


#: Properties are data (oxml.build.Prop): the same ones serve every run.
_BOLD: list[Property] = [Prop("w:b"), Prop("w:bCs")]
_ITALIC: list[Property] = [Prop("w:i"), Prop("w:iCs")]


def bold() -> list[Property]:
    return list(_BOLD)


def italic() -> list[Property]:
    return list(_ITALIC)


def language_element(language: str) -> Element:
    code = locale(language)
    attrs: dict[str, str | int] = {"w:val": code}
    if language == "ar":
        attrs["w:bidi"] = code
    if language == "zh":
        attrs["w:eastAsia"] = code
    return make("w:lang", attrs)


#: The East Asian font for Chinese (the UN's; Times New Roman has no Chinese glyphs).
EAST_ASIAN_FONTS = {"zh": "SimSun"}


def fonts(language: str = "en") -> Element:
    east_asian = EAST_ASIAN_FONTS.get(language, FONT)
    return make("w:rFonts", {"w:ascii": FONT, "w:hAnsi": FONT, "w:eastAsia": east_asian, "w:cs": FONT})


def body_alignment(language: str) -> str:
    """Justified, except Chinese: justifying stretches the space around Latin words and digits."""
    return "left" if language == "zh" else "both"


@frozen
class StyleSpec:
    style_id: str
    name: str
    kind: str  # "paragraph" or "character" (or "table"/"numbering" for the defaults)
    paragraph: Callable[[], Sequence[Property]] = lambda: []
    run: Callable[[], Sequence[Property]] = lambda: []
    based_on: str | None = None
    next_style: str | None = None
    default: bool = False
    ui_priority: int | None = None
    semi_hidden: bool = False
    quick: bool = False

    def element(self) -> Element:
        attrs: dict[str, str | int] = {"w:type": self.kind}
        if self.default:
            attrs["w:default"] = 1
        attrs["w:styleId"] = self.style_id
        style = make("w:style", attrs, val("w:name", self.name))
        if self.based_on:
            style.append(val("w:basedOn", self.based_on))
        if self.next_style:
            style.append(val("w:next", self.next_style))
        if self.ui_priority is not None:
            style.append(val("w:uiPriority", self.ui_priority))
        if self.semi_hidden:
            style.append(make("w:semiHidden"))
            style.append(make("w:unhideWhenUsed"))
        if self.quick:
            style.append(make("w:qFormat"))
        paragraph_props = elements(self.paragraph())
        if paragraph_props:
            style.append(make("w:pPr", None, *sort_children(paragraph_props, PPR_ORDER)))
        run_props = elements(self.run())
        if run_props:
            style.append(make("w:rPr", None, *sort_children(run_props, RPR_ORDER)))
        if self.kind == "table":
            style.append(_table_normal_properties())
        return style


def _table_normal_properties() -> Element:
    margins = make(
        "w:tblCellMar",
        None,
        make("w:top", {"w:w": 0, "w:type": "dxa"}),
        make("w:left", {"w:w": 108, "w:type": "dxa"}),
        make("w:bottom", {"w:w": 0, "w:type": "dxa"}),
        make("w:right", {"w:w": 108, "w:type": "dxa"}),
    )
    return make("w:tblPr", None, make("w:tblInd", {"w:w": 0, "w:type": "dxa"}), margins)


def _heading(before: int, after: int, line: int) -> Callable[[], Sequence[Property]]:
    """All G headings: keepNext, keepLines, right tab 851, indents 1134/1134 hanging 1134."""

    def build() -> list[Property]:
        return [
            make("w:keepNext"),
            make("w:keepLines"),
            tabs(("right", 851)),
            spacing(before, after, line),
            indent(1134, 1134, 1134),
        ]

    return build


def _heading_run(half_points: int, *, is_italic: bool = False) -> Callable[[], Sequence[Property]]:
    def build() -> list[Property]:
        return (italic() if is_italic else bold()) + size(half_points)

    return build


def _normal_paragraph(right_to_left: bool) -> Callable[[], Sequence[Property]]:
    def build() -> list[Property]:
        props: list[Property] = [make("w:suppressAutoHyphens"), spacing(line=240, rule="atLeast")]
        if right_to_left:
            props.append(make("w:bidi"))
        return props

    return build


def _note_paragraph() -> list[Property]:
    """Text at NoteLayout.text on every line; the number right-aligned at its tab (layout.GENEVA)."""
    notes = GENEVA.notes
    return [
        tabs(("right", notes.number_tab), ("left", notes.text_tab)),
        spacing(line=220),
        indent(notes.text, notes.right, notes.text - notes.first_line),
    ]


def style_specs(right_to_left: bool = False, language: str = "en") -> list[StyleSpec]:
    """Every style the writer uses, in the order the styles part lists them."""
    return [
        StyleSpec(NORMAL, "Normal", "paragraph", _normal_paragraph(right_to_left), default=True, quick=True),
        StyleSpec("DefaultParagraphFont", "Default Paragraph Font", "character", default=True, ui_priority=1,
                  semi_hidden=True),
        StyleSpec("TableNormal", "Normal Table", "table", default=True, ui_priority=99, semi_hidden=True),
        StyleSpec("NoList", "No List", "numbering", default=True, ui_priority=99, semi_hidden=True),
        StyleSpec(HMG, "_ H __M_G", "paragraph", _heading(240, 240, 360), _heading_run(34), NORMAL, NORMAL),
        StyleSpec(HCHG, "_ H _Ch_G", "paragraph", _heading(360, 240, 300), _heading_run(28), NORMAL, NORMAL),
        StyleSpec(H1G, "_ H_1_G", "paragraph", _heading(360, 240, 270), _heading_run(24), NORMAL, NORMAL),
        StyleSpec(H23G, "_ H_2/3_G", "paragraph", _heading(240, 120, 240), _heading_run(BASE_SIZE), NORMAL, NORMAL),
        StyleSpec(H4G, "_ H_4_G", "paragraph", _heading(240, 120, 240), _heading_run(BASE_SIZE, is_italic=True),
                  NORMAL, NORMAL),
        StyleSpec(SINGLE_TXT, "_ Single Txt_G", "paragraph",
                  lambda: [spacing(after=120), indent(1134, 1134), val("w:jc", body_alignment(language))],
                  based_on=NORMAL),
        StyleSpec(FOOTNOTE_TEXT, "footnote text", "paragraph", _note_paragraph, lambda: size(18), NORMAL,
                  ui_priority=99),
        StyleSpec(FOOTNOTE_REFERENCE, "footnote reference", "character",
                  run=lambda: [*size(18), val("w:vertAlign", "superscript")], ui_priority=99),
        # Single line spacing, not Normal's 12 pt at least: the rule then stands where printed.
        StyleSpec(HEADER, "header", "paragraph",
                  lambda: [make("w:pBdr", None, make("w:bottom", {"w:val": "single", "w:sz": 4, "w:space": 4,
                                                                   "w:color": "auto"})),
                           spacing(line=240, rule="auto")],
                  lambda: [*bold(), *size(18)], NORMAL, ui_priority=99),
        StyleSpec(FOOTER, "footer", "paragraph", run=lambda: size(16), based_on=NORMAL, ui_priority=99),
        StyleSpec(PAGE_NUMBER, "page number", "character", run=lambda: [*bold(), *size(18)], ui_priority=99),
        # --- instruments (issue 12)
        *(StyleSpec(ident, name, "paragraph", props, run, based, follower, quick=True)
          for ident, name, props, run, based, follower in instrument_styles.SPECS),
        # A symbol linked to its page prints blue, not underlined (A/HRC/EMRIP/2025/2, notes: #0000FF).
        StyleSpec(HYPERLINK, "Hyperlink", "character", run=lambda: [val("w:color", "0000FF")], ui_priority=99),
        # --- boxes (issue 13)
        *(StyleSpec(ident, name, "paragraph", props, run, NORMAL, NORMAL, quick=True)
          for ident, name, props, run in box_styles.SPECS),
        # --- bullets and indented lines (issue 13)
        *(StyleSpec(ident, name, "paragraph", props, run, based, follower, quick=True)
          for ident, name, props, run, based, follower in list_styles.SPECS),
        # --- tables and figures (issue 13)
        *(StyleSpec(ident, name, "paragraph", props, run, based, follower, quick=True)
          for ident, name, props, run, based, follower in table_styles.SPECS),
        # --- contents and Official Records (issue 14)
        *(StyleSpec(ident, name, "paragraph", props, run, based, follower)
          for ident, name, props, run, based, follower in front_styles.SPECS),
    ]


def doc_defaults(language: str, right_to_left: bool) -> Element:
    """Times New Roman 10 pt in the document's language (LAYOUT.md §2)."""
    run_props = [fonts(language), *elements(size(BASE_SIZE)), language_element(language)]
    return make(
        "w:docDefaults",
        None,
        make("w:rPrDefault", None, make("w:rPr", None, *sort_children(run_props, RPR_ORDER))),
        make("w:pPrDefault", None, make("w:pPr")),
    )


@functools.lru_cache(maxsize=16)
def _template_styles(language: str, right_to_left: bool) -> tuple[Element, ...]:
    """The styles part's children for a language, built once: they depend on nothing else,
    and building them was a tenth of each render in a batch (benchmarks: batch)."""
    return (doc_defaults(language, right_to_left), *(spec.element() for spec in style_specs(right_to_left, language)))


def write_styles(styles: Element, language: str, right_to_left: bool) -> None:
    """Replace the content of a ``w:styles`` element with the template's styles."""
    clear_children(styles)
    for element in _template_styles(language, right_to_left):
        styles.append(copy.deepcopy(element))


def add_missing_styles(styles: Element, right_to_left: bool, language: str = "en") -> list[str]:
    """Add each of our styles whose id the user's styles lack; return the ids added.

    Where the user has a style of the same name under another id (Word localises the ids
    of built-in styles: "Funotentext" for "footnote text"), ours is added as a plain
    child of theirs, so the content keeps our id and takes the user's look.
    """
    present: dict[str, str] = {}  # id -> lower-case name
    for style in styles.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        present[str(style.get(qn("w:styleId")))] = str(name.get(qn("w:val")) if name is not None else "").lower()
    by_name = {name: style_id for style_id, name in present.items()}
    added: list[str] = []
    for spec in style_specs(right_to_left, language):
        if spec.style_id in present or spec.default:
            continue
        theirs = by_name.get(spec.name.lower())
        if theirs is not None:
            spec = StyleSpec(spec.style_id, f"{spec.name} ({spec.style_id})", spec.kind, based_on=theirs)
        element = spec.element()
        based_on = element.find(qn("w:basedOn"))
        if based_on is not None and based_on.get(qn("w:val")) not in present:
            element.remove(based_on)
        follower = element.find(qn("w:next"))
        if follower is not None and follower.get(qn("w:val")) not in present:
            element.remove(follower)
        styles.append(element)
        added.append(spec.style_id)
    return added
