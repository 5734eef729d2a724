"""Drawn worksheet parts: writing lines (optionally filled with an answer), tick boxes, write-in boxes, form fields.

Each part draws the paper version, the answer-key version (same place, answer colour) or the
digital version (an AcroForm field in the same place), so the three PDFs share one layout.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase import acroform  # noqa: F401  Why: `canvas.acroForm` imports it on first use, in every worker
from reportlab.platypus import Flowable, Paragraph

from generators.pdf.style import BOLD, FIELD_FONT, Colours

_FIELD_BORDER = Colours.rule
_FIELD_FILL = Colours.tint


class WritingLines(Flowable):
    """`count` writing lines `spacing` apart, or one multi-line text field of that size in the digital sheet."""

    def __init__(self, count: int, spacing: float, field_name: str | None = None):
        super().__init__()
        self.count = max(1, count)
        self.spacing = spacing
        self.field_name = field_name

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = self.count * self.spacing
        return self.width, self.height

    def split(self, availWidth, availHeight):
        """Why: only an absurd line count is taller than a page; it continues on the next one, with two lines at least."""
        fit = min(int(availHeight // self.spacing), self.count - 2)
        if self.field_name or fit < 2:
            return []
        return [WritingLines(fit, self.spacing), WritingLines(self.count - fit, self.spacing)]

    def draw(self):
        canv = self.canv
        if self.field_name:
            _text_field(canv, self.field_name, 0, 0, self.width, self.height, multiline=True)
            return
        canv.saveState()
        canv.setStrokeColor(Colours.writing_line)
        canv.setLineWidth(0.5)
        for row in range(1, self.count + 1):
            y = self.height - row * self.spacing
            canv.line(0, y, self.width, y)
        canv.restoreState()


class AnswerArea(Flowable):
    """The answer key's version of writing lines: the answer in a tinted box at least as tall as the lines.

    Why: the minimum height keeps the answer key page for page like the pupil sheet; longer
    answers grow the box and split across pages like text.
    """

    PAD = 5.0

    def __init__(self, paragraphs: list[Paragraph], min_height: float):
        super().__init__()
        self.paragraphs = paragraphs
        self.min_height = min_height
        self._heights: list[float] = []

    def _text_width(self, width: float) -> float:
        return width - 4 * mm - self.PAD

    def _measure(self, width: float) -> float:
        self._heights = [p.wrap(self._text_width(width), 1e9)[1] for p in self.paragraphs]
        return sum(self._heights) + 2 * self.PAD

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = max(self.min_height, self._measure(availWidth))
        return self.width, self.height

    def split(self, availWidth, availHeight):
        self._measure(availWidth)
        room = availHeight - 2 * self.PAD
        first: list[Paragraph] = []
        rest: list[Paragraph] = []
        for paragraph, height in zip(self.paragraphs, self._heights):
            if rest:
                rest.append(paragraph)
            elif height <= room:
                first.append(paragraph)
                room -= height
            else:
                parts = paragraph.split(self._text_width(availWidth), room)
                if len(parts) == 2:
                    first.append(parts[0])
                    rest.append(parts[1])
                else:
                    rest.append(paragraph)
        if not first:
            return []
        # Why not [self] when all of it fits: it did not fit as a whole (its minimum height is taller than the room)
        return [AnswerArea(first, 0), AnswerArea(rest, 0)] if rest else [AnswerArea(first, 0)]

    def draw(self):
        canv = self.canv
        canv.saveState()
        canv.setFillColor(Colours.answer_tint)
        canv.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canv.setFillColor(Colours.answer)
        canv.rect(0, 0, 2.2, self.height, stroke=0, fill=1)
        canv.restoreState()
        top = self.height - self.PAD
        for paragraph, height in zip(self.paragraphs, self._heights):
            paragraph.drawOn(canv, 4 * mm, top - height)
            top -= height


class TickBox(Flowable):
    """A square to tick; ticked in the answer key; a real checkbox in the digital version."""

    def __init__(self, size: float, ticked: bool = False, field_name: str | None = None, tooltip: str | None = None):
        super().__init__()
        self.size = size
        self.ticked = ticked
        self.field_name = field_name
        self.tooltip = tooltip

    def wrap(self, availWidth, availHeight):
        return self.size, self.size

    def draw(self):
        canv = self.canv
        if self.field_name:
            canv.acroForm.checkbox(
                name=self.field_name, tooltip=self.tooltip, x=0, y=0, size=self.size, relative=True,
                buttonStyle="cross", borderColor=Colours.primary, fillColor=Colours.white,
                textColor=Colours.ink, borderWidth=1, fieldFlags="",
            )
            return
        canv.saveState()
        canv.setStrokeColor(Colours.primary)
        canv.setLineWidth(1)
        canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        if self.ticked:
            canv.setStrokeColor(Colours.answer)
            canv.setLineWidth(max(1.6, self.size * 0.12))
            canv.setLineCap(1)
            canv.setLineJoin(1)
            path = canv.beginPath()
            path.moveTo(self.size * 0.2, self.size * 0.52)
            path.lineTo(self.size * 0.42, self.size * 0.25)
            path.lineTo(self.size * 0.85, self.size * 0.85)
            canv.drawPath(path, stroke=1, fill=0)
        canv.restoreState()


class WriteInBox(Flowable):
    """A small box for a letter or number; the answer key writes the answer in it."""

    def __init__(self, width: float, height: float, text: str | None = None, field_name: str | None = None,
                 font_size: float = 12, tooltip: str | None = None):
        super().__init__()
        self.box_width = width
        self.box_height = height
        self.text = text
        self.field_name = field_name
        self.font_size = font_size
        self.tooltip = tooltip

    def wrap(self, availWidth, availHeight):
        return self.box_width, self.box_height

    def draw(self):
        canv = self.canv
        if self.field_name:
            _text_field(canv, self.field_name, 0, 0, self.box_width, self.box_height, max_length=3,
                        tooltip=self.tooltip)
            return
        canv.saveState()
        canv.setStrokeColor(Colours.primary)
        canv.setLineWidth(1)
        canv.setFillColor(Colours.white)
        canv.roundRect(0, 0, self.box_width, self.box_height, 1.5, stroke=1, fill=1)
        if self.text:
            canv.setFillColor(Colours.answer)
            canv.setFont(BOLD, self.font_size)
            canv.drawCentredString(self.box_width / 2, (self.box_height - self.font_size * 0.7) / 2, self.text)
        canv.restoreState()


class FillLine(Flowable):
    """A labelled line to write on (naam, klas, datum), or a text field on it."""

    def __init__(self, height: float, field_name: str | None = None, tooltip: str | None = None):
        super().__init__()
        self.line_height = height
        self.field_name = field_name
        self.tooltip = tooltip

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return availWidth, self.line_height

    def draw(self):
        canv = self.canv
        if self.field_name:
            _text_field(canv, self.field_name, 0, 1, self.width, self.line_height - 1, tooltip=self.tooltip)
            return
        canv.saveState()
        canv.setStrokeColor(Colours.ink)
        canv.setLineWidth(0.6)
        canv.line(0, 2, self.width, 2)
        canv.restoreState()


def _text_field(canv, name: str, x: float, y: float, width: float, height: float, *, multiline: bool = False,
                max_length: int | None = None, tooltip: str | None = None) -> None:
    canv.acroForm.textfield(
        name=name, tooltip=tooltip or None, x=x, y=y, width=width, height=height, relative=True,
        fontName=FIELD_FONT, fontSize=0 if multiline else 11, borderColor=_FIELD_BORDER,
        fillColor=_FIELD_FILL, textColor=Colours.ink, borderWidth=0.8,
        fieldFlags="multiline doNotSpellCheck" if multiline else "", maxlen=max_length,
        annotationFlags="print",
    )
