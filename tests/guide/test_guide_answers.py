"""The guide's answer appendix: every answer of every worksheet exercise, next to what it answers."""

from __future__ import annotations

import pytest

from generators.guide import answers as guide_answers
from generators.lesson.document import (
    AgreeExercise, CaseExercise, ChoiceExercise, FillInExercise, Gap, MatchExercise, OpenExercise, OrderExercise,
    ReflectionExercise, TrueFalseExercise,
)
from tests.guide_samples import KEYS, documents, guide_text
from tests.pdf_checks import squash

ARROW = "\u2192"


def appendix(key: str) -> str:
    text = guide_text(key)
    return squash(text[text.rindex("Bijlage: antwoorden"):])


def expected_runs(exercise) -> list[str]:
    """Texts that must appear in this order in the appendix for this exercise."""
    head = [f"Opdracht {exercise.head.number}"]
    if isinstance(exercise, (OpenExercise, ReflectionExercise)):
        return head + [exercise.question.plain, *answer_texts(exercise.answer)]
    if isinstance(exercise, CaseExercise):
        return head + [t for q in exercise.questions for t in (q.question.plain, *answer_texts(q.answer))]
    if isinstance(exercise, ChoiceExercise):
        right = [f"{chr(65 + i)}{exercise.options[i].plain}" for i in exercise.correct]
        return head + [exercise.question.plain, *right] + ([exercise.explanation.plain] if exercise.explanation else [])
    if isinstance(exercise, TrueFalseExercise):
        runs = []
        for s in exercise.statements:
            verdict = exercise.labels[0] if s.is_true else exercise.labels[1]
            runs += [f"{s.text.plain}{ARROW}{verdict}"] + ([s.explanation.plain] if s.explanation else [])
        return head + runs
    if isinstance(exercise, AgreeExercise):
        return head + [t for s in exercise.statements for t in (s.text.plain, *(p.plain for p in s.points))]
    if isinstance(exercise, MatchExercise):
        return head + [f"{left.plain}{ARROW}{chr(65 + exercise.shown_order.index(i))}({right.plain})"
                       for i, (left, right) in enumerate(exercise.pairs)]
    if isinstance(exercise, FillInExercise):
        return head + [s.answer for s in exercise.segments if isinstance(s, Gap)]
    if isinstance(exercise, OrderExercise):
        return head + [step.plain for step in exercise.steps] + ([exercise.explanation.plain] if exercise.explanation else [])
    raise AssertionError(f"no expectation for {type(exercise).__name__}")


def answer_texts(answer) -> list[str]:
    return ([answer.text.plain] if answer.text else []) + [p.plain for p in answer.points]


@pytest.mark.parametrize("key", KEYS)
def test_every_answer_is_in_the_appendix_in_order(key):
    text = appendix(key)
    position = 0
    for exercise in documents()[key].exercises:
        for run in expected_runs(exercise):
            found = text.find(squash(run), position)
            assert found >= 0, f"{key}: opdracht {exercise.head.number}: '{run[:60]}' missing or out of order"
            position = found + len(squash(run))


def test_the_bundled_lessons_use_every_exercise_kind():
    """Why: otherwise the test above would pass for a kind whose answers are never printed."""
    kinds = {type(e) for document in documents().values() for e in document.exercises}
    laid_out = set(guide_answers._answers.registry) - {object}
    assert kinds == laid_out


def test_the_appendix_is_not_the_worksheet_again():
    """The pupil sheet's usual instructions stay on the sheet; the appendix adds only what an author wrote."""
    document = documents()["online-uitbuiting-12-15"]
    text = appendix("online-uitbuiting-12-15")
    assert "Docentversie" not in text
    for exercise in document.exercises:
        instruction = squash(exercise.head.instruction.plain)
        assert (instruction in text) == exercise.head.own_instruction, instruction
