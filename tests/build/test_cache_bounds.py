"""The user cache stays bounded: each folder keeps only its most recently written (or, for slide images, used) files."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from generators.build import inputs as build_inputs
from generators.publish import previews
from generators.build.pipeline import build
from generators.build.inputs import BuildRequest
from generators.user_cache import store_in_cache

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _aged(folder: Path, names: list[str]) -> None:
    """Files named `names`, each written a minute after the one before."""
    folder.mkdir(parents=True, exist_ok=True)
    for minute, name in enumerate(names):
        (folder / name).write_bytes(name.encode())
        os.utime(folder / name, (minute * 60, minute * 60))


def test_storing_with_keep_removes_the_oldest_files(tmp_path):
    folder = tmp_path / "cache"
    _aged(folder, ["a", "b", "c", "d", "e"])

    store_in_cache(folder / "nieuw", b"x", keep=3)

    assert sorted(p.name for p in folder.iterdir()) == ["d", "e", "nieuw"]


def test_storing_without_keep_removes_nothing(tmp_path):
    folder = tmp_path / "cache"
    _aged(folder, ["a", "b", "c"])
    store_in_cache(folder / "nieuw", b"x")
    assert len(list(folder.iterdir())) == 4


def test_builds_into_many_output_folders_keep_the_cache_of_the_latest(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LESPAKKET_DIAVOORBEELDEN", "0")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(build_inputs, "CACHED_OUTPUT_FILES", 2)
    shutil.copytree(FIXTURES / "varianten" / "lessons", tmp_path / "lessons")
    for number in range(4):
        build(BuildRequest(lesson_paths=[Path("lessons")], output=Path(f"uit-{number}"), jobs=0))

    kept = {p.name for p in (tmp_path / "cache" / "lespakket" / "bouw").iterdir()}
    latest = {build_inputs.output_cache_file(Path(f"uit-{n}"), ".json").name for n in (2, 3)}
    assert latest == kept


def _pdf() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(320, 180))
    canvas.drawString(20, 90, "Dia")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture
def slide_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(previews, "KEPT_SLIDE_IMAGES", 2)
    monkeypatch.setattr(previews, "slides_available", lambda: True)
    converted: list[str] = []

    def convert(decks):
        converted.extend(decks)
        return {key: _pdf() for key in decks}

    monkeypatch.setattr(previews, "_convert", convert)
    return converted


def test_slide_images_used_again_outlive_newer_ones(slide_cache, tmp_path):
    folder = tmp_path / "lespakket" / "dia-voorbeelden"
    previews.decks_first_slides_png({"a": b"deck a"})
    previews.decks_first_slides_png({"b": b"deck b"})
    (image_a,) = [p for p in folder.iterdir() if p == previews._cache_path(b"deck a", 1, 0)]
    (image_b,) = [p for p in folder.iterdir() if p != image_a]
    os.utime(image_a, (0, 0))  # made long ago,
    os.utime(image_b, (60, 60))  # and this a minute later
    previews.decks_first_slides_png({"a": b"deck a"})  # used again, so newer than b
    previews.decks_first_slides_png({"c": b"deck c"})

    slide_cache.clear()
    previews.decks_first_slides_png({"a": b"deck a", "b": b"deck b", "c": b"deck c"})

    assert slide_cache == ["b"]
    assert len(list(folder.iterdir())) == 2
