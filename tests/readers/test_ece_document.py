"""A UNECE working document that no one here wrote (../shared/samples, made from ECE_E.dot and saved by
another program): its structure, its decimal clause numbers printed again, and nothing lost silently."""

from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from tests.conftest import SHARED, require_file

import cstd_docs
from cstd_docs.cli import main
from cstd_docs.model import AnnexNumerals, Numbering, Paragraph, UnnumberedText
from cstd_docs.readers import Imported, import_file

ECE = SHARED / "samples" / "ECE_TRANS_WP.29_GTR15_annexes_1_2.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
NS = {"w": W, "m": M}
#: A clause number at the start of a paragraph, after any tabs: "9.2.3.2.1." TAB (or a space, as some are typed).
CLAUSE = re.compile(r"^[\t ]*(\d+(?:\.\d+)*\.)(?: ?\t| +)")


@pytest.fixture(scope="module")
def imported() -> Imported:
    return import_file(require_file(ECE, "the UNECE sample document"))


def _body(data: bytes) -> Any:
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml")).find(f"{{{W}}}body")


def _shown(paragraph: Any) -> str:
    """A paragraph's text as Word shows it with its changes accepted (test's own reading, not the library's)."""
    out = []
    for node in paragraph.iter(f"{{{W}}}t", f"{{{W}}}tab"):
        if any(a.tag in (f"{{{W}}}del", f"{{{W}}}moveFrom") for a in node.iterancestors()):
            continue
        if node.tag == f"{{{W}}}tab" and node.getparent().tag != f"{{{W}}}r":
            continue
        out.append("\t" if node.tag == f"{{{W}}}tab" else node.text or "")
    return "".join(out)


def _clauses(body: Any) -> list[list[tuple[str, str]]]:
    """The clause numbers printed in each annex, with the place the reader names ("paragraph 12")."""
    annexes: list[list[tuple[str, str]]] = []
    for number, element in enumerate(body.iterchildren(f"{{{W}}}p", f"{{{W}}}tbl"), start=1):
        text = _shown(element) if element.tag == f"{{{W}}}p" else ""
        if re.fullmatch(r"\s*Annex\s\d+\s*", text.replace("\u00a0", " ")):
            annexes.append([])
        found = CLAUSE.match(text)
        style = element.find("w:pPr/w:pStyle", NS)
        if annexes and found and (style is None or style.get(f"{{{W}}}val") in ("SingleTxtG", "Normal")):
            annexes[-1].append((found.group(1), f"paragraph {number}"))
    return annexes


def test_the_first_page_is_read_as_printed_and_nothing_is_made_up(imported: Imported) -> None:
    r = imported.report
    assert (r.masthead.symbol, r.masthead.date, r.masthead.organ) == (
        "ECE/TRANS/WP.29/GRPE/2019/2", datetime.date(2018, 10, 23), "Economic and Social Council")
    assert r.parent_body == ("Economic Commission for Europe\nInland Transport Committee\n"
                             "World Forum for Harmonization of Vehicle Regulations")
    assert r.body == "Working Party on Pollution and Energy"
    assert r.session is not None and (r.session.number, r.session.place, r.session.start, r.session.end) == (
        78, "Geneva", datetime.date(2019, 1, 8), datetime.date(2019, 1, 11))
    (item,) = r.agenda_items
    assert (item.number, item.sub_item) == (3, "(b)")
    assert item.title.startswith("Light vehicles – Global Technical Regulations Nos. 15 (Worldwide")
    assert item.title.endswith("harmonized Light vehicle Test Procedure (WLTP EVAP))")
    assert r.title == ("Proposal for Amendment 5 to global technical regulation No.\u00a015 "
                       "(Worldwide harmonized Light vehicles Test Procedures (WLTP))",)
    assert str(r.subtitles[0][0]).startswith("Submitted by the Informal Working Group")
    # The text before the first heading stays where it is: no chapter is made up for it. The one
    # heading before the annexes prints no numeral: it is a chapter that prints none (issue 13), so
    # nothing renumbers it and its title is kept as a heading.
    (chapter,) = r.chapters
    assert not chapter.numbered and str(chapter.title[0]).startswith("Global technical regulation on Worldwide")
    first = r.content[0]
    assert isinstance(first, UnnumberedText) and str(first.unnumbered[0]).startswith("The text reproduced below")


