"""Strong text, links and the separator between note marks, as Word runs (issue 13).

A link is a ``w:hyperlink`` whose target is a relationship of the part that holds it (the
document or the notes). The runs are built before they are placed in a part, so a link
first carries its address in a private attribute; :func:`relate_hyperlinks` turns each
into a relationship once the part is known.
"""

from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn

from cstd_docs.model import Link, Strong
from cstd_docs.writers.docx import styles as st
from cstd_docs.writers.docx.oxml.build import Element, make, run, val

#: Where a link's address waits until its part is known (never left in a saved file).
_PENDING_URL = "{urn:cstd-docs:pending}url"


def strong(item: Strong, base: list[Element]) -> Element:
    return run(item.text, [*base, *st.bold()])


def hyperlink(item: Link, base: list[Element]) -> Element:
    """``w:hyperlink`` around the link's text, in the Hyperlink character style."""
    element = make("w:hyperlink", {"w:history": 1})
    element.set(_PENDING_URL, item.url)
    element.append(run(item.text, [*base, val("w:rStyle", st.HYPERLINK)]))
    return element


def mark_separator(separator: str) -> Element:
    """The superscript comma between two note marks at one spot (UN Editorial Manual)."""
    return run(separator, [val("w:vertAlign", "superscript")])


def relate_hyperlinks(root: Element, part: Part) -> None:
    """Give each pending link of ``root`` its external relationship in ``part``."""
    for element in root.iter(qn("w:hyperlink")):
        url = element.get(_PENDING_URL)
        if url is not None:
            del element.attrib[_PENDING_URL]
            element.set(qn("r:id"), part.relate_to(url, RT.HYPERLINK, is_external=True))
