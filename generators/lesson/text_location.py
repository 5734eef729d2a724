"""Line and column of a piece of text inside a value of a lesson file, also when a folded block spans lines."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from generators.diagnostics import Location
from generators.lesson.yaml_source import SourceFile


class TextLocator:
    """Why: a long text is a folded block of several lines; the author needs the line of the sentence or number."""

    def __init__(self, source: SourceFile):
        self.source = source

    @cached_property
    def _raw(self) -> tuple[str, list[int]]:
        try:
            text = self.source.path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            text = ""
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        return text, starts

    def locate(self, loc: tuple[Any, ...], snippet: str | None = None) -> Location:
        """The value at `loc`; with a snippet, where its first three words start inside that value."""
        base = self.source.location(loc)
        raw, starts = self._raw
        if not snippet or base.line <= 0 or base.line > len(starts):
            return base
        head = snippet.split()[:3]
        pattern = r"\s+".join(re.escape(w) for w in head)
        found = re.compile(pattern).search(raw, starts[base.line - 1] + base.column - 1)
        if not found:
            return base
        line = raw.count("\n", 0, found.start())
        return Location(base.path, line + 1, found.start() - starts[line] + 1)
