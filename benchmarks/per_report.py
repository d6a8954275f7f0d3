"""The fixed cost of one report in a warm process: what each worker of a batch pays per file.

    python benchmarks/per_report.py [--repeats 30] [--profile examples/short-en.json]

For every example, the median (and fastest) wall time of ``render_docx(load(path), out)``
— the load, check, resolution, Word package and atomic write a batch worker does — after
one warm-up rendering. The examples are rendered in turn, round after round, so a cache
kept for one report's layout or language is tried against the others'. ``--profile``
prints a cProfile of that example's rendering instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"


def _once(path: Path, out: Path) -> float:
    from cstd_docs import load, render_docx

    start = time.perf_counter()
    render_docx(load(path), out)
    return time.perf_counter() - start


def measure(repeats: int) -> dict[str, list[float]]:
    paths = sorted(EXAMPLES.glob("*.json"))
    times: dict[str, list[float]] = {p.name: [] for p in paths}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.docx"
        for path in paths:
            _once(path, out)  # warm: the language tables, the styles
        for _ in range(repeats):
            for path in paths:
                times[path.name].append(_once(path, out))
    return times


def profile(path: Path, repeats: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.docx"
        _once(path, out)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(repeats):
            _once(path, out)
        profiler.disable()
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(45)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    if args.profile is not None:
        profile(args.profile, args.repeats)
        return
    times = measure(args.repeats)
    medians = []
    for name, values in times.items():
        median = statistics.median(values)
        medians.append(median)
        print(f"{name:45} {median * 1000:7.2f} ms  (fastest {min(values) * 1000:6.2f})")
    print(f"{'average of the medians':45} {statistics.mean(medians) * 1000:7.2f} ms  ({len(medians)} examples)")


if __name__ == "__main__":
    main()
