"""The report model: small frozen attrs classes, in the UN's own vocabulary.

This is the document tree every reader produces and every writer consumes (after the
resolution pass). It stores what an author decides, never what can be derived.
"""

from cstd_docs.model.body import (
    Annex,
    Block,
    Chapter,
    ChapterPart,
    Findings,
    Node,
    Paragraph,
    Section,
    Subsection,
    Suggestion,
    UnnumberedText,
)
from cstd_docs.model.inline import (
    STYLED,
    Citation,
    CrossRef,
    Emphasis,
    Inline,
    Inlines,
    Link,
    Note,
    NoteInline,
    Strong,
    Styled,
    plain_text,
)
from cstd_docs.model.instruments import Decision, DecisionParagraph, Operative, Preambular, Resolution
from cstd_docs.model.items import Subparagraph
from cstd_docs.model.numbering import AnnexNumerals, Numbering
from cstd_docs.model.participants import Delegation, Organization, Participant, Person
from cstd_docs.model.report import (
    JSON_NAME,
    SCHEMA_KEY,
    AgendaItem,
    Distribution,
    DutyStation,
    FirstPageNotes,
    Masthead,
    Report,
    Session,
    TitleStyle,
)

__all__ = [
    "JSON_NAME",
    "SCHEMA_KEY",
    "STYLED",
    "AgendaItem",
    "Annex",
    "AnnexNumerals",
    "Block",
    "Chapter",
    "ChapterPart",
    "Citation",
    "CrossRef",
    "Decision",
    "DecisionParagraph",
    "Delegation",
    "Distribution",
    "DutyStation",
    "Emphasis",
    "Findings",
    "FirstPageNotes",
    "Inline",
    "Inlines",
    "Link",
    "Masthead",
    "Node",
    "Note",
    "NoteInline",
    "Numbering",
    "Operative",
    "Organization",
    "Paragraph",
    "Participant",
    "Person",
    "Preambular",
    "Report",
    "Resolution",
    "Section",
    "Session",
    "Strong",
    "Styled",
    "Subparagraph",
    "Subsection",
    "Suggestion",
    "TitleStyle",
    "UnnumberedText",
    "plain_text",
]
