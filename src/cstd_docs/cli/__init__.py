"""The ``cstd-docs`` command.

One module per family of commands (``documents``: validate, render, schema, new, preview,
import; ``compare``: diff, redline; ``check``; ``completion``); this one builds the parser
and runs a command with the exit codes below.

Exit codes: 0 success; 1 invalid input or a failed render (the problems on stderr, no
traceback); 2 bad usage; 130 interrupted (Ctrl-C), 141 standard output's reader went away,
143 terminated (SIGTERM), no output changed. Set CSTD_DOCS_DEBUG=1 to see a traceback for
internal errors.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from types import FrameType
from typing import NoReturn

from cstd_docs.cli import check, compare, completion, documents
from cstd_docs.cli.common import UsageError
from cstd_docs.cli.completion import SHELLS
from cstd_docs.errors import ReportError, Terminated

__all__ = ["PIPE_CLOSED", "SHELLS", "UsageError", "build_parser", "main", "run"]


def _terminate(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not cut the clean-up short
    raise Terminated

@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """While the command runs, SIGTERM raises :class:`Terminated`; the handler before is restored."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; a program calling main() from a thread keeps its own
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


#: Each command's name and what adds its parser, in the order the help lists them.
_COMMANDS = {**documents.COMMANDS, **compare.COMMANDS, "check": check.add_command, "completion": completion.add_command}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: every command's, or only ``command``'s.

    Making the parsers of all eleven commands took 5.6 ms of every run (argparse asks for a
    formatter and a translation for each argument); running one command needs only its own.
    """
    parser = argparse.ArgumentParser(
        prog="cstd-docs",
        description="Assemble United Nations parliamentary reports from JSON: validate, render to "
        "Markdown, Word or PDF, and more.",
    )
    from cstd_docs import __version__

    parser.add_argument("--version", action="version", version=f"cstd-docs {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, add in _COMMANDS.items():
        if command is None or name == command:
            add(commands)
    for sub in commands.choices.values():
        sub.set_defaults(parser=sub)  # a usage error found by the command shows the command's usage
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs, when that is all its parsing needs: not for the help or the
    version, which list every command, nor for a name argparse must refuse with the list."""
    for argument in argv:
        if argument.startswith("-"):
            return None  # the program's own options (-h, --version) come before any command
        return argument if argument in _COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(_command_in(arguments))
    args = parser.parse_args(arguments)  # exits 2 on bad usage, as argparse does
    try:
        with _sigterm_as_interrupt():
            code: int = args.run(args)
        return code
    except UsageError as error:
        command: argparse.ArgumentParser = args.parser
        command.print_usage(sys.stderr)
        print(f"{command.prog}: error: {error}", file=sys.stderr)
        return 2
    except ReportError as error:
        print(f"cstd-docs: {error}", file=sys.stderr)
        return 1
    except Terminated:
        print("cstd-docs: terminated (SIGTERM); no output was changed", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("cstd-docs: interrupted; no output was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _pipe_closed()
    except Exception as error:  # a bug: say so plainly, without a traceback
        if os.environ.get("CSTD_DOCS_DEBUG"):
            raise
        print(
            f"cstd-docs: internal error ({type(error).__name__}: {error}). This is a bug in cstd-docs; "
            "set CSTD_DOCS_DEBUG=1 to see where it happened.",
            file=sys.stderr,
        )
        return 1

#: The exit status of a program stopped by SIGPIPE (128 + 13), as ``yes | head`` gives.
PIPE_CLOSED = 141

def _pipe_closed() -> int:
    """Standard output's reader went away (``cstd-docs diff … | head``): end quietly.

    Python would complain once more while flushing at exit; standard output is pointed at
    the null device so that nothing is left to flush (the advice of Python's signal docs).
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return PIPE_CLOSED

def run() -> NoReturn:
    """The ``cstd-docs`` command itself: :func:`main`, then the process ends.

    A command is one bounded process, so it ends without the interpreter's teardown, which
    would run one more collection over every object still alive and then free modules,
    classes and the last report one by one, all about to go with the process (about 5 ms
    of a 200 ms ``render``); what must happen at exit still does (:func:`_end`). Not in
    :func:`main`, which programs and tests call without ending their process.
    """
    code = main()
    try:
        sys.stdout.flush()  # here, where a closed pipe can still end quietly
    except BrokenPipeError:
        code = _pipe_closed()
    _end(code)


def _end(code: int) -> NoReturn:
    """The functions registered to run at exit (the compiled-code cache, logging), the
    standard streams flushed, then the process ends with ``code``."""
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed or broken stream has nothing left to say
            stream.flush()
    os._exit(code)
