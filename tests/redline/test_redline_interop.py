"""Independent programs accept and reject every revision of a redline, and validate it.

LibreOffice (through its own Python bridge, Debian's python3-uno: tests/redline/libreoffice_text.py)
loads each redline, runs Edit > Track Changes > Accept All (or Reject All), and reports the
text it then holds, paragraph by paragraph and note by note; it reads the plain renderings of
the two versions the same way. pandoc reads the redline with --track-changes=accept|reject.
Both validators check each redline. Everything slow runs once, in the module's fixture.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from tests.conftest import SHARED, require_file, require_tool
from tests.docx.reports import build_report
from tests.redline.edits import revised

import cstd_docs
from cstd_docs.model import Note, Paragraph, Report
from cstd_docs.redlines import redline
from cstd_docs.writers.docx import render_docx

pytestmark = pytest.mark.interop

HERE = Path(__file__).resolve().parent
VALIDATE_PY = SHARED / "ooxml" / "validate.py"
#: Pythons that may have LibreOffice's ``uno`` module: Debian's, and LibreOffice's own.
UNO_PYTHONS = ("/usr/bin/python3", "/usr/lib/libreoffice/program/python", "/opt/libreoffice/program/python")


def uno_python() -> str:
    """A Python that can drive LibreOffice, or skip (fail under CSTD_REQUIRE_INTEROP=1)."""
    require_tool("soffice")
    for candidate in UNO_PYTHONS:
        if Path(candidate).exists() and subprocess.run([candidate, "-c", "import uno"], capture_output=True,
                                                       check=False, env=_plain_env()).returncode == 0:
            return candidate
    message = "no Python with LibreOffice's uno module (Debian: apt-get install python3-uno)"
    if os.environ.get("CSTD_REQUIRE_INTEROP") == "1":
        pytest.fail(f"{message}, and CSTD_REQUIRE_INTEROP=1 requires it")
    pytest.skip(message)


def _plain_env() -> dict[str, str]:
    # The system Python must not see this project's PYTHONPATH or virtual environment.
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}


def _reference_edited(report: Report) -> Report:
    """The reference example with an editor's changes: words, a paragraph added and one removed, chapters swapped."""
    chapters = list(report.chapters)
    content = list(chapters[3].content)
    edited = content[2]
    assert isinstance(edited, Paragraph)
    content[2] = attrs.evolve(edited, text=[t.replace(" the ", " a ", 1) if isinstance(t, str) else t
                                            for t in edited.text])
    content.insert(1, Paragraph(["A paragraph inserted by an editor.", Note("A new note.")]))
    del content[4]
    chapters[3] = attrs.evolve(chapters[3], content=content)
    chapters[1], chapters[2] = chapters[2], chapters[1]
    return attrs.evolve(report, chapters=chapters)


SCENARIOS = ["reference", "synthetic", "asterisks", "arabic", "new_york", "contents"]
#: LibreOffice 7.4 loading any Arabic report through the bridge (hidden) does not come back
#: (the plain rendering too, so not the revisions); Arabic is read by pandoc and the validators.
OFFICE_SCENARIOS = ["reference", "synthetic", "asterisks", "new_york", "contents"]
#: pandoc (3.1) applies no revision of a table row: a contents page replaced whole (its entries changed)
#: stays in its output as an empty table; LibreOffice accepts and rejects it (docs/redline.md).
PANDOC_SCENARIOS = [name for name in SCENARIOS if name != "contents"]
NEW_YORK_EXAMPLE = Path(__file__).resolve().parent.parent.parent / "examples" / "e-2025-24-official-records.json"


def _new_york_edited(report: Report) -> Report:
    """The New York example (Official Records front matter, contents) with words edited, a note added and
    another ISSN: its contents page is the same."""
    chapter = report.chapters[1]
    (first,) = chapter.content
    assert isinstance(first, Paragraph)
    edited = attrs.evolve(first, text=[first.text[0].replace("took note of all", "took note of each"),
                                       Note("A note added by an editor.")])
    records = attrs.evolve(report.official_records, issn="0251-9941")
    return attrs.evolve(report, official_records=records,
                        chapters=(report.chapters[0], attrs.evolve(chapter, content=(edited,)), *report.chapters[2:]))


