"""Editorial checks: the UN Editorial Manual's rules as warnings, and the DGACM word limits.

``check(report)`` returns an :class:`EditorialCheck`: every warning with its place (the JSON
path, the paragraph as printed, the nearest id), its rule, what is wrong and the fix, and the
word count against the limit. The rules are data (``data/rules.json``, docs/editorial.md);
each can be switched off (``disable=["figures-under-ten"]``, or ``"all"``) and back on
(``enable=``). Validation is another matter: an invalid report raises
:class:`~cstd_docs.errors.ReportError`, as :func:`cstd_docs.load` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from attrs import frozen

from cstd_docs.editorial import numbers, typography
from cstd_docs.editorial.finding import Finding
from cstd_docs.editorial.rules import Kind, LanguageRules, Rule, language_rules, rules, selected
from cstd_docs.editorial.structure import WORD_LIMITS, structure, words
from cstd_docs.editorial.texts import Text, texts
from cstd_docs.errors import ReportError
from cstd_docs.model import Report

__all__ = ["WORD_LIMITS", "EditorialCheck", "EditorialWarning", "Rule", "check", "rules"]

TextRule = Callable[[Text, LanguageRules], Iterator[Finding]]

#: The code of each text rule; the rest of what a rule is lives in data/rules.json.
TEXT_RULES: dict[str, TextRule] = {
    "typed-label": typography.typed_label,
    "figures-under-ten": numbers.figures_under_ten,
    "per-cent": numbers.per_cent,
    "date-form": numbers.date_form,
    "range-dash": numbers.range_dash,
    "space-before-note": typography.space_before_note,
    "note-punctuation": typography.note_punctuation,
    "straight-quotes": typography.straight_quotes,
    "quote-style": typography.quote_style,
    "punctuation-spacing": typography.punctuation_spacing,
    "double-space": typography.double_space,
    "repeated-word": typography.repeated_word,
    "heading-case": typography.heading_case,
}

_DOCUMENTS = {"secretariat": "a Secretariat document", "other": "a document of another body"}


@frozen
class EditorialWarning:
    """One editorial slip: where it is, which rule, what is wrong, how to fix it."""

    rule: str
    #: The JSON path of the text to edit ("$.chapters[4].content[1].text[4]").
    path: str
    #: The place as printed: "paragraph 14", "paragraph 1 (b)", "chapter IV, section A", "note 16 (paragraph 8)".
    place: str
    #: The id of the paragraph or heading, or of the nearest one above that has an id.
    id: str | None
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.place}, id {self.id}" if self.id else self.place
        return f"{self.path} ({where}): {self.rule}: {self.message} ({self.fix})"


@frozen
class EditorialCheck:
    """The warnings of a report, and its length against the DGACM limit."""

    warnings: tuple[EditorialWarning, ...]
    #: Words of the title, subtitles, agenda titles, headings, text and notes.
    words: int
    word_limit: int
    #: "secretariat" or "other": whose limit applies.
    document: str
    #: The ids of the rules that ran (those selected that apply to the report's language).
    rules_run: frozenset[str]

    def __iter__(self) -> Iterator[EditorialWarning]:
        return iter(self.warnings)

    def __len__(self) -> int:
        return len(self.warnings)

    def summary(self) -> str:
        count = len(self.warnings)
        return (f"{count} warning{'s' if count != 1 else ''}; {self.words:,} words, notes and headings included "
                f"(limit {self.word_limit:,} for {_DOCUMENTS[self.document]})")


def check(
    report: Report,
    *,
    enable: Iterable[str] = (),
    disable: Iterable[str] = (),
    document: str = "secretariat",
    word_limit: int | None = None,
) -> EditorialCheck:
    """The editorial warnings of ``report``, and its word count against the DGACM limit.

    ``document`` is "secretariat" (limit 8,500 words) or "other" (10,700); ``word_limit``
    sets another. An invalid report raises :class:`ReportError`, as does an unknown rule id.
    """
    if not isinstance(report, Report):
        raise ReportError.single("report", f"expected a Report, got {type(report).__name__}",
                                 "load one with cstd_docs.load(path) or build it from cstd_docs.model")
    chosen = selected(enable, disable)
    limit = _limit(document, word_limit)
    from cstd_docs.resolve import resolve

    resolved = resolve(report)
    lang = language_rules(report.language)
    table = rules()
    running = frozenset(r for r in chosen if table[r].applies(report.language))
    warnings: list[EditorialWarning] = []
    for text in texts(resolved):
        for ident, function in TEXT_RULES.items():
            if ident in running and _looks_at(table[ident], text):
                warnings.extend(_grouped(ident, text, list(function(text, lang))))
    for found in structure(resolved):
        if found.rule in running:
            warnings.append(
                EditorialWarning(found.rule, found.path, found.place, found.ident, found.message, found.fix)
            )
    count = words(resolved)
    if "word-limit" in running and count > limit:
        warnings.append(EditorialWarning(
            "word-limit", "$", "the whole document", None,
            f"{count:,} words, notes and headings included, over the limit of {limit:,} for {_DOCUMENTS[document]}",
            "shorten the text, or request a waiver from the Department for General Assembly and Conference Management",
        ))
    return EditorialCheck(tuple(warnings), count, limit, document, running)


def _limit(document: str, word_limit: int | None) -> int:
    if not isinstance(document, str) or document not in WORD_LIMITS:
        raise ReportError.single("document", f"no word limit for {document!r}", "use 'secretariat' or 'other'")
    if word_limit is None:
        return WORD_LIMITS[document]
    if isinstance(word_limit, bool) or not isinstance(word_limit, int) or word_limit < 1:
        raise ReportError.single("word_limit", f"a word limit is a positive whole number, not {word_limit!r}",
                                 "give e.g. 8500")
    return word_limit


def _looks_at(rule: Rule, text: Text) -> bool:
    if Kind.LABELLED in rule.applies_to:
        return text.label is not None
    return text.kind in rule.applies_to


def _grouped(rule: str, text: Text, findings: list[Finding]) -> Iterator[EditorialWarning]:
    """One warning per rule and JSON path: the first slip, and how many more there are."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(text.path_at(finding.offset), []).append(finding)
    for path, found in by_path.items():
        first = found[0]
        more = f" (and {len(found) - 1} more in this text)" if len(found) > 1 else ""
        yield EditorialWarning(rule, path, text.place, text.ident, first.message + more, first.fix)
