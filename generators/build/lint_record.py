"""Lint warnings per lesson, kept in the build record and reused while the lesson and shared inputs are unchanged.

Why: measuring readability syllable by syllable (and loading the hyphenation patterns for it)
took half a second per build, most of it for lessons nobody had touched.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generators.build.inputs import code_and_assets_digest, tree_digest
from generators.diagnostics import Diagnostic, Diagnostics, display_path
from generators.lesson.lint import lint_lesson, load_language_rules
from generators.lesson.model_loading import Loaded
from generators.data.shared import SharedData
from generators.lesson.source_model import Les


def lint_key(lesson_file: Path, folder_digest: str | None = None) -> str:
    """The lesson folder (`tree_digest`, computed when not given), the code and shared data, and how the file is
    named in messages."""
    folder = folder_digest if folder_digest is not None else tree_digest(lesson_file.parent)
    parts = [code_and_assets_digest(), folder, display_path(lesson_file)]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


class RecordedLint:
    """Lints lessons one at a time, reusing the warnings `stored` for unchanged ones.

    `found` holds the warnings and `record` what to store for the next build; `diagnostics` gets only
    problems with the language rules themselves.
    """

    def __init__(self, data: SharedData, diagnostics: Diagnostics, data_dir: Path, stored: dict[str, dict]):
        self.data, self.diagnostics, self.data_dir, self.stored = data, diagnostics, data_dir, stored
        self.found: list[Diagnostic] = []
        self.record: dict[str, dict] = {}
        self._rules = None

    def lint(self, loaded: Loaded[Les], folder_digest: str | None = None) -> None:
        key = lint_key(loaded.source.path, folder_digest)
        if self.reuse(loaded.model.id, key):
            return
        if self._rules is None:
            self._rules = load_language_rules(self.data_dir, self.diagnostics)
        self._keep(loaded.model.id, key, lint_lesson(loaded, self.data, self._rules))

    def stored_for(self, lesson_id: str, key: str) -> bool:
        """Whether the record holds the warnings of this lesson as it is now (`key`)."""
        return self.stored.get(lesson_id, {}).get("sleutel") == key

    def reuse(self, lesson_id: str, key: str) -> bool:
        """Take the stored warnings of an unchanged lesson; False when there are none for this `key`."""
        if not self.stored_for(lesson_id, key):
            return False
        previous = self.stored[lesson_id]
        self._keep(lesson_id, key, [Diagnostic.from_record(d) for d in previous.get("meldingen", [])])
        return True

    def _keep(self, lesson_id: str, key: str, found: list[Diagnostic]) -> None:
        self.found += found
        self.record[lesson_id] = {"sleutel": key, "meldingen": [d.to_record() for d in found]}
