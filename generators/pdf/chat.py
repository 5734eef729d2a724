"""A chat printed as on a phone, for worksheets, answer keys and the teacher guide: bubbles left and right.

Why a flowable per message: a long conversation may then continue on the next page between two messages,
never inside one.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import Flowable, Paragraph

from generators.lesson.document import DELETED, PHOTO, Chat, ChatMessage
from generators.pdf.style import Colours, HouseStyles, rich_markup, text_markup

BUBBLE_SHARE = 0.8  # the widest a bubble may be, as a share of the width
RIGHT_FILL = colors.HexColor("#D4E8EF")  # Why not the answer green: in the answer key green means 'answer'


def chat_flowables(chat: Chat, styles: HouseStyles) -> list[Flowable]:
    """Every part of the chat: its heading between the bubbles, then each message on its side."""
    story: list[Flowable] = []
    previous: ChatMessage | None = None
    for part in chat.parts:
        if part.heading:
            heading = styles.body_bold.clone("chat-heading", alignment=TA_CENTER, textColor=Colours.ink)
            story.append(Bubble(Paragraph(rich_markup(part.heading), heading), styles, kind="kop"))
            previous = None
        for message in part.messages:
            opens_turn = previous is None or previous.sender != message.sender
            story.append(Bubble(_message_paragraph(message, styles), styles, message.right, message.kind,
                                _name(message, styles) if opens_turn else None))
            previous = message
    return story


def _message_paragraph(message: ChatMessage, styles: HouseStyles) -> Paragraph:
    text = rich_markup(message.text)
    if message.kind in (PHOTO, DELETED):
        text = f"<i>{text}</i>"
    if message.time:
        text += f"&nbsp;&nbsp;<font color='{Colours.muted.hexval()}' size='{styles.small.fontSize}'>" \
                f"{text_markup(message.time)}</font>"
    colour = Colours.muted if message.kind == DELETED else Colours.ink
    return Paragraph(text, styles.body.clone("chat-message", textColor=colour))


def _name(message: ChatMessage, styles: HouseStyles) -> Paragraph:
    style = styles.label.clone("chat-name", alignment=TA_RIGHT if message.right else 0)
    return Paragraph(text_markup(message.sender), style)


class Bubble(Flowable):
    """One message in a rounded box on its side, as wide as its text needs, with the sender's name above it."""

    def __init__(self, paragraph: Paragraph, styles: HouseStyles, right: bool = False, kind: str = "",
                 name: Paragraph | None = None):
        super().__init__()
        self.paragraph, self.right, self.kind, self.name = paragraph, right, kind, name
        self.pad = styles.body_pt * 0.5
        self.gap = styles.body_pt * (0.45 if name is not None or kind == "kop" else 0.2)
        self._box = (0.0, 0.0)
        self._name_height = 0.0

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        widest = availWidth * BUBBLE_SHARE - 2 * self.pad
        _, text_height = self.paragraph.wrap(widest, availHeight)
        text_width = min(max(self.paragraph.getActualLineWidths0() or [widest]), widest)
        if text_width < widest:  # Why wrap again: a centred heading centres in the width it was wrapped to
            text_height = self.paragraph.wrap(text_width + 0.5, availHeight)[1]
        self._box = (text_width + 2 * self.pad, text_height + 2 * self.pad)
        self._name_height = self.name.wrap(availWidth, availHeight)[1] + 2 if self.name is not None else 0.0
        self.height = self.gap + self._name_height + self._box[1]
        return self.width, self.height

    def draw(self):
        canv = self.canv
        width, height = self._box
        x = (self.width - width) / 2 if self.kind == "kop" else (self.width - width if self.right else 0.0)
        if self.name is not None:
            self.name.drawOn(canv, 0, height + 2)
        canv.saveState()
        canv.setLineWidth(0.8)
        fill, stroke = self._colours()
        if self.kind == DELETED:
            canv.setDash(3, 2)
        canv.setFillColor(fill or Colours.white)
        canv.setStrokeColor(stroke or Colours.white)
        canv.roundRect(x, 0, width, height, min(self.pad, height / 2), stroke=int(stroke is not None),
                       fill=int(fill is not None))
        canv.restoreState()
        self.paragraph.drawOn(canv, x + self.pad, self.pad)

    def _colours(self):
        """(fill, edge): white with an edge on the left, light blue on the right; a photo or heading warm."""
        if self.kind == DELETED:
            return None, Colours.muted
        if self.kind in (PHOTO, "kop"):
            return Colours.tint_warm, Colours.accent
        if self.right:
            return RIGHT_FILL, None
        return Colours.white, Colours.rule
