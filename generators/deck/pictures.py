"""Pictures on slides: a lesson's image with its caption beside it, and a pictogram beside a slide's first text box.

Why alt text through XML: python-pptx has no API for it and writes the file name into `descr` (#1139).
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from pptx.util import Emu, Inches, Pt

from generators.deck.model import PlannedImage
from generators.deck.room import GAP_PT, pictogram_side
from generators.deck.template import picture_placeholder, text_box, title_placeholder
from generators.lesson.image_assets import normalized_png

CAPTION_GAP = Inches(0.3)


def place_image(slide, image: PlannedImage, caption, has_caption: bool, presentation) -> None:
    """The picture fills its placeholder's room without cropping; a caption stands beside it, level with its top.

    `caption` is the caption's placeholder; without a caption the picture also takes the caption's room.
    """
    from PIL import Image

    data = normalized_png(image.path)
    with Image.open(io.BytesIO(data)) as opened:
        pixel_w, pixel_h = opened.size
    placeholder = picture_placeholder(slide)
    if placeholder is not None:
        left, top, width, height = placeholder.left, placeholder.top, placeholder.width, placeholder.height
        if not has_caption:
            width = max(width, caption.left + caption.width - left)
        picture = placeholder.insert_picture(io.BytesIO(data))
        picture.crop_left = picture.crop_right = picture.crop_top = picture.crop_bottom = 0.0
    else:
        title = title_placeholder(slide)
        margin = title.left
        top = title.top + title.height
        left, width, height = margin, presentation.slide_width - 2 * margin, presentation.slide_height - top - margin
        picture = slide.shapes.add_picture(io.BytesIO(data), left, top)
    scale = min(width / pixel_w, height / pixel_h)
    fitted_w, fitted_h = int(pixel_w * scale), int(pixel_h * scale)
    if has_caption and placeholder is not None:
        picture.left, picture.top = Emu(left), Emu(top)
        _beside(caption, picture.left + fitted_w + CAPTION_GAP, top)
    else:
        picture.left, picture.top = Emu(left + (width - fitted_w) // 2), Emu(top + (height - fitted_h) // 2)
    picture.width, picture.height = Emu(fitted_w), Emu(fitted_h)
    set_alt_text(picture, image.alt, "Afbeelding")


def _beside(caption, left: int, top: int) -> None:
    """Why the caption may only grow: the deck measured it at the layout's own width and height."""
    right, bottom = caption.left + caption.width, caption.top + caption.height
    left, top = min(left, caption.left), min(top, caption.top)
    caption.left, caption.top = Emu(left), Emu(top)
    caption.width, caption.height = Emu(right - left), Emu(bottom - top)


def place_pictogram(slide, box, image: PlannedImage, text_height: float) -> None:
    """The pictogram at the right edge of the text box `box`, level with the middle of its text (`text_height`
    points high), but never above or below the box; the box gives up that room.

    Why every side of the box is set: a placeholder takes its place from the layout until one of them is set.
    """
    side = Pt(pictogram_side(text_box(box)))
    left, top, width, height = box.left, box.top, box.width, box.height
    box.left, box.top, box.height = left, top, height
    box.width = Emu(width - side - Pt(GAP_PT))
    text = min(Pt(text_height), height)
    middle = _text_top(slide, box, height - text) + text // 2
    offset = min(max(middle - side // 2, 0), height - side)
    picture = slide.shapes.add_picture(io.BytesIO(_png(image.path)), Emu(left + width - side), Emu(top + offset),
                                       side, side)
    set_alt_text(picture, image.alt, "Pictogram")


def _text_top(slide, box, free: int) -> int:
    """Where the text starts below the box's top: the layout sets it at the top, in the middle or at the bottom."""
    from pptx.enum.text import MSO_ANCHOR

    anchor = slide.slide_layout.placeholders.get(idx=box.placeholder_format.idx).text_frame.vertical_anchor
    return {MSO_ANCHOR.MIDDLE: free // 2, MSO_ANCHOR.BOTTOM: free}.get(anchor, 0)


@lru_cache(maxsize=64)
def _png(path: Path) -> bytes:
    """Why no re-encoding: the pictograms are PNG files whose checksums the shared data checked."""
    return path.read_bytes()


def set_alt_text(picture, alt: str, name: str) -> None:
    c_nv_pr = picture.element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr")
    c_nv_pr.set("descr", alt)
    c_nv_pr.set("name", name)
