"""The minimal valid report that ``cstd-docs new`` writes, to edit from."""

from __future__ import annotations

import datetime

from cstd_docs.model import (
    AgendaItem,
    Chapter,
    Citation,
    Delegation,
    Masthead,
    Note,
    Paragraph,
    Person,
    Report,
    Session,
    Subparagraph,
)

#: The schema file ``cstd-docs new`` writes beside the report, which names it in "$schema".
SCHEMA_FILE = "report.schema.json"


def starter_report(today: datetime.date | None = None, schema: str = SCHEMA_FILE) -> Report:
    today = today or datetime.date.today()
    return Report(
        schema=schema,
        masthead=Masthead(date=today, symbol="E/CN.16/2027/2"),
        body="Commission on Science and Technology for Development",
        session=Session(number=30, place="Geneva", start=today, end=today + datetime.timedelta(days=4)),
        agenda_items=(AgendaItem(number=3, title="Science and technology for development"),),
        title="Report of the intersessional panel meeting",
        subtitles=(("Prepared by the UNCTAD secretariat", Note("Replace with the note on the title block.")),),
        participants={
            "chair": Person(honorific="Ms.", name="Firstname Lastname", country="Country"),
            "delegate": Delegation(country="Country"),
        },
        chapters=(
            Chapter(
                id="introduction",
                title="Introduction",
                content=(
                    Paragraph(
                        id="opening",
                        text=("The meeting was opened by the Chair.", Citation("chair")),
                    ),
                    Paragraph(
                        id="themes",
                        text="The Commission selected the following themes:",
                        subparagraphs=(Subparagraph("First theme;"), Subparagraph("Second theme.")),
                    ),
                ),
            ),
            # A second chapter: one alone would break the Editorial Manual's "an A. needs a B."
            # rule that `cstd-docs check` applies, and a new report should start clean.
            Chapter(
                id="organizational-matters",
                title="Organizational matters",
                content=(
                    Paragraph(
                        id="adoption-of-agenda",
                        text=("The meeting adopted its agenda. Statements were made by delegations.",
                              Citation("delegate")),
                    ),
                ),
            ),
        ),
    )
