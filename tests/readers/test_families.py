"""Style families as data: the files load typed (or fail naming the key), and a document made in each
family's styles — by id, by name, in German Word, by outline level, in a family of the user's —
reads back with its structure; Word's own headings yield to a UN template's."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from tests.readers.family_docs import FAMILIES, build

import cstd_docs
from cstd_docs.errors import Problem, ReportError
from cstd_docs.model import Annex, Chapter, Paragraph, Report, Section
from cstd_docs.readers import import_file
from cstd_docs.readers.families import Role, built_in_families, load_family, parse_family, styles_schema

ROOT = Path(__file__).parent.parent.parent
UNFCCC = ROOT / "examples" / "styles" / "unfccc-reg.json"


def test_the_built_in_families_load_and_name_every_heading_role_they_need() -> None:
    unog, new_york, word = built_in_families()
    for family in (unog, new_york):
        roles = {entry.role for entry in family.styles}
        assert {Role.TITLE, Role.CHAPTER, Role.SECTION, Role.SUBSECTION, Role.BODY} <= roles
        assert not family.fallback
    assert word.fallback and word.outline_levels[:3] == (Role.CHAPTER, Role.SECTION, Role.SUBSECTION)


def test_a_family_file_with_a_wrong_key_or_role_fails_naming_it() -> None:
    with pytest.raises(ReportError) as caught:
        parse_family('{"family": "x", "styles": [{"role": "chaptre", "id": "X"}], "colour": 1}', "mine.json")
    text = str(caught.value)
    assert "mine.json" in text and "chaptre" in text and "colour" in text
    with pytest.raises(ReportError, match="id, its name, or both"):
        parse_family('{"family": "x", "styles": [{"role": "body"}]}', "mine.json")
    with pytest.raises(ReportError, match="not valid JSON"):
        parse_family("{", "mine.json")


def test_the_committed_schema_is_the_one_the_library_makes_and_every_family_file_follows_it() -> None:
    committed = json.loads((ROOT / "schemas" / "styles.schema.json").read_text(encoding="utf-8"))
    assert committed == styles_schema()
    files = [UNFCCC, *(ROOT / "src" / "cstd_docs" / "readers" / "styles").glob("*.json")]
    assert len(files) == 4
    for file in files:
        jsonschema.validate(json.loads(file.read_text(encoding="utf-8")), committed)
    assert load_family(UNFCCC).family == "UNFCCC (Reg_)"


def _structure(report: Report) -> list[tuple[str, ...]]:
    """What the document's body came back as: headings by kind and title, paragraphs with their items."""
    out: list[tuple[str, ...]] = []

    def blocks(content: tuple[object, ...]) -> None:
        for block in content:
            if isinstance(block, Paragraph):
                out.append(("paragraph", *(str(t) for t in block.text), *(str(s.text[0]) for s in block.subparagraphs)))
            else:
                out.append((type(block).__name__,))

    for chapter in report.chapters:
        out.append(("chapter", str(chapter.title[0])))
        blocks(chapter.content)
        for section in chapter.sections:
            assert isinstance(section, Section)
            out.append(("section", str(section.title[0])))
            blocks(section.content)
            for sub in section.subsections:
                out.append(("subsection", str(sub.title[0])))
                blocks(sub.content)
    for annex in report.annexes:
        assert isinstance(annex, Annex)
        out.append(("annex", str(annex.title[0])))
        blocks(annex.content)
    return out


EXPECTED = [
    ("chapter", "Introduction"), ("paragraph", "The Commission met in Geneva."),
    ("paragraph", "The themes were:", "first theme;", "second theme."),
    ("section", "Background"), ("paragraph", "The secretariat reported."),
    ("subsection", "Earlier work"), ("paragraph", "Earlier work was recalled."),
    ("chapter", "Conclusions"), ("paragraph", "The Commission may wish to consider the report."),
    ("annex", "List of participants"), ("paragraph", "The following attended."),
]


@pytest.mark.parametrize("family", [f for f in FAMILIES if f != "unfccc"])
def test_a_document_in_each_family_reads_back_with_its_structure(tmp_path: Path, family: str) -> None:
    path = tmp_path / f"{family}.docx"
    build(path, FAMILIES[family])
    warnings: list[Problem] = []
    report = cstd_docs.read_docx(path, warnings=warnings)
    assert warnings == []
    assert report.title == ("Harnessing science for resilient recovery",)
    assert _structure(report) == EXPECTED
    assert report.content == ()  # nothing made up before the first chapter, nothing put there


def test_a_family_of_the_users_maps_styles_no_built_in_family_knows(tmp_path: Path) -> None:
    path = tmp_path / "fccc.docx"
    build(path, FAMILIES["unfccc"])
    without = import_file(path)
    assert without.report.chapters == () and not without.report.annexes  # the Reg_ headings are unknown…
    assert without.coverage is not None and not without.coverage.complete  # …and what that loses is said:
    (renumbered,) = [k for k in without.coverage.kinds if k.kind.value == "number printed differently"]
    assert renumbered.count == 4  # "1. Earlier work", read as a paragraph, and the three after it
    with_styles = import_file(path, styles=UNFCCC)
    assert with_styles.warnings == ()
    assert with_styles.coverage is not None and with_styles.coverage.complete
    assert _structure(with_styles.report) == EXPECTED
    assert with_styles.report.title == ("Harnessing science for resilient recovery",)


def test_word_headings_yield_to_a_un_template_s_and_are_said(tmp_path: Path) -> None:
    """In a UN template document, "Heading 1" is a figure's caption: text, not a chapter."""
    def caption(d: object) -> None:
        d.add_paragraph("Figure A1/1", "Heading 1")  # type: ignore[attr-defined]
        d.add_paragraph("6.\tAfter the figure.", "SingleTxtG")  # type: ignore[attr-defined]

    path = tmp_path / "captions.docx"
    build(path, FAMILIES["unog-ids"], extra=caption)
    warnings: list[Problem] = []
    report = cstd_docs.read_docx(path, warnings=warnings)
    assert [str(c.title[0]) for c in report.chapters] == ["Introduction", "Conclusions"]
    (said,) = [w for w in warnings if "heading 1" in w.message.lower()]
    assert "1 paragraphs" in said.message and "read as text" in said.message
    texts = [b for b in report.annexes[0].content if not isinstance(b, Paragraph)]
    assert [b.unnumbered for b in texts] == [("Figure A1/1",)]  # type: ignore[union-attr]


def test_chapter_titles_come_back_as_chapters_whatever_the_family(tmp_path: Path) -> None:
    """One document per family, all read: the chapter list is the same (a guard against a family
    file that loads but maps nothing)."""
    titles = set()
    for family in ("unog-ids", "new-york", "word-german"):
        path = tmp_path / f"{family}.docx"
        build(path, FAMILIES[family])
        report = cstd_docs.read_docx(path)
        titles.add(tuple(str(c.title[0]) for c in report.chapters if isinstance(c, Chapter)))
    assert titles == {("Introduction", "Conclusions")}
