"""reportlab's Paragraph, with its fragments copied from a template of the markup's shape and its
line breaks remembered for the width it was last wrapped to.

Why the line breaks: tables, KeepTogether and page splitting wrap the same paragraph at the same
width two or three times; breaking its lines again each time was a quarter of a PDF's cost. The
result for a width does not change, so the PDF bytes stay the same. Why the fragments: see
`pdf_markup_frags`.
"""

from __future__ import annotations

from reportlab.platypus import paragraph

from .pdf_markup_frags import template_frags


class Paragraph(paragraph.Paragraph):
    def _setup(self, text, style, bulletText, frags, cleaner):
        if frags is None and isinstance(text, str):
            cleaned = cleaner(text)
            made = template_frags(cleaned, style, self.caseSensitive)
            if made is not None:
                paragraph.textTransformFrags(made, style)
                self.text, self.frags, self.style, self.bulletText, self.debug = cleaned, made, style, bulletText, 0
                return
        super()._setup(text, style, bulletText, frags, cleaner)

    def wrap(self, availWidth, availHeight):
        last = self.__dict__.get("_last_wrap")
        if last is not None and last[0] == availWidth and last[1] is self.style:
            _, _, self.width, self._wrapWidths, self.blPara, self.height = last
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if availWidth >= paragraph._FUZZ:
            self._last_wrap = (availWidth, self.style, self.width, self._wrapWidths, self.blPara, self.height)
        return size
