"""Page numbers of named places (section headings), drawn through forms that are filled in when the PDF is saved.

Why: a reference to a page further on would otherwise need a second layout pass of the whole
document; a PDF form can be drawn on a page before it is defined, so one pass is enough.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable


class PageRefs:
    """Collects where each key was drawn and which references to it were placed."""

    def __init__(self) -> None:
        self.pages: dict[str, int] = {}
        self._forms: dict[str, tuple[str, str, ParagraphStyle, str]] = {}  # form name -> (key, suffix, style, align)

    def record(self, key: str, page: int) -> None:
        self.pages.setdefault(key, page)

    def line(self, key: str, style: ParagraphStyle, prefix: str = "", suffix: str = "", align: str = "left") -> Flowable:
        """One line: plain `prefix`, then the page of `key`, then `suffix`; `align='right'` for a contents column."""
        name = f"lespakket-pagina-{len(self._forms) + 1}"
        self._forms[name] = (key, suffix, style, align)
        return _PageRefLine(name, prefix, style, align)

    def define_forms(self, canv: Canvas) -> None:
        """Called once every page is drawn: each reference becomes its page number."""
        for name, (key, suffix, style, align) in self._forms.items():
            if key not in self.pages:
                raise KeyError(f"verwijzing naar '{key}', maar dat deel staat niet in het document")
            text = f"{self.pages[key]}{suffix}"
            width = canv.stringWidth(text, style.fontName, style.fontSize)
            left = -width if align == "right" else 0
            canv.beginForm(name, left - 1, -style.fontSize, left + width + 1, style.fontSize * 1.5)
            canv.setFont(style.fontName, style.fontSize)
            canv.setFillColor(style.textColor)
            canv.drawString(left, 0, text)
            canv.endForm()


class _PageRefLine(Flowable):
    def __init__(self, form: str, prefix: str, style: ParagraphStyle, align: str):
        super().__init__()
        self.form, self.prefix, self.style, self.align = form, prefix, style, align

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return availWidth, self.style.leading

    def draw(self):
        canv, style = self.canv, self.style
        baseline = self.style.leading - style.fontSize
        canv.saveState()
        canv.setFont(style.fontName, style.fontSize)
        canv.setFillColor(style.textColor)
        if self.align == "right":
            x = self.width
        else:
            canv.drawString(0, baseline, self.prefix)
            x = canv.stringWidth(self.prefix, style.fontName, style.fontSize)
        canv.translate(x, baseline)
        canv.doForm(self.form)
        canv.restoreState()
