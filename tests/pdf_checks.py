"""Reading rendered PDFs in tests: text per page, normalised text, fonts, content streams."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

_SPACE_AND_BREAKS = re.compile(r"[\s\-\u00ad\u2010]+")


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def squash(text: str) -> str:
    """Text without whitespace and hyphens, so line breaks and hyphenation do not matter."""
    return _SPACE_AND_BREAKS.sub("", text)


def fonts(pdf: bytes) -> dict[str, bool]:
    """Every font used on a page or in a form it draws: base name -> embedded."""
    found: dict[str, bool] = {}

    def walk(resources, seen):
        if resources is None or id(resources) in seen:
            return
        seen.add(id(resources))
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor_owner = descendants[0].get_object() if descendants else font
            descriptor = (descriptor_owner.get("/FontDescriptor") or {})
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            walk(xobject.get("/Resources"), seen)

    for page in reader(pdf).pages:
        walk(page.get("/Resources"), set())
    return found


def content_streams(pdf: bytes) -> str:
    return "\n".join(page.get_contents().get_data().decode("latin-1") for page in reader(pdf).pages)


def body_texts(pdf: bytes, bottom: float = 30 * 72 / 25.4, top: float = 20 * 72 / 25.4) -> list[str]:
    """Text per page without the header and footer: only what lies inside the body frame."""
    texts = []
    for page in reader(pdf).pages:
        height = float(page.mediabox.height)
        parts: list[str] = []

        def visit(text, cm, tm, font, size):
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if bottom < y < height - top:
                parts.append(text)

        page.extract_text(visitor_text=visit)
        texts.append("".join(parts))
    return texts
