"""The JSON Schema of les.yaml, so editors can autocomplete and check while authors type.

It accepts every form that `lespakket check` accepts (a text or its variants per audience, a list item as a
text or a block, minutes as a number or per audience) and rejects what `check` rejects for its structure:
unknown keys, wrong kinds of values, ids that the shared data in assets/data does not have.
"""

from __future__ import annotations

import copy
import typing
from typing import Any

from generators.data.pictograms import NO_PICTOGRAM
from generators.data.shared import SharedData
from generators.lesson.schema_texts import BLOCK_ITEM, BLOCKS, IDS, KEYS
from generators.lesson.source_model import DEFAULT_KEY, SCHEMA_MARK, Les, SharedSource

Schema = dict[str, Any]
# Why draft 7: the YAML extension of VS Code (and the language server behind it) knows no later draft.
DRAFT = "http://json-schema.org/draft-07/schema#"
DEFINITIONS = "definitions"
# Why also as text: pydantic, which `check` validates with, reads "10" as 10 and "yes" as true.
WHOLE_AS_TEXT = r"^\s*[+-]?[0-9](_?[0-9])*(\.0*)?\s*$"
YES_OR_NO_WORDS = ("true", "false", "yes", "no", "on", "off", "y", "n", "t", "f", "1", "0")


def ref(name: str) -> Schema:
    return {"$ref": f"#/{DEFINITIONS}/{name}"}


def lesson_json_schema(data: SharedData) -> Schema:
    schema = Les.model_json_schema(mode="validation", ref_template=f"#/{DEFINITIONS}/{{model}}")
    defs: dict[str, Schema] = schema.pop("$defs")
    schema[DEFINITIONS] = defs
    _replace_marks(schema)
    audiences = data.audience_ids
    defs.update(_id_definitions(data))
    defs["EnkeleTekst"] = {"type": ["string", "number"]}
    defs["TekstPerDoelgroep"] = _per_audience(ref("EnkeleTekst"), audiences)
    defs["Tekst"] = {"anyOf": [ref("EnkeleTekst"), ref("TekstPerDoelgroep")]}
    minutes = {"type": "integer", "minimum": 0, "maximum": 600}
    defs["Minutes"] = {"anyOf": [minutes, _per_audience(minutes, audiences)]}
    defs["Punt"] = {"anyOf": [ref("EnkeleTekst"), ref("TekstPerDoelgroep"), _item_block(defs["Punt"])]}
    schema["properties"]["doelgroepen"] = {
        "type": "object", "minProperties": 1, "additionalProperties": False,
        "properties": {audience: ref("DoelgroepInstelling") for audience in audiences},
    }
    _one_of_required(defs["VolgordeOpdracht"], "stappen", "bron")
    _chat_rules(defs)
    for name in ("OpenOpdracht", "ReflectieOpdracht", "CasusVraag"):
        defs[name]["anyOf"] = [
            {"required": ["antwoord"], "properties": {"antwoord": ref("Tekst")}},
            {"required": ["aandachtspunten"], "properties": {"aandachtspunten": {"type": "array", "minItems": 1}}},
        ]
    defs["GegevensDia"]["allOf"] = _items_per_source(data)
    _lax_scalars(schema)
    _texts(schema, defs)
    schema["$schema"] = DRAFT
    return schema


def _replace_marks(node: Any) -> None:
    """Ids and texts that the models marked (source_model._ids) become references to one definition each."""
    if isinstance(node, list):
        for item in node:
            _replace_marks(item)
        return
    if not isinstance(node, dict):
        return
    mark = node.pop(SCHEMA_MARK, None)
    if mark is not None:
        kept = {k: v for k, v in node.items() if k in ("minLength", "description", "title", "default")}
        target = ref("EnkeleTekst" if mark == "tekst" else mark.capitalize())
        node.clear()
        # Why allOf: draft 7 ignores whatever stands beside a $ref
        node.update({"allOf": [target], **kept} if kept else target)
    for value in node.values():
        _replace_marks(value)


def _id_definitions(data: SharedData) -> dict[str, Schema]:
    found = {
        "Doelgroep": data.audience_ids,
        "Hulplijn": list(data.helplines),
        "Kerndoel": list(data.core_goals),
        "Feit": list(data.facts),
        "Pictogram": [*data.pictograms, NO_PICTOGRAM],
    }
    return {name: {"type": "string", "enum": ids} for name, ids in found.items()}


