"""Inline content as Markdown: text escaped so that it reads back as text (never as a list,
a heading or markup), italic and bold runs nested as CommonMark reads them, note marks, links
and cross-references (writers/markdown.py lays out the blocks they stand in).
"""

from __future__ import annotations

import contextvars
import re
from typing import assert_never

from cstd_docs.model import Emphasis, Link, Strong, StrongEmphasis
from cstd_docs.resolve.document import NoteLetter, NoteRef, Reference, Run, Runs

__all__ = ["HARD_BREAK", "blank_ends", "escape", "escape_start", "field", "in_bold", "note_mark_separator", "numbered",
           "runs", "unlabelled_start"]

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
note_mark_separator: contextvars.ContextVar[str] = contextvars.ContextVar("cstd_docs_note_mark_separator", default=",")


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


def in_bold(value: Runs) -> list[Run]:
    """A text printed inside ``**…**`` (a table's or figure's title): its bold is the line's, so bold
    text prints as plain and bold italic as italic. Nested marks (``****a** b**``) read back
    otherwise, and Word prints the caption's bold text the same either way."""
    out: list[Run] = []
    for run in value:
        if isinstance(run, Strong):
            out.append(run.text)
        elif isinstance(run, StrongEmphasis):
            out.append(Emphasis(run.text))
        else:
            out.append(run)
    return out
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
            previous = run  # note marks on either side of it are not side by side
            continue
        if marked:
            out.append(_marked(marked))
            marked = []
        if isinstance(run, NoteRef) and isinstance(previous, NoteRef):
            out.append(f"<sup>{escape(note_mark_separator.get())}</sup>")
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
