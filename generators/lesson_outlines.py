"""What a build remembers of each checked lesson (its id, document outlines and check warnings), so the next build
need not read, validate and resolve a lesson that did not change."""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path

from .build_inputs import output_cache_file
from .lesson_document import LessonDocument
from .paths import read_cached_pickle, store_in_cache


@dataclass(frozen=True)
class LessonOutline:
    lesson_id: str
    documents: tuple[LessonDocument, ...]  # outlines (LessonDocument.outline), one per audience
    checks: tuple[dict, ...]  # the lesson's check warnings, as Diagnostic records


class OutlineCache:
    """Outlines of the lessons of one output folder, by `outline_key`, kept in the user's cache folder.

    Why outside output/: output/ must be byte-identical however it was built. Why pickle: outlines are
    our own dataclasses, the file is written by this code into the user's own cache, and every key
    includes the code version, so an outline is only read back by the code that wrote it.
    Each build keeps only the lessons it met, so the file does not grow with old versions.
    """

    def __init__(self, output: Path):
        self.path = output_cache_file(output, ".lessen.pickle")
        self.stored = self._load()
        self.kept: dict[str, LessonOutline] = {}

    def _load(self) -> dict[str, LessonOutline]:
        return read_cached_pickle(self.path, dict) or {}

    def get(self, key: str) -> LessonOutline | None:
        found = self.stored.get(key)
        return found if isinstance(found, LessonOutline) else None

    def keep(self, key: str, outline: LessonOutline) -> None:
        self.kept[key] = outline

    def save(self) -> None:
        """Best effort: without a cache, the next build reads every lesson again."""
        if self.path is not None:
            store_in_cache(self.path, pickle.dumps(self.kept, protocol=pickle.HIGHEST_PROTOCOL))
