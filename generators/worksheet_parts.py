"""Drawn worksheet parts: writing lines (optionally filled with an answer), tick boxes, write-in boxes, form fields.

Each part draws the paper version, the answer-key version (same place, answer colour) or the
digital version (an AcroForm field in the same place), so the three PDFs share one layout.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from .pdf_style import BOLD, FIELD_FONT, Colours

_FIELD_BORDER = Colours.rule
_FIELD_FILL = Colours.tint


class LinedAnswer(Flowable):
    """`count` writing lines `spacing` apart; in the answer key the answer is written on them.

    Why: drawing the answer on the pupil's lines keeps both versions page for page alike, and a
    teacher sees at a glance how much a pupil is expected to write. Longer answers add lines and
    split across pages like text.
    """

    def __init__(self, count: int, spacing: float, paragraphs: list[Paragraph] | None = None, field_name: str | None = None):
        super().__init__()
        self.count = max(1, count)
        self.spacing = spacing
        self.paragraphs = paragraphs or []
        self.field_name = field_name
        self._layout: list[tuple[Paragraph, float]] = []

    def _rows(self, width: float) -> int:
        self._layout = []
        rows = 0
        for paragraph in self.paragraphs:
            _, height = paragraph.wrap(width, 1e9)
            self._layout.append((paragraph, height))
            rows += max(1, round(height / self.spacing))
        return max(self.count, rows)

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = self._rows(availWidth) * self.spacing
        return self.width, self.height

    def split(self, availWidth, availHeight):
        fit = int(availHeight // self.spacing)
        rows = self._rows(availWidth)
        if fit < 2 or rows <= fit:
            return [] if fit < 2 else [self]
        first: list[Paragraph] = []
        rest: list[Paragraph] = []
        used = 0
        for paragraph, height in self._layout:
            need = max(1, round(height / self.spacing))
            if rest or used >= fit:
                rest.append(paragraph)
            elif used + need <= fit:
                first.append(paragraph)
                used += need
            else:
                parts = paragraph.split(availWidth, (fit - used) * self.spacing)
                if len(parts) == 2:
                    first.append(parts[0])
                    rest.append(parts[1])
                else:
                    rest.append(paragraph)
                used = fit
        remaining = max(0, self.count - fit)
        head = LinedAnswer(fit, self.spacing, first, None)
        tail = LinedAnswer(max(1, remaining), self.spacing, rest, None)
        return [head, tail]

    def draw(self):
        canv = self.canv
        rows = round(self.height / self.spacing)
        if self.field_name:
            _text_field(canv, self.field_name, 0, 0, self.width, self.height, multiline=True)
            return
        canv.saveState()
        canv.setStrokeColor(Colours.writing_line)
        canv.setLineWidth(0.5)
        for row in range(1, rows + 1):
            y = self.height - row * self.spacing
            canv.line(0, y, self.width, y)
        canv.restoreState()
        top = self.height
        for paragraph, height in self._layout:
            # First baseline a little above the first line; the style's leading equals the line spacing.
            size = paragraph.style.fontSize
            paragraph.drawOn(canv, 1.5 * mm, top - self.spacing + size * 0.3 + size - height)
            top -= max(1, round(height / self.spacing)) * self.spacing


def lined_style(style, spacing: float):
    """`style` with its leading set to the writing-line spacing, for answers written on the lines."""
    return style.clone(style.name + "-lined", leading=spacing)


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
