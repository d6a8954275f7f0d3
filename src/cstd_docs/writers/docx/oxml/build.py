"""Small builders for WordprocessingML elements, made by python-docx's oxml parser.

Every element is made by lxml (through python-docx's parser, so custom element classes
apply) and attached with ``append``; no XML is ever assembled as text. Children are
appended in the order the schema requires; :func:`put_in_order` places a child among
existing ones when a part comes from a user's file.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple, TypeGuard

from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
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


# A report makes tens of thousands of elements from a few dozen tag and attribute names:
# their Clark names and namespace maps are worked out once each, not per element.
_CLARK: dict[str, str] = {}
_NSMAP: dict[str, dict[str, str]] = {}


def clark(name: str) -> str:
    """``"w:p"`` → ``"{http://…/main}p"``, cached (python-docx's ``qn`` splits the string each call)."""
    try:
        return _CLARK[name]
    except KeyError:
        _CLARK[name] = qn(name)
        return _CLARK[name]


#: What the Word writer keeps of its elements between renderings, each thread its own: a copy
#: shares its original's document, which lxml ties to a thread.
_THREAD = threading.local()


def kept_per_thread(name: str) -> dict[Any, Any]:
    """This thread's store ``name`` of kept elements, empty at first."""
    store: dict[Any, Any] = _THREAD.__dict__.setdefault(name, {})
    return store


#: One element of each tag and attributes made so far, copied for the next: lxml copies an
#: element in a third of the time it makes one (namespaced attributes cost a microsecond each).
#: A report's writer uses a few hundred combinations; the bound keeps a long process's memory flat.
_MOST_PROTOTYPES = 4096


def _prototypes() -> dict[object, Element]:
    return kept_per_thread("prototypes")


def make(tag: str, attrs: Mapping[str, str | int] | None = None, *children: Element | None) -> Element:
    """A new element ``tag`` ("w:p") with namespaced attributes and children (``None`` skipped).

    Made by python-docx's parser, so its custom element classes apply, and declaring the
    tag's namespace as python-docx's ``OxmlElement`` does (a copy of such an element is the same).
    """
    # The values as given (567 and "567" are two keys for the same element; no caller gives a bool).
    key = (tag, *attrs.items()) if attrs else tag
    try:  # _prototypes() inlined: a report makes a thousand elements
        prototypes: dict[object, Element] = _THREAD.prototypes
    except AttributeError:
        prototypes = _prototypes()
    prototype = prototypes.get(key)
    if prototype is not None:
        element: Element = prototype.__copy__()  # type: ignore[attr-defined]  # lxml-stubs lack it
    else:
        element = _new(tag, attrs)
        if len(prototypes) < _MOST_PROTOTYPES:
            prototypes[key] = element.__copy__()  # type: ignore[attr-defined]
    for child in children:
        if child is not None:
            element.append(child)
    return element


def forget_prototypes() -> None:
    """Drop the element prototypes and the run and paragraph templates of this thread."""
    _prototypes().clear()
    _templates().clear()


def _new(tag: str, attrs: Mapping[str, str | int] | None) -> Element:
    try:
        namespaces = _NSMAP[tag]
    except KeyError:
        prefix = tag.partition(":")[0]
        namespaces = _NSMAP[tag] = {prefix: nsmap[prefix]}
    made: Element = oxml_parser.makeelement(
        clark(tag), {clark(name): str(value) for name, value in attrs.items()} if attrs else None, namespaces
    )
    return made


def sub(parent: Element, tag: str, attrs: Mapping[str, str | int] | None = None) -> Element:
    """Append a new child element to ``parent`` and return it."""
    child = make(tag, attrs)
    parent.append(child)
    return child


def val(tag: str, value: str | int) -> Element:
    """An element whose only attribute is ``w:val``."""
    # The prototype's key as make gives it, without the dict: a fifth of the elements are these.
    try:
        prototype = _THREAD.prototypes.get((tag, ("w:val", value)))
    except AttributeError:
        prototype = None
    if prototype is not None:
        copied: Element = prototype.__copy__()
        return copied
    return make(tag, {"w:val": value})


def text(content: str) -> Element:
    """A ``w:t``, preserving spaces at either end."""
    element = make("w:t", _PRESERVE if _spaced(content) else None)
    element.text = content
    return element


def _spaced(content: str) -> bool:
    """Whether Word would lose spaces of ``content`` unless told to keep them."""
    return content != content.strip() or "  " in content


_PRESERVE = {"xml:space": "preserve"}
_BREAKS = re.compile(r"([\t\n])")


def text_children(content: str) -> list[Element]:
    """The run content for a string: ``w:t`` pieces, ``w:tab`` for TAB, ``w:br`` for a newline."""
    if "\t" not in content and "\n" not in content:
        return [text(content)] if content else []
    children: list[Element] = []
    for piece in _BREAKS.split(content):
        if piece == "\t":
            children.append(make("w:tab"))
        elif piece == "\n":
            children.append(make("w:br"))
        elif piece:
            children.append(text(piece))
    return children


class Prop(NamedTuple):
    """A property element as data: its tag, attributes (in the order written) and children.

    Hashable: a run or paragraph given only these is copied whole from a template kept for
    the same properties (:func:`run`, :func:`paragraph`) instead of made element by element.
    """

    tag: str
    #: The values as written: 0, False and "0" would be equal keys, but False is written "False".
    attrs: tuple[tuple[str, str], ...] = ()
    children: tuple[Prop, ...] = ()

    def element(self) -> Element:
        """The element it describes, made anew (the element :func:`make` gives for the same)."""
        return make(self.tag, dict(self.attrs) if self.attrs else None, *(child.element() for child in self.children))


def prop(tag: str, attrs: Mapping[str, str | int] | None = None, *children: Prop) -> Prop:
    """:func:`make` as data."""
    return Prop(tag, tuple((name, str(value)) for name, value in attrs.items()) if attrs else (), children)


def val_prop(tag: str, value: str | int) -> Prop:
    """:func:`val` as data."""
    return Prop(tag, (("w:val", str(value)),))


#: A run's or paragraph's property: an element, or one described (the faster: see :class:`Prop`).
Property = Element | Prop


def elements(properties: Iterable[Property]) -> list[Element]:
    """The properties as elements: each :class:`Prop` made, each element as it is."""
    return [item.element() if isinstance(item, Prop) else item for item in properties]


def run(content: str = "", properties: Iterable[Property] = (), *extra: Element) -> Element:
    """A ``w:r`` with run properties (given in schema order), then ``extra`` elements, then the text."""
    props = tuple(properties)
    if _described(props):
        single = None if extra else _single_text(content)
        r = _from_template("w:r", "w:rPr", RPR_ORDER, props, single)
        if single is not None:
            r[-1].text = content  # the template's empty w:t
            return r
    else:
        r = _made("w:r", "w:rPr", RPR_ORDER, elements(props), None)
    r.extend(extra)
    if content:
        r.extend(text_children(content))
    return r


def paragraph(properties: Iterable[Property] = (), runs: Iterable[Element] = ()) -> Element:
    """A ``w:p`` with paragraph properties (sorted into schema order) and runs."""
    props = tuple(properties)
    if _described(props):
        p = _from_template("w:p", "w:pPr", PPR_ORDER, props, None)
    else:
        p = _made("w:p", "w:pPr", PPR_ORDER, elements(props), None)
    p.extend(runs)
    return p


def _described(props: tuple[Property, ...]) -> TypeGuard[tuple[Prop, ...]]:
    for item in props:  # noqa: SIM110  # a loop, not all(): two calls a run, most with none or two
        if type(item) is not Prop:
            return False
    return True


def _single_text(content: str) -> bool | None:
    """Whether the content is one ``w:t`` that keeps its spaces (None: empty, or tabs and breaks in it)."""
    if not content or "\t" in content or "\n" in content:
        return None
    return _spaced(content)


#: Whole runs (with their ``w:rPr`` and ``w:t``) and paragraph starts (with their ``w:pPr``) by
#: their properties: one copy of a template instead of each element made, sorted and moved between
#: documents. The bound keeps a long process's memory flat; each thread keeps its own, as the
#: prototypes above.
_MOST_TEMPLATES = 2048


def _templates() -> dict[object, Element]:
    return kept_per_thread("templates")


def _from_template(tag: str, props_tag: str, order: tuple[str, ...], props: tuple[Prop, ...],
                   single: bool | None) -> Element:
    """A new ``tag`` holding ``props`` (and an empty ``w:t`` unless ``single`` is None), copied from
    the template made the first time for the same."""
    try:  # _templates() inlined, as make's prototypes
        templates: dict[object, Element] = _THREAD.templates
    except AttributeError:
        templates = _templates()
    key = (tag, single, props)
    template = templates.get(key)
    if template is None:
        template = _made(tag, props_tag, order, elements(props), single)
        if len(templates) >= _MOST_TEMPLATES:
            return template
        templates[key] = template
    copied: Element = template.__deepcopy__(None)  # type: ignore[attr-defined]  # lxml-stubs lack it
    return copied


def _made(tag: str, props_tag: str, order: tuple[str, ...], props: list[Element], single: bool | None) -> Element:
    element = make(tag)
    if props:
        element.append(make(props_tag, None, *sort_children(props, order)))
    if single is not None:
        element.append(make("w:t", _PRESERVE if single else None))
    return element


_RANKS: dict[tuple[str, ...], dict[str, int]] = {}


def _rank(order: tuple[str, ...]) -> dict[str, int]:
    """Position of each Clark name in ``order``, built once per order."""
    try:
        return _RANKS[order]
    except KeyError:
        _RANKS[order] = {clark(tag): index for index, tag in enumerate(order)}
        return _RANKS[order]


def sort_children(children: Iterable[Element], order: tuple[str, ...]) -> list[Element]:
    """``children`` sorted into the schema's order (stable for equal tags)."""
    listed = list(children)
    if len(listed) < 2:
        return listed
    rank = _rank(order)
    last = len(order)
    return sorted(listed, key=lambda child: rank.get(str(child.tag), last))


def put_in_order(parent: Element, child: Element, order: tuple[str, ...]) -> Element:
    """Insert ``child`` (replacing any element of the same tag) where the schema puts it."""
    for existing in parent.findall(str(child.tag)):
        parent.remove(existing)
    rank = _rank(order)
    mine = rank[str(child.tag)]
    for existing in parent:
        if rank.get(str(existing.tag), -1) > mine:
            existing.addprevious(child)
            return child
    parent.append(child)
    return child


def clear_children(element: Element) -> None:
    """Remove every child (``lxml``'s ``clear`` would drop the attributes too)."""
    del element[:]  # one call; removing children one by one was 3 ms for a template's styles
