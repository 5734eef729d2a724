"""The explicit table of artifact generators: which file each one writes and where its code lives."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .lesson_document import LessonDocument


@dataclass(frozen=True)
class RenderOptions:
    """What renderers may know beyond the document: where assets live and an optional school template."""

    assets_dir: Path
    template: Path | None = None


Render = Callable[[LessonDocument, RenderOptions], bytes]


@dataclass(frozen=True)
class Generator:
    kind: str
    filename: str
    target: str  # "module:function"; imported only when a build renders

    def load(self) -> Render:
        """Why: lazy import keeps `check`, `list` and no-op builds free of python-pptx and reportlab."""
        module, _, function = self.target.partition(":")
        return getattr(importlib.import_module(module), function)


GENERATORS: tuple[Generator, ...] = ()
