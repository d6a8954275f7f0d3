"""Page setup, settings and running heads (LAYOUT.md §2 and §6).

A4 with the current Geneva margins (layout.GENEVA), first page different, odd and even
heads: from page 2 on the symbol stands in the header (even pages left, odd pages right)
and a ``PAGE`` field in the footer (even left, odd right) with the job number on the
other side; page 1 has neither, only the job number in its footer.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml.ns import qn
from docx.parts.hdrftr import FooterPart, HeaderPart

from cstd_docs.writers.docx import styles as st
from cstd_docs.writers.docx.layout import GENEVA, LAYOUTS, PageGeometry
from cstd_docs.writers.docx.oxml import CONTINUATION_SEPARATOR_ID, SEPARATOR_ID
from cstd_docs.writers.docx.oxml.build import (
    PPR_ORDER,
    Element,
    Property,
    clear_children,
    kept_per_thread,
    make,
    paragraph,
    prop,
    put_in_order,
    run,
    val,
    val_prop,
)

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.package import Package
    from docx.parts.document import DocumentPart

    from cstd_docs.resolve.document import ResolvedReport

#: The children of ``w:sectPr`` in schema order.
SECTPR_ORDER = (
    "w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz", "w:pgMar",
    "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt", "w:vAlign",
    "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings",
    "w:sectPrChange",
)  # fmt: skip

#: The children of ``w:settings`` in schema order (CT_Settings).
SETTINGS_ORDER = (
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape", "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth", "w:printFormsData", "w:embedTrueTypeFonts", "w:embedSystemFonts",
    "w:saveSubsetFonts", "w:saveFormsData", "w:mirrorMargins", "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter", "w:gutterAtTop", "w:hideSpellingErrors",
    "w:hideGrammaticalErrors", "w:activeWritingStyle", "w:proofState", "w:formsDesign", "w:attachedTemplate",
    "w:linkStyles", "w:stylePaneFormatFilter", "w:stylePaneSortMethod", "w:documentType", "w:mailMerge",
    "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves", "w:doNotTrackFormatting",
    "w:documentProtection", "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet",
    "w:defaultTabStop", "w:autoHyphenation", "w:consecutiveHyphenLimit", "w:hyphenationZone",
    "w:doNotHyphenateCaps", "w:showEnvelope", "w:summaryLength", "w:clickAndTypeStyle",
    "w:defaultTableStyle", "w:evenAndOddHeaders", "w:bookFoldRevPrinting", "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets", "w:drawingGridHorizontalSpacing", "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery", "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin", "w:drawingGridHorizontalOrigin", "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData", "w:noPunctuationKerning", "w:characterSpacingControl", "w:printTwoOnOne",
    "w:strictFirstAndLastChars", "w:noLineBreaksAfter", "w:noLineBreaksBefore", "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema", "w:saveInvalidXml", "w:ignoreMixedContent", "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml", "w:saveXmlDataOnly", "w:useXSLTWhenSaving", "w:saveThroughXslt",
    "w:showXMLTags", "w:alwaysMergeEmptyNamespace", "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr",
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip

#: The default tab stop is the template's.
DEFAULT_TAB = 567


def apply_settings(settings: Element, language: str, *, own: bool, update_fields: bool = False) -> None:
    """Odd/even heads and the footnote separators; with ``own``, the template's tab and language too.

    ``update_fields``: Word updates the fields when it opens the document (it asks first), so that a
    contents page shows the pages Word counts rather than the writer's estimate (writers/docx/contents.py).
    """
    put_in_order(settings, make("w:evenAndOddHeaders"), SETTINGS_ORDER)
    if update_fields:
        put_in_order(settings, val("w:updateFields", "true"), SETTINGS_ORDER)
    put_in_order(
        settings,
        make(
            "w:footnotePr",
            None,
            make("w:footnote", {"w:id": SEPARATOR_ID}),
            make("w:footnote", {"w:id": CONTINUATION_SEPARATOR_ID}),
        ),
        SETTINGS_ORDER,
    )
    if own:
        put_in_order(settings, make("w:zoom", {"w:percent": 100}), SETTINGS_ORDER)
        put_in_order(settings, val("w:defaultTabStop", DEFAULT_TAB), SETTINGS_ORDER)
        put_in_order(settings, val("w:themeFontLang", st.locale(language)), SETTINGS_ORDER)
        # The package carries no preview picture.
        for element in settings.findall(qn("w:savePreviewPicture")):
            settings.remove(element)


def own_page_setup(sect_pr: Element, right_to_left: bool, page: PageGeometry = GENEVA.page,
                   head_lines: int = 1) -> None:
    """Replace a section's page setup with the layout's (page size, margins, first page different).

    ``head_lines``: the lines of the running head (a double symbol stacks two), for the layouts whose
    head stands on its rule (PageGeometry.head_line)."""
    for name in list(sect_pr.attrib):
        del sect_pr.attrib[name]
    clear_children(sect_pr)
    sect_pr.append(make("w:pgSz", {"w:w": page.width, "w:h": page.height}))
    sect_pr.append(
        make(
            "w:pgMar",
            {
                "w:top": page.top,
                "w:right": page.right,
                "w:bottom": page.bottom,
                "w:left": page.left,
                "w:header": page.header_for(head_lines),
                "w:footer": page.footer,
                "w:gutter": 0,
            },
        )
    )
    sect_pr.append(make("w:cols", {"w:space": 720}))
    sect_pr.append(make("w:titlePg"))
    if right_to_left:
        sect_pr.append(make("w:bidi"))


def keep_page_setup(sect_pr: Element) -> None:
    """Keep a reference document's page setup; only make sure the first page differs."""
    put_in_order(sect_pr, make("w:titlePg"), SECTPR_ORDER)


