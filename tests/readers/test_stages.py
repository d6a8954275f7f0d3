"""The reader stages on their own, with small typed inputs: classification, pairing, the body's tree, assembly.

The whole-document tests (test_identity, test_edits, test_cross_references) go through
the writers and back; these pin each stage's decisions where they are made.
"""

from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cstd_docs
from cstd_docs.errors import Problem
from cstd_docs.lang import language_pack
from cstd_docs.model import (
    Chapter,
    CrossRef,
    Emphasis,
    Findings,
    Link,
    Masthead,
    Paragraph,
    Report,
    Section,
    Session,
    Strong,
    Subparagraph,
    Suggestion,
    UnnumberedText,
)
from cstd_docs.readers import body
from cstd_docs.readers.assemble import assemble
from cstd_docs.readers.base import BaseItem, base_of, printed, resolved_runs, unnumbered
from cstd_docs.readers.classify import HeadingLine, Labelled, Line, TextLine, classify
from cstd_docs.readers.inlines import context
from cstd_docs.readers.match import pair, place
from cstd_docs.readers.signature import signature
from cstd_docs.readers.visible import BlockKind, VBlock, Visible
from cstd_docs.resolve.document import SubparagraphItem

EN = language_pack("en")
P, SUB, UN = BlockKind.PARAGRAPH, BlockKind.SUBPARAGRAPH, BlockKind.UNNUMBERED


def numbered(label: str, text: str) -> TextLine:
    """A line typed "12." TAB text: a paragraph number, and a label as far as the line can tell."""
    return TextLine((f"{label} {text}",), "here", number=Labelled(label, (text,)), item=Labelled(label, (text,)))


def item(label: str, text: str) -> TextLine:
    return TextLine((f"{label} {text}",), "here", item=Labelled(label, (text,)))


def plain(text: str, list_level: int | None = None) -> TextLine:
    return TextLine((text,), "here", list_level=list_level)


def kinds(lines: list[Line], pack: str = "en") -> list[tuple[BlockKind, str, int]]:
    return [(b.kind, b.number, b.depth) for b in classify(lines, language_pack(pack))]


# --- classification -----------------------------------------------------------------------------
def test_a_paragraph_number_makes_a_paragraph_of_the_text_after_it() -> None:
    (block,) = classify([numbered("12.", "The meeting opened.")], EN)
    assert (block.kind, block.number, block.runs) == (P, "12.", ("The meeting opened.",))


def test_labels_after_a_paragraph_are_subparagraphs_at_the_depth_their_labels_say() -> None:
    lines: list[Line] = [numbered("1.", "Themes:"), item("(a)", "first"), item("(i)", "deeper"),
                         item("(ii)", "deeper still"), item("(b)", "second")]
    assert kinds(lines) == [(P, "1.", 0), (SUB, "(a)", 1), (SUB, "(i)", 2), (SUB, "(ii)", 2), (SUB, "(b)", 1)]


def test_a_label_after_unnumbered_text_leads_a_list_and_after_a_heading_is_unnumbered_text_whole() -> None:
    """Unnumbered text may lead in a list ("The following data shall be recorded:" then (a), (b));
    a label right after a heading follows no text, and stays text, label and all."""
    lines: list[Line] = [plain("Said the Chair:"), item("(a)", "first"),
                         HeadingLine(BlockKind.SECTION, "A.", ("Themes",)), item("(b)", "second")]
    blocks = classify(lines, EN)
    assert [b.kind for b in blocks] == [UN, SUB, BlockKind.SECTION, UN]
    assert (blocks[1].number, blocks[1].depth, blocks[1].runs) == ("(a)", 1, ("first",))
    assert blocks[3].runs == ("(b) second",)


def test_a_number_a_list_expects_continues_the_list() -> None:
    """Arabic's fourth level is "1.", "2.": inside such a list "1." is not paragraph 1."""
    ar = language_pack("ar")
    lines: list[Line] = [numbered("1.", "text"), item(ar.subparagraph_label(1, 1), "a"),
                         item(ar.subparagraph_label(2, 1), "b"), item(ar.subparagraph_label(3, 1), "c"),
                         numbered("1.", "d"), numbered("2.", "e")]
    assert [k[0] for k in kinds(lines, "ar")] == [P, SUB, SUB, SUB, SUB, SUB]
    assert kinds(lines, "ar")[4][2] == 4
    # Not expected there, "1." is a paragraph again.
    assert kinds([*lines[:2], numbered("1.", "d")], "ar")[-1][0] is P


