"""Reports for the Word writer's tests, built with the model API (no JSON, no writer code).

``build_report`` builds a report of any size that exercises every construct the writer
lays out: all heading levels, annexes, subparagraphs four deep, free notes, citations,
italics, cross-references, a symbol, a job number and asterisk marks on the first page.
"""

from __future__ import annotations

import datetime

from cstd_docs.model import (
    AgendaItem,
    Annex,
    Chapter,
    Citation,
    CrossRef,
    Delegation,
    Emphasis,
    Findings,
    Masthead,
    Note,
    Organization,
    Paragraph,
    Person,
    Report,
    Section,
    Session,
    Subparagraph,
    Subsection,
    Suggestion,
    UnnumberedText,
)

SYMBOL = "E/CN.16/2030/7"
JOB_NUMBER = "GE.30-01234(E)"



def _paragraph(serial: int, with_note: bool, target: str | None) -> Paragraph:
    text: list[object] = [f"Paragraph text number {serial} with ", Emphasis(f"Italic Title {serial}"), " inside it."]
    if with_note:
        text.append(Note(f"Free note attached to paragraph {serial}."))
    if serial % 3 == 0:
        text += [" One speaker", Citation("speaker"), " said so."]
    if target is not None and serial % 5 == 0:
        text += [" See paragraph ", CrossRef(target), "."]
    subs: list[Subparagraph] = []
    if serial % 4 == 0:
        deepest = Subparagraph(f"Fourth level under {serial};")
        third = Subparagraph(f"Third level under {serial};", subparagraphs=[deepest])
        second = Subparagraph(f"Second level under {serial};", subparagraphs=[third])
        subs = [Subparagraph(f"First item under {serial};", subparagraphs=[second]), Subparagraph("Last item.")]
    return Paragraph(text, id=f"p{serial}", subparagraphs=subs)


def build_report(
    *,
    chapters: int = 3,
    paragraphs_per_section: int = 3,
    symbol: str | None = SYMBOL,
    asterisks: bool = False,
    job_number: str | None = JOB_NUMBER,
    annexes: int = 1,
) -> Report:
    serial = 0

    def paragraphs(count: int) -> list[Paragraph | UnnumberedText]:
        nonlocal serial
        out: list[Paragraph | UnnumberedText] = []
        for _ in range(count):
            serial += 1
            out.append(_paragraph(serial, with_note=serial % 2 == 1, target="p1" if serial > 1 else None))
        return out

    body: list[Chapter] = []
    for c in range(chapters):
        # Built in reading order, so paragraph texts count the way the document numbers them.
        lead = [UnnumberedText("An unnumbered lead-in."), *paragraphs(paragraphs_per_section)]
        sections: list[Section | Findings] = []
        for s in range(2):
            section_content = paragraphs(paragraphs_per_section)
            subsections = []
            for k in range(2):
                subsections.append(Subsection(f"Subsection {c}.{s}.{k}", content=paragraphs(paragraphs_per_section)))
            sections.append(Section(f"Section {c}.{s}", content=section_content, subsections=subsections))
        sections.append(
            Findings(
                f"Theme {c}",
                main_findings=paragraphs(1),
                suggestions=[Suggestion("Member States", [Subparagraph("Act;"), Subparagraph("Report back.")])],
            )
        )
        body.append(Chapter(f"Chapter {c}", content=lead, sections=sections))
    annex_list = [Annex(f"Annex title {a}", content=paragraphs(2)) for a in range(annexes)]
    return Report(
        masthead=Masthead(symbol=symbol, date=datetime.date(2030, 2, 1), job_number=job_number),
        body="Commission on Science and Technology for Development",
        session=Session(33, "Geneva", datetime.date(2030, 4, 1), datetime.date(2030, 4, 5)),
        agenda_items=[AgendaItem(3, "Science and technology for development")],
        agenda_symbol="E/CN.16/2030/1",
        title=["Synthetic report for layout tests", Note("Note on the title.")],
        subtitles=[["Prepared by the secretariat", Note("Note on the subtitle.")]],
        first_page_notes="asterisks" if asterisks else "numbered",
        participants={
            "speaker": Person("Ms.", "Ada Example", position="Director", organization="Example Institute"),
            "state": Delegation("Norway"),
            "org": Organization("World Example Organization", country="Kenya"),
        },
        chapters=body,
        annexes=annex_list,
    )
