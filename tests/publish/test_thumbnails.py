"""Catalog thumbnails of PDFs: the first page, 360 pixels wide, in 256 colours that look like the page, the same bytes each time."""

from __future__ import annotations

import io
from functools import lru_cache

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageStat

from generators.publish.previews import THUMB_WIDTH, preview_files, preview_path
from generators.registry import GENERATORS
from tests.guide_samples import KEYS, OPTIONS, documents, guide

BY_KIND = {g.kind: g for g in GENERATORS}


@lru_cache(maxsize=None)
def worksheet(key: str) -> bytes:
    return BY_KIND["werkblad"].load()(documents()[key], OPTIONS)


def page_as_rgb(pdf: bytes) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    page = document[0]
    image = page.render(scale=THUMB_WIDTH / page.get_width()).to_pil().convert("RGB")
    page.close()
    document.close()
    return image


@pytest.mark.parametrize("kind,make", [("werkblad", worksheet), ("docentenhandleiding", guide)])
def test_a_thumbnail_is_the_first_page_in_256_colours(kind, make):
    key = KEYS[0]
    pdf = make(key)
    [(file_kind, path, png)] = preview_files(documents()[key], BY_KIND[kind], pdf)
    assert file_kind == "voorbeeld"
    assert path == preview_path(documents()[key], BY_KIND[kind].filename)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.mode == "P" and image.width == THUMB_WIDTH
    difference = ImageStat.Stat(ImageChops.difference(image.convert("RGB"), page_as_rgb(pdf)))
    assert max(difference.mean) < 2.0, difference.mean
    assert preview_files(documents()[key], BY_KIND[kind], pdf)[0][2] == png


def test_other_files_get_no_thumbnail():
    key = KEYS[0]
    assert preview_files(documents()[key], BY_KIND["werkblad-antwoorden"], b"%PDF") == []
