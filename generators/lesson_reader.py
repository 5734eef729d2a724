"""Find lesson files (lessons/<reeks>/<les-id>/les.yaml) and read each into the source model."""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostics, Location, display_path
from .model_loading import Loaded, load_model
from .source_model import Les

LESSON_FILE = "les.yaml"


def discover_lesson_files(paths: list[Path], diagnostics: Diagnostics) -> list[Path]:
    """Every les.yaml under the given folders, plus the given files, sorted and without repeats."""
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(p for p in path.rglob(LESSON_FILE) if p.is_file())
        else:
            diagnostics.error("pad-onbekend", "Dit bestand of deze map bestaat niet.", Location(display_path(path)))
    return sorted(dict.fromkeys(p.resolve() for p in found))


def read_lessons(files: list[Path], diagnostics: Diagnostics) -> list[Loaded[Les]]:
    lessons = []
    for path in files:
        loaded = load_model(path, Les, diagnostics, kind="lesbestand")
        if loaded is not None:
            lessons.append(loaded)
    return lessons
