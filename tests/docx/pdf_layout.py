"""Measuring a PDF's rules with poppler, for the layout tests of both duty stations."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import attrs
from tests.conftest import require_tool

CM_PER_POINT = 2.54 / 72


@attrs.frozen
class Rule:
    """A horizontal rule: where it starts and ends and the middle of its thickness, in cm."""

    x0: float
    x1: float
    y: float


def rules(pdf: Path, page: int) -> list[Rule]:
    """Horizontal lines and thin filled bars on a page, from poppler's SVG output."""
    tool = require_tool("pdftocairo")
    svg = subprocess.run([tool, "-svg", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    svg = re.sub(r"<defs>.*?</defs>", "", svg, flags=re.S)  # the glyphs
    found = []
    for path in re.finditer(r'<path [^>]*\bd="([^"]*)"[^>]*/>', svg):
        numbers = [float(n) for n in re.findall(r"-?[\d.]+", path.group(1))]
        points = list(zip(numbers[0::2], numbers[1::2], strict=False))
        matrix = re.search(r'transform="matrix\(([^)]*)\)"', path.group(0))
        if matrix:
            a, b, c, d, e, f = (float(n) for n in matrix.group(1).replace(",", " ").split())
            points = [(a * x + c * y + e, b * x + d * y + f) for x, y in points]
        if not points:
            continue
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if max(xs) - min(xs) > 20 and max(ys) - min(ys) < 3:  # wider than 7 mm, under 1 mm high
            found.append(Rule(min(xs) * CM_PER_POINT, max(xs) * CM_PER_POINT,
                              (min(ys) + max(ys)) / 2 * CM_PER_POINT))
    return sorted(set(found), key=lambda r: r.y)  # LibreOffice draws some rules twice
