"""Hypothesis strategies for valid reports, for any test to reuse.

``reports()`` draws a report that passes ``check``: chapters with sections, findings
with suggestions, subsections, annexes with chapters, headings without numerals,
paragraphs and unnumbered text, bullets (two levels), indented lines, bold italic text,
subparagraphs nested up to the four levels allowed, free notes (with emphasis and
cross-references inside), citations of one or more registered participants, cross-
references (backward and forward) to existing paragraph, subparagraph and heading ids,
every language, both first-page note styles, and text drawn from all of Unicode except
what XML 1.0 cannot hold (C0 controls but tab, newline and return; lone surrogates;
U+FFFE and U+FFFF).

How validity is kept by construction: targets of cross-references ("anchors") are
headings, whose titles never hold a reference, and paragraphs whose text and
subparagraphs hold none; so nothing can refer to itself. Every other id is unique.

``reports()`` draws this round's constructs too (issues 13, 14): tables (1 to 3 columns and rows, a
header row or none, now and then a span, widths given or not, lettered notes marked in cells, a
source), small PNG figures, boxes, the boxed summary, a letter of transmittal and a contents page.
A titled table, a figure or a box may be a reference's target; then nothing in it refers.

Both draw resolutions, decisions and provisional agendas too (issue 12): preambular and
operative paragraphs, subheadings, official numbers, notes numbered with the report or on
their own, a decision's provisional agenda with headings, the "***" line, sub-items and
documentation, and agenda items labelled each on its line or together.

``readable_reports()`` draws narrower reports for the reader tests (tests/readers/):
plain words instead of all of Unicode, a fixed participant registry, English, French or
Spanish, and one cross-reference target ``p0``. Their visible text is read back
faithfully even without the embedded source, which ``reports()`` does not promise.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from tests.tables.helpers import png

from cstd_docs.lang import available
from cstd_docs.model import (
    AgendaDocument,
    AgendaItem,
    AgendaLabel,
    Alignment,
    Annex,
    Box,
    Bullet,
    Cell,
    Chapter,
    Citation,
    Column,
    Contents,
    CrossRef,
    Decision,
    DecisionParagraph,
    Delegation,
    Distribution,
    DutyStation,
    Emphasis,
    Figure,
    Findings,
    FirstPageNotes,
    IndentedLines,
    Letter,
    Line,
    Link,
    Masthead,
    Note,
    NoteNumbering,
    Operative,
    Organization,
    Paragraph,
    Participant,
    Person,
    Preambular,
    ProvisionalAgenda,
    ProvisionalItem,
    ProvisionalSubItem,
    Report,
    Resolution,
    Section,
    Session,
    Strong,
    StrongEmphasis,
    Subparagraph,
    Subsection,
    Suggestion,
    Table,
    TableNote,
    TableNoteMark,
    TitleStyle,
    UnnumberedText,
)

__all__ = [
    "READABLE_PARTICIPANTS",
    "XML_ILLEGAL",
    "characters",
    "ids",
    "participants",
    "readable_reports",
    "readable_words",
    "reports",
    "text",
]

#: Characters a document cannot hold (the ones check() refuses).
XML_ILLEGAL = frozenset(
    [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"]
)

#: Any character XML can hold; surrogates are excluded by the codec.
characters = st.characters(codec="utf-8", exclude_characters=XML_ILLEGAL)
_VISIBLE = st.characters(codec="utf-8", exclude_characters=XML_ILLEGAL).filter(lambda c: not c.isspace())


@st.composite
def text(draw: Any, max_size: int = 30) -> str:
    """Text with at least one character that is not white space."""
    before = draw(st.text(characters, max_size=max_size // 2))
    after = draw(st.text(characters, max_size=max_size // 2))
    return before + draw(_VISIBLE) + after


ids = st.from_regex(r"[A-Za-z][A-Za-z0-9_.:-]{0,12}", fullmatch=True)


@st.composite
def participants(draw: Any) -> dict[str, Participant]:
    keys = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    optional = st.none() | text()
    registry: dict[str, Participant] = {}
    for key in keys:
        kind = draw(st.sampled_from(["person", "delegation", "organization"]))
        if kind == "person":
            registry[key] = Person(
                draw(st.sampled_from(["Ms.", "Mr.", "M.", "Mme", "Sr.", "Sra.", "г-н"])),
                draw(text()),
                position=draw(optional),
                organization=draw(optional),
                country=draw(optional),
            )
        elif kind == "delegation":
            registry[key] = Delegation(draw(text()))
        else:
            registry[key] = Organization(draw(text()), country=draw(optional))
    return registry


class _Ids:
    """Unique ids: anchors that references point at, and plain ones nobody points at."""

    def __init__(self, anchors: int) -> None:
        self.anchors = [f"anchor-{n}" for n in range(anchors)]
        self.unplaced = list(self.anchors)
        self.count = 0

    def plain(self) -> str:
        self.count += 1
        return f"id-{self.count}"

    def anchor(self) -> str | None:
        return self.unplaced.pop(0) if self.unplaced else None


@st.composite
def reports(draw: Any, max_chapters: int = 3, max_blocks: int = 3) -> Report:
    """A valid report (``check(report) == []``) exercising every construct of the model."""
    registry = draw(participants())
    people = sorted(registry)
    made = _Ids(draw(st.integers(0, 4)))
    anchors = list(made.anchors)

    def inlines(*, refs: bool, notes: bool = True, citations: bool = True) -> tuple[Any, ...]:
        parts: list[Any] = [draw(text())]
        kinds = ["emphasis", "plain", "strong", "link", "strong_emphasis"]
        kinds += ["note"] if notes else []
        kinds += ["cite"] if citations and notes else []
        kinds += ["ref"] if refs and anchors else []
        for _ in range(draw(st.integers(0, 3))):
            kind = draw(st.sampled_from(kinds))
            if kind == "emphasis":
                parts.append(Emphasis(draw(text(12))))
            elif kind == "strong":
                parts.append(Strong(draw(text(12))))
            elif kind == "strong_emphasis":
                parts.append(StrongEmphasis(draw(text(12))))
            elif kind == "link":
                parts.append(draw(_links()))
            elif kind == "plain":
                parts.append(draw(st.text(characters, max_size=8)))
            elif kind == "note":
                inside: list[Any] = [draw(text())]
                if draw(st.booleans()):
                    inside.append(Emphasis(draw(text(10))))
                if draw(st.booleans()):
                    inside.append(draw(_links()))
                if refs and anchors and draw(st.booleans()):
                    inside.append(CrossRef(draw(st.sampled_from(anchors))))
                parts.append(Note(tuple(inside)))
            elif kind == "cite":
                parts.append(Citation(tuple(draw(st.lists(st.sampled_from(people), min_size=1, max_size=3)))))
            else:
                parts.append(CrossRef(draw(st.sampled_from(anchors))))
        return tuple(parts)

    def subparagraphs(depth: int, *, refs: bool, always_id: bool = False) -> tuple[Subparagraph, ...]:
        if depth > 4:
            return ()
        items = []
        for _ in range(draw(st.integers(0 if depth > 1 else 1, 2))):
            ident = made.plain() if always_id or draw(st.booleans()) else None
            items.append(
                Subparagraph(
                    inlines(refs=refs),
                    id=ident,
                    subparagraphs=subparagraphs(depth + 1, refs=refs, always_id=always_id)
                    if draw(st.integers(0, 2)) == 0
                    else (),
                )
            )
        return tuple(items)

    def unlabelled() -> Bullet | IndentedLines:
        """A bullet (with bullets of its own, maybe) or a block of indented lines; neither is referred to."""
        def ident() -> str | None:
            return draw(st.sampled_from([None, made.plain()]))

        if draw(st.booleans()):
            inner = tuple(Bullet(inlines(refs=True), id=ident()) for _ in range(draw(st.integers(0, 2))))
            return Bullet(inlines(refs=True), id=ident(), bullets=inner)
        lines = tuple(Line(inlines(refs=True), id=ident(), indent=draw(st.integers(0, 2)))
                      for _ in range(draw(st.integers(1, 3))))
        return IndentedLines(lines, id=ident())

    def block() -> Paragraph | UnnumberedText | Bullet | IndentedLines:
        if draw(st.integers(0, 7)) == 0:
            return unlabelled()
        if draw(st.integers(0, 5)) == 0:
            return UnnumberedText(inlines(refs=True), id=draw(st.sampled_from([None, made.plain()])))
        anchor = made.anchor() if draw(st.booleans()) else None
        refs = anchor is None
        subs = subparagraphs(1, refs=refs) if draw(st.integers(0, 2)) == 0 else ()
        ident = anchor or draw(st.sampled_from([None, made.plain()]))
        return Paragraph(inlines(refs=refs), id=ident, subparagraphs=subs)

    def blocks(low: int = 0) -> tuple[Any, ...]:
        def one() -> Any:
            kind = draw(st.integers(0, 7))
            return instrument() if kind == 0 else framed() if kind == 1 else block()

        return tuple(one() for _ in range(draw(st.integers(low, max_blocks))))

    # --- instruments (issue 12): no anchors inside them, so a reference from them never names itself
    def plain_id() -> str | None:
        return made.plain() if draw(st.booleans()) else None

    def some(low: int, high: int, make: Callable[[], Any]) -> tuple[Any, ...]:
        return tuple(make() for _ in range(draw(st.integers(low, high))))

    def documents() -> tuple[AgendaDocument, ...]:
        return some(0, 2, lambda: AgendaDocument(title(), draw(st.none() | _SYMBOLS), id=plain_id()))

    def agenda(titled: bool) -> ProvisionalAgenda:
        items = some(1, 3, lambda: ProvisionalItem(
            inlines(refs=True), some(0, 2, lambda: ProvisionalSubItem(inlines(refs=True), documents(), id=plain_id())),
            documents(), id=plain_id(), heading=title() if draw(st.booleans()) else (),
            separated=draw(st.booleans())))
        return ProvisionalAgenda(title() if titled or draw(st.booleans()) else (), items, id=plain_id())

    def instrument() -> Resolution | Decision | ProvisionalAgenda:
        kind = draw(st.sampled_from(["resolution", "decision", "agenda"]))
        number = draw(st.none() | st.from_regex(r"[1-9][0-9]?/[1-9][0-9]{0,2}", fullmatch=True))
        numbering = draw(st.sampled_from(list(NoteNumbering)))
        if kind == "agenda":  # as a block of its own, after anything: its title tells where it starts
            return agenda(titled=True)
        if kind == "decision":
            paragraphs: list[Any] = list(some(1, 2, lambda: DecisionParagraph(
                inlines(refs=True), subparagraphs(1, refs=True) if draw(st.booleans()) else (), id=plain_id())))
            if draw(st.booleans()):
                paragraphs.append(agenda(titled=False))
            return Decision(title(), paragraphs, id=plain_id(), official_number=number, note_numbering=numbering)
        operative = some(1, 3, lambda: Operative(
            inlines(refs=True), subparagraphs(1, refs=True) if draw(st.booleans()) else (), id=plain_id(),
            heading=title() if draw(st.integers(0, 3)) == 0 else ()))
        return Resolution(title(), inlines(refs=False), some(0, 2, lambda: Preambular(inlines(refs=True),
                                                                                     id=plain_id())),
                          operative, id=plain_id(), official_number=number, note_numbering=numbering)

    # --- tables, figures and boxes (issue 13): a numbered one may be an anchor, then nothing in it refers
    def target_id(numbered: bool) -> tuple[str | None, bool]:
        """An id (an anchor, if the block prints a number) and whether what it holds may refer."""
        anchor = made.anchor() if numbered and draw(st.booleans()) else None
        return anchor or plain_id(), anchor is None

    def framed() -> Table | Figure | Box:
        kind = draw(st.sampled_from(["table", "table", "box", "figure"]))
        if kind == "table":
            return table()
        if kind == "box":
            ident, refs = target_id(True)
            return Box(title(), tuple(UnnumberedText(inlines(refs=refs), id=plain_id())
                                      for _ in range(draw(st.integers(1, 2)))), id=ident)
        ident, refs = target_id(True)
        colour = tuple(draw(st.integers(0, 255)) for _ in range(3))
        image = png([[colour] * draw(st.integers(1, 3)) for _ in range(draw(st.integers(1, 3)))])
        return Figure(title(), image, draw(st.text(characters, max_size=10)), width=draw(st.integers(1, 100)),
                      source=inlines(refs=refs) if draw(st.booleans()) else None, id=ident)

    def grid(count: int, width: int) -> list[list[tuple[int, int, int]]]:
        """Each row's cells that start in it, (column, colspan, rowspan), with a span now and then."""
        span = (-1, -1, 1, 1)
        if count and draw(st.booleans()):
            row, column = draw(st.integers(0, count - 1)), draw(st.integers(0, width - 1))
            span = (row, column, draw(st.integers(1, width - column)), draw(st.integers(1, count - row)))
        covered: set[tuple[int, int]] = set()
        rows: list[list[tuple[int, int, int]]] = []
        for r in range(count):
            rows.append([])
            for c in range(width):
                if (r, c) in covered:
                    continue
                across, down = span[2:] if (r, c) == span[:2] else (1, 1)
                covered |= {(r + i, c + j) for i in range(down) for j in range(across)}
                rows[-1].append((c, across, down))
        return rows

    def table() -> Table:
        """1 to 3 columns, a header row or none, 1 to 3 body rows, lettered notes each marked in a cell."""
        titled = draw(st.integers(0, 3)) != 0
        ident, refs = target_id(titled)
        width = draw(st.integers(1, 3))
        parts = [grid(draw(st.integers(0, 1)), width), grid(draw(st.integers(1, 3)), width)]
        texts = {(p, r, c): ("",) if draw(st.integers(0, 5)) == 0 else inlines(refs=refs)
                 for p, rows in enumerate(parts) for r, row in enumerate(rows) for c, _, _ in row}
        filled = [place for place, text in texts.items() if text != ("",)]
        notes = tuple(TableNote(note, inlines(refs=refs, notes=False))
                      for note in (draw(st.lists(ids, max_size=2, unique=True)) if filled else ()))
        for note in notes:  # every note has its mark (or two) in a written cell
            for place in draw(st.lists(st.sampled_from(filled), min_size=1, max_size=2)):
                texts[place] = (*texts[place], TableNoteMark(note.id))
        align = st.none() | st.sampled_from(list(Alignment))
        cells = [tuple(tuple(Cell(texts[(p, r, c)], colspan, rowspan, draw(align)) for c, colspan, rowspan in row)
                       for r, row in enumerate(rows)) for p, rows in enumerate(parts)]
        return Table(title() if titled else None, columns(width), cells[0], rows=cells[1], notes=notes,
                     source=inlines(refs=refs) if draw(st.booleans()) else None, id=ident)

    def columns(width: int) -> tuple[Column, ...]:
        """None given, every width (adding up to 100), or one (the others share the rest)."""
        kind = draw(st.sampled_from(["none", "equal", "all", "one"]))
        if kind == "none":
            return ()
        cuts = sorted(draw(st.lists(st.integers(1, 99), min_size=width - 1, max_size=width - 1, unique=True)))
        widths: list[int | None] = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
        if kind == "equal":
            widths = [None] * width
        elif kind == "one":
            widths = [draw(st.integers(1, 99)), *[None] * (width - 1)] if width > 1 else [None]
        return tuple(Column(w, draw(st.sampled_from(list(Alignment)))) for w in widths)

    # --- the front matter (issues 13, 14): a boxed summary, a letter of transmittal, a contents page
    def letter() -> Letter:
        return Letter(date=draw(st.dates(datetime.date(1946, 1, 1), datetime.date(2100, 12, 31))),
                      sender=draw(text()), addressee=draw(text()),
                      paragraphs=some(1, 2, lambda: inlines(refs=True)),
                      signatories=some(1, 2, lambda: draw(text(12))),
                      signatory_title=draw(st.none() | text(12)))

    def heading_id() -> str | None:
        kind = draw(st.sampled_from(["none", "anchor", "plain"]))
        if kind == "none":
            return None
        return (made.anchor() if kind == "anchor" else None) or made.plain()

    def title() -> tuple[Any, ...]:
        return inlines(refs=False, citations=draw(st.booleans()))

    def numbered(ident: str | None) -> bool:
        """A heading prints no numeral now and then, never one a reference names."""
        return ident in anchors or draw(st.integers(0, 4)) != 0

    def part() -> Section | Findings:
        if draw(st.booleans()):
            suggestions = tuple(
                Suggestion(
                    draw(text()),
                    subparagraphs(1, refs=True, always_id=True),  # courses always carry ids
                    id=draw(st.sampled_from([None, made.plain()])),
                )
                for _ in range(draw(st.integers(0, 2)))
            )
            return Findings(title(), id=heading_id(), main_findings=blocks(), suggestions=suggestions)
        subsections = []
        for _ in range(draw(st.integers(0, 2))):
            ident = heading_id()
            subsections.append(Subsection(title(), id=ident, content=blocks(), numbered=numbered(ident)))
        ident = heading_id()
        return Section(title(), id=ident, content=blocks(), subsections=tuple(subsections), numbered=numbered(ident))

    def chapter() -> Chapter:
        ident = heading_id()
        return Chapter(
            title(),
            id=ident,
            content=blocks(),
            sections=tuple(part() for _ in range(draw(st.integers(0, 2)))),
            numbered=numbered(ident),
        )

    chapters = [chapter() for _ in range(draw(st.integers(1, max_chapters)))]
    annexes = [
        Annex(title(), id=heading_id(), content=blocks(), chapters=tuple(chapter() for _ in range(draw(st.integers(0, 1)))))
        for _ in range(draw(st.integers(0, 2)))
    ]
    summary = some(1, 2, lambda: UnnumberedText(inlines(refs=True), id=plain_id())) if draw(
        st.integers(0, 3)) == 0 else ()
    # Anchors not placed yet go into a last chapter of their own: every reference resolves.
    rest = [Paragraph(inlines(refs=False), id=a) for a in made.unplaced]
    if rest:
        chapters.append(Chapter(title(), id=made.plain(), content=tuple(rest)))

    languages = sorted(available())
    start = draw(st.dates(datetime.date(1946, 1, 1), datetime.date(2100, 12, 31)))
    end = start + datetime.timedelta(days=draw(st.integers(0, 30)))
    optional_text: Callable[[], str | None] = lambda: draw(st.none() | text(20))  # noqa: E731
    provisional = draw(st.booleans())  # one agenda: items labelled together are all of it
    return Report(
        schema=draw(st.sampled_from([None, "https://example.invalid/report.schema.json"])),
        language=draw(st.sampled_from(languages)),
        layout=draw(st.sampled_from(list(DutyStation))),
        masthead=Masthead(
            symbol=optional_text(),
            distribution=draw(st.sampled_from(list(Distribution))),
            date=draw(st.dates(datetime.date(1946, 1, 1), datetime.date(2100, 12, 31))),
            original_language=draw(st.sampled_from(languages)),
            single_language=draw(st.booleans()),
            organ=draw(text()),
            job_number=optional_text(),
        ),
        parent_body=optional_text(),
        body=draw(text()),
        session=Session(draw(st.integers(1, 200)), draw(st.none() | text()), start, end),
        agenda_items=tuple(
            AgendaItem(draw(st.integers(1, 30)), draw(text()), provisional=provisional)
            for _ in range(draw(st.integers(0, 2)))
        ),
        agenda_label=draw(st.sampled_from(list(AgendaLabel))),
        agenda_symbol=optional_text(),
        title=title(),
        title_style=draw(st.sampled_from(list(TitleStyle))),
        subtitles=tuple(inlines(refs=False) for _ in range(draw(st.integers(0, 2)))),
        first_page_notes=draw(st.sampled_from(list(FirstPageNotes))),
        participants=registry,
        chapters=tuple(chapters),
        annexes=tuple(annexes),
        summary=summary,
        letter=letter() if draw(st.integers(0, 3)) == 0 else None,
        contents=Contents(paragraphs=draw(st.booleans())) if draw(st.integers(0, 3)) == 0 else None,
    )


