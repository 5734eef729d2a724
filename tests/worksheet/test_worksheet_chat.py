"""A case that happens in a chat: the conversation is printed above its questions on the worksheet, in the answer
key and in the teacher guide, unless the author chose to leave it off the pupils' sheet."""

from __future__ import annotations

import dataclasses

import pytest

from generators.guide.render import render_teacher_guide
from generators.lesson.document import CaseExercise, Chat, ChatMessage, ChatPart, PHOTO
from generators.worksheet.exercises import NOT_ON_SHEET
from generators.worksheet.render import render_answer_key, render_digital_worksheet, render_worksheet
from tests.guide_samples import OPTIONS, documents
from tests.pdf_checks import page_texts, squash
from tests.worksheet_samples import all_kinds_document, plain

CHAT_CASES = ["online-vriendschap-10-12", "online-vriendschap-12-15", "een-klusje-voor-snel-geld-10-12",
              "online-uitbuiting-15-18"]


def _text(pdf: bytes) -> str:
    return squash("".join(page_texts(pdf)))


def _in_order(text: str, pieces: list[str]) -> bool:
    position = 0
    for piece in pieces:
        found = text.find(squash(piece), position)
        if found < 0:
            return False
        position = found + len(squash(piece))
    return True


def _case_with_chat(key: str) -> CaseExercise:
    return next(e for e in documents()[key].exercises if isinstance(e, CaseExercise) and e.chat)


def _pieces(exercise: CaseExercise) -> list[str]:
    """What a reader sees, in order: the story, then per message its sender (at a turn) and its text."""
    pieces = [p.plain for p in exercise.case]
    previous = None
    for message in exercise.chat.messages:
        if message.sender != previous:
            pieces.append(message.sender)
        pieces.append(message.text.plain)
        previous = message.sender
    return pieces + [exercise.questions[0].question.plain]


@pytest.mark.parametrize("key", CHAT_CASES)
@pytest.mark.parametrize("render", [render_worksheet, render_answer_key, render_digital_worksheet],
                         ids=["werkblad", "antwoorden", "digitaal"])
def test_the_chat_stands_above_the_questions(key, render):
    exercise = _case_with_chat(key)
    assert _in_order(_text(render(documents()[key], OPTIONS)), _pieces(exercise))


@pytest.mark.parametrize("key", CHAT_CASES)
def test_the_guide_has_the_whole_chat(key):
    text = _text(render_teacher_guide(documents()[key], OPTIONS))
    for part in _case_with_chat(key).chat.parts:
        assert _in_order(text, [m.text.plain for m in part.messages]), key


def test_an_author_may_leave_the_story_off_the_pupils_sheet():
    chat = Chat(plain("Sem en Jay"), (ChatPart(plain("Zaterdag"), (
        ChatMessage("Jay", False, plain("Wil je iets voor me wegbrengen?"), "14:02"),
        ChatMessage("Sem", True, plain("Wat dan?")),
        ChatMessage("Jay", False, plain("Foto: Een pakketje"), kind=PHOTO),
    )),))
    document = all_kinds_document(case="Sem is 14 en voetbalt.")
    exercises = tuple(dataclasses.replace(e, chat=chat) if isinstance(e, CaseExercise) else e
                      for e in document.exercises)
    shown = _with_exercises(document, exercises)
    hidden = _with_exercises(document, tuple(dataclasses.replace(e, on_sheet=False) if isinstance(e, CaseExercise)
                                             else e for e in exercises))
    pieces = ["Sem is 14 en voetbalt.", "Zaterdag", "Jay", "Wil je iets voor me wegbrengen?", "14:02", "Sem",
              "Wat dan?", "Foto: Een pakketje", "Wanneer gaat het mis?"]
    assert _in_order(_text(render_worksheet(shown, OPTIONS)), pieces)
    pupil = _text(render_worksheet(hidden, OPTIONS))
    assert squash("Wil je iets voor me wegbrengen?") not in pupil and squash("Sem is 14") not in pupil
    assert squash(NOT_ON_SHEET) in pupil
    assert _in_order(_text(render_answer_key(hidden, OPTIONS)), pieces)


def _with_exercises(document, exercises):
    phase = document.phases[0]
    activity = dataclasses.replace(phase.activities[0], exercises=exercises)
    return dataclasses.replace(document, phases=(dataclasses.replace(phase, activities=(activity,)),))
