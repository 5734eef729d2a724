"""The code that `dataclasses`, `typing` and `namedtuple` compile from source while modules load, kept in the user's cache.

Why: for every dataclass, Python 3.11 writes out the source of `__init__`, `__repr__`, `__eq__`,
`__hash__` and, when frozen, `__setattr__` and `__delattr__`, and compiles each one; `typing`
compiles every annotation that pydantic resolves from a string; `namedtuple` compiles each `__new__`.
A one-audience build compiled about 600 such methods, 960 annotations and 40 named tuples, 80-120 ms
of CPU, a third of it before the warm process could fork. Nothing else changes: the classes and their methods are made from the same code, only
taken from the cache instead of compiled again (a build of one lesson for one audience: 7% less
time). Python writes no `.pyc` for this code, so this is the cache it lacks.
"""

from __future__ import annotations

import builtins
import marshal
import sys
from types import CodeType
from typing import TYPE_CHECKING, Any

from .paths import cache_file, checksum_name, store_in_cache

if TYPE_CHECKING:
    from pathlib import Path

_FOLDER = "gecompileerd"
_LIMIT = 5000  # Why: enough for our classes many times over; past it, the file keeps only what this run used
_KEEP = 4  # files of other Python versions that stay
_codes: dict[tuple[str, str], bytes] = {}
_used: set[tuple[str, str]] = set()
_added = False


def install() -> None:
    """Let `dataclasses`, `typing` and `collections` take their compiled code from the cache; for the command's own processes."""
    import collections
    import dataclasses
    import typing

    _codes.update(_stored())
    # Why module globals: they shadow the builtins for these three modules only. Each calls its
    # builtin in one place, with source text: dataclasses exec of a def, typing compile of an
    # annotation, collections (namedtuple) eval of a lambda.
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    typing.compile = _compile  # type: ignore[attr-defined]
    collections.eval = _eval  # type: ignore[attr-defined]


def save() -> None:
    """Add what this process compiled to the cache file; does nothing when it compiled nothing new."""
    global _added
    path = _path()
    if not _added or path is None:
        return
    _added = False
    merged = {**_stored(), **_codes}
    if len(merged) > _LIMIT:
        merged = {key: _codes[key] for key in _used}
    store_in_cache(path, marshal.dumps(merged), keep=_KEEP)


def compiled(source: str, mode: str) -> Any:
    """What `compile(source, "<string>", mode)` gives in a module without `__future__` imports, cached."""
    global _added
    key = (mode, source)
    _used.add(key)
    stored = _codes.get(key)
    if stored is not None:
        try:
            code = marshal.loads(stored)
        except (ValueError, EOFError, TypeError):
            code = None
        if isinstance(code, CodeType):
            return code
    code = builtins.compile(source, "<string>", mode, dont_inherit=True)
    _codes[key] = marshal.dumps(code)
    _added = True
    return code


def _exec(source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /) -> None:
    builtins.exec(compiled(source, "exec") if isinstance(source, str) else source, globals, locals)


def _eval(source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /) -> Any:
    return builtins.eval(compiled(source, "eval") if isinstance(source, str) else source, globals, locals)


def _compile(source: Any, filename: str, mode: str, flags: int = 0, dont_inherit: bool = False,
             optimize: int = -1, **more: Any) -> Any:
    if isinstance(source, str) and filename == "<string>" and not flags and optimize == -1 and not more:
        return compiled(source, mode)
    return builtins.compile(source, filename, mode, flags, True, optimize, **more)


def _path() -> Path | None:
    # Why the version and optimisation level in the name: marshalled code is only valid for the
    # Python that wrote it, and `-O` compiles differently.
    return cache_file(_FOLDER, f"{checksum_name(f'{sys.version}|{sys.flags.optimize}')}.marshal")


def _stored() -> dict[tuple[str, str], bytes]:
    """The cache file's entries; empty when it is missing or damaged (that only costs compiling again)."""
    path = _path()
    if path is None:
        return {}
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return stored if isinstance(stored, dict) else {}
