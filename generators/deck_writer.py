"""Deck plan to .pptx bytes: add slides from named layouts and fill their placeholders; nothing else.

Why only add_slide, placeholders and insert_picture: deleting or cloning slides and shapes is what
makes PowerPoint offer to "repair" a file (python-pptx issues #67, #74, #688, #974).
"""

from __future__ import annotations

import io
from functools import lru_cache

from pptx.util import Emu

from .deck_model import DeckPlan, PlannedImage
from .deck_package import CoreProperties, save_deterministic, set_core_properties
from .deck_slide_factory import SlideFactory
from .deck_template import open_template, picture_placeholder, template_version, text_placeholders, title_placeholder
from .deck_text import write_notes, write_paras, write_title
from .image_assets import normalized_png


@lru_cache(maxsize=4)
def _layout_orders(template_version) -> dict[str, tuple[int, tuple[int, ...]]]:
    """Layout name -> its title and text placeholder indexes, kept per template version for the process."""
    return {}


def deck_plan_to_pptx(plan: DeckPlan, template) -> bytes:
    version = template_version(template)
    presentation = open_template(template)
    factory = SlideFactory(presentation, version)
    by_name: dict = {}
    for layout in presentation.slide_layouts:
        by_name.setdefault(layout.name, layout)  # Why setdefault: get_by_name gives the first of a name
    layouts: dict[str, tuple] = {}
    for planned in plan.slides:
        if planned.layout not in layouts:
            layouts[planned.layout] = _layout_order(by_name[planned.layout], planned.layout, version)
        layout, title_idx, text_idxs = layouts[planned.layout]
        slide, by_idx = factory.add_slide(layout)
        write_title(by_idx[title_idx], planned.title, planned.title_size)
        for idx, paras in zip(text_idxs, planned.boxes):
            if paras:
                write_paras(by_idx[idx], paras)
        if planned.image is not None:
            _write_image(slide, planned.image, presentation)
        if planned.notes:
            body = factory.notes_slide(slide)
            if body is not None:
                write_notes(body, planned.notes)
    meta = plan.meta
    set_core_properties(presentation, CoreProperties(meta.title, meta.subject, meta.author, meta.keywords))
    return save_deterministic(presentation)


def _layout_order(layout, name: str, version) -> tuple:
    """The layout with its title placeholder index and text placeholder indexes in reading order."""
    orders = _layout_orders(version)
    if name not in orders:
        title = title_placeholder(layout)
        texts = tuple(ph.placeholder_format.idx for ph in text_placeholders(layout))
        orders[name] = title.placeholder_format.idx, texts
    return (layout, *orders[name])


def _write_image(slide, image: PlannedImage, presentation) -> None:
    """The picture fills its placeholder's box without cropping; alt text goes into `descr`."""
    from PIL import Image

    data = normalized_png(image.path)
    with Image.open(io.BytesIO(data)) as opened:
        pixel_w, pixel_h = opened.size
    placeholder = picture_placeholder(slide)
    if placeholder is not None:
        left, top, width, height = placeholder.left, placeholder.top, placeholder.width, placeholder.height
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
    picture.left, picture.top = Emu(left + (width - fitted_w) // 2), Emu(top + (height - fitted_h) // 2)
    picture.width, picture.height = Emu(fitted_w), Emu(fitted_h)
    c_nv_pr = picture.element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr")
    c_nv_pr.set("descr", image.alt)
    c_nv_pr.set("name", "Afbeelding")
