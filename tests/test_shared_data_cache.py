"""The bundled shared data comes from the user cache while code and assets are unchanged; anything else is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators import paths, shared_data_cache
from generators.diagnostics import Diagnostics, Location
from generators.paths import DATA_DIR
from generators.shared_data import load_shared_data
from generators.shared_data_cache import cached_shared_data

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "lespakket" / "gegevens"


def refuse_to_read(monkeypatch) -> None:
    def read(data_dir, diagnostics):
        raise AssertionError("read the data files instead of the cache")

    monkeypatch.setattr(shared_data_cache, "load_shared_data", read)


def summary(data) -> tuple:
    return (data.audience_ids, sorted(data.helplines), sorted(data.core_goals), data.items("signalen"),
            data.doelgroepen.source.location(("doelgroepen", 1, "id")))


def test_the_second_build_gets_the_same_data_from_the_cache(cache_home, monkeypatch):
    first = cached_shared_data(DATA_DIR, Diagnostics())
    assert summary(first) == summary(load_shared_data(DATA_DIR, Diagnostics()))
    assert len(list(cache_home.iterdir())) == 1

    refuse_to_read(monkeypatch)
    assert summary(cached_shared_data(DATA_DIR, Diagnostics())) == summary(first)


def test_changed_code_or_assets_read_the_data_again(cache_home, monkeypatch):
    cached_shared_data(DATA_DIR, Diagnostics())
    monkeypatch.setattr(shared_data_cache, "code_and_assets_digest", lambda: "f" * 64)
    read = []
    monkeypatch.setattr(shared_data_cache, "load_shared_data", lambda d, diags: read.append(d) or load_shared_data(d, diags))
    assert cached_shared_data(DATA_DIR, Diagnostics()) is not None
    assert read == [DATA_DIR] and len(list(cache_home.iterdir())) == 2


def test_another_pydantic_reads_the_data_again(cache_home, monkeypatch):
    cached_shared_data(DATA_DIR, Diagnostics())
    monkeypatch.setattr(shared_data_cache.pydantic, "VERSION", "99.0.0")
    read = []
    monkeypatch.setattr(shared_data_cache, "load_shared_data", lambda d, diags: read.append(d) or load_shared_data(d, diags))
    assert cached_shared_data(DATA_DIR, Diagnostics()) is not None
    assert read == [DATA_DIR] and len(list(cache_home.iterdir())) == 2


def test_warnings_of_the_data_come_back_with_the_cached_data(cache_home, monkeypatch):
    def read_with_warning(data_dir, diagnostics):
        diagnostics.warning("proef", "Een waarschuwing over de gegevens.", Location("assets/data/signalen.yaml", 3, 5))
        return load_shared_data(data_dir, diagnostics)

    monkeypatch.setattr(shared_data_cache, "load_shared_data", read_with_warning)
    first = Diagnostics()
    cached_shared_data(DATA_DIR, first)
    refuse_to_read(monkeypatch)
    again = Diagnostics()
    assert cached_shared_data(DATA_DIR, again) is not None
    assert [d.format() for d in again.items] == [d.format() for d in first.items] != []


def test_other_data_folders_and_data_with_errors_are_never_cached(cache_home, tmp_path):
    broken = tmp_path / "data"
    broken.mkdir()
    for source in DATA_DIR.iterdir():
        (broken / source.name).write_bytes(source.read_bytes())
    (broken / "hulplijnen.yaml").write_text("hulplijnen: [\n", encoding="utf-8")
    diagnostics = Diagnostics()
    assert cached_shared_data(broken, diagnostics) is None and diagnostics.has_errors()
    assert cached_shared_data(broken, Diagnostics()) is None
    assert not cache_home.exists()


@pytest.mark.parametrize("damage", [b"", b"niet af", b"\x80\x05K\x01."], ids=["empty", "garbage", "other-object"])
def test_a_damaged_cache_file_is_read_again(cache_home, damage):
    first = cached_shared_data(DATA_DIR, Diagnostics())
    [path] = cache_home.iterdir()
    path.write_bytes(damage)
    assert summary(cached_shared_data(DATA_DIR, Diagnostics())) == summary(first)
    assert path.read_bytes() != damage


def test_without_a_cache_folder_the_data_is_read(monkeypatch):
    def no_home(name):
        raise RuntimeError("no home folder")

    monkeypatch.setattr(paths, "cache_dir", no_home)
    assert cached_shared_data(DATA_DIR, Diagnostics()) is not None