def _per_audience(value: Schema, audiences: list[str]) -> Schema:
    return {
        "type": "object", "minProperties": 1, "additionalProperties": False,
        "properties": {key: copy.deepcopy(value) for key in [DEFAULT_KEY, *audiences]},
    }


def _item_block(block: Schema) -> Schema:
    """A list item as a block: exactly one of 'tekst' and 'feit', neither of them empty."""
    block = copy.deepcopy(block)
    block["title"], block["description"] = BLOCK_ITEM
    block["properties"]["tekst"] = ref("Tekst")
    block["properties"]["feit"] = ref("Feit")
    _one_of_required(block, "tekst", "feit")
    return block


def _one_of_required(block: Schema, *keys: str) -> None:
    """Exactly one of `keys`, and that one not empty."""
    block["oneOf"] = [{"required": [key], "properties": {key: {"not": {"type": "null"}}}} for key in keys]


def _chat_rules(defs: dict[str, Schema]) -> None:
    """A chat has messages or parts; a message one content; a case its story, its chat or both."""
    _one_of_required(defs["ChatDia"], "berichten", "delen")
    yes = {"anyOf": [{"const": True}, {"const": 1}, {"type": "string", "pattern": "^([tT][rR][uU][eE]|[yY][eE][sS]|"
                                                                             "[oO][nN]|[yY]|[tT]|1)$"}]}
    defs["Bericht"]["oneOf"] = [{"required": ["tekst"]}, {"required": ["foto"]},
                                {"required": ["verwijderd"], "properties": {"verwijderd": yes}}]
    defs["CasusOpdracht"]["anyOf"] = [{"required": ["casus"]}, {"required": ["chat"]}]


def _items_per_source(data: SharedData) -> list[Schema]:
    """Why per source: 'items' of a slide from the meldcode are step ids, of one from signalen signal ids."""
    rules: list[Schema] = [{
        "if": {"properties": {"bron": {"const": "sextortie"}}, "required": ["bron"]},
        "then": {"not": {"required": ["items"]}},
    }]
    for source in typing.get_args(SharedSource):
        if source == "sextortie":
            continue
        ids = [item.id for item in data.items(source)[1]]
        rules.append({
            "if": {"properties": {"bron": {"const": source}}, "required": ["bron"]},
            "then": {"properties": {"items": {"anyOf": [{"type": "array", "items": {"enum": ids}}, {"type": "null"}]}}},
        })
    return rules


def _lax_scalars(node: Any) -> None:
    """Numbers and yes/no values also as the texts that pydantic reads as such."""
    if isinstance(node, list):
        for item in node:
            _lax_scalars(item)
        return
    if not isinstance(node, dict):
        return
    for value in node.values():
        _lax_scalars(value)
    if node.get("type") == "integer":
        number = {k: node.pop(k) for k in list(node) if k in ("type", "minimum", "maximum")}
        node["anyOf"] = [number, {"type": "string", "pattern": WHOLE_AS_TEXT}]
    elif node.get("type") == "boolean":
        node.pop("type")
        words = "|".join("".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in w) for w in YES_OR_NO_WORDS)
        node["anyOf"] = [{"type": "boolean"}, {"type": "string", "pattern": f"^({words})$"}, {"enum": [0, 1]}]


def _texts(schema: Schema, defs: dict[str, Schema]) -> None:
    """Dutch titles and descriptions on every block and key; pydantic's own (English docstrings, key names) go."""
    for name, block in [("Les", schema), *defs.items()]:
        if name in BLOCKS:
            block["title"], block["description"] = BLOCKS[name]
        elif name in IDS:
            block["title"], block["description"] = IDS[name]
        for part in [block, *block.get("anyOf", [])]:
            if part.get("type") == "object":
                _key_texts(name, part)


def _key_texts(name: str, block: Schema) -> None:
    for key, spec in block.get("properties", {}).items():
        title, description = KEYS.get((name, key)) or KEYS.get(key, (None, None))
        spec.pop("title", None)
        if title is not None:
            if "$ref" in spec:  # Why: draft 7 ignores whatever stands beside a $ref
                spec["allOf"] = [{"$ref": spec.pop("$ref")}]
            spec["title"] = title
            spec.setdefault("description", description)