def test_words_own_numbering_by_level() -> None:
    lines: list[Line] = [plain("first", list_level=0), plain("item", list_level=1), plain("item", list_level=7),
                         HeadingLine(BlockKind.CHAPTER, "II.", ("Next",)), plain("orphan", list_level=1)]
    assert kinds(lines) == [(P, "#", 0), (SUB, "#", 1), (SUB, "#", 4), (BlockKind.CHAPTER, "II.", 0), (P, "#", 0)]


def test_a_line_the_base_printed_unnumbered_stays_unnumbered_though_it_starts_with_a_number() -> None:
    line = numbered("12.", "Typed by the author.")
    base = frozenset({signature(("12.\tTyped by the author.",))})
    assert [b.kind for b in classify([line], EN, base)] == [UN]
    assert classify([line], EN, base)[0].runs == ("12. Typed by the author.",)
    # Edited, it is no longer what the base printed: a numbered paragraph.
    edited = numbered("12.", "Typed by the author, edited.")
    assert [b.kind for b in classify([edited], EN, base)] == [P]


# --- pairing with the base ----------------------------------------------------------------------------
def base_item(kind: BlockKind, text: str, node: Paragraph | None = None) -> BaseItem:
    return BaseItem(kind, node if node is not None else Paragraph(text, id=f"p-{text[:6]}"), signature((text,)), "")


def test_pairing_takes_the_same_text_first_then_the_most_similar_of_the_same_kind() -> None:
    base = [base_item(P, "The meeting was opened by the Chair."), base_item(P, "Delegates agreed."),
            base_item(UN, "The meeting was opened by the Chair, again.")]
    blocks = [(P, signature(("Delegates agreed.",))), (P, signature(("The meeting was opened by the Chairs.",))),
              (P, signature(("Something else entirely, and long.",)))]
    assert pair(blocks, base) == [1, 0, None]


def test_pairing_gives_each_base_block_once_and_in_order_among_equals() -> None:
    base = [base_item(P, "Same."), base_item(P, "Same.")]
    assert pair([(P, signature(("Same.",)))] * 3, base) == [0, 1, None]


def test_fixed_wording_pairs_only_word_for_word() -> None:
    fixed = BaseItem(BlockKind.SUBSECTION, None, signature(("Main findings",)), "1.")
    assert pair([(BlockKind.SUBSECTION, signature(("Main findings",)))], [fixed]) == [0]
    assert pair([(BlockKind.SUBSECTION, signature(("Main finding",)))], [fixed]) == [None]


# --- the body's tree ------------------------------------------------------------------------------
def tree(blocks: list[VBlock]) -> tuple[tuple[Chapter, ...], list[Problem]]:
    warnings: list[Problem] = []
    ctx = context(None, blocks, EN, "en", "draft", warnings)
    _, _, chapters, annexes = body.body(ctx, place(blocks, (), ctx.anchors))
    assert annexes == ()
    return chapters, warnings


def test_the_tree_nests_subparagraphs_under_their_paragraph() -> None:
    chapters, warnings = tree([VBlock(BlockKind.CHAPTER, ["Intro"]), VBlock(P, ["Themes:"], "1."),
                               VBlock(SUB, ["one"], "(a)", 1), VBlock(SUB, ["deeper"], "(i)", 2),
                               VBlock(SUB, ["two"], "(b)", 1), VBlock(UN, ["Closing."])])
    assert warnings == []
    (chapter,) = chapters
    paragraph, closing = chapter.content
    assert isinstance(paragraph, Paragraph) and isinstance(closing, UnnumberedText)
    assert [s.text for s in paragraph.subparagraphs] == [("one",), ("two",)]
    assert paragraph.subparagraphs[0].subparagraphs == (Subparagraph("deeper"),)


