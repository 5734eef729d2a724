"""Text measurement for slides with the Carlito font files (metric-compatible with the theme's Calibri).

Why: PowerPoint's autofit flag only acts after a teacher edits the text, and python-pptx's
fit_text crashes on long Dutch compounds; so we wrap words ourselves with real glyph widths.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generators.deck.model import NO_BULLET, Para
from generators.lesson.document import Run

UNITS = 1000  # fonts are loaded at this pixel size; widths scale linearly with the point size
LINE_HEIGHT = 1.22  # Carlito ascent + descent + line gap, as a factor of the size
WIDTH_MARGIN = 0.97  # Why: renderers differ a little in kerning and justification; keep some room
BULLET_INDENT_PT = 36.0
FACES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}


@dataclass(frozen=True)
class TextBox:
    """The room for text inside a placeholder, in points, insets already taken off."""

    width: float
    height: float


@lru_cache(maxsize=8)
def _font(fonts_dir: str, bold: bool, italic: bool):
    from PIL import ImageFont

    return ImageFont.truetype(str(Path(fonts_dir) / f"Carlito-{FACES[(bold, italic)]}.ttf"), UNITS)


@lru_cache(maxsize=20_000)
def _unit_width(fonts_dir: str, text: str, bold: bool, italic: bool) -> float:
    return _font(fonts_dir, bold, italic).getlength(text)


@lru_cache(maxsize=20_000)
def _word_widths(fonts_dir: str, runs: tuple[Run, ...], size: float) -> tuple[tuple[str, float], ...]:
    """Words with their widths; a word may be built from runs of different styles.

    Why cached: fitting measures the same paragraphs again for every split it tries and for every
    check; the result depends only on the font files, the runs and the size.
    """
    words: list[tuple[str, float]] = []
    text, width, open_word = "", 0.0, False
    for run in runs:
        for i, piece in enumerate(run.text.replace("\n", " ").split(" ")):
            if i > 0 and open_word:
                words.append((text, width))
                text, width, open_word = "", 0.0, False
            if piece:
                text += piece
                width += _unit_width(fonts_dir, piece, run.bold, run.italic) * size / UNITS
                open_word = True
    if open_word:
        words.append((text, width))
    return tuple(words)


def bullet_indent_pt(size: float) -> float:
    """The hanging indent of a bullet or number; why it grows with the size: '2.' at 44 pt is wider than 36 pt."""
    return max(BULLET_INDENT_PT, round(size * 1.125))


class Measurer:
    def __init__(self, fonts_dir: Path):
        self.fonts_dir = str(fonts_dir)  # Why str: the caches compare it on every lookup, and Path equality is slow

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False) -> float:
        return _unit_width(self.fonts_dir, text, bold, italic) * size / UNITS

    def _words(self, runs: tuple[Run, ...], size: float) -> tuple[tuple[str, float], ...]:
        return _word_widths(self.fonts_dir, runs, size)

    def lines(self, para: Para, box_width: float) -> int:
        available = self.available(para, box_width)
        space = self.width(" ", para.size)
        count, used = 1, 0.0
        for _, width in self._words(para.runs, para.size):
            if used and used + space + width > available:
                count, used = count + 1, 0.0
            if width > available:
                count += math.ceil(width / available) - 1
                width = width % available
            used += (space if used else 0.0) + width
        return count

    def available(self, para: Para, box_width: float) -> float:
        indent = 0.0 if para.bullet == NO_BULLET else bullet_indent_pt(para.size)
        return max(box_width - indent, 1.0) * WIDTH_MARGIN

    def too_long_words(self, para: Para, box_width: float) -> list[str]:
        available = self.available(para, box_width)
        return [word for word, width in self._words(para.runs, para.size) if width > available]

    def height(self, paras: tuple[Para, ...], box_width: float) -> float:
        return sum(self.lines(p, box_width) * p.size * LINE_HEIGHT + p.space_before for p in paras)

    def fits(self, paras: tuple[Para, ...], box: TextBox) -> bool:
        return self.height(paras, box.width) <= box.height
