"""Habits from word processors that spoil a slide: a bullet typed by hand, an alt text that announces itself."""

from __future__ import annotations

import re

from generators.lesson.font_coverage import drawable

# Why not Word's own (U+F0B7 and the like, private-use characters): no font draws them, so they are reported
# as teken-niet-in-lettertype while the file is read.
BULLETS = "•·∙‧▪▫◦●○■□‣⁃➢➤►▶"
_LEADING_BULLET = re.compile(rf"^\s*([{BULLETS}])")
_ANNOUNCES = re.compile(r"^\s*((een|de|het)\s+)?(afbeelding|foto|plaatje|illustratie|tekening|image|picture)"
                        r"(\s+van\b|\s*:)", re.IGNORECASE)


def leading_bullet(text: str) -> str | None:
    """The bullet a text starts with, when the font can draw it (one it cannot is reported as a character already)."""
    found = _LEADING_BULLET.match(text)
    return found.group(1) if found and drawable(found.group(1)) else None


def bullet_message(bullet: str) -> str:
    return (f"Deze tekst begint met een opsommingsteken ({bullet}), vaak meegekopieerd uit Word. Een punt in een "
            "lijst krijgt op de dia en het werkblad vanzelf een opsommingsteken, dus dan staan er twee. Haal het "
            "weg; elk punt begint met '- ' in het lesbestand.")


def announcing_opening(alt: str) -> str | None:
    """'Afbeelding van' or the like at the start of an alt text."""
    found = _ANNOUNCES.match(alt)
    return found.group(0).strip() if found else None


def announcing_message(opening: str) -> str:
    return (f"Begin de alt-tekst niet met '{opening}': een voorleesprogramma zegt zelf al dat het een afbeelding is. "
            "Beschrijf meteen wat er te zien is, zoals 'Twee tekstballonnen, alsof twee mensen met elkaar praten.'")
