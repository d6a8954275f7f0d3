"""``cstd-docs check``: the editorial warnings (docs/editorial.md)."""

from __future__ import annotations

import argparse
import sys

from cstd_docs.cli.common import UsageError
from cstd_docs.errors import ReportError


def cmd_check(args: argparse.Namespace) -> int:
    from cstd_docs.editorial import command
    from cstd_docs.editorial.rules import selected

    if args.rules:
        sys.stdout.write(command.list_rules())
        return 0
    if not args.inputs:
        raise UsageError("name the files to check (or list the rules with --rules)")
    bad = command.unreadable(args.inputs)
    if bad:
        raise UsageError(bad)
    try:
        selected(args.enable, args.disable)
    except ReportError as error:
        raise UsageError("; ".join(str(p) for p in error.problems)) from None
    if args.word_limit is not None and args.word_limit < 1:
        raise UsageError("--word-limit must be at least 1")
    warned, failed = command.check_files(args)
    return 1 if failed or (args.strict and warned) else 0


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("check", help="editorial warnings (UN Editorial Manual) and the word count")
    p.add_argument("inputs", nargs="*", metavar="IN.json|IN.docx|IN.md",
                   help="the reports to check: JSON, Word or Markdown")
    p.add_argument("--strict", action="store_true", help="exit 1 when there is any warning")
    p.add_argument("--disable", action="append", default=[], metavar="RULE",
                   help="do not run RULE (repeat for more; 'all' for every rule)")
    p.add_argument("--enable", action="append", default=[], metavar="RULE", help="run RULE even after --disable all")
    p.add_argument("--document", choices=("secretariat", "other"), default="secretariat",
                   help="whose word limit applies: the Secretariat's (8,500 words, the default) "
                   "or another body's (10,700)")
    p.add_argument("--word-limit", type=int, metavar="N", help="another word limit")
    p.add_argument("--rules", action="store_true", help="list the rules and their sources")
    p.set_defaults(run=cmd_check)
