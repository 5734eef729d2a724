"""Translate pydantic validation errors into located Dutch diagnostics."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, RootModel, ValidationError

from generators.diagnostics import Diagnostics, did_you_mean
from generators.lesson.yaml_source import SourceFile

_TYPE_NAMES = {
    "string_type": "een tekst",
    "int_type": "een geheel getal",
    "int_parsing": "een geheel getal",
    "int_from_float": "een geheel getal",
    "float_type": "een getal",
    "float_parsing": "een getal",
    "bool_type": "ja of nee (true of false)",
    "bool_parsing": "ja of nee (true of false)",
    "list_type": "een lijst (regels die beginnen met '- ')",
    "dict_type": "een blok met sleutels (zoals 'titel: ...')",
    "model_type": "een blok met sleutels (zoals 'titel: ...')",
    "model_attributes_type": "een blok met sleutels (zoals 'titel: ...')",
}


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside Optional/Union/Annotated/list/dict, models first."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _element(annotation: Any) -> list[Any]:
    """For list[X] or dict[str, X], the types of X; else []."""
    out = []
    for t in _unwrap(annotation):
        origin = typing.get_origin(t)
        if origin is list:
            out += _unwrap(typing.get_args(t)[0])
        elif origin is dict:
            out += _unwrap(typing.get_args(t)[1])
    return out


def _tag_of(model: type[BaseModel]) -> str | None:
    field = model.model_fields.get("soort")
    if field is None:
        return None
    args = typing.get_args(field.annotation)
    return args[0] if args else None


def allowed_keys(root: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model that `loc` points into, following list items and union tags."""
    candidates: list[Any] = [root]
    for key in loc:
        models = [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]
        tagged = [m for m in models if _tag_of(m) == key]
        if tagged:
            candidates = tagged
            continue
        if isinstance(key, int) or key not in {f for m in models for f in m.model_fields}:
            elements = [e for c in candidates for e in _element(c)]
            if elements:
                candidates = elements
                continue
        next_candidates = []
        for model in models:
            field = model.model_fields.get(key)
            if field is not None:
                next_candidates += _unwrap(field.annotation)
        if not next_candidates:
            break
        candidates = next_candidates
    names: list[str] = []
    for c in candidates:
        if isinstance(c, type) and issubclass(c, BaseModel) and not issubclass(c, RootModel):
            names += [n for n in c.model_fields if n not in names]
    return names


def _describe(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def validation_to_diagnostics(
    error: ValidationError, source: SourceFile, model: type[BaseModel], diagnostics: Diagnostics
) -> None:
    seen: set[tuple[str, Any]] = set()
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        kind = err["type"]
        ctx = err.get("ctx") or {}
        code, message, where = _translate(kind, loc, err, ctx, model, source)
        key = (code, where)
        if key in seen:
            continue
        seen.add(key)
        diagnostics.error(code, message, where)


def _translate(kind: str, loc, err, ctx, model, source: SourceFile):
    last = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        hint = did_you_mean(str(last), allowed_keys(model, loc[:-1]))
        return (
            "sleutel-onbekend",
            f"Onbekende sleutel '{last}'.{hint or ' Deze sleutel hoort hier niet.'}",
            source.key_location(loc),
        )
    if kind in ("missing", "union_tag_not_found"):
        name = ctx.get("discriminator", "'soort'").strip("'") if kind == "union_tag_not_found" else last
        return (
            "sleutel-ontbreekt",
            f"Hier ontbreekt de verplichte sleutel '{name}'.",
            source.location(loc[:-1] if kind == "missing" else loc),
        )
    if kind == "union_tag_invalid":
        options = [o.strip().strip("'") for o in str(ctx.get("expected_tags", "")).split(",")]
        tag = ctx.get("tag", "")
        return (
            "soort-onbekend",
            f"Onbekende soort '{tag}'.{did_you_mean(tag, options)} Kies uit: {', '.join(options)}.",
            source.location(loc + ("soort",)),
        )
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [o.strip().strip("'") for o in expected.replace(" or ", ",").split(",") if o.strip()]
        value = err.get("input")
        return (
            "waarde-onbekend",
            f"'{_describe(value)}' is hier niet toegestaan.{did_you_mean(str(value), options)} "
            f"Kies uit: {', '.join(options)}.",
            source.location(loc),
        )
    if kind == "tekst_bool":
        return (
            "type",
            "Hier hoort tekst, maar YAML leest dit als ja/nee-waarde. Zet de tekst tussen aanhalingstekens.",
            source.location(loc),
        )
    if kind in _TYPE_NAMES:
        return (
            "type",
            f"Hier hoort {_TYPE_NAMES[kind]}, maar er staat '{_describe(err.get('input'))}'.",
            source.location(loc),
        )
    if kind in ("too_short", "string_too_short"):
        minimum = ctx.get("min_length", 1)
        if kind == "string_too_short" or minimum == 1 and not isinstance(err.get("input"), list):
            return "tekst-leeg", "Deze tekst is leeg.", source.location(loc)
        return (
            "lijst-te-kort",
            f"Deze lijst moet minstens {minimum} item{'s' if minimum != 1 else ''} hebben.",
            source.location(loc),
        )
    if kind in ("too_long", "string_too_long"):
        return (
            "lijst-te-lang",
            f"Deze lijst mag hoogstens {ctx.get('max_length')} items hebben.",
            source.location(loc),
        )
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
        word = "minstens" if kind.startswith("greater") else "hoogstens"
        return "waarde-buiten-bereik", f"Dit getal moet {word} {bound} zijn.", source.location(loc)
    if kind == "string_pattern_mismatch":
        return (
            "id-ongeldig",
            f"'{_describe(err.get('input'))}' is geen geldige id: gebruik alleen kleine letters, cijfers en "
            "streepjes (bijvoorbeeld 'wat-is-mensenhandel').",
            source.location(loc),
        )
    if "-" in kind:  # Why: a model's own check raises PydanticCustomError with a diagnostic code as its type
        return kind, err["msg"], source.key_location(loc)
    return "schema", f"Ongeldige waarde ({kind}).", source.location(loc)
