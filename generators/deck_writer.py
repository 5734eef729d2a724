"""Deck plan to .pptx bytes: add slides from named layouts and fill their placeholders; nothing else.

Why only add_slide, placeholders and insert_picture: deleting or cloning slides and shapes is what
makes PowerPoint offer to "repair" a file (python-pptx issues #67, #74, #688, #974).
"""

from __future__ import annotations

import io

from lxml import etree
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.util import Emu, Pt

from .deck_model import BULLET, NO_BULLET, NUMBER, DeckPlan, Para, PlannedImage, PlannedSlide
from .deck_package import CoreProperties, save_deterministic, set_core_properties
from .deck_slide_factory import SlideFactory
from .deck_template import open_template, picture_placeholder, text_placeholders, title_placeholder
from .image_assets import normalized_png

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
INDENT_EMU = 457200  # the 36 pt hanging indent deck_measure assumes for bullets and numbers
DUTCH = MSO_LANGUAGE_ID.DUTCH


def deck_plan_to_pptx(plan: DeckPlan, template) -> bytes:
    presentation = open_template(template)
    factory = SlideFactory(presentation)
    layouts: dict[str, tuple] = {}
    for planned in plan.slides:
        if planned.layout not in layouts:
            layouts[planned.layout] = _layout_order(presentation.slide_layouts.get_by_name(planned.layout))
        layout, title_idx, text_idxs = layouts[planned.layout]
        slide = factory.add_slide(layout)
        # Why one pass: each placeholder lookup by index walks the XML with xpath; this was half the cost.
        by_idx = {ph.placeholder_format.idx: ph for ph in slide.placeholders}
        _write_title(by_idx[title_idx], planned)
        for idx, paras in zip(text_idxs, planned.boxes):
            if paras:
                _write_paras(by_idx[idx].text_frame, paras)
        if planned.image is not None:
            _write_image(slide, planned.image, presentation)
        if planned.notes:
            _write_notes(factory.notes_slide(slide), planned.notes)
    meta = plan.meta
    set_core_properties(presentation, CoreProperties(meta.title, meta.subject, meta.author, meta.keywords))
    return save_deterministic(presentation)


def _layout_order(layout) -> tuple:
    """The layout with its title placeholder index and text placeholder indexes in reading order."""
    title = title_placeholder(layout)
    return layout, title.placeholder_format.idx, tuple(ph.placeholder_format.idx for ph in text_placeholders(layout))


def _write_title(placeholder, planned: PlannedSlide) -> None:
    frame = placeholder.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = planned.title
    run.font.size = Pt(planned.title_size)
    run.font.language_id = DUTCH


def _write_paras(frame, paras: tuple[Para, ...]) -> None:
    frame.word_wrap = True
    for index, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _set_bullet(paragraph, para)
        paragraph.space_before = Pt(para.space_before)
        for source in para.runs:
            run = paragraph.add_run()
            run.text = source.text
            run.font.size = Pt(para.size)
            run.font.bold = source.bold
            run.font.italic = source.italic
            run.font.language_id = DUTCH


def _set_bullet(paragraph, para: Para) -> None:
    """Bullets are written on every paragraph, so a school template's own list style cannot change the measure."""
    p_pr = paragraph._p.get_or_add_pPr()
    indented = para.bullet != NO_BULLET
    p_pr.set("marL", str(INDENT_EMU if indented else 0))
    p_pr.set("indent", str(-INDENT_EMU if indented else 0))
    if para.bullet == BULLET:
        etree.SubElement(p_pr, f"{{{A}}}buFont", typeface="Arial")
        etree.SubElement(p_pr, f"{{{A}}}buChar", char="•")
    elif para.bullet == NUMBER:
        etree.SubElement(p_pr, f"{{{A}}}buFont", typeface="+mj-lt")
        etree.SubElement(p_pr, f"{{{A}}}buAutoNum", type="arabicPeriod", startAt=str(para.number))
    else:
        etree.SubElement(p_pr, f"{{{A}}}buNone")


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


def _write_notes(notes_slide, notes: tuple[str, ...]) -> None:
    frame = notes_slide.notes_text_frame
    for index, text in enumerate(notes):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = text
        run.font.language_id = DUTCH
