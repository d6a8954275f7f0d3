"""The commands on one report file: validate, render (one file or many), watch, schema, new, preview, import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cstd_docs.cli.common import FORMAT_NAMES, RENDER_FORMATS, UsageError, load_report, said, same_file
from cstd_docs.errors import ReportError, Terminated


def _output_format(source: Path, output: Path, args: argparse.Namespace) -> str:
    """The writer ``output``'s extension names (checked against --format and the input)."""
    fmt = RENDER_FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise UsageError(
            f"cannot tell the format of {str(output)!r} from its extension; use one of {', '.join(RENDER_FORMATS)}"
        )
    if getattr(args, "format", None) is not None and FORMAT_NAMES[args.format] != fmt:
        raise UsageError(f"--format {args.format} disagrees with the extension of {str(output)!r}; drop one")
    if same_file(source, output):
        raise UsageError(f"the output {str(output)!r} is the input file; choose another output path")
    if args.emblem is not None and fmt == "markdown":
        raise UsageError("--emblem applies to .docx and .pdf output")
    return fmt


def _render_one(source: Path, output: Path, args: argparse.Namespace) -> None:
    fmt = _output_format(source, output, args)
    from cstd_docs.perf import paused_gc

    # One report in a short-lived process: imports, loading and rendering allocate many
    # objects and few cycles, and collections during them were 5% of the whole command.
    with paused_gc():
        _render_with(fmt, source, output, args)

def _render_with(fmt: str, source: Path, output: Path, args: argparse.Namespace) -> None:
    report = load_report(str(source))
    reference, emblem = args.reference_docx, args.emblem
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

def _render_to_stdout(source: Path, args: argparse.Namespace) -> None:
    """``-o -``: Markdown (the default) to standard output; Word or PDF only into a pipe or a file."""
    fmt = FORMAT_NAMES[args.format or "md"]
    if args.emblem is not None and fmt == "markdown":
        raise UsageError("--emblem applies to Word and PDF output (--format docx or pdf)")
    if fmt != "markdown" and sys.stdout.isatty():
        raise UsageError(f"a {fmt.upper()} file is binary and would garble the terminal; "
                         f"redirect it (> report.{args.format}) or name the file with -o")
    report = load_report(str(source))
    if fmt == "markdown":
        from cstd_docs.writers.markdown import render_markdown

        sys.stdout.write(render_markdown(report, template_dir=args.templates))
        return
    options = {"reference_docx": args.reference_docx, "emblem": args.emblem}
    if fmt == "docx":
        from cstd_docs.writers.docx import docx_bytes

        data = docx_bytes(report, **options)
    else:
        import tempfile

        from cstd_docs.writers.pdf import render_pdf

        with tempfile.TemporaryDirectory(prefix="cstd-docs-") as folder:
            render_pdf(report, Path(folder) / "report.pdf", **options)
            data = (Path(folder) / "report.pdf").read_bytes()
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()

def cmd_validate(args: argparse.Namespace) -> int:
    # Every file is checked, so one run lists the problems of all of them.
    failed = 0
    from cstd_docs.model.check import incomplete

    for path in args.inputs:
        try:
            report = load_report(path)
        except ReportError as error:
            failed += 1
            print(f"cstd-docs: {error}", file=sys.stderr)
        else:
            # What an import left empty rather than make up: valid, and named until filled in.
            to_fill = incomplete(report)
            for problem in to_fill:
                print(f"cstd-docs: warning: {path}: {problem}", file=sys.stderr)
            print(f"{path}: valid" + (f" ({len(to_fill)} to fill in)" if to_fill else ""))
    return 1 if failed else 0

def cmd_render(args: argparse.Namespace) -> int:
    if args.out_dir is None:
        if args.output is None:
            raise UsageError("name the output with -o OUT, or render many files with --out-dir DIR")
        if len(args.inputs) != 1:
            raise UsageError("-o takes one input; to render several files use --out-dir DIR")
        if args.output == "-":
            _render_to_stdout(Path(args.inputs[0]), args)
            return 0
        _render_one(Path(args.inputs[0]), Path(args.output), args)
        said(args, f"wrote {args.output}")
        return 0
    if args.output is not None:
        raise UsageError("use either -o OUT (one file) or --out-dir DIR (many), not both")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if getattr(args, "templates", None):
        raise UsageError("--templates applies to one file rendered with -o OUT.md")
    if args.emblem is not None and args.format == "md":
        raise UsageError("--emblem applies to Word and PDF output (--format docx or pdf)")
    return _render_batch(args)

