"""``cstd-docs diff`` and ``cstd-docs import``; the paragraph diff by id and number."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import REFERENCE_EXAMPLE, require_file
from tests.readers.helpers import our_docx

import cstd_docs
from cstd_docs.changes import diff_reports, format_changes, word_diff
from cstd_docs.cli import main
from cstd_docs.model import Chapter, Masthead, Paragraph, Report, Session


def _report(*paragraphs: Paragraph) -> Report:
    import datetime

    day = datetime.date(2022, 2, 1)
    return Report(masthead=Masthead(date=day), body="Commission", session=Session(25, "Geneva", day, day),
                  title="Report", chapters=[Chapter("Introduction", content=paragraphs)])


def test_word_diff_marks_deletions_and_insertions() -> None:
    assert word_diff("The panel was attended by many.", "The panel was joined by many.") == (
        "The panel was [-attended-]{+joined+} by many.")


def test_added_removed_moved_and_edited_by_id_and_number() -> None:
    old = _report(Paragraph("Alpha one.", id="a"), Paragraph("Beta two.", id="b"), Paragraph("Gamma three.", id="c"),
                  Paragraph("Delta four.", id="d"))
    new = _report(Paragraph("Beta two.", id="b"), Paragraph("Alpha one.", id="a"), Paragraph("Gamma 3.", id="c"),
                  Paragraph("Epsilon five.", id="e"))
    changes = diff_reports(old, new)
    fixed = {(c.kind, c.id, c.old_number, c.new_number) for c in changes if c.kind != "moved"}
    assert fixed == {("removed", "d", "4", None), ("added", "e", None, "4"), ("edited", "c", "3", "3")}
    moved = [(c.id, c.old_number, c.new_number) for c in changes if c.kind == "moved"]
    assert moved in ([("b", "2", "1")], [("a", "1", "2")])
    text = format_changes(changes)
    assert "edited ¶3 (c): Gamma [-three.-]{+3.+}" in text
    assert "removed ¶4 (d): Delta four." in text
    assert "added ¶4 (e): Epsilon five." in text


def test_renumbering_alone_is_not_a_change() -> None:
    old = _report(Paragraph("Alpha one.", id="a"), Paragraph("Beta two.", id="b"))
    new = _report(Paragraph("New first.", id="n"), Paragraph("Alpha one.", id="a"), Paragraph("Beta two.", id="b"))
    assert [(c.kind, c.id) for c in diff_reports(old, new)] == [("added", "n")]


def test_cli_import_writes_json_and_shows_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    require_file(REFERENCE_EXAMPLE, "the reference example")
    report = cstd_docs.load(REFERENCE_EXAMPLE)
    docx = tmp_path / "draft.docx"
    docx.write_bytes(our_docx(report))
    out = tmp_path / "back.json"
    assert main(["import", str(docx), "-o", str(out)]) == 0
    assert cstd_docs.load(out) == report
    md = tmp_path / "draft.md"
    md.write_text(cstd_docs.render_markdown(report).replace("\n# Report", "\nA stray line.\n\n# Report"))
    assert main(["import", str(md), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "warning" in err and "A stray line." in err


def test_cli_import_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a document")
    assert main(["import", str(bad), "-o", str(tmp_path / "x.json")]) == 1
    assert "not a Word document" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "a.txt"), "-o", str(tmp_path / "x.json")]) == 2
    assert main(["import", str(bad), "-o", str(tmp_path / "x.md")]) == 2


def test_cli_diff_between_json_and_an_edited_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    require_file(REFERENCE_EXAMPLE, "the reference example")
    report = cstd_docs.load(REFERENCE_EXAMPLE)
    docx = tmp_path / "draft.docx"
    docx.write_bytes(our_docx(report))
    assert main(["diff", str(REFERENCE_EXAMPLE), str(docx)]) == 0
    assert capsys.readouterr().out == "no paragraph changed\n"
    md = tmp_path / "draft.md"
    md.write_text(cstd_docs.render_markdown(report).replace("was attended by", "was joined by"))
    assert main(["diff", str(REFERENCE_EXAMPLE), str(md)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("edited ¶3 (attendance-and-documentation): ")
    assert "[-attended-]{+joined+}" in out
