"""Untrusted files: not a zip, zip bombs, too many parts, XML entities.

What happens is checked here; how long it takes is measured by benchmarks/hostile.py
(``python benchmarks/run.py --only hostile``; docs/performance.md).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import REPO
from tests.ooxml import CONTENT_TYPES, PACKAGE_RELS, W, document_xml, zip_package

import cstd_docs
from cstd_docs.errors import Problem, ReportError
from cstd_docs.model import Block, Report
from cstd_docs.readers import package as bounds


def _message(error: pytest.ExceptionInfo[ReportError]) -> str:
    return str(error.value)


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_text("This is a plain text file, renamed.")
    with pytest.raises(ReportError) as error:
        cstd_docs.read_docx(path)
    assert "not a Word document" in _message(error)


def test_a_zip_that_is_not_a_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(zip_package({"hello.txt": b"hi"}))
    with pytest.raises(ReportError) as error:
        cstd_docs.read_docx(path)
    assert "not a Word document" in _message(error)


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="does not exist"):
        cstd_docs.read_docx(tmp_path / "nothing.docx")


@pytest.mark.parametrize("megabytes", [20, 300])  # too compressed; more than a package may hold in all
def test_a_zip_bomb_is_refused_before_anything_is_decompressed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, megabytes: int) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_package({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS,
                           "word/document.xml": b"<a>" + b" " * (megabytes * 1024 * 1024) + b"</a>"}))
    assert path.stat().st_size < megabytes * 1024 * 1024 / 200
    opened: list[str] = []
    original = zipfile.ZipFile.open

    def opening(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(name.filename if isinstance(name, zipfile.ZipInfo) else name)
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", opening)
    cstd_docs.read_docx(cstd_docs.docx_bytes(cstd_docs.load(REPO / "examples" / "short-en.json")), warnings=[])
    assert "word/document.xml" in opened  # the spy sees what a reading decompresses
    opened.clear()
    with pytest.raises(ReportError) as error:
        cstd_docs.read_docx(path)
    assert "zip bomb" in _message(error)
    assert opened == [], "refused from the zip's directory, before any part is decompressed"


def test_a_part_over_the_size_bound_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = zip_package({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS,
                 "word/document.xml": b"<a>" + b" " * (2 * 1024 * 1024) + b"</a>"})
    monkeypatch.setattr(bounds, "MAX_PART_BYTES", 1024 * 1024)
    with pytest.raises(ReportError, match=r"more than|zip bomb"):
        cstd_docs.read_docx(data)


def test_too_many_parts_are_refused() -> None:
    parts = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS}
    parts.update({f"word/media/p{i}.xml": b"<a/>" for i in range(bounds.MAX_PARTS + 1)})
    with pytest.raises(ReportError) as error:
        cstd_docs.read_docx(zip_package(parts))
    assert "parts" in _message(error)


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    document = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        f'<w:document xmlns:w="{W}"><w:body>'
        '<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
    ).encode()
    data = zip_package({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS, "word/document.xml": document})
    with pytest.raises(ReportError) as error:
        cstd_docs.read_docx(data)
    assert "DOCTYPE" in _message(error)
    assert "TOP-SECRET" not in _message(error)


def test_billion_laughs_is_refused() -> None:
    document = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
        + f']><w:document xmlns:w="{W}"><w:body>'
        '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    ).encode()
    data = zip_package({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS, "word/document.xml": document})
    with pytest.raises(ReportError) as error:
        cstd_docs.read_docx(data)
    # refused (by libxml2's bound on entity amplification, or at the DOCTYPE), naming the part
    assert "word/document.xml" in _message(error) and "lollol" not in _message(error)


def test_a_damaged_embedded_source_is_ignored_with_a_warning() -> None:
    from cstd_docs.embed import extract_source

    warnings: list[Problem] = []
    damaged = b'<src:source xmlns:src="urn:cstd-docs:source:1">not base64!</src:source>'
    assert extract_source(damaged, warnings=warnings, place="draft.docx:customXml/item1.xml") is None
    assert extract_source(b"<other/>", warnings=warnings) is None  # not ours: nothing to say
    assert [w.path for w in warnings] == ["draft.docx:customXml/item1.xml"]
    assert "base64" in warnings[0].message and "participant registry" in warnings[0].message


@pytest.mark.parametrize("character", ["\x00", "\x08", "\t", "\n", "\x0b", "\x0c", "\r", "\x0e", "\x1f", " ",
                                       "\x7f", "\x85", "\ud7ff", "\ud800", "\udfff", "\ue000", "\ufffd",
                                       "\ufffe", "\uffff", "\U00010000", "\U0001fffe", "\U0010ffff"])
def test_the_import_cuts_exactly_the_characters_the_model_check_refuses(character: str) -> None:
    import attrs

    from cstd_docs.model import Paragraph
    from cstd_docs.model.check import check
    from cstd_docs.readers.admit import ILLEGAL

    report = cstd_docs.load(REPO / "examples" / "short-en.json")
    chapter = report.chapters[0]
    changed = attrs.evolve(report, chapters=(attrs.evolve(chapter, content=(Paragraph(f"a{character}b"),
                                                                             *chapter.content[1:])),
                                              *report.chapters[1:]))
    refused = any("cannot be written" in p.message for p in check(changed))
    assert refused == bool(ILLEGAL.search(character))


def test_an_imported_report_that_needs_no_cut_is_returned_as_it_is() -> None:
    from cstd_docs.readers.admit import admitted

    report = cstd_docs.load(REPO / "examples" / "short-en.json")
    warnings: list[Problem] = []
    assert admitted(report, source="x", warnings=warnings) is report
    assert warnings == []


def test_a_field_instruction_in_many_pieces_is_read() -> None:
    # One-character instrText runs around a field's result: read (200,000 of them, in
    # time that grows with the draft: benchmarks/hostile.py).
    runs = b"".join([b'<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                     b"<w:r><w:instrText>x</w:instrText></w:r>" * 2_000,
                     b'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>',
                     b'<w:r><w:fldChar w:fldCharType="end"/></w:r>'])
    document = document_xml("<w:p>" + runs.decode() + "<w:r><w:t> text</w:t></w:r></w:p>")
    # Stored: deflated, it looks like a zip bomb.
    data = zip_package({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS, "word/document.xml": document},
                       compression=zipfile.ZIP_STORED)
    read = cstd_docs.read_docx(data, warnings=[])
    assert "7 text" in str(read)  # the field's result, then the text, both read


def test_markdown_with_many_brackets_is_read_as_text() -> None:
    # A cross-reference link is looked for at each "[" (unbounded, 40,000 of them took 36 s:
    # benchmarks/hostile.py measures 200,000). Each is text; so many are over the 100,000-character
    # limit of a report: refused, not written.
    read = cstd_docs.read_markdown("# T\n\n## I. C\n\n1\\. " + "[" * 2_000 + "\n", warnings=[])
    assert read.chapters[0].content[0].text == ("[" * 2_000,)  # type: ignore[union-attr]
    with pytest.raises(ReportError, match="a text of 200,000 characters; the limit is 100,000"):
        cstd_docs.read_markdown("# T\n\n## I. C\n\n1\\. " + "[" * 200_000 + "\n", warnings=[])


def _with_first_chapter(content: tuple[Block, ...]) -> Report:
    import attrs

    report = cstd_docs.load(REPO / "examples" / "short-en.json")
    return attrs.evolve(report, chapters=(attrs.evolve(report.chapters[0], content=content), *report.chapters[1:]))


def test_an_empty_emphasis_and_an_empty_paragraph_are_cut_with_warnings() -> None:
    from cstd_docs.model import Emphasis, Paragraph
    from cstd_docs.readers.admit import admitted

    report = _with_first_chapter((Paragraph(("Kept ", Emphasis(" "), "text.")), Paragraph(" "), Paragraph("Last.")))
    warnings: list[Problem] = []
    kept = admitted(report, source="draft.md", warnings=warnings)
    assert [p.text for p in kept.chapters[0].content] == [("Kept ", "text."), ("Last.",)]
    assert sorted(w.path for w in warnings) == ["draft.md:$.chapters[0].content[0].text[1]",
                                                "draft.md:$.chapters[0].content[1]"]
    assert cstd_docs.loads(cstd_docs.dumps(kept)) == kept


def test_an_empty_paragraph_that_is_referred_to_is_refused_not_cut() -> None:
    from cstd_docs.model import CrossRef, Paragraph
    from cstd_docs.readers.admit import admitted

    report = _with_first_chapter((Paragraph(" ", id="empty"), Paragraph(("See paragraph ", CrossRef("empty"), "."))))
    with pytest.raises(ReportError) as caught:
        admitted(report, source="draft.md", warnings=[])
    assert caught.value.problems[0].path == "$.chapters[0].content[0].text"
    assert "cannot be kept: text is empty" in caught.value.problems[0].message


def test_a_markdown_draft_that_is_not_utf8_or_missing_is_named_with_a_fix(tmp_path: Path) -> None:
    from cstd_docs.readers import import_file

    draft = tmp_path / "draft.md"
    draft.write_bytes(b"# Report\n\nCaf\xe9.\n")  # Latin-1
    with pytest.raises(ReportError) as caught:
        import_file(draft)
    (problem,) = caught.value.problems
    assert problem.message == "byte 0xe9 at offset 13 is not UTF-8 text"
    assert problem.hint and "UTF-8" in problem.hint
    with pytest.raises(ReportError) as caught:
        import_file(tmp_path / "missing.md")
    (problem,) = caught.value.problems
    assert problem.message == "cannot read the file: No such file or directory" and problem.hint
