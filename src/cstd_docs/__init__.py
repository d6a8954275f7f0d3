"""cstd-docs: assemble United Nations parliamentary reports.

Build a report in Python or JSON; numbers, notes and cross-references are derived by one
resolution pass; writers lay out Markdown and Word drafts in the UN Geneva layout.

The functions a script needs are here: ``load``/``loads``/``dump``/``dumps``,
``render_docx``, ``docx_bytes``, ``render_markdown``, ``render_pdf``, ``read_docx``,
``read_markdown``, ``diff``, ``diff_text``, ``check`` (editorial warnings) and ``redline``
(docs/api.md). They are imported on first use (python-docx,
Jinja2 and cattrs are heavy), so that ``import cstd_docs`` stays fast for the command
line. The resolution pass is ``cstd_docs.resolve.resolve`` (``cstd_docs.resolve`` is its
package); the model's classes are in ``cstd_docs.model``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cstd_docs import codecache

codecache.install()  # before the first attrs class (cstd_docs.errors) is defined

from cstd_docs.errors import Problem, ReadWarning, ReportError  # noqa: E402

if TYPE_CHECKING:
    from cstd_docs.api import diff as diff
    from cstd_docs.api import diff_text as diff_text
    from cstd_docs.api import docx_bytes as docx_bytes
    from cstd_docs.api import dump as dump
    from cstd_docs.api import dumps as dumps
    from cstd_docs.api import load as load
    from cstd_docs.api import loads as loads
    from cstd_docs.api import read_docx as read_docx
    from cstd_docs.api import read_markdown as read_markdown
    from cstd_docs.api import render_docx as render_docx
    from cstd_docs.api import render_markdown as render_markdown
    from cstd_docs.api import render_pdf as render_pdf
    from cstd_docs.editorial import check as check
    from cstd_docs.redlines import redline as redline

__version__ = "0.1.0"

#: Each public name and the module it is taken from, on first use.
_LAZY = {
    "check": "cstd_docs.editorial",
    "load": "cstd_docs.api",
    "loads": "cstd_docs.api",
    "dump": "cstd_docs.api",
    "dumps": "cstd_docs.api",
    "render_docx": "cstd_docs.api",
    "docx_bytes": "cstd_docs.api",
    "render_markdown": "cstd_docs.api",
    "render_pdf": "cstd_docs.api",
    "read_docx": "cstd_docs.api",
    "read_markdown": "cstd_docs.api",
    "diff": "cstd_docs.api",
    "diff_text": "cstd_docs.api",
    "redline": "cstd_docs.redlines",
}

__all__ = ["Problem", "ReadWarning", "ReportError", "__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cstd_docs' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
