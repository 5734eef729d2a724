"""Where the project's folders are: lessons and output relative to the working folder, assets beside the code."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ASSETS_DIR = PACKAGE_DIR.parent / "assets"
DATA_DIR = ASSETS_DIR / "data"
DEFAULT_LESSONS = Path("lessons")
DEFAULT_OUTPUT = Path("output")


def artifact_path(series: str, lesson_id: str, audience: str, filename: str) -> str:
    """The one place that decides where an artifact lives under output/."""
    return f"{series}/{lesson_id}/{audience}/{filename}"
