"""Syllable counts of Dutch words, kept in the user's cache folder, so that a lint hyphenates only the words it has not met."""

from __future__ import annotations

import json

import pyphen

from .hyphenation import KEPT_DICTIONARIES, LANGUAGE, dictionary_id, load_dutch_patterns
from .paths import cache_file, store_in_cache

# Why a bound: years of editing must not grow the store without end; past this it starts afresh.
MAX_WORDS = 100_000
RULE = "punten+1"  # in the store's name: counted otherwise, it would need a store of its own


class SyllableCounts:
    """Hyphenation points + 1 per word, as textstat counts Dutch syllables, remembered across builds.

    Why: hyphenating a lesson's 300-odd words took 25-40 ms of the build's own CPU, and reading the
    patterns for it another 12 ms, while the workers render on the same cores; an edited lesson
    has few words that earlier builds have not met.
    """

    def __init__(self) -> None:
        self._counts: dict[str, int] | None = None
        self._added = 0
        self._hyphenation: pyphen.Pyphen | None = None

    def count(self, word: str) -> int:
        counts = self._load()
        known = counts.get(word)
        if known is None:
            known = counts[word] = len(self._hyphenator().positions(word)) + 1
            self._added += 1
        return known

    def save(self) -> None:
        """Keep the counts of new words for the next process (best effort)."""
        path = self._path()
        if not self._added or path is None or self._counts is None:
            return
        if len(self._counts) > MAX_WORDS:
            self._counts = {}
        store_in_cache(path, json.dumps(self._counts, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                       keep=KEPT_DICTIONARIES)
        self._added = 0

    def _load(self) -> dict[str, int]:
        if self._counts is None:
            self._counts = {}
            path = self._path()
            try:
                stored = json.loads(path.read_bytes()) if path is not None else None
            except (OSError, ValueError):
                stored = None
            if isinstance(stored, dict) and all(type(v) is int for v in stored.values()):
                self._counts = stored
        return self._counts

    def _hyphenator(self) -> pyphen.Pyphen:
        if self._hyphenation is None:
            load_dutch_patterns()
            self._hyphenation = pyphen.Pyphen(lang=LANGUAGE)
        return self._hyphenation

    @staticmethod
    def _path():
        name = dictionary_id()
        return cache_file("lettergrepen", f"{name}-{RULE}.json") if name is not None else None
