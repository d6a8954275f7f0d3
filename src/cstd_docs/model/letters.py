"""A letter of transmittal before the report (issue 13).

"Letter dated 2 May 2025 from the Co-Chairs of … addressed to the President of the General
Assembly": its heading is composed from the language's fixed words and the letter's date,
sender and addressee; its paragraphs are unnumbered, with a first-line indent; its signature
block prints "(Signed)" before each name, one name a line, and the signatories' title under
them, set to the right. The report's own title block follows on a new page.
"""

from __future__ import annotations

import datetime

from attrs import field, frozen

from cstd_docs.model.inline import Inlines, to_inlines, to_tuple
from cstd_docs.model.typed import to_date, typed_fields


def _paragraphs(value: object) -> tuple[Inlines, ...]:
    items = to_tuple(value)  # type: ignore[arg-type]
    return tuple(to_inlines(v) for v in items) if isinstance(items, tuple) else items


@frozen(kw_only=True, field_transformer=typed_fields)
class Letter:
    """A letter of transmittal: who wrote it, to whom, when, what it says and who signed it.

    ``sender`` and ``addressee`` are written as the heading prints them in the report's
    language, with their articles ("the Co-Chairs of the informal consultations on …",
    "the President of the General Assembly").
    """

    date: datetime.date = field(converter=to_date)
    sender: str
    addressee: str
    paragraphs: tuple[Inlines, ...] = field(converter=_paragraphs)
    #: The names that signed, each printed after "(Signed)" on a line of its own.
    signatories: tuple[str, ...] = field(converter=to_tuple)
    #: Their title, under the names ("Co-Chairs"); a "\n" breaks it into lines.
    signatory_title: str | None = None
