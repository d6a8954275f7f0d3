"""Edits made in Word (python-docx here, then re-saved by LibreOffice) or in Markdown come back.

The file that is read back is LibreOffice's, not ours: it rewrites every part.
"""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from tests.conftest import REFERENCE_EXAMPLE, require_file
from tests.ooxml import w
from tests.readers.helpers import libreoffice_resave, our_docx

import cstd_docs
from cstd_docs.changes import diff_reports
from cstd_docs.errors import Problem
from cstd_docs.model import Citation, Emphasis, Note, Paragraph, Report, Suggestion
from cstd_docs.model.check import check


def paragraphs(report: Report) -> list[Any]:
    out: list[Any] = []

    def blocks(items: Any) -> None:
        out.extend(b for b in items if isinstance(b, Paragraph))

    for chapter in report.chapters:
        blocks(chapter.content)
        for part in chapter.sections:
            if hasattr(part, "main_findings"):
                blocks(part.main_findings)
                out.extend(part.suggestions)
            else:
                blocks(part.content)
                for sub in part.subsections:
                    blocks(sub.content)
    return out


def _reference() -> Report:
    require_file(REFERENCE_EXAMPLE, "the reference example")
    return cstd_docs.load(REFERENCE_EXAMPLE)


def _by_number(document: Any, number: int) -> Any:
    for p in document.paragraphs:
        if p.text.startswith(f"{number}.\t"):
            return p
    raise AssertionError(f"no paragraph {number}")


def _new_paragraph_after(anchor: Any, text: str, italic: str | None = None) -> Any:
    element = copy.deepcopy(anchor._p)
    for child in list(element):
        if child.tag != w("pPr"):
            element.remove(child)
    anchor._p.addnext(element)
    from docx.text.paragraph import Paragraph as DocxParagraph

    paragraph = DocxParagraph(element, anchor._parent)
    paragraph.add_run(text)
    if italic:
        paragraph.add_run(italic).italic = True
        paragraph.add_run(".")
    return paragraph


def _add_note(paragraph: Any, footnotes: Any, ident: int, text: str) -> None:
    run = etree.SubElement(paragraph._p, w("r"))
    props = etree.SubElement(run, w("rPr"))
    etree.SubElement(props, w("rStyle")).set(w("val"), "FootnoteReference")
    etree.SubElement(run, w("footnoteReference")).set(w("id"), str(ident))
    note = etree.SubElement(footnotes, w("footnote"))
    note.set(w("id"), str(ident))
    p = etree.SubElement(note, w("p"))
    etree.SubElement(etree.SubElement(p, w("pPr")), w("pStyle")).set(w("val"), "FootnoteText")
    r = etree.SubElement(p, w("r"))
    etree.SubElement(r, w("tab"))
    etree.SubElement(r, w("footnoteRef"))
    r = etree.SubElement(p, w("r"))
    etree.SubElement(r, w("tab"))
    etree.SubElement(r, w("t")).text = text


def _notes_in_document_order(document: Any, footnotes: Any) -> None:
    """As Word saves: notes in the order of their marks, deleted ones gone."""
    order = [ref.get(w("id")) for ref in document.iter(w("footnoteReference"))]
    notes = {note.get(w("id")): note for note in footnotes.findall(w("footnote"))}
    for ident, note in notes.items():
        if int(ident) > 0:
            footnotes.remove(note)
    for ident in order:
        footnotes.append(notes[ident])
    # and numbered 1, 2, … in that order
    for number, ref in enumerate(document.iter(w("footnoteReference")), start=1):
        notes[ref.get(w("id"))].set(w("id"), str(number))
        ref.set(w("id"), str(number))


