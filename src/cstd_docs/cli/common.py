"""What the commands share: the usage error, loading a report, naming outputs, saying what was written."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cstd_docs.model import Report

RENDER_FORMATS = {".md": "markdown", ".markdown": "markdown", ".docx": "docx", ".pdf": "pdf"}

#: --format's names and the writer each means.
FORMAT_NAMES = {"md": "markdown", "docx": "docx", "pdf": "pdf"}

class UsageError(Exception):
    """Bad usage: exit 2."""


def load_report(path: str) -> Report:
    from cstd_docs.jsonio import load

    return load(path)


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def said(args: argparse.Namespace, message: str) -> None:
    """What a command wrote, on standard error (standard output may be the output itself); -q silences it."""
    if not getattr(args, "quiet", False):
        print(f"cstd-docs: {message}", file=sys.stderr)
