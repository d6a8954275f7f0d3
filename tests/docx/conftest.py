"""Fixtures for the Word writer's tests: the reports of :mod:`tests.docx.reports`."""

from __future__ import annotations

import pytest
from tests.docx.reports import build_report

from cstd_docs.model import Report


@pytest.fixture(scope="session")
def symbol_report() -> Report:
    """A report with a symbol, a job number and every construct the writer lays out."""
    return build_report()


@pytest.fixture(scope="session")
def asterisk_report() -> Report:
    """Like ``symbol_report``, with ``*`` marks for the notes of the masthead page."""
    return build_report(asterisks=True)


@pytest.fixture(scope="session")
def large_report() -> Report:
    """About 400 numbered paragraphs and 250 notes."""
    return build_report(chapters=8, paragraphs_per_section=5, annexes=2)
