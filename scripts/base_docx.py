"""Write src/cstd_docs/writers/docx/base.docx: python-docx's default package, trimmed.

Run after upgrading python-docx when tests/docx/test_base_package.py says the shipped base
differs from what the installed python-docx gives:

    python scripts/base_docx.py
"""

from __future__ import annotations

from cstd_docs.writers.docx.package import BASE_PACKAGE, trimmed_python_docx_default


def main() -> None:
    BASE_PACKAGE.write_bytes(trimmed_python_docx_default())
    print(f"wrote {BASE_PACKAGE}")


if __name__ == "__main__":
    main()
