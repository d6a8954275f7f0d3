"""The shipped base package (writers/docx/base.docx) is python-docx's default, trimmed.

Made by scripts/base_docx.py; should python-docx's default template change, this fails
and the script makes it again.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from cstd_docs.writers.docx.package import BASE_PACKAGE, trimmed_python_docx_default


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(name, package.read(name)) for name in package.namelist()]


def test_the_shipped_base_is_what_the_installed_python_docx_gives() -> None:
    shipped = _members(BASE_PACKAGE.read_bytes())
    assert shipped == _members(trimmed_python_docx_default()), "run: python scripts/base_docx.py"
    names = [name for name, _ in shipped]
    assert "word/document.xml" in names and "word/theme/theme1.xml" in names
    # Dropped: what a report never uses, and the 430 KB styles a report replaces.
    assert not any(name.startswith(("customXml/", "docProps/thumbnail", "word/numbering")) for name in names)
    assert dict(shipped)["word/styles.xml"].count(b"<w:style ") == 0


def test_the_base_is_the_same_bytes_each_time_it_is_made() -> None:
    # (Not compared with the shipped file's bytes: another zlib may deflate differently.)
    assert trimmed_python_docx_default() == trimmed_python_docx_default()


def test_the_shipped_styles_and_settings_are_what_the_code_makes() -> None:
    from cstd_docs.lang import available, language_pack
    from cstd_docs.writers.docx import own_parts

    with zipfile.ZipFile(own_parts.SHIPPED) as made:
        shipped = {name: made.read(name) for name in made.namelist()}
    expected: dict[str, bytes] = {}
    for code in available():
        right_to_left = language_pack(code).right_to_left
        expected[own_parts.styles_member(code, right_to_left)] = own_parts.make_styles_xml(code, right_to_left)
        for fields in (False, True):
            expected[own_parts.settings_member(code, fields)] = own_parts.make_settings_xml(code, fields)
    assert len(expected) == 3 * len(available()) >= 18
    assert sorted(shipped) == sorted(expected), "run: python scripts/base_docx.py"
    stale = [name for name in expected if shipped[name] != expected[name]]
    assert stale == [], "run: python scripts/base_docx.py"


def test_a_language_without_shipped_parts_has_them_made(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from cstd_docs.writers.docx import own_parts

    own_parts.forget()
    monkeypatch.setattr(own_parts, "SHIPPED", tmp_path / "missing.zip")
    try:
        assert own_parts.styles_xml("fr", False) == own_parts.make_styles_xml("fr", False)
        assert b"w:styleId=" in own_parts.styles_xml("fr", False)
        assert own_parts.settings_xml("fr", True) == own_parts.make_settings_xml("fr", True)
    finally:
        own_parts.forget()
