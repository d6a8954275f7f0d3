"""examples/every-construct.json: one report holding every construct of the model (issue 13).

Its body is A/HRC/EMRIP/2025/2 as examples/emrip-study.json transcribes it (the boxed summary,
bold recommendations, links in notes), with a letter of transmittal and a box (from
examples/ga-co-chairs-summary-letter.json), a table and a figure (tables-and-figures.json),
indented lines, bullets and a heading without numeral (lists-and-lines.json), chapter I of
E/2025/28 (resolutions, decisions, a provisional agenda), chapter IV's subsections of E/2025/28
and the findings and suggestions of the reference report; a contents page over all of it.
The test says when a new kind of block or inline is missing from it, so that the example, and
the round trips below, keep covering the whole model.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from tests.conftest import EXAMPLES, require_tool
from tests.readers.helpers import libreoffice_resave, our_docx
from tests.visible_law import first_difference

import cstd_docs
from cstd_docs import model as m
from cstd_docs.model.walk import walk

EVERY = EXAMPLES / "every-construct.json"


@pytest.fixture(scope="module")
def report() -> m.Report:
    return cstd_docs.load(EVERY)


def _values(value: object) -> Iterator[object]:
    """Every value an attrs object holds, at any depth."""
    yield value
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _values(getattr(value, field.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _values(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _values(item)


def test_it_holds_every_kind_of_block_and_inline(report: m.Report) -> None:
    nodes = {type(visit.node) for visit in walk(report)}
    assert set(typing.get_args(m.Node)) - nodes == set()
    inlines = {type(v) for v in _values(report)} & set(typing.get_args(m.Inline))
    assert set(typing.get_args(m.Inline)) - inlines == set()
    assert report.letter is not None and report.summary and report.contents is not None


def test_word_and_markdown_bring_it_back_whole(report: m.Report) -> None:
    assert cstd_docs.read_docx(our_docx(report), warnings=[]) == report
    assert cstd_docs.read_markdown(cstd_docs.render_markdown(report), warnings=[]) == report


@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_its_visible_text_alone_prints_the_same_document(report: m.Report, fmt: typing.Literal["md", "docx"]) -> None:
    assert first_difference(report, fmt) is None


def test_both_validators_accept_it_and_a_libreoffice_re_save_reads_back_whole(report: m.Report,
                                                                           tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    from tests.conftest import SHARED

    draft = tmp_path / "every.docx"
    draft.write_bytes(our_docx(report))
    validator = require_tool("ooxml-validator")
    verdict = json.loads(subprocess.run([validator, str(draft)], capture_output=True, text=True, timeout=120).stdout)
    assert verdict["ok"] and verdict["errors"] == []
    schemas = subprocess.run([sys.executable, str(SHARED / "ooxml" / "validate.py"), str(draft)],
                             capture_output=True, text=True, timeout=120)
    assert schemas.returncode == 0 and "0 errors" in schemas.stdout, schemas.stdout
    warnings: list[cstd_docs.Problem] = []
    assert cstd_docs.read_docx(libreoffice_resave(draft, tmp_path), warnings=warnings) == report
    assert warnings == []
