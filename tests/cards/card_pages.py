"""Measuring cut-out card sheets in a rendered PDF: where each card is placed, its size, and the text on it."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from pypdf import PdfReader

MM = 72 / 25.4


@dataclass(frozen=True)
class Box:
    left: float
    bottom: float
    right: float
    top: float

    def holds(self, other: Box, slack: float = 0.01) -> bool:
        return (self.left - slack <= other.left and other.right <= self.right + slack
                and self.bottom - slack <= other.bottom and other.top <= self.top + slack)


@dataclass(frozen=True)
class Char:
    text: str
    box: Box
    size: float


@dataclass(frozen=True)
class CardPage:
    page: Box
    cards: list[Box]  # where each card form is drawn, in page space, from its matrix and its bounding box
    chars: list[Char]  # every visible character, in page space

    def text_in(self, card: Box) -> str:
        return "".join(c.text for c in self.chars if card.holds(c.box, slack=1))


def card_pages(pdf: bytes) -> list[CardPage]:
    """Each page: its cards (form XObjects; their /BBox is the card's size, placed by the form's matrix) and its text."""
    sizes = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        forms = page["/Resources"].get("/XObject", {})
        sizes.append({str(name).lstrip("/"): [float(v) for v in form.get_object()["/BBox"]] for name, form in forms.items()})
    pages = []
    document = pdfium.PdfDocument(pdf)
    for index in range(len(document)):
        page = document[index]
        width, height = page.get_size()
        boxes = sizes[index].values()
        assert len(set(map(tuple, boxes))) <= 1, "every card on a sheet has the same size"
        bbox = next(iter(boxes))
        cards = []
        for form in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_FORM], max_depth=1):
            matrix = form.get_matrix()
            x, y = matrix.e, matrix.f
            cards.append(Box(x + bbox[0], y + bbox[1], x + bbox[2], y + bbox[3]))
        text = page.get_textpage()
        chars = []
        for i in range(text.count_chars()):
            char = text.get_text_range(i, 1)
            if char.strip():
                chars.append(Char(char, Box(*text.get_charbox(i)), pdfium_raw.FPDFText_GetFontSize(text.raw, i)))
        pages.append(CardPage(Box(0, 0, width, height), cards, chars))
    return pages
