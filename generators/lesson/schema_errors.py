"""Translate pydantic validation errors into located Dutch diagnostics that a non-programmer can act on."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from generators.diagnostics import Diagnostics, did_you_mean
from generators.lesson.indentation import Misplaced, misplaced_key, node_at
from generators.lesson.model_paths import Loc, accepts_free_keys, allowed_keys, example_key, file_loc
from generators.lesson.quote_advice import colon_advice
from generators.lesson.yaml_source import SourceFile

_EXPECTED = {
    "string_type": "een tekst",
    "int_type": "een geheel getal",
    "int_parsing": "een geheel getal",
    "int_from_float": "een geheel getal",
    "float_type": "een getal",
    "float_parsing": "een getal",
    "bool_type": "'true' (ja) of 'false' (nee)",
    "bool_parsing": "'true' (ja) of 'false' (nee)",
    "list_type": "een lijst (regels die beginnen met '- ')",
    "dict_type": "een blok met sleutels",
    "model_type": "een blok met sleutels",
    "model_attributes_type": "een blok met sleutels",
}
_BLOCKS = ("dict_type", "model_type", "model_attributes_type")
ALT_PURPOSE = ("Alt-tekst beschrijft in één zin wat er op de afbeelding te zien is, voor wie hem niet kan zien "
               "(bijvoorbeeld met een voorleesprogramma).")


def shown(value: Any) -> str:
    """What the file has at a place, in words: never Python's None, True, [..] or {..}."""
    if value is None:
        return "niets"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (voor YAML een ja/nee-waarde)"
    if isinstance(value, list):
        return "een lijst" if value else "een lege lijst ([])"
    if isinstance(value, dict):
        return "een blok met sleutels" if value else "een leeg blok ({})"
    text = str(value)
    return f"'{text if len(text) <= 40 else text[:37] + '...'}'"


def validation_to_diagnostics(
    error: ValidationError, source: SourceFile, model: type[BaseModel], diagnostics: Diagnostics
) -> None:
    errors = _plain_errors(error, model)
    hints = {id(err): misplaced_key(model, source.tree, err["loc"]) for err in errors}
    moved = [hint for hint in hints.values() if hint is not None]
    misspelled = _misspelled_keys(errors, model, source)
    seen: set[tuple[str, Any]] = set()
    for err in errors:
        hint = hints[id(err)]
        if hint is not None:
            code, message, where = "inspringen", hint.message, source.key_location(err["loc"])
        elif _explained_by_a_move(err, moved) or err["type"] == "missing" and err["loc"] in misspelled:
            continue
        else:
            code, message, where = _translate(err, model, source)
        if (code, where) not in seen:
            seen.add((code, where))
            diagnostics.error(code, message, where)


def _plain_errors(error: ValidationError, model: type[BaseModel]) -> list[dict]:
    """pydantic's errors with places as in the file; for a value that may be of two kinds (a letter or a list of
    letters), a wrong kind is said once, and not at all when the value went on to fail inside."""
    errors = []
    for err in error.errors(include_url=False):
        errors.append({**err, "loc": file_loc(model, tuple(err["loc"]))})
    deeper = {e["loc"][:n] for e in errors for n in range(len(e["loc"]))}
    kept: dict[tuple, dict] = {}
    for err in errors:
        if err["type"] in _EXPECTED:
            if err["loc"] in deeper:
                continue
            key = ("type", err["loc"])
            if key in kept:
                kept[key]["expected"].append(_EXPECTED[err["type"]])
                continue
            err = {**err, "expected": [_EXPECTED[err["type"]]]}
            kept[key] = err
            continue
        kept[(len(kept),)] = err
    return list(kept.values())


def _misspelled_keys(errors: list[dict], model: type[BaseModel], source: SourceFile) -> set[Loc]:
    """Required keys that an unknown key beside them is a misspelling of; 'did you mean' says it already."""
    found = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            parent = err["loc"][:-1]
            close = difflib.get_close_matches(str(err["loc"][-1]), allowed_keys(model, parent, source.tree), n=1, cutoff=0.6)
            found.update(parent + (key,) for key in close)
    return found


def _explained_by_a_move(err: dict, moved: list[Misplaced]) -> bool:
    """An empty block and a 'missing key' that a key at the wrong depth explains need no message of their own."""
    loc = err["loc"]
    for hint in moved:
        if loc == hint.home and err["input"] is None:
            return True
        if err["type"] == "missing" and loc == hint.home + (hint.key,):
            return True
    return False


def _key_name(loc: Loc, source: SourceFile) -> str | None:
    """The last key on `loc` that the file has (not 'standaard', which pydantic adds to a single text)."""
    for depth in range(len(loc), 0, -1):
        parent = node_at(source.tree, loc[: depth - 1])
        if isinstance(loc[depth - 1], str) and isinstance(parent, dict) and loc[depth - 1] in parent:
            return loc[depth - 1]
        if isinstance(loc[depth - 1], int):
            return None
    return None


def _empty(err: dict, model: type[BaseModel], source: SourceFile) -> tuple[str, str]:
    loc = err["loc"]
    key = _key_name(loc, source)
    texts = _EXPECTED["string_type"] in err.get("expected", [_EXPECTED.get(err["type"])])
    if key is None:
        what = "Dit punt in de lijst is leeg: na '- ' staat niets"
    else:
        what = f"Na '{key}:' staat niets"
    if err["type"] == "literal_error":
        return "waarde-leeg", f"{what}. Kies uit: {', '.join(_options(err))}."
    if err["type"] == "union_tag_invalid":
        return "waarde-leeg", f"{what}. Kies uit: {', '.join(_tags(err))}."
    expected = " of ".join(_expected(err, model, source))
    message = f"{what}, maar hier hoort {expected}."
    if key == "alt":
        message += " " + ALT_PURPOSE
    return ("tekst-leeg" if texts else "waarde-leeg"), message


