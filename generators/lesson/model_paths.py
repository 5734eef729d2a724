"""Which model a place in a YAML file is validated against, following lists, variants and the 'soort' of a slide."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, RootModel

from generators.lesson.yaml_tree import PosMap, PosSeq

Loc = tuple[Any, ...]
TAG = "soort"


def unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside Optional/Union/Annotated, models first."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in unwrap(arg)]
    return [annotation]


def is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel) and not issubclass(candidate, RootModel)


def tag_of(model: type[BaseModel]) -> str | None:
    """The value of 'soort' that selects `model` in a union of slides or exercises."""
    field = model.model_fields.get(TAG)
    if field is None:
        return None
    args = typing.get_args(field.annotation)
    return args[0] if args else None


def _step(candidates: list[Any], key: Any) -> list[Any]:
    """The types one step down from `candidates` along `key` (a field, a list index or a mapping key)."""
    found: list[Any] = []
    for candidate in candidates:
        origin = typing.get_origin(candidate)
        if isinstance(key, int) and origin is list:
            found += unwrap(typing.get_args(candidate)[0])
        elif isinstance(key, str) and is_model(candidate) and key in candidate.model_fields:
            found += unwrap(candidate.model_fields[key].annotation)
        elif isinstance(key, str) and origin is dict:
            found += unwrap(typing.get_args(candidate)[1])
        elif isinstance(key, str) and isinstance(candidate, type) and issubclass(candidate, RootModel):
            found += _step(unwrap(candidate.model_fields["root"].annotation), key)
    return [t for t in found if t is not type(None)]


def _chosen(candidates: list[Any], node: Any) -> list[Any]:
    """Why: a list of slides accepts ten kinds; the file's 'soort' says which one this block is."""
    if isinstance(node, PosMap) and isinstance(node.get(TAG), str):
        tagged = [c for c in candidates if is_model(c) and tag_of(c) == node[TAG]]
        if tagged:
            return tagged
    return candidates


def file_loc(root: type[BaseModel], loc: Loc) -> Loc:
    """`loc` of a pydantic error without pydantic's own union tags ('inhoud' for a slide, 'str' or 'list[str]'
    for a value that may be either), so that it follows the keys of the file.

    Why by type: a tag can equal a field name (the slide 'afbeelding' has a field 'afbeelding')."""
    candidates: list[Any] = [root]  # Why never None: `_step` leaves the None of an optional field out
    kept: list[Any] = []
    for key in loc:
        models = [c for c in candidates if is_model(c)]
        tagged = [m for m in models if tag_of(m) == key]
        if tagged and len(models) > 1:
            candidates = tagged
            continue
        following = _step(candidates, key)
        if not following and len(candidates) > 1:
            continue
        kept.append(key)
        candidates = following
    return tuple(kept)


def types_at(root: type[BaseModel], loc: Loc, tree: Any) -> list[Any]:
    """The types the value at `loc` (a place in the file) may have; empty when the model has no such place."""
    candidates: list[Any] = [root]
    node = tree
    for key in loc:
        if isinstance(node, PosMap) and key in node or isinstance(node, PosSeq) and isinstance(key, int) \
                and 0 <= key < len(node):
            node = node[key]
        else:
            node = None
        candidates = _chosen(_step(candidates, key), node)
    return candidates


def allowed_keys(root: type[BaseModel], loc: Loc, tree: Any = None) -> list[str]:
    """The field names of the block at `loc`, in the order the model has them."""
    names: list[str] = []
    for candidate in types_at(root, loc, tree):
        if is_model(candidate):
            names += [n for n in candidate.model_fields if n not in names]
    return names


def accepts_free_keys(root: type[BaseModel], loc: Loc, tree: Any = None) -> bool:
    """Whether the block at `loc` is a mapping with keys of the author's choice (like `doelgroepen`)."""
    return any(typing.get_origin(c) is dict for c in types_at(root, loc, tree))


def example_key(root: type[BaseModel], loc: Loc, tree: Any = None) -> str | None:
    """A key to show in 'a block with keys, such as ...': the one every block here needs first; for a mapping with
    keys of the author's choice (like `doelgroepen`), the first key each of its blocks needs."""
    found = types_at(root, loc, tree)
    models = [c for c in found if is_model(c)]
    if not models and any(typing.get_origin(c) is dict for c in found):
        return example_key(root, loc + ("",), None)  # '' stands for any key of the mapping
    if len(models) > 1 and all(TAG in m.model_fields for m in models):
        return TAG
    required = [n for m in models for n, f in m.model_fields.items() if f.is_required()]
    return required[0] if required else next((n for m in models for n in m.model_fields), None)
