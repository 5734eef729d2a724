"""The JSON Schema of les.yaml, so editors can autocomplete and check while authors type."""

from __future__ import annotations

from typing import Any

from generators.lesson.source_model import Les


def lesson_json_schema() -> dict[str, Any]:
    schema = Les.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Lesbestand (les.yaml) voor lespakket"
    return schema
