"""A QR code as the rectangles of its dark modules, encoded once per text and size in each process."""

from __future__ import annotations

from functools import lru_cache

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Rect

Rectangle = tuple[float, float, float, float]  # x, y, width, height
LEVEL, BORDER = "M", 2


@lru_cache(maxsize=16)
def qr_rectangles(text: str, size: float) -> tuple[Rectangle, ...]:
    """The dark modules of a QR code for `text` (error correction M, quiet zone included) in a `size` square.

    Why remembered: every page of a document draws the same help line's code.
    """
    widget = QrCodeWidget(text, barLevel=LEVEL, barBorder=BORDER, barWidth=size, barHeight=size)
    return tuple(
        (shape.x, shape.y, shape.width, shape.height)
        for shape in widget.draw().contents
        if isinstance(shape, Rect) and shape.fillColor is not None
    )
