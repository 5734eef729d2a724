"""Shared fixtures: the repository paths and a loaded project."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def project():
    from generators.build import load_project

    loaded = load_project([ROOT / "lessons"])
    assert not loaded.diagnostics.has_errors(), [d.format() for d in loaded.diagnostics.items]
    return loaded
