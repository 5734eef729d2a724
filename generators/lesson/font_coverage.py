"""Which characters the slides and printed pages can draw: those in all four Carlito faces, read once."""

from __future__ import annotations

from functools import lru_cache

from generators.paths import ASSETS_DIR

FONT_NAME = "Carlito"
CARLITO_DIR = ASSETS_DIR / "fonts" / "carlito"
# The faces the PDFs register (pdf_style.FONT_FILES) and the slides measure with (deck_measure.FACES).
FACE_FILES = ("Carlito-Regular.ttf", "Carlito-Bold.ttf", "Carlito-Italic.ttf", "Carlito-BoldItalic.ttf")
LAYOUT = frozenset("\t\n")  # Why always allowed: they lay text out and are never drawn
# Why: every Carlito face draws all of WinAnsi (Windows-1252: Latin-1 plus ‘ ’ “ ” – — … € and the like;
# not the soft hyphen), which is nearly all Dutch text; tests/test_text_characters.py checks it.
WINANSI = frozenset(bytes([*range(0x20, 0x7F), *range(0x80, 0x100)]).decode("cp1252", "ignore")) - {"\xad"}


def drawable(text: str) -> bool:
    """Whether every face can draw every character of `text`.

    Why WinAnsi first: reading the fonts needs reportlab; its import and the four faces took 100-160 ms
    here, an eighth of a `check` of the bundled lessons, which have no other characters.
    """
    characters = set(text) - LAYOUT
    return characters <= WINANSI or characters <= in_every_face()


def missing(text: str) -> list[str]:
    """The characters of `text` that a face cannot draw, in order of first appearance."""
    if drawable(text):
        return []
    covered = in_every_face()
    return [char for char in dict.fromkeys(text) if char not in covered and char not in LAYOUT]


@lru_cache(maxsize=1)
def in_every_face() -> frozenset[str]:
    """Why all four faces: any text may be set bold or italic (**vet**, _schuin_, headings). Why reportlab's
    reader: the PDFs' own glyph check (pdf_style) reads the same table with it, so what passes here passes there."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    faces = [frozenset(TTFontFile(str(CARLITO_DIR / name)).charToGlyph) for name in FACE_FILES]
    return frozenset(map(chr, frozenset.intersection(*faces)))