def _edit_in_word(report: Report, path: Path) -> dict[str, str]:
    """The edits of the issue, made on our DOCX; returns the ids involved."""
    import cstd_docs.writers.docx  # noqa: F401  (registers the footnotes part class)
    import docx

    original = paragraphs(report)
    d = docx.Document(io.BytesIO(our_docx(report)))
    footnotes = next(r.target_part for r in d.part.rels.values() if r.reltype.endswith("/footnotes")).element

    # text changed inside paragraph 3
    p3 = _by_number(d, 3)
    run = next(r for r in p3.runs if "attended" in r.text)
    run.text = run.text.replace("attended", "joined")
    # emphasis added in paragraph 4
    p4 = _by_number(d, 4)
    p4.add_run(" See ")
    p4.add_run("Technology and Innovation Report").italic = True
    # a note edited (the note on paragraph 1 is free text), and notes added to paragraph 7
    p7 = _by_number(d, 7)
    _add_note(p7, footnotes, 901, "A note added by an editor.")
    _add_note(p7, footnotes, 902, "Representative of Thailand.")
    # a note removed: the citation on paragraph 9
    p9 = _by_number(d, 9)
    ref = p9._p.find(f".//{w('footnoteReference')}")
    ref.getparent().getparent().remove(ref.getparent())
    # a paragraph inserted after 5 (typed with a stale number), a subparagraph added to 1
    _new_paragraph_after(_by_number(d, 5), "6.\tA paragraph inserted by an editor in Word.")
    p1 = _by_number(d, 1)
    subs = []
    element = p1._p.getnext()
    while element is not None and "".join(element.itertext()).startswith("("):
        subs.append(element)
        element = element.getnext()
    from docx.text.paragraph import Paragraph as DocxParagraph

    _new_paragraph_after(DocxParagraph(subs[-1], p1._parent), "(c)\tA subparagraph added by an editor.")
    # paragraph 10 deleted, paragraph 2 moved after paragraph 4
    p10 = _by_number(d, 10)
    p10._p.getparent().remove(p10._p)
    p2 = _by_number(d, 2)
    _by_number(d, 4)._p.addnext(p2._p)
    _notes_in_document_order(d.element, footnotes)
    d.save(str(path))
    return {
        "p1": original[0].id, "p2": original[1].id, "p3": original[2].id, "p4": original[3].id,
        "p7": original[6].id, "p9": original[8].id, "p10": original[9].id,
    }


def _check_edits(report: Report, read: Report, ids: dict[str, str], warnings: list[Problem]) -> None:
    assert check(read) == []
    assert warnings == []
    before = {p.id: p for p in paragraphs(report)}
    after = paragraphs(read)
    by_id = {p.id: p for p in after}
    order = [p.id for p in after]
    assert ids["p10"] not in by_id  # deleted
    assert order.index(ids["p2"]) == order.index(ids["p4"]) + 1  # moved after paragraph 4
    assert "joined" in cstd_docs.model.plain_text(by_id[ids["p3"]].text)  # edited, same id
    assert Emphasis("Technology and Innovation Report") in by_id[ids["p4"]].text
    new = [p for p in after if p.id not in before]
    assert [p.id for p in new] == ["p-a-paragraph-inserted-by"]
    assert new[0].text == ("A paragraph inserted by an editor in Word.",)
    assert order.index(new[0].id) == order.index(ids["p4"]) + 3  # after 5 (2 now follows 4)
    assert by_id[ids["p1"]].subparagraphs[-1].text == ("A subparagraph added by an editor.",)
    assert len(by_id[ids["p1"]].subparagraphs) == len(before[ids["p1"]].subparagraphs) + 1
    p7 = by_id[ids["p7"]].text
    assert p7[-2:] == (Note(("A note added by an editor.",)), Citation(("thailand",)))
    nine_before = [i for i in before[ids["p9"]].text if isinstance(i, (Note, Citation))]
    nine_after = [i for i in by_id[ids["p9"]].text if isinstance(i, (Note, Citation))]
    assert len(nine_after) == len(nine_before) - 1
    # Untouched paragraphs come back exactly, citations and all.
    touched = {ids[k] for k in ("p1", "p3", "p4", "p7", "p9")}
    untouched = [p for p in after if p.id in before and p.id not in touched]
    assert len(untouched) >= 20, "most of the reference's 33 paragraphs were not edited"
    for p in untouched:
        assert p == before[p.id]
    kinds = {(c.kind, c.id) for c in diff_reports(report, read)}
    assert ("removed", ids["p10"]) in kinds
    assert ("moved", ids["p2"]) in kinds
    assert ("edited", ids["p3"]) in kinds
    assert ("added", "p-a-paragraph-inserted-by") in kinds


