"""Compiled jinja2 templates kept in the user's cache folder, so that a build does not compile them again."""

from __future__ import annotations

import pickle
import zlib
from typing import Any

import jinja2
from jinja2.bccache import Bucket

from .paths import cache_dir


class _QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Why: a cache that cannot be read or written only costs time, so neither may stop a build.

    jinja2 itself lets a damaged file (its checksum is a pickle) or a folder that cannot be written
    raise out of `get_template`.
    """

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def bytecode_cache(settings: dict[str, Any]) -> jinja2.BytecodeCache | None:
    """A bytecode cache for an environment made with `settings` (its keyword arguments other than the loader).

    Why the settings in the folder name: jinja2 checks a cached template against the template's
    source only, while what it compiles to also depends on settings such as `trim_blocks`.
    Compiling the catalog and README templates took 25-40 ms a build; loading them takes 2 ms.
    """
    described = sorted((name, _stable_repr(value)) for name, value in settings.items())
    key = zlib.crc32(repr(described).encode("utf-8"))
    try:
        folder = cache_dir("sjablonen") / f"jinja2-{jinja2.__version__}-{key:08x}"
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):
        return None
    return _QuietBytecodeCache(str(folder))


def _stable_repr(value: Any) -> str:
    """Why: the repr of a function holds its address, which differs from run to run."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__qualname__)}"
    return repr(value)


def environment(loader: jinja2.BaseLoader, **settings: Any) -> jinja2.Environment:
    """A jinja2 environment whose compiled templates are cached across builds."""
    return jinja2.Environment(loader=loader, bytecode_cache=bytecode_cache(settings), **settings)