def _render_batch(args: argparse.Namespace) -> int:
    from cstd_docs.batch import render_many

    written: list[Path] = []
    try:
        result = render_many(
            args.inputs,
            args.out_dir,
            fmt=args.format or "docx",
            jobs=args.jobs,
            progress=not args.quiet,
            reference_docx=args.reference_docx,
            emblem=args.emblem,
            on_done=lambda source, failure: written.append(source) if failure is None else None,
        )
    except (KeyboardInterrupt, Terminated) as stop:
        # Not the single render's "no output was changed": the files finished before it stopped stay.
        how = ("terminated (SIGTERM)", 143) if isinstance(stop, Terminated) else ("interrupted", 130)
        print(f"cstd-docs: {how[0]} after writing {len(written)} of {len(args.inputs)} files; "
              "no file was left half-written", file=sys.stderr)
        return how[1]
    for failure in result.failed:
        print(f"cstd-docs: {failure.message}", file=sys.stderr)
    total = len(result.written) + len(result.failed)
    said(args, f"wrote {len(result.written)} of {total} into {args.out_dir}")
    if result.failed:
        print(f"cstd-docs: {len(result.failed)} failed:", file=sys.stderr)
        for failure in result.failed:
            print(f"  {failure.source}", file=sys.stderr)
        return 1
    return 0

def cmd_watch(args: argparse.Namespace) -> int:
    source, output = Path(args.input), Path(args.output)
    fmt = _output_format(source, output, args)
    from cstd_docs.watch import watch

    def render() -> str:
        _render_with(fmt, source, output, args)
        return f"wrote {output}"

    try:
        watch(source, render, lambda message: said(args, message),
              lambda problem: print(f"cstd-docs: {problem}", file=sys.stderr, flush=True))
    except KeyboardInterrupt as stop:  # the way a watch ends: Ctrl-C, or SIGTERM (Terminated)
        print(f"cstd-docs: stopped watching; {output} holds the last good render", file=sys.stderr)
        return 143 if isinstance(stop, Terminated) else 130
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    if args.styles:
        import json

        from cstd_docs.readers.families import styles_schema

        text = json.dumps(styles_schema(), indent=2, ensure_ascii=False) + "\n"
    else:
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
    if output.is_dir():  # before anything is written: --force does not replace a folder
        raise ReportError.single(str(output), "the output path is a folder",
                                 f"name a file, e.g. {str(output / 'report.json')!r}")
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
        said(args, f"wrote {schema}")
    write_atomically(output, dumps(starter_report()).encode("utf-8"))
    said(args, f"wrote {output}")
    return 0

def cmd_preview(args: argparse.Namespace) -> int:
    from cstd_docs.writers.pdf import preview

    out_dir = Path(args.output)
    if args.pages < 1:
        raise UsageError("--pages must be at least 1")
    report = load_report(args.input)  # before the folder is made: a refused input leaves nothing behind
    if out_dir.exists() and not out_dir.is_dir():
        raise ReportError.single(str(out_dir), "this is a file; preview writes page-1.png, page-2.png, … into "
                                 "a folder", "name a folder (it is made if missing)")
    if not out_dir.parent.is_dir():
        raise ReportError.single(str(out_dir), f"the folder {str(out_dir.parent)!r} does not exist",
                                 "create it first")
    out_dir.mkdir(exist_ok=True)
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
    if same_file(source, output):
        raise UsageError(f"the output {str(output)!r} is the input file; choose another output path")
    imported = import_file(source, styles=args.styles)
    for warning in imported.warnings:
        print(f"cstd-docs: warning: {warning}", file=sys.stderr)
    summary = [f"cstd-docs: {line}" for line in imported.coverage.lines()] if imported.coverage else []
    if args.strict and imported.coverage is not None and not imported.coverage.complete:
        print("\n".join([*summary, f"cstd-docs: not written: {output} (--strict, and the import did not keep "
                                    "everything)"]), file=sys.stderr)
        return 1
    write_atomically(output, dumps(imported.report).encode("utf-8"))
    count = len(imported.warnings)
    said(args, f"wrote {output}" + (f" ({count} warning{'s' if count != 1 else ''})" if count else ""))
    if summary:  # at the end: what was kept, and what was not, by kind and place
        print("\n".join(summary), file=sys.stderr)
    return 0


