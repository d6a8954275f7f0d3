"""The version line: a translation prints its own language above "Original: …"."""

from __future__ import annotations

import attrs
import pytest
from tests.conftest import EXAMPLES
from tests.docx.reading import NS, Docx, text_of

import cstd_docs
from cstd_docs.lang import available, language_pack
from cstd_docs.writers.docx import docx_bytes

#: As UN versions print it (docs/languages.md, "The version line"); English has none.
PRINTED = {"fr": "Français", "es": "Español", "ar": "Arabic", "ru": "Russian", "zh": "Chinese"}


def _distribution_cell(data: bytes) -> list[str]:
    table = Docx(data).document.find("w:body/w:tbl", NS)
    assert table is not None
    cells = table.findall("w:tr", NS)[1].findall("w:tc", NS)
    return [text_of(p) for p in cells[-1].findall("w:p", NS) if text_of(p)]


@pytest.mark.parametrize("language", sorted(available()))
def test_a_translation_prints_its_language_over_the_language_line(language: str) -> None:
    base = cstd_docs.load(EXAMPLES / "short-en.json")
    report = attrs.evolve(base, language=language)  # written in English ("original_language": "en")
    pack = language_pack(language)
    line = pack.language_line("en", False)
    lines = _distribution_cell(docx_bytes(report))
    version = PRINTED.get(language)
    assert lines[-1] == line
    assert lines[-2] == version if version else lines[-2] not in PRINTED.values()
    assert (version is None) == (language == "en")
    markdown = cstd_docs.render_markdown(report)
    assert (f"{version}\\\n{line}" in markdown) == (version is not None)
    assert cstd_docs.read_markdown(markdown) == report
    assert cstd_docs.read_markdown(cstd_docs.render_markdown(report, embed_source=False)).masthead == report.masthead


@pytest.mark.parametrize("language", sorted(PRINTED))
def test_the_original_and_a_one_language_document_print_no_version_line(language: str) -> None:
    base = cstd_docs.load(EXAMPLES / "short-en.json")
    original = attrs.evolve(base, language=language,
                            masthead=attrs.evolve(base.masthead, original_language=language))
    single = attrs.evolve(base, language=language, masthead=attrs.evolve(base.masthead, single_language=True))
    for report in (original, single):
        assert PRINTED[language] not in _distribution_cell(docx_bytes(report))
