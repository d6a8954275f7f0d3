"""The checks of the front matter a report may ask for (issues 13, 14): the Official Records' supplement,
ISSN and year, and a letter of transmittal; a part of model/check.py's one pass."""

from __future__ import annotations

import re
from typing import Protocol

from cstd_docs.errors import Problem
from cstd_docs.model.inline import Inlines
from cstd_docs.model.report import Report
from cstd_docs.model.text_checks import issn_problem

__all__ = ["FrontMatterChecks"]

#: A supplement's number in the Official Records: "8", "8A".
_SUPPLEMENT = re.compile(r"[1-9][0-9]{0,3}[A-Z]?")


class _Host(Protocol):
    report: Report
    problems: list[Problem]

    def require_text(self, path: str, text: str, *, optional: bool = False, hint: str | None = None) -> None: ...

    def inlines(self, path: str, inlines: Inlines, owner: str | None, *, in_note: bool = False) -> None: ...


class FrontMatterChecks:
    """What the Official Records front matter and a letter of transmittal must say."""

    # --- Official Records (issue 14) -----------------------------------------------------------
    def official_records(self: _Host) -> None:
        """The supplement's number ("8", "8A"), the ISSN with its check digit, the year."""
        records = self.report.official_records
        if records is None:
            return
        here = "$.official_records"
        if not _SUPPLEMENT.fullmatch(records.supplement):
            self.problems.append(Problem(f"{here}.supplement", f"{records.supplement!r} is not a supplement's number",
                                         'write the number as the Official Records give it: "8" or "8A"'))
        if records.issn is not None:
            problem = issn_problem(records.issn)
            if problem is not None:
                self.problems.append(Problem(f"{here}.issn", problem, 'write it as printed, e.g. "0251-9941"'))
        if records.year is not None and not 1946 <= records.year <= 9999:
            self.problems.append(Problem(f"{here}.year", f"{records.year} is not a year of the Official Records",
                                         "write e.g. 2025, or leave it out for the masthead date's year"))
    # --- end Official Records

    # --- letters (issue 13) ----------------------------------------------------------------------
    def letter(self: _Host) -> None:
        """A letter of transmittal: its sender, addressee and paragraphs written, at least one signatory."""
        letter = self.report.letter
        if letter is None:
            return
        self.require_text("$.letter.sender", letter.sender)
        self.require_text("$.letter.addressee", letter.addressee)
        if not letter.paragraphs:
            self.problems.append(Problem("$.letter.paragraphs", "the letter has no text",
                                         'write ["I have the honour …"]'))
        for index, paragraph in enumerate(letter.paragraphs):
            self.inlines(f"$.letter.paragraphs[{index}]", paragraph, None)
        if not letter.signatories:
            self.problems.append(Problem("$.letter.signatories", "nobody signed the letter",
                                         'name who signed it: ["Jane Doe"]'))
        for index, name in enumerate(letter.signatories):
            self.require_text(f"$.letter.signatories[{index}]", name)
        if letter.signatory_title is not None:
            self.require_text("$.letter.signatory_title", letter.signatory_title, optional=True)
    # --- end letters
