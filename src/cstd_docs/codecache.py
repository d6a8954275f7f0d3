"""The code attrs and cattrs generate, compiled once per installation instead of once per process.

attrs writes the methods of every frozen class (``__init__`` with its validators, ``__eq__``,
``__repr__``, ``__hash__``) as Python source when the class is defined, and cattrs the
structuring function of each class at the first load; both then ``compile`` that source. In a
`cstd-docs render` that is about 160 compilations and 50 ms, a fifth of the process
(docs/performance.md). Python keeps compiled modules in ``__pycache__``; this keeps the
compiled generated code beside them, in one marshal file.

A compiled script is looked up by the SHA-1 of its text, file name and compiler flags, so
what is found is what ``compile`` would have returned: a changed class makes a new script,
which is compiled and added. The one exception is attrs' per-process number in ``__hash__``
(see ``_type_hash``): taken out of the key, and put back into the cached code as a constant.
Nothing here changes what attrs or cattrs generate; they only find the name ``compile`` in
their module bound to :class:`_CachedCompile`. The file is written at exit, only when
something new was compiled and Python itself may write bytecode (``PYTHONDONTWRITEBYTECODE``
and ``sys.pycache_prefix`` are honoured as for ``.pyc`` files); a file that cannot be read or
written is ignored, as Python ignores an unusable ``.pyc``. It is trusted as a ``.pyc`` is:
whoever may write it may write the package's bytecode beside it.
"""

from __future__ import annotations
import __future__

import atexit
import builtins
import functools
import importlib.util
import marshal
import operator
import os
import sys
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

try:  # CPython's own SHA-1, without loading OpenSSL (as crossrefs.py)
    from _sha1 import sha1 as _digest  # type: ignore[import-not-found]
except ImportError:  # an interpreter built without it
    from hashlib import sha1 as _digest

#: The builtin itself: the name ``compile`` is rebound while attrs is imported (``install``).
_BUILTIN_COMPILE = builtins.compile

#: A compiled script's identity: the SHA-1 of its text, file name, compiler flags and
#: optimisation level (the text itself would double the file).
_Key = bytes
#: The compiled script, and the per-process number it was compiled with (see ``_type_hash``).
_Compiled = tuple[CodeType, int | None]

#: The file's first bytes: this Python's bytecode magic (marshal's format follows it) and
#: the layout of the mapping stored after it.
_HEADER = importlib.util.MAGIC_NUMBER + b"cstd-docs generated code 1\n"

#: Beyond this many scripts the file is rewritten with this process's scripts only (a
#: developer's edits accumulate old versions; a user's install has about 200).
_LIMIT = 5000


def _cache_file() -> Path | None:
    """Beside this module's own compiled bytecode: its ``__pycache__``, or under ``sys.pycache_prefix``."""
    try:
        bytecode = importlib.util.cache_from_source(__file__)
    except (NotImplementedError, ValueError):
        return None
    return Path(bytecode).with_name(f"generated-code.{sys.implementation.cache_tag}.marshal")


class _Store:
    """The scripts compiled by earlier processes, and those this process adds."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.codes: dict[_Key, _Compiled] | None = None  # read at the first compilation
        self.added: dict[_Key, _Compiled] = {}
        self.used: set[_Key] = set()

    def find(self, key: _Key) -> _Compiled | None:
        if self.codes is None:
            self.codes = _read(self.path)
        code = self.codes.get(key)
        if code is not None:
            self.used.add(key)
        return code

    def add(self, key: _Key, code: _Compiled) -> None:
        if self.codes is None:
            self.codes = _read(self.path)
        self.codes[key] = code
        self.added[key] = code
        self.used.add(key)

    def save(self) -> None:
        """At exit: the file as another process may have left it, with this process's additions."""
        if not self.added or self.path is None or sys.dont_write_bytecode:
            return
        codes = _read(self.path)
        codes.update(self.added)
        if len(codes) > _LIMIT:
            codes = {key: code for key, code in codes.items() if key in self.used}
        _write(self.path, codes)
        self.added.clear()


def _read(path: Path | None) -> dict[_Key, _Compiled]:
    if path is None:
        return {}
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if not data.startswith(_HEADER):
        return {}
    try:
        codes = marshal.loads(data[len(_HEADER) :])
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(codes, dict) or not all(
        type(key) is bytes and _well_formed(value) for key, value in codes.items()
    ):
        return {}
    return codes


def _well_formed(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], CodeType)
        and (value[1] is None or type(value[1]) is int)
    )


def _write(path: Path, codes: dict[_Key, _Compiled]) -> None:
    """Whole or not at all: a temporary file beside it, then renamed over it."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(_HEADER + marshal.dumps(codes))
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)


#: attrs names the script of a class's methods after the class (its own few classes have a
#: ``__hash__`` script of their own), and writes into their ``__hash__`` ``hash()`` of a second
#: name: a number that changes with every process (``PYTHONHASHSEED``).
_ATTRS_HASHING = ("<attrs generated methods ", "<attrs generated __hash__ ")


def _type_hash(source: str, filename: str) -> tuple[str, int | None]:
    """The script with attrs' per-process number taken out, and the number (None: it has none)."""
    prefix = next((p for p in _ATTRS_HASHING if filename.startswith(p)), None)
    if prefix is None:
        return source, None
    number = hash(f"<attrs generated hash {filename[len(prefix) : -1]}>")
    written = f" {number},\n"
    if source.count(written) != 1:
        return source, None
    return source.replace(written, " TYPE_HASH,\n"), number


