"""The ``cstd-docs`` command.

Exit codes: 0 success; 1 invalid input or a failed render (the problems on stderr, no
traceback); 2 bad usage. Set CSTD_DOCS_DEBUG=1 to see a traceback for internal errors.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from cstd_docs.errors import ReportError

if TYPE_CHECKING:
    from cstd_docs.model import Report

RENDER_FORMATS = {".md": "markdown", ".markdown": "markdown", ".docx": "docx", ".pdf": "pdf"}


class UsageError(Exception):
    """Bad usage: exit 2."""


def _report(path: str):  # type: ignore[no-untyped-def]
    from cstd_docs.jsonio import load

    return load(path)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _render_one(source: Path, output: Path, args: argparse.Namespace) -> None:
    fmt = RENDER_FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise UsageError(
            f"cannot tell the format of {str(output)!r} from its extension; use one of {', '.join(RENDER_FORMATS)}"
        )
    if _same_file(source, output):
        raise UsageError(f"the output {str(output)!r} is the input file; choose another output path")
    from cstd_docs.perf import paused_gc

    # One report in a short-lived process: imports, loading and rendering allocate many
    # objects and few cycles, and collections during them were 5% of the whole command.
    with paused_gc():
        _render_with(fmt, source, output, args)


def _render_with(fmt: str, source: Path, output: Path, args: argparse.Namespace) -> None:
    report = _report(str(source))
    reference = getattr(args, "reference_docx", None)
    emblem = getattr(args, "emblem", None)
    if emblem is not None and fmt == "markdown":
        raise UsageError("--emblem applies to .docx and .pdf output")
    if fmt == "markdown":
        from cstd_docs.outputs import write_atomically
        from cstd_docs.writers.markdown import render_markdown

        text = render_markdown(report, template_dir=getattr(args, "templates", None))
        write_atomically(output, text.encode("utf-8"))
    elif fmt == "docx":
        from cstd_docs.writers.docx import render_docx

        render_docx(report, output, reference_docx=reference, emblem=emblem)
    else:
        from cstd_docs.writers.pdf import render_pdf

        render_pdf(report, output, reference_docx=reference, emblem=emblem)


def cmd_validate(args: argparse.Namespace) -> int:
    # Every file is checked, so one run lists the problems of all of them.
    failed = 0
    for path in args.inputs:
        try:
            _report(path)
        except ReportError as error:
            failed += 1
            print(f"cstd-docs: {error}", file=sys.stderr)
        else:
            print(f"{path}: valid")
    return 1 if failed else 0


def cmd_render(args: argparse.Namespace) -> int:
    if args.out_dir is None:
        if args.output is None:
            raise UsageError("name the output with -o OUT, or render many files with --out-dir DIR")
        if len(args.inputs) != 1:
            raise UsageError("-o takes one input; to render several files use --out-dir DIR")
        _render_one(Path(args.inputs[0]), Path(args.output), args)
        return 0
    if args.output is not None:
        raise UsageError("use either -o OUT (one file) or --out-dir DIR (many), not both")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if getattr(args, "templates", None):
        raise UsageError("--templates applies to one file rendered with -o OUT.md")
    if args.emblem is not None and args.format == "md":
        raise UsageError("--emblem applies to Word output (--format docx)")
    return _render_batch(args)


def _render_batch(args: argparse.Namespace) -> int:
    from cstd_docs.batch import render_many

    result = render_many(
        args.inputs,
        args.out_dir,
        fmt=args.format,
        jobs=args.jobs,
        progress=True,
        reference_docx=args.reference_docx,
        emblem=args.emblem,
    )
    for failure in result.failed:
        print(f"cstd-docs: {failure.message}", file=sys.stderr)
    total = len(result.written) + len(result.failed)
    print(f"rendered {len(result.written)} of {total} into {args.out_dir}")
    if result.failed:
        print(f"cstd-docs: {len(result.failed)} failed:", file=sys.stderr)
        for failure in result.failed:
            print(f"  {failure.source}", file=sys.stderr)
        return 1
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from cstd_docs.jsonio.schema import schema_text

    text = schema_text()
    if args.output:
        from cstd_docs.outputs import write_atomically

        write_atomically(Path(args.output), text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from cstd_docs.jsonio import dumps
    from cstd_docs.jsonio.schema import schema_text
    from cstd_docs.outputs import write_atomically
    from cstd_docs.starter import SCHEMA_FILE, starter_report

    output = Path(args.output)
    if output.exists() and not args.force:
        raise UsageError(f"{str(output)!r} exists; use --force to replace it")
    # The schema beside the report, named relatively in its "$schema": editors that read
    # JSON Schema then complete and check the file with no setting.
    schema = output.parent / SCHEMA_FILE
    if output.name == SCHEMA_FILE:
        raise UsageError(f"{SCHEMA_FILE} is the schema written beside the report; give the report another name")
    if not output.parent.is_dir():
        raise ReportError.single(str(output), f"the folder {str(output.parent)!r} does not exist", "create it first")
    if schema.exists() and not schema.is_file():
        raise ReportError.single(str(schema), "the schema's place beside the report is taken by a folder",
                                 "remove or rename it, or write the report in another folder")
    text = schema_text()
    if schema.exists() and not args.force and schema.read_text(encoding="utf-8", errors="replace") != text:
        print(f"cstd-docs: {schema} exists and differs from this version's schema; left as it is "
              "(run 'cstd-docs schema -o' on it, or use --force)", file=sys.stderr)
    elif not schema.exists() or args.force:
        write_atomically(schema, text.encode("utf-8"))
        print(f"wrote {schema}")
    write_atomically(output, dumps(starter_report()).encode("utf-8"))
    print(f"wrote {output}")
    return 0


def cmd_preview(args: argparse.Namespace) -> int:
    from cstd_docs.writers.pdf import preview

    out_dir = Path(args.output)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = _report(args.input)
    for page in preview(report, out_dir, pages=args.pages, reference_docx=args.reference_docx, emblem=args.emblem):
        print(page)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from cstd_docs.jsonio import dumps
    from cstd_docs.outputs import write_atomically
    from cstd_docs.readers import import_file

    source, output = Path(args.input), Path(args.output)
    if source.suffix.lower() not in (".docx", ".md", ".markdown"):
        raise UsageError(f"cannot import {str(source)!r}: give a .docx or .md file")
    if output.suffix.lower() != ".json":
        raise UsageError(f"the output {str(output)!r} must be a .json file")
    if _same_file(source, output):
        raise UsageError(f"the output {str(output)!r} is the input file; choose another output path")
    imported = import_file(source)
    for warning in imported.warnings:
        print(f"cstd-docs: warning: {warning}", file=sys.stderr)
    write_atomically(output, dumps(imported.report).encode("utf-8"))
    count = len(imported.warnings)
    print(f"wrote {output}" + (f" ({count} warning{'s' if count != 1 else ''})" if count else ""))
    return 0


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
    from cstd_docs.diff import changes_json, diff_reports, format_changes

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
        if _same_file(Path(source), output):
            raise UsageError(f"the output {str(output)!r} is an input file; choose another output path")
    if output.suffix.lower() != ".docx" and (args.reference_docx or args.emblem):
        raise UsageError("--reference-docx and --emblem apply to a .docx redline")
    date = _revision_date(args.date)
    old, new = _versions(args.old, args.new)
    redline(old, new, output, author=args.author, date=date, reference_docx=args.reference_docx,
            emblem=args.emblem)
    print(f"wrote {output}")
    return 0


def _compare_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``diff`` and ``redline``: two versions compared."""
    p = commands.add_parser("diff", help="list what was added, removed, moved or edited between two versions")
    p.add_argument("old", metavar="A.json|A.docx|A.md")
    p.add_argument("new", metavar="B.json|B.docx|B.md")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (one line per change, the default) or json (for scripts)")
    p.set_defaults(run=cmd_diff)

    p = commands.add_parser("redline", help="the new version with tracked changes against the old (.docx, or .md "
                            "with CriticMarkup)")
    p.add_argument("old", metavar="OLD.json|OLD.docx|OLD.md")
    p.add_argument("new", metavar="NEW.json|NEW.docx|NEW.md")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx|OUT.md")
    p.add_argument("--author", help="the revisions' author (default: your user name)")
    p.add_argument("--date", help="the revisions' date, YYYY-MM-DD[THH:MM:SS] (default: the new version's date)")
    p.add_argument("--reference-docx", metavar="FILE", help="take styles, page setup and heads from this .docx/.dotx")
    p.add_argument("--emblem", metavar="IMAGE", help="an image (PNG, JPEG) for the masthead's emblem")
    p.set_defaults(run=cmd_redline)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cstd-docs",
        description="Assemble United Nations parliamentary reports from JSON: validate, render to "
        "Markdown, Word or PDF, and more.",
    )
    from cstd_docs import __version__

    parser.add_argument("--version", action="version", version=f"cstd-docs {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("validate", help="check report files and list every problem")
    p.add_argument("inputs", nargs="+", metavar="IN.json")
    p.set_defaults(run=cmd_validate)

    p = commands.add_parser("render", help="render a report; the format comes from the output's extension")
    p.add_argument("inputs", nargs="+", metavar="IN.json")
    p.add_argument("-o", "--output", metavar="OUT", help="OUT.md, OUT.docx or OUT.pdf (one input)")
    p.add_argument("--out-dir", metavar="DIR", help="render every input to DIR/<name>.docx (or .md)")
    p.add_argument("--jobs", type=int, metavar="N", help="with --out-dir: N processes (default: the CPU count)")
    p.add_argument(
        "--format", choices=("docx", "md"), default="docx", help="with --out-dir: the output format (default docx)"
    )
    p.add_argument("--reference-docx", metavar="FILE", help="take styles, page setup and heads from this .docx/.dotx")
    p.add_argument("--emblem", metavar="IMAGE", help="an image (PNG, JPEG) for the masthead's emblem, Word and PDF")
    p.add_argument("--templates", metavar="DIR", help="a folder of Jinja2 templates overriding the Markdown ones")
    p.set_defaults(run=cmd_render)

    p = commands.add_parser("schema", help="print the JSON Schema of report files")
    p.add_argument("-o", "--output", metavar="FILE", help="write it to FILE instead of standard output")
    p.set_defaults(run=cmd_schema)

    p = commands.add_parser("new", help="write a minimal valid report to start from, and its schema beside it")
    p.add_argument("-o", "--output", required=True, metavar="report.json")
    p.add_argument("--force", action="store_true", help="replace an existing report (and schema file)")
    p.set_defaults(run=cmd_new)

    p = commands.add_parser("preview", help="write PNG images of the first pages (needs LibreOffice, pdftoppm)")
    p.add_argument("input", metavar="IN.json")
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    p.add_argument("--pages", type=int, default=2, help="how many pages (default 2)")
    p.add_argument("--reference-docx", metavar="FILE")
    p.add_argument("--emblem", metavar="IMAGE", help="an image for the masthead's emblem")
    p.set_defaults(run=cmd_preview)

    p = commands.add_parser("import", help="read an edited Word or Markdown draft back into a report file")
    p.add_argument("input", metavar="IN.docx|IN.md")
    p.add_argument("-o", "--output", required=True, metavar="OUT.json")
    p.set_defaults(run=cmd_import)

    _compare_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on bad usage, as argparse does
    try:
        code: int = args.run(args)
        return code
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"cstd-docs: error: {error}", file=sys.stderr)
        return 2
    except ReportError as error:
        print(f"cstd-docs: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("cstd-docs: interrupted; no output was changed", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: say so plainly, without a traceback
        if os.environ.get("CSTD_DOCS_DEBUG"):
            raise
        print(
            f"cstd-docs: internal error ({type(error).__name__}: {error}). This is a bug in cstd-docs; "
            "set CSTD_DOCS_DEBUG=1 to see where it happened.",
            file=sys.stderr,
        )
        return 1


def run() -> NoReturn:
    """The ``cstd-docs`` command itself: :func:`main`, then the process ends.

    ``gc.freeze()`` first: at exit the interpreter runs one more collection over every
    object still alive (modules, classes, the last report), all about to be freed with
    the process; frozen objects are skipped. About 15 ms of a 170 ms ``render``. Not in
    :func:`main`, which programs and tests call without ending their process.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
