"""The bundled shared data, read and checked once per version of the code and assets, then kept in the user cache."""

from __future__ import annotations

import pickle
from pathlib import Path

import pydantic

from .build_inputs import code_and_assets_digest
from .diagnostics import Diagnostics
from .paths import DATA_DIR, cache_file, read_cached_pickle, store_in_cache
from .shared_data import SharedData, load_shared_data

# Why more than one: each checkout or installation of the code has its own version.
KEPT_VERSIONS = 4


def cached_shared_data(data_dir: Path, diagnostics: Diagnostics) -> SharedData | None:
    """`load_shared_data`, from the cache when `data_dir` is the bundled one and nothing in code or assets changed.

    Why: reading and validating the nine data files took 15-30 ms of every build before its first
    lesson could be checked. Why pickle: as for the lesson outlines (lesson_outlines), the file is
    ours, in the user's own cache, and named after the code version, so only the code that wrote it reads it.
    """
    if data_dir.resolve() != DATA_DIR.resolve():
        return load_shared_data(data_dir, diagnostics)
    key = f"{code_and_assets_digest()[:32]}-pydantic-{pydantic.VERSION}"  # Why pydantic: the models are pickled with it
    path = cache_file("gegevens", f"{key}.pickle")
    stored = _read(path, key)
    if stored is not None:
        data, found = stored
        diagnostics.extend(found)
        return data
    start = len(diagnostics.items)
    data = load_shared_data(data_dir, diagnostics)
    if data is not None and path is not None:
        found = diagnostics.items[start:]
        store_in_cache(path, pickle.dumps((key, data, found), protocol=pickle.HIGHEST_PROTOCOL), keep=KEPT_VERSIONS)
    return data


def _read(path: Path | None, key: str) -> tuple[SharedData, list] | None:
    stored = read_cached_pickle(path, tuple)
    if stored is None or len(stored) != 3:
        return None
    stored_key, data, found = stored
    if stored_key != key or not isinstance(data, SharedData) or not isinstance(found, list):
        return None
    return data, found