def _contents_changed(report: Report) -> Report:
    """The New York example with a chapter inserted: its contents page changes."""
    from cstd_docs.model import Chapter

    added = Chapter("Statement by the Chair", [Paragraph("The Chair made a statement.")])
    return attrs.evolve(report, chapters=(report.chapters[0], added, *report.chapters[1:]))


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory, reference_report: Report) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("redline")
    synthetic = build_report()
    arabic = attrs.evolve(build_report(), language="ar")
    new_york = cstd_docs.load(NEW_YORK_EXAMPLE)
    versions = {
        "reference": (reference_report, _reference_edited(reference_report)),
        "synthetic": (synthetic, revised(synthetic)),
        "asterisks": (build_report(asterisks=True), revised(build_report(asterisks=True))),
        "arabic": (arabic, revised(arabic)),
        "new_york": (new_york, _new_york_edited(new_york)),
        "contents": (new_york, _contents_changed(new_york)),
    }
    files: dict[str, dict[str, Path]] = {}
    for name, (old, new) in versions.items():
        paths = {kind: folder / f"{name}-{kind}.docx" for kind in ("old", "new", "redline")}
        render_docx(old, paths["old"])
        render_docx(new, paths["new"])
        redline(old, new, paths["redline"], author="Tester")
        files[name] = paths
    return {"files": files, "folder": folder}


def _office_run(python: str, out: Path, arguments: list[str], timeout: int = 300) -> None:
    """Run libreoffice_text.py in a session of its own, so that a hung office is ended with it."""
    process = subprocess.Popen([python, str(HERE / "libreoffice_text.py"), str(out), *arguments], env=_plain_env(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"LibreOffice did not finish within {timeout} s")
    assert process.returncode == 0, err.decode(errors="replace")


@pytest.fixture(scope="module")
def office(results: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """LibreOffice's text of each redline accepted and rejected, and of each version as rendered."""
    python = uno_python()
    jobs: list[tuple[str, str, Path]] = []
    for name in OFFICE_SCENARIOS:
        paths = results["files"][name]
        jobs += [(name, "accept", paths["redline"]), (name, "reject", paths["redline"]),
                 (name, "new", paths["new"]), (name, "old", paths["old"])]
    out = results["folder"] / "libreoffice.json"
    arguments = [item for _, mode, path in jobs for item in ("as-is" if mode in ("new", "old") else mode, str(path))]
    _office_run(python, out, arguments)
    texts = json.loads(out.read_text(encoding="utf-8"))
    assert len(texts) == len(jobs)
    by: dict[str, dict[str, Any]] = {}
    for (name, mode, _), text in zip(jobs, texts, strict=True):
        by.setdefault(name, {})[mode] = text
    return by


@pytest.mark.parametrize("name", OFFICE_SCENARIOS)
def test_libreoffice_accept_all_gives_the_new_version(office: dict[str, dict[str, Any]], name: str) -> None:
    accepted, new = office[name]["accept"], office[name]["new"]
    assert len(new["body"]) > 50 and new["notes"]
    assert accepted == new


@pytest.mark.parametrize("name", OFFICE_SCENARIOS)
def test_libreoffice_reject_all_gives_the_old_version(office: dict[str, dict[str, Any]], name: str) -> None:
    rejected, old = office[name]["reject"], office[name]["old"]
    assert len(old["body"]) > 50 and old["notes"]
    assert rejected == old


def test_the_redline_differs_from_both_as_it_stands(results: dict[str, Any]) -> None:
    # Not a copy of either version: as loaded, with every revision shown, it holds both texts.
    python = uno_python()
    out = results["folder"] / "as-is.json"
    paths = results["files"]["synthetic"]
    _office_run(python, out, ["as-is", str(paths["redline"])])
    (shown,) = json.loads(out.read_text(encoding="utf-8"))
    text = "\n".join(shown["body"])
    assert "A paragraph added by the editor." in text and "Paragraph text number 2 with" in text


def _pandoc(path: Path, *options: str) -> str:
    tool = require_tool("pandoc")
    return subprocess.run([tool, str(path), "-t", "plain", "--wrap=none", *options], capture_output=True, text=True,
                          check=True, timeout=120).stdout


@pytest.mark.parametrize("name", PANDOC_SCENARIOS)
def test_pandoc_accepts_and_rejects_to_the_two_versions(results: dict[str, Any], name: str) -> None:
    paths = results["files"][name]
    assert _pandoc(paths["redline"], "--track-changes=accept") == _pandoc(paths["new"])
    assert _pandoc(paths["redline"], "--track-changes=reject") == _pandoc(paths["old"])


@pytest.mark.parametrize("name", SCENARIOS)
def test_open_xml_sdk_validator_finds_no_errors(results: dict[str, Any], name: str) -> None:
    tool = require_tool("ooxml-validator")
    result = subprocess.run([tool, str(results["files"][name]["redline"])], capture_output=True, text=True,
                            timeout=300, check=False)
    report = json.loads(result.stdout)
    assert report["errors"] == []
    assert report["ok"] is True


@pytest.mark.parametrize("name", SCENARIOS)
def test_shared_schema_validator_finds_no_errors(results: dict[str, Any], name: str) -> None:
    script = require_file(VALIDATE_PY, "the shared OOXML validator (../shared/ooxml/validate.py)")
    result = subprocess.run([sys.executable, str(script), str(results["files"][name]["redline"])],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b0 errors\b", result.stdout)
