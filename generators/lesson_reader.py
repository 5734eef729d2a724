"""Find lesson files (lessons/<reeks>/<les-id>/les.yaml)."""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostics, Location, display_path

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
