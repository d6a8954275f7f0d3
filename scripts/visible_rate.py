"""How often a draft without its embedded source prints the same document once read back
(the "visible text alone" law, tests/visible_law.py), over reports drawn by
tests/strategies.py, per language and format.

    python scripts/visible_rate.py [--reports 300] [--languages en,fr] [--formats md,docx] [--show 5]

Prints the rate per language and format and the first differences found (docs/round-trip.md).
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, Phase, given, settings
from tests.strategies import reports
from tests.visible_law import first_difference, in_language

from cstd_docs.lang import available
from cstd_docs.model import Report


def rate(language: str, fmt: str, count: int) -> tuple[int, int, list[str]]:
    outcomes: list[str | None] = []

    @settings(max_examples=count, database=None, derandomize=True, phases=[Phase.generate], deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(reports())
    def run(report: Report) -> None:
        outcomes.append(first_difference(in_language(report, language), fmt))  # type: ignore[arg-type]

    run()
    failures = [o for o in outcomes if o is not None]
    return len(outcomes) - len(failures), len(outcomes), failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--languages", default=",".join(sorted(available())))
    parser.add_argument("--formats", default="md,docx")
    parser.add_argument("--show", type=int, default=3, help="differences shown per language and format")
    args = parser.parse_args()
    print("| language | format | same print | rate |\n|---|---|---|---|")
    shown: list[str] = []
    for language in args.languages.split(","):
        for fmt in args.formats.split(","):
            same, total, failures = rate(language, fmt, args.reports)
            print(f"| {language} | {fmt} | {same} of {total} | {same / total:.1%} |", flush=True)
            kinds = collections.Counter(f.split(":")[0] if f.startswith("refused") else f[:60] for f in failures)
            shown += [f"{language} {fmt}: {f}" for f in failures[: args.show]]
            del kinds
    print("\n" + "\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
