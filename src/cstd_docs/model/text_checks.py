"""Small checks on texts and names that model/check.py and its parts share."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cstd_docs.errors import Problem

__all__ = ["ID", "issn_problem", "known", "text_problems"]

#: Characters XML 1.0 cannot hold (DOCX is XML): C0 controls but tab, newline, return.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udfff]")
#: An id: a letter, then letters, digits, "_", ".", ":", "-".
ID = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*")
_ISSN = re.compile(r"([0-9]{4})-([0-9]{3})([0-9X])")


def issn_problem(issn: str) -> str | None:
    """What is wrong with an ISSN ("0251-9941"): its form, or its check digit (ISO 3297); None when right."""
    found = _ISSN.fullmatch(issn)
    if found is None:
        return f"{issn!r} is not an ISSN (four digits, a hyphen, three digits and a check digit or X)"
    digits = found.group(1) + found.group(2)
    total = sum(int(d) * weight for d, weight in zip(digits, range(8, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    expected = "X" if check == 10 else str(check)
    if found.group(3) != expected:
        return f"the ISSN {issn!r} has the check digit {found.group(3)}, its digits give {expected}"
    return None
#: Decimal clauses nest nine deep, as Word's outline levels do.
_MAX_LEVEL = 9


def known(word: str, known: list[str]) -> str:
    """A hint for an unknown name: the closest known one, and the known ones."""
    import difflib  # only for bad input: not worth 1 ms of every start

    close = difflib.get_close_matches(word, known, n=1)
    listed = ", ".join(known[:8]) + (", …" if len(known) > 8 else "")
    prefix = f"did you mean {close[0]!r}? " if close else ""
    return f"{prefix}known: {listed}" if known else "none are defined"


def text_problems(path: str, text: str) -> Iterator[Problem]:
    """A text's characters that XML (and so a document) cannot hold."""
    bad = _XML_ILLEGAL.search(text)
    if bad:
        yield Problem(
            path,
            f"character U+{ord(bad.group()):04X} at offset {bad.start()} cannot be written to a document",
            "remove it (control characters and lone surrogates are not text)",
        )