# Reports for the reader tests: what they draw is narrower than reports(), on purpose.

# Letters, digits and Markdown marks, no white space inside a word: escaping is tested, yet text reads back as written.
_READABLE_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789éà'’-*_[]<>#\\", min_size=1, max_size=9)
_READABLE_PUNCT = st.sampled_from(["", "", ",", ";", ":", ".", " (see)", "%"])


@st.composite
def readable_words(draw: Any, low: int = 1, high: int = 8) -> str:
    """Words separated by single spaces, each maybe followed by punctuation."""
    items = draw(st.lists(st.tuples(_READABLE_WORD, _READABLE_PUNCT), min_size=low, max_size=high))
    return " ".join(w + p for w, p in items)


# One fixed registry, a participant of each kind with plain names: citations stay readable text like the rest.
#: Links as authors write them: a document symbol, or text with a web address.
_SYMBOLS = st.sampled_from(["A/HRC/60/12", "E/CN.16/2022/2", "A/73/438", "A/RES/61/295"])


@st.composite
def _links(draw: Any) -> Link:
    if draw(st.booleans()):
        return Link(draw(_SYMBOLS))
    words = draw(st.text(alphabet="abcdefghij", min_size=1, max_size=8))
    return Link(draw(st.sampled_from(["the website", "report", "OHCHR"])), f"https://www.ohchr.org/en/{words}")


