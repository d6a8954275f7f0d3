"""Markdown in the structure of the official report, from Jinja2 templates.

Numbered paragraphs are written ``1\\.`` and subparagraphs ``\\(a)`` so that no
Markdown renderer turns them into lists it would renumber; notes are ``[^n]`` with
their texts at the end; a cross-reference is a link ``[12](#id)`` to an anchor
``<a id="id"></a>`` before its target's number.

A user's templates run in Jinja2's sandbox: they can lay out the report, not reach into
Python or the file system. The package's own templates are part of the code and run
without the sandbox, whose check of every attribute a template reads took a third of
the rendering time.
"""

from __future__ import annotations

import contextvars
import itertools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, assert_never

from cstd_docs.errors import ReportError
from cstd_docs.model import Emphasis, Report, Strong
from cstd_docs.perf import gc_paused
from cstd_docs.resolve import resolve
from cstd_docs.resolve.boxes import box_groups
from cstd_docs.resolve.document import (
    AgendaPart,
    BoxStart,
    BulletItem,
    Heading,
    HeadingLevel,
    InstrumentHeading,
    InstrumentKind,
    InstrumentText,
    LineItem,
    NumberedParagraph,
    OperativeParagraph,
    ResolvedBlock,
    ResolvedFigure,
    ResolvedReport,
    ResolvedTable,
    Runs,
    SubparagraphItem,
    Unnumbered,
)
from cstd_docs.resolve.instruments import within_resolutions
from cstd_docs.writers.markdown_tables import figure_markdown, table_markdown
from cstd_docs.writers.markdown_text import (
    escape,
    field,
    in_bold,
    note_mark_separator,
    numbered,
    runs,
    unlabelled_start,
)

if TYPE_CHECKING:
    from jinja2 import Environment

__all__ = ["render_markdown"]

#: Markdown heading depth of each heading level (the title is depth 1).
HEADING_DEPTH = {
    HeadingLevel.ANNEX: 2,
    HeadingLevel.CHAPTER: 2,
    HeadingLevel.SECTION: 3,
    HeadingLevel.SUBSECTION: 4,
}

class _BlockView:
    """What the template sees of a block: its kind and its parts, nothing to compute.

    ``anchor`` is ``<a id="…"></a>`` on a block that a cross-reference names (the link's
    target in an HTML view), else empty.
    """

    def __init__(self, block: ResolvedBlock, targets: Mapping[str, str], quoted: bool = False) -> None:
        self.id = block.id
        #: Part of a resolution: written as a quote ("> "), which is how a reader tells its
        #: operative paragraphs from the report's numbered ones.
        self.quoted = quoted
        self.anchor = f'<a id="{block.id}"></a>' if block.id is not None and block.id in targets else ""
        self.text: Runs = ()
        self.title: Runs = ()
        self.number = ""
        self.label = ""
        self.depth = 0
        #: The last block a box frames (or a box with no block): the box closes after it.
        self.closes_box = False
        #: No blank line after it: the next block continues the same list or block of lines.
        self.joined = False
        match block:
            case Heading():
                self.kind = "heading"
                self.number = block.number
                self.title = block.title
                self.depth = HEADING_DEPTH[block.level]
                self.level = block.level.value
            case NumberedParagraph():
                self.kind = "paragraph"
                self.number = block.number
                self.text = block.text
            case SubparagraphItem():
                self.kind = "subparagraph"
                self.label = block.label
                self.depth = block.depth
                self.text = block.text
            case Unnumbered():
                self.kind = "unnumbered"
                self.text = block.text
            case InstrumentHeading() | InstrumentText() | OperativeParagraph():
                self.instrument(block)
            case BoxStart():  # <div class="summary"> or <div class="box">: pandoc reads a div
                self.kind = "box"
                self.box = block.kind.value
                self.label = block.label
                self.title = block.title
            case BulletItem():
                self.kind = "bullet"  # "- text", a second-level bullet indented under it
                self.depth = block.level
                self.text = block.text
            case LineItem():
                self.kind = "line"  # "| text" of a line block, set in by four spaces a step
                self.depth = block.indent
                self.text = block.text
                self.joined = not block.last
            case ResolvedTable() | ResolvedFigure():
                self.table_or_figure(block)
            case AgendaPart():
                self.kind = block.kind.value  # "agenda title", "agenda item", "documentation", …
                self.label = block.label
                self.text = block.text
                self.depth = block.depth  # a sub-item's documentation: a quote in the quote
            case _:
                assert_never(block)

    # --- tables and figures (issue 13): ``caption`` ("Table 1", "" for an untitled table) over the
    # ``title``, the ``grid`` (a pipe or HTML table, or the figure's image), the ``source`` (after
    # ``source_label``) and the ``notes`` as (letter, text) pairs.
    def table_or_figure(self, block: ResolvedTable | ResolvedFigure) -> None:
        self.kind = "table" if isinstance(block, ResolvedTable) else "figure"
        self.label = block.caption or ""
        self.title = block.title
        self.text = block.source or ()
        self.source_label = block.source_label
        self.notes: list[tuple[str, Runs]] = []
        if isinstance(block, ResolvedTable):
            self.grid = table_markdown(block, runs)
            self.notes = [(note.letter, note.text) for note in block.notes]
        else:
            self.grid = figure_markdown(block, escape)

    # --- instruments (issue 12)
    def instrument(self, block: InstrumentHeading | InstrumentText | OperativeParagraph) -> None:
        match block:
            case InstrumentHeading():
                self.kind = "instrument"
                self.label = block.label
                self.title = block.title
                # A decision's headings a level below a resolution's: what follows is its text.
                self.depth = 6 if block.kind is InstrumentKind.DECISION else 5
            case InstrumentText():
                self.kind = block.kind.value  # "enacting", "preambular", "decision" or "subheading"
                self.text = block.text
            case OperativeParagraph():
                self.kind = "operative"
                self.number = block.number
                self.text = block.text
            case _:
                assert_never(block)


