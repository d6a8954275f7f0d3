"""Fixed wording per language, kept as data (``<code>.json`` beside this file).

Everything the library writes itself — masthead lines, dates, session ordinals, agenda
lines, the findings headings and lead-ins, participant notes, subparagraph labels —
comes from a table here, so a user can correct a phrase without touching code.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from cstd_docs.errors import ReportError
from cstd_docs.lang.numbering import letters, roman
from cstd_docs.lang.table import EnglishOrdinals, LanguageTable, parse_table

#: The tables' folder. Read as files, not through importlib.resources (5 ms of every start,
#: for packages imported from a zip archive, which cstd-docs is not: python-docx, which it
#: needs, reads its own template from its folder the same way).
_TABLES = Path(__file__).parent

RIGHT_TO_LEFT = frozenset({"ar"})
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)", re.IGNORECASE)
#: What a chapter numeral, a section letter or a subsection number looks like, in any language.
_HEADING_NUMERAL = re.compile(r"[IVXLCDM]+|[A-Z]{1,3}|\d+")
_SPACES = " \u00a0\u202f"


_OPENING_GUILLEMET = re.compile(r"«[ \u00a0\u202f]?")
_CLOSING_GUILLEMET = re.compile(r"[ \u00a0\u202f]?»")


def _before_mark(text: str, match: re.Match[str], marks: str, space: str) -> str | None:
    """The space before a mark used as punctuation: None where none belongs (a URL, "!!", "10:30")."""
    token_start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    token = text[token_start : match.start()]
    glued = match.group()[0] not in _SPACES
    if _URL.search(token) or (glued and match.start() > 0 and text[match.start() - 1] in marks):
        return None
    return space


def _spaced(pieces: Sequence[str], pattern: re.Pattern[str],
            space_for: Callable[[str, re.Match[str]], str | None], after: bool = False) -> list[str]:
    """Each match of ``pattern`` (a mark, with or without a blank beside it) in the pieces' joined
    text gets ``space_for``'s space: in place of the blank (in the blank's piece), else beside the
    mark (in the mark's piece), before it or ``after`` it."""
    text = "".join(pieces)
    edits: dict[int, str] = {}  # a position → what prints there instead of its character
    for match in pattern.finditer(text):
        space = space_for(text, match)
        if space is None:
            continue
        blank = next((i for i in range(match.start(), match.end()) if text[i] in _SPACES), None)
        if blank is not None:
            edits[blank] = space
        else:
            edits[match.start()] = text[match.start()] + space if after else space + text[match.start()]
    if not edits:
        return list(pieces)
    positions = sorted(edits)
    out: list[str] = []
    start = taken = 0
    for piece in pieces:
        end = start + len(piece)
        parts, cursor = [], start
        while taken < len(positions) and positions[taken] < end:
            at = positions[taken]
            parts += [text[cursor:at], edits[at]]
            cursor, taken = at + 1, taken + 1
        parts.append(text[cursor:end])
        out.append("".join(parts))
        start = end
    return out


@functools.cache
def available() -> tuple[str, ...]:
    """The language codes that have a table (listed once per process, as the tables are read once)."""
    return tuple(sorted(p.name.removesuffix(".json") for p in _TABLES.iterdir() if p.name.endswith(".json")))


def _sort_key(name: str) -> str:
    """A name's place in a list: its letters without accents ("español" before "francés")."""
    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c))


