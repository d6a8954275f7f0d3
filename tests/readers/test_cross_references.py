"""Cross-references survive editing in Word: a REF field to a bookmark on the target's number.

Before, an edited paragraph was rebuilt from its visible text and its cross-references
came back as the numbers they printed, so the next insertion left them pointing at the
wrong paragraph. The files read back here are edited with python-docx (and, in one test,
re-saved by LibreOffice), never by our writer.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from lxml import etree
from tests.ooxml import w
from tests.readers.helpers import libreoffice_resave, our_docx

import cstd_docs
from cstd_docs.crossrefs import bookmark_name
from cstd_docs.errors import Problem
from cstd_docs.model import CrossRef, Emphasis, Note, Paragraph, Report


def _report() -> Report:
    """Four paragraphs and a chapter; paragraph 3 refers back to 1, to (b) of 1, to chapter II
    and (in a note) forward to 4."""
    data = {
        "masthead": {"date": "2022-02-01", "symbol": "E/CN.16/2022/2"},
        "body": "Commission on Science and Technology for Development",
        "session": {"number": 25, "place": "Geneva", "start": "2022-03-28", "end": "2022-04-01"},
        "title": "Report",
        "chapters": [
            {"id": "opening", "title": "Opening", "content": [
                {"id": "first", "text": "The first paragraph sets out the themes:", "subparagraphs": [
                    {"id": "first-a", "text": "Industry;"}, {"id": "first-b", "text": "Cities."}]},
                {"id": "second", "text": "The second paragraph."},
                {"id": "third", "text": [
                    "As paragraph ", {"ref": "first"}, " said, and ", {"ref": "first-b"},
                    " of it, chapter ", {"ref": "later"}, " returns to this",
                    {"note": ["See paragraph ", {"ref": "fourth"}, "."]}, "."]},
            ]},
            {"id": "later", "title": "Later", "content": [{"id": "fourth", "text": "The fourth paragraph."}]},
        ],
    }
    return cstd_docs.loads(json.dumps(data))


def _refs(value: Any) -> list[str]:
    found: list[str] = []

    def walk(obj: Any) -> None:
        if isinstance(obj, CrossRef):
            found.append(obj.target)
        elif isinstance(obj, tuple):
            for item in obj:
                walk(item)
        elif attrs.has(type(obj)):
            for field in attrs.fields(type(obj)):
                walk(getattr(obj, field.name))

    walk(value)
    return found


def _paragraph_ids(report: Report) -> dict[str, Paragraph]:
    return {p.id: p for chapter in report.chapters for p in chapter.content if isinstance(p, Paragraph) and p.id}


def _document(report: Report) -> Any:
    import cstd_docs.writers.docx  # noqa: F401  (registers the footnotes part class)
    import docx

    return docx.Document(io.BytesIO(our_docx(report)))


def _starting(document: Any, text: str) -> Any:
    for p in document.paragraphs:
        if p.text.startswith(text):
            return p
    raise AssertionError(f"no paragraph starts with {text!r}")


def _edit_third(document: Any) -> None:
    """Retype the first words of paragraph 3, as a user would, leaving its fields alone."""
    third = _starting(document, "3.\t")
    first_text = next(r for r in third.runs if r.text.startswith("As paragraph"))
    first_text.text = "As we saw in paragraph "


def _read(document: Any) -> tuple[Report, list[Problem]]:
    out = io.BytesIO()
    document.save(out)
    warnings: list[Problem] = []
    return cstd_docs.read_docx(out.getvalue(), warnings=warnings), warnings


def _text(run: Any) -> str:
    # Not itertext(): python-docx's element classes make lxml's itertext repeat w:t's text.
    return "".join(t.text or "" for t in run.iter(w("t")))


def test_the_writer_bookmarks_the_label_and_refers_to_it_with_a_field() -> None:
    document = _document(_report())
    body = document.element.body
    starts = {b.get(w("name")): b for b in body.iter(w("bookmarkStart"))}
    assert set(starts) == {bookmark_name(i) for i in ("first", "first-b", "later", "fourth")}
    # The bookmark holds the label alone ("1", not "1." and the tab), so an updated field prints "1".
    first = starts[bookmark_name("first")]
    assert _text(first.getnext()) == "1"
    assert first.getnext().getnext().tag == w("bookmarkEnd")
    assert _text(starts[bookmark_name("later")].getnext()) == "II"
    assert _text(starts[bookmark_name("first-b")].getnext()) == "(b)"
    instructions = [t.text.split() for t in document.element.iter(w("instrText"))]
    assert ["REF", bookmark_name("first"), "\\h"] in instructions
    # The visible text is unchanged: what a reader of the draft sees.
    assert _starting(document, "3.\t").text == "3.\tAs paragraph 1 said, and (b) of it, chapter II returns to this."


def test_an_unedited_draft_reads_back_exactly() -> None:
    report = _report()
    read, warnings = _read(_document(report))
    assert read == report
    assert warnings == []


def test_an_edited_paragraph_keeps_its_cross_references() -> None:
    report = _report()
    document = _document(report)
    _edit_third(document)
    read, warnings = _read(document)

    third = _paragraph_ids(read)["third"]
    assert third.text[0] == "As we saw in paragraph "  # the edit was read, not the base's text
    assert third.text[1] == CrossRef("first")
    assert _refs(third) == ["first", "first-b", "later", "fourth"]
    note = next(item for item in third.text if isinstance(item, Note))
    assert note.text == ("See paragraph ", CrossRef("fourth"), ".")
    assert warnings == []


def test_inserting_a_paragraph_after_the_edit_renumbers_the_reference() -> None:
    report = _report()
    document = _document(report)
    _edit_third(document)
    read, _ = _read(document)
    # A new paragraph before paragraph 1: the reference must now print 2, in every output.
    chapter = read.chapters[0]
    new = Paragraph(("A new opening paragraph.",), id="new")
    moved = attrs.evolve(read, chapters=(attrs.evolve(chapter, content=(new, *chapter.content)), *read.chapters[1:]))
    text = cstd_docs.render_markdown(moved, embed_source=False)
    assert "4\\. As we saw in paragraph [2](#first) said, and [(b)](#first-b) of it, chapter [II](#later)" in text
    assert "See paragraph [5](#fourth)." in text


def test_a_reference_to_a_deleted_paragraph_prints_its_number_and_warns() -> None:
    report = _report()
    document = _document(report)
    _edit_third(document)
    fourth = _starting(document, "4.\t")._p
    fourth.getparent().remove(fourth)
    read, warnings = _read(document)
    note = next(item for item in _paragraph_ids(read)["third"].text if isinstance(item, Note))
    assert note.text == ("See paragraph 4.",)
    assert any("'fourth'" in w.message and "deleted" in w.message for w in warnings)


def test_a_field_of_the_users_own_reads_as_its_text() -> None:
    report = _report()
    document = _document(report)
    _edit_third(document)
    # The user's own cross-reference (Word's "_Ref…" bookmarks) in paragraph 2: plain text.
    second = _starting(document, "2.\t")._p
    last = second[-1]
    for kind, text in (("begin", None), ("instr", " REF _Ref123456789 \\h "), ("separate", None),
                       ("text", "7"), ("end", None)):
        r = etree.SubElement(second, w("r"))
        if kind == "instr":
            etree.SubElement(r, w("instrText")).text = text
        elif kind == "text":
            etree.SubElement(r, w("t")).text = text
        else:
            etree.SubElement(r, w("fldChar")).set(w("fldCharType"), kind)
    assert last is not second[-1]
    read, _ = _read(document)
    assert _paragraph_ids(read)["second"].text == ("The second paragraph.7",)


def test_an_italic_cross_reference_stays_one(tmp_path: Path) -> None:
    # Emphasis around a reference in the source: the field's result runs are italic.
    report = _report()
    paragraphs = list(report.chapters[0].content)
    paragraphs[1] = attrs.evolve(paragraphs[1], text=("See ", Emphasis("paragraph"), " ", CrossRef("third"), "."))
    report = attrs.evolve(report, chapters=(attrs.evolve(report.chapters[0], content=tuple(paragraphs)),
                                            *report.chapters[1:]))
    document = _document(report)
    second = _starting(document, "2.\t")
    next(r for r in second.runs if r.text == "See ").text = "Compare "
    read, _ = _read(document)
    assert _paragraph_ids(read)["second"].text == ("Compare ", Emphasis("paragraph"), " ", CrossRef("third"), ".")


@pytest.mark.interop
def test_cross_references_survive_a_libreoffice_resave(tmp_path: Path) -> None:
    report = _report()
    document = _document(report)
    _edit_third(document)
    path = tmp_path / "edited.docx"
    document.save(str(path))
    resaved = libreoffice_resave(path, tmp_path)
    warnings: list[Problem] = []
    read = cstd_docs.read_docx(resaved.read_bytes(), warnings=warnings)
    third = _paragraph_ids(read)["third"]
    assert third.text[0] == "As we saw in paragraph "
    assert _refs(third) == ["first", "first-b", "later", "fourth"]
    # and nothing else of the report changed
    assert _paragraph_ids(read)["second"] == _paragraph_ids(report)["second"]
    assert copy.copy(read.chapters[1]) == report.chapters[1]


@pytest.mark.interop
def test_libreoffice_and_pandoc_print_the_references(tmp_path: Path) -> None:
    import subprocess

    from tests.conftest import require_tool

    from cstd_docs.writers.docx import render_docx
    from cstd_docs.writers.pdf import render_pdf

    require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    pandoc = require_tool("pandoc")
    report = _report()
    docx_path, pdf_path = tmp_path / "refs.docx", tmp_path / "refs.pdf"
    render_docx(report, docx_path)
    render_pdf(report, pdf_path)
    expected = "As paragraph 1 said, and (b) of it, chapter II returns to this"
    shown = subprocess.run([pdftotext, str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    assert expected in " ".join(shown.split())
    assert "See paragraph 4." in " ".join(shown.split())
    plain = subprocess.run([pandoc, str(docx_path), "-t", "plain", "--wrap=none"], capture_output=True, text=True,
                           check=True).stdout
    assert expected in plain


# --- Markdown: a link to the target's anchor ------------------------------------------------------
def test_markdown_links_each_reference_to_an_anchor_on_its_target() -> None:
    text = cstd_docs.render_markdown(_report(), embed_source=False)
    assert '<a id="first"></a>1\\. The first paragraph' in text
    assert '<a id="first-b"></a>\\(b) Cities.' in text
    assert "## <a id=\"later\"></a>II. Later" in text
    assert "3\\. As paragraph [1](#first) said, and [(b)](#first-b) of it, chapter [II](#later) returns" in text
    assert "See paragraph [4](#fourth)." in text


def test_an_edited_markdown_paragraph_keeps_its_cross_references() -> None:
    report = _report()
    text = cstd_docs.render_markdown(report)
    edited = text.replace("3\\. As paragraph [1](#first) said", "3\\. As we saw in paragraph [1](#first) said")
    assert edited != text
    warnings: list[Problem] = []
    read = cstd_docs.read_markdown(edited, warnings=warnings)
    third = _paragraph_ids(read)["third"]
    assert third.text[:2] == ("As we saw in paragraph ", CrossRef("first"))
    assert _refs(third) == ["first", "first-b", "later", "fourth"]
    assert warnings == []
    assert cstd_docs.read_markdown(text) == report  # and unedited, exactly


@pytest.mark.interop
def test_pandoc_reads_the_markdown_references_as_their_numbers(tmp_path: Path) -> None:
    import subprocess

    from tests.conftest import require_tool

    pandoc = require_tool("pandoc")
    source = tmp_path / "refs.md"
    source.write_text(cstd_docs.render_markdown(_report()), encoding="utf-8")
    plain = subprocess.run([pandoc, str(source), "-t", "plain", "--wrap=none"], capture_output=True, text=True,
                           check=True).stdout
    assert "3. As paragraph 1 said, and (b) of it, chapter II returns to this" in plain
    assert "<a" not in plain


def test_markdown_without_its_source_keeps_references_and_their_targets_ids() -> None:
    # No embedded source: the anchors give the named blocks their ids, the links point at them.
    report = _report()
    read = cstd_docs.read_markdown(cstd_docs.render_markdown(report, embed_source=False))
    ids = _paragraph_ids(read)
    assert {"first", "fourth"} <= set(ids)
    assert _refs(read) == ["first", "first-b", "later", "fourth"]
    assert read.chapters[1].id == "later"
    assert cstd_docs.render_markdown(read, embed_source=False) == cstd_docs.render_markdown(report, embed_source=False)


# --- found in review ---------------------------------------------------------------------------------
def _loads(chapters: list[dict[str, Any]]) -> Report:
    data = {
        "masthead": {"date": "2022-02-01", "symbol": "E/CN.16/2022/2"},
        "body": "Commission on Science and Technology for Development",
        "session": {"number": 25, "place": "Geneva", "start": "2022-03-28", "end": "2022-04-01"},
        "title": "Report",
        "chapters": chapters,
    }
    return cstd_docs.loads(json.dumps(data))


def test_a_reference_to_findings_survives_markdown_without_its_source() -> None:
    report = _loads([{"id": "c", "title": "T", "content": [{"id": "p1", "text": ["See section ", {"ref": "fnd"}]}],
                      "sections": [{"id": "fnd", "theme": "Cities",
                                    "main_findings": [{"id": "f1", "text": "A finding."}]}]}])
    warnings: list[Problem] = []
    read = cstd_docs.read_markdown(cstd_docs.render_markdown(report, embed_source=False), warnings=warnings)
    assert read.chapters[0].sections[0].id == "fnd"
    assert _refs(read) == ["fnd"]
    assert warnings == []


def test_a_new_paragraph_cannot_take_the_id_of_an_anchored_one() -> None:
    # New ids are made from the first words: the inserted paragraph would be "p-the-commission-took-note".
    report = _loads([{"id": "c", "title": "T", "content": [
        {"id": "p-the-commission-took-note", "text": "The Commission took note of the report."},
        {"id": "p2", "text": ["As in paragraph ", {"ref": "p-the-commission-took-note"}, "."]}]}])
    text = cstd_docs.render_markdown(report, embed_source=False)
    edited = text.replace('<a id="p-the-commission-took-note"></a>1\\.',
                          '1\\. The Commission took note of the statement.\n\n<a id="p-the-commission-took-note"></a>1\\.')
    assert edited != text
    read = cstd_docs.read_markdown(edited)
    ids = [p.id for p in read.chapters[0].content if isinstance(p, Paragraph)]
    assert ids[1] == "p-the-commission-took-note" and ids[0] != ids[1]
    rendered = cstd_docs.render_markdown(read, embed_source=False)
    assert "As in paragraph [2](#p-the-commission-took-note)." in rendered


def test_a_course_of_action_may_refer_to_the_paragraph_before_the_findings() -> None:
    report = _loads([{"id": "c", "title": "T", "content": [{"id": "p1", "text": "Before."}],
                      "sections": [{"id": "fnd", "theme": "Cities", "suggestions": [
                          {"id": "s1", "addressee": "Member States",
                           "courses": [{"text": ["Act on paragraph ", {"ref": "p1"}, "."]}]}]}]}])
    read = cstd_docs.read_markdown(cstd_docs.render_markdown(report, embed_source=False))
    assert cstd_docs.model.check.check(read) == []


def test_a_reference_to_unnumbered_text_is_refused_with_a_clear_error() -> None:
    with pytest.raises(cstd_docs.ReportError) as raised:
        _loads([{"id": "c", "title": "T", "content": [
            {"id": "u1", "unnumbered": "An unnumbered lead-in."},
            {"id": "p1", "text": ["See ", {"ref": "u1"}, "."]}]}])
    assert "unnumbered text, which has no number" in str(raised.value)
