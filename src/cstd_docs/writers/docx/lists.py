"""Bullets and indented lines as Word paragraphs (issue 13); the bullets' list definition.

A bullet paragraph names its list (``w:numPr``) before the document's numbering part is known:
its ``w:numId`` first carries a private mark, and :func:`number_bullets` gives every marked one
the id of the list it adds to the numbering part (made if the document has none; a reference
document's own lists stay as they are), as styled.relate_hyperlinks does for links.
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml.ns import qn
from docx.parts.document import DocumentPart
from docx.parts.numbering import NumberingPart

from cstd_docs.resolve.document import BulletItem, LineItem
from cstd_docs.writers.docx import list_styles as ls
from cstd_docs.writers.docx.oxml.build import Element, Property, make, paragraph, prop, val, val_prop
from cstd_docs.writers.docx.styles import FONT

#: Where a bullet's list id waits until the numbering part is known (never left in a saved file).
_PENDING = "{urn:cstd-docs:pending}bullets"


def bullet(item: BulletItem, runs: list[Element]) -> Element:
    """A bullet in its level's style, in the bullets' list at that level."""
    level = min(max(item.level, 1), max(ls.BULLET_STYLES))
    number = val("w:numId", 0)
    number.set(_PENDING, "1")
    props = [val("w:pStyle", ls.BULLET_STYLES[level]), make("w:numPr", None, val("w:ilvl", level - 1), number)]
    return paragraph(props, runs)


def line(item: LineItem, runs: list[Element]) -> Element:
    """A line in its indent's style; the last of its block spaced from what follows."""
    indent = min(max(item.indent, 0), max(ls.LINE_STYLES))
    props: list[Property] = [val_prop("w:pStyle", ls.LINE_STYLES[indent])]
    if item.last:
        props.append(prop("w:spacing", {"w:after": ls.AFTER}))
    return paragraph(props, runs)


def number_bullets(root: Element, document_part: DocumentPart) -> None:
    """Give each pending bullet of ``root`` the id of the bullets' list, added to the numbering part."""
    pending = [element for element in root.iter(qn("w:numId")) if element.get(_PENDING) is not None]
    if not pending:
        return
    numbering = _numbering(document_part)
    abstract_id = 1 + max((int(a.get(qn("w:abstractNumId"), "0")) for a in numbering.iter(qn("w:abstractNum"))
                           if a.get(qn("w:abstractNumId"), "").isdigit()), default=-1)
    num_id = 1 + max((int(n.get(qn("w:numId"), "0")) for n in numbering.iter(qn("w:num"))
                      if n.get(qn("w:numId"), "").isdigit()), default=0)
    abstract = make("w:abstractNum", {"w:abstractNumId": abstract_id}, val("w:multiLevelType", "hybridMultilevel"),
                    *ls.bullet_levels(FONT))
    nums = numbering.findall(qn("w:num"))
    if nums:
        nums[0].addprevious(abstract)  # every abstractNum before the first num (the schema's order)
    else:
        numbering.append(abstract)
    entry = make("w:num", {"w:numId": num_id}, val("w:abstractNumId", abstract_id))
    cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
    if cleanup is not None:
        cleanup.addprevious(entry)
    else:
        numbering.append(entry)
    for element in pending:
        del element.attrib[_PENDING]
        element.set(qn("w:val"), str(num_id))


def _numbering(document_part: DocumentPart) -> Element:
    """The ``w:numbering`` of the document's numbering part, the part made if it has none."""
    for rel in document_part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            element: Element = rel.target_part.element
            return element
    package = document_part.package
    taken = {str(part.partname) for part in package.iter_parts()}
    name = "/word/numbering.xml" if "/word/numbering.xml" not in taken else str(
        package.next_partname("/word/numbering%d.xml"))
    root = make("w:numbering")
    part = NumberingPart(PackURI(name), CT.WML_NUMBERING, root, package)  # type: ignore[arg-type]
    document_part.relate_to(part, RT.NUMBERING)
    return root
