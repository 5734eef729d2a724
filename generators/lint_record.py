"""Lint warnings per lesson, kept in the build record and reused while the lesson and shared inputs are unchanged.

Why: measuring readability syllable by syllable (and loading the hyphenation patterns for it)
took half a second per build, most of it for lessons nobody had touched.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .build_inputs import code_and_assets_digest, tree_digest
from .diagnostics import Diagnostic, Diagnostics, display_path
from .lesson_lint import lint_lesson, load_language_rules
from .model_loading import Loaded
from .shared_data import SharedData
from .source_model import Les


def lint_key(lesson_file: Path) -> str:
    """The lesson folder, the code and shared data, and how the file is named in messages."""
    parts = [code_and_assets_digest(), tree_digest(lesson_file.parent), display_path(lesson_file)]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def lint_with_record(lessons: list[Loaded[Les]], data: SharedData, diagnostics: Diagnostics, data_dir: Path,
                     stored: dict[str, dict]) -> dict[str, dict]:
    """Add every lesson's warnings to `diagnostics`; return the record to store for the next build."""
    rules = None
    record: dict[str, dict] = {}
    for loaded in lessons:
        key = lint_key(loaded.source.path)
        previous = stored.get(loaded.model.id, {})
        if previous.get("sleutel") == key:
            found = [Diagnostic.from_record(d) for d in previous.get("meldingen", [])]
        else:
            if rules is None:
                rules = load_language_rules(data_dir, diagnostics)
            found = lint_lesson(loaded, data, rules)
        diagnostics.extend(found)
        record[loaded.model.id] = {"sleutel": key, "meldingen": [d.to_record() for d in found]}
    return record
