"""Shell completion scripts for the ``cstd-docs`` command (``cstd-docs completion bash``).

Out of cli.py so that shtab, and this code, are loaded only by the command that needs them.
"""

from __future__ import annotations

import argparse

#: Which arguments name files or folders, for shell completion (by metavar).
_FOLDERS = {"DIR"}


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script of ``parser`` for ``shell``: folders where a DIR is asked, files elsewhere."""
    import shtab  # only here: the completion script is generated once, at install

    for action in _actions(parser):
        if action.metavar in _FOLDERS:
            action.complete = shtab.DIRECTORY  # type: ignore[attr-defined]
        elif action.metavar is not None and action.choices is None and action.type is None:
            action.complete = shtab.FILE  # type: ignore[attr-defined]
    text: str = shtab.complete(parser, shell=shell)
    return text


def _actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    found: list[argparse.Action] = []
    for action in parser._actions:
        found.append(action)
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found.extend(_actions(sub))
    return found
