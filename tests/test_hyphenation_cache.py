"""The parsed Dutch hyphenation patterns are kept in the user's cache and give the same hyphenation."""

from __future__ import annotations

import pyphen

from generators import hyphenation


def _fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(pyphen, "hdcache", {})


def test_patterns_are_parsed_once_and_read_back_from_the_cache(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    hyphenation.load_dutch_patterns()
    stored = list((tmp_path / "lespakket" / "afbreken").glob("nl_NL-*.pickle"))
    assert len(stored) == 1
    expected = pyphen.Pyphen(lang="nl_NL").positions("lettergrepen")

    _fresh(monkeypatch, tmp_path)
    parsed: list = []
    monkeypatch.setattr(pyphen.HyphDict, "__init__", lambda self, path: parsed.append(path))
    hyphenation.load_dutch_patterns()
    assert parsed == []
    assert pyphen.Pyphen(lang="nl_NL").positions("lettergrepen") == expected == [3, 6, 9]


def test_a_damaged_cache_file_is_parsed_again(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    hyphenation.load_dutch_patterns()
    stored = next((tmp_path / "lespakket" / "afbreken").glob("nl_NL-*.pickle"))
    stored.write_bytes(b"kapot")
    _fresh(monkeypatch, tmp_path)
    hyphenation.load_dutch_patterns()
    assert pyphen.Pyphen(lang="nl_NL").positions("lettergrepen") == [3, 6, 9]
    assert stored.read_bytes() != b"kapot"


def test_the_cached_patterns_hold_each_different_value_once(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    hyphenation.load_dutch_patterns()
    _fresh(monkeypatch, tmp_path)
    hyphenation.load_dutch_patterns()
    cached = next(iter(pyphen.hdcache.values())).patterns
    values = list(cached.values())
    assert len({id(v) for v in values}) == len(set(values)) < len(values) / 5
    assert cached == pyphen.HyphDict(hyphenation._dictionary()).patterns


def test_the_house_styles_hyphenate_with_the_cached_patterns(monkeypatch, tmp_path):
    from reportlab.platypus import Paragraph

    from generators import pdf_style
    from generators.paths import ASSETS_DIR

    pdf_style.register_fonts(pdf_style.fonts_dir(ASSETS_DIR))
    _fresh(monkeypatch, tmp_path)
    hyphenation.load_dutch_patterns()
    _fresh(monkeypatch, tmp_path)
    parsed: list = []
    monkeypatch.setattr(pyphen.HyphDict, "__init__", lambda self, path: parsed.append(path))
    body = pdf_style.house_styles(11).body
    Paragraph("Arbeidsuitbuiting en mensenhandelaarsnetwerken", body).wrap(60, 1000)
    assert parsed == [] and len(pyphen.hdcache) == 1
