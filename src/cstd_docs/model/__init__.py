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
    Subparagraph,
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
from cstd_docs.model.participants import Delegation, Organization, Participant, Person
from cstd_docs.model.report import (
    JSON_NAME,
    SCHEMA_KEY,
    AgendaItem,
    Distribution,
    FirstPageNotes,
    Masthead,
    Report,
    Session,
)

__all__ = [
    "JSON_NAME",
    "SCHEMA_KEY",
    "STYLED",
    "AgendaItem",
    "Annex",
    "Block",
    "Chapter",
    "ChapterPart",
    "Citation",
    "CrossRef",
    "Delegation",
    "Distribution",
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
    "Organization",
    "Paragraph",
    "Participant",
    "Person",
    "Report",
    "Section",
    "Session",
    "Strong",
    "Styled",
    "Subparagraph",
    "Subsection",
    "Suggestion",
    "UnnumberedText",
    "plain_text",
]