def remove_heads(document_part: DocumentPart, sect_pr: Element) -> None:
    """Drop a section's header and footer references, and the relationships behind them."""
    for tag in ("w:headerReference", "w:footerReference"):
        for reference in sect_pr.findall(qn(tag)):
            rel_id = reference.get(qn("r:id"))
            sect_pr.remove(reference)
            if rel_id is not None and rel_id in document_part.rels:
                document_part.drop_rel(rel_id)


def _field_page(code: str = "PAGE") -> list[Element]:
    """A ``PAGE`` (or ``NUMPAGES``) field as Word writes it: begin, instruction, end (Word computes the result)."""
    pieces = [
        make("w:fldChar", {"w:fldCharType": "begin"}),
        _instruction(f" {code} "),
        make("w:fldChar", {"w:fldCharType": "separate"}),
        make("w:fldChar", {"w:fldCharType": "end"}),
    ]
    # A fresh rStyle for each run: an lxml element has one parent.
    return [run("", [val_prop("w:rStyle", st.PAGE_NUMBER)], piece) for piece in pieces]


def _instruction(code: str) -> Element:
    instruction = make("w:instrText")
    instruction.text = code
    instruction.set(qn("xml:space"), "preserve")
    return instruction


def _header_paragraphs(report: ResolvedReport, page: str) -> list[Element]:
    symbol = report.masthead.symbol
    if page == "first" or not symbol:
        # Nothing, and no rule: the Header style's border would draw one.
        return [paragraph()]
    props = [val_prop("w:pStyle", st.HEADER)]
    if page == "odd":
        props.append(val_prop("w:jc", "right"))
    # A double symbol's parts stacked, one line each, as E/2025/28 prints them (docs/layout-geneva.md).
    runs = [run(part, [], *([make("w:br")] if index else [])) for index, part in enumerate(report.masthead.symbols)]
    return [paragraph(props, runs)]


