"""Small reports holding one text, to run one editorial rule on."""

from __future__ import annotations

import datetime
from typing import Any

from cstd_docs.editorial import EditorialWarning, check
from cstd_docs.model import Chapter, Delegation, Masthead, Paragraph, Report, Session

PARTICIPANTS = {"p": Delegation("Thailand")}


def report(*chapters: Chapter, language: str = "en", **fields: Any) -> Report:
    return Report(
        language=language,
        masthead=Masthead(date=datetime.date(2026, 2, 2), original_language=language),
        body="Commission on Science and Technology for Development",
        session=Session(29, "Geneva", datetime.date(2026, 4, 13), datetime.date(2026, 4, 17)),
        title=fields.pop("title", "Report of the panel"),
        participants=PARTICIPANTS,
        chapters=chapters or (Chapter("Introduction", [Paragraph("Text.")]), Chapter("Opening", [Paragraph("Text.")])),
        **fields,
    )


def in_paragraph(text: Any, language: str = "en") -> Report:
    """The text as the first paragraph of a two-chapter report (so no structure rule fires)."""
    return report(Chapter("Introduction", [Paragraph(text)]), Chapter("Opening", [Paragraph("Text.")]),
                  language=language)


def only(rule: str, subject: Report, **options: Any) -> list[EditorialWarning]:
    """The warnings of one rule alone."""
    result = check(subject, disable=["all"], enable=[rule], **options)
    assert all(w.rule == rule for w in result)
    return list(result)
