"""How much of a school file the materials can show: how many contacts, how long a text, the room on the poster.

Why one module: the check of the school file (data_model) and the factsheet poster that lays the contacts out
(factsheet_school) must agree on these numbers, and neither may import the other.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Sequence, TypeVar

T = TypeVar("T")

MAX_CONTACTS = 20
"""Why 20: the factsheet fits 20 contacts with short texts in its smallest type; more is no longer a short list."""
MAX_TEXT = {"naam": 60, "functie": 60, "bereikbaar": 160}
"""Characters per field of a contact person; a longer name or role breaks the slide and the tables."""
MAX_SCHOOL_TEXT = {"naam": 80, "plaats": 40, "regio": 40}
"""Characters per field of the school: its name and place share the page header with the lesson title."""

POSTER_COLUMNS = 3
POSTER_LINES = 18
"""Lines of 7.5 pt type that one column of contacts on the A4 factsheet holds when the poster is at its smallest."""
POSTER_LINE_EM = 20.0
"""Text, in em, counted for one such line. Why less than the 22 em the column is wide: words do not fill a line."""
POSTER_GAP_LINES = 0.5
"""The space under each contact, in lines."""

_NARROW = frozenset(" !'(),-.:;IJ[]`fijlrstz{}")
_WIDE = frozenset("%&@MWmw")


def text_em(text: str) -> float:
    """The width of `text` in em, at least as wide as Carlito sets it (regular or bold): an upper bound per letter.

    Why not the font itself: checking a school file should not need the PDF library or the font files.
    """
    def em(char: str) -> float:
        base = unicodedata.normalize("NFD", char)[0]
        if not base.isascii() or base in _WIDE:
            return 0.92
        bound = 0.4 if base in _NARROW else 0.7 if base.isupper() else 0.55
        return bound if char.isascii() else bound + 0.15  # Why more: a mark can widen the letter, as in 'ď'
    return sum(em(char) for char in text)


def role_text(role: str, function: str | None) -> str:
    """'vertrouwenspersoon (docent Nederlands)'; with role 'anders' the function alone says it."""
    if function and role == "anders":
        return function
    return role + (f" ({function})" if function else "")


def poster_columns(items: Sequence[T]) -> list[Sequence[T]]:
    """The contacts of each poster column, filled top to bottom, then left to right."""
    per_column = max(1, math.ceil(len(items) / POSTER_COLUMNS))
    return [items[i:i + per_column] for i in range(0, len(items), per_column)]


def poster_lines(contacts: Sequence[tuple[str, str, str]]) -> float:
    """Lines that the tallest poster column needs for these (name, role text, reach) contacts, estimated from
    the width of their text: the name on its own line(s), then the role and how to reach them."""
    def lines(name: str, role: str, reach: str) -> float:
        entry = text_em(f"{role} · {reach}")
        return math.ceil(text_em(name) / POSTER_LINE_EM) + math.ceil(entry / POSTER_LINE_EM) + POSTER_GAP_LINES

    return max((sum(lines(*c) for c in column) for column in poster_columns(contacts)), default=0.0)
