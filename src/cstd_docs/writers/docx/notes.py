"""The notes part: the separator as printed and one FootnoteText paragraph per resolved note."""

from __future__ import annotations

from cstd_docs.resolve.document import ResolvedNote
from cstd_docs.writers.docx import styles as st
from cstd_docs.writers.docx.inline_runs import custom_mark_properties, inline, note_id
from cstd_docs.writers.docx.layout import GENEVA
from cstd_docs.writers.docx.oxml import CT_Footnotes
from cstd_docs.writers.docx.oxml.build import Element, Prop, Property, make, paragraph, prop, run, val_prop

NOTES = GENEVA.notes


def note_paragraph(note: ResolvedNote) -> Element:
    """FootnoteText: TAB, the mark (``w:footnoteRef``, or the literal ``*``), TAB, the text.

    Word right-aligns the mark at the number tab and starts the text at the indent, on
    every line (layout.NoteLayout). LibreOffice puts its own number at the first-line
    indent and the text at the indent; the first TAB then goes to the stop just past the
    indent and the second is dropped by its importer, so the text starts there too.
    """
    mark_style: list[Property] = [val_prop("w:rStyle", st.FOOTNOTE_REFERENCE)]
    if note.custom:
        mark = run(note.mark, [*mark_style, *custom_mark_properties(note.mark)])
    else:
        mark = run("", mark_style, make("w:footnoteRef"))
    return paragraph([val_prop("w:pStyle", st.FOOTNOTE_TEXT)], [run("\t"), mark, run("\t"), *inline(note.text, None)])


def separator_paragraphs() -> tuple[Element, Element]:
    """The separator as printed: an underlined tab from NOTES.separator_start to separator_end.

    A hairline (the underline of 10 pt text), 2.6 cm long, 1.2 cm in from the margin. The
    separator mark itself is kept, hidden: Word prints only the underlined tab, and
    LibreOffice, which draws a line of its own wherever the mark is present, keeps one.
    The continuation separator stays Word's full-width line.
    """
    line = paragraph(
        [tabs_right(NOTES.separator_end), st.spacing(after=NOTES.separator_after, line=240, rule="auto"),
         prop("w:ind", {"w:left": NOTES.separator_start})],
        [run("\t", [val_prop("w:u", "single")]), run("", [Prop("w:vanish")], make("w:separator"))],
    )
    continuation = paragraph(
        [st.spacing(after=0, line=240, rule="auto")], [run("", (), make("w:continuationSeparator"))]
    )
    return line, continuation


def tabs_right(position: int) -> Prop:
    return prop("w:tabs", None, prop("w:tab", {"w:val": "right", "w:pos": position}))


def write_notes(footnotes: CT_Footnotes, notes: tuple[ResolvedNote, ...]) -> None:
    """Replace every note of the part: the two separators, then one note per resolved note."""
    footnotes.remove_notes()
    footnotes.add_separators(*separator_paragraphs())
    for index, note in enumerate(notes):
        footnotes.add_note(note_id(index)).append(note_paragraph(note))