class LanguagePack:
    """The table of one language, with the small amount of logic its phrases need."""

    def __init__(self, code: str, table: LanguageTable) -> None:
        self.code = code
        self.table = table

    @property
    def right_to_left(self) -> bool:
        """From the table's "direction" ("rtl"), else the built-in list (Arabic)."""
        if self.table.direction is not None:
            return self.table.direction == "rtl"
        return self.code in RIGHT_TO_LEFT

    # --- masthead ----------------------------------------------------------------------
    def masthead_date(self, day: datetime.date) -> str:
        """The masthead's date: in another table's form where this one says so.

        UN Arabic, Chinese and Russian documents print the masthead box (distribution,
        date, language line) in English; their tables name "en" in "masthead_language".
        """
        other = self.table.masthead_language
        if other and other != self.code:
            return language_pack(other).date(day)
        return self.date(day)

    def organ(self, name: str) -> str:
        """The organ's name in this language: a principal organ's from the table, any other as written."""
        return self.table.organs.get(name, name)

    def organ_named(self, printed: str) -> str:
        """The organ a printed name stands for: the English key of a principal organ, else the name."""
        return next((key for key, local in self.table.organs.items() if local == printed), printed)

    def version_line(self, original: str, single_language: bool) -> str | None:
        """"Français" over "Original : anglais" in a translation; None in the original or a one-language document."""
        if single_language or original == self.code:
            return None
        return self.table.this_language

    def versions_line(self, versions: tuple[str, ...]) -> str | None:
        """"English, French, Russian and Spanish only": the versions by their names' order, or None."""
        if not versions:
            return None
        names = sorted((self.table.language_names.get(c, c) for c in versions), key=_sort_key)
        joined = ", ".join(names[:-1]) + self.table.list_and + names[-1] if len(names) > 1 else names[0]
        return self.table.only_several.format(languages=joined, Languages=joined[:1].upper() + joined[1:])

    def language_line(self, original: str, single_language: bool) -> str:
        """"Original: English", or "English only" for a single-language document.

        "only" is either a template with {language} / {Language} (capitalised) or a
        table of whole phrases by language code (for languages that decline the name).
        """
        name = self.table.language_names.get(original, original)
        capitalised = name[:1].upper() + name[1:]
        if not single_language:
            return self.table.original.format(language=name, Language=capitalised)
        only = self.table.only
        if isinstance(only, dict):
            return only.get(original, name)
        return only.format(language=name, Language=capitalised)

    # --- participants ---------------------------------------------------------------------
    def letter_title(self, date: datetime.date, sender: str, addressee: str) -> str:
        """"Letter dated 2 May 2025 from … addressed to …", with the table's contractions ("à le" → "au")."""
        return self._contracted(self.table.letter_title.format(date=self.date(date), sender=sender,
                                                                 addressee=addressee))

    def _contracted(self, text: str) -> str:
        """The contractions made where a word starts ("a el" → "al", never in "Guatemala el")."""
        for plain, contracted in self.table.contractions.items():
            text = re.sub(r"(?<!\w)" + re.escape(plain), contracted.replace("\\", "\\\\"), text)
        return text

    def representative(self, country: str) -> str:
        """"Representative of Thailand", with the table's contractions ("de les" → "des")."""
        text = self.table.representative_of.format(country=country)
        for plain, contracted in self.table.contractions.items():
            text = text.replace(plain, contracted)
        return text

    # --- counters ---------------------------------------------------------------------------
    @staticmethod
    def _counter(values: tuple[str, ...], index: int) -> str | None:
        """The index-th entry (from 1) of one of the table's own counters, if it has one."""
        return values[index - 1] if 0 < index <= len(values) else None

    def chapter_numeral(self, index: int) -> str:
        """"I", "II" — or the language's own ("一", "أولاً") from "chapter_numerals"."""
        return self._counter(self.table.chapter_numerals, index) or roman(index)

    def section_letter(self, index: int) -> str:
        """"A", "B" — or the language's own ("ألف", "باء") from "section_letters"."""
        return self._counter(self.table.section_letters, index) or letters(index).upper()

    def heading_numeral(self, text: str) -> bool:
        """Whether ``text`` could be a heading's number without its punctuation ("IV", "B", "2",
        or the language's own): a Markdown heading that starts with one is read as numbered."""
        return (bool(_HEADING_NUMERAL.fullmatch(text)) or text in self.table.chapter_numerals
                or text in self.table.section_letters)

    def subparagraph_label(self, depth: int, index: int) -> str:
        """"(a)", "(i)", "a.", "i." by depth; templates see {letter}, {roman} and {number}."""
        formats = self.table.subparagraph_labels
        letter = self._counter(self.table.letters, index) or letters(index)
        counter = letter if depth % 2 == 1 else roman(index).lower()
        template = formats[min(depth, len(formats)) - 1]
        return template.format(letter=counter, roman=counter, number=index)

    # --- tables and figures (issue 13) ------------------------------------------------------
    def table_caption(self, index: int) -> tuple[str, str]:
        """The caption of the index-th table ("Table 1") and its number as a reference prints it ("1")."""
        return self.table.tables.table_numbered.format(number=index), str(index)

    def figure_caption(self, index: int) -> tuple[str, str]:
        """The caption of the index-th figure ("Figure I", "图一") and its numeral ("I")."""
        numeral = self._counter(self.table.tables.figure_numerals, index) or roman(index)
        return self.table.tables.figure_numbered.format(numeral=numeral), numeral

    def table_note_letter(self, index: int) -> str:
        """A table note's letter: a, b — or the language's own letters ("أ", "ب")."""
        return self._counter(self.table.letters, index) or letters(index)

    # --- typography -------------------------------------------------------------------------
    def typeset(self, text: str) -> str:
        """Apply the table's "typography" to text written by the author (French spaces).

        ``{"space_before": ":;!?", "space": "\u202f", "apply_to_text": true}`` puts the
        space before each mark used as punctuation (followed by a space or the end), never
        inside a URL or a time ("http://", "10:30").
        """
        return self.typeset_pieces((text,))[0]

    @property
    def typesets_text(self) -> bool:
        """Whether :meth:`typeset` changes anything: most languages leave the author's text as written."""
        rules = self.table.typography
        return rules is not None and rules.apply_to_text

    def typeset_pieces(self, pieces: Sequence[str]) -> list[str]:
        """:meth:`typeset` on texts that print one after the other (plain, italic and bold runs):
        the text is typeset as one, each space put or replaced in the piece that holds its place.

        Piece by piece, ":" opening italic text took a space even after a space ending the text
        before it, and a second one once that space was read back as the plain text's.
        """
        rules = self.table.typography
        if rules is None or not rules.apply_to_text or not any(pieces):
            return list(pieces)
        space = rules.space
        marks = rules.space_before
        if marks:
            cls = "[" + re.escape(marks) + "]"
            pattern = re.compile(r"[ \u00a0\u202f]?(" + cls + r")(?=" + cls + r"*(?:\s|$|[»”\"')\]]))")
            pieces = _spaced(pieces, pattern, lambda text, match: _before_mark(text, match, marks, space))
        if rules.guillemets:
            pieces = _spaced(pieces, _OPENING_GUILLEMET, lambda _text, _match: space, after=True)
            pieces = _spaced(pieces, _CLOSING_GUILLEMET, lambda _text, _match: space)
        return list(pieces)

    # --- dates -----------------------------------------------------------------------
    def date(self, day: datetime.date) -> str:
        return self.table.date.format(day=self.day(day.day), month=self.table.months[day.month - 1], year=day.year)

    def day(self, number: int) -> str:
        return self.table.day_names.get(str(number), str(number))

    def date_range(self, start: datetime.date, end: datetime.date) -> str:
        t = self.table
        if start == end:
            return self.date(start)
        if (start.year, start.month) == (end.year, end.month):
            return t.date_range_same_month.format(
                start_day=self.day(start.day), end_day=self.day(end.day), month=t.months[start.month - 1],
                year=start.year,
            )
        if start.year == end.year:
            return t.date_range_same_year.format(
                start_day=self.day(start.day), start_month=t.months[start.month - 1],
                end_day=self.day(end.day), end_month=t.months[end.month - 1], year=start.year,
            )
        return t.date_range.format(start=self.date(start), end=self.date(end))

    # --- numbers in words --------------------------------------------------------------
    def ordinal(self, number: int) -> str:
        """The session ordinal, capitalised: "Twenty-fifth", "Vingt-cinquième", "25º".

        From "ordinal_words" (an explicit table, "1" to "100") if it has the number, else
        from the English-shaped rules in "ordinals", else from "ordinal_format"
        ("{number}º"; default "{number}").
        """
        explicit = self.table.ordinal_words
        if str(number) in explicit:
            words = explicit[str(number)]
        elif self.table.ordinals is not None:
            words = _ordinal_words(self.table.ordinals, number)
        else:
            words = self.table.ordinal_format.format(number=number)
        return words[:1].upper() + words[1:]


def _ordinal_words(o: EnglishOrdinals, number: int) -> str:
    if number < 20:
        return o.unit_ordinals[number]
    if number < 100:
        tens, unit = divmod(number, 10)
        if unit == 0:
            return o.ten_ordinals[tens]
        return f"{o.tens[tens]}-{o.unit_ordinals[unit]}"
    hundreds, rest = divmod(number, 100)
    head = f"{o.units[hundreds]} {o.hundred}" if hundreds < 20 else str(number)
    if rest == 0:
        return f"{o.units[hundreds]} {o.hundredth}"
    return f"{head}{o.and_}{_ordinal_words(o, rest)}"


@functools.cache
def _load(code: str) -> LanguageTable:
    try:
        text = (_TABLES / f"{code}.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReportError.single(
            "$.language", f"no language table for {code!r}", f"use one of {', '.join(available())}"
        ) from None
    return parse_table(code, text)


def language_pack(code: str) -> LanguagePack:
    if code not in available():  # also keeps a code like "../x" from reaching the file system
        raise ReportError.single(
            "$.language", f"no language table for {code!r}", f"use one of {', '.join(available())}"
        )
    return LanguagePack(code, _load(code))
