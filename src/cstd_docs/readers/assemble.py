"""Build a report from what a document shows, using the embedded source (if any) as a base.

The visible document always wins. The base supplies what print does not show: ids
(matched to blocks by exact text, then by similarity), the participant registry, the
ISO dates and the language. A block whose text (with its notes) is exactly what the
base printed takes the base's inline content unchanged, so cross-references and
citations survive; an edited block is rebuilt from its visible text, its notes
becoming citations where their text is what the registry prints.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from cstd_docs.crossrefs import bookmark_name
from cstd_docs.errors import Problem
from cstd_docs.lang import LanguagePack, available, language_pack
from cstd_docs.model import (
    AgendaItem,
    Annex,
    Block,
    Chapter,
    ChapterPart,
    Citation,
    CrossRef,
    Distribution,
    Emphasis,
    Findings,
    FirstPageNotes,
    Inline,
    Inlines,
    Masthead,
    Note,
    Paragraph,
    Report,
    Section,
    Session,
    Subparagraph,
    Subsection,
    Suggestion,
    UnnumberedText,
)
from cstd_docs.readers.visible import VBlock, Visible, VNote, VRef, VRun
from cstd_docs.resolve import distribution_line

Sig = tuple[tuple[str, Any], ...]

#: A printing-service job number: "GE.22-01234(E)", "NY.23-00012 (E)".
JOB_NUMBER = re.compile(r"[A-Z]{1,3}\.\d\d-\d{3,6}\s*(\([A-Z]\))?.*")


# --- normalised signatures ----------------------------------------------------------------
def _norm(runs: Sequence[Any], keep_refs: bool = False) -> list[VRun]:
    """Merge adjacent text, move spaces out of emphasis, strip both ends.

    With ``keep_refs`` a cross-reference read from a Word field stays a separate
    :class:`VRef`; otherwise it is text like any other (for comparing what is printed).
    """
    out: list[VRun] = []
    for run in runs:
        if keep_refs and isinstance(run, VRef):
            out.append(run)
            continue
        if isinstance(run, Emphasis):
            text = run.text
            stripped = text.strip()
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :] if stripped else ""
            pieces: list[VRun] = [lead] if lead else []
            if stripped:
                pieces.append(Emphasis(stripped))
            if trail:
                pieces.append(trail)
        elif isinstance(run, VNote):
            note_text = [r for r in _norm(run.text, keep_refs) if isinstance(r, (str, Emphasis))]
            pieces = [VNote(run.mark, note_text, run.custom)]
        else:
            pieces = [str(run)] if run else []
        for piece in pieces:
            if isinstance(piece, str) and out and isinstance(out[-1], str) and not isinstance(out[-1], VRef):
                out[-1] = out[-1] + piece
            elif isinstance(piece, Emphasis) and out and isinstance(out[-1], Emphasis):
                out[-1] = Emphasis(out[-1].text + piece.text)
            else:
                out.append(piece)
    if out and isinstance(out[0], str) and not isinstance(out[0], VRef):
        out[0] = out[0].lstrip()
        if not out[0]:
            out.pop(0)
    if out and isinstance(out[-1], str) and not isinstance(out[-1], VRef):
        out[-1] = out[-1].rstrip()
        if not out[-1]:
            out.pop()
    return out


def _ws(text: str) -> str:
    """Whitespace as every format can print it: one space for each run of blanks."""
    return re.sub(r"\s+", " ", text).strip()


def signature(runs: Sequence[Any]) -> Sig:
    items: list[tuple[str, Any]] = []
    for run in _norm(runs):
        if isinstance(run, str):
            items.append(("t", _ws(run) if run.strip() else " "))
        elif isinstance(run, Emphasis):
            items.append(("e", _ws(run.text)))
        else:
            items.append(("n", signature(tuple(run.text))))
    # Emphasis split by blanks alone reads back as one (a line break in italics).
    merged: list[tuple[str, Any]] = []
    for item in items:
        if (item[0] == "e" and len(merged) >= 2 and merged[-1] == ("t", " ") and merged[-2][0] == "e"):
            merged.pop()
            merged[-1] = ("e", merged[-1][1] + " " + item[1])
        elif item[0] == "e" and merged and merged[-1][0] == "e":
            merged[-1] = ("e", merged[-1][1] + item[1])
        else:
            merged.append(item)
    return tuple(merged)


def _flat(sigs: list[Sig]) -> str:
    """Lines as one text (a line break inside a field prints as a new line in Word)."""
    def one(sig: Sig) -> str:
        return "".join(f"[^{one(v)}]" if k == "n" else f"*{v}*" if k == "e" else v for k, v in sig)

    return _ws(" ".join(one(sig) for sig in sigs))


def plain(sig: Sig) -> str:
    return "".join(v for k, v in sig if k != "n")


def _merge_text(items: Iterator[Any] | list[Any]) -> list[Any]:
    """Adjacent plain strings as one (a reference that stayed text joins its neighbours)."""
    out: list[Any] = []
    for item in items:
        if type(item) is str and out and type(out[-1]) is str:
            out[-1] += item
        elif not (type(item) is str and not item):
            out.append(item)
    return out


def runs_plain(runs: Sequence[Any]) -> str:
    return "".join(r if isinstance(r, str) else r.text for r in runs if isinstance(r, (str, Emphasis)))


# --- the base: resolved blocks paired with the model objects they came from ---------------
@attrs.define
class BaseItem:
    kind: str
    obj: Any
    sig: Sig
    label: str
    used: bool = False


def resolved_runs(runs: tuple[Any, ...], notes: tuple[Any, ...]) -> list[VRun]:
    from cstd_docs.resolve.document import NoteRef

    out: list[VRun] = []
    for run in runs:
        if isinstance(run, NoteRef):
            note = notes[run.note]
            out.append(VNote(run.mark, list(note.text), run.custom))
        else:
            out.append(run)
    return out


def base_items(base: Report) -> tuple[list[BaseItem], Any]:
    from cstd_docs.resolve import resolve
    from cstd_docs.resolve.document import Heading, NumberedParagraph, SubparagraphItem

    doc = resolve(base)
    items: list[BaseItem] = []
    for block in doc.blocks:
        obj = block.origin
        if isinstance(block, Heading):
            kind, runs, label = block.level.value, block.title, block.number
        elif isinstance(block, NumberedParagraph):
            kind, runs, label = "paragraph", block.text, block.number
        elif isinstance(block, SubparagraphItem):
            kind, runs, label = "subparagraph", block.text, block.label
        else:
            kind, runs, label = "unnumbered", block.text, ""
        items.append(BaseItem(kind, obj, signature(resolved_runs(runs, doc.notes)), label))
    return items, doc


def match(visible: list[VBlock], sigs: list[Sig], base: list[BaseItem]) -> dict[int, BaseItem]:
    """Pair visible blocks with base blocks: exact text first, then the most similar."""
    found: dict[int, BaseItem] = {}
    by_sig: dict[tuple[str, Sig], list[BaseItem]] = {}
    for item in base:
        by_sig.setdefault((item.kind, item.sig), []).append(item)
    for index, (block, sig) in enumerate(zip(visible, sigs, strict=True)):
        for item in by_sig.get((block.kind, sig), []):
            if not item.used:
                item.used = True
                found[index] = item
                break
    for index, (block, sig) in enumerate(zip(visible, sigs, strict=True)):
        if index in found:
            continue
        text = plain(sig)
        best: tuple[float, BaseItem] | None = None
        for item in base:
            if item.used or item.kind != block.kind or item.obj is None:
                continue
            matcher = difflib.SequenceMatcher(None, text, plain(item.sig), autojunk=False)
            if matcher.real_quick_ratio() < 0.6 or matcher.quick_ratio() < 0.6:
                continue
            ratio = matcher.ratio()
            if ratio >= 0.6 and (best is None or ratio > best[0]):
                best = (ratio, item)
        if best is not None:
            best[1].used = True
            found[index] = best[1]
    return found


# --- masthead and front -----------------------------------------------------------------------
def _month_names(pack: LanguagePack) -> list[str]:
    return [str(m) for m in pack.table.months]


def parse_date(text: str, pack: LanguagePack, default_year: int | None = None) -> datetime.date | None:
    months = [m.lower() for m in _month_names(pack)]
    other = pack.table.masthead_language
    if other and other != pack.code:
        months_other = [str(m).lower() for m in language_pack(other).table.months]
    else:
        months_other = months
    lowered = text.lower()
    month = None
    for names in (months, months_other):
        for index, name in sorted(enumerate(names), key=lambda x: -len(x[1])):
            if name and name in lowered:
                month = index + 1
                break
        if month:
            break
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    year = next((n for n in numbers if n >= 1000), default_year)
    days = [n for n in numbers if 1 <= n <= 31]
    if month is None or year is None or not days:
        return None
    try:
        return datetime.date(year, month, days[0])
    except ValueError:
        return None


def parse_range(text: str, pack: LanguagePack) -> tuple[datetime.date, datetime.date] | None:
    """Dates as the language prints a range: every candidate is printed and compared."""
    lowered = text.lower()
    names = [str(m).lower() for m in pack.table.months]
    months = [i + 1 for i, name in enumerate(names) if name and name in lowered] or list(range(1, 13))
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    years = sorted({n for n in numbers if n >= 1000})
    days = sorted({n for n in numbers if 1 <= n <= 31})
    if len(years) <= 2 and len(days) <= 4 and len(months) <= 3:
        for y1 in years:
            for y2 in years:
                for m1 in months:
                    for m2 in months:
                        for d1 in days:
                            for d2 in days:
                                try:
                                    start, end = datetime.date(y1, m1, d1), datetime.date(y2, m2, d2)
                                except ValueError:
                                    continue
                                if start <= end and pack.date_range(start, end) == text:
                                    return start, end
    return _parse_range_loosely(text, pack)


def _parse_range_loosely(text: str, pack: LanguagePack) -> tuple[datetime.date, datetime.date] | None:
    parts = re.split(r"\s*[–—-]\s*", text, maxsplit=1)
    end = parse_date(parts[-1], pack)
    if end is None:
        return None
    if len(parts) == 1:
        return end, end
    left = parts[0]
    start = parse_date(left, pack, end.year)
    if start is None:
        days = re.findall(r"\d+", left)
        if not days:
            return None
        try:
            start = datetime.date(end.year, end.month, int(days[0]))
        except ValueError:
            return None
    return start, end


def guess_language(lines: list[str]) -> str | None:
    """The language whose fixed phrases the lines use most (English on a tie)."""
    best: tuple[int, int, str] | None = None
    for code in available():
        pack = language_pack(code)
        known = {pack.table.united_nations, *(distribution_line(d, pack) for d in Distribution)}
        own = {pack.table.united_nations, pack.table.annex, pack.table.main_findings, pack.table.suggestions}
        months = [str(m) for m in pack.table.months if len(str(m)) > 2 and not any(c.isdigit() for c in str(m))]
        score = sum(2 if line in own else 1 for line in lines if line in known or line in own)
        score += sum(1 for line in lines for m in months if m and m in line)
        rank = (score, 1 if code == "en" else 0, code)
        if score and (best is None or rank > best):
            best = rank
    return best[2] if best else None


class Assembler:
    def __init__(self, visible: Visible, base: Report | None, warnings: list[Problem], source: str) -> None:
        self.v = visible
        self.base = base
        self.warnings = warnings
        self.source = source
        language = base.language if base else (guess_language(visible.masthead_lines) or "en")
        self.language = language
        self.pack = language_pack(language)
        self.base_doc: Any = None
        self.items: list[BaseItem] = []
        if base is not None:
            self.items, self.base_doc = base_items(base)
        self.registry = dict(base.participants) if base else {}
        self.citations: dict[str, tuple[str, ...]] = {}
        if base is not None:
            from cstd_docs.resolve import participant_text

            sep = self.pack.table.participants_separator
            end = self.pack.table.note_end
            for ident, who in base.participants.items():
                self.citations.setdefault(participant_text(who, self.pack) + end, (ident,))
            for note in self.base_doc.notes:
                if note.participants:
                    text = runs_plain(list(note.text)).strip()
                    self.citations.setdefault(text, note.participants)
            del sep
        self.taken: set[str] = set()
        if base is not None:
            for item in self.items:
                if item.obj is not None and getattr(item.obj, "id", None):
                    self.taken.add(item.obj.id)
        self.first_page_custom = False
        # The Word writer's bookmark for every id of the base (crossrefs.bookmark_name).
        self.bookmark_targets: dict[str, str] = {}
        if base is not None:
            for item in self.items:
                block_id = getattr(item.obj, "id", None)
                if isinstance(block_id, str):
                    self.bookmark_targets[bookmark_name(block_id)] = block_id
        # Ids the document gives its blocks itself (Markdown anchors): targets too.
        # Each anchor goes to the first block carrying it, unless the base uses that id; all are
        # reserved now, so that no id made up for an earlier block can take one.
        self.anchor_ids: dict[int, str] = {}  # id(VBlock) -> its own id
        for block in visible.blocks:
            if block.anchor is not None and block.anchor not in self.taken:
                self.taken.add(block.anchor)
                self.anchor_ids[id(block)] = block.anchor
                self.bookmark_targets.setdefault(bookmark_name(block.anchor), block.anchor)
        #: The label a cross-reference showed where it was read, to print if its target is gone.
        self.shown: dict[str, str] = {}

    def warn(self, where: str, message: str, hint: str | None = None) -> None:
        self.warnings.append(Problem(f"{self.source}:{where}" if where else self.source, message, hint))

    # --- inline content ---------------------------------------------------------------------
    def inlines(self, runs: list[VRun]) -> Inlines:
        out: list[Inline] = []
        for run in _norm(runs, keep_refs=True):
            if isinstance(run, VNote):
                text = [r for r in _norm(run.text, keep_refs=True) if isinstance(r, (str, Emphasis))]
                if run.custom:
                    self.first_page_custom = True
                plain_text = all(isinstance(r, str) and not isinstance(r, VRef) for r in text)
                cited = self.citations.get(runs_plain(text).strip()) if plain_text else None
                if cited:
                    out.append(Citation(cited))
                else:
                    out.append(Note(tuple(_merge_text(self.reference(r) for r in text)) if text else ("",)))
            else:
                out.append(self.reference(run) if isinstance(run, VRef) else run)
        return tuple(_merge_text(out))

    def reference(self, run: Any) -> Any:
        """A cross-reference read from a Word field, if its bookmark names a block of the base.

        Its target may since have been deleted: :meth:`settle_refs` then prints its number.
        A field of another document, or without a base, reads as the text it shows.
        """
        if not isinstance(run, VRef):
            return run
        target = self.bookmark_targets.get(run.bookmark)
        if target is None:
            return str(run)
        self.shown.setdefault(target, str(run))
        return CrossRef(target)

    def new_id(self, runs: list[VRun], prefix: str = "p") -> str:
        words = re.findall(r"[^\W_]+", runs_plain(runs).lower())[:4]
        slug = "-".join(w for w in words if w.isascii()) or "new"
        ident = f"{prefix}-{slug}"
        n = 2
        candidate = ident
        while candidate in self.taken:
            candidate = f"{ident}-{n}"
            n += 1
        self.taken.add(candidate)
        return candidate

    # --- masthead ---------------------------------------------------------------------------
    def masthead(self) -> Masthead:
        pack = self.pack
        base = self.base.masthead if self.base else None
        if base is not None:  # unchanged: the base's values, which print the same
            mh = self.base_doc.masthead
            expected = [mh.united_nations, mh.symbol, mh.organ, mh.distribution, mh.date, mh.language_line,
                        mh.job_number]
            # The same words (a line break inside a field splits it over two lines in Word).
            shown = " ".join([*self.v.masthead_lines, self.v.symbol or ""]).split()
            if sorted(shown) == sorted(" ".join(x for x in expected if x).split()):
                return base
        symbol = self.v.symbol
        organ = None
        distribution = None
        date = None
        original = None
        single = None
        job = None
        dist_texts = {distribution_line(d, pack): d for d in Distribution}
        lines: dict[str, tuple[str, bool]] = {}
        for code in available():
            for flag in (False, True):
                lines.setdefault(pack.language_line(code, flag), (code, flag))
        for line in self.v.masthead_lines:
            line = line.strip()
            if not line or line == pack.table.united_nations:
                continue
            if line in dist_texts:
                distribution = dist_texts[line]
            elif line in lines:
                original, single = lines[line]
            elif base is not None and line == pack.masthead_date(base.date):
                date = base.date
            elif date is None and parse_date(line, pack) is not None and not re.search(r"/", line):
                date = parse_date(line, pack)
            elif JOB_NUMBER.fullmatch(line) or (
                base is not None and base.job_number is not None and _ws(line) == _ws(base.job_number)
            ):
                job = line
            elif symbol is None and (
                (base is not None and base.symbol is not None and _ws(line) == _ws(base.symbol))
                or (self.v.symbol is None and organ is None and "/" in line and " " not in line)
            ):
                symbol = line
            elif organ is None:
                organ = line
            else:
                self.warn("masthead", f"a masthead line was not recognised: {line!r}", "it was left out")
        if date is None:
            if base is not None:
                date = base.date
            else:
                date = datetime.date.today()
                self.warn("masthead", "no date found in the masthead", f"set masthead.date (today, {date}, was used)")
        if organ is None and self.v.masthead_lines:
            self.warn("masthead", "no organ found in the masthead", "the default was used")
        if base is not None:
            if job is not None and base.job_number is not None and _ws(job) == _ws(base.job_number):
                job = base.job_number
            if symbol is not None and base.symbol is not None and _ws(symbol) == _ws(base.symbol):
                symbol = base.symbol
            if organ is not None and _ws(organ) == _ws(base.organ):
                organ = base.organ
        return Masthead(
            symbol=symbol,
            distribution=distribution or (base.distribution if base else Distribution.GENERAL),
            date=date,
            original_language=original or (base.original_language if base else self.language),
            single_language=single if single is not None else (base.single_language if base else False),
            organ=organ or (base.organ if base else "Economic and Social Council"),
            job_number=job,
        )

    def front(self) -> tuple[str, Session, tuple[AgendaItem, ...], str | None]:
        pack = self.pack
        base = self.base
        lines = [line for line in self.v.front_lines if runs_plain(line).strip()]
        if base is not None:  # unchanged: the base's values, which print the same
            fr = self.base_doc.front
            expected = [signature((fr.body,)), signature((fr.session,)), signature((fr.place_and_dates,))]
            for item in fr.agenda:
                expected += [signature(resolved_runs(item.label, self.base_doc.notes)), signature((item.title,))]
            if _flat([signature(line) for line in lines]) == _flat(expected):
                return base.body, base.session, base.agenda_items, base.agenda_symbol
        body = base.body if base else ""
        session: Session | None = None
        number: int | None = None
        place_dates: tuple[str, datetime.date, datetime.date] | None = None
        items: list[AgendaItem] = []
        agenda_symbol: str | None = None
        patterns = {
            key: re.compile(re.escape(template).replace(re.escape("{number}"), r"(\d+)"))
            for key, template in (("agenda_item_provisional", pack.table.agenda_item_provisional),
                                  ("agenda_item", pack.table.agenda_item))
        }
        sessions = {pack.table.session.format(ordinal=pack.ordinal(n), number=n): n for n in range(1, 1000)}
        index = 0
        if lines:
            body = runs_plain(lines[0]).strip()
            index = 1
        pending: tuple[int, bool] | None = None
        while index < len(lines):
            line = lines[index]
            text = runs_plain(line).strip()
            index += 1
            if text in sessions:
                number = sessions[text]
                continue
            label = None
            for key, pattern in patterns.items():
                found = pattern.fullmatch(text)
                if found:
                    label = (int(found.group(1)), key == "agenda_item_provisional")
                    for run in line:
                        if isinstance(run, VNote):
                            agenda_symbol = runs_plain(run.text).strip()
                            end = pack.table.note_end
                            if end and agenda_symbol.endswith(end):
                                agenda_symbol = agenda_symbol[: -len(end)]
                    break
            if label is not None:
                if pending is not None:
                    self.warn("front", f"agenda item {pending[0]} has no title")
                pending = label
                continue
            if pending is not None:
                items.append(AgendaItem(pending[0], text, pending[1]))
                pending = None
                continue
            if place_dates is None and number is not None:
                if base is not None and text == pack.table.place_and_dates.format(
                    place=base.session.place, dates=pack.date_range(base.session.start, base.session.end),
                ):
                    place_dates = (base.session.place, base.session.start, base.session.end)
                    continue
                cut = re.search(r",\s*(?=[^,]*\d)", text)
                if cut:
                    found_range = parse_range(text[cut.end() :], pack)
                    if found_range:
                        place_dates = (text[: cut.start()], *found_range)
                        continue
            self.warn("front", f"a line under the masthead was not recognised: {text!r}", "it was left out")
        if base is not None and [(i.number, _ws(i.title), i.provisional) for i in items] == [
            (i.number, _ws(pack.typeset(i.title)), i.provisional) for i in base.agenda_items
        ]:
            items = list(base.agenda_items)
        if base is not None and base.agenda_symbol is not None and agenda_symbol is not None \
                and _ws(agenda_symbol) == _ws(base.agenda_symbol):
            agenda_symbol = base.agenda_symbol
        if base is not None and _ws(body) == _ws(base.body):
            body = base.body
        if number is None:
            number = base.session.number if base else 1
            if base is None:
                self.warn("front", "no session line found", "set session.number")
        if place_dates is None:
            if base is not None:
                place_dates = (base.session.place, base.session.start, base.session.end)
            else:
                today = datetime.date.today()
                place_dates = ("Geneva", today, today)
                self.warn("front", "no place and dates of the session found", "set session.place, start and end")
        if not body:
            self.warn("front", "no body (commission) named under the masthead", "set body")
            body = "Commission"
        session = Session(number, place_dates[0], place_dates[1], place_dates[2])
        return body, session, tuple(items), agenda_symbol

    # --- title block ------------------------------------------------------------------------
    def title_block(self) -> tuple[Inlines, tuple[Inlines, ...]]:
        def same(runs: list[VRun], base_runs: tuple[Any, ...]) -> bool:
            return signature(runs) == signature(resolved_runs(base_runs, self.base_doc.notes))

        base = self.base
        if base is not None and same(self.v.title, self.base_doc.title):
            title = base.title
        else:
            title = self.inlines(self.v.title)
        if not title or not runs_plain(self.v.title).strip():
            self.warn("title", "no title found", "the document's title style is HMG")
            title = base.title if base else ("Report",)
        subtitles: list[Inlines] = []
        for index, runs in enumerate(self.v.subtitles):
            if base is not None and index < len(base.subtitles) and same(runs, self.base_doc.subtitles[index]):
                subtitles.append(base.subtitles[index])
            else:
                subtitles.append(self.inlines(runs))
        return title, tuple(subtitles)

    # --- body ---------------------------------------------------------------------------------
    def body(self) -> tuple[tuple[Chapter, ...], tuple[Annex, ...]]:
        blocks = self.v.blocks
        sigs = [signature(b.runs) for b in blocks]
        matched = match(blocks, sigs, self.items) if self.items else {}
        pos = 0

        def same(i: int) -> BaseItem | None:
            item = matched.get(i)
            return item if item is not None and item.sig == sigs[i] else None

        def ident(i: int) -> str | None:
            item = matched.get(i)
            if item is not None and item.obj is not None:
                return getattr(item.obj, "id", None)
            return anchored(i)

        def anchored(i: int) -> str | None:
            """The id the document gave the block itself (a Markdown anchor), if it was free."""
            return self.anchor_ids.get(id(blocks[i]))

        def subparagraphs(depth: int) -> tuple[Subparagraph, ...]:
            nonlocal pos
            out: list[Subparagraph] = []
            while pos < len(blocks) and blocks[pos].kind == "subparagraph" and blocks[pos].depth >= depth:
                i = pos
                if blocks[i].depth > depth:
                    self.warn(blocks[i].where, f"subparagraph {blocks[i].number} has no parent at level {depth}",
                              "it was attached to the previous level")
                pos += 1
                exact = same(i)
                text = exact.obj.text if exact is not None and isinstance(exact.obj, Subparagraph) else None
                out.append(Subparagraph(text if text is not None else self.inlines(blocks[i].runs), id=ident(i),
                                        subparagraphs=subparagraphs(blocks[i].depth + 1)))
            return tuple(out)

        def paragraph(in_suggestions: bool) -> Block | Suggestion:
            nonlocal pos
            i = pos
            pos += 1
            block = blocks[i]
            exact = same(i)
            base_obj = matched[i].obj if i in matched else None
            if in_suggestions:
                lead = re.escape(self.pack.table.suggestion_lead_in).replace(re.escape("{addressee}"), "(.+)")
                found = re.fullmatch(lead, runs_plain(block.runs).strip())
                if found:
                    courses = subparagraphs(1)
                    if exact is not None and isinstance(base_obj, Suggestion):
                        addressee = base_obj.addressee
                    else:
                        addressee = found.group(1)
                    pid = ident(i) if isinstance(base_obj, Suggestion) else anchored(i) or self.new_id(block.runs)
                    return Suggestion(addressee, courses, id=pid)
            if block.kind == "unnumbered":
                text = exact.obj.unnumbered if exact is not None and isinstance(exact.obj, UnnumberedText) else None
                return UnnumberedText(text if text is not None else self.inlines(block.runs), id=ident(i))
            text = exact.obj.text if exact is not None and isinstance(exact.obj, Paragraph) else None
            pid = ident(i) if i in matched else anchored(i) or self.new_id(block.runs)
            return Paragraph(text if text is not None else self.inlines(block.runs), id=pid,
                             subparagraphs=subparagraphs(1))

        def content(in_suggestions: bool = False) -> list[Any]:
            nonlocal pos
            out: list[Any] = []
            while pos < len(blocks) and blocks[pos].kind in ("paragraph", "unnumbered", "subparagraph"):
                if blocks[pos].kind == "subparagraph":
                    self.warn(blocks[pos].where, f"subparagraph {blocks[pos].number} follows no paragraph",
                              "it was read as a numbered paragraph")
                    blocks[pos].kind = "paragraph"
                out.append(paragraph(in_suggestions))
            return out

        def title_of(i: int) -> Inlines:
            exact = same(i)
            if exact is not None and exact.obj is not None:
                return exact.obj.theme if isinstance(exact.obj, Findings) else exact.obj.title
            return self.inlines(blocks[i].runs)

        def section() -> ChapterPart:
            nonlocal pos
            i = pos
            pos += 1
            lead = content()
            subs: list[tuple[int, list[Any]]] = []
            while pos < len(blocks) and blocks[pos].kind == "subsection":
                j = pos
                pos += 1
                title_text = runs_plain(blocks[j].runs).strip()
                subs.append((j, content(in_suggestions=title_text == self.pack.table.suggestions)))
            names = [runs_plain(blocks[j].runs).strip() for j, _ in subs]
            findings_names = [self.pack.table.main_findings, self.pack.table.suggestions]
            base_obj = matched[i].obj if i in matched else None
            is_findings = (not lead and not subs and isinstance(base_obj, Findings)) or (
                not lead and bool(subs) and all(n in findings_names for n in names) and len(set(names)) == len(names)
                and all(isinstance(x, Suggestion) for j, part in subs
                        if runs_plain(blocks[j].runs).strip() == findings_names[1] for x in part)
                and (names != [findings_names[0]] or not isinstance(base_obj, Section))
            )
            if is_findings:
                main: list[Any] = []
                suggestions: list[Any] = []
                for j, part in subs:
                    (main if runs_plain(blocks[j].runs).strip() == findings_names[0] else suggestions).extend(part)
                fid = ident(i) if isinstance(base_obj, Findings) else anchored(i)
                return Findings(title_of(i), id=fid, main_findings=main, suggestions=suggestions)
            subsections = []
            for j, part in subs:
                part = [
                    Paragraph((self.pack.table.suggestion_lead_in.format(addressee=x.addressee),), id=x.id,
                              subparagraphs=x.courses) if isinstance(x, Suggestion) else x
                    for x in part
                ]
                subsections.append(Subsection(title_of(j), id=ident(j), content=part))
            return Section(title_of(i), id=ident(i) if not isinstance(base_obj, Findings) else None,
                           content=lead, subsections=subsections)

        def chapter() -> Chapter:
            nonlocal pos
            i = pos
            pos += 1
            lead = content()
            parts: list[ChapterPart] = []
            while pos < len(blocks) and blocks[pos].kind in ("section", "subsection"):
                if blocks[pos].kind == "subsection":
                    self.warn(blocks[pos].where, "a subsection outside any section", "it was read as a section")
                    blocks[pos].kind = "section"
                parts.append(section())
            return Chapter(title_of(i), id=ident(i), content=lead, sections=parts)

        def chapters() -> list[Chapter]:
            out: list[Chapter] = []
            while pos < len(blocks) and blocks[pos].kind not in ("annex",):
                if blocks[pos].kind != "chapter":
                    b = blocks[pos]
                    self.warn(b.where, f"text before the first chapter: {runs_plain(b.runs)[:60]!r}",
                              "a chapter was opened for it")
                    b_runs: list[VRun] = ["Introduction"]
                    blocks.insert(pos, VBlock("chapter", b_runs, where=b.where))
                    sigs.insert(pos, signature(b_runs))
                    # shift matches after the insertion point
                    for key in sorted([k for k in matched if k >= pos], reverse=True):
                        matched[key + 1] = matched.pop(key)
                out.append(chapter())
            return out

        top = chapters()
        annexes: list[Annex] = []
        while pos < len(blocks):
            i = pos
            pos += 1
            lead = content()
            annexes.append(Annex(title_of(i), id=ident(i), content=lead, chapters=chapters()))
        return tuple(top), tuple(annexes)

    def build(self) -> Report:
        masthead = self.masthead()
        body, session, agenda, agenda_symbol = self.front()
        title, subtitles = self.title_block()
        chapters, annexes = self.body()
        base = self.base
        first = FirstPageNotes.ASTERISKS if self.first_page_custom else (
            base.first_page_notes if base else FirstPageNotes.NUMBERED)
        report = Report(
            schema=base.schema if base else None,
            language=self.language,
            masthead=masthead,
            body=body,
            session=session,
            agenda_items=agenda,
            agenda_symbol=agenda_symbol,
            title=title,
            subtitles=subtitles,
            first_page_notes=first,
            participants=self.registry,
            chapters=chapters,
            annexes=annexes,
        )
        return self.settle_refs(report)

    def settle_refs(self, report: Report) -> Report:
        """Cross-references whose target is gone (or unnumbered) become the number they printed."""
        ids: set[str] = set()

        def collect(obj: Any) -> None:
            if isinstance(obj, tuple):
                for x in obj:
                    collect(x)
            elif attrs.has(type(obj)):
                ident = getattr(obj, "id", None)
                if isinstance(ident, str) and not isinstance(obj, UnnumberedText):  # no number to print
                    ids.add(ident)
                for f in attrs.fields(type(obj)):
                    collect(getattr(obj, f.name))

        collect(report.chapters)
        collect(report.annexes)
        labels: dict[str, str] = {}
        for item in self.items:
            ident = getattr(item.obj, "id", None) if item.obj is not None else None
            if ident:
                labels[ident] = item.label.rstrip(".") if item.kind == "paragraph" else item.label
        dangling: list[str] = []

        def fix(obj: Any) -> Any:
            if isinstance(obj, tuple):
                fixed = [fix(x) for x in obj]
                # A reference turned into its number joins the text around it.
                pairs = zip(obj, fixed, strict=True)
                printed = any(isinstance(x, CrossRef) and not isinstance(y, CrossRef) for x, y in pairs)
                return tuple(_merge_text(fixed)) if printed else tuple(fixed)
            if isinstance(obj, CrossRef):
                if obj.target in ids:
                    return obj
                dangling.append(obj.target)
                # What it last printed: the base's label, else what the draft showed; never the id.
                return labels.get(obj.target) or self.shown.get(obj.target, "")
            if attrs.has(type(obj)) and not isinstance(obj, (Masthead, Session)):
                changes = {f.name: fix(getattr(obj, f.name)) for f in attrs.fields(type(obj))
                           if isinstance(getattr(obj, f.name), tuple)}
                return attrs.evolve(obj, **{k.lstrip("_"): v for k, v in changes.items()}) if changes else obj
            return obj

        fixed = fix(report)
        for target in dangling:
            self.warn("", f"a cross-reference to {target!r} pointed at a deleted block",
                      "it became the number it last printed")
        assert isinstance(fixed, Report)
        return fixed


def assemble(visible: Visible, base: Report | None, warnings: list[Problem], source: str) -> Report:
    return Assembler(visible, base, warnings, source).build()
