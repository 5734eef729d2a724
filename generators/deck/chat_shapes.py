"""Draw a fitted chat on a slide: rounded bubbles with their text inside, the senders' names beside them.

Why one group with a description: a screen reader then announces the conversation as one object and can read
all of it from the description, while each bubble keeps its own text for whoever edits the deck.
"""

from __future__ import annotations

from pptx.enum.dml import MSO_LINE_DASH_STYLE, MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Pt

from generators.deck.chat_layout import PAD_X, PAD_Y, RADIUS
from generators.deck.chat_model import DIVIDER, ChatPlan, PlacedRow
from generators.deck.model import Para
from generators.deck.text import write_paras
from generators.lesson.document import DELETED, PHOTO, Run

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def draw_chat(slide, chat: ChatPlan) -> None:
    group = slide.shapes.add_group_shape()
    group.name = "Chat"
    description = "\n".join((f"Chat: {chat.title}", *chat.lines))
    group.element.find(f".//{P}cNvPr").set("descr", description)
    for placed in chat.placed:
        if placed.label is not None:
            _label(group.shapes, placed, chat.size)
        _bubble(group.shapes, placed, chat.size)


def _label(shapes, placed: PlacedRow, size: float) -> None:
    box = placed.label
    label = shapes.add_textbox(Pt(box.x), Pt(box.y), Pt(box.width), Pt(box.height))
    label.name = "Naam"
    frame = label.text_frame
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    write_paras(frame, tuple(Para((Run(text, bold=True),), size) for text in placed.label_lines))
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT if placed.row.right else PP_ALIGN.RIGHT
        for run in paragraph.runs:
            run.font.color.theme_color = MSO_THEME_COLOR.ACCENT_1


def _bubble(shapes, placed: PlacedRow, size: float) -> None:
    row, box = placed.row, placed.box
    bubble = shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Pt(box.x), Pt(box.y), Pt(box.width), Pt(box.height))
    bubble.name = "Kop" if row.kind == DIVIDER else "Bericht"
    bubble.adjustments[0] = min(RADIUS * size / min(box.width, box.height), 0.5)
    _no_shadow(bubble)
    _fill(bubble, row.kind, row.right)
    frame = bubble.text_frame
    frame.margin_left = frame.margin_right = Pt(PAD_X * size)
    frame.margin_top = frame.margin_bottom = Pt(PAD_Y * size)
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.auto_size = MSO_AUTO_SIZE.NONE
    write_paras(frame, (Para(row.bubble_runs, size),))
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.CENTER if row.kind == DIVIDER else PP_ALIGN.LEFT
    for index, run in enumerate(paragraph.runs):
        muted = row.kind == DELETED or (row.time is not None and index == len(paragraph.runs) - 1)
        run.font.color.theme_color = MSO_THEME_COLOR.TEXT_2 if muted else MSO_THEME_COLOR.TEXT_1


def _no_shadow(shape) -> None:
    """Why the style's effect too: LibreOffice draws the theme's shadow from it even under an empty effect list."""
    shape.shadow.inherit = False
    effect = shape.element.find(f".//{P}style/{A}effectRef")
    if effect is not None:
        effect.set("idx", "0")


def _fill(shape, kind: str, right: bool) -> None:
    """Left bubbles white with a thin edge, right ones light teal; a photo light yellow; a deleted message only
    a dashed outline; a part's heading a yellow band."""
    fill, line = shape.fill, shape.line
    line.width = Pt(1.5)
    if kind == DELETED:
        fill.background()
        line.color.theme_color = MSO_THEME_COLOR.TEXT_2
        line.dash_style = MSO_LINE_DASH_STYLE.DASH
        return
    fill.solid()
    if kind in (PHOTO, DIVIDER):
        fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_3
        fill.fore_color.brightness = 0.6
        line.fill.background()
    elif right:
        fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
        fill.fore_color.brightness = 0.75
        line.fill.background()
    else:
        fill.fore_color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
        line.color.theme_color = MSO_THEME_COLOR.ACCENT_1
        line.color.brightness = 0.4
