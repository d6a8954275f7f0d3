"""Our own drafts after other programs copied them, read back from what they show: pandoc's docx→docx
copy (every style replaced by its own: the headings are plain "Body Text") and LibreOffice's .odt
round trip (the masthead floated into a text box, the source report dropped). Each prints the same
document again, with nothing made up: the date is the draft's, not today's."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from tests.conftest import REFERENCE_EXAMPLE, require_tool
from tests.readers.helpers import has_source

import cstd_docs
from cstd_docs.readers import Imported, import_file

pytestmark = pytest.mark.interop


def _printed(report: cstd_docs.Report) -> str:
    return cstd_docs.render_markdown(report, embed_source=False)


def _pandoc_copy(source: Path, folder: Path) -> Path:
    out = folder / "pandoc.docx"
    subprocess.run([require_tool("pandoc"), "-f", "docx", "-t", "docx", str(source), "-o", str(out)],
                   check=True, capture_output=True, timeout=300)
    return out


def _odt_round_trip(source: Path, folder: Path) -> Path:
    soffice = require_tool("soffice")
    env = {**os.environ, "HOME": str(folder)}
    profile = f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}"
    odt_dir, back_dir = folder / "odt", folder / "back"
    for target, fmt, given in ((odt_dir, "odt", source), (back_dir, "docx:MS Word 2007 XML", odt_dir / "draft.odt")):
        subprocess.run([soffice, profile, "--headless", "--convert-to", fmt, "--outdir", str(target), str(given)],
                       capture_output=True, timeout=300, env=env, check=False)
    back = back_dir / "draft.docx"
    assert back.exists(), "LibreOffice did not write the .docx back"
    return back


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> tuple[cstd_docs.Report, Path]:
    folder = tmp_path_factory.mktemp("copies")
    report = cstd_docs.load(REFERENCE_EXAMPLE)
    path = folder / "draft.docx"
    cstd_docs.render_docx(report, path)
    return report, path


@pytest.mark.parametrize("copy", [_pandoc_copy, _odt_round_trip], ids=["pandoc docx→docx", "LibreOffice .odt"])
def test_a_copy_by_another_program_reads_back_as_the_same_printed_document(
        draft: tuple[cstd_docs.Report, Path], copy: object, tmp_path: Path) -> None:
    report, path = draft
    copied = copy(path, tmp_path)  # type: ignore[operator]
    assert not has_source(copied.read_bytes())  # read from what it shows alone
    imported: Imported = import_file(copied)
    assert imported.warnings == ()
    again = imported.report
    assert again.masthead.date == report.masthead.date  # the draft's date, never today's
    assert [c.title for c in again.chapters] == [c.title for c in report.chapters]
    findings = [type(s).__name__ for c in again.chapters for s in c.sections]
    assert findings == [type(s).__name__ for c in report.chapters for s in c.sections]  # "Main findings" too
    assert _printed(again) == _printed(report)
    assert imported.coverage is not None and imported.coverage.complete


UNECE_EXAMPLE = REFERENCE_EXAMPLE.parent / "unece-gtr15-excerpt.json"


def test_decimal_clauses_open_cleanly_in_other_programs_and_come_back(tmp_path: Path) -> None:
    """The decimal numbering, arabic annexes, a list led in by text and a parent body over three lines,
    once through both validators, LibreOffice and pandoc (issue 15's constructs)."""
    import json
    import re
    import sys

    from tests.conftest import SHARED, require_file
    from tests.readers.helpers import libreoffice_resave

    report = cstd_docs.load(UNECE_EXAMPLE)
    path = tmp_path / "unece.docx"
    cstd_docs.render_docx(report, path)
    result = subprocess.run([require_tool("ooxml-validator"), str(path)], capture_output=True, text=True, timeout=300,
                            check=False)
    assert json.loads(result.stdout)["errors"] == []
    script = require_file(SHARED / "ooxml" / "validate.py", "the shared OOXML validator")
    result = subprocess.run([sys.executable, str(script), str(path)], capture_output=True, text=True, timeout=300,
                            check=False)
    assert re.search(r"\b0 errors\b", result.stdout), result.stdout + result.stderr
    plain = subprocess.run([require_tool("pandoc"), str(path), "-t", "plain", "--wrap=none"], capture_output=True,
                           text=True, check=True, timeout=300).stdout
    for shown in ("Annex 1", "Annex 2", "2.3.1.1. Class 3a vehicles", "1.6. This annex shall not apply",
                  "(c) nidle, idling speed", "Inland Transport Committee"):
        assert shown in " ".join(plain.split()), shown
    assert cstd_docs.read_docx(libreoffice_resave(path, tmp_path)) == report
