"""Inline content: what runs inside a paragraph, a heading, a title or a note.

Plain text is a plain ``str``; everything else is a small frozen class. A line break is a
``"\n"`` inside the text. A run of
inline content is a tuple, and every field that holds one accepts a bare string
for convenience (``Paragraph("Text.")``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, assert_never

from attrs import field, frozen

from cstd_docs.model.typed import typed_fields


def to_inlines(value: str | Inline | Iterable[Inline]) -> tuple[Inline, ...]:
    """Accept a string, a single inline or any iterable of inlines.

    Anything else (a number, a dict) is left as it is, for the field's type check to name.
    """
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (Emphasis, Note, Citation, CrossRef, Strong, Link, StrongEmphasis, TableNoteMark)):
        return (value,)
    return to_tuple(value)


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """A list, a generator or a tuple as a tuple; text, a dict or a scalar left as it is."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]
    return tuple(value)


def to_ids(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return to_tuple(value)


@frozen(field_transformer=typed_fields)
class Emphasis:
    """Italic text: titles of publications (*Road Map for Digital Cooperation*)."""

    text: str


# --- strong text and links (issue 13) -------------------------------------------------------
@frozen(field_transformer=typed_fields)
class Strong:
    """Bold text: the recommendations of a Human Rights Council report, a term defined."""

    text: str


@frozen(field_transformer=typed_fields)
class Link:
    """Text that leads somewhere: a web address, or a UN document symbol.

    With a ``url`` the link goes there. Without one, ``text`` is a UN document symbol
    ("A/HRC/60/12") and the resolution pass derives its official page in the report's language.
    """

    text: str
    url: str = ""


@frozen(field_transformer=typed_fields)
class StrongEmphasis:
    """Bold italic text: strong text inside emphasis (a term in a title, *The **Road** Map*), or
    emphasis inside strong text (a title in a bold recommendation).

    Word and the printed page know one run that is both; so does the model: the italic words
    beside it are :class:`Emphasis`, the bold ones :class:`Strong`.
    """

    text: str


#: The inline kinds that are text printed in a style of its own (each has ``text``).
Styled = Emphasis | Strong | Link | StrongEmphasis
STYLED: tuple[type, ...] = (Emphasis, Strong, Link, StrongEmphasis)
# --- end strong text and links -------------------------------------------------------------


@frozen(field_transformer=typed_fields)
class CrossRef:
    """A reference to a paragraph (or heading) by id; renders its current number."""

    target: str


@frozen(field_transformer=typed_fields)
class Note:
    """A footnote with free text, e.g. a URL or a document symbol.

    The text may hold plain text, emphasis and cross-references, but no further notes.
    Its number (or ``*`` mark) is derived by the resolution pass, never stored.
    """

    text: tuple[Inline, ...] = field(converter=to_inlines)


@frozen(field_transformer=typed_fields)
class Citation:
    """A footnote naming one or more registered participants.

    Its text is built from the participant registry: several participants are
    joined by "; ". Each citation is a note of its own, even for the same person.
    """

    participants: tuple[str, ...] = field(converter=to_ids)


# --- tables (issue 13) -----------------------------------------------------------------------
@frozen(field_transformer=typed_fields)
class TableNoteMark:
    """The mark of a table's note, in a cell: the note's letter (a, b, c), derived by the note's place
    among its table's notes; ``note`` is the note's id (:class:`~cstd_docs.model.TableNote`)."""

    note: str
# --- end tables


Inline = str | Emphasis | Note | Citation | CrossRef | Strong | Link | StrongEmphasis | TableNoteMark
Inlines = tuple[Inline, ...]

#: The inline kinds allowed inside a note's own text.
NoteInline = str | Emphasis | CrossRef | Strong | Link | StrongEmphasis


def plain_text(inlines: Inlines) -> str:
    """The words of a run of inline content, without notes (for ids, titles, metadata)."""
    parts: list[str] = []
    for item in inlines:
        match item:
            case str():
                parts.append(item)
            case Emphasis() | Strong() | Link() | StrongEmphasis():
                parts.append(item.text)
            case Note() | Citation() | CrossRef() | TableNoteMark():
                pass
            case _:
                assert_never(item)
    return "".join(parts)
