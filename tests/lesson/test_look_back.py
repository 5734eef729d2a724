"""Each pupil lesson ends by checking its learning goals: `terugblik` questions on a slide, on the worksheet and,
with their answers, in the answer key and the guide."""

from __future__ import annotations

import pytest

from generators.guide.render import render_teacher_guide
from generators.lesson.look_back import TITLE
from generators.worksheet.render import render_answer_key, render_worksheet
from tests.deck_helpers import all_documents, open_deck, options, render, text_dump
from tests.pdf_checks import page_texts, squash
from tests.test_lesson_library import LESSON_FILES, LESSON_IDS


@pytest.fixture(scope="module")
def pupil_documents(project):
    return [d for d in all_documents(project) if d.audience.pupils]


@pytest.mark.parametrize("path", LESSON_FILES, ids=LESSON_IDS)
def test_every_bundled_pupil_lesson_has_a_look_back(project, path):
    loaded = next(l for l in project.lessons if l.source.path == path)
    pupils = [a for a in loaded.model.doelgroepen if project.data.audience(a).leerlingen]
    if pupils:
        assert loaded.model.terugblik is not None, f"{path}: add a 'terugblik' with questions on the learning goals"


def _look_back(document):
    last = document.phases[-1].activities[-1]
    assert last.title.plain == TITLE, f"{document.lesson_id}: the look-back is the lesson's last activity"
    return last


def test_the_questions_come_on_a_slide_the_worksheet_and_with_answers_in_the_key(pupil_documents):
    checked = 0
    for document in pupil_documents[:4]:
        activity = _look_back(document)
        questions = [e.question.plain for e in activity.exercises]
        assert 2 <= len(questions) <= 5
        deck = squash(text_dump(open_deck(render(document))))
        sheet = squash(" ".join(page_texts(render_worksheet(document, options()))))
        key = squash(" ".join(page_texts(render_answer_key(document, options()))))
        guide = squash(" ".join(page_texts(render_teacher_guide(document, options()))))
        for exercise in activity.exercises:
            question = squash(exercise.question.plain)
            assert question in deck and question in sheet and question in key and question in guide
            answers = [exercise.answer.text, *exercise.answer.points]
            assert any(a is not None for a in answers), "every question has an answer for the key"
            for answer in (a for a in answers if a is not None):
                assert squash(answer.plain) in key
                assert squash(answer.plain) not in sheet
        checked += 1
    assert checked == 4


def test_a_question_for_one_audience_stays_out_of_the_other(project):
    documents = {f"{d.lesson_id}-{d.audience.id}": d for d in all_documents(project)}
    law = "Wat zegt de wet over naaktbeelden van iemand onder de 18?"
    questions = {key: [e.question.plain for e in _look_back(documents[key]).exercises]
                 for key in ("online-uitbuiting-12-15", "online-uitbuiting-15-18")}
    assert law in questions["online-uitbuiting-15-18"] and law not in questions["online-uitbuiting-12-15"]


def test_the_look_back_minutes_count_in_the_lesson(tmp_path, lesson_copies):
    from generators.build.pipeline import load_project

    (path,) = lesson_copies(tmp_path, ["varianten"]).values()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\nterugblik:\n  minuten: 5\n  vragen:\n    - vraag: Een?\n      antwoord: Ja.\n"
                    "    - vraag: Twee?\n      antwoord: Nee.\n", encoding="utf-8")
    messages = [d.format() for d in load_project([tmp_path / "lessons"]).diagnostics.items]
    assert any("[minuten-som]" in m and f"'{TITLE[:29]}" in m for m in messages), messages