def _add_validate(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("validate", help="check report files and list every problem")
    p.add_argument("inputs", nargs="+", metavar="IN.json", help="report files to check (all are checked)")
    p.set_defaults(run=cmd_validate)


def _add_schema(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("schema", help="print the JSON Schema of report files")
    p.add_argument("-o", "--output", metavar="FILE", help="write it to FILE instead of standard output")
    p.add_argument("--styles", action="store_true", help="the schema of style family files (import --styles)")
    p.set_defaults(run=cmd_schema)


def _add_new(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("new", help="write a minimal valid report to start from, and its schema beside it")
    p.add_argument("-o", "--output", required=True, metavar="report.json", help="the report file to write")
    p.add_argument("--force", action="store_true", help="replace an existing report (and schema file)")
    p.add_argument("-q", "--quiet", action="store_true", help="do not say what was written")
    p.set_defaults(run=cmd_new)


def _add_preview(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("preview", help="write PNG images of the first pages (needs LibreOffice, pdftoppm)")
    p.add_argument("input", metavar="IN.json", help="the report file")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="the folder for page-1.png, page-2.png, …")
    p.add_argument("--pages", type=int, default=2, help="how many pages (default 2)")
    p.add_argument("--reference-docx", metavar="FILE", help="take styles, page setup and heads from this .docx/.dotx")
    p.add_argument("--emblem", metavar="IMAGE", help="an image for the masthead's emblem")
    p.set_defaults(run=cmd_preview)


def _add_import(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("import", help="read an edited Word or Markdown draft back into a report file")
    p.add_argument("input", metavar="IN.docx|IN.md", help="the edited draft")
    p.add_argument("-o", "--output", required=True, metavar="OUT.json", help="the report file to write")
    p.add_argument("-q", "--quiet", action="store_true", help="do not say what was written")
    p.add_argument("--styles", metavar="FILE.json",
                   help="a style family of your own: what the document's styles mean (docs/import.md)")
    p.add_argument("--strict", action="store_true",
                   help="write nothing, exit 1, when anything of a Word document was not kept")
    p.set_defaults(run=cmd_import)


def _add_render(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("render", help="render a report; the format comes from the output's extension")
    p.add_argument("inputs", nargs="+", metavar="IN.json", help="the report file (several with --out-dir)")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="OUT.md, OUT.docx or OUT.pdf (one input); '-' for standard output (Markdown unless --format)")
    p.add_argument("--out-dir", metavar="DIR", help="render every input to DIR/<name>.docx (or .md, .pdf)")
    p.add_argument("--jobs", type=int, metavar="N", help="with --out-dir: N processes (default: the CPU count)")
    p.add_argument("--format", choices=tuple(FORMAT_NAMES),
                   help="with --out-dir: the output format (default docx); with -o -: what to write (default md)")
    _output_options(p)
    p.set_defaults(run=cmd_render)


def _add_watch(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser("watch", help="render a report again every time it is saved, until Ctrl-C")
    p.add_argument("input", metavar="IN.json", help="the report file to watch")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.md, OUT.docx or OUT.pdf")
    _output_options(p)
    p.set_defaults(run=cmd_watch)


#: validate, render, watch, schema, new, preview and import, in the order the help lists them.
COMMANDS = {"validate": _add_validate, "render": _add_render, "watch": _add_watch, "schema": _add_schema,
            "new": _add_new, "preview": _add_preview, "import": _add_import}


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reference-docx", metavar="FILE", help="take styles, page setup and heads from this .docx/.dotx")
    p.add_argument("--emblem", metavar="IMAGE", help="an image (PNG, JPEG) for the masthead's emblem, Word and PDF")
    p.add_argument("--templates", metavar="DIR", help="a folder of Jinja2 templates overriding the Markdown ones")
    p.add_argument("-q", "--quiet", action="store_true", help="do not say what was written")
