"""Syllable counts are pyphen's, remembered across processes in the user's cache, and a bad store only costs time."""

from __future__ import annotations

import json

import pyphen
import pytest

from generators import syllables
from generators.syllables import SyllableCounts

WORDS = ["lettergrepen", "vertrouwenspersoon", "uitbuiting", "klas", "meldcode", "slachtoffer", "één"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "lespakket" / "lettergrepen"


def pyphen_count(word: str) -> int:
    return len(pyphen.Pyphen(lang="nl_NL").positions(word)) + 1


def no_hyphenation(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("hyphenated a word the store knows")

    monkeypatch.setattr(syllables, "load_dutch_patterns", refuse)
    monkeypatch.setattr(syllables.pyphen, "Pyphen", refuse)


def test_counts_are_pyphens_and_the_next_process_reads_them_instead_of_hyphenating(cache, monkeypatch):
    first = SyllableCounts()
    counts = [first.count(w) for w in WORDS]
    assert counts == [pyphen_count(w) for w in WORDS]
    assert counts[:3] == [4, 5, 3]
    first.save()
    (stored,) = cache.glob("nl_NL-*.json")

    no_hyphenation(monkeypatch)
    assert [SyllableCounts().count(w) for w in WORDS] == counts
    assert json.loads(stored.read_text(encoding="utf-8")) == dict(zip(WORDS, counts))


def test_new_words_are_added_to_the_store(cache):
    first = SyllableCounts()
    first.count("klas")
    first.save()
    second = SyllableCounts()
    second.count("klas")
    second.count("lettergrepen")
    second.save()
    (stored,) = cache.glob("*.json")
    assert json.loads(stored.read_text(encoding="utf-8")) == {"klas": 1, "lettergrepen": 4}


@pytest.mark.parametrize("content", [b"", b"{kapot", b"[1, 2]", b'{"klas": "twee"}', b'{"klas": 2.5}'])
def test_a_damaged_store_is_counted_again(cache, content):
    first = SyllableCounts()
    first.count("klas")
    first.save()
    (stored,) = cache.glob("*.json")
    stored.write_bytes(content)
    again = SyllableCounts()
    assert again.count("klas") == 1 and again.count("lettergrepen") == 4
    again.save()
    assert json.loads(stored.read_text(encoding="utf-8")) == {"klas": 1, "lettergrepen": 4}


def test_another_dictionary_gets_its_own_store(cache, monkeypatch):
    first = SyllableCounts()
    first.count("klas")
    first.save()
    monkeypatch.setattr(syllables, "dictionary_id", lambda: "nl_NL-0.0-anders")
    other = SyllableCounts()
    other.count("lettergrepen")
    other.save()
    stores = [json.loads(p.read_text(encoding="utf-8")) for p in cache.glob("*.json")]
    assert sorted(stores, key=str) == [{"klas": 1}, {"lettergrepen": 4}]


def test_the_store_starts_afresh_past_its_bound(cache, monkeypatch):
    monkeypatch.setattr(syllables, "MAX_WORDS", 3)
    counter = SyllableCounts()
    for word in WORDS:
        counter.count(word)
    counter.save()
    assert not any(json.loads(p.read_text(encoding="utf-8")) for p in cache.glob("*.json"))
    counter.count("klas")
    counter.save()
    (stored,) = cache.glob("*.json")
    assert json.loads(stored.read_text(encoding="utf-8")) == {"klas": 1}


def test_without_a_cache_folder_counting_still_works(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    counter = SyllableCounts()
    assert [counter.count(w) for w in WORDS] == [pyphen_count(w) for w in WORDS]
    counter.save()