@pytest.mark.interop
def test_edits_made_in_word_and_resaved_by_libreoffice_come_back(tmp_path: Path) -> None:
    report = _reference()
    path = tmp_path / "edited.docx"
    ids = _edit_in_word(report, path)
    resaved = libreoffice_resave(path, tmp_path)
    warnings: list[Problem] = []
    read = cstd_docs.read_docx(resaved, warnings=warnings)
    _check_edits(report, read, ids, warnings)


def test_edits_made_in_word_come_back(tmp_path: Path) -> None:
    report = _reference()
    path = tmp_path / "edited.docx"
    ids = _edit_in_word(report, path)
    warnings: list[Problem] = []
    read = cstd_docs.read_docx(path, warnings=warnings)
    _check_edits(report, read, ids, warnings)


def test_edits_made_in_markdown_come_back() -> None:
    report = _reference()
    original = paragraphs(report)
    lines = cstd_docs.render_markdown(report).split("\n")

    def index(number: int) -> int:
        return next(i for i, line in enumerate(lines) if line.startswith(f"{number}\\. "))

    lines[index(3)] = lines[index(3)].replace("attended", "joined")
    lines[index(4)] += " See *Technology and Innovation Report*."
    lines[index(7)] += "[^new1][^new2]"
    lines.insert(len(lines) - 2, "[^new1]: A note added by an editor.")
    lines.insert(len(lines) - 2, "")
    lines.insert(len(lines) - 2, "[^new2]: Representative of Thailand.")
    lines.insert(len(lines) - 2, "")
    nine = index(9)
    start = lines[nine].index("[^")
    mark = lines[nine][start : lines[nine].index("]", start) + 1]
    lines[nine] = lines[nine].replace(mark, "", 1)
    lines = [line for line in lines if not line.startswith(mark + ":")]
    five = index(5)
    lines[five + 1 : five + 1] = ["", "6\\. A paragraph inserted by an editor in Word."]
    one = index(1)
    last_sub = one + 2
    while lines[last_sub + 2].startswith("\\("):
        last_sub += 2
    lines[last_sub + 1 : last_sub + 1] = ["", "\\(c) A subparagraph added by an editor."]
    ten = index(10)
    for mark in re.findall(r"\[\^[^\]]+\]", lines[ten]):
        lines = [line for line in lines if not line.startswith(mark + ":")]
    del lines[ten : ten + 2]
    two = index(2)
    moved = lines[two : two + 2]
    del lines[two : two + 2]
    four = index(4)
    lines[four + 2 : four + 2] = moved
    warnings: list[Problem] = []
    read = cstd_docs.read_markdown("\n".join(lines), warnings=warnings)
    ids = {"p1": original[0].id, "p2": original[1].id, "p3": original[2].id, "p4": original[3].id,
           "p7": original[6].id, "p9": original[8].id, "p10": original[9].id}
    _check_edits(report, read, ids, warnings)


def test_suggestions_keep_their_ids() -> None:
    report = _reference()
    read = cstd_docs.read_markdown(cstd_docs.render_markdown(report).replace("Member States may", "Member States may"))
    assert [p.id for p in paragraphs(read) if isinstance(p, Suggestion)] == [
        p.id for p in paragraphs(report) if isinstance(p, Suggestion)]


def test_a_draft_without_a_title_is_told_where_the_title_goes_in_its_format() -> None:
    warnings: list[Problem] = []
    cstd_docs.read_markdown("Some text.\n\nMore text.\n", warnings=warnings)
    (title,) = [w for w in warnings if w.message == "no title found"]
    assert title.hint is not None and "'# '" in title.hint  # a Markdown draft has no HMG style
