"""The registry of participants cited in footnotes.

"One speaker⁶ drew attention…" → note 6 "Ms. Maria Basso, Lead, Advanced Manufacturing
and Production, World Economic Forum." The registry holds who people are; the note
text is composed by the resolution pass in the report's language.
"""

from __future__ import annotations

from attrs import frozen

from cstd_docs.model.typed import typed_fields


@frozen(field_transformer=typed_fields)
class Person:
    """A named speaker: "Mr. Peter Major, Hungary."."""

    honorific: str
    name: str
    position: str | None = None
    organization: str | None = None
    country: str | None = None


@frozen(field_transformer=typed_fields)
class Delegation:
    """A member State's delegate: "Representative of the Philippines."."""

    country: str


@frozen(field_transformer=typed_fields)
class Organization:
    """An organization speaking as such: "Pompiers Humanitaires Solidaires, Guinea."."""

    name: str
    country: str | None = None


Participant = Person | Delegation | Organization
