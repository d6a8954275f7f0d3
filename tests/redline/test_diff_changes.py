"""``cstd-docs diff`` on the resolved document: every kind of block, notes, front page, registry, ids."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from tests.docx.reports import build_report
from tests.redline.edits import EDITS, revised

import cstd_docs
from cstd_docs.changes import Change, diff_reports, format_changes
from cstd_docs.cli import main
from cstd_docs.model import Organization, Report


@pytest.fixture(scope="module")
def versions() -> tuple[Report, Report]:
    old = build_report()
    return old, revised(old)


@pytest.fixture(scope="module")
def changes(versions: tuple[Report, Report]) -> list[Change]:
    return diff_reports(*versions)


def test_every_edit_is_found(changes: list[Change]) -> None:
    found = {(c.kind, c.what, c.id) for c in changes}
    assert found >= EDITS


def test_a_moved_paragraph_that_keeps_its_number_says_where_it_went(changes: list[Change]) -> None:
    (moved,) = [c for c in changes if c.kind == "moved" and c.id == "p6"]
    assert moved.old_number == moved.new_number == "6"
    assert moved.detail == "now after heading I.A.1, was after ¶5"
    line = format_changes([moved])
    assert line == "moved ¶6 (p6): now after heading I.A.1, was after ¶5\n"
    assert "¶6 → ¶6" not in format_changes(changes)


def test_swapped_chapters_move_one_chapter_whole(changes: list[Change]) -> None:
    headings = [(c.old_place, c.new_place) for c in changes if c.kind == "moved" and c.what == "heading"
                and c.old_place and c.old_place.count(".") == 0]
    assert headings in ([("heading III", "heading II")], [("heading II", "heading III")])
    # The text says it once; JSON keeps one change per block.
    moved = [c for c in changes if c.kind == "moved" and c.id != "p6"]
    assert len(moved) > 20 and all(c.moved_with == "heading II" for c in moved[1:])
    lines = [line for line in format_changes(changes).splitlines() if line.startswith("moved heading")]
    assert lines == [f"moved heading III → heading II, with the {len(moved) - 1} blocks after it "
                     "(to ¶69 (b) → ¶45 (b))"]


def test_renumbering_and_followed_cross_references_are_not_edits(changes: list[Change]) -> None:
    # p5 says "See paragraph 1" and p1 is now paragraph 2: the reference follows, nobody edited p5.
    assert not [c for c in changes if c.id == "p5"]
    assert not [c for c in changes if c.kind == "edited" and c.what == "paragraph" and c.id not in ("p1",)]


def test_notes_are_compared_within_their_paragraphs(changes: list[Change]) -> None:
    (edited,) = [c for c in changes if c.what == "note" and c.kind == "edited"]
    assert edited.words == "[-Free-]{+Revised free+} note attached to paragraph 1."
    assert edited.old_place == "note 4 in ¶1" and edited.new_place == "note 6 in ¶2"
    # p1's own words changed too, but its edit does not repeat the note.
    (p1,) = [c for c in changes if c.id == "p1" and c.kind == "edited"]
    assert "note" not in (p1.words or "")


def test_front_page_and_registry(versions: tuple[Report, Report]) -> None:
    old, new = versions
    registry = {**new.participants, "org": Organization("World Example Organisation", country="Kenya")}
    del registry["state"]
    new = attrs.evolve(new, participants=registry, title=("Synthetic report, revised", *new.title[1:]))
    changes = diff_reports(old, new)
    people = {(c.kind, c.id) for c in changes if c.what == "participant"}
    assert people == {("added", "newcomer"), ("edited", "org"), ("removed", "state")}
    front = {c.old_place: c.words for c in changes if c.what == "front"}
    assert front["date"] == "[-1-]{+2+} February 2030"
    assert front["title"] == "Synthetic [-report-]{+report,+} [-for layout tests[^Note-]{+revised[^Note+} on the title.]"


def test_no_change_between_equal_versions(versions: tuple[Report, Report]) -> None:
    assert diff_reports(versions[0], versions[0]) == []


def test_cli_json_for_scripts(tmp_path: Path, versions: tuple[Report, Report],
                              capsys: pytest.CaptureFixture[str]) -> None:
    paths = []
    for name, report in zip(("old", "new"), versions, strict=True):
        paths.append(tmp_path / f"{name}.json")
        cstd_docs.dump(report, paths[-1])
    assert main(["diff", str(paths[0]), str(paths[1]), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [Change(**item) for item in data] == diff_reports(*versions)
    assert main(["diff", str(paths[0]), str(paths[1])]) == 0
    assert capsys.readouterr().out == format_changes(diff_reports(*versions))


def test_diff_compares_a_resolutions_operative_paragraphs() -> None:
    """Operative paragraphs are compared within their resolution, by its own numbers (issue 12)."""
    from cstd_docs.model import Resolution

    old = cstd_docs.load(Path(__file__).parents[2] / "examples" / "e-cn5-2025-l6-draft-resolution.json")
    resolution = next(b for b in old.content if isinstance(b, Resolution))
    operative = list(resolution.operative)
    operative[1] = attrs.evolve(operative[1], text=(*operative[1].text, " Edited here."))
    operative[3], operative[4] = operative[4], operative[3]
    new = attrs.evolve(old, content=tuple(attrs.evolve(resolution, operative=tuple(operative)) if b is resolution
                                          else b for b in old.content))
    text = format_changes(diff_reports(old, new))
    assert "edited the resolution, operative paragraph 2:" in text
    assert "{+ Edited here.+}" in text
    assert "moved the resolution, operative paragraph 5 → the resolution, operative paragraph 4" in text
