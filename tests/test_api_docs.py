"""docs/api.md is what scripts/api_docs.py makes of the docstrings: never stale."""

from __future__ import annotations

import importlib.util
import inspect
from types import ModuleType

from tests.conftest import REPO

import cstd_docs


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("api_docs", REPO / "scripts" / "api_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_api_reference_is_up_to_date() -> None:
    expected = _script().render()
    current = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    assert current == expected, "docs/api.md is stale: run python scripts/api_docs.py"


def test_every_public_function_is_documented_and_listed() -> None:
    text = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    names = [n for n in cstd_docs.__all__ if callable(getattr(cstd_docs, n)) and not isinstance(getattr(cstd_docs, n), type)]
    assert len(names) >= 11
    for name in names:
        assert inspect.getdoc(getattr(cstd_docs, name)), name
        assert f"### `cstd_docs.{name}(" in text, name


def test_no_submodule_shadows_a_top_level_function() -> None:
    """Importing cstd_docs.x sets the package's attribute x: a module named like a function replaces it."""
    import importlib
    import pkgutil

    modules = [m.name for m in pkgutil.walk_packages(cstd_docs.__path__, "cstd_docs.")]
    assert len(modules) > 20
    for name in modules:
        importlib.import_module(name)
    for name in cstd_docs._LAZY:
        value = getattr(cstd_docs, name)
        assert callable(value) and not inspect.ismodule(value), f"cstd_docs.{name} is the module {value!r}"
