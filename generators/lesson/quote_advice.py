"""Advice for a text that YAML split at ': ', also when the author did quote it, with curly quotes from a word processor."""

from __future__ import annotations

# Why these: Word and phones turn " and ' into them; YAML only knows the straight ones.
CURLY_QUOTES = "“”„‟‘’‚‛«»"


def starts_curly(text: str) -> bool:
    return text.lstrip()[:1] in CURLY_QUOTES if text.strip() else False


def curly_quote_advice() -> str:
    return ("Deze tekst staat tussen gekrulde aanhalingstekens (“ ”), zoals een tekstverwerker ze maakt. YAML kent "
            "alleen rechte aanhalingstekens: vervang ze door \" aan het begin en aan het eind.")


def colon_advice(before_colon: str) -> str:
    """The message for a text that YAML read as `key: value` because of the ': ' in it."""
    if starts_curly(before_colon):
        return curly_quote_advice()
    return (f"Na '{before_colon[:30]}' staat een dubbele punt met een spatie, daardoor leest YAML dit als sleutel. "
            "Zet de hele tekst tussen aanhalingstekens.")