def test_blocks_out_of_place_are_read_as_what_fits_and_said_so_without_changing_the_blocks() -> None:
    """Text before the first heading stays the report's own (no "Introduction" chapter is made up);
    an item that follows a heading is a paragraph; a subsection before any chapter is the chapter."""
    blocks = [VBlock(UN, ["Before any chapter."], where="line 3"), VBlock(SUB, ["its item"], "(c)", 1, "line 4"),
              VBlock(BlockKind.SUBSECTION, ["Loose"], "1.", where="line 7"), VBlock(SUB, ["orphan"], "(c)", 1, "line 8"),
              VBlock(BlockKind.SUBSECTION, ["Looser"], "2.", where="line 9"), VBlock(P, ["Inside."], "2.")]
    given = tuple(blocks)
    warnings: list[Problem] = []
    ctx = context(None, blocks, EN, "en", "draft", warnings)
    _, content, chapters, annexes = body.body(ctx, place(blocks, (), ctx.anchors))
    assert tuple(blocks) == given and annexes == ()
    assert [(w.path, w.message.split(":")[0]) for w in warnings] == [
        ("draft:line 4", "printed '(c)', it prints '(a)' when rendered"),  # its list is the text's own
        ("draft:line 7", "a subsection before any chapter"),
        ("draft:line 8", "subparagraph (c) follows no paragraph"),
        ("draft:line 9", "a subsection outside any section"),
    ]
    assert content == (UnnumberedText("Before any chapter.", subparagraphs=[Subparagraph("its item")]),)
    (chapter,) = chapters
    assert chapter.title == ("Loose",)
    assert [type(b) for b in chapter.content] == [Paragraph]
    (section,) = chapter.sections
    assert isinstance(section, Section) and section.title == ("Looser",)
    assert [type(b) for b in section.content] == [Paragraph]


def test_main_findings_and_suggestions_make_findings_with_their_courses_of_action() -> None:
    lead = EN.table.suggestion_lead_in.format(addressee="Member States")
    chapters, warnings = tree([
        VBlock(BlockKind.CHAPTER, ["Panel"]), VBlock(BlockKind.SECTION, ["Artificial intelligence"], "A."),
        VBlock(BlockKind.SUBSECTION, [EN.table.main_findings], "1."), VBlock(P, ["Finding."], "1."),
        VBlock(BlockKind.SUBSECTION, [EN.table.suggestions], "2."), VBlock(P, [lead], "2."),
        VBlock(SUB, ["invest;"], "(a)", 1),
    ])
    assert warnings == []
    (findings,) = chapters[0].sections
    assert isinstance(findings, Findings) and findings.theme == ("Artificial intelligence",)
    assert [p.text for p in findings.main_findings if isinstance(p, Paragraph)] == [("Finding.",)]
    assert findings.suggestions == (Suggestion("Member States", [Subparagraph("invest;")], id="p-member-states-may-wish"),)


# --- assembly on a base -------------------------------------------------------------------------------
def small_report() -> Report:
    return Report(
        masthead=Masthead(symbol="E/CN.16/2026/2", date=datetime.date(2026, 2, 2)),
        body="Commission on Science and Technology for Development",
        session=Session(29, "Geneva", datetime.date(2026, 4, 13), datetime.date(2026, 4, 17)),
        title="Report of the panel",
        chapters=[Chapter("Introduction", id="intro", content=[
            Paragraph("The meeting was opened.", id="p-open", subparagraphs=[Subparagraph("first;", id="s-1")]),
            Paragraph(("As said in paragraph ", CrossRef("p-open"), "."), id="p-ref"),
            UnnumberedText("12.\tTyped by the author.", id="u-typed"),
        ])],
    )


def shown(report: Report, edit: dict[str, str] | None = None) -> Visible:
    """What the report prints, as a format reader would hand it over (optionally with edited blocks)."""
    resolved = base_of(report)
    doc = resolved.doc
    m, f = doc.masthead, doc.front
    blocks = []
    for item, block in zip(resolved.items, doc.blocks, strict=True):
        runs = [(edit or {}).get(str(r), r) for r in resolved_runs(printed(block)[1], doc.notes)]
        depth = block.depth if isinstance(block, SubparagraphItem) else 0
        blocks.append(VBlock(item.kind, runs, item.label, depth, where=f"block {len(blocks) + 1}"))
    lines = [x for x in (m.united_nations, m.symbol, m.organ, m.distribution, m.date, m.language_line) if x]
    return Visible(tuple(lines), None, ((f.body,), (f.session,), (f.place_and_dates,)), doc.title, (), tuple(blocks))


def test_assembly_of_what_the_base_printed_is_the_base() -> None:
    report = small_report()
    warnings: list[Problem] = []
    assert assemble(shown(report), report, warnings, "draft") == report
    assert warnings == []