READABLE_PARTICIPANTS = {
    "basso": Person("Ms.", "Maria Basso", position="Lead", organization="World Economic Forum"),
    "major": Person("Mr.", "Peter Major", country="Hungary"),
    "thailand": Delegation("Thailand"),
    "wfeo": Organization("World Federation of Engineering Organizations"),
}


@st.composite
def _readable_inlines(draw: Any, refs: list[str], notes: bool = True) -> tuple[Any, ...]:
    parts: list[Any] = [draw(readable_words())]
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["emphasis", "note", "cite", "ref", "strong", "link"] if notes else ["emphasis"]))
        if kind == "emphasis":
            parts.append(" ")
            parts.append(Emphasis(draw(readable_words(1, 3))))
        elif kind == "strong":
            parts.append(" ")
            parts.append(Strong(draw(readable_words(1, 3))))
        elif kind == "link":
            parts.append(" ")
            parts.append(draw(_links()))
        elif kind == "note":
            parts.append(Note(draw(readable_words(1, 6)) + "."))
        elif kind == "cite":
            cited = draw(st.lists(st.sampled_from(sorted(READABLE_PARTICIPANTS)), min_size=1, max_size=2, unique=True))
            parts.append(Citation(tuple(cited)))
        elif refs:
            parts.append(" paragraph ")
            parts.append(CrossRef(draw(st.sampled_from(refs))))
        parts.append(" " + draw(readable_words(1, 4)))
    return tuple(parts)


