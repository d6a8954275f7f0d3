"""``cstd-docs completion``: a shell completion script, generated from the parser by shtab."""

from __future__ import annotations

import argparse
import sys

SHELLS = ("bash", "zsh", "fish")

#: Which arguments name files or folders, for shell completion (by metavar).
_FOLDERS = {"DIR"}

def cmd_completion(args: argparse.Namespace) -> int:
    import shtab  # only here: the completion script is generated once, at install

    from cstd_docs.cli import build_parser  # the whole parser, every command's arguments

    parser = build_parser()
    for action in _actions(parser):
        if action.metavar in _FOLDERS:
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
        elif action.metavar is not None and action.choices is None and action.type is None:
            action.complete = shtab.FILE  # type: ignore[attr-defined]
    sys.stdout.write(shtab.complete(parser, shell=args.shell))
    return 0

def _actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    found: list[argparse.Action] = []
    for action in parser._actions:
        found.append(action)
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found.extend(_actions(sub))
    return found


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("completion", help="print a shell completion script (bash, zsh or fish)")
    p.add_argument("shell", choices=SHELLS, help="the shell; e.g. cstd-docs completion bash > ~/.cstd-docs.bash")
    p.set_defaults(run=cmd_completion)
