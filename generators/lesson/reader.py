"""Find lesson files (lessons/<reeks>/<les-id>/les.yaml)."""

from __future__ import annotations

import os
from pathlib import Path

from generators.diagnostics import Diagnostics, Location, display_path

LESSON_FILE = "les.yaml"


def discover_lesson_files(paths: list[Path], diagnostics: Diagnostics) -> list[Path]:
    """Every les.yaml under the given folders, plus the given files, sorted and without repeats.

    Why anything named les.yaml counts, also a folder, a FIFO or a broken link: reading it says what is
    wrong with it, where leaving it out would drop a lesson without a word. Why only the folder is
    resolved: a les.yaml that is a link belongs to the folder it stands in, and a loop of links
    cannot be resolved at all.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for folder, dirs, names in os.walk(path):
                dirs.sort()
                if LESSON_FILE in names or LESSON_FILE in dirs:
                    found.append(Path(folder) / LESSON_FILE)
        elif os.path.lexists(path):
            found.append(path)
        else:
            diagnostics.error("pad-onbekend", "Dit bestand of deze map bestaat niet.", Location(display_path(path)))
    return sorted(dict.fromkeys(p.parent.resolve() / p.name for p in found))