def _expected(err: dict, model: type[BaseModel], source: SourceFile) -> list[str]:
    names = []
    for name in err.get("expected", [_EXPECTED.get(err["type"], "een waarde")]):
        if name == "een blok met sleutels":
            key = example_key(model, err["loc"], source.tree)
            free = accepts_free_keys(model, err["loc"], source.tree)
            if key:
                name += f", elk met daaronder ingesprongen '{key}: ...'" if free else f" (zoals '{key}: ...')"
        names.append(name)
    return names


def _options(err: dict) -> list[str]:
    expected = str((err.get("ctx") or {}).get("expected", ""))
    return [o.strip().strip("'") for o in expected.replace(" or ", ",").split(",") if o.strip()]


def _tags(err: dict) -> list[str]:
    return [o.strip().strip("'") for o in str((err.get("ctx") or {}).get("expected_tags", "")).split(",")]


def _translate(err: dict, model: type[BaseModel], source: SourceFile) -> tuple[str, str, Any]:
    loc, kind, ctx = err["loc"], err["type"], err.get("ctx") or {}
    value = err.get("input")
    last = loc[-1] if loc else ""
    here = source.location(loc)
    if kind == "extra_forbidden":
        hint = did_you_mean(str(last), allowed_keys(model, loc[:-1], source.tree))
        return "sleutel-onbekend", f"Onbekende sleutel '{last}'.{hint or ' Deze sleutel hoort hier niet.'}", \
            source.key_location(loc)
    if kind in ("missing", "union_tag_not_found"):
        name = "soort" if kind == "union_tag_not_found" else last
        message = f"Hier ontbreekt de verplichte sleutel '{name}'."
        if name == "alt":
            message += " " + ALT_PURPOSE
        return "sleutel-ontbreekt", message, source.location(loc[:-1] if kind == "missing" else loc)
    if kind == "union_tag_invalid":
        tag = value.get("soort") if isinstance(value, dict) else None
        if tag is None:
            return (*_empty({**err, "loc": loc + ("soort",)}, model, source), source.location(loc + ("soort",)))
        options = _tags(err)
        if isinstance(tag, (str, int, float)) and not isinstance(tag, bool):
            said = f"Onbekende soort '{tag}'.{did_you_mean(str(tag), options)}"
        else:
            said = f"Na 'soort:' staat {shown(tag)}, maar hier hoort één soort."
        return "soort-onbekend", f"{said} Kies uit: {', '.join(options)}.", source.location(loc + ("soort",))
    if value is None and (kind in _EXPECTED or kind == "literal_error"):
        return (*_empty(err, model, source), here)
    if kind == "literal_error":
        options = _options(err)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            said = f"{shown(value)} is hier niet toegestaan.{did_you_mean(str(value), options)}"
        else:
            said = f"Hier staat {shown(value)}."
        return "waarde-onbekend", f"{said} Kies uit: {', '.join(options)}.", here
    if kind == "getal_bool":
        return ("type", f"Hier hoort een getal, maar YAML leest '{str(value).lower()}' als ja/nee-waarde.", here)
    if kind == "tekst_bool":
        return ("type", f"Hier hoort tekst, maar YAML leest '{str(value).lower()}' als ja/nee-waarde. Zet de tekst "
                "tussen aanhalingstekens.", here)
    if kind in _EXPECTED:
        if err["expected"] == [_EXPECTED["string_type"]] and isinstance(value, dict) and len(value) == 1:
            return "tekst-dubbele-punt", colon_advice(str(next(iter(value)))), source.key_location(loc + (next(iter(value)),))
        return "type", f"Hier hoort {' of '.join(_expected(err, model, source))}, maar er staat {shown(value)}.", here
    if kind in ("too_short", "string_too_short"):
        minimum = ctx.get("min_length", 1)
        if kind == "string_too_short" or minimum == 1 and not isinstance(value, (list, dict)):
            return "tekst-leeg", "Deze tekst is leeg." + (f" {ALT_PURPOSE}" if last == "alt" else ""), here
        return "lijst-te-kort", f"Deze lijst moet minstens {minimum} item{'s' if minimum != 1 else ''} hebben.", here
    if kind in ("too_long", "string_too_long"):
        return "lijst-te-lang", f"Deze lijst mag hoogstens {ctx.get('max_length')} items hebben.", here
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
        word = "minstens" if kind.startswith("greater") else "hoogstens"
        return "waarde-buiten-bereik", f"Dit getal moet {word} {bound} zijn.", here
    if kind == "string_pattern_mismatch":
        return ("id-ongeldig", f"{shown(value)} is geen geldige id: gebruik alleen kleine letters, cijfers en "
                "streepjes (bijvoorbeeld 'wat-is-mensenhandel').", here)
    if "-" in kind:  # Why: a model's own check raises PydanticCustomError with a diagnostic code as its type
        return kind, err["msg"], source.key_location(loc)
    return ("schema", "Deze waarde klopt hier niet. Vergelijk deze plek met het voorbeeld in docs/auteurs.md; "
            "meld het aan de ontwikkelaars als je niet ziet wat er mis is.", here)
