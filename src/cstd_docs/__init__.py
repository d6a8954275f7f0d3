"""cstd-docs: assemble United Nations parliamentary reports.

Build a report in Python or JSON; numbers, notes and cross-references are derived by one
resolution pass; writers lay out Markdown and Word drafts in the UN Geneva layout.

Heavy parts (python-docx, Jinja2, cattrs) are imported on first use, so that
``import cstd_docs`` stays fast for the command line. The resolution pass is
``cstd_docs.resolve.resolve`` (``cstd_docs.resolve`` is its package).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cstd_docs.errors import Problem, ReportError

if TYPE_CHECKING:
    from cstd_docs.jsonio import dump as dump
    from cstd_docs.jsonio import dumps as dumps
    from cstd_docs.jsonio import load as load
    from cstd_docs.jsonio import loads as loads
    from cstd_docs.readers import read_docx as read_docx
    from cstd_docs.readers import read_markdown as read_markdown
    from cstd_docs.redlines import redline as redline
    from cstd_docs.writers.markdown import render_markdown as render_markdown

__version__ = "0.1.0"

_LAZY = {
    "load": "cstd_docs.jsonio",
    "loads": "cstd_docs.jsonio",
    "dump": "cstd_docs.jsonio",
    "dumps": "cstd_docs.jsonio",
    "render_markdown": "cstd_docs.writers.markdown",
    "read_docx": "cstd_docs.readers",
    "read_markdown": "cstd_docs.readers",
    "redline": "cstd_docs.redlines",
}

__all__ = ["Problem", "ReportError", "__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cstd_docs' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