@st.composite
def readable_reports(draw: Any) -> Report:
    """A valid report whose visible text reads back without its embedded source (see the module docstring)."""
    counter = iter(range(1, 10_000))

    def pid() -> str:
        return f"p{next(counter)}"

    refs: list[str] = ["p0"]

    def paragraph() -> Paragraph | UnnumberedText:
        if draw(st.integers(0, 9)) == 0:
            # Text that starts like a label ("(a) …") would read back as a subparagraph.
            return UnnumberedText(("Note: ", *draw(_readable_inlines(refs))), id=draw(st.sampled_from([None, pid()])))
        subs = []
        for _ in range(draw(st.integers(0, 3))):
            inner = [Subparagraph(draw(_readable_inlines(refs))) for _ in range(draw(st.integers(0, 2)))]
            subs.append(Subparagraph(draw(_readable_inlines(refs)), subparagraphs=inner))
        ident = pid()
        para = Paragraph(draw(_readable_inlines(refs)), id=ident, subparagraphs=subs)
        return para

    def blocks(low: int, high: int) -> list[Paragraph | UnnumberedText]:
        return [paragraph() for _ in range(draw(st.integers(low, high)))]

    # --- instruments (issue 12), as printed texts open them: an italic verb, "The Council"
    def opening(words: list[str]) -> tuple[Any, ...]:
        return (Emphasis(draw(st.sampled_from(words))), " ", *draw(_readable_inlines(refs)))

    def documents() -> list[AgendaDocument]:
        return [AgendaDocument(draw(readable_words(1, 6)), draw(st.none() | _SYMBOLS))
                for _ in range(draw(st.integers(0, 2)))]

    def agenda(titled: bool) -> ProvisionalAgenda:
        items = []
        for _ in range(draw(st.integers(1, 3))):
            subs = [ProvisionalSubItem(draw(_readable_inlines(refs)), documents())
                    for _ in range(draw(st.integers(0, 2)))]
            heading = draw(readable_words(1, 3)) if draw(st.booleans()) else ()
            items.append(ProvisionalItem(draw(_readable_inlines(refs)), subs, documents(), heading=heading,
                                         separated=draw(st.booleans())))
        return ProvisionalAgenda(draw(readable_words(1, 6)) if titled or draw(st.booleans()) else (), items)

    def instrument() -> Resolution | Decision | ProvisionalAgenda:
        kind = draw(st.sampled_from(["resolution", "decision", "agenda"]))
        number = draw(st.sampled_from([None, None, "68/1", "2025/14"]))
        numbering = draw(st.sampled_from(list(NoteNumbering)))
        if kind == "agenda":
            return agenda(titled=True)
        if kind == "decision":
            subs = [Subparagraph(opening(["Takes note", "Decides", "Approves"]))
                    for _ in range(draw(st.integers(0, 3)))]
            parts: list[Any] = [DecisionParagraph(opening(["The Council", "The Commission"]), subparagraphs=subs)]
            if draw(st.booleans()):  # an agenda last: text after documents would read as one more document
                parts.append(agenda(titled=False))
            return Decision(draw(readable_words(1, 6)), parts, official_number=number, note_numbering=numbering)
        preamble = [Preambular(opening(["Recalling", "Noting also", "Bearing in mind"]))
                    for _ in range(draw(st.integers(0, 2)))]
        operative = [Operative(opening(["Requests", "Decides", "Encourages"]),
                               subparagraphs=[Subparagraph(draw(_readable_inlines(refs)))
                                              for _ in range(draw(st.integers(0, 2)))],
                               heading=draw(readable_words(1, 3)) if draw(st.integers(0, 3)) == 0 else ())
                     for _ in range(draw(st.integers(1, 3)))]
        enacting = (Emphasis("The Economic and Social Council"), ",")
        return Resolution(draw(readable_words(1, 6)), enacting, preamble, operative, official_number=number,
                          note_numbering=numbering)

    chapters = []
    for _ in range(draw(st.integers(1, 3))):
        sections: list[Any] = []
        for _ in range(draw(st.integers(0, 3))):
            if draw(st.booleans()):
                suggestions = [
                    Suggestion(draw(st.sampled_from(["Member States", "The international community"])),
                               [Subparagraph(draw(_readable_inlines(refs))) for _ in range(draw(st.integers(1, 3)))], id=pid())
                    for _ in range(draw(st.integers(0, 2)))
                ]
                sections.append(Findings(draw(readable_words(1, 5)), id=pid(), main_findings=blocks(1, 3),
                                         suggestions=suggestions))
            else:
                subsections = [Subsection(draw(readable_words(1, 5)), content=blocks(1, 2))
                               for _ in range(draw(st.integers(0, 2)))]
                sections.append(Section(draw(_readable_inlines(refs, notes=False)), content=blocks(0, 2),
                                        subsections=subsections))
        content: list[Any] = blocks(1, 3)
        if draw(st.integers(0, 2)) == 0:
            content.insert(draw(st.integers(0, len(content))), instrument())
        chapters.append(Chapter(draw(readable_words(1, 5)), id=pid(), content=content, sections=sections))
    # the first paragraph always has id p0 (the target of cross-references)
    chapters[0] = Chapter(chapters[0].title, id=chapters[0].id, content=[
        Paragraph(("The first paragraph.",), id="p0"), *chapters[0].content], sections=chapters[0].sections)
    start = draw(st.dates(datetime.date(2000, 1, 1), datetime.date(2040, 1, 1)))
    end = start + datetime.timedelta(days=draw(st.integers(0, 40)))
    single = draw(st.booleans())
    provisional = draw(st.booleans())
    return Report(
        language=draw(st.sampled_from(["en", "en", "fr", "es"])),
        layout=draw(st.sampled_from(list(DutyStation))),
        masthead=Masthead(symbol=draw(st.sampled_from([None, "E/CN.16/2022/2"])), date=start,
                          single_language=single,
                          versions=() if single else draw(st.sampled_from([(), ("en", "fr"), ("en", "es", "fr", "ru")]))),
        parent_body=draw(st.sampled_from([None, "Human Rights Council"])),
        body="Commission on Science and Technology for Development",
        session=Session(draw(st.integers(1, 99)), draw(st.sampled_from(["Geneva", None])), start, end),
        agenda_items=[AgendaItem(number, draw(readable_words(1, 6)), provisional=provisional)
                      for number in range(2, 2 + draw(st.integers(1, 2)))],
        agenda_label=draw(st.sampled_from(list(AgendaLabel))),
        agenda_symbol=draw(st.sampled_from([None, "E/CN.16/2022/1"])),
        title=draw(readable_words(1, 6)),
        title_style=draw(st.sampled_from(list(TitleStyle))),
        subtitles=[draw(_readable_inlines(refs)) for _ in range(draw(st.integers(0, 2)))],
        participants=READABLE_PARTICIPANTS,
        chapters=chapters,
    )
