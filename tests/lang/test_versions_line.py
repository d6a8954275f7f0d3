"""The versions line: "English, French, Russian and Spanish only" (A/HRC/EMRIP/2025/2, page 1)."""

from __future__ import annotations

import attrs
import pytest
from tests.conftest import EXAMPLES

import cstd_docs
from cstd_docs.errors import ReportError
from cstd_docs.lang import available
from cstd_docs.model import Report
from cstd_docs.resolve import resolve
from cstd_docs.writers.docx import docx_bytes

EXAMPLE = EXAMPLES / "emrip-study.json"


@pytest.fixture(scope="module")
def report() -> Report:
    return cstd_docs.load(EXAMPLE)


def test_the_sample_prints_the_four_versions_under_the_original(report: Report) -> None:
    masthead = resolve(report).masthead
    assert (masthead.language_line, masthead.versions_line) == (
        "Original: English", "English, French, Russian and Spanish only")  # as the sample prints them
    french = resolve(attrs.evolve(report, language="fr")).masthead.versions_line
    assert french == "Anglais, espagnol, français et russe seulement"  # in the order of the French names


@pytest.mark.parametrize("language", sorted(available()))
def test_every_language_reads_the_versions_back(report: Report, language: str) -> None:
    checked = 0
    for versions in (("en", "fr"), ("ar", "en", "zh"), ("en", "es", "fr", "ru"), ("ar", "en", "es", "fr", "ru")):
        chosen = attrs.evolve(report, language=language, masthead=attrs.evolve(report.masthead, versions=versions))
        read = cstd_docs.read_markdown(cstd_docs.render_markdown(chosen, embed_source=False))
        assert read.masthead.versions == versions
        assert cstd_docs.read_docx(docx_bytes(chosen)) == chosen
        checked += 1
    assert checked == 4


def test_versions_are_kept_in_code_order_whatever_order_they_are_written_in(report: Report) -> None:
    masthead = attrs.evolve(report.masthead, versions=["ru", "en"])
    assert masthead.versions == ("en", "ru")


@pytest.mark.parametrize(
    ("versions", "single", "wrong"),
    [(("en", "xx"), False, "unknown or repeated"), (("en",), False, "1 versions"),
     (("fr", "ru"), False, "not among"), (("en", "fr"), True, "not among")],
)
def test_wrong_versions_are_refused_with_the_place(report: Report, versions: tuple[str, ...], single: bool,
                                                  wrong: str) -> None:
    masthead = attrs.evolve(report.masthead, versions=versions, single_language=single)
    with pytest.raises(ReportError) as caught:
        resolve(attrs.evolve(report, masthead=masthead))
    assert [(p.path, wrong in p.message) for p in caught.value.problems] == [("$.masthead.versions", True)]