def styled(value: Runs, how: str) -> str:
    """Runs as a line wholly in bold ("strong") or italics ("emphasis"): the word "Documentation" over
    an agenda item's documents, which the readers know by it."""
    make = Strong if how == "strong" else Emphasis
    return runs(tuple(make(r) if type(r) is str else r for r in value))


def _views(doc: ResolvedReport) -> list[_BlockView]:
    views = [_BlockView(block, doc.referenced, quoted)
             for block, quoted in zip(doc.blocks, within_resolutions(doc.blocks), strict=True)]
    at = 0
    for block, framed in box_groups(doc.blocks):  # each box closes after the last block it frames
        at += 1 + len(framed)
        views[at - 1].closes_box = isinstance(block, BoxStart)
    for view, after in itertools.pairwise(views):  # a tight list: bullets without blank lines
        view.joined = view.joined or (view.kind == after.kind == "bullet")
    return views
# --- end instruments


#: The language of the report being rendered, set while it renders (its heading numerals).
_language: contextvars.ContextVar[str] = contextvars.ContextVar("cstd_docs_markdown_language", default="en")


def heading_start(text: str) -> str:
    """Escape the start of a heading that prints no numeral when its first word reads as one
    ("2030 Agenda …", "A way forward"): a character reference renders the same and reads back
    as title, not number."""
    from cstd_docs.lang import language_pack

    first = text.split(" ", 1)[0]
    numeral = _unescape(first).rstrip(".-").strip()
    if numeral and language_pack(_language.get()).heading_numeral(numeral):
        return f"&#{ord(text[0])};{text[1:]}"
    return text


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _environment(template_dir: str | Path | None) -> Environment:
    """The template environment; the package's own is built once, so its templates compile once."""
    if template_dir is None:
        global _PACKAGE_ENVIRONMENT
        if _PACKAGE_ENVIRONMENT is None:
            _PACKAGE_ENVIRONMENT = _new_environment(None)
        return _PACKAGE_ENVIRONMENT
    return _new_environment(template_dir)


_PACKAGE_ENVIRONMENT: Environment | None = None


#: Largest string or list a template may build with ``*``, and largest power with ``**``.
_MAX_PRODUCT = 1_000_000
_MAX_EXPONENT = 1_000


