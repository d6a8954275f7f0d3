"""The "visible text alone" law, per language and format (tests/visible_law.py; issue 16).

A draft stripped of its embedded source, read back and rendered again, prints the same
document. The reports are ``readable_reports()`` (tests/strategies.py) put in each of the
six languages, with masthead and session values drawn too: any date from 1946 to 2100 (a
Chinese "2023年5月5日" was read as 5 February), a place, a symbol and a job number of
words (known by where they print, not by their shape), an organ.

The same law on reports drawn from all of Unicode (``reports()``), per language and
format, with a few examples each so the suite stays fast; the rate over hundreds of them
is measured by scripts/visible_rate.py (docs/round-trip.md), and each cause found is a
test of its own in test_visible_causes.py.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import readable_reports, readable_words, reports
from tests.visible_law import Format, first_difference, in_language

import cstd_docs
from cstd_docs.lang import available
from cstd_docs.model import FirstPageNotes, Report

LANGUAGES = sorted(available())
SHORT = Path(__file__).resolve().parents[2] / "examples" / "short-en.json"


@st.composite
def _reports(draw: Any, language: str) -> Report:
    report = in_language(draw(readable_reports()), language)
    start = draw(st.dates(datetime.date(1946, 1, 1), datetime.date(2100, 12, 1)))
    end = start + datetime.timedelta(days=draw(st.integers(0, 40)))
    words = st.none() | readable_words(1, 3)
    masthead = attrs.evolve(report.masthead, date=draw(st.dates(datetime.date(1946, 1, 1), datetime.date(2100, 12, 31))),
                            symbol=draw(words), job_number=draw(words), organ=draw(readable_words(1, 4)),
                            # a report printed in several versions names its original among them
                            original_language=draw(st.sampled_from(report.masthead.versions or LANGUAGES)))
    session = attrs.evolve(report.session, place=draw(readable_words(1, 2)), start=start, end=end)
    return attrs.evolve(report, masthead=masthead, session=session)


def test_the_languages_are_the_six() -> None:
    assert LANGUAGES == ["ar", "en", "es", "fr", "ru", "zh"]


@pytest.mark.parametrize("fmt", ["md", "docx"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_visible_text_alone_brings_back_the_same_printed_document(language: str, fmt: Format) -> None:
    @settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_reports(language))
    def law(report: Report) -> None:
        assert first_difference(report, fmt) is None

    law()


@pytest.mark.parametrize("fmt", ["md", "docx"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_generated_reports_print_the_same_read_back_alone(language: str, fmt: Format) -> None:
    """All of Unicode: blanks at either end, tabs, line breaks, controls, any script."""
    @settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(reports())
    def law(report: Report) -> None:
        assert first_difference(in_language(report, language), fmt) is None

    law()


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_asterisk_notes_on_the_agenda_alone_stay_asterisks(fmt: Format) -> None:
    """The agenda's note may be the first page's only one: it was read as note 1."""
    report = attrs.evolve(cstd_docs.load(SHORT), first_page_notes=FirstPageNotes.ASTERISKS, subtitles=())
    assert any(item for item in report.agenda_items) and report.agenda_symbol
    assert first_difference(report, fmt) is None
