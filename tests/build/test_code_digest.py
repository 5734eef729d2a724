"""The digest of code and shared assets changes with every file that can change an output, and only with those."""

from __future__ import annotations

import pytest

from generators.build import inputs as build_inputs
from generators.build.inputs import code_and_assets_digest


@pytest.fixture
def trees(tmp_path, monkeypatch):
    """Code and assets folders of our own."""
    code, assets = tmp_path / "generators", tmp_path / "assets"
    (code / "__pycache__").mkdir(parents=True)
    (assets / "fonts").mkdir(parents=True)
    (code / "build.py").write_text("print('x')\n")
    (code / "__pycache__" / "build.cpython-311.pyc").write_bytes(b"bytecode")
    (assets / "fonts" / "font.ttf").write_bytes(b"\0font")
    monkeypatch.setattr(build_inputs, "PACKAGE_DIR", code)
    monkeypatch.setattr(build_inputs, "ASSETS_DIR", assets)
    code_and_assets_digest.cache_clear()
    yield code, assets
    code_and_assets_digest.cache_clear()


@pytest.mark.parametrize("change", ["code", "font", "new-file"])
def test_a_changed_file_changes_the_digest(trees, change):
    code, assets = trees
    first = code_and_assets_digest()
    if change == "code":
        (code / "build.py").write_text("print('y')\n")
    elif change == "font":
        (assets / "fonts" / "font.ttf").write_bytes(b"\0FONT")
    else:
        (assets / "extra.yaml").write_text("a: 1\n")
    code_and_assets_digest.cache_clear()
    assert code_and_assets_digest() != first


def test_bytecode_does_not_count(trees):
    code, _ = trees
    first = code_and_assets_digest()
    (code / "__pycache__" / "build.cpython-311.pyc").write_bytes(b"other bytecode")
    code_and_assets_digest.cache_clear()
    assert code_and_assets_digest() == first
