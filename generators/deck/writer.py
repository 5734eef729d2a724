"""Deck plan to .pptx bytes: add slides from named layouts and fill their placeholders; nothing else.

Why only add_slide, placeholders and insert_picture: deleting or cloning slides and shapes is what
makes PowerPoint offer to "repair" a file (python-pptx issues #67, #74, #688, #974).
"""

from __future__ import annotations

from pptx.util import Inches

from generators.deck.chat_shapes import draw_chat
from generators.deck.model import DeckPlan, PlannedSlide
from generators.deck.package import CoreProperties, save_deterministic, set_core_properties
from generators.deck.pictures import place_image, place_pictogram
from generators.deck.template import open_template, text_placeholders, title_placeholder
from generators.deck.text import write_notes, write_paras, write_source_line, write_title


def deck_plan_to_pptx(plan: DeckPlan, template) -> bytes:
    presentation = open_template(template)
    layouts = _layouts(presentation, {planned.layout for planned in plan.slides})
    for planned in plan.slides:
        layout, title_idx, text_idxs = layouts[planned.layout]
        slide = presentation.slides.add_slide(layout)
        by_idx = {ph.placeholder_format.idx: ph for ph in slide.placeholders}
        write_title(by_idx[title_idx].text_frame, planned.title, planned.title_size)
        for idx, paras in zip(text_idxs, planned.boxes):
            if paras:
                write_paras(by_idx[idx].text_frame, paras)
        if planned.image is not None:
            place_image(slide, planned.image, by_idx[text_idxs[0]], bool(planned.boxes[0]), presentation)
        if planned.pictogram is not None:
            place_pictogram(slide, by_idx[text_idxs[0]], planned.pictogram, planned.text_height)
        if planned.chat is not None:
            draw_chat(slide, planned.chat)
        _write_sources(slide, planned, presentation)
        notes = slide.notes_slide.notes_text_frame if planned.notes else None
        if notes is not None:
            write_notes(notes, planned.notes)
    meta = plan.meta
    set_core_properties(presentation, CoreProperties(meta.title, meta.subject, meta.author, meta.keywords))
    return save_deterministic(presentation)


def _layouts(presentation, names: set[str]) -> dict[str, tuple]:
    """Each layout the plan uses, with its title placeholder index and text placeholder indexes in reading order.

    Why once per deck: finding them walks every placeholder of the layout, and a deck has 20-30 slides.
    """
    found: dict[str, tuple] = {}
    for layout in presentation.slide_layouts:
        if layout.name in names and layout.name not in found:  # Why the first of a name: as get_by_name
            title = title_placeholder(layout).placeholder_format.idx
            found[layout.name] = layout, title, tuple(ph.placeholder_format.idx for ph in text_placeholders(layout))
    return found


SOURCE_PT = 14
SOURCE_BAND = Inches(0.46)


def _write_sources(slide, planned: PlannedSlide, presentation) -> None:
    """The sources of the facts on this slide, in one small line at the bottom ('Bron: ...').

    Why from the paragraphs: a list split over two slides shows on each part the sources of its own facts.
    Why the bottom band: every layout's text boxes end above it, so the line never covers slide text.
    """
    sources = list(dict.fromkeys(para.source for box in planned.boxes for para in box if para.source))
    if not sources:
        return
    margin = title_placeholder(slide).left
    box = slide.shapes.add_textbox(margin, presentation.slide_height - SOURCE_BAND, presentation.slide_width - 2 * margin,
                                   SOURCE_BAND)
    box.name = "Bron"
    write_source_line(box.text_frame, f"{'Bron' if len(sources) == 1 else 'Bronnen'}: {'; '.join(sources)}", SOURCE_PT)