def _with_constant(code: CodeType, old: int, new: int) -> CodeType:
    """``code`` with the integer constant ``old`` read as ``new``: the script holds it once,
    in one function, so the search ends at the code object that holds it."""
    consts = code.co_consts
    if old in consts:
        return code.replace(co_consts=tuple(new if type(value) is int and value == old else value for value in consts))
    for index, value in enumerate(consts):
        if isinstance(value, CodeType):
            replaced = _with_constant(value, old, new)
            if replaced is not value:
                return code.replace(co_consts=(*consts[:index], replaced, *consts[index + 1 :]))
    return code


class _CachedCompile:
    """``compile`` for one generating module: its future flags are those of the module it replaces in."""

    def __init__(self, store: _Store, flags: int) -> None:
        self.store = store
        self.flags = flags

    def __call__(self, source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs or mode != "exec" or not isinstance(source, str) or not isinstance(filename, str):
            return _BUILTIN_COMPILE(source, filename, mode, *args, **kwargs)  # not a generated script: as asked
        script, number = _type_hash(source, filename)
        key = _digest(
            f"{self.flags} {sys.flags.optimize} {filename}\n{script}".encode("utf-8", "surrogatepass")
        ).digest()
        found = self.store.find(key)
        if found is not None:
            code, compiled_with = found
            if compiled_with == number:
                return code
            if compiled_with is not None and number is not None:
                return _with_constant(code, compiled_with, number)
        code = _BUILTIN_COMPILE(source, filename, mode, flags=self.flags, dont_inherit=True)
        self.store.add(key, (code, number))
        return code


_STORE = _Store(_cache_file())
_SAVING = False


def _flags_of(module: ModuleType) -> int:
    """The compiler flags a bare ``compile`` in ``module`` inherits: its ``from __future__`` imports."""
    feature = getattr(module, "annotations", None)
    return __future__.annotations.compiler_flag if feature is __future__.annotations else 0


def cache_compilations_of(module: ModuleType) -> None:
    """Make ``compile`` in ``module`` look up and keep its compiled scripts (once per module)."""
    if isinstance(module.__dict__.get("compile"), _CachedCompile):
        return
    module.compile = _CachedCompile(_STORE, _flags_of(module))  # type: ignore[attr-defined]
    _save_at_exit()


def compiled_annotation(text: str, filename: str) -> CodeType:
    """``compile(text, filename, "eval")`` of a string annotation (``"tuple[Block, ...]"``), looked up first.

    ``typing.get_type_hints`` compiles each string annotation it evaluates, in every process:
    about 200 of them for the classes a ``render`` loads and checks (docs/performance.md).
    """
    key = _digest(f"eval {sys.flags.optimize} {filename}\n{text}".encode("utf-8", "surrogatepass")).digest()
    found = _STORE.find(key)
    if found is not None:
        return found[0]
    code = _BUILTIN_COMPILE(text, filename, "eval", dont_inherit=True)
    _STORE.add(key, (code, None))
    _save_at_exit()
    return code


def _save_at_exit() -> None:
    global _SAVING
    if not _SAVING:
        atexit.register(_STORE.save)
        _SAVING = True


def install() -> None:
    """Cache what attrs compiles for each class: its own, while attrs is imported here, then
    the package's (installed before the package's first class)."""
    if "attr" not in sys.modules:
        _import_attrs_through_cache()
    import attr._make

    cache_compilations_of(attr._make)


#: Every ``from __future__`` feature's compiler flag: what ``compile`` inherits from its caller.
_FUTURE_FLAGS = functools.reduce(
    operator.or_, (getattr(__future__, name).compiler_flag for name in __future__.all_feature_names)
)
_ATTRS_SCRIPTS = "<attrs generated "


def _import_attrs_through_cache() -> None:
    """Import attrs with its own classes' scripts looked up in the cache.

    attrs defines about thirty classes of its own while it is imported (its validators,
    converters, filters), compiling their methods through the builtin ``compile``, before
    its module exists for :func:`cache_compilations_of` to bind the name in. For that import
    only, the builtin is replaced by one that looks up attrs' scripts and compiles anything
    else exactly as asked, with the future flags of its caller, as the builtin would.
    """
    attrs_scripts = _CachedCompile(_STORE, __future__.annotations.compiler_flag)  # attr._make's future import

    def compile_while_attrs_imports(
        source: Any, filename: Any, mode: str, flags: int = 0, dont_inherit: bool = False, optimize: int = -1,
        **rest: Any,
    ) -> Any:
        if not dont_inherit:
            flags |= sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
        if (flags == attrs_scripts.flags and optimize == -1 and not rest and isinstance(filename, str)
                and filename.startswith(_ATTRS_SCRIPTS)):
            return attrs_scripts(source, filename, mode)
        return _BUILTIN_COMPILE(source, filename, mode, flags, True, optimize, **rest)

    builtins.compile = compile_while_attrs_imports
    try:
        import attr  # noqa: F401
    finally:
        builtins.compile = _BUILTIN_COMPILE
    _save_at_exit()


def install_for_cattrs() -> None:
    """Cache what cattrs compiles for each structuring function: called where a converter is
    made, so that ``import cstd_docs`` alone does not import cattrs."""
    import cattrs.gen

    cache_compilations_of(cattrs.gen)
