"""The Word redline's structure: revisions where the changes are, notes, moves, author and date.

That accepting and rejecting give the two versions is checked by LibreOffice and pandoc in
test_redline_interop.py; here the revisions are looked at in the XML.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from tests.docx.reports import build_report
from tests.redline.edits import revised

import cstd_docs
from cstd_docs.cli import main
from cstd_docs.errors import ReportError
from cstd_docs.model import Report
from cstd_docs.redlines import default_author, redline, redline_docx_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture(scope="module")
def versions() -> tuple[Report, Report]:
    old = build_report()
    return old, revised(old)


@pytest.fixture(scope="module")
def parts(versions: tuple[Report, Report]) -> dict[str, etree._Element]:
    data = redline_docx_bytes(*versions, author="A. Editor", date=datetime.date(2030, 3, 1))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: etree.fromstring(z.read(f"word/{name}.xml")) for name in ("document", "footnotes")}


def _paragraph(document: etree._Element, words: str) -> etree._Element:
    found = [p for p in document.iter(w("p")) if words in "".join(p.xpath(".//w:t/text()|.//w:delText/text()",
                                                                         namespaces=NS))]
    assert len(found) == 1, words
    return found[0]


def _texts(element: etree._Element, path: str) -> list[str]:
    return ["".join(e.xpath(".//w:t/text()|.//w:delText/text()", namespaces=NS))
            for e in element.xpath(path, namespaces=NS)]


def test_words_inside_a_paragraph(parts: dict[str, etree._Element]) -> None:
    p1 = _paragraph(parts["document"], "Paragraph text number 1 ")
    assert _texts(p1, "w:del") == ["1.", "with"]
    assert _texts(p1, "w:ins") == ["2.", "carrying"]
    assert p1.find("w:pPr/w:rPr", NS) is None  # the paragraph itself stays


def test_added_and_removed_paragraphs_take_their_mark_with_them(parts: dict[str, etree._Element]) -> None:
    added = _paragraph(parts["document"], "A paragraph added by the editor.")
    assert added.find("w:pPr/w:rPr/w:ins", NS) is not None
    assert [child.tag for child in added if child.tag != w("pPr")] == [w("ins")]
    removed = _paragraph(parts["document"], "Paragraph text number 2 ")
    assert removed.find("w:pPr/w:rPr/w:del", NS) is not None
    assert [child.tag for child in removed if child.tag != w("pPr")] == [w("del")]
    assert not removed.xpath(".//w:t", namespaces=NS) and removed.xpath(".//w:delText", namespaces=NS)


def test_moves_have_named_ranges_at_both_ends(parts: dict[str, etree._Element]) -> None:
    document = parts["document"]
    starts = {kind: {e.get(w("name")): e.get(w("id")) for e in document.iter(w(f"{kind}RangeStart"))}
              for kind in ("moveFrom", "moveTo")}
    assert starts["moveFrom"] and set(starts["moveFrom"]) == set(starts["moveTo"])
    for kind, ranges in starts.items():
        ends = {e.get(w("id")) for e in document.iter(w(f"{kind}RangeEnd"))}
        assert ends == set(ranges.values())
    moved = [p for p in document.iter(w("p")) if p.find("w:pPr/w:rPr/w:moveTo", NS) is not None]
    assert any("Paragraph text number 6 " in "".join(p.xpath(".//w:t/text()", namespaces=NS)) for p in moved)
    ids = [int(e.get(w("id"))) for e in document.iter(w("ins"), w("del"), w("moveFrom"), w("moveTo"))]
    assert len(ids) == len(set(ids))


def test_notes_in_order_of_their_marks_old_ones_deleted(parts: dict[str, etree._Element],
                                                        versions: tuple[Report, Report]) -> None:
    marks = [int(e.get(w("id"))) for e in parts["document"].iter(w("footnoteReference"))]
    assert marks == list(range(1, len(marks) + 1))
    notes = {int(n.get(w("id"))): n for n in parts["footnotes"].iter(w("footnote")) if int(n.get(w("id"))) > 0}
    assert sorted(notes) == marks
    removed = [n for n in notes.values() if "paragraph 7." in "".join(n.xpath(".//w:delText/text()", namespaces=NS))]
    assert len(removed) == 1 and not removed[0].xpath(".//w:t", namespaces=NS)[1:]
    added = [n for n in notes.values() if _texts(n, ".//w:ins") == ["A note added with it."]]
    assert len(added) == 1
    edited = [n for n in notes.values() if _texts(n, ".//w:ins") == ["Revised free"]]
    assert len(edited) == 1 and _texts(edited[0], ".//w:del") == ["Free"]


def test_author_and_date(parts: dict[str, etree._Element], versions: tuple[Report, Report]) -> None:
    revisions = list(parts["document"].iter(w("ins"), w("del")))
    assert revisions and {(r.get(w("author")), r.get(w("date"))) for r in revisions} == {
        ("A. Editor", "2030-03-01T00:00:00Z")}
    data = redline_docx_bytes(*versions)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        default = etree.fromstring(z.read("word/document.xml"))
    first = next(default.iter(w("ins")))
    assert first.get(w("author")) == default_author()
    assert first.get(w("date")) == versions[1].masthead.date.isoformat() + "T00:00:00Z"


def test_reading_the_redline_back_gives_the_new_version(versions: tuple[Report, Report]) -> None:
    assert cstd_docs.read_docx(redline_docx_bytes(*versions)) == versions[1]


def test_equal_versions_make_no_revision(versions: tuple[Report, Report]) -> None:
    data = redline_docx_bytes(versions[0], versions[0])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml") + z.read("word/footnotes.xml")
    for tag in (b"<w:ins ", b"<w:del ", b"<w:moveFrom ", b"<w:moveTo ", b"pPrChange"):
        assert tag not in xml


def test_api_and_command(tmp_path: Path, versions: tuple[Report, Report], capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    cstd_docs.dump(versions[0], old)
    cstd_docs.dump(versions[1], new)
    out = tmp_path / "changes.docx"
    assert main(["redline", str(old), str(new), "-o", str(out), "--author", "B", "--date", "2030-03-02"]) == 0
    assert cstd_docs.read_docx(out) == versions[1]
    assert b'w:author="B"' in zipfile.ZipFile(out).read("word/document.xml")
    md = tmp_path / "changes.md"
    assert main(["redline", str(old), str(new), "-o", str(md)]) == 0
    assert "{++1\\. A paragraph added by the editor." in md.read_text(encoding="utf-8")
    capsys.readouterr()
    for bad in (["-o", str(tmp_path / "x.txt")], ["-o", str(tmp_path / "x.docx"), "--date", "March"],
                ["-o", str(new)], ["-o", str(tmp_path / "x.md"), "--emblem", "e.png"]):
        assert main(["redline", str(old), str(new), *bad]) == 2
    assert not (tmp_path / "x.txt").exists() and not (tmp_path / "x.docx").exists()
    with pytest.raises(ReportError, match=r"cannot write a redline as \.txt"):
        cstd_docs.redline(versions[0], versions[1], tmp_path / "x.txt")
    assert not (tmp_path / "x.txt").exists()
    assert redline is cstd_docs.redline


def test_a_revised_symbol_is_marked_in_the_heads_too(versions: tuple[Report, Report]) -> None:
    import attrs

    old = versions[0]
    new = attrs.evolve(old, masthead=attrs.evolve(old.masthead, symbol=f"{old.masthead.symbol}/Rev.1",
                                                  job_number="GE.30-09999(E)"))
    with zipfile.ZipFile(io.BytesIO(redline_docx_bytes(old, new))) as z:
        heads = {name: etree.fromstring(z.read(name)) for name in z.namelist()
                 if name.startswith(("word/header", "word/footer"))}
    marked = sorted((_texts(root, ".//w:del"), _texts(root, ".//w:ins")) for root in heads.values()
                    if root.find(".//w:ins", NS) is not None)
    # The symbol in the two running heads; the job number in the three footers that print it
    # (page 1, and beside the page number on even and odd pages: docs/layout-geneva.md).
    symbol = (["E/CN.16/2030/7"], ["E/CN.16/2030/7/Rev.1"])
    job = (["GE.30-01234(E)"], ["GE.30-09999(E)"])
    assert marked == [symbol, symbol, job, job, job]
