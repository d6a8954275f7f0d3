"""``python -m cstd_docs.cli``: the command, as the console script runs it."""

from cstd_docs.cli import run

if __name__ == "__main__":
    run()
