"""What a document shows, format-neutral: the format readers make it; ``assemble`` builds the model.

The data between the reader stages (docs/architecture.md): a format reader makes lines,
the classification stage (``classify``) makes these blocks, the assembly stages pair them
with the base report and build the model. Everything here is frozen: no stage changes
what an earlier one made.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence

from attrs import define, field, frozen

from cstd_docs.model import DutyStation, Emphasis, Link, Strong, TitleStyle


def _runs(value: Iterable[VRun]) -> tuple[VRun, ...]:
    return tuple(value)


#: What a note's text holds as printed.
NoteRun = str | Emphasis | Strong | Link


def _note_text(value: Iterable[NoteRun]) -> tuple[NoteRun, ...]:
    return tuple(value)


@frozen
class VNote:
    """A footnote as printed: its mark and its text."""

    mark: str
    text: tuple[NoteRun, ...] = field(converter=_note_text)
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


VRun = str | Emphasis | VNote | Strong | Link
VRuns = tuple[VRun, ...]


class BlockKind(enum.Enum):
    """What a printed block of the body is, once classified."""

    ANNEX = "annex"
    CHAPTER = "chapter"
    SECTION = "section"
    SUBSECTION = "subsection"
    PARAGRAPH = "paragraph"
    SUBPARAGRAPH = "subparagraph"
    UNNUMBERED = "unnumbered"
    # --- instruments (issue 12)
    RESOLUTION_LABEL = "resolution label"  # "Draft resolution II", "Resolution 68/1"
    RESOLUTION = "resolution"  # a resolution's title: where it starts when it prints no label
    ENACTING = "enacting"
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    DECISION_LABEL = "decision label"  # "Draft decision I", "Decision 68/101"
    DECISION = "decision"  # a decision's title: where it starts when it prints no label
    DECISION_TEXT = "decision text"


@frozen
class VBlock:
    """One printed block of the body: its kind, its text and the label it printed."""

    kind: BlockKind
    runs: VRuns = field(converter=_runs)
    number: str = ""
    #: The level of a subparagraph: 1 for (a), 2 for (i), 3 for a., 4 for i.
    depth: int = 0
    #: The place a person knows ("paragraph 12" of the Word file, "line 40" of the Markdown).
    where: str = ""
    #: The id the document itself gives the block (Markdown: ``<a id="…"></a>`` before its number).
    anchor: str | None = None
    #: The Word writer's bookmark on the block's label, named from an id the draft no longer
    #: holds without its source (crossrefs.bookmark_name): a cross-reference's target.
    bookmark: str | None = None


@frozen
class Visible:
    """Everything the body and the first page show, in reading order."""

    masthead_lines: tuple[str, ...] = ()
    #: The symbol, where the format puts it in a known place (Markdown: after "United Nations · ");
    #: "" when that place is shown empty (the report has no symbol); None when there is no such place.
    symbol: str | None = None
    front_lines: tuple[VRuns, ...] = ()
    title: VRuns = field(default=(), converter=_runs)
    subtitles: tuple[VRuns, ...] = ()
    blocks: tuple[VBlock, ...] = ()
    #: The title's style where the format shows one (Word: "HMG" or "HChG"); Markdown shows none.
    title_style: TitleStyle | None = None
    #: The duty station's layout where the format shows it (Word: by the page size); Markdown shows none.
    duty_station: DutyStation | None = None


@define
class Collecting:
    """A :class:`Visible` being collected by a format reader, line by line; ``done`` freezes it."""

    masthead_lines: list[str] = field(factory=list)
    symbol: str | None = None
    front_lines: list[Sequence[VRun]] = field(factory=list)
    title: Sequence[VRun] = ()
    subtitles: list[Sequence[VRun]] = field(factory=list)
    blocks: list[VBlock] = field(factory=list)
    title_style: TitleStyle | None = None
    duty_station: DutyStation | None = None

    def done(self) -> Visible:
        return Visible(tuple(self.masthead_lines), self.symbol, tuple(tuple(x) for x in self.front_lines),
                       tuple(self.title), tuple(tuple(x) for x in self.subtitles), tuple(self.blocks),
                       self.title_style, self.duty_station)
