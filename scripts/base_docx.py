"""Write what the Word writer ships made, in src/cstd_docs/writers/docx/:

- base.docx: python-docx's default package, trimmed;
- own_parts.zip: the styles and settings parts of a report without a reference document, for
  every language that has a table (writers/docx/own_parts.py).

Run after upgrading python-docx, or after changing the styles, the settings or a language
table, when tests/docx/test_base_package.py says a shipped file differs from what the code
makes:

    python scripts/base_docx.py
"""

from __future__ import annotations

import io
import zipfile

from cstd_docs.lang import available, language_pack
from cstd_docs.writers.docx import own_parts
from cstd_docs.writers.docx.package import BASE_PACKAGE, trimmed_python_docx_default


def own_parts_zip() -> bytes:
    """Every language's styles (in its own direction) and settings (with and without a contents page)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as made:
        for code in available():
            right_to_left = language_pack(code).right_to_left
            members = [(own_parts.styles_member(code, right_to_left), own_parts.make_styles_xml(code, right_to_left))]
            members += [(own_parts.settings_member(code, fields), own_parts.make_settings_xml(code, fields))
                        for fields in (False, True)]
            for name, data in members:  # dated 1980-01-01: the same parts make the same file
                made.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main() -> None:
    BASE_PACKAGE.write_bytes(trimmed_python_docx_default())
    print(f"wrote {BASE_PACKAGE}")
    own_parts.SHIPPED.write_bytes(own_parts_zip())
    print(f"wrote {own_parts.SHIPPED}")


if __name__ == "__main__":
    main()