def _footer_piece(report: ResolvedReport, piece: str, page: str) -> list[Element]:
    footers = LAYOUTS[report.layout].footers
    if piece == "page":
        if footers.page_total:  # "2/4" (docs/layout-newyork.md)
            return [*_field_page(), run("/", [val_prop("w:rStyle", st.PAGE_NUMBER)]), *_field_page("NUMPAGES")]
        return _field_page()
    job = report.masthead.job_number
    if not job:
        return []
    # Page 1 prints the job number larger than the Footer style (docs/layout-geneva.md).
    size = footers.first_job_size if page == "first" else footers.job_size
    return [run(job, st.size(size) if size is not None else [])]


def _footer_paragraphs(report: ResolvedReport, page: str) -> list[Element]:
    """The pieces of FooterLayout for this page, left to right, a right tab between them."""
    layout = LAYOUTS[report.layout]
    if page == "first" and report.official_records is not None:
        return [paragraph()]  # the title page of the Official Records: no job number, no page number
    pieces = layout.footers.pieces(page)
    props: list[Property] = [val_prop("w:pStyle", st.FOOTER)]
    if page == "first" and layout.footers.first_after:
        props.append(st.spacing(after=layout.footers.first_after))
    if len(pieces) > 1:
        # The right-hand piece at the right edge of the text (LAYOUT.md §6).
        props.append(make("w:tabs", None, make("w:tab", {"w:val": "right", "w:pos": layout.page.text_width - 1})))
    runs: list[Element] = []
    for index, piece in enumerate(pieces):
        if index:
            runs.append(run("\t"))
        runs.extend(_footer_piece(report, piece, page))
    return [paragraph(props, runs)]


def add_heads(document_part: DocumentPart, sect_pr: Element, report: ResolvedReport) -> None:
    """Create the six header and footer parts and reference them from the section."""
    references: list[Element] = []
    taken = {str(part.partname) for part in document_part.package.iter_parts()}
    for kind, part_class, reference_tag, build in (
        ("header", HeaderPart, "w:headerReference", _header_paragraphs),
        ("footer", FooterPart, "w:footerReference", _footer_paragraphs),
    ):
        for page, ooxml_type in (("odd", "default"), ("even", "even"), ("first", "first")):
            part = _new_head(part_class, document_part.package, taken)
            root: Element = part.element
            for p in _head_paragraphs(build, report, page):
                root.append(p)
            rel_type = RT.HEADER if kind == "header" else RT.FOOTER
            rel_id = document_part.relate_to(part, rel_type)
            references.append(make(reference_tag, {"w:type": ooxml_type, "r:id": rel_id}))
    for reference in reversed(references):
        sect_pr.insert(0, reference)


#: The paragraphs of each head by all they are made of (masthead_key): the same for every report of a
#: layout and symbol, and making them was a third of the time of the six heads. Bounded; per thread.
_MOST_HEAD_PARAGRAPHS = 256


def _head_paragraphs(
    build: Callable[[ResolvedReport, str], list[Element]], report: ResolvedReport, page: str
) -> list[Element]:
    """``build(report, page)``, as copies of the paragraphs it made for the same inputs (never those kept)."""
    kept: dict[tuple[object, ...], list[Element]] = kept_per_thread("head paragraphs")
    masthead = report.masthead
    # Everything _header_paragraphs and _footer_paragraphs read of the report.
    key = (build, page, report.layout, masthead.symbol, masthead.symbols, masthead.job_number,
           report.official_records is not None)
    made = kept.get(key)
    if made is None:
        made = build(report, page)
        if len(kept) >= _MOST_HEAD_PARAGRAPHS:
            return made
        kept[key] = made
    return [p.__deepcopy__(None) for p in made]  # type: ignore[attr-defined]  # lxml-stubs lack it


def _head_templates() -> dict[type[HeaderPart | FooterPart], tuple[str, Element]]:
    """Each head part class's content type and empty root, from python-docx's own ``new`` the first time."""
    return kept_per_thread("heads")


def forget_head_templates() -> None:
    _head_templates().clear()
    kept_per_thread("head paragraphs").clear()


