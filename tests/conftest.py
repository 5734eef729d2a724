"""Shared fixtures: the repository paths and a loaded project."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = Path(__file__).resolve().parent / "fixtures" / "varianten" / "lessons"


@pytest.fixture(scope="session")
def project():
    from generators.build import load_project

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
