"""The body of a report: chapters, sections, subsections, paragraphs, subparagraphs.

Nothing here carries a number. Chapter numerals, section letters, paragraph numbers
and subparagraph labels are derived from position by the resolution pass, so moving
or inserting anything renumbers every output.
"""

from __future__ import annotations

from attrs import field, frozen

# --- instruments (issue 12): a resolution is a block of a chapter; its list items live in items.py
from cstd_docs.model.agenda import AgendaDocument, ProvisionalAgenda, ProvisionalItem, ProvisionalSubItem
from cstd_docs.model.inline import Inlines, to_inlines, to_tuple
from cstd_docs.model.instruments import Decision, DecisionParagraph, Operative, Preambular, Resolution
from cstd_docs.model.items import Subparagraph

# --- bulleted lists and indented lines (issue 13)
from cstd_docs.model.lists import Bullet, IndentedLines, Line
from cstd_docs.model.numbering import Numbering

# --- tables and figures (issue 13)
from cstd_docs.model.tables import Figure, Table
from cstd_docs.model.typed import to_enum, typed_fields

# --- end instruments, bulleted lists and indented lines


def _numbering(value: Numbering | str | None) -> Numbering | None:
    return None if value is None else to_enum(Numbering)(value)


@frozen(field_transformer=typed_fields)
class Paragraph:
    """A numbered paragraph. Its text is the lead-in when it has subparagraphs.

    ``level``: under decimal numbering, how deep the clause stands (1 prints "3.", 2 "3.1.",
    3 "3.1.1."); 1 under the UN's numbering.
    """

    id: str | None = field(default=None, kw_only=True)
    text: Inlines = field(converter=to_inlines)
    subparagraphs: tuple[Subparagraph, ...] = field(default=(), converter=to_tuple)
    level: int = field(default=1, kw_only=True)


@frozen(field_transformer=typed_fields)
class UnnumberedText:
    """Body text that takes no paragraph number."""

    id: str | None = field(default=None, kw_only=True)
    unnumbered: Inlines = field(converter=to_inlines)
    #: A list led in by the text ("The following data shall be recorded:" then (a), (b)).
    subparagraphs: tuple[Subparagraph, ...] = field(default=(), converter=to_tuple, kw_only=True)


# --- boxes (issue 13) ---------------------------------------------------------------------------
#: What a box holds: text that takes no paragraph number.
BoxBlock = UnnumberedText


@frozen(field_transformer=typed_fields)
class Box:
    """A titled box in the body, framed the width of the text column: "Box 1" (derived, per
    language), its title, then its blocks. Nothing in it takes a report paragraph number.

    The JSON writes its title as ``"box"``: ``{"box": "Good practices", "content": […]}``.
    """

    id: str | None = field(default=None, kw_only=True)
    title: Inlines = field(converter=to_inlines, metadata={"json": "box"})  # report.JSON_NAME (report imports body)
    content: tuple[BoxBlock, ...] = field(default=(), converter=to_tuple)
# --- end boxes


Block = (Paragraph | UnnumberedText | Resolution | Decision | Box | Bullet | IndentedLines | Table | Figure
         | ProvisionalAgenda)

# A heading that prints no numeral (issue 13: an agenda-item heading, "Agenda items 1 and 2" over
# its title, or a document's own scheme) is the same Chapter, Section or Subsection with
# ``numbered=False``: it keeps its place in the tree (its content and parts stay its own), and the
# numbered headings beside it are counted without it (I, unnumbered, II). docs/json-format.md.


@frozen(field_transformer=typed_fields)
class Subsection:
    """A subsection, numbered 1., 2. within its section."""

    id: str | None = field(default=None, kw_only=True)
    title: Inlines = field(converter=to_inlines)
    content: tuple[Block, ...] = field(default=(), converter=to_tuple)
    #: False: the subsection prints no number; its numbered siblings are counted without it.
    numbered: bool = field(default=True, kw_only=True)


@frozen(field_transformer=typed_fields)
class Section:
    """A section, lettered A., B. within its chapter."""

    id: str | None = field(default=None, kw_only=True)
    title: Inlines = field(converter=to_inlines)
    content: tuple[Block, ...] = field(default=(), converter=to_tuple)
    subsections: tuple[Subsection, ...] = field(default=(), converter=to_tuple)
    #: False: the section prints no letter; its numbered siblings are counted without it.
    numbered: bool = field(default=True, kw_only=True)


@frozen(field_transformer=typed_fields)
class Suggestion:
    """Courses of action put to one addressee ("Member States", "The international community").

    Renders as a numbered paragraph with the fixed lead-in "<addressee> may wish to
    consider the following courses of action:" and one subparagraph per course.
    """

    id: str | None = field(default=None, kw_only=True)
    addressee: str
    courses: tuple[Subparagraph, ...] = field(converter=to_tuple)


@frozen(field_transformer=typed_fields)
class Findings:
    """The findings and suggestions of a meeting on one theme.

    Renders as a section titled with the theme, holding the subsections
    "Main findings" and "Suggestions" in the report's language.
    """

    id: str | None = field(default=None, kw_only=True)
    theme: Inlines = field(converter=to_inlines)
    main_findings: tuple[Block, ...] = field(default=(), converter=to_tuple)
    suggestions: tuple[Suggestion, ...] = field(default=(), converter=to_tuple)


ChapterPart = Section | Findings


@frozen(field_transformer=typed_fields)
class Chapter:
    """A chapter, numbered I., II. through the report (restarting in each annex)."""

    id: str | None = field(default=None, kw_only=True)
    title: Inlines = field(converter=to_inlines)
    content: tuple[Block, ...] = field(default=(), converter=to_tuple)
    sections: tuple[ChapterPart, ...] = field(default=(), converter=to_tuple)
    #: False: the chapter prints no numeral; its numbered siblings are counted without it.
    numbered: bool = field(default=True, kw_only=True)


@frozen(field_transformer=typed_fields)
class Annex:
    """An annex: "Annex" (or "Annex I", "Annex II" when there are several).

    Paragraph numbers restart at 1 in each annex. ``numbering``: the annex's own scheme
    (decimal clauses in an annex of a report numbered the UN's way); None takes the report's.
    """

    id: str | None = field(default=None, kw_only=True)
    title: Inlines = field(converter=to_inlines)
    content: tuple[Block, ...] = field(default=(), converter=to_tuple)
    chapters: tuple[Chapter, ...] = field(default=(), converter=to_tuple)
    numbering: Numbering | None = field(default=None, converter=_numbering, kw_only=True)


#: Every model node that becomes a block of the resolved document (a heading, a paragraph, an
#: item, a line of text). A resolved block names the node it came from, so that readers pair
#: what they see with the base report by identity, not by the order of a walk.
Node = (Annex | Chapter | Section | Findings | Subsection | Paragraph | Subparagraph | Suggestion | UnnumberedText
        | Resolution | Preambular | Operative | Decision | DecisionParagraph | Box
        | Bullet | IndentedLines | Line | Table | Figure
        | ProvisionalAgenda | ProvisionalItem | ProvisionalSubItem | AgendaDocument)