def test_an_edited_block_keeps_its_id_and_the_others_their_content() -> None:
    report = small_report()
    warnings: list[Problem] = []
    edit = {"The meeting was opened.": "The meeting was opened by the Chair."}
    read = assemble(shown(report, edit), report, warnings, "draft")
    assert warnings == []
    opened, referring, typed = read.chapters[0].content
    assert isinstance(opened, Paragraph) and (opened.id, opened.text) == ("p-open", (edit["The meeting was opened."],))
    assert referring == report.chapters[0].content[1]  # the cross-reference is the base's, not text
    assert typed == report.chapters[0].content[2]


def test_a_deleted_target_prints_the_number_its_reference_last_showed() -> None:
    report = small_report()
    warnings: list[Problem] = []
    visible = shown(report)
    gone = attrs.evolve(visible, blocks=(visible.blocks[0], *visible.blocks[3:]))  # paragraph 1 and its (a) deleted
    read = assemble(gone, report, warnings, "draft")
    referring = read.chapters[0].content[0]
    assert isinstance(referring, Paragraph) and referring.text == ("As said in paragraph 1.",)
    assert [w.message for w in warnings] == ["a cross-reference to 'p-open' pointed at a deleted block"]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_base_unnumbered_signatures_are_what_it_printed_unnumbered(language: str) -> None:
    report = small_report()
    resolved = base_of(Report(**{**{a: getattr(report, a) for a in ("masthead", "body", "session", "title",
                                                                       "chapters")}, "language": language}))
    assert unnumbered(resolved) == frozenset({signature(("12. Typed by the author.",))})
    assert unnumbered(None) == frozenset()


def test_a_lead_in_the_typography_spaced_is_still_a_suggestion() -> None:
    """French puts a narrow no-break space after "«": "«\u202fvoudront…" is the lead-in of "«"."""
    report = attrs.evolve(small_report(), language="fr", chapters=[Chapter("Débat", sections=[
        Findings("Thème", main_findings=[Paragraph("Constat.")],
                 suggestions=[Suggestion("«", [Subparagraph("agir.")], id="s-quote")])])])
    resolved = base_of(report)
    lead_ins = [str(printed(b)[1][0]) for b in resolved.doc.blocks if isinstance(b.origin, Suggestion)]
    assert lead_ins and all("«\u202f" in text for text in lead_ins)
    warnings: list[Problem] = []
    assert cstd_docs.read_markdown(cstd_docs.render_markdown(report), warnings=warnings) == report
    assert warnings == []


# --- the format readers' own stages ---------------------------------------------------------------------
def test_word_tokens_become_runs_and_heading_parts() -> None:
    from cstd_docs.readers.tokens import Break, Tab, Text, heading_parts, to_runs

    # a tab inside the text is the text's own (a label's tab is cut before): it prints as a tab again
    assert to_runs([Text("a"), Tab(), Text("b", italic=True), Break(True), Text("c", italic=True)]) == [
        "a\t", Emphasis("b\nc")]
    assert to_runs([Text("a"), Break(), Text("b", bold=True), Text("c", url="https://x.org")]) == [
        "a\n", Strong("b"), Link("c", "https://x.org")]
    number, title = heading_parts([Tab(), Text("II."), Tab(), Text("Findings")])
    assert (number, to_runs(title)) == ("II.", ["Findings"])
    number, title = heading_parts([Text("A. Themes")])  # typed with a space: documents not ours
    assert (number, to_runs(title)) == ("A.", ["Themes"])
    assert heading_parts([Tab(), Tab(), Text("Untitled")])[0] == ""


_MARKDOWN_TEXT = st.text(alphabet="ab *_[]^()\\&#;1.:", max_size=30)


@settings(max_examples=300, deadline=None)
@given(label=st.sampled_from(["\\(a)", "\\(ii)", "a.", "iv.", "12\\.", "3."]), rest=_MARKDOWN_TEXT)
def test_markdown_cuts_the_text_after_a_label_as_parsing_it_alone_would(label: str, rest: str) -> None:
    """The reader parses a line once and cuts the label off its runs (markdown._Reader.after)."""
    from cstd_docs.readers.markdown import _Reader
    from cstd_docs.readers.markdown_inline import parse_runs, unescape

    reader = _Reader({"1": "a note"}, "en")
    joined = f"{label} {rest}"
    whole = reader.runs(joined)
    assert reader.after(whole, unescape(label) + " ", rest) == parse_runs(rest, reader.notes, [])