def _new_head(part_class: type[HeaderPart | FooterPart], package: Package, taken: set[str]) -> HeaderPart | FooterPart:
    """An empty header or footer part named as python-docx's ``new`` names it (the first free
    number), from a copy of its root: ``new`` read its template file and walked the package
    for a name each time, most of the time of the six heads."""
    kind = "header" if part_class is HeaderPart else "footer"
    number = next(n for n in itertools.count(1) if f"/word/{kind}{n}.xml" not in taken)
    name = f"/word/{kind}{number}.xml"
    taken.add(name)
    templates = _head_templates()
    template = templates.get(part_class)
    if template is None:
        part: HeaderPart | FooterPart = part_class.new(package)
        clear_children(part.element)
        templates[part_class] = (part.content_type, copy.deepcopy(part.element))
        part.partname = PackURI(name)
        return part
    content_type, root = template
    copied = root.__deepcopy__(None)  # type: ignore[attr-defined]  # lxml's own: copy.deepcopy's memo is wasted here
    return part_class(PackURI(name), content_type, cast("BaseOxmlElement", copied), package)


def head_roots(document_part: DocumentPart) -> list[Element]:
    """The root elements of the document's header and footer parts."""
    return [
        rel.target_part.element
        for rel in document_part.rels.values()
        if rel.reltype in (RT.HEADER, RT.FOOTER) and not rel.is_external
    ]


# --- the Official Records' cover (issue 14) ------------------------------------------------------------
def cover_section(document_part: DocumentPart, cover: Element, sect_pr: Element, report: ResolvedReport) -> None:
    """The cover's section (its properties ``cover``, left empty by official.pages): the page setup of the
    document's, its symbol at the head as the cover prints it, no footer. The document's own section then
    starts on the next page, numbered 1: the title page (E/2025/24 numbers its pages from it, "3/31").

    Print puts the title page on the cover's back's back (an odd page after a blank one); a section that
    starts on an odd page made LibreOffice (7.4) set the title page's text 0.64 cm high and drop the even
    head of the page after it, so the draft has no blank page: Word and LibreOffice lay it out alike."""
    for child in sect_pr:
        if child.tag in (qn("w:pgSz"), qn("w:pgMar"), qn("w:cols"), qn("w:bidi")):
            put_in_order(cover, copy.deepcopy(child), SECTPR_ORDER)
    put_in_order(cover, make("w:titlePg"), SECTPR_ORDER)
    part = HeaderPart.new(document_part.package)
    root: Element = part.element
    clear_children(root)
    root.append(_cover_head(report))
    rel_id = document_part.relate_to(part, RT.HEADER)
    put_in_order(cover, make("w:headerReference", {"w:type": "first", "r:id": rel_id}), SECTPR_ORDER)
    put_in_order(sect_pr, val("w:type", "nextPage"), SECTPR_ORDER)
    put_in_order(sect_pr, make("w:pgNumType", {"w:start": 1}), SECTPR_ORDER)


def _cover_head(report: ResolvedReport) -> Element:
    """The symbol at the cover's head, right-aligned, without the running head's rule: stacked in bold as
    the running heads (E/2025/28), or whole at 10 pt (E/2025/24), as the layout's title page prints it."""
    if LAYOUTS[report.layout].official_records.symbols_stacked:
        (head,) = _header_paragraphs(report, "odd")
        properties = head.find(qn("w:pPr"))
        if properties is not None:
            put_in_order(properties, make("w:pBdr", None, make("w:bottom", {"w:val": "nil"})), PPR_ORDER)
        return head
    symbol = report.masthead.symbol or ""
    props = [val_prop("w:pStyle", st.HEADER), prop("w:pBdr", None, prop("w:bottom", {"w:val": "nil"})),
             val_prop("w:jc", "right")]
    symbol_props = [val_prop("w:b", 0), val_prop("w:bCs", 0), *st.size(st.BASE_SIZE)]
    return paragraph(props, [run(symbol, symbol_props)] if symbol else [])
