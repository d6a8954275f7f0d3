"""Bulleted lists and indented lines (issue 13): blocks that stand where a paragraph may and take
no number, no letter and no label.

A bulleted list is the bullets side by side in a chapter's (or section's, …) content; a bullet
may hold a second level of bullets, no deeper (the UN template's ``Bullet1G`` and ``Bullet2G``).
Indented lines are lines set one under the other without space between them (the officers
elected: "Chair:" over a name set in from the text column), each at its own indent; a block of
them is spaced from what follows like a paragraph.
"""

from __future__ import annotations

from attrs import field, frozen

from cstd_docs.model.inline import Inlines, to_inlines, to_tuple
from cstd_docs.model.typed import typed_fields

#: How far a line may be set in from the text column: 0 (at it), 1 or 2 steps.
MAX_INDENT = 2
#: How deep bullets nest: a bullet, and the bullets it holds.
MAX_BULLET_DEPTH = 2


@frozen(field_transformer=typed_fields)
class Bullet:
    """An item of a bulleted list ("•"), with its own second-level bullets, if any.

    Bullets side by side make one list. Written ``{"bullet": "text", "bullets": […]}``.
    """

    id: str | None = field(default=None, kw_only=True)
    #: Its text (the JSON key names the block: ``{"bullet": "…"}``, as ``{"unnumbered": "…"}`` does).
    bullet: Inlines = field(converter=to_inlines)
    bullets: tuple[Bullet, ...] = field(default=(), converter=to_tuple)


@frozen(field_transformer=typed_fields)
class Line:
    """One of indented lines: its text, and how many steps it is set in from the text column
    (0: at it, as "Chair:"; 1, the default: one step in, as the name under it; 2: two steps)."""

    id: str | None = field(default=None, kw_only=True)
    line: Inlines = field(converter=to_inlines)
    indent: int = 1


@frozen(field_transformer=typed_fields)
class IndentedLines:
    """Lines neither numbered, lettered nor bulleted, one under the other: a list of names or
    items (the officers elected, "Priority themes:"). Written ``{"lines": [{"line": …}, …]}``."""

    id: str | None = field(default=None, kw_only=True)
    lines: tuple[Line, ...] = field(converter=to_tuple)
