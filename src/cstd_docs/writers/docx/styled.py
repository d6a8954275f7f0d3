"""Strong text, links and the separator between note marks, as Word runs (issue 13); where
inline content is cut into runs (``joined_runs``).

A link is a ``w:hyperlink`` whose target is a relationship of the part that holds it (the
document or the notes). The runs are built before they are placed in a part, so a link
first carries its address in a private attribute; :func:`relate_hyperlinks` turns each
into a relationship once the part is known.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn

from cstd_docs.model import Emphasis, Link, Strong, StrongEmphasis
from cstd_docs.resolve.document import Run
from cstd_docs.writers.docx import styles as st
from cstd_docs.writers.docx.oxml.build import Element, Property, make, run, val_prop

#: Where a link's address waits until its part is known (never left in a saved file).
_PENDING_URL = "{urn:cstd-docs:pending}url"


def strong(item: Strong, base: list[Property]) -> Element:
    return run(item.text, [*base, *st.bold()])


def hyperlink(item: Link, base: list[Property]) -> Element:
    """``w:hyperlink`` around the link's text, in the Hyperlink character style."""
    element = make("w:hyperlink", {"w:history": 1})
    element.set(_PENDING_URL, item.url)
    element.append(run(item.text, [*base, val_prop("w:rStyle", st.HYPERLINK)]))
    return element


def mark_separator(separator: str) -> Element:
    """The superscript comma between two note marks at one spot (UN Editorial Manual)."""
    return run(separator, [val_prop("w:vertAlign", "superscript")])


def relate_hyperlinks(root: Element, part: Part) -> None:
    """Give each pending link of ``root`` its external relationship in ``part``."""
    for element in root.iter(qn("w:hyperlink")):
        url = element.get(_PENDING_URL)
        if url is not None:
            del element.attrib[_PENDING_URL]
            element.set(qn("r:id"), part.relate_to(url, RT.HYPERLINK, is_external=True))


#: What inline content holds once resolved (resolve.document.Run).
InlineRun = Run


def _pieces(runs: Iterable[InlineRun]) -> Iterable[InlineRun]:
    """Italic or bold text with the white space at its ends as plain text: it prints the same."""
    for item in runs:
        if isinstance(item, (Emphasis, Strong, StrongEmphasis)) and item.text != item.text.strip():
            stripped = item.text.strip()
            if not stripped:
                yield item.text
                continue
            start = item.text.index(stripped)
            yield item.text[:start]
            yield type(item)(stripped)
            yield item.text[start + len(stripped) :]
        else:
            yield item


def joined_runs(runs: Iterable[InlineRun]) -> list[InlineRun]:
    """Adjacent plain, italic or bold texts as one run each, white space out of italic and bold:
    it prints the same, and the right-to-left marking (bidi.py), made run by run, then follows
    the text alone, as the readers see it (readers/signature.py, ``joined``)."""
    out: list[InlineRun] = []
    for item in _pieces(runs):
        last = out[-1] if out else None
        if type(item) is str and not item:
            continue  # prints nothing: what stands around it is adjacent
        if type(item) is str and type(last) is str:  # not a Reference, a str of its own
            out[-1] = last + item
        elif isinstance(item, (Emphasis, Strong, StrongEmphasis)) and type(last) is type(item):
            assert isinstance(last, (Emphasis, Strong, StrongEmphasis))
            out[-1] = type(item)(last.text + item.text)
        else:
            out.append(item)
    return out
