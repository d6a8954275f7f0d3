"""Decimal clause numbering, arabic annex numerals, a list after unnumbered text, and first-page facts
left to fill in: through the model's checks, the resolution pass, both writers and both readers
(with the embedded source, and from the visible text alone)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import attrs
import pytest
from tests.visible_law import first_difference

import cstd_docs
from cstd_docs.cli import main
from cstd_docs.model import (
    Annex,
    AnnexNumerals,
    Chapter,
    Masthead,
    Numbering,
    Paragraph,
    Report,
    Session,
    Subparagraph,
    UnnumberedText,
)
from cstd_docs.model.check import check, incomplete
from cstd_docs.resolve import resolve
from cstd_docs.resolve.document import Heading, NumberedParagraph
from cstd_docs.writers.docx import docx_bytes

DAY = datetime.date(2019, 1, 8)


def regulation() -> Report:
    clause = Paragraph
    return Report(
        masthead=Masthead(symbol="ECE/TRANS/WP.29/GRPE/2019/2", date=DAY),
        body="Working Party on Pollution and Energy", session=Session(78, "Geneva", DAY, DAY),
        title="Proposal for amendments", numbering=Numbering.DECIMAL, annex_numerals=AnnexNumerals.ARABIC,
        content=[UnnumberedText("The text reproduced below was prepared by the working group.")],
        annexes=[
            Annex("Test cycles", [
                clause("General requirements", id="c1"), clause("Vehicle classifications", id="c2"),
                clause("Class 1 vehicles have a low ratio.", level=2, id="c21"),
                clause("Class 3 vehicles are divided into subclasses.", level=2),
                clause("Class 3a vehicles.", level=3, id="c231"),
                UnnumberedText("The following data shall be recorded:",
                               subparagraphs=[Subparagraph("the factor;"), Subparagraph("the speed.")]),
                clause("Test cycles"),
            ]),
            Annex("Calculations", [clause("General"), clause("Rounding", level=2)]),
            Annex("A report's own annex", [Paragraph("Numbered the UN's way.")], numbering=Numbering.UN),
        ],
    )


def numbers(report: Report) -> list[str]:
    return [b.number for b in resolve(report).blocks if isinstance(b, (NumberedParagraph, Heading))]


def test_decimal_numbers_are_derived_from_order_and_level_afresh_in_each_annex() -> None:
    assert check(regulation()) == []
    assert numbers(regulation()) == ["Annex 1", "1.", "2.", "2.1.", "2.2.", "2.2.1.", "3.",
                                     "Annex 2", "1.", "1.1.", "Annex 3", "1."]
    report = regulation()
    first = report.annexes[0]
    grown = attrs.evolve(first, content=(first.content[0], Paragraph("A new clause.", level=2), *first.content[1:]))
    inserted = attrs.evolve(report, annexes=(grown, *report.annexes[1:]))
    assert numbers(inserted)[:5] == ["Annex 1", "1.", "1.1.", "2.", "2.1."]  # every number after it moves


def test_a_level_outside_decimal_numbering_or_skipping_a_level_is_refused_where_it_stands() -> None:
    base = regulation()
    skip = Annex("x", [Paragraph("a"), Paragraph("b", level=3)])
    report = Report(masthead=base.masthead, body=base.body, session=base.session, title="T",
                    chapters=[Chapter("C", [Paragraph("a", level=2)])], annexes=[skip], numbering=Numbering.UN)
    problems = {(p.path, p.message.split(" (")[0]) for p in check(report)}
    assert ("$.chapters[0].content[0].level", "a paragraph's level is for decimal numbering") in problems
    assert ("$.annexes[0].content[1].level", "a paragraph's level is for decimal numbering") in problems
    decimal = Report(masthead=base.masthead, body=base.body, session=base.session, title="T",
                     annexes=[skip], numbering=Numbering.DECIMAL)
    (problem,) = check(decimal)
    assert problem.path == "$.annexes[0].content[1].level" and "follows a paragraph of level 1" in problem.message


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_the_schemes_round_trip_with_the_source_and_print_the_same_without_it(fmt: str) -> None:
    report = regulation()
    if fmt == "md":
        again = cstd_docs.read_markdown(cstd_docs.render_markdown(report))
    else:
        again = cstd_docs.read_docx(docx_bytes(report))
    assert again == report
    assert first_difference(report, fmt) is None  # type: ignore[arg-type]


def test_the_json_keeps_the_schemes_and_the_schema_describes_them(tmp_path: Path) -> None:
    path = tmp_path / "regulation.json"
    cstd_docs.dump(regulation(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["numbering"], data["annex_numerals"]) == ("decimal", "arabic")
    assert data["annexes"][2]["numbering"] == "un"
    assert data["annexes"][0]["content"][2]["level"] == 2
    assert "level" not in data["annexes"][0]["content"][0]  # the default is left out
    assert cstd_docs.load(path) == regulation()
    schema = json.loads((Path(__file__).parent.parent.parent / "schemas" / "report.schema.json").read_text())
    assert {"un", "decimal"} <= set(json.dumps(schema).split('"')) and "annex_numerals" in json.dumps(schema)


def unfinished() -> Report:
    """A report an import could not complete: no date, organ, body, session or title printed."""
    return Report(masthead=Masthead(symbol="FCCC/SBI/2024/1", date=None, organ=None), body=None, session=None,
                  title=(), chapters=[Chapter("Introduction", [Paragraph("Opened.")])])


def test_facts_not_given_are_empty_valid_and_named_to_fill_in(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    report = unfinished()
    assert check(report) == []
    assert [p.path for p in incomplete(report)] == ["$.masthead.date", "$.masthead.organ", "$.body", "$.session",
                                                    "$.title"]
    path = tmp_path / "unfinished.json"
    cstd_docs.dump(report, path)
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert "(5 to fill in)" in captured.out
    for field in ("$.masthead.date", "$.masthead.organ", "$.body", "$.session", "$.title"):
        assert f"{field}: not given yet" in captured.err
    assert cstd_docs.read_markdown(cstd_docs.render_markdown(report)) == report
    assert cstd_docs.read_docx(docx_bytes(report)) == report
    assert docx_bytes(report) == docx_bytes(report)  # no date: still the same bytes every time


def test_an_import_that_finds_no_session_or_date_leaves_them_empty_and_says_so(tmp_path: Path) -> None:
    from tests.readers.family_docs import FAMILIES, build

    path = tmp_path / "bare.docx"
    build(path, FAMILIES["unog-ids"], session=False, date=False)
    warnings: list[cstd_docs.Problem] = []
    report = cstd_docs.read_docx(path, warnings=warnings)
    assert report.session is None and report.masthead.date is None
    said = [f"{w.path.rsplit(':', 1)[-1]}: {w.message}" for w in warnings]
    assert "masthead: no date found in the masthead" in said
    assert "front: no session line found" in said and "front: no place and dates of the session found" in said
    assert all("fill in" in (w.hint or "") for w in warnings)
    assert [p.path for p in incomplete(report)] == ["$.masthead.date", "$.session"]


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_an_import_of_our_own_draft_keeps_every_word_and_strict_writes_it(tmp_path: Path, suffix: str,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import REFERENCE_EXAMPLE

    draft = tmp_path / f"draft{suffix}"
    out = tmp_path / "back.json"
    assert main(["render", str(REFERENCE_EXAMPLE), "-o", str(draft), "-q"]) == 0
    assert main(["import", str(draft), "-o", str(out), "--strict"]) == 0
    assert cstd_docs.load(out) == cstd_docs.load(REFERENCE_EXAMPLE)
    err = capsys.readouterr().err
    (line,) = [x for x in err.splitlines() if x.startswith("cstd-docs: coverage: ")]
    words = int(line.split()[2].replace(",", ""))
    assert words > 6_000 and line.endswith(f"{words:,} kept (100.0 %)")
    assert "not kept" not in err