def _new_environment(template_dir: str | Path | None) -> Environment:
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Sandbox(ImmutableSandboxedEnvironment):
        """Jinja2's sandbox, read-only, and without ``"x" * 10**10`` exhausting memory."""

        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(right, int) and abs(right) > _MAX_EXPONENT:
                raise SecurityError(f"the power {right} is too large for a template")
            if operator == "*":
                size, count = (left, right) if isinstance(right, int) else (right, left)
                if isinstance(count, int) and isinstance(size, (str, list, tuple)) and len(size) * count > _MAX_PRODUCT:
                    raise SecurityError(f"{len(size) * count:,} items is too large a value for a template")
            return super().call_binop(context, operator, left, right)

    class FolderLoader(FileSystemLoader):
        """Templates from one folder, never from outside it (through a symbolic link)."""

        def get_source(self, environment: Any, template: str) -> Any:
            source, filename, uptodate = super().get_source(environment, template)
            root = Path(self.searchpath[0]).resolve()
            if not Path(filename).resolve().is_relative_to(root):
                raise SecurityError(f"the template {template!r} leads outside the template folder")
            return source, filename, uptodate

    loaders: list[Any] = []
    if template_dir is not None:
        folder = Path(template_dir)
        if not folder.is_dir():
            raise ReportError.single(str(folder), "the template folder does not exist", "name a folder of .j2 files")
        loaders.append(FolderLoader(str(folder)))
    loaders.append(PackageLoader("cstd_docs.writers", "templates/markdown"))
    # Only the package's own, trusted templates run outside the sandbox.
    kind = Environment if template_dir is None else Sandbox
    env = kind(
        loader=ChoiceLoader(loaders),
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(runs=runs, text=field, start=unlabelled_start, numbered=numbered,
                       heading_start=heading_start, styled=styled, in_bold=in_bold)
    return env


def _tidy(text: str) -> str:
    """One blank line between blocks, one final newline, whatever the template's spacing."""
    # Plain string methods: the two regular expressions this replaces took a third of the time.
    lines = text.split("\n")
    last = lines.pop()
    text = "\n".join([*(line.rstrip(" \t") for line in lines), last])
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip("\n") + "\n"


@gc_paused
def render_markdown(
    report: Report | ResolvedReport, *, template_dir: str | Path | None = None, embed_source: bool = True
) -> str:
    """The report as Markdown, in the structure of the official document.

    With ``embed_source`` (the default) a final HTML comment, which renderers do not
    display, carries the source report so that ``read_markdown`` gets ids, registry and
    dates back (docs/round-trip.md).
    """
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError, TemplateNotFound

    doc = report if isinstance(report, ResolvedReport) else resolve(report)
    env = _environment(template_dir)
    try:
        template = env.get_template("report.md.j2")
        token = note_mark_separator.set(doc.note_mark_separator)
        language = _language.set(doc.language)
        try:
            text = template.render(doc=doc, blocks=_views(doc))
        finally:
            note_mark_separator.reset(token)
            _language.reset(language)
    except SecurityError as error:
        raise ReportError.single(
            "template", f"the template tried something unsafe: {error}", "templates may only lay out the report"
        ) from None
    except TemplateNotFound as error:
        raise ReportError.single(
            "template",
            f"no template {error.name!r} in the template folder or the built-in templates",
            "include or extend templates by a name relative to the template folder, without '..' or '/' first",
        ) from None
    except TemplateError as error:
        where = getattr(error, "filename", None) or "template"
        line = getattr(error, "lineno", None)
        raise ReportError.single(
            f"{where}:{line}" if line else where, f"template error: {error}", "fix the template"
        ) from None
    except (ArithmeticError, LookupError, TypeError, ValueError) as error:
        if template_dir is None:
            raise  # the package's own templates: a bug to see, not an input problem
        # A user's template: range(10**9), "x" | int(…), a division by zero, …
        raise ReportError.single(
            "template", f"the template failed: {type(error).__name__}: {error}", "fix the template"
        ) from None
    if not embed_source:
        return _tidy(text)
    from cstd_docs.embed import markdown_comment

    return _tidy(text) + "\n" + markdown_comment(doc.source) + "\n"