def test_annexes_and_their_decimal_clauses(imported: Imported) -> None:
    r = imported.report
    assert r.numbering is Numbering.DECIMAL and r.annex_numerals is AnnexNumerals.ARABIC
    assert [str(a.title[0]) for a in r.annexes][:2] == [
        "Worldwide light-duty test cycles (WLTC)",
        "Gear selection and shift point determination for vehicles equipped with manual transmissions"]
    levels = [b.level for a in r.annexes for b in a.content if isinstance(b, Paragraph)]
    assert max(levels) >= 5 and levels.count(1) >= 20
    items = [s for a in r.annexes for b in a.content if isinstance(b, (Paragraph, UnnumberedText))
             for s in b.subparagraphs]
    assert len(items) >= 30  # "(a)", "(b)" after a clause or after the text that leads them in


def test_every_clause_prints_its_number_again_or_is_said_to_print_another(imported: Imported,
                                                                          tmp_path: Path) -> None:
    printed = _clauses(_body(ECE.read_bytes()))
    rendered_path = tmp_path / "again.docx"
    cstd_docs.render_docx(imported.report, rendered_path)
    again = [[label for label, _ in annex] for annex in _clauses(_body(rendered_path.read_bytes()))]
    assert [len(a) for a in again] == [len(a) for a in printed] and sum(len(a) for a in printed) > 200
    said = {w.path.rsplit(":", 1)[-1] for w in imported.warnings if "when rendered" in w.message}
    differ = {where for annex, new in zip(printed, again, strict=True)
              for (label, where), label_again in zip(annex, new, strict=True) if label != label_again}
    assert differ and differ <= said  # each number that changes was said, with its place
    assert len(differ) <= 5


def test_what_is_not_kept_is_counted_by_kind_with_places(imported: Imported) -> None:
    body = _body(ECE.read_bytes())
    deleted = "ancestor::w:del or ancestor::mc:Fallback"  # tables are read: an equation in a cell is one lost
    equations = body.xpath(f"count(.//m:oMath[not({deleted}) and not(ancestor::m:oMathPara)])",
                           namespaces={**NS, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"})
    comments = body.xpath("count(.//w:commentReference[not(ancestor::w:del)])", namespaces=NS)
    coverage = imported.coverage
    assert coverage is not None and not coverage.complete
    kinds = {k.kind.value: k for k in coverage.kinds}
    assert kinds["equation"].count == equations > 300
    assert kinds["comment"].count == comments > 20
    assert "table" not in kinds  # every table is read into the report (issue 13)
    assert coverage.kept > 0.9 * coverage.words
    assert kinds["page break"].count >= 5 and kinds["section break"].count == 3
    for kind in kinds.values():
        assert kind.places and all(re.fullmatch(r"paragraph \d+(, row \d+, cell \d+)?|footnote \d+", p) for p in kind.places)
    lost_words = sum(k.words for k in coverage.kinds) + coverage.other
    assert coverage.kept + lost_words == coverage.words
    # The words seen by a reader that knows no equation nor text box are all among the document's
    plain = sum(len(_shown(p).split()) for p in body.iter(f"{{{W}}}p"))
    assert coverage.words >= plain * 0.9


def test_strict_import_refuses_to_write_and_says_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ece.json"
    assert main(["import", str(require_file(ECE, "the UNECE sample")), "-o", str(out), "--strict"]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "coverage: " in err and "not kept: " in err and "--strict" in err
