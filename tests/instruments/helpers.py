"""The resolution examples and the sample texts they were rebuilt from."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import EXAMPLES, SHARED, require_file

import cstd_docs
from cstd_docs.model import Report

L6_EXAMPLE = EXAMPLES / "e-cn5-2025-l6-draft-resolution.json"
L6_TEXT = SHARED / "samples" / "E_CN.5_2025_L.6.txt"
E28_EXAMPLE = EXAMPLES / "e-2025-28-session-report-chapter-i.json"
E28_TEXT = SHARED / "samples" / "E_2025_28.txt"
#: Running heads, footers and job numbers of the printed pages: not the document's text.
_PAGE_FURNITURE = re.compile(r"^(?:\d+/\d+|\d+|[ivx]+|E/CN\.5/2025/L\.6|E/2025/28|E/CN\.7/2025/11|\*\d+\*)$|\b\d{2}-\d{5}\b")


def l6_report() -> Report:
    return cstd_docs.load(L6_EXAMPLE)


def words(text: str) -> str:
    """Text reduced to words: no Markdown markup or escapes, no standalone note numbers, and
    pdftotext's stray spaces before hyphens ("bottom -up") and punctuation joined."""
    text = re.sub(r"\[\^[^\]]+\]", " ", text)
    text = re.sub(r"\\(.)", r"\1", text).replace("*", "")
    text = re.sub(r"\s+-(?=\w)", "-", text)
    text = re.sub(r"(?<![\w.,/–-])\d+(?![\w./–-])", " ", text)
    return re.sub(r" ([,;.])", r"\1", " ".join(text.split()))  # "humankind ," as printed


def compact(text: str) -> str:
    """The words without the spaces between them: pdftotext splits some words ("reinforc ing")."""
    return words(text).replace(" ", "")


def sample_body_and_notes(path: Path) -> tuple[str, list[str]]:
    """A sample's printed text: its body as one run of words, and its notes in order."""
    require_file(path, "the sample text")
    body: list[str] = []
    notes: list[str] = []
    in_notes = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("_____"):
            in_notes = True
            continue
        if in_notes and line == str(len(notes) + 1):  # the next note's number
            notes.append("")
            continue
        if _PAGE_FURNITURE.search(line):
            in_notes = False
            continue
        if not line:
            continue
        if in_notes:
            notes[-1] = f"{notes[-1]} {line}".strip()
        else:
            body.append(line)
    return words(" ".join(body)), notes
