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


class VRef(str):
    """A cross-reference as printed (its label, e.g. "12"), with the bookmark its Word
    field points at. A ``str``, so it reads as its text wherever text is compared."""

    bookmark: str

    def __new__(cls, text: str, bookmark: str) -> VRef:
        ref = super().__new__(cls, text)
        ref.bookmark = bookmark
        return ref

    def __repr__(self) -> str:
        return f"VRef({str(self)!r}, bookmark={self.bookmark!r})"


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
    #: The id the document itself gives the block (Markdown: ``<a id="…"></a>`` before its number).
    anchor: str | None = None


@define
class Visible:
    masthead_lines: list[str] = field(factory=list)
    #: The symbol, where the format puts it in a known place (Markdown: after "United Nations · ").
    symbol: str | None = None
    front_lines: list[list[VRun]] = field(factory=list)
    title: list[VRun] = field(factory=list)
    subtitles: list[list[VRun]] = field(factory=list)
    blocks: list[VBlock] = field(factory=list)
