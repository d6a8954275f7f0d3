"""Checks that types cannot express: ids, references, required text.

The body is checked node by node as model.walk visits it, and every place is named by
the JSON path the same thing has in a report file, so a problem found in a report built
in Python reads the same as one found in a file.
"""

from __future__ import annotations

import re
from typing import assert_never

from cstd_docs.errors import Problem
from cstd_docs.lang import available
from cstd_docs.model.agenda import AgendaDocument, ProvisionalAgenda, ProvisionalItem, ProvisionalSubItem
from cstd_docs.model.body import (
    Annex,
    Box,
    Chapter,
    Findings,
    Paragraph,
    Section,
    Subsection,
    Suggestion,
    UnnumberedText,
)
from cstd_docs.model.check_front import FrontMatterChecks
from cstd_docs.model.check_tables import TableChecks
from cstd_docs.model.inline import (
    STYLED,
    Citation,
    CrossRef,
    Emphasis,
    Inlines,
    Link,
    Note,
    Strong,
    StrongEmphasis,
    TableNoteMark,
)
from cstd_docs.model.instruments import Decision, DecisionParagraph, Operative, Preambular, Resolution
from cstd_docs.model.items import Subparagraph
from cstd_docs.model.lists import MAX_BULLET_DEPTH, MAX_INDENT, Bullet, IndentedLines, Line
from cstd_docs.model.numbering import Numbering
from cstd_docs.model.participants import Delegation, Organization, Person
from cstd_docs.model.report import SCHEMA_KEY, AgendaLabel, Report, Session
from cstd_docs.model.tables import Figure, Table
from cstd_docs.model.text_checks import ID as _ID
from cstd_docs.model.text_checks import known as _known
from cstd_docs.model.text_checks import text_problems as _text_problems
from cstd_docs.model.walk import Visit, walk

#: An agenda sub-item's label: "(b)", "(b) (iii)".
_SUB_ITEM = re.compile(r"\([a-z]+\)(?: \([a-z]+\))*")
#: A link's address: a web page or a mail address, without spaces.
_URL = re.compile(r"(?:https?://|mailto:)[^\s<>\"]+")
#: A UN document symbol: parts joined by "/" ("A/HRC/60/12", "E/CN.16/2022/2").
_SYMBOL = re.compile(r"[A-Z][A-Za-z0-9.()-]*(?:/[A-Za-z0-9.()-]+)+")
#: Subparagraphs nest four deep: (a), (i), a., i.
_MAX_DEPTH = 4
#: Decimal clauses nest nine deep, as Word's outline levels do.
_MAX_LEVEL = 9



#: A session's place may be null (the dates printed alone), never empty.
PLACE_HINT = "write the place, or null to print the session's dates alone"


