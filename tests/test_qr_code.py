"""QR codes come from the user's cache when they can, exactly as encoded, and a bad cache never changes a code."""

from __future__ import annotations

import json

import pytest

from generators import qr_code
from generators.qr_code import qr_rectangles

URL = "https://www.voorbeeld-hulplijn.nl"
SIZE = 48.18897637795276


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    qr_rectangles.cache_clear()
    yield tmp_path / "cache" / "lespakket" / "qr"
    qr_rectangles.cache_clear()


def fresh_process(monkeypatch) -> None:
    """Forget what this process encoded, and fail on any encoding from now on."""
    qr_rectangles.cache_clear()

    def encode(text, size):
        raise AssertionError("encoded again instead of reading the cache")

    monkeypatch.setattr(qr_code, "_encode", encode)


def test_a_new_process_reads_the_code_from_the_cache_exactly_as_encoded(cache_home, monkeypatch):
    encoded = qr_code._encode(URL, SIZE)
    assert len(encoded) > 100 and qr_rectangles(URL, SIZE) == encoded
    assert len(list(cache_home.iterdir())) == 1

    fresh_process(monkeypatch)
    assert qr_rectangles(URL, SIZE) == encoded


def test_each_text_and_size_has_its_own_code(cache_home):
    codes = {qr_rectangles(URL, SIZE), qr_rectangles(URL + "/hulp", SIZE), qr_rectangles(URL, SIZE * 2)}
    assert len(codes) == 3 and len(list(cache_home.iterdir())) == 3


@pytest.mark.parametrize("damage", [
    lambda stored: b"{niet af",
    lambda stored: json.dumps({**stored, "vlakken": []}).encode(),
    lambda stored: json.dumps({**stored, "vlakken": [[1, 2, 3]] * 5}).encode(),
    lambda stored: json.dumps({**stored, "vlakken": [[1, 2, 3, "4"]] * 5}).encode(),
    lambda stored: json.dumps({**stored, "tekst": "https://een-andere.nl", "vlakken": [[0, 0, 1, 1]] * 5}).encode(),
    lambda stored: json.dumps([1, 2]).encode(),
], ids=["half", "empty", "three-numbers", "text-number", "other-code", "not-an-object"])
def test_a_damaged_or_foreign_cache_file_is_encoded_again(cache_home, damage):
    encoded = qr_rectangles(URL, SIZE)
    [path] = cache_home.iterdir()
    path.write_bytes(damage(json.loads(path.read_bytes())))
    qr_rectangles.cache_clear()

    assert qr_rectangles(URL, SIZE) == encoded
    assert json.loads(path.read_bytes())["vlakken"] == [list(r) for r in encoded]


def test_a_cache_in_the_way_of_its_folder_only_costs_time(cache_home):
    cache_home.parent.mkdir(parents=True)
    cache_home.write_text("geen map")
    assert qr_rectangles(URL, SIZE) == qr_code._encode(URL, SIZE)


def test_the_cache_keeps_only_the_newest_codes(cache_home, monkeypatch):
    monkeypatch.setattr(qr_code, "KEPT_CODES", 3)
    for number in range(5):
        qr_rectangles(f"{URL}/{number}", SIZE)
    assert len(list(cache_home.iterdir())) == 3
