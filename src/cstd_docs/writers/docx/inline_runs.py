"""Inline content as Word runs: text, italic and bold, links, note marks (``NoteLinks``, which
numbers nothing: it places the resolved marks) and cross-reference fields to the bookmarks
around their targets' labels (``Bookmarks``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import assert_never

from cstd_docs.crossrefs import bookmark_name
from cstd_docs.errors import ReportError
from cstd_docs.model import Emphasis, Link, Strong, StrongEmphasis
from cstd_docs.resolve.document import NoteLetter, NoteRef, Reference, ResolvedNote, ResolvedReport, Run
from cstd_docs.writers.docx import styles as st
from cstd_docs.writers.docx.layout import GENEVA
from cstd_docs.writers.docx.oxml.build import Element, Property, make, run, text, val_prop
from cstd_docs.writers.docx.styled import hyperlink, joined_runs, mark_separator, strong

#: The run properties of plain text, made afresh for each run (an element has one parent).
Props = Callable[[], list[Property]]


def custom_mark_properties(mark: str = "*") -> list[Property]:
    """A custom mark (*, **) as printed: full size on the baseline, upright and not bold, not a raised dot.
    A number an instrument restarted (its own notes, issue 12) is raised as every note number."""
    if mark.isdigit():
        return []
    return [val_prop("w:b", 0), val_prop("w:bCs", 0), *st.size(GENEVA.custom_mark_size),
            val_prop("w:vertAlign", "baseline")]


def note_id(index: int) -> int:
    """The ``w:id`` of the note at ``index`` in :attr:`ResolvedReport.notes` (1, 2, …)."""
    return index + 1


class NoteLinks:
    """Checks that each resolved note is referenced exactly once, and builds the references."""

    def __init__(self, notes: tuple[ResolvedNote, ...], separator: str = ",") -> None:
        self.notes = notes
        #: Printed between two marks at one spot.
        self.separator = separator
        self.referenced: set[int] = set()  # a set: a list made 50,000 paragraphs quadratic

    def reference(self, ref: NoteRef) -> Element:
        if not 0 <= ref.note < len(self.notes):
            raise ReportError.single(
                "notes", f"a note mark {ref.mark!r} points at note {ref.note}, but there are {len(self.notes)} notes"
            )
        if ref.note in self.referenced:
            raise ReportError.single("notes", f"note {ref.mark!r} is referenced twice; a Word note has one mark")
        self.referenced.add(ref.note)
        note = self.notes[ref.note]
        attrs: dict[str, str | int] = {}
        custom = ref.custom or note.custom
        if custom:
            attrs["w:customMarkFollows"] = 1
        attrs["w:id"] = note_id(ref.note)
        properties = [val_prop("w:rStyle", st.FOOTNOTE_REFERENCE),
                      *(custom_mark_properties(ref.mark) if custom else [])]
        reference = run("", properties, make("w:footnoteReference", attrs))
        if custom:
            # The mark follows in the same run. One w:t per character: Word reads "**" the
            # same either way, and LibreOffice (7.4) then takes it as the mark instead of
            # printing it a second time after its own.
            for char in ref.mark:
                reference.append(text(char))
        return reference

    def check_all_referenced(self) -> None:
        missing = [self.notes[i].mark for i in range(len(self.notes)) if i not in self.referenced]
        if missing:
            raise ReportError.single("notes", f"notes {', '.join(missing)} have no mark in the text")


class Bookmarks:
    """Bookmarks on the labels of the blocks that cross-references name, with their ``w:id``s."""

    def __init__(self, report: ResolvedReport) -> None:
        self.labels = report.referenced
        self._next_id = 0

    def around(self, block_id: str | None, number: str, properties: Iterable[Property] = ()) -> list[Element]:
        """Runs for ``number`` with a bookmark around the label in it, if ``block_id`` is named."""
        label = self.labels.get(block_id) if block_id is not None else None
        at = number.find(label) if label else -1
        if block_id is None or label is None or at < 0:
            return [run(number, list(properties))] if number else []
        props = list(properties)
        self._next_id += 1
        ident = self._next_id
        out: list[Element] = []
        if at:
            out.append(run(number[:at], [*props]))
        out.append(make("w:bookmarkStart", {"w:id": ident, "w:name": bookmark_name(block_id)}))
        out.append(run(label, [*props]))
        out.append(make("w:bookmarkEnd", {"w:id": ident}))
        if number[at + len(label):]:
            out.append(run(number[at + len(label):], [*props]))
        return out


def reference_field(reference: Reference, properties: list[Property]) -> list[Element]:
    """A REF field to the target's bookmark, showing the label (Word updates it from the bookmark)."""
    instruction = make("w:instrText", {"xml:space": "preserve"})
    instruction.text = f" REF {bookmark_name(reference.target)} \\h "
    return [
        run("", properties, make("w:fldChar", {"w:fldCharType": "begin"})),
        run("", properties, instruction),
        run("", properties, make("w:fldChar", {"w:fldCharType": "separate"})),
        run(str(reference), properties),
        run("", properties, make("w:fldChar", {"w:fldCharType": "end"})),
    ]


def _plain(props: Props | None) -> Props:
    return props if props is not None else list


def inline(runs: Iterable[Run], links: NoteLinks | None, props: Props | None = None) -> list[Element]:
    """Runs for resolved inline content; ``props`` makes the run properties of plain text."""
    base = _plain(props)
    out: list[Element] = []
    previous: object = None
    for item in joined_runs(runs):
        if isinstance(item, NoteRef) and isinstance(previous, NoteRef) and links is not None:
            out.append(mark_separator(links.separator))
        if item != "":  # an empty text prints nothing: the marks around it stand at one spot
            previous = item
        match item:
            case Reference():
                out.extend(reference_field(item, base()))
            case str():
                if item:
                    out.append(run(item, base()))
            case Emphasis():
                out.append(run(item.text, [*base(), *st.italic()]))
            case Strong():
                out.append(strong(item, base()))
            case StrongEmphasis():
                out.append(run(item.text, [*base(), *st.bold(), *st.italic()]))
            case Link():
                out.append(hyperlink(item, base()))
            case NoteRef():
                if links is None:
                    raise ReportError.single("notes", "a note mark stands inside a note's own text")
                out.append(links.reference(item))
            case NoteLetter():  # a table's note: its letter raised, as a note's number is
                out.append(run(item.letter, [*base(), val_prop("w:vertAlign", "superscript")]))
            case _:
                assert_never(item)
    return out
