"""A double symbol ("E/2025/28-E/CN.7/2025/11", as E/2025/28 prints it): joined on the masthead,
stacked in the running heads (E/2025/28, p. 7: "E/2025/28" over "E/CN.7/2025/11", 9 pt bold)."""

from __future__ import annotations

import attrs
import pytest
from tests.docx.reading import Docx, text_of

import cstd_docs
from cstd_docs.model import Report
from cstd_docs.resolve import symbol_parts
from cstd_docs.writers.docx import docx_bytes

DOUBLE = "E/2025/28-E/CN.7/2025/11"


@pytest.mark.parametrize(
    ("symbol", "parts"),
    [
        (DOUBLE, ("E/2025/28", "E/CN.7/2025/11")),
        ("E/2025/24-E/CN.3/2025/41", ("E/2025/24", "E/CN.3/2025/41")),
        ("A/ES-10/L.1", ("A/ES-10/L.1",)),  # an emergency special session: one symbol with a hyphen
        ("A/HRC/EMRIP/2025/2", ("A/HRC/EMRIP/2025/2",)),
        (None, ()),
    ],
)
def test_a_double_symbol_splits_where_the_second_symbol_begins(symbol: str | None, parts: tuple[str, ...]) -> None:
    assert symbol_parts(symbol) == parts


def test_joined_on_the_masthead_stacked_in_the_running_heads(reference_report: Report) -> None:
    report = attrs.evolve(reference_report, masthead=attrs.evolve(reference_report.masthead, symbol=DOUBLE))
    docx = Docx(docx_bytes(report))
    heads = docx.heads()
    checked = 0
    for page in ("default", "even"):
        assert text_of(heads[("header", page)]).strip() == "E/2025/28\nE/CN.7/2025/11"
        checked += 1
    assert checked == 2
    assert DOUBLE.split("/", 1)[1] in text_of(docx.document)  # the masthead: "E" 20 pt, then the rest whole
    assert f"· {DOUBLE}" in cstd_docs.render_markdown(report).replace("\\", "")
    assert cstd_docs.read_docx(docx.data) == report
