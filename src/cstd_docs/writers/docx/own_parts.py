"""The styles and settings parts of a report without a reference document, made once.

They depend on the language, its direction and whether a contents page asks Word to update
fields alone (``styles.write_styles``, ``page.apply_settings``), and nothing a rendering does
changes them afterwards, so a process makes each once. Making the styles (48 of them) and
the settings was 3 ms of a command's rendering, and of a batch worker's first report in each
language: they are shipped made for every language that has a table (``own_parts.zip``, by
``scripts/base_docx.py``; a test checks each is what the code makes), and made here for any
other, a table a user added.
"""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from cstd_docs.writers.docx import page, styles
from cstd_docs.writers.docx.package import open_base

#: The parts made for every language with a table; members named by ``styles_member`` and ``settings_member``.
SHIPPED = Path(__file__).with_name("own_parts.zip")


def styles_member(language: str, right_to_left: bool) -> str:
    return f"styles-{language}-{'rtl' if right_to_left else 'ltr'}.xml"


def settings_member(language: str, update_fields: bool) -> str:
    return f"settings-{language}{'-update-fields' if update_fields else ''}.xml"


@functools.lru_cache(maxsize=16)
def styles_xml(language: str, right_to_left: bool) -> bytes:
    """The styles part's bytes: shipped, or made."""
    return _shipped(styles_member(language, right_to_left)) or make_styles_xml(language, right_to_left)


@functools.lru_cache(maxsize=16)
def settings_xml(language: str, update_fields: bool) -> bytes:
    """The settings part's bytes: shipped, or made."""
    return _shipped(settings_member(language, update_fields)) or make_settings_xml(language, update_fields)


def make_styles_xml(language: str, right_to_left: bool) -> bytes:
    document_part = open_base(None)
    styles.write_styles(document_part.styles.element, language, right_to_left)
    return bytes(document_part.part_related_by(RT.STYLES).blob)


def make_settings_xml(language: str, update_fields: bool) -> bytes:
    document_part = open_base(None)
    page.apply_settings(document_part.settings.element, language, own=True, update_fields=update_fields)
    return bytes(document_part.part_related_by(RT.SETTINGS).blob)


def _shipped(member: str) -> bytes | None:
    try:
        with zipfile.ZipFile(SHIPPED) as made:
            return made.read(member)
    except (OSError, KeyError, zipfile.BadZipFile):
        return None  # not made for this language (or the file is missing): made here instead


def forget() -> None:
    styles_xml.cache_clear()
    settings_xml.cache_clear()
