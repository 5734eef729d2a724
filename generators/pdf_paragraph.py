"""reportlab's Paragraph, remembering its line breaks for the width it was last wrapped to.

Why: tables, KeepTogether and page splitting wrap the same paragraph at the same width two or
three times; breaking its lines again each time was a quarter of a PDF's cost. The result for a
width does not change, so the PDF bytes stay the same.
"""

from __future__ import annotations

from reportlab.platypus import paragraph


class Paragraph(paragraph.Paragraph):
    def wrap(self, availWidth, availHeight):
        last = self.__dict__.get("_last_wrap")
        if last is not None and last[0] == availWidth and last[1] is self.style:
            _, _, self.width, self._wrapWidths, self.blPara, self.height = last
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if availWidth >= paragraph._FUZZ:
            self._last_wrap = (availWidth, self.style, self.width, self._wrapWidths, self.blPara, self.height)
        return size
