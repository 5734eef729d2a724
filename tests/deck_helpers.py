"""Shared helpers for the deck tests: documents to render, rendering, and a text dump of a .pptx."""

from __future__ import annotations

import io
from pathlib import Path

from generators.paths import ASSETS_DIR
from generators.registry import RenderOptions

GOLDEN_DIR = Path(__file__).parent / "golden" / "decks"
GOLDEN_LESSONS = Path(__file__).parent / "fixtures" / "deck-lessons"


def all_documents(project):
    from generators.lesson.resolve import resolve_lesson

    return [
        resolve_lesson(loaded, audience, project.data, project.school)
        for loaded in sorted(project.lessons, key=lambda l: l.model.id)
        for audience in loaded.model.doelgroepen
    ]


def options(template: Path | None = None) -> RenderOptions:
    return RenderOptions(assets_dir=ASSETS_DIR, template=template)


def render(document, template: Path | None = None) -> bytes:
    from generators.deck.render import render_deck

    return render_deck(document, options(template))


def open_deck(data: bytes):
    from pptx import Presentation

    return Presentation(io.BytesIO(data))


def text_dump(presentation) -> str:
    """Per slide: layout, title, every text placeholder's paragraphs, picture alt text, other text boxes, notes."""
    from generators.deck.template import text_placeholders, title_placeholder

    lines = []
    for number, slide in enumerate(presentation.slides, start=1):
        lines.append(f"=== dia {number} [{slide.slide_layout.name}] {title_placeholder(slide).text_frame.text}")
        for box, placeholder in enumerate(text_placeholders(slide), start=1):
            for paragraph in placeholder.text_frame.paragraphs:
                if paragraph.text:
                    lines.append(f"  {box}| {paragraph.text}")
        for shape in slide.shapes:
            descr = shape.element.find(".//{*}cNvPr").get("descr")
            if descr:
                lines.append(f"  beeld| {descr}")
            if not shape.is_placeholder and shape.has_text_frame and shape.text_frame.text:
                lines.append(f"  {shape.name}| {shape.text_frame.text}")
        if slide.has_notes_slide:
            for paragraph in slide.notes_slide.notes_text_frame.paragraphs:
                lines.append(f"  notitie| {paragraph.text}")
    return "\n".join(lines) + "\n"
