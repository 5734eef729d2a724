"""What Python compiles while modules load and does not keep, kept in the user's cache: the code that
`dataclasses`, `typing` and `namedtuple` write, and regular expressions.

Why: for every dataclass, Python 3.11 writes out the source of `__init__`, `__repr__`, `__eq__`,
`__hash__` and, when frozen, `__setattr__` and `__delattr__`, and compiles each one; `typing`
compiles every annotation that pydantic resolves from a string; `namedtuple` compiles each `__new__`;
and `re` parses every pattern in Python. A one-audience build did about 600 such methods, 960
annotations, 40 named tuples and 225 patterns: 140-180 ms of CPU, a fifth of it before the warm
process could fork; with the cache, one lesson for one audience is built 11% sooner (median per
round of 21). Nothing else changes: classes, methods and patterns are made from the same compiled
code, only taken from the cache instead of compiled again. Python writes no `.pyc` for any of
this, so this is the cache it lacks.
"""

from __future__ import annotations

import builtins
import marshal
import sys
import time
from re import _compiler, _parser
from types import CodeType
from typing import TYPE_CHECKING, Any

from .paths import cache_file, checksum_name, read_cached_pickle, store_in_cache

if TYPE_CHECKING:
    from pathlib import Path

_FOLDER = "gecompileerd"
_LIMIT = 5000  # Why: several times what a build uses; past it, the file keeps only what this run used
_KEEP = 4  # files of other Python versions that stay
# Why a threshold: some patterns differ from run to run (reportlab joins a set of names into one, in
# the order of that run's string hashes), so some run always compiles something new. Rewriting the
# file (3-5 ms) pays only when the run compiled more than that; otherwise the file would also grow
# by each run's one-off patterns.
_WORTH_SAVING = 0.01
_codes: dict[tuple[Any, ...], bytes] = {}
_used: set[tuple[Any, ...]] = set()
_unsaved_seconds = 0.0
_compile_pattern_uncached = _compiler.compile


def install() -> None:
    """Let `dataclasses`, `typing`, `collections` and `re` take what they compile from the cache.

    Only the command's own processes call this (the command, and so its warm process and workers).
    """
    import collections
    import dataclasses
    import typing

    _codes.update(_stored(_path()))
    # Why module globals: they shadow the builtins for these three modules only. Each calls its
    # builtin in one place, with source text: dataclasses exec of a def, typing compile of an
    # annotation, collections (namedtuple) eval of a lambda.
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    typing.compile = _compile  # type: ignore[attr-defined]
    collections.eval = _eval  # type: ignore[attr-defined]
    # Why here: `re.compile` asks `_compiler.compile` for each pattern that is not in its own cache.
    _compiler.compile = compiled_pattern


def save() -> None:
    """Add what this process compiled to the cache file, when that took long enough to be worth a write."""
    global _unsaved_seconds
    path = _path()
    if _unsaved_seconds < _WORTH_SAVING or path is None:
        return
    _unsaved_seconds = 0.0
    import pickle

    merged = {**_stored(path), **_codes}  # Why read again: the warm process or another build may have added to it
    if len(merged) > _LIMIT:
        merged = {key: _codes[key] for key in _used}
    store_in_cache(path, pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL), keep=_KEEP)


def compiled(source: str, mode: str) -> CodeType:
    """What `compile(source, "<string>", mode)` gives in a module without `__future__` imports, cached."""
    key = (mode, source)
    code = _cached(key)
    if not isinstance(code, CodeType):
        started = time.perf_counter()
        code = builtins.compile(source, "<string>", mode, dont_inherit=True)
        _add(key, code, time.perf_counter() - started)
    return code


def compiled_pattern(pattern: Any, flags: int = 0) -> Any:
    """What `re._compiler.compile(pattern, flags)` gives, with the parsed and compiled pattern cached.

    Why the last step is taken here: `_sre.compile` makes the pattern object from plain data (the
    compiled code, a list of numbers, and the groups), which is what the cache keeps.
    """
    if type(pattern) not in (str, bytes) or flags & _compiler.SRE_FLAG_DEBUG:
        return _compile_pattern_uncached(pattern, flags)
    key = ("re", pattern, int(flags))
    made = _cached(key)
    if not (isinstance(made, tuple) and len(made) == 5):
        started = time.perf_counter()
        parsed = _parser.parse(pattern, flags)
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # Why int(): the opcodes are int subclasses, which marshal does not take.
        made = (int(flags | parsed.state.flags), list(map(int, _compiler._code(parsed, flags))),
                parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
        _add(key, made, time.perf_counter() - started)
    final_flags, code, groups, groupindex, indexgroup = made
    return _compiler._sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)


def _cached(key: tuple[Any, ...]) -> Any:
    _used.add(key)
    stored = _codes.get(key)
    if stored is None:
        return None
    try:
        return marshal.loads(stored)
    except (ValueError, EOFError, TypeError):
        return None


def _add(key: tuple[Any, ...], value: Any, seconds: float) -> None:
    global _unsaved_seconds
    try:
        _codes[key] = marshal.dumps(value)
    except ValueError:
        return  # Why: what marshal cannot keep is compiled again next time; a cache must never stop a build
    _unsaved_seconds += seconds


def _exec(source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /) -> None:
    builtins.exec(compiled(source, "exec") if type(source) is str else source, globals, locals)


def _eval(source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /) -> Any:
    return builtins.eval(compiled(source, "eval") if type(source) is str else source, globals, locals)


def _compile(source: Any, filename: str, mode: str, flags: int = 0, dont_inherit: bool = False,
             optimize: int = -1, **more: Any) -> Any:
    if type(source) is str and filename == "<string>" and not flags and optimize == -1 and not more:
        return compiled(source, mode)
    return builtins.compile(source, filename, mode, flags, True, optimize, **more)


def _path() -> Path | None:
    # Why the version and optimisation level in the name: marshalled code is only valid for the
    # Python that wrote it, and `-O` compiles differently.
    return cache_file(_FOLDER, f"{checksum_name(f'{sys.version}|{sys.flags.optimize}')}.pickle")


def _stored(path: Path | None) -> dict[tuple[Any, ...], bytes]:
    """The cache file's entries (each marshalled on its own, so a run loads only those it uses); empty when
    the file is missing or damaged, which only costs compiling again."""
    return read_cached_pickle(path, dict) or {}
