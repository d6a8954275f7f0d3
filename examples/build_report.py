"""Build a small report with the Python API, then write it as JSON and Markdown.

    python examples/build_report.py OUT_DIR

No number is written anywhere: paragraph numbers, note numbers and the "(a)" labels
come from the resolution pass when the report is rendered. Chapter I holds a draft decision
approving a provisional agenda (items, a sub-item with its documentation, a heading) and a
draft resolution whose operative paragraphs run on across a subheading and whose notes are
numbered on their own; the two agenda items share one label line.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import cstd_docs
from cstd_docs.model import (
    AgendaDocument,
    AgendaItem,
    AgendaLabel,
    Chapter,
    Citation,
    CrossRef,
    Decision,
    DecisionParagraph,
    Delegation,
    Emphasis,
    Findings,
    Masthead,
    Note,
    NoteNumbering,
    Operative,
    Paragraph,
    Person,
    Preambular,
    ProvisionalAgenda,
    ProvisionalItem,
    ProvisionalSubItem,
    Report,
    Resolution,
    Session,
    Subparagraph,
    Suggestion,
)


def build() -> Report:
    return Report(
        schema="../schemas/report.schema.json",
        masthead=Masthead(symbol="E/CN.16/2026/2", date=datetime.date(2026, 2, 2)),
        body="Commission on Science and Technology for Development",
        session=Session(29, "Geneva", datetime.date(2026, 4, 13), datetime.date(2026, 4, 17)),
        agenda_items=(AgendaItem(2, "Progress made in the implementation of the outcomes of the World Summit"),
                      AgendaItem(3, "Science and technology for development")),
        agenda_label=AgendaLabel.JOINED,  # "Items 2 and 3 of the provisional agenda"
        agenda_symbol="E/CN.16/2026/1",
        title="Report of the intersessional panel meeting",
        subtitles=(("Prepared by the UNCTAD secretariat", Note("Summary of the discussions.")),),
        participants={
            "chair": Person("Ms.", "Jane Doe", country="Portugal"),
            "thailand": Delegation("Thailand"),
        },
        chapters=(
            Chapter(
                id="action",
                title="Matters calling for action by the Economic and Social Council",
                content=(
                    Paragraph("The Commission recommends the adoption of the following draft texts:"),
                    Decision(
                        id="agenda-decision",
                        title="Provisional agenda for the thirtieth session of the Commission",
                        paragraphs=(
                            DecisionParagraph("The Economic and Social Council approves the provisional agenda "
                                              "set out below."),
                            ProvisionalAgenda(items=(
                                ProvisionalItem("Election of officers."),
                                ProvisionalItem("Science and technology for development:", heading="Substantive items",
                                                sub_items=(ProvisionalSubItem("Priority theme;", documentation=(
                                                    AgendaDocument("Report of the Secretary-General",
                                                                   "E/CN.16/2027/2"),)),)),
                            )),
                        ),
                    ),
                    Resolution(
                        id="wsis-resolution",
                        title="Assessment of the progress made in the implementation of the Summit outcomes",
                        enacting=(Emphasis("The Economic and Social Council"), ","),
                        preamble=(Preambular((Emphasis("Recalling"), " the outcome documents of the Summit,",
                                              Note("See A/60/687."))),),
                        operative=(
                            Operative((Emphasis("Notes"), " the progress made;"), heading="Taking stock"),
                            Operative((Emphasis("Recommends"), " that the Commission continue its work."),
                                      heading="The road ahead"),
                        ),
                        note_numbering=NoteNumbering.OWN,  # its note is its note 1
                    ),
                ),
            ),
            Chapter(
                id="introduction",
                title="Introduction",
                content=(
                    Paragraph(id="opening", text=("The meeting was opened by the Chair.", Citation("chair"))),
                    Paragraph(
                        id="themes",
                        text=("The panel discussed ", Emphasis("Technology and Innovation Report 2025"), ":"),
                        subparagraphs=(Subparagraph("Artificial intelligence;"), Subparagraph("Data governance.")),
                    ),
                ),
            ),
            Chapter(
                id="findings",
                title="Findings and suggestions",
                content=(
                    Paragraph(
                        ("As noted in paragraph ", CrossRef("themes"), ", a delegate", Citation("thailand"), " spoke.")
                    ),
                ),
                sections=(
                    Findings(
                        theme="Artificial intelligence",
                        main_findings=(Paragraph("Capacities differ widely."),),
                        suggestions=(Suggestion("Member States", (Subparagraph("Invest in skills."),)),),
                    ),
                ),
            ),
        ),
    )


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    report = build()
    cstd_docs.dump(report, out / "small-report.json")
    (out / "small-report.md").write_text(cstd_docs.render_markdown(report), encoding="utf-8")
    print(f"wrote {out / 'small-report.json'} and {out / 'small-report.md'}")


if __name__ == "__main__":
    main()
