"""``cstd-docs check``: the editorial warnings of report files, drafts included."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cstd_docs.errors import ReportError

READABLE = (".json", ".docx", ".md", ".markdown")


def list_rules() -> str:
    from cstd_docs.editorial.rules import rules

    lines = []
    for rule in rules().values():
        languages = "all languages" if rule.languages is None else ", ".join(sorted(rule.languages))
        lines.append(f"{rule.id}: {rule.summary} [{languages}]\n    {rule.source}")
    return "\n".join(lines) + "\n"


def check_files(args: argparse.Namespace) -> tuple[int, int]:
    """Check every input; the number of warnings and of inputs that could not be read."""
    from cstd_docs.editorial import check
    from cstd_docs.readers import import_file

    warned = failed = 0
    for path in args.inputs:
        try:
            imported = import_file(path)
            for problem in imported.warnings:
                print(f"cstd-docs: warning: {problem}", file=sys.stderr)
            result = check(imported.report, enable=args.enable, disable=args.disable, document=args.document,
                           word_limit=args.word_limit)
        except ReportError as error:
            failed += 1
            print(f"cstd-docs: {path}: {error}", file=sys.stderr)
            continue
        print(f"{path}: {result.summary()}")
        for warning in result:
            print(f"  {warning}")
        warned += len(result)
    return warned, failed


def unreadable(inputs: list[str]) -> str | None:
    for path in inputs:
        if Path(path).suffix.lower() not in READABLE:
            return f"cannot check {path!r}: give .json, .docx or .md files"
    return None
