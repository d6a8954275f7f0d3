"""Accepting or rejecting every revision of a Word redline, as ECMA-376 §17.13.5 says, gives the two versions.

A small reader of our own applies the revisions to document.xml (what LibreOffice and pandoc
do in test_redline_interop.py, there for a few reports): inserted and moved-to content kept
or dropped, deleted and moved-from content dropped or kept, a paragraph whose mark goes
joins the next. It reads notes through their marks. Random edits, so that every mix of
added, removed, moved and edited paragraphs and notes is tried, fast.
"""

from __future__ import annotations

import io
import zipfile

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from tests.docx.reports import build_report

from cstd_docs.model import Chapter, Note, Paragraph, Report
from cstd_docs.redlines import redline_docx_bytes
from cstd_docs.writers.docx import docx_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


KEPT = {"accept": (w("ins"), w("moveTo")), "reject": (w("del"), w("moveFrom"))}
DROPPED = {"accept": (w("del"), w("moveFrom")), "reject": (w("ins"), w("moveTo"))}


def _text(element: etree._Element, mode: str, notes: dict[str, etree._Element]) -> str:
    parts: list[str] = []
    for child in element:
        tag = child.tag
        if tag in DROPPED[mode] or tag in (w("pPr"), w("rPr")):
            continue
        if tag in (w("t"), w("delText")):
            parts.append(child.text or "")
        elif tag == w("tab"):
            parts.append("\t")
        elif tag == w("footnoteReference"):
            note = notes[child.get(w("id"))]
            parts.append("[^" + " / ".join(_paragraphs(note, mode, notes)) + "]")
        else:
            parts.append(_text(child, mode, notes))
    return "".join(parts)


def _paragraphs(root: etree._Element, mode: str, notes: dict[str, etree._Element]) -> list[str]:
    out: list[str] = []
    pending = ""
    for p in root.iter(w("p")):
        text = pending + _text(p, mode, notes)
        mark = p.find(f"{w('pPr')}/{w('rPr')}")
        if mark is not None and any(mark.find(tag) is not None for tag in DROPPED[mode]):
            pending = text  # the paragraph mark goes: what is left joins the next paragraph
            continue
        pending = ""
        out.append(text)
    assert pending == ""
    return out


def visible(data: bytes, mode: str) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        document = etree.fromstring(z.read("word/document.xml"))
        footnotes = etree.fromstring(z.read("word/footnotes.xml"))
    notes = {n.get(w("id")): n for n in footnotes.iter(w("footnote"))}
    return _paragraphs(document.find(w("body")), mode, notes)


# --- random edits ------------------------------------------------------------------------------------
BASE = build_report(chapters=2, paragraphs_per_section=1, annexes=1)

edit = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 20), st.integers(0, 1)),
    st.tuples(st.just("insert"), st.integers(0, 20), st.integers(0, 1), st.booleans()),
    st.tuples(st.just("edit"), st.integers(0, 20), st.integers(0, 1), st.sampled_from(["new", "words", "here"])),
    st.tuples(st.just("note"), st.integers(0, 20), st.integers(0, 1)),
    st.tuples(st.just("move"), st.integers(0, 20), st.integers(0, 1), st.integers(0, 20)),
    st.tuples(st.just("swap")),
)


def _apply(report: Report, edits: list[tuple[object, ...]]) -> Report:
    lists = [list(c.content) for c in report.chapters]
    chapters = list(report.chapters)
    serial = 0
    for e in edits:
        kind = e[0]
        if kind == "swap":
            chapters.reverse()
            lists.reverse()
            continue
        items = lists[int(e[2])]  # type: ignore[call-overload]
        at = int(e[1]) % (len(items) + 1)  # type: ignore[call-overload]
        if kind == "insert":
            serial += 1
            text: list[object] = [f"Inserted paragraph {serial} of the revision."]
            if e[3]:
                text.append(Note(f"A note inserted with paragraph {serial}."))
            items.insert(at, Paragraph(text, id=f"ins{serial}"))
        elif not items or at == len(items):
            continue
        elif kind == "delete" and items[at].id != "p1":  # p1 is named by cross-references
            del items[at]
        elif kind == "edit" and isinstance(items[at], Paragraph):
            item = items[at]
            items[at] = attrs.evolve(item, text=(f"{e[3]} ", *item.text))
        elif kind == "note" and isinstance(items[at], Paragraph):
            item = items[at]
            items[at] = attrs.evolve(item, text=tuple(Note(("Edited: ", *i.text)) if isinstance(i, Note) else i
                                                      for i in item.text))
        elif kind == "move":
            target = lists[1 - int(e[2])]  # type: ignore[call-overload]
            target.insert(int(e[3]) % (len(target) + 1), items.pop(at))  # type: ignore[call-overload]
    chapters = [attrs.evolve(c, content=items) for c, items in zip(chapters, lists, strict=True)]
    return attrs.evolve(report, chapters=[Chapter(c.title, id=c.id, content=c.content, sections=c.sections)
                                          for c in chapters])


@settings(max_examples=30, deadline=None)
@given(st.lists(edit, min_size=1, max_size=6))
def test_accepting_and_rejecting_give_the_two_versions(edits: list[tuple[object, ...]]) -> None:
    new = _apply(BASE, edits)
    data = redline_docx_bytes(BASE, new)
    assert visible(data, "accept") == visible(docx_bytes(new), "accept")
    assert visible(data, "reject") == visible(docx_bytes(BASE), "accept")


def test_the_reader_sees_revisions() -> None:
    # The checker is no copy of either version: the redline as it stands is neither.
    new = _apply(BASE, [("insert", 1, 0, True), ("delete", 3, 1)])
    data = redline_docx_bytes(BASE, new)
    assert visible(data, "accept") != visible(data, "reject")
    assert any("Inserted paragraph 1 of the revision.[^\t\tA note inserted" in p for p in visible(data, "accept"))
