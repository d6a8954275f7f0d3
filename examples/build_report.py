"""Build a small report with the Python API, then write it as JSON and Markdown.

    python examples/build_report.py OUT_DIR

No number is written anywhere: paragraph numbers, note numbers and the "(a)" labels
come from the resolution pass when the report is rendered.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import cstd_docs
from cstd_docs.model import (
    AgendaItem,
    Chapter,
    Citation,
    CrossRef,
    Delegation,
    Emphasis,
    Findings,
    Masthead,
    Note,
    Paragraph,
    Person,
    Report,
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
        agenda_items=(AgendaItem(3, "Science and technology for development"),),
        agenda_symbol="E/CN.16/2026/1",
        title="Report of the intersessional panel meeting",
        subtitles=(("Prepared by the UNCTAD secretariat", Note("Summary of the discussions.")),),
        participants={
            "chair": Person("Ms.", "Jane Doe", country="Portugal"),
            "thailand": Delegation("Thailand"),
        },
        chapters=(
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
