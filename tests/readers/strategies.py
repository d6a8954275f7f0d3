"""Hypothesis strategies: generated reports with every construct the readers must bring back."""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import strategies as st

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

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789éà'’-*_[]<>#\\", min_size=1, max_size=9)
_PUNCT = st.sampled_from(["", "", ",", ";", ":", ".", " (see)", "%"])


@st.composite
def words(draw: Any, low: int = 1, high: int = 8) -> str:
    items = draw(st.lists(st.tuples(_WORD, _PUNCT), min_size=low, max_size=high))
    return " ".join(w + p for w, p in items)


REGISTRY = {
    "basso": Person("Ms.", "Maria Basso", position="Lead", organization="World Economic Forum"),
    "major": Person("Mr.", "Peter Major", country="Hungary"),
    "thailand": Delegation("Thailand"),
    "wfeo": Organization("World Federation of Engineering Organizations"),
}


@st.composite
def inlines(draw: Any, refs: list[str], notes: bool = True) -> tuple[Any, ...]:
    parts: list[Any] = [draw(words())]
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["emphasis", "note", "cite", "ref"] if notes else ["emphasis"]))
        if kind == "emphasis":
            parts.append(" ")
            parts.append(Emphasis(draw(words(1, 3))))
        elif kind == "note":
            parts.append(Note(draw(words(1, 6)) + "."))
        elif kind == "cite":
            ids = draw(st.lists(st.sampled_from(sorted(REGISTRY)), min_size=1, max_size=2, unique=True))
            parts.append(Citation(tuple(ids)))
        elif refs:
            parts.append(" paragraph ")
            parts.append(CrossRef(draw(st.sampled_from(refs))))
        parts.append(" " + draw(words(1, 4)))
    return tuple(parts)


@st.composite
def reports(draw: Any) -> Report:
    counter = iter(range(1, 10_000))

    def pid() -> str:
        return f"p{next(counter)}"

    refs: list[str] = ["p0"]

    def paragraph() -> Paragraph | UnnumberedText:
        if draw(st.integers(0, 9)) == 0:
            # Text that starts like a label ("(a) …") would read back as a subparagraph.
            return UnnumberedText(("Note: ", *draw(inlines(refs))), id=draw(st.sampled_from([None, pid()])))
        subs = []
        for _ in range(draw(st.integers(0, 3))):
            inner = [Subparagraph(draw(inlines(refs))) for _ in range(draw(st.integers(0, 2)))]
            subs.append(Subparagraph(draw(inlines(refs)), subparagraphs=inner))
        ident = pid()
        para = Paragraph(draw(inlines(refs)), id=ident, subparagraphs=subs)
        return para

    def blocks(low: int, high: int) -> list[Paragraph | UnnumberedText]:
        return [paragraph() for _ in range(draw(st.integers(low, high)))]

    chapters = []
    for _ in range(draw(st.integers(1, 3))):
        sections: list[Any] = []
        for _ in range(draw(st.integers(0, 3))):
            if draw(st.booleans()):
                suggestions = [
                    Suggestion(draw(st.sampled_from(["Member States", "The international community"])),
                               [Subparagraph(draw(inlines(refs))) for _ in range(draw(st.integers(1, 3)))], id=pid())
                    for _ in range(draw(st.integers(0, 2)))
                ]
                sections.append(Findings(draw(words(1, 5)), id=pid(), main_findings=blocks(1, 3),
                                         suggestions=suggestions))
            else:
                subsections = [Subsection(draw(words(1, 5)), content=blocks(1, 2))
                               for _ in range(draw(st.integers(0, 2)))]
                sections.append(Section(draw(inlines(refs, notes=False)), content=blocks(0, 2),
                                        subsections=subsections))
        chapters.append(Chapter(draw(words(1, 5)), id=pid(), content=blocks(1, 3), sections=sections))
    # the first paragraph always has id p0 (the target of cross-references)
    chapters[0] = Chapter(chapters[0].title, id=chapters[0].id, content=[
        Paragraph(("The first paragraph.",), id="p0"), *chapters[0].content], sections=chapters[0].sections)
    start = draw(st.dates(datetime.date(2000, 1, 1), datetime.date(2040, 1, 1)))
    end = start + datetime.timedelta(days=draw(st.integers(0, 40)))
    return Report(
        language=draw(st.sampled_from(["en", "en", "fr", "es"])),
        masthead=Masthead(symbol=draw(st.sampled_from([None, "E/CN.16/2022/2"])), date=start,
                          single_language=draw(st.booleans())),
        body="Commission on Science and Technology for Development",
        session=Session(draw(st.integers(1, 99)), "Geneva", start, end),
        agenda_items=[AgendaItem(2, draw(words(1, 6)))],
        agenda_symbol=draw(st.sampled_from([None, "E/CN.16/2022/1"])),
        title=draw(words(1, 6)),
        subtitles=[draw(inlines(refs)) for _ in range(draw(st.integers(0, 2)))],
        participants=REGISTRY,
        chapters=chapters,
    )
