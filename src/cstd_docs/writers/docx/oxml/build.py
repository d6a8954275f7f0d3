"""Small builders for WordprocessingML elements, on top of python-docx's ``OxmlElement``.

Every element is made by lxml (through python-docx's parser, so custom element classes
apply) and attached with ``append``; no XML is ever assembled as text. Children are
appended in the order the schema requires; :func:`put_in_order` places a child among
existing ones when a part comes from a user's file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree

Element = etree._Element

#: The children of ``w:pPr`` in schema order (ECMA-376 Part 1, CT_PPrBase then rPr, sectPr).
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
    "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip

#: The children of ``w:rPr`` in schema order (CT_RPr / EG_RPrBase).
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
    "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
    "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs",
    "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
    "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)  # fmt: skip


def make(tag: str, attrs: Mapping[str, str | int] | None = None, *children: Element | None) -> Element:
    """A new element ``tag`` ("w:p") with namespaced attributes and children (``None`` skipped)."""
    attributes = {qn(name): str(value) for name, value in (attrs or {}).items()}
    element: Element = OxmlElement(tag, attributes or None)
    for child in children:
        if child is not None:
            element.append(child)
    return element


def sub(parent: Element, tag: str, attrs: Mapping[str, str | int] | None = None) -> Element:
    """Append a new child element to ``parent`` and return it."""
    child = make(tag, attrs)
    parent.append(child)
    return child


def val(tag: str, value: str | int) -> Element:
    """An element whose only attribute is ``w:val``."""
    return make(tag, {"w:val": value})


def text(content: str) -> Element:
    """A ``w:t``, preserving spaces at either end."""
    element = make("w:t")
    element.text = content
    if content != content.strip() or "  " in content:
        element.set(qn("xml:space"), "preserve")
    return element


def text_children(content: str) -> list[Element]:
    """The run content for a string: ``w:t`` pieces, ``w:tab`` for TAB, ``w:br`` for a newline."""
    children: list[Element] = []
    piece = ""
    for char in content:
        if char in "\t\n":
            if piece:
                children.append(text(piece))
                piece = ""
            children.append(make("w:tab" if char == "\t" else "w:br"))
        else:
            piece += char
    if piece:
        children.append(text(piece))
    return children


def run(content: str = "", properties: Iterable[Element] = (), *extra: Element) -> Element:
    """A ``w:r`` with run properties (given in schema order), then ``extra`` elements, then the text."""
    r = make("w:r")
    props = list(properties)
    if props:
        r.append(make("w:rPr", None, *sort_children(props, RPR_ORDER)))
    for element in extra:
        r.append(element)
    for child in text_children(content):
        r.append(child)
    return r


def paragraph(properties: Iterable[Element] = (), runs: Iterable[Element] = ()) -> Element:
    """A ``w:p`` with paragraph properties (sorted into schema order) and runs."""
    p = make("w:p")
    props = list(properties)
    if props:
        p.append(make("w:pPr", None, *sort_children(props, PPR_ORDER)))
    for r in runs:
        p.append(r)
    return p


def sort_children(children: Iterable[Element], order: tuple[str, ...]) -> list[Element]:
    """``children`` sorted into the schema's order (stable for equal tags)."""
    rank = {qn(tag): index for index, tag in enumerate(order)}
    return sorted(children, key=lambda child: rank.get(str(child.tag), len(order)))


def put_in_order(parent: Element, child: Element, order: tuple[str, ...]) -> Element:
    """Insert ``child`` (replacing any element of the same tag) where the schema puts it."""
    for existing in parent.findall(str(child.tag)):
        parent.remove(existing)
    rank = {qn(tag): index for index, tag in enumerate(order)}
    mine = rank[str(child.tag)]
    for existing in parent:
        if rank.get(str(existing.tag), -1) > mine:
            existing.addprevious(child)
            return child
    parent.append(child)
    return child


def clear_children(element: Element) -> None:
    """Remove every child (``lxml``'s ``clear`` would drop the attributes too)."""
    for child in list(element):
        element.remove(child)
