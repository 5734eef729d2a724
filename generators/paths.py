"""Where the project's folders are: lessons and output relative to the working folder, assets beside the code."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ASSETS_DIR = PACKAGE_DIR.parent / "assets"
DATA_DIR = ASSETS_DIR / "data"
DEFAULT_LESSONS = Path("lessons")
DEFAULT_OUTPUT = Path("output")


def artifact_path(series: str, lesson_id: str, audience: str, filename: str) -> str:
    """The one place that decides where an artifact lives under output/."""
    return f"{series}/{lesson_id}/{audience}/{filename}"


def cache_dir(name: str) -> Path:
    """A folder of ours under the user's cache (XDG_CACHE_HOME or ~/.cache); RuntimeError without a home folder."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lespakket" / name


def store_in_cache(target: Path, content: bytes) -> None:
    """Write a cache file whole or not at all; best effort, since a cache that cannot be written only costs time."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(content)
        os.replace(partial, target)
    except OSError:
        pass
