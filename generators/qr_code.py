"""A QR code as the rectangles of its dark modules, encoded once per text and size and kept in the user cache."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import reportlab

from .paths import cache_file, checksum_name, store_in_cache

Rectangle = tuple[float, float, float, float]  # x, y, width, height
# Why a bound: each help line and size has its own file, and a cache must not grow without end.
KEPT_CODES = 32
LEVEL, BORDER = "M", 2


@lru_cache(maxsize=16)
def qr_rectangles(text: str, size: float) -> tuple[Rectangle, ...]:
    """The dark modules of a QR code for `text` (error correction M, quiet zone included) in a `size` square.

    Why the cache: reportlab encodes in pure Python, 15-35 ms a code, paid by every worker process
    for every help line it meets (and by every fresh build), while the help lines rarely change.
    """
    path = _cache_path(text, size)
    stored = _read(path, text, size) if path is not None else None
    if stored is not None:
        return stored
    rectangles = _encode(text, size)
    if path is not None:
        store_in_cache(path, json.dumps({"tekst": text, "grootte": size, "vlakken": rectangles}).encode("utf-8"),
                       keep=KEPT_CODES)
    return rectangles


def _encode(text: str, size: float) -> tuple[Rectangle, ...]:
    # Why here: the barcode modules cost 10-20 ms to import, and a cached code needs none of them.
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Rect

    widget = QrCodeWidget(text, barLevel=LEVEL, barBorder=BORDER, barWidth=size, barHeight=size)
    return tuple(
        (shape.x, shape.y, shape.width, shape.height)
        for shape in widget.draw().contents
        if isinstance(shape, Rect) and shape.fillColor is not None
    )


def _cache_path(text: str, size: float) -> Path | None:
    """Named after reportlab's version (its encoder), the settings, the size and the text."""
    return cache_file("qr", checksum_name(f"{reportlab.Version}|{LEVEL}|{BORDER}|{size!r}|{text}") + ".json")


def _read(path: Path, text: str, size: float) -> tuple[Rectangle, ...] | None:
    """The stored rectangles, or None when the file is missing, damaged or (by a clash of names) for another code."""
    try:
        stored = json.loads(path.read_bytes())
        if stored["tekst"] != text or stored["grootte"] != size:
            return None
        rectangles = tuple(tuple(r) for r in stored["vlakken"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    valid = bool(rectangles) and all(len(r) == 4 and all(type(v) in (int, float) for v in r) for r in rectangles)
    return rectangles if valid else None  # type: ignore[return-value]
