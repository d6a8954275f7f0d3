"""What a document shows, format-neutral: the readers fill this; ``assemble`` builds the model."""

from __future__ import annotations

from attrs import define, field

from cstd_docs.model import Emphasis


@define
class VNote:
    """A footnote as printed: its mark and its text."""

    mark: str
    text: list[str | Emphasis]
    custom: bool = False


VRun = str | Emphasis | VNote


@define
class VBlock:
    """One printed block of the body.

    ``kind``: "annex", "chapter", "section", "subsection" (headings), "paragraph",
    "subparagraph" (with ``depth``) or "unnumbered".
    """

    kind: str
    runs: list[VRun]
    number: str = ""
    depth: int = 0
    where: str = ""


@define
class Visible:
    masthead_lines: list[str] = field(factory=list)
    #: The symbol, where the format puts it in a known place (Markdown: after "United Nations · ").
    symbol: str | None = None
    front_lines: list[list[VRun]] = field(factory=list)
    title: list[VRun] = field(factory=list)
    subtitles: list[list[VRun]] = field(factory=list)
    blocks: list[VBlock] = field(factory=list)
