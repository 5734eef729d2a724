"""Shared fixtures: the repository paths and a loaded project."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = Path(__file__).resolve().parent / "fixtures" / "varianten" / "lessons"


@pytest.fixture(scope="session")
def project():
    from generators.build.pipeline import load_project

    loaded = load_project([ROOT / "lessons"])
    assert not loaded.diagnostics.has_errors(), [d.format() for d in loaded.diagnostics.items]
    return loaded


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """A working folder holding the small two-audience fixture lesson in lessons/."""
    import shutil

    shutil.copytree(VARIANTS, tmp_path / "lessons")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def lesson_copies():
    """`lesson_copies(root, ids)` copies the fixture lesson to root/lessons/proef/<id> for each id, with that id;
    returns {id: path of its les.yaml}."""
    import shutil

    def make(root: Path, ids: list[str]) -> dict[str, Path]:
        files = {}
        for lesson_id in ids:
            folder = root / "lessons" / "proef" / lesson_id
            shutil.copytree(VARIANTS / "proef" / "varianten", folder)
            text = (folder / "les.yaml").read_text(encoding="utf-8").replace("id: varianten", f"id: {lesson_id}")
            (folder / "les.yaml").write_text(text, encoding="utf-8")
            files[lesson_id] = folder / "les.yaml"
        return files

    return make
