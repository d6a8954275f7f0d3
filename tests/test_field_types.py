"""Each model field's type, as the checks and the JSON converter read it (model/typed.py).

``resolve_field_types`` evaluates the string annotations with code kept by ``codecache``
instead of asking ``typing.get_type_hints``; it must give what typing gives, for every class.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import types
import typing

import attrs
import pytest

import cstd_docs.model
from cstd_docs.model.typed import resolve_field_types


def _model_classes() -> list[type]:
    found: dict[str, type] = {}
    for info in pkgutil.iter_modules(cstd_docs.model.__path__, "cstd_docs.model."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and attrs.has(value) and value.__module__ == module.__name__:
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


CLASSES = _model_classes()


def test_the_model_has_its_classes() -> None:
    assert len(CLASSES) > 40  # 49 when this was written
    assert cstd_docs.model.Report in CLASSES and cstd_docs.model.Paragraph in CLASSES


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__qualname__)
def test_each_field_has_the_type_typing_gives(cls: type[attrs.AttrsInstance]) -> None:
    resolve_field_types(cls)
    hints = typing.get_type_hints(cls, include_extras=True)
    fields = attrs.fields(cls)
    assert fields, cls
    for f in fields:
        assert not isinstance(f.type, str), f.name
        assert f.type == hints[f.name], f.name
    assert getattr(cls, "__attrs_types_resolved__", None) is cls


def test_a_name_the_module_lacks_falls_back_to_typing() -> None:
    namespace: dict[str, object] = {}
    exec(
        "from __future__ import annotations\nimport attrs\n"
        "@attrs.frozen\nclass Outer:\n    Inner = int\n    value: Inner\n",
        namespace,
    )
    outer = namespace["Outer"]
    assert isinstance(outer, type)
    resolve_field_types(outer)  # "Inner" is a name of the class body only: typing finds it there
    assert attrs.fields(outer).value.type is int


def test_an_inherited_field_is_evaluated_where_its_class_was_written(monkeypatch: pytest.MonkeyPatch) -> None:
    base, sub = types.ModuleType("cstd_test_base"), types.ModuleType("cstd_test_sub")
    monkeypatch.setitem(sys.modules, base.__name__, base)
    monkeypatch.setitem(sys.modules, sub.__name__, sub)
    exec("from __future__ import annotations\nimport attrs\nKind = int\n"
         "@attrs.frozen\nclass Base:\n    value: Kind\n", base.__dict__)
    exec("from __future__ import annotations\nimport attrs\nKind = str\n"
         "@attrs.frozen\nclass Sub(Base):\n    other: Kind\n", {**sub.__dict__, "Base": base.Base}, sub.__dict__)
    resolve_field_types(sub.Sub)
    assert attrs.fields(sub.Sub).value.type is int  # Base's "Kind", not Sub's
    assert attrs.fields(sub.Sub).other.type is str