class _Checks(TableChecks, FrontMatterChecks):
    """One pass over the report collecting ids, references and problems."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.problems: list[Problem] = []
        self.ids: dict[str, str] = {}  # id -> path where defined
        self.refs: list[tuple[str, str, str | None]] = []  # (target, path, owning id)
        self.unnumbered: set[str] = set()  # ids of unnumbered text: nothing for a reference to print
        self.numberless: set[str] = set()  # ids of headings that print no numeral
        self.participants = sorted(report.participants)
        #: The notes of the table whose cells are being checked (None outside them), and the marked ones.
        self.table_notes: dict[str, str] | None = None
        self.marked: set[str] = set()
        #: The numbering of the part being checked (the report's, or an annex's) and the level
        #: of its last numbered paragraph (decimal numbering: a clause is at most one level deeper).
        self.numbering = report.numbering
        self.last_level = 0

    def define(self, ident: str | None, path: str) -> None:
        if ident is None:
            return
        if not _ID.fullmatch(ident):
            self.problems.append(
                Problem(
                    f"{path}.id",
                    f"id {ident!r} is not usable",
                    "start with a letter; use letters, digits, '-', '_', '.', ':'",
                )
            )
        if ident in self.ids:
            self.problems.append(
                Problem(f"{path}.id", f"duplicate id {ident!r}, first used at {self.ids[ident]}", "give it another id")
            )
        else:
            self.ids[ident] = path

    def versions(self, r: Report) -> None:
        """"English, French, Russian and Spanish only": two to five known versions, the original among them."""
        m, languages, here = r.masthead, available(), "$.masthead.versions"
        if not m.versions:
            return
        if any(code not in languages for code in m.versions) or len(set(m.versions)) != len(m.versions):
            message = f"unknown or repeated language codes: {list(m.versions)}"
            self.problems.append(Problem(here, message, f"list each version once, from {', '.join(languages)}"))
        elif not 2 <= len(m.versions) < len(languages):
            hint = "list two to five; one is 'single_language', all six is the default"
            self.problems.append(Problem(here, f"{len(m.versions)} versions", hint))
        elif m.single_language or m.original_language not in m.versions:
            message = "the original is not among the versions, or 'single_language' is set too"
            self.problems.append(Problem(here, message, "list the original's code; drop 'single_language'"))

    def require_text(self, path: str, text: str, *, optional: bool = False, hint: str | None = None) -> None:
        if not text.strip():
            # Removing a required field only brings "required field is missing": say so only where it helps.
            default = "write the text, or remove the entry" if optional else "write the text: the field is required"
            self.problems.append(Problem(path, "text is empty", hint or default))
        self.problems.extend(_text_problems(path, text))

    def link(self, path: str, link: Link) -> None:
        # {"link": "A/HRC/60/12"} is the symbol itself; {"link": {"text": …, "url": …}} has a text.
        text_path = f"{path}.text" if link.url else path
        self.require_text(text_path, link.text)
        if link.url and not _URL.fullmatch(link.url):
            hint = 'write the address in full: "https://…"'
            self.problems.append(Problem(f"{path}.url", f"{link.url!r} is not a web address", hint))
        elif not link.url and link.text.strip() and not _SYMBOL.fullmatch(link.text):
            hint = 'give the link a "url", or make its text a symbol like "A/HRC/60/12"'
            self.problems.append(Problem(text_path, f"{link.text!r} is not a UN document symbol", hint))

    def inlines(self, path: str, inlines: Inlines, owner: str | None, *, in_note: bool = False) -> None:
        if not inlines or not any(
            (isinstance(i, str) and i.strip()) or isinstance(i, STYLED) for i in inlines
        ):
            self.problems.append(Problem(path, "text is empty", "write the text, or remove the entry"))
        for index, item in enumerate(inlines):
            here = f"{path}[{index}]" if len(inlines) > 1 else path
            match item:
                case str():
                    self.problems.extend(_text_problems(here, item))
                case Emphasis():
                    self.require_text(f"{here}.emphasis", item.text)
                case Strong():
                    self.require_text(f"{here}.strong", item.text)
                case StrongEmphasis():
                    self.require_text(f"{here}.strong_emphasis", item.text)
                case Link():
                    self.link(f"{here}.link", item)
                case CrossRef():
                    self.refs.append((item.target, f"{here}.ref", owner))
                case Note() | Citation() if in_note:
                    self.problems.append(
                        Problem(here, "a note cannot hold another note or a citation", "move it out of the note")
                    )
                case Note():
                    self.inlines(f"{here}.note", item.text, owner, in_note=True)
                case Citation():
                    self.citation(f"{here}.cite", item)
                case TableNoteMark():
                    self.table_note_mark(f"{here}.table_note", item)
                case _:
                    assert_never(item)

    def citation(self, path: str, citation: Citation) -> None:
        if not citation.participants:
            self.problems.append(Problem(path, "a citation names no participant", "name at least one participant id"))
        for index, ident in enumerate(citation.participants):
            if ident not in self.report.participants:
                here = f"{path}[{index}]" if len(citation.participants) > 1 else path
                self.problems.append(
                    Problem(here, f"unknown participant {ident!r}", _known(ident, self.participants))
                )

    def visit(self, visit: Visit) -> None:
        """The checks of one node of the body (what it holds is visited after it)."""
        path, node = visit.path, visit.node
        match node:  # the most frequent kinds first: a match tries its cases in order
            case Paragraph():
                self.define(node.id, path)
                self.inlines(f"{path}.text", node.text, node.id)
                self.level(path, node.level)
            case Subparagraph():
                self.subparagraph(visit, node)
            case UnnumberedText():
                self.define(node.id, path)
                if node.id is not None:
                    self.unnumbered.add(node.id)
                self.inlines(f"{path}.unnumbered", node.unnumbered, node.id)
            case Annex() | Chapter() | Section() | Subsection():
                self.define(node.id, path)
                if not isinstance(node, Annex) and not node.numbered and node.id is not None:
                    self.numberless.add(node.id)
                self.inlines(f"{path}.title", node.title, node.id)
                if isinstance(node, Annex):  # numbers start afresh, in the annex's own scheme
                    self.numbering, self.last_level = node.numbering or self.report.numbering, 0
            case Findings():
                self.define(node.id, path)
                self.inlines(f"{path}.theme", node.theme, node.id)
            case Suggestion():
                self.define(node.id, path)
                self.last_level = 1
                self.require_text(f"{path}.addressee", node.addressee)
                if not node.courses:
                    self.problems.append(
                        Problem(f"{path}.courses", "a suggestion lists no course of action", "add at least one course")
                    )
            case Preambular() | Operative() | Resolution() | Decision() | DecisionParagraph():
                self.instrument(path, node)
            case Box():
                self.define(node.id, path)
                self.inlines(f"{path}.box", node.title, node.id)
            case Bullet() | IndentedLines() | Line():
                self.unlabelled(visit, node)
            case Table():
                self.table(path, node)
            case Figure():
                self.figure(path, node)
            case ProvisionalAgenda() | ProvisionalItem() | ProvisionalSubItem() | AgendaDocument():
                self.agenda(path, node)
            case _:
                assert_never(node)

    # --- bulleted lists and indented lines (issue 13) ------------------------------------------
    def unlabelled(self, visit: Visit, node: Bullet | IndentedLines | Line) -> None:
        """A bullet (two levels deep at most), indented lines (at least one), a line (indent 0 to 2)."""
        path = visit.path
        if isinstance(node, Bullet) and visit.depth > MAX_BULLET_DEPTH:
            if visit.depth == MAX_BULLET_DEPTH + 1 and visit.index == 0:  # once, on the list too deep
                self.problems.append(Problem(visit.within, "bullets nest two levels deep at most",
                                             "move these bullets up to the second level"))
            return
        self.define(node.id, path)
        if node.id is not None:  # none prints a number for a cross-reference
            self.unnumbered.add(node.id)
        match node:
            case Bullet():
                self.inlines(f"{path}.bullet", node.bullet, node.id)
            case IndentedLines():
                if not node.lines:
                    self.problems.append(Problem(f"{path}.lines", "indented lines hold no line",
                                                 'add one: {"line": "…"}, or remove the block'))
            case Line():
                self.inlines(f"{path}.line", node.line, node.id)
                if not 0 <= node.indent <= MAX_INDENT:
                    self.problems.append(Problem(f"{path}.indent", f"an indent of {node.indent} steps",
                                                 f"write 0 (at the text column) to {MAX_INDENT}"))

    # --- instruments (issue 12) ----------------------------------------------------------------
    def instrument(self, path: str, node: Preambular | Operative | Resolution | Decision | DecisionParagraph) -> None:
        """A resolution's title and enacting formula, a preambular or operative paragraph's text."""
        self.define(node.id, path)
        match node:
            case Preambular() | DecisionParagraph():
                if node.id is not None:  # unnumbered: nothing for a cross-reference to print
                    self.unnumbered.add(node.id)
                self.inlines(f"{path}.text", node.text, node.id)
            case Operative():
                if node.heading:
                    self.inlines(f"{path}.heading", node.heading, node.id)
                self.inlines(f"{path}.text", node.text, node.id)
            case Resolution():
                self.inlines(f"{path}.title", node.title, node.id)
                self.inlines(f"{path}.enacting", node.enacting, node.id)
                if node.official_number is not None:
                    self.require_text(f"{path}.official_number", node.official_number, optional=True)
                if not node.operative:
                    self.problems.append(Problem(f"{path}.operative", "a resolution has no operative paragraph",
                                                 'add one: {"text": [{"emphasis": "Requests"}, " …;"]}'))
            case Decision():
                self.inlines(f"{path}.title", node.title, node.id)
                if node.official_number is not None:
                    self.require_text(f"{path}.official_number", node.official_number, optional=True)
                if not node.paragraphs:
                    self.problems.append(Problem(f"{path}.paragraphs", "a decision has no text",
                                                 'add a paragraph: {"text": "The Economic and Social Council …"}'))
            case _:
                assert_never(node)

    def agenda(self, path: str,
               node: ProvisionalAgenda | ProvisionalItem | ProvisionalSubItem | AgendaDocument) -> None:
        """A provisional agenda's title and items; an item's heading and text; a document's title and symbol."""
        self.define(node.id, path)
        match node:
            case ProvisionalAgenda():
                if node.id is not None:  # it has no number of its own: its items have
                    self.unnumbered.add(node.id)
                if node.title:
                    self.inlines(f"{path}.title", node.title, node.id)
                if not node.items:
                    self.problems.append(Problem(f"{path}.items", "a provisional agenda has no item",
                                                 'add one: {"text": "Election of officers."}'))
            case ProvisionalItem():
                if node.heading:
                    self.inlines(f"{path}.heading", node.heading, node.id)
                self.inlines(f"{path}.text", node.text, node.id)
            case ProvisionalSubItem():
                self.inlines(f"{path}.text", node.text, node.id)
            case AgendaDocument():
                if node.id is not None:  # unnumbered: nothing for a cross-reference to print
                    self.unnumbered.add(node.id)
                self.inlines(f"{path}.title", node.title, node.id)
                if node.symbol is not None and not _SYMBOL.fullmatch(node.symbol):
                    self.problems.append(Problem(f"{path}.symbol", f"{node.symbol!r} is not a UN document symbol",
                                                 'write it like "E/CN.16/2025/2", or leave it out'))
            case _:
                assert_never(node)
    # --- end instruments

    def level(self, path: str, level: int) -> None:
        """A paragraph's level: above 1 only under decimal numbering, at most one deeper than the last."""
        here = f"{path}.level"
        if level == 1:
            self.last_level = 1
        elif not 1 <= level <= _MAX_LEVEL:
            self.problems.append(Problem(here, f"a level is 1 to {_MAX_LEVEL}, got {level}", "write e.g. 2 for 3.1."))
        elif self.numbering is not Numbering.DECIMAL:
            self.problems.append(Problem(here, "a paragraph's level is for decimal numbering (1., 1.1., 3.1.1.)",
                                         'set "numbering": "decimal" on the report or its annex, or remove "level"'))
        elif level > self.last_level + 1 and not self.last_level:
            self.problems.append(Problem(here, f"the first numbered paragraph here is at level {level}",
                                         "numbers start afresh in the report and in each annex: write 1"))
        elif level > self.last_level + 1:
            self.problems.append(Problem(here, f"level {level} follows a paragraph of level {self.last_level}",
                                         f"a clause is at most one level deeper than the one before: write "
                                         f"{self.last_level + 1}"))
        else:
            self.last_level = level

    def subparagraph(self, visit: Visit, sub: Subparagraph) -> None:
        depth = visit.depth
        if depth > _MAX_DEPTH:  # reported once, on the list too deep; nothing in it is checked
            if depth == _MAX_DEPTH + 1 and visit.index == 0:
                self.problems.append(
                    Problem(visit.within, "subparagraphs nest deeper than four levels ((a), (i), a., i.)",
                            "flatten the list")
                )
            return
        self.define(sub.id, visit.path)
        # Without an id of its own, an item belongs to its paragraph (or suggestion): a
        # reference from it to that paragraph refers to itself.
        holder = visit.ancestors[-depth]  # above its depth - 1 enclosing items
        self.inlines(f"{visit.path}.text", sub.text, sub.id or holder.id)

    def masthead_and_front(self) -> None:
        r = self.report
        languages = available()
        if r.language not in languages:
            self.problems.append(
                Problem("$.language", f"no language table for {r.language!r}", f"use one of {', '.join(languages)}")
            )
        if r.masthead.original_language not in languages:
            self.problems.append(
                Problem("$.masthead.original_language", f"unknown language {r.masthead.original_language!r}",
                        f"use one of {', '.join(languages)}")
            )
        if r.body is not None:
            self.require_text("$.body", r.body, optional=True)
        if r.parent_body is not None:
            self.require_text("$.parent_body", r.parent_body, optional=True)
        if r.session is not None:
            self.session(r.session)
        if r.masthead.symbol is not None:
            self.require_text("$.masthead.symbol", r.masthead.symbol, optional=True)
        if r.masthead.organ is not None:
            self.require_text("$.masthead.organ", r.masthead.organ, optional=True)
        self.versions(r)
        if r.masthead.job_number is not None:
            self.require_text("$.masthead.job_number", r.masthead.job_number, optional=True)
        if r.schema is not None:
            self.problems.extend(_text_problems(f"$.{SCHEMA_KEY}", r.schema))
        for index, item in enumerate(r.agenda_items):
            self.require_text(f"$.agenda_items[{index}].title", item.title)
            if item.number < 1:
                self.problems.append(
                    Problem(f"$.agenda_items[{index}].number", "an item number starts at 1", "write e.g. 3")
                )
            if item.sub_item is not None and not _SUB_ITEM.fullmatch(item.sub_item):
                self.problems.append(Problem(f"$.agenda_items[{index}].sub_item",
                                             f"a sub-item label is letters and numerals in brackets, got "
                                             f"{item.sub_item!r}", 'write e.g. "(b)" or "(b) (iii)"'))
        if r.agenda_label is AgendaLabel.JOINED and len({item.provisional for item in r.agenda_items}) > 1:
            self.problems.append(Problem("$.agenda_label", "items of the provisional agenda and of the agenda "
                                         "cannot share one label line", 'set "provisional" alike on every item, '
                                         'or label each item on its own line ("each")'))
        if r.agenda_symbol is not None:
            self.require_text("$.agenda_symbol", r.agenda_symbol, optional=True)
        if r.title:  # no title at all is a report to complete (incomplete()), not a wrong one
            self.inlines("$.title", r.title, None)
        for index, subtitle in enumerate(r.subtitles):
            self.inlines(f"$.subtitles[{index}]", subtitle, None)
        self.official_records()


    def session(self, session: Session) -> None:
        if session.place is not None:
            self.require_text("$.session.place", session.place, hint=PLACE_HINT)
        if session.number < 1:
            self.problems.append(Problem("$.session.number", "a session number starts at 1", "write e.g. 25"))
        if session.end < session.start:
            self.problems.append(
                Problem("$.session.end", f"the session ends ({session.end}) before it starts ({session.start})",
                        "swap start and end")
            )

    def registry(self) -> None:
        for ident, who in self.report.participants.items():
            here = f"$.participants[{ident!r}]"
            if not _ID.fullmatch(ident):
                self.problems.append(
                    Problem(here, f"participant id {ident!r} is not usable", "start with a letter; no spaces")
                )
            match who:
                case Person():
                    self.require_text(f"{here}.name", who.name)
                    self.require_text(f"{here}.honorific", who.honorific)
                    for name in ("position", "organization", "country"):
                        value = getattr(who, name)
                        if value is not None:
                            self.require_text(f"{here}.{name}", value, optional=True)
                case Delegation():
                    self.require_text(f"{here}.country", who.country)
                case Organization():
                    self.require_text(f"{here}.name", who.name)
                    if who.country is not None:
                        self.require_text(f"{here}.country", who.country, optional=True)
                case _:
                    assert_never(who)

    def references(self) -> None:
        known = sorted(self.ids)
        for target, path, owner in self.refs:
            if target not in self.ids:
                message = f"unknown paragraph or heading id {target!r}"
                self.problems.append(Problem(path, message, _known(target, known)))
            elif target in self.unnumbered:
                self.problems.append(
                    Problem(path, f"{target!r} is unnumbered text, which has no number to print",
                            "refer to a numbered paragraph or a heading")
                )
            elif target in self.numberless:
                self.problems.append(
                    Problem(path, f"{target!r} is a heading that prints no numeral, so nothing to refer by",
                            "refer to a numbered heading or paragraph, or name the heading in words")
                )
            elif owner is not None and target == owner:
                self.problems.append(
                    Problem(path, f"{target!r} refers to itself", "refer to another paragraph, or remove the reference")
                )


def incomplete(report: Report) -> list[Problem]:
    """What a sound report still leaves to be filled in: the first page's facts a document did not print
    (an import leaves them empty rather than make them up). ``validate`` names each."""
    to_fill = (
        ("$.masthead.date", report.masthead.date is None, 'the date the document bears: "2026-04-13"'),
        ("$.masthead.organ", report.masthead.organ is None, 'the organ: "Economic and Social Council"'),
        ("$.body", report.body is None, 'the body the report is for: "Commission on …"'),
        ("$.session", report.session is None,
         '{"number": 25, "place": "Geneva", "start": "2026-04-13", "end": "2026-04-17"}'),
        ("$.title", not report.title, "the document's title"),
    )
    return [Problem(path, "not given yet", f"fill in {hint}") for path, empty, hint in to_fill if empty]


def check(report: Report) -> list[Problem]:
    """Every problem of a report that its types allow; an empty list when it is sound."""
    checks = _Checks(report)
    checks.masthead_and_front()
    checks.letter()
    checks.registry()
    for visit in walk(report):
        checks.visit(visit)
    checks.references()
    return checks.problems
