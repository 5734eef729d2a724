"""The digest of code and shared assets is hashed again only when a file's size or time changed."""

from __future__ import annotations

import json
import os

import pytest

from generators import build_inputs, paths
from generators.build_inputs import code_and_assets_digest


@pytest.fixture
def trees(tmp_path, monkeypatch):
    """Code and assets folders of our own, and a cache of our own."""
    code, assets = tmp_path / "generators", tmp_path / "assets"
    (code / "__pycache__").mkdir(parents=True)
    (assets / "fonts").mkdir(parents=True)
    (code / "build.py").write_text("print('x')\n")
    (code / "__pycache__" / "build.cpython-311.pyc").write_bytes(b"bytecode")
    (assets / "fonts" / "font.ttf").write_bytes(b"\0font")
    monkeypatch.setattr(build_inputs, "PACKAGE_DIR", code)
    monkeypatch.setattr(build_inputs, "ASSETS_DIR", assets)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    code_and_assets_digest.cache_clear()
    yield code, assets, tmp_path / "cache" / "lespakket" / "code"
    code_and_assets_digest.cache_clear()


def hashed(monkeypatch) -> list[str]:
    """Forget the digest of this process; the list fills with each folder hashed from now on."""
    code_and_assets_digest.cache_clear()
    seen: list[str] = []
    real = build_inputs.tree_digest
    monkeypatch.setattr(build_inputs, "tree_digest", lambda root: seen.append(root.name) or real(root))
    return seen


def test_unchanged_sizes_and_times_reuse_the_stored_digest(trees, monkeypatch):
    first = code_and_assets_digest()
    seen = hashed(monkeypatch)
    assert code_and_assets_digest() == first and seen == []


@pytest.mark.parametrize("change", ["code", "font", "new-file"])
def test_a_changed_file_is_hashed_again_and_changes_the_digest(trees, monkeypatch, change):
    code, assets, _ = trees
    first = code_and_assets_digest()
    seen = hashed(monkeypatch)
    if change == "code":
        (code / "build.py").write_text("print('y')\n")
        os.utime(code / "build.py", ns=(2, 2))
    elif change == "font":
        (assets / "fonts" / "font.ttf").write_bytes(b"\0FONT")
        os.utime(assets / "fonts" / "font.ttf", ns=(1, 1))
    else:
        (assets / "extra.yaml").write_text("a: 1\n")

    changed = code_and_assets_digest()
    assert seen == ["generators", "assets"] and changed != first
    code_and_assets_digest.cache_clear()
    assert code_and_assets_digest() == changed == build_inputs._joined_digest(
        [build_inputs.tree_digest(code), build_inputs.tree_digest(assets)])


def test_bytecode_does_not_count(trees, monkeypatch):
    code, _, _ = trees
    first = code_and_assets_digest()
    seen = hashed(monkeypatch)
    (code / "__pycache__" / "build.cpython-311.pyc").write_bytes(b"other bytecode")
    assert code_and_assets_digest() == first and seen == []


@pytest.mark.parametrize("damage", ["{half", "[]", '{"bestanden": 1}', "other-sizes"])
def test_a_damaged_store_is_hashed_again(trees, monkeypatch, damage):
    first = code_and_assets_digest()
    [path] = trees[2].iterdir()
    if damage == "other-sizes":
        stored = json.loads(path.read_text())
        path.write_text(json.dumps({**stored, "bestanden": stored["bestanden"] + "0", "sleutel": "verkeerd"}))
    else:
        path.write_text(damage)
    seen = hashed(monkeypatch)
    assert code_and_assets_digest() == first and seen == ["generators", "assets"]


def test_without_a_cache_folder_the_digest_is_still_right(trees, monkeypatch):
    first = code_and_assets_digest()

    def no_home(name):
        raise RuntimeError("no home folder")

    monkeypatch.setattr(paths, "cache_dir", no_home)
    seen = hashed(monkeypatch)
    assert code_and_assets_digest() == first and seen == ["generators", "assets"]
