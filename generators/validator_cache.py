"""Pydantic validators of our models, built once per version of the code and kept in the user cache."""

from __future__ import annotations

import pickle
from pathlib import Path

import pydantic
import pydantic_core
from pydantic import BaseModel
from pydantic_core import SchemaValidator

from .build_inputs import code_and_assets_digest
from .paths import cache_file, checksum_name, read_cached_pickle, store_in_cache

# Why this many: each model validated directly (a lesson, each data file, the school file) has its own,
# for each version of the code.
KEPT_VALIDATORS = 32

_READY: set[type[BaseModel]] = set()


def ready_to_validate(model: type[BaseModel]) -> None:
    """Give `model` (with `defer_build`) its validator: the stored one when this code built it before, else built now.

    Why: pydantic builds a validator from the type hints, in Python, when a model is first used:
    25-50 ms for a lesson, in every build before its first lesson can be checked. The built validator
    is pydantic-core's own object, which pickles as its schema and loads in under a millisecond.
    Why this is safe: the file is named after our code, pydantic and pydantic-core, so a validator is
    only read back by the models it was built from; `model_validate` uses `__pydantic_validator__`.
    """
    if model in _READY or model.__pydantic_complete__:
        return
    _READY.add(model)
    path = _cache_path(model)
    stored = _read(path, model)
    if stored is not None:
        model.__pydantic_validator__ = stored
        return
    model.model_rebuild()
    if path is None:
        return
    try:
        pickled = pickle.dumps(model.__pydantic_validator__, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001  Why: e.g. a user's pydantic plugin wraps the validator; it then is not kept
        return
    store_in_cache(path, pickled, keep=KEPT_VALIDATORS)


def _cache_path(model: type[BaseModel]) -> Path | None:
    key = f"{model.__module__}.{model.__qualname__}|{code_and_assets_digest()}|{pydantic.VERSION}|{pydantic_core.__version__}"
    return cache_file("validatie", f"{model.__qualname__}-{checksum_name(key)}.pickle")


def _read(path: Path | None, model: type[BaseModel]) -> SchemaValidator | None:
    validator = read_cached_pickle(path, SchemaValidator)
    return validator if validator is not None and validator.title == model.__name__ else None
