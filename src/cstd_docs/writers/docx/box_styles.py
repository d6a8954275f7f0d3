"""The paragraph styles of box headings (issue 13), measured on A/HRC/EMRIP/2025/2 p. 1
(docs/layout-content.md). Their ids tell a reader that a table is a box."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cstd_docs.writers.docx.layout import GENEVA
from cstd_docs.writers.docx.oxml.build import Property, make, val

#: The summary's italic "Summary"; a box's label ("Box 1") and its title.
SUMMARY_HEADING = "SummaryHeadG"
BOX_HEADING = "BoxHeadG"
BOX = GENEVA.box


def _heading(left: int, right: int) -> Callable[[], Sequence[Property]]:
    def build() -> list[Property]:
        return [make("w:keepNext"), make("w:keepLines"),
                make("w:spacing", {"w:before": BOX.heading_before, "w:after": BOX.heading_after}),
                make("w:ind", {"w:left": left, "w:right": right})]

    return build


def _run(*properties: str, size: int | None = None) -> Callable[[], Sequence[Property]]:
    def build() -> list[Property]:
        sized = [val("w:sz", size), val("w:szCs", size)] if size else []
        return [*(make(p) for p in properties), *sized]

    return build


#: (style id, name, paragraph properties, run properties): added to the styles part (styles.py).
SPECS: tuple[tuple[str, str, Callable[[], Sequence[Property]], Callable[[], Sequence[Property]]], ...] = (
    (SUMMARY_HEADING, "_ Summary Head_G", _heading(BOX.heading_indent, 0), _run("w:i", "w:iCs", size=BOX.summary_size)),
    (BOX_HEADING, "_ Box Head_G", _heading(1134, 1134), _run("w:b", "w:bCs")),
)
