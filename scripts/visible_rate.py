"""How often a draft without its embedded source prints the same document once read back
(the "visible text alone" law, tests/visible_law.py), over reports drawn by
tests/strategies.py ``reports()`` (all of Unicode), per language and format.

    python scripts/visible_rate.py [--reports 200] [--languages en,fr] [--formats md,docx] [--show 5] [--seed N]

Prints the rate per language and format, then the differences found (each distinct one
once). The same reports are drawn each run (hypothesis's ``derandomize``), and for every
language; ``--seed`` draws others. docs/round-trip.md gives the figures.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, Phase, given, seed, settings
from tests.strategies import reports
from tests.visible_law import Format, first_difference, in_language

from cstd_docs.lang import available
from cstd_docs.model import Report


def rate(language: str, fmt: Format, count: int, drawn: int | None) -> tuple[int, int, list[str]]:
    outcomes: list[str | None] = []

    @settings(max_examples=count, database=None, derandomize=drawn is None, phases=[Phase.generate],
              deadline=None, suppress_health_check=list(HealthCheck))
    @given(reports())
    def run(report: Report) -> None:
        outcomes.append(first_difference(in_language(report, language), fmt))

    if drawn is not None:
        run = seed(drawn)(run)
    run()
    failures = [o for o in outcomes if o is not None]
    return len(outcomes) - len(failures), len(outcomes), failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--languages", default=",".join(sorted(available())))
    parser.add_argument("--formats", default="md,docx")
    parser.add_argument("--show", type=int, default=3, help="distinct differences shown per language and format")
    parser.add_argument("--seed", type=int, help="draw other reports than the default run's")
    args = parser.parse_args()
    print("| language | format | same print | rate |\n|---|---|---|---|")
    shown: list[str] = []
    for language in args.languages.split(","):
        for fmt in args.formats.split(","):
            same, total, failures = rate(language, fmt, args.reports, args.seed)
            print(f"| {language} | {fmt} | {same} of {total} | {same / total:.1%} |", flush=True)
            distinct = list(dict.fromkeys(failures))
            shown += [f"{language} {fmt}: {f}" for f in distinct[: args.show]]
    print("\n" + "\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
