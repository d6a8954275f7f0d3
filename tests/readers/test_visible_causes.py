"""Each cause found of a draft without its source printing differently once read back (issue 16),
as a regression test: the short example with one thing changed, read back from its Word and its
Markdown draft alone, prints the same document (tests/visible_law.py defines "the same").

The rate over generated reports is measured by scripts/visible_rate.py (docs/round-trip.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.visible_law import Format, first_difference, printed, read_alone

import cstd_docs
from cstd_docs.model import CrossRef, Report

SHORT = Path(__file__).resolve().parents[2] / "examples" / "short-en.json"
Edit = Callable[[dict[str, Any]], None]


def _report(edit: Edit, language: str = "en") -> Report:
    data = json.loads(SHORT.read_text(encoding="utf-8"))
    data["language"] = language
    edit(data)
    return cstd_docs.loads(json.dumps(data))


def _chapter(data: dict[str, Any]) -> dict[str, Any]:
    chapter: dict[str, Any] = data["chapters"][0]
    return chapter


def _first_paragraph(data: dict[str, Any]) -> dict[str, Any]:
    paragraph: dict[str, Any] = _chapter(data)["content"][0]
    return paragraph


def _set(path: Callable[[dict[str, Any]], dict[str, Any]], key: str, value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        path(data)[key] = value

    return edit


def _top(data: dict[str, Any]) -> dict[str, Any]:
    return data


def _masthead(data: dict[str, Any]) -> dict[str, Any]:
    masthead: dict[str, Any] = data["masthead"]
    return masthead


def _agenda_item(data: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = data["agenda_items"][0]
    return item


def _suggestion(data: dict[str, Any]) -> dict[str, Any]:
    suggestion: dict[str, Any] = _chapter(data)["sections"][0]["suggestions"][0]
    return suggestion


def _unnumbered(text: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        _chapter(data)["content"].insert(1, {"unnumbered": text})

    return edit


def _two_resolutions_68_1(chapter: dict[str, Any]) -> None:
    """Two resolutions "68/1" numbering their notes on their own, the first without notes."""
    for notes in ([], [{"note": "A note."}]):
        chapter["content"].append({"title": "A resolution", "enacting": "The Commission,", "official_number": "68/1",
                                   "note_numbering": "own", "operative": [{"text": ["Decides.", *notes]}]})


def _agenda_after_own_decision(chapter: dict[str, Any]) -> None:
    """A decision numbering its notes on its own, then a provisional agenda of its own with a note."""
    chapter["content"][0:0] = [
        {"title": "A decision", "official_number": "52/120", "note_numbering": "own",
         "paragraphs": [{"text": ["The Council decides.", {"note": "Own note."}]}]},
        {"title": "Provisional agenda", "items": [{"text": ["Election of officers.", {"note": "The report's note."}]}]},
    ]


#: name → the edit that once printed differently after the round trip.
CAUSES: dict[str, Edit] = {
    # The readers stripped a text's ends (Python's notion of white space, U+0085 included);
    # the Markdown writer now writes a text's own space or tab at either end as a character
    # reference, as Markdown drops blanks there as layout.
    "a space opening a paragraph": _set(_first_paragraph, "text", " The panel met."),
    "a no-break space opening a paragraph": _set(_first_paragraph, "text", "\u00a0The panel met."),
    "U+0085 closing a paragraph": _set(_first_paragraph, "text", "The panel met.\u0085"),
    "a tab closing a paragraph": _set(_first_paragraph, "text", "The panel met.\t"),
    "two spaces after a subparagraph's label": lambda d: _first_paragraph(d)["subparagraphs"][0].update(
        text=" Industry 4.0;"),
    "a tab opening unnumbered text": _unnumbered("\tNote."),
    "a space opening a heading's title": _set(_chapter, "title", " Introduction"),
    "a tab opening the title": _set(_top, "title", "\tReport"),
    "a no-break space closing a subtitle": _set(_top, "subtitles", ["Prepared by the secretariat\u00a0"]),
    "a space opening a note": _set(_first_paragraph, "text", ["The panel met.", {"note": " A note."}]),
    # Word: a tab inside a text was read as a space
    "a tab inside a paragraph": _set(_first_paragraph, "text", "The panel\tmet."),
    "a tab inside a heading's title": _set(_chapter, "title", "Intro\tduction"),
    "a tab inside a note": _set(_first_paragraph, "text", ["The panel met.", {"note": "A\tnote."}]),
    # a line break closing a text was stripped with the blanks
    "a line break closing a paragraph": _set(_first_paragraph, "text", "The panel met.\n"),
    "a line break closing a note": _set(_first_paragraph, "text", ["The panel met.", {"note": "A note.\n"}]),
    # the lines under the masthead and the masthead's own: stripped, and (Word) cut at line breaks
    "a space opening the body": _set(_top, "body", " Commission on Science"),
    "a line break inside the body": _set(_top, "body", "Commission on\nScience"),
    "a tab closing the parent body": _set(_top, "parent_body", "Human Rights Council\t"),
    "a line break inside an agenda item's title": _set(_agenda_item, "title", "Science,\ntechnology"),
    "a line break inside the session's place": lambda d: d["session"].update(place="Palais\nGeneva"),
    "a tab opening the organ": _set(_masthead, "organ", "\tEconomic and Social Council"),
    "a line break inside the job number": _set(_masthead, "job_number", "GE.22-0\n1234(E)"),
    "a space opening the symbol": _set(_masthead, "symbol", " E/CN.16/2022/2"),
    # without a symbol, a masthead line with a slash was taken for it
    "no symbol, an organ with a slash": lambda d: d["masthead"].update(symbol=None, organ="UN/DESA"),
    # an empty text between two note marks: the Word writer printed no comma, the reader one
    "two note marks around an empty text": _set(_first_paragraph, "text", [
        "The panel met.", {"note": "One."}, "", {"note": "Two."}]),
    # Markdown: a text ending in a line break, then another: "<br>" then the second, read as
    # one text, whose line break prints as a hard break
    "a line break between two texts": _set(_first_paragraph, "text", ["The panel\n", "met."]),
    # Markdown: "*a*" "" "*b*" printed "*a**b*", which reads as bold
    "two emphases around an empty text": _set(_first_paragraph, "text", [
        "The ", {"emphasis": "panel"}, "", {"emphasis": "met"}, "."]),
    "a space opening a suggestion's addressee": _set(_suggestion, "addressee", " Member States"),
    # after this round's instruments: a hard break inside a quoted (Markdown) resolution line was
    # read as a space; a tab opening a bold operative subheading (Word) was cut as a label's; a note
    # of a resolution numbering its own notes ("1", typed) lost a tab opening its text (Word)
    "a line break inside an operative paragraph": lambda d: _chapter(d)["content"].insert(0, {
        "title": "A resolution", "enacting": "The Commission,",
        "operative": [{"text": ["Decides\n", {"emphasis": "to act"}, "."]}]}),
    "a line break inside an enacting formula": lambda d: _chapter(d)["content"].insert(0, {
        "title": "A resolution", "enacting": "The Commission\non Science,", "operative": [{"text": "Decides."}]}),
    "a tab opening an operative subheading": lambda d: _chapter(d)["content"].insert(0, {
        "title": "A resolution", "enacting": "The Commission,",
        "operative": [{"heading": "\tTaking stock", "text": "Decides."}]}),
    "a tab opening a note a resolution numbers itself": lambda d: _chapter(d)["content"].insert(0, {
        "title": "A resolution", "enacting": "The Commission,", "note_numbering": "own",
        "operative": [{"text": ["Decides.", {"note": "\tA note."}]}]}),
    "a space opening the agenda's symbol": lambda d: d.update(agenda_symbol=" E/CN.16/2022/1"),
    # Markdown: bold text between two note marks printed the comma of marks side by side
    "two note marks around bold text": _set(_first_paragraph, "text", [
        "The panel met.", {"note": "One."}, {"strong": "bold"}, {"note": "Two."}]),
    # Markdown: a parent body ending in a line break printed an empty bold line, "****"
    "a line break closing the parent body": _set(_top, "parent_body", "Human Rights Council\n"),
    # Markdown: two instruments of one number numbering their notes on their own, the first with
    # none: the second's notes were keyed "68/1-2", and read back (the first's numbering unseen) "68/1"
    "a second resolution of one number with its own notes": lambda d: _two_resolutions_68_1(_chapter(d)),
    # an agenda of its own right after a decision numbering its notes on its own was read as the
    # decision's: its notes took the decision's numbers ("52/120.2" for "3")
    "an agenda after a decision numbering its own notes": lambda d: _agenda_after_own_decision(_chapter(d)),
    # Word: unnumbered text that starts like a label was read as a paragraph or subparagraph;
    # the writer now says the paragraph is not numbered (w:numId 0), which prints nothing
    "unnumbered text typed '1. '": _unnumbered("1. Typed by the author."),
    "unnumbered text typed '1.' TAB": _unnumbered("1.\tTyped by the author."),
    "unnumbered text typed '(b) ' after a paragraph": _unnumbered("(b) Typed by the author."),
    "unnumbered text typed '(a)' TAB after a paragraph": _unnumbered("(a)\tTyped by the author."),
    "unnumbered text typed '1. ' first in a chapter": lambda d: _chapter(d)["content"].insert(
        0, {"unnumbered": "1. Typed by the author."}),
    # Markdown: the one annex prints "Annex" without a numeral, so a title "I …" read as annex I;
    # Word: a title that reads like a label ("Annex II") was taken for a second annex
    "the one annex titled 'I x'": _set(_top, "annexes", [{"title": "I x", "content": [{"text": "A."}]}]),
    "the one annex titled 'V'": _set(_top, "annexes", [{"title": "V", "content": [{"text": "A."}]}]),
    "an annex titled 'Annex II'": _set(_top, "annexes", [{"title": "Annex II", "content": [{"text": "A."}]}]),
    "an annex titled 'Chapter II'": _set(_top, "annexes", [{"title": "Chapter II", "content": [{"text": "A."}]}]),
    "New York: a chapter titled 'Chapter II' under its caption": lambda d: d.update(
        layout="new_york", chapters=[{**d["chapters"][0], "title": "Chapter II"}]),
    # Word: the blanks after a note's TAB were dropped with it
    "a tab opening a note": _set(_first_paragraph, "text", ["The panel met.", {"note": "\tA note."}]),
    # Markdown: a separator was printed after an emphasis that follows a note mark, as if the
    # next mark stood beside the first (issue 16's law found it: a title 0, note, "0 ", note)
    "an emphasis between two note marks": _set(_first_paragraph, "text", [
        "The panel met.", {"note": "One."}, {"emphasis": "and "}, {"note": "Two."}]),
}

#: Arabic: the Word writer marks a run right to left when it holds Arabic, so where the runs
#: are cut changes the print; they were cut where the model's inline items were, and the
#: reader joins what prints the same.
ARABIC: dict[str, Edit] = {
    "two texts side by side": _set(_first_paragraph, "text", ["abc ", "\u0645\u0646\u0634"]),
    "two emphases side by side": _set(_first_paragraph, "text", [{"emphasis": "abc"}, {"emphasis": "\u0645\u0646"}]),
    "bold text opening with a blank": _set(_first_paragraph, "text", ["\u0645\u0646", {"strong": "\rabc"}]),
    "two emphases around an empty text": _set(_first_paragraph, "text", [
        {"emphasis": "abc"}, "", {"emphasis": "\u0645\u0646"}]),
    "a cross-reference (its REF field prints apart)": _set(_first_paragraph, "text", [
        "abc ", {"ref": "introduction"}, " \u0645\u0646"]),
}


@pytest.mark.parametrize("fmt", ["md", "docx"])
@pytest.mark.parametrize("cause", sorted(CAUSES))
def test_the_cause_prints_the_same_once_read_back_alone(cause: str, fmt: Format) -> None:
    report = _report(CAUSES[cause])
    assert report != cstd_docs.load(SHORT)  # the edit took
    assert first_difference(report, fmt) is None


@pytest.mark.parametrize("fmt", ["md", "docx"])
@pytest.mark.parametrize("cause", sorted(ARABIC))
def test_arabic_runs_print_the_same_once_read_back_alone(cause: str, fmt: Format) -> None:
    report = _report(ARABIC[cause], language="ar")
    assert first_difference(report, fmt) is None


def test_a_word_cross_reference_keeps_its_target_without_the_source() -> None:
    """The bookmark on the target's label names it: the reference stays a reference (it read as
    the text its field showed), and the target gets an id made from its words."""
    report = _report(_set(_first_paragraph, "text", ["See chapter ", {"ref": "introduction"}, "."]))
    back = read_alone(report, "docx")
    assert back.chapters[0].content[0].text == ("See chapter ", CrossRef(back.chapters[0].id or ""), ".")  # type: ignore[union-attr]
    assert back.chapters[0].id == "chapter-introduction"


def test_the_law_sees_a_difference_in_print() -> None:
    """The comparison is not blind: a text that reads back otherwise is a difference."""
    report = _report(_set(_first_paragraph, "text", "The panel met."))
    other = _report(_set(_first_paragraph, "text", "The panel  met."))
    italic = _report(_set(_first_paragraph, "text", ["The panel ", {"emphasis": "met."}]))
    for fmt in ("md", "docx"):
        assert printed(report, fmt) != printed(other, fmt)  # type: ignore[arg-type]
        assert printed(report, fmt) != printed(italic, fmt)  # type: ignore[arg-type]
    assert read_alone(report, "docx").chapters[0].content[0].text == ("The panel met.",)  # type: ignore[union-attr]


#: French: the narrow space before ":" and inside guillemets was put run by run; read back, the
#: space ended the plain text and the italic ":" took a second one.
FRENCH: dict[str, Edit] = {
    "':' opening italic text": _set(_first_paragraph, "text", ["Le texte", {"emphasis": ":"}, " suite"]),
    "'!' opening bold text": _set(_first_paragraph, "text", ["Le texte", {"strong": "! suite"}]),
    "guillemets around italic text": _set(_first_paragraph, "text", ["Le «", {"emphasis": "mot"}, "» suite"]),
    "a note's ':' opening italic text": _set(_first_paragraph, "text", [
        "Le texte.", {"note": ["Voir", {"emphasis": ": ceci"}]}]),
}


@pytest.mark.parametrize("fmt", ["md", "docx"])
@pytest.mark.parametrize("cause", sorted(FRENCH))
def test_french_spaces_print_once_read_back_alone(cause: str, fmt: Format) -> None:
    report = _report(FRENCH[cause], language="fr")
    assert first_difference(report, fmt) is None
    assert "\u202f\u202f" not in cstd_docs.render_markdown(report)


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_french_citation_prints_its_spaces_once(fmt: Format) -> None:
    """A citation's text is typeset like any note's (the narrow space before ":"): read back
    alone it is a free note, whose text was typeset a second time, adding the space."""
    report = _report(lambda d: d["participants"]["basso"].update(position="Lead: AI"), language="fr")
    assert first_difference(report, fmt) is None
    assert "Lead\u202f: AI" in cstd_docs.render_markdown(report)


def _letter(**fields: Any) -> Edit:
    """A letter of transmittal before the report, with ``fields`` changed."""
    def edit(data: dict[str, Any]) -> None:
        data["letter"] = {"date": "2025-05-02", "sender": "the Co-Chairs", "addressee": "the President",
                          "paragraphs": ["We have the honour."], "signatories": ["Ana Ferreira"], **fields}

    return edit


def _table(**fields: Any) -> Edit:
    """A small table first in the chapter, with ``fields`` changed."""
    def edit(data: dict[str, Any]) -> None:
        _chapter(data)["content"].insert(0, {"title": "Votes", "rows": [["a", "b"]], **fields})

    return edit


#: A PNG of one pixel, a figure's image.
_PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mNgiFoAAAFYAPsUvoSCAAAAAElFTkSuQmCC"


def _referred(block: dict[str, Any]) -> Edit:
    """``block`` first in the chapter, with an id a paragraph after it refers to."""
    def edit(data: dict[str, Any]) -> None:
        _chapter(data)["content"].insert(0, {**block, "id": "target"})
        _chapter(data)["content"].append({"text": ["See ", {"ref": "target"}, "."]})

    return edit


#: Found once reports() drew this round's constructs (tables, figures, boxes, the summary, a
#: letter, a contents page): name → (language, edit).
FRONT_AND_TABLES: dict[str, tuple[str, Edit]] = {
    # the letter's heading read its date's day as digits only: French prints the first "1er"
    "a French letter dated the first": ("fr", _letter(date="2025-05-01")),
    # the letter's heading and signatures were read with their blanks collapsed and stripped
    "a line break inside a letter's sender": ("en", _letter(sender="the Co-Chairs\rof the panel")),
    "two spaces inside a letter's addressee": ("en", _letter(addressee="the  President")),
    "a tab closing a letter's sender (Arabic: the heading ends with it)": ("ar", _letter(sender="the Co-Chairs\t")),
    "a tab closing a letter's addressee": ("en", _letter(addressee="the President\t")),
    "a space closing a signatory's name": ("en", _letter(signatories=["Ana Ferreira ", "Tomas Lindqvist"])),
    "a tab opening a signatory's name": ("ar", _letter(signatories=["\tAna Ferreira"])),
    # the signatories' title was stripped, U+00A0 too (which Markdown prints as text)
    "a no-break space opening the signatories' title": ("ar", _letter(signatory_title="\u00a0Co-Chairs")),
    "a space closing the signatories' title": ("en", _letter(signatory_title="Co-Chairs ")),
    # Word: the letter's heading is set in the title's style; in H23G it was taken for the title
    "a letter before a title set in H23G": ("en", lambda d: (_letter()(d), d.update(title_style="H23G"))),
    # Markdown: a letter's paragraph holding a line break (a hard break) was read as the signature block
    "a line break inside a letter's paragraph": ("en", _letter(paragraphs=["We have\nthe honour."])),
    # Markdown: a table's title prints inside "**…**"; bold text in it printed "****a** b**", bold
    # italic "***b***" inside, which read back otherwise. Its bold is the caption's, as in Word.
    "bold text opening a table's title": ("en", _table(title=[{"strong": "Bold"}, " rest"])),
    "bold italic text inside a table's title": ("en", _table(title=["x ", {"strong_emphasis": "both"}, " y"])),
    "italic text closing a table's title": ("en", _table(title=["x ", {"emphasis": "it"}])),
    # Markdown: the columns without a width share what the others leave, 6.5 per cent each; read
    # back as 6 and 7 (HTML: "6.5%"), or as dashes that did not add up to 100 (a pipe table)
    "one width given, the others sharing 6.5 each": ("en", _table(
        columns=[{"width": 87}, {}, {}], rows=[["a", "b", "c"]])),
    "one width given, the others sharing 33.5 each": ("en", _table(
        columns=[{"width": 33}, {}, {}], rows=[["a", "b", "c"]])),
    "one width given, the others sharing, under a header": ("en", _table(
        columns=[{"width": 87}, {}, {}], header=[["h", "i", "j"]], rows=[["a", "b", "c"]])),
    # Markdown: a table note's line break printed a hard break, and the line after it, opening with
    # no "<sup>a</sup>", made the notes unread (their marks in the cells became text)
    "a line break inside a table note's text": ("en", _table(
        rows=[["a", ["b", {"table_note": "n"}]]], notes=[{"id": "n", "text": "A\nB."}])),
    # Word: a table or figure a reference names lost its caption's bookmark (no id, the reference
    # became text); in Arabic the caption's number then printed in the label's right-to-left run
    "an Arabic table a reference names": ("ar", _referred({"title": "Votes", "rows": [["a", "b"]]})),
    "an Arabic figure a reference names": ("ar", _referred({"title": "Votes", "image": _PNG})),
    # Markdown: a cell's text was stripped as Python strips, U+0085 and U+00A0 too
    "U+0085 closing a cell (HTML table)": ("en", _table(rows=[["a\u0085"], ["b"]])),
    # Markdown: a table note's U+0085 at either end was taken for the blanks around "<sup>a</sup>"
    "U+0085 opening a table note": ("ar", _table(rows=[[{"text": ["a", {"table_note": "n"}]}]],
                                               notes=[{"id": "n", "text": "\u0085note"}])),
    "U+0085 closing a table note": ("ar", _table(rows=[[{"text": ["a", {"table_note": "n"}]}]],
                                               notes=[{"id": "n", "text": "note\u0085"}])),
    "U+00A0 opening a cell (pipe table)": ("en", _table(header=[["h", "i"]], rows=[["\u00a0a", "b"]])),
    # the blanks after "Source:" were all taken for the label's: a source's own were lost
    "a no-break space opening a table's source": ("en", _table(source="\u00a0UNCTAD")),
    "a tab opening a table's source": ("zh", _table(source="\tUNCTAD")),
    # Markdown: a hard break inside a table's source was read as a space
    "a line break inside a table's source": ("en", _table(source="UNCTAD\nWorld Bank")),
}


@pytest.mark.parametrize("fmt", ["md", "docx"])
@pytest.mark.parametrize("cause", sorted(FRONT_AND_TABLES))
def test_this_rounds_constructs_print_the_same_once_read_back_alone(cause: str, fmt: Format) -> None:
    language, edit = FRONT_AND_TABLES[cause]
    report = _report(edit, language)
    assert first_difference(report, fmt) is None


def test_a_word_reference_to_a_table_keeps_its_target_without_the_source() -> None:
    """The bookmark on the caption's number names the table: an id from its title, the reference kept."""
    back = read_alone(_report(_referred({"title": "Votes cast", "rows": [["a", "b"]]})), "docx")
    table, *_, last = back.chapters[0].content
    assert table.id == "table-votes-cast"
    assert last.text == ("See ", CrossRef("table-votes-cast"), ".")  # type: ignore[union-attr]
