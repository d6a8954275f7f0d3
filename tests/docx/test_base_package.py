"""The shipped base package (writers/docx/base.docx) is python-docx's default, trimmed.

Made by scripts/base_docx.py; should python-docx's default template change, this fails
and the script makes it again.
"""

from __future__ import annotations

import io
import zipfile

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
