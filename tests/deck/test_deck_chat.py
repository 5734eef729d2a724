"""Chats on slides, reopened with python-pptx: rounded bubbles with their text in order, sides, sizes, notes, alt text."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx.enum.shapes import MSO_SHAPE, MSO_SHAPE_TYPE
from pptx.util import Emu, Pt

from generators.lesson.document import MESSAGE, ChatSlide
from tests.deck_helpers import all_documents, open_deck, render

SLIDE_H = 6858000
LESSON = """id: lange-chat
titel: Een lange chat
reeks: proef
samenvatting: Een les met een lang gesprek.
doelgroepen:
  10-12:
    duur: 20
leerdoelen:
  kennis:
    - Ik kan zeggen wat Kay van Sam wil.
lesverloop:
  - fase: kern
    activiteiten:
      - titel: Het gesprek
        minuten: 20
        werkvorm: klassengesprek
        dias:
          - soort: chat
            titel: Sam en Kay
            deelnemers:
              - naam: Sam
                kant: rechts
              - naam: Kay
                kant: links
            delen:
{parts}hulplijnen: [chat-met-fier]
"""


def _long_chat_document(tmp_path: Path):
    from generators.build.pipeline import load_project
    from generators.lesson.resolve import resolve_lesson

    parts = []
    for part in range(2):
        messages = []
        for i in range(9):
            sender = "Kay" if i % 3 else "Sam"
            messages.append(f"                  - van: {sender}\n                    tekst: Bericht {part + 1}.{i + 1} "
                            f"van {sender}, met een paar woorden erbij zodat het soms langer wordt.\n")
        messages.append("                  - van: Kay\n                    foto: Een pakketje\n")
        messages.append("                  - van: Kay\n                    verwijderd: true\n")
        parts.append(f"              - titel: Deel {part + 1}\n                berichten:\n" + "".join(messages))
    folder = tmp_path / "lessons" / "proef" / "lange-chat"
    folder.mkdir(parents=True)
    (folder / "les.yaml").write_text(LESSON.format(parts="".join(parts)), encoding="utf-8")
    project = load_project([tmp_path / "lessons"])
    assert not project.diagnostics.has_errors(), [d.format() for d in project.diagnostics.items]
    return resolve_lesson(project.lessons[0], "10-12", project.data)


def _chat_slides(presentation):
    return [slide for slide in presentation.slides if slide.slide_layout.name == "Chat"]


def _group(slide):
    (group,) = [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.GROUP]
    return group


def _bubbles(slide):
    return [shape for shape in _group(slide).shapes if shape.name == "Bericht"]


def _chats(document):
    return [slide.chat for activity in document.activities for slide in activity.slides if isinstance(slide, ChatSlide)]


def _bubble_text(message) -> str:
    return message.text.plain + (f"  {message.time}" if message.time else "")


@pytest.fixture(scope="module")
def chat_decks(project):
    documents = [d for d in all_documents(project) if _chats(d)]
    return [(document, open_deck(render(document))) for document in documents]


def test_three_bundled_lessons_tell_their_case_in_a_chat(chat_decks):
    lessons = {document.lesson_id for document, _ in chat_decks}
    assert {"online-vriendschap", "een-klusje-voor-snel-geld", "online-uitbuiting"} <= lessons


def test_bubbles_are_rounded_shapes_with_every_message_in_order(chat_decks):
    for document, presentation in chat_decks:
        expected = [_bubble_text(m) for chat in _chats(document) for m in chat.messages]
        bubbles = [b for slide in _chat_slides(presentation) for b in _bubbles(slide)]
        assert [b.text_frame.text for b in bubbles] == expected, document.lesson_id
        assert all(b.auto_shape_type == MSO_SHAPE.ROUNDED_RECTANGLE for b in bubbles)


def test_sides_names_and_fills_follow_the_participants(chat_decks):
    for document, presentation in chat_decks:
        messages = [m for chat in _chats(document) for m in chat.messages]
        bubbles = [b for slide in _chat_slides(presentation) for b in _bubbles(slide)]
        middle = presentation.slide_width // 2
        fills: dict[bool, set] = {True: set(), False: set()}
        for message, bubble in zip(messages, bubbles):
            if message.right:
                assert bubble.left + bubble.width > middle and bubble.left > Emu(Pt(200)), message.line
            else:
                assert bubble.left < middle, message.line
            if message.kind == MESSAGE:
                fills[message.right].add((bubble.fill.fore_color.theme_color, bubble.fill.fore_color.brightness))
        assert len(fills[True]) == len(fills[False]) == 1 and fills[True] != fills[False], fills
        for slide in _chat_slides(presentation):
            senders = {m.sender for m in messages}
            names = [s.text_frame.text for s in _group(slide).shapes if s.name == "Naam"]
            assert names and set(names) <= senders, "every chat slide names who speaks"


def test_no_chat_text_below_the_audience_body_size(chat_decks):
    for document, presentation in chat_decks:
        smallest = Pt(document.audience.typography.slide_body_pt)
        for slide in _chat_slides(presentation):
            for shape in _group(slide).shapes:
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.size >= smallest, (document.lesson_id, run.text)
                        assert run._r.get_or_add_rPr().get("lang") == "nl-NL"


def test_notes_and_description_hold_the_conversation_as_plain_text(chat_decks):
    for document, presentation in chat_decks:
        notes = "\n".join(s.notes_slide.notes_text_frame.text for s in _chat_slides(presentation))
        descriptions = "\n".join(_group(s).element.find(".//{*}cNvPr").get("descr") for s in _chat_slides(presentation))
        for chat in _chats(document):
            for line in chat.transcript():
                assert line in notes.splitlines(), (document.lesson_id, line)
                assert line in descriptions.splitlines(), (document.lesson_id, line)


def test_a_long_chat_continues_on_more_slides_within_the_slide(tmp_path):
    document = _long_chat_document(tmp_path)
    presentation = open_deck(render(document))
    slides = _chat_slides(presentation)
    titles = [slide.shapes.title.text_frame.text for slide in slides]
    assert len(slides) >= 4 and titles[0] == f"Sam en Kay (1/{len(slides)})", titles
    (chat,) = _chats(document)
    assert [b.text_frame.text for s in slides for b in _bubbles(s)] == [_bubble_text(m) for m in chat.messages]
    for slide in slides:
        title = slide.shapes.title
        for shape in _group(slide).shapes:
            assert shape.top >= title.top + title.height and shape.top + shape.height <= SLIDE_H, shape.text_frame.text
        boxes = sorted((b.top, b.top + b.height) for b in _bubbles(slide))
        assert all(bottom <= next_top for (_, bottom), (next_top, _) in zip(boxes, boxes[1:])), "bubbles overlap"
    headings = [s.text_frame.text for slide in slides for s in _group(slide).shapes if s.name == "Kop"]
    assert headings == ["Deel 1", "Deel 2"]
    second = next(i for i, slide in enumerate(slides) if any(s.name == "Kop" and s.text_frame.text == "Deel 2"
                                                                for s in _group(slide).shapes))
    assert _group(slides[second]).shapes[0].text_frame.text == "Deel 2", "a part starts a slide"
    assert render(document) == render(document)
