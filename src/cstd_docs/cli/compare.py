"""The commands on two versions of a report: diff and redline."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cstd_docs.cli.common import UsageError, said, same_file

if TYPE_CHECKING:
    from cstd_docs.model import Report

def _versions(old: str, new: str) -> tuple[Report, Report]:
    """Two versions to compare, each a .json, .docx or .md file (reader warnings on stderr)."""
    from cstd_docs.readers import import_file

    reports = []
    for path in (old, new):
        if Path(path).suffix.lower() not in (".json", ".docx", ".md", ".markdown"):
            raise UsageError(f"cannot compare {path!r}: give .json, .docx or .md files")
        imported = import_file(path)
        for warning in imported.warnings:
            print(f"cstd-docs: warning: {warning}", file=sys.stderr)
        reports.append(imported.report)
    return reports[0], reports[1]

def cmd_diff(args: argparse.Namespace) -> int:
    from cstd_docs.changes import changes_json, diff_reports, format_changes

    changes = diff_reports(*_versions(args.old, args.new))
    if args.format == "json":
        sys.stdout.write(changes_json(changes))
    else:
        sys.stdout.write(format_changes(changes) if changes else "no paragraph changed\n")
    return 0

REDLINE_FORMATS = (".docx", ".md", ".markdown")

def _revision_date(text: str | None) -> datetime.date | datetime.datetime | None:
    if text is None:
        return None
    try:
        return datetime.datetime.fromisoformat(text) if "T" in text else datetime.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date {text!r} is not a date: give YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS") from None

def cmd_redline(args: argparse.Namespace) -> int:
    from cstd_docs.redlines import redline

    output = Path(args.output)
    if output.suffix.lower() not in REDLINE_FORMATS:
        raise UsageError(f"cannot tell the format of {str(output)!r}: name it .docx (tracked changes) or .md "
                         "(CriticMarkup)")
    for source in (args.old, args.new):
        if same_file(Path(source), output):
            raise UsageError(f"the output {str(output)!r} is an input file; choose another output path")
    if output.suffix.lower() != ".docx" and (args.reference_docx or args.emblem):
        raise UsageError("--reference-docx and --emblem apply to a .docx redline")
    date = _revision_date(args.date)
    old, new = _versions(args.old, args.new)
    redline(old, new, output, author=args.author, date=date, reference_docx=args.reference_docx,
            emblem=args.emblem)
    said(args, f"wrote {output}")
    return 0


def _add_diff(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("diff", help="list what was added, removed, moved or edited between two versions")
    p.add_argument("old", metavar="A.json|A.docx|A.md", help="the earlier version")
    p.add_argument("new", metavar="B.json|B.docx|B.md", help="the later version")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (one line per change, the default) or json (for scripts)")
    p.set_defaults(run=cmd_diff)


def _add_redline(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("redline", help="the new version with tracked changes against the old (.docx, or .md "
                            "with CriticMarkup)")
    p.add_argument("old", metavar="OLD.json|OLD.docx|OLD.md", help="the version the readers saw")
    p.add_argument("new", metavar="NEW.json|NEW.docx|NEW.md", help="the version to show with its changes")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx|OUT.md",
                   help="the redline: .docx (Word tracked changes) or .md (CriticMarkup)")
    p.add_argument("--author", help="the revisions' author (default: your user name)")
    p.add_argument("--date", help="the revisions' date, YYYY-MM-DD[THH:MM:SS] (default: the new version's date)")
    p.add_argument("--reference-docx", metavar="FILE", help="take styles, page setup and heads from this .docx/.dotx")
    p.add_argument("--emblem", metavar="IMAGE", help="an image (PNG, JPEG) for the masthead's emblem")
    p.add_argument("-q", "--quiet", action="store_true", help="do not say what was written")
    p.set_defaults(run=cmd_redline)


#: ``diff`` and ``redline``: two versions compared.
COMMANDS = {"diff": _add_diff, "redline": _add_redline}
