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
from cstd_docs.model import Emphasis, Link, Report, Strong, StrongEmphasis
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
    NoteLetter,
    NoteRef,
    NumberedParagraph,
    OperativeParagraph,
    Reference,
    ResolvedBlock,
    ResolvedFigure,
    ResolvedReport,
    ResolvedTable,
    Run,
    Runs,
    SubparagraphItem,
    Unnumbered,
)
from cstd_docs.resolve.instruments import within_resolutions
from cstd_docs.writers.markdown_tables import figure_markdown, table_markdown

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

# ASCII punctuation that CommonMark or pandoc's Markdown would read as markup.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#$@^~|])")
# Line starts that would open a list, a quote or a heading; pandoc also reads "a)", "ii."
# (the French, Spanish and Russian subparagraph labels) as list markers.
_BLOCK_START = re.compile(r"^(\s*)(?:(\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+)([.)])|([-+>(]))")


# "&" that would start a character reference ("&#49;", "&amp;"): renderers would decode it.
_ENTITY = re.compile(r"&(?=#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


def escape(text: str) -> str:
    # A line ending in the text (\n, or \r alone, as CommonMark counts them) would let it
    # start a list or a heading of its own.
    text = _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", text))
    return text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")


def blank_ends(markdown: str) -> str:
    """A text's own space or tab at either end as a character reference: Markdown strips
    the blanks around a paragraph, a heading or a note as layout, and the reader does too."""
    if markdown[:1] in (" ", "\t"):
        markdown = f"&#{ord(markdown[0])};{markdown[1:]}"
    if markdown[-1:] in (" ", "\t"):
        markdown = f"{markdown[:-1]}&#{ord(markdown[-1])};"
    return markdown


def field(text: str) -> str:
    """A plain text that stands alone (a masthead line, the body, an agenda item's title)."""
    return blank_ends(escape(text))


#: A line break in text: CommonMark's hard break; the line after it escaped like a line start.
HARD_BREAK = "\\\n"


def _broken(text: str, hard_break: str) -> str:
    """Text with its line breaks (``"\\n"`` in the model) as hard breaks, never a silent space."""
    if "\n" not in text:
        return escape(text)
    first, *rest = text.split("\n")
    out = [escape(first)]
    for line in rest:
        # A line that is empty or starts with a blank would lose it on a line of its own.
        out.append(hard_break + escape_start(escape(line)) if line[:1].strip() else "<br>" + escape(line))
    return "".join(out)


def unlabelled_start(text: str) -> str:
    """Escape the start of unnumbered text; one that looks like a label gets a character reference.

    "1. x" and "(a) x" escaped as labels are ("1\\.", "\\(a)") would read back as a numbered
    paragraph or a subparagraph; written "&#49;. x" and "&#40;a) x" they render the same and
    read back as unnumbered text.
    """
    if text[:1] in ("\t", " "):
        # A leading tab (or four spaces) would make an indented code block: the first one
        # written as a character reference renders and reads back as itself.
        return f"&#{ord(text[0])};{text[1:]}"
    found = _BLOCK_START.match(text)
    if found is None:
        return text
    if found.group(2) or found.group(4) == "(":
        at = found.end(1)
        return f"{text[:at]}&#{ord(text[at])};{text[at + 1:]}"
    return escape_start(text)


def escape_start(text: str) -> str:
    """Escape a line start that a renderer would take for a list or quote marker."""
    def mark(match: re.Match[str]) -> str:
        if match.group(2):  # "1." → "1\.", "a)" → "a\)": escape the delimiter, not the digit
            return f"{match.group(1)}{match.group(2)}\\{match.group(3)}"
        return f"{match.group(1)}\\{match.group(4)}"

    return _BLOCK_START.sub(mark, text, count=1)


def numbered(label: str) -> str:
    """A paragraph number or subparagraph label no renderer will renumber: 1\\. and \\(a)."""
    return escape_start(label)


#: Between two note marks at one spot: the resolved report's separator, set while it renders.
_separator: contextvars.ContextVar[str] = contextvars.ContextVar("cstd_docs_note_mark_separator", default=",")


def _delimited(inner: str, mark: str) -> str:
    """``*text*`` or ``**text**``: spaces inside the marks would stop them from being emphasis."""
    stripped = inner.strip()
    if not stripped:
        return ""
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{mark}{stripped}{mark}{trail}"


def _joined(value: Runs) -> list[Run]:
    """Adjacent italic (or bold) runs as one: ``*a**b*`` would read as bold. An empty text between
    them prints nothing: they are adjacent still. Adjacent plain texts as one too: a line break
    ending one prints as the line break the reader reads in the text they make together."""
    out: list[Run] = []
    for run in value:
        last = out[-1] if out else None
        if run == "" and not isinstance(run, Reference):
            continue
        if type(run) is str and type(last) is str:  # not a Reference, which is a str of its own
            out[-1] = last + run
        elif isinstance(run, (Emphasis, Strong, StrongEmphasis)) and type(last) is type(run):
            out[-1] = type(run)(last.text + run.text)
        else:
            out.append(run)
    return out


# --- strong text inside emphasis, and emphasis inside strong text (issue 13) ---------------------
_Marked = Emphasis | Strong | StrongEmphasis
_ITALIC = (Emphasis, StrongEmphasis)
_BOLD = (Strong, StrongEmphasis)


def _absorbed(runs: list[Run]) -> list[Run]:
    """A blank between two runs that are both bold (or both italic) as the end of the first: a reader
    may take the blank out of the bold text, and ``**a *b***`` must print the same either way."""
    out: list[Run] = []
    for index, run in enumerate(runs):
        prev, after = (out[-1] if out else None), (runs[index + 1] if index + 1 < len(runs) else None)
        if type(run) is str and run and not run.strip() and isinstance(prev, _Marked) and isinstance(after, _Marked) \
                and ((isinstance(prev, _BOLD) and isinstance(after, _BOLD))
                     or (isinstance(prev, _ITALIC) and isinstance(after, _ITALIC))):
            out[-1] = type(prev)(prev.text + run)
            continue
        out.append(run)
    return out


def _marked(runs: list[_Marked]) -> str:
    """Italic, bold and bold italic runs side by side, nested as CommonMark reads them back:
    ``*The **Road** Map*`` (bold inside italic), ``**a *title* in bold**``, ``***both***``."""
    out: list[str] = []
    at = 0
    while at < len(runs):
        for outer, inner, mark, inner_mark in ((_ITALIC, Emphasis, "*", "**"), (_BOLD, Strong, "**", "*")):
            end = at
            while end < len(runs) and isinstance(runs[end], outer):
                end += 1
            group = runs[at:end]
            if len(group) > 1 and any(type(run) is inner for run in group):
                pieces = (escape(r.text) if type(r) is inner else _delimited(escape(r.text), inner_mark)
                          for r in group)
                out.append(_delimited("".join(pieces), mark))
                at = end
                break
        else:
            run = runs[at]
            mark = "***" if isinstance(run, StrongEmphasis) else "**" if isinstance(run, Strong) else "*"
            out.append(_delimited(escape(run.text), mark))
            at += 1
    return "".join(out)
# --- end strong text inside emphasis


def runs(value: Runs | str, hard_break: str = HARD_BREAK) -> str:
    """Inline content as Markdown; ``hard_break`` prints a line break (``<br>`` in a heading)."""
    if isinstance(value, str):
        return _broken(value, hard_break)
    out: list[str] = []
    previous: object = None
    marked: list[_Marked] = []  # italic and bold runs side by side, written together
    for run in _absorbed(_joined(value)):
        if isinstance(run, (Emphasis, Strong, StrongEmphasis)):
            marked.append(run)
            if run.text:  # a note mark after it does not stand beside the one before: no separator
                previous = run
            continue
        if marked:
            out.append(_marked(marked))
            marked = []
        if isinstance(run, NoteRef) and isinstance(previous, NoteRef):
            out.append(f"<sup>{escape(_separator.get())}</sup>")
        if run != "":  # an empty text prints nothing: the marks around it stand at one spot
            previous = run
        match run:
            case Reference():
                # A link to the target's anchor: clickable where the Markdown is shown as HTML,
                # and the reader takes the id from it, so the reference survives an edit.
                out.append(f"[{escape(run)}](#{run.target})")
            case str():
                out.append(_broken(run, hard_break))
            case Link():
                out.append(f"[{escape(run.text)}]({run.url})")
            case NoteRef():
                out.append(f"[^{run.key or run.mark}]")
            case Emphasis() | Strong() | StrongEmphasis():
                pass  # written with their neighbours, above
            case NoteLetter():
                out.append(f"<sup>{escape(run.letter)}</sup>")
            case _:
                assert_never(run)
    if marked:
        out.append(_marked(marked))
    return blank_ends("".join(out))


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
                       heading_start=heading_start, styled=styled)
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
        token = _separator.set(doc.note_mark_separator)
        language = _language.set(doc.language)
        try:
            text = template.render(doc=doc, blocks=_views(doc))
        finally:
            _separator.reset(token)
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
