"""Syllable counts of Dutch words, kept in the user's cache folder, so that a lint hyphenates only the words it has not met.

Why: a lint counts the syllables of every word of a lesson with pyphen's Dutch hyphenation. Parsing
pyphen's dictionary and hyphenating a lesson's words cost an edited lesson about half a second of the
build's own CPU, while the workers render on the same cores; an edited lesson has few words that
earlier builds have not met. Measured with and without in one run of benchmarks/bench_build.py (3
rounds): without it, one lesson edited took 1.31 and one lesson for one audience 1.28 times as long. The store is JSON behind a sha256 (user_cache.store_checked), named after pyphen's version and
its dictionary file: a damaged store is dropped and every word counted again, with the same counts.
"""

from __future__ import annotations

import json

import pyphen

from generators.user_cache import cache_file, read_checked, store_checked

LANGUAGE = "nl_NL"
MAX_WORDS = 100_000  # Why a bound: years of editing must not grow the store without end; past this it starts afresh
KEPT_STORES = 4  # Why more than one: each installation of pyphen (a venv) has its own dictionary file
RULE = "punten+1"  # in the store's name: counted otherwise, it would need a store of its own


class SyllableCounts:
    """Hyphenation points + 1 per word, as textstat counts Dutch syllables, remembered across builds."""

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
        path = _store()
        if not self._added or path is None or self._counts is None:
            return
        if len(self._counts) > MAX_WORDS:
            self._counts = {}
        store_checked(path, json.dumps(self._counts, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                      keep=KEPT_STORES)
        self._added = 0

    def _load(self) -> dict[str, int]:
        if self._counts is None:
            self._counts = {}
            stored = read_checked(_store())
            try:
                counts = json.loads(stored) if stored is not None else None
            except ValueError:
                counts = None
            if isinstance(counts, dict) and all(type(v) is int for v in counts.values()):
                self._counts = counts
        return self._counts

    def _hyphenator(self) -> pyphen.Pyphen:
        if self._hyphenation is None:
            self._hyphenation = pyphen.Pyphen(lang=LANGUAGE)
        return self._hyphenation


def _store():
    """Named after pyphen's version and its Dutch dictionary file; None when either is unknown."""
    try:
        dictionary = pyphen.LANGUAGES[pyphen.language_fallback(LANGUAGE)]
        stat = dictionary.stat()
    except (KeyError, OSError, TypeError):
        return None
    return cache_file("lettergrepen", f"{LANGUAGE}-{pyphen.__version__}-{stat.st_size}-{stat.st_mtime_ns}-{RULE}.json")
