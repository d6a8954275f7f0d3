"""The body of a report: chapters, sections, subsections, paragraphs, subparagraphs.

Nothing here carries a number. Chapter numerals, section letters, paragraph numbers
and subparagraph labels are derived from position by the resolution pass, so moving
or inserting anything renumbers every output.
"""

from __future__ import annotations

from attrs import field, frozen

from cstd_docs.model.inline import Inlines, to_inlines, to_tuple

# --- instruments (issue 12): a resolution is a block of a chapter; its list items live in items.py
from cstd_docs.model.instruments import Decision, DecisionParagraph, Operative, Preambular, Resolution
from cstd_docs.model.items import Subparagraph
from cstd_docs.model.numbering import Numbering
from cstd_docs.model.typed import to_enum, typed_fields

# --- end instruments


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


Block = Paragraph | UnnumberedText | Resolution | Decision


@frozen(field_transformer=typed_fields)
class Subsection:
    """A subsection, numbered 1., 2. within its section."""

    id: str | None = field(default=None, kw_only=True)
    title: Inlines = field(converter=to_inlines)
    content: tuple[Block, ...] = field(default=(), converter=to_tuple)


@frozen(field_transformer=typed_fields)
class Section:
    """A section, lettered A., B. within its chapter."""

    id: str | None = field(default=None, kw_only=True)
    title: Inlines = field(converter=to_inlines)
    content: tuple[Block, ...] = field(default=(), converter=to_tuple)
    subsections: tuple[Subsection, ...] = field(default=(), converter=to_tuple)


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
        | Resolution | Preambular | Operative | Decision | DecisionParagraph)
