"""Load one YAML file into one strict model, reporting every problem with its location."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from generators.diagnostics import Diagnostics, display_path
from generators.lesson.schema_errors import validation_to_diagnostics
from generators.lesson.yaml_source import SourceFile, read_yaml

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated model together with the file it came from (for locations in later checks)."""

    model: M
    source: SourceFile


def _plain(node: Any) -> Any:
    """Why: pydantic is faster and its errors simpler on plain dicts/lists than on ruamel's types."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def load_model(path: Path, model: type[M], diagnostics: Diagnostics, *, kind: str = "bestand") -> Loaded[M] | None:
    source = read_yaml(path, display_path(path), diagnostics, kind=kind)
    if source is None:
        return None
    try:
        value = model.model_validate(_plain(source.tree))
    except ValidationError as exc:
        validation_to_diagnostics(exc, source, model, diagnostics)
        return None
    return Loaded(value, source)
