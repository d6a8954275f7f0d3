"""Tables and figures in tests (issue 13): images made here, the example, small reports."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

import attrs
from tests.conftest import EXAMPLES

import cstd_docs
from cstd_docs.model import Chapter, Report

TABLES_EXAMPLE = EXAMPLES / "tables-and-figures.json"
WHITE, BLUE, GREY, BLACK = (255, 255, 255), (0, 90, 160), (150, 150, 150), (0, 0, 0)


def png(pixels: Sequence[Sequence[tuple[int, int, int]]]) -> bytes:
    """A PNG of RGB pixels, row by row (no library: the test suite needs none)."""
    height, width = len(pixels), len(pixels[0])
    raw = b"".join(b"\x00" + b"".join(bytes(p) for p in row) for row in pixels)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def bar_chart(bars: Sequence[tuple[int, int]], top: int = 50, height: int = 240, bar: int = 40,
              gap: int = 30) -> bytes:
    """Stacked bars (blue, then grey on it) on a baseline, ``top`` the scale's highest value."""
    width = gap + len(bars) * (bar + gap)
    pixels = [[WHITE] * width for _ in range(height)]
    base = height - 10
    for index, (first, second) in enumerate(bars):
        left = gap + index * (bar + gap)
        low = base - round(first * (base - 10) / top)
        high = low - round(second * (base - 10) / top)
        for y in range(high, base):
            colour = BLUE if y >= low else GREY
            for x in range(left, left + bar):
                pixels[y][x] = colour
    for x in range(width):
        pixels[base][x] = BLACK
    return png(pixels)


#: A small image for tests that need one: 40 by 20 pixels, one colour.
PNG = png([[BLUE] * 40 for _ in range(20)])
#: The figure of the example: the votes on decisions 68/1 to 68/6 of the Commission on Narcotic
#: Drugs (E/2025/28, paras. 54–59): in favour, then abstentions.
VOTES = ((49, 0), (50, 0), (50, 0), (50, 0), (49, 1), (48, 2))


def example() -> Report:
    return cstd_docs.load(TABLES_EXAMPLE)


def with_blocks(report: Report, *blocks: object) -> Report:
    """The report with ``blocks`` added to its first chapter's text."""
    first = report.chapters[0]
    chapter = attrs.evolve(first, content=(*first.content, *blocks))
    return attrs.evolve(report, chapters=(chapter, *report.chapters[1:]))


def in_chapter(*blocks: object, language: str = "en") -> Report:
    """A small report whose one chapter holds ``blocks``."""
    report = cstd_docs.load(EXAMPLES / "short-en.json")
    return attrs.evolve(report, language=language, chapters=(Chapter("Tables", blocks),))
