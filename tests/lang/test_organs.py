"""The organ in the masthead: a principal organ's name comes from the report's language table."""

from __future__ import annotations

import attrs
import pytest
from tests.conftest import EXAMPLES

import cstd_docs
from cstd_docs.lang import available, language_pack
from cstd_docs.resolve import resolve

#: The organs a report names in English (the keys of every table's "organs").
PRINCIPAL = ("General Assembly", "Security Council", "Economic and Social Council")


def test_a_french_report_prints_the_council_in_french_without_being_told() -> None:
    report = cstd_docs.load(EXAMPLES / "short-fr.json")
    assert report.masthead.organ == "Economic and Social Council"  # the default: the file does not say
    assert resolve(report).masthead.organ == "Conseil économique et social"


@pytest.mark.parametrize("language", sorted(available()))
def test_every_table_names_every_principal_organ_and_reads_it_back(language: str) -> None:
    pack = language_pack(language)
    assert sorted(pack.table.organs) == sorted(PRINCIPAL)
    printed = [pack.organ(name) for name in PRINCIPAL]
    assert len(set(printed)) == len(PRINCIPAL)
    assert (printed == list(PRINCIPAL)) == (language == "en")
    base = cstd_docs.load(EXAMPLES / "short-en.json")
    checked = 0
    for organ in (*PRINCIPAL, "Trade and Development Board"):
        report = attrs.evolve(base, language=language, masthead=attrs.evolve(base.masthead, organ=organ))
        read = cstd_docs.read_markdown(cstd_docs.render_markdown(report, embed_source=False))
        assert read.masthead.organ == organ
        checked += 1
    assert checked == len(PRINCIPAL) + 1
