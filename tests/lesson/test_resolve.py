"""Resolution: (lesson, audience) becomes a frozen document with variants picked and blocks filtered."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from generators.build.pipeline import load_project
from generators.lesson.document import BulletSlide, FillInExercise, Gap, MatchExercise, QuizSlide, Run
from generators.lesson.resolve import resolve_lesson

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parents[1] / "fixtures" / "varianten" / "lessons"


@pytest.fixture(scope="module")
def variants():
    project = load_project([FIXTURE])
    assert not project.diagnostics.items, [d.format() for d in project.diagnostics.items]
    [loaded] = project.lessons
    return {a: resolve_lesson(loaded, a, project.data) for a in ("10-12", "15-18")}


def test_resolution_matrix_covers_every_lesson_and_audience(project):
    pairs = 0
    for loaded in project.lessons:
        for audience in loaded.model.doelgroepen:
            document = resolve_lesson(loaded, audience, project.data)
            pairs += 1
            assert document.audience.id == audience
            assert sum(a.minutes for a in document.activities) == document.duration
            assert [e.head.number for e in document.exercises] == list(range(1, len(list(document.exercises)) + 1))
            assert document.help_routes, f"{loaded.model.id}/{audience} names no help"
            assert document.title.plain and document.meldcode.items
    assert pairs >= 2


def test_variants_and_inline_markup(variants):
    assert variants["15-18"].title.runs == (Run("Een les met "), Run("varianten", bold=True))
    assert variants["10-12"].title.runs == (Run("Een les voor "), Run("groep 8", italic=True))


def test_blocks_limited_to_audiences_are_filtered(variants):
    young, old = variants["10-12"], variants["15-18"]
    assert [g.plain for g in young.goals.knowledge] == ["Ik kan uitleggen wat dwang is."]
    assert len(old.goals.knowledge) == 2
    assert [a.title.plain for a in young.activities] == ["Start", "Voor iedereen"]
    assert [a.title.plain for a in old.activities] == ["Start", "Alleen voor ouderen", "Voor iedereen"]
    assert [a.minutes for a in young.activities] == [15, 30]
    assert [e.head.number for e in young.exercises] == [1, 2, 3]


def test_quiz_answer_letter_follows_filtered_options(variants):
    young_quiz = variants["10-12"].phases[0].activities[0].slides[1]
    old_quiz = variants["15-18"].phases[0].activities[0].slides[1]
    assert isinstance(young_quiz, QuizSlide)
    assert [o.plain for o in young_quiz.options] == ["Een onbekende", "Iemand die je kent"]
    assert young_quiz.correct == (1,)
    assert old_quiz.correct == (2,)


def test_shared_data_slide_and_help_routes(variants):
    meldcode = variants["10-12"].phases[0].activities[0].slides[0]
    assert isinstance(meldcode, BulletSlide) and meldcode.numbered and len(meldcode.bullets) == 5
    assert meldcode.title.plain == "De meldcode in vijf stappen"
    # the lesson names three lines; each audience gets those meant for it
    assert [h.id for h in variants["10-12"].help_routes] == ["chat-met-fier"]
    assert [h.id for h in variants["15-18"].help_routes] == ["chat-met-fier", "meld-misdaad-anoniem"]
    assert "veilig-thuis" in [h.id for h in variants["10-12"].teacher_help_routes]


def test_exercises_are_laid_out_from_values(variants):
    young = list(variants["10-12"].exercises)
    fill = young[0]
    assert isinstance(fill, FillInExercise)
    assert [s.answer for s in fill.segments if isinstance(s, Gap)] == ["112", "Chat met Fier"]
    assert fill.word_bank == ("112", "Chat met Fier", "Keerpunt")
    match = young[1]
    assert isinstance(match, MatchExercise)
    assert sorted(match.shown_order) == [0, 1, 2] and match.shown_order != (0, 1, 2)
    # more writing lines for the youngest (factor in doelgroepen.yaml), from the same author value
    assert (young[2].lines, list(variants["15-18"].exercises)[3].lines) == (6, 4)
    assert variants["10-12"].short_duration == 15


def test_notes_keep_paragraphs(variants):
    notes = variants["10-12"].phases[0].activities[0].notes
    assert [n.plain for n in notes] == ["Eerste alinea.", "Tweede alinea met nadruk."]


def test_document_is_frozen(variants):
    with pytest.raises(dataclasses.FrozenInstanceError):
        variants["10-12"].duration = 1  # type: ignore[misc]


def test_renderers_never_name_an_audience():
    """Only resolution may know age groups; renderers get values."""
    allowed = {"lesson/resolve.py", "data/shared.py", "lesson/checks.py", "lesson/lint.py", "cli/commands.py",
               "build/pipeline.py"}
    pattern = re.compile(r"""["'](10-12|12-15|15-18|professionals)["']""")
    code = ROOT / "generators"
    offenders = [
        name for p in code.rglob("*.py")
        if (name := p.relative_to(code).as_posix()) not in allowed and pattern.search(p.read_text())
    ]
    assert offenders == []


def test_every_class_of_the_resolved_document_says_what_it_is():
    """Why also for speed: Python makes up a docstring for a dataclass without one, from its signature, at import;
    for this module that was 5-10 ms on the way to the first rendered document."""
    from generators.lesson import document as lesson_document

    classes = [c for c in vars(lesson_document).values() if dataclasses.is_dataclass(c) and c.__module__ == lesson_document.__name__]
    assert len(classes) >= 40
    assert [c.__name__ for c in classes if c.__doc__.startswith(f"{c.__name__}(")] == []


WORDS_LESSON = """\
id: woorden
titel: Wie helpt?
reeks: proef
samenvatting: Praat met {hulp-op-school}.
doelgroepen:
  10-12:
    duur: 10
  12-15:
    duur: 10
leerdoelen:
  kennis:
    - Ik weet dat {hulp-op-school} luistert.
lesverloop:
  - fase: kern
    activiteiten:
      - titel: Praten
        minuten: 10
        werkvorm: klassengesprek
        dias:
          - soort: stelling
            stelling: "{hulp-op-school} helpt je. Ook {hulp-op-school}."
begrippen:
  - term: anoniem
    uitleg: Zonder je naam.
    alleen: [10-12]
  - term: uitbuiter
    uitleg:
      standaard: Iemand die een ander **gebruikt**.
      12-15: Iemand die verdient aan een ander.
"""


@pytest.fixture(scope="module")
def words_documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("woorden") / "lessons" / "proef" / "woorden"
    folder.mkdir(parents=True)
    (folder / "les.yaml").write_text(WORDS_LESSON, encoding="utf-8")
    project = load_project([folder.parent.parent])
    assert not project.diagnostics.has_errors(), [d.format() for d in project.diagnostics.items]
    [loaded] = project.lessons
    return {a: resolve_lesson(loaded, a, project.data) for a in ("10-12", "12-15")}


def test_the_school_help_placeholder_is_filled_per_audience_with_a_capital_at_a_sentence_start(words_documents):
    young, older = words_documents["10-12"], words_documents["12-15"]
    assert young.summary.plain == "Praat met je juf of meester, de intern begeleider of de vertrouwenspersoon."
    assert older.summary.plain == "Praat met je mentor, de vertrouwenspersoon of de zorgcoördinator."
    assert older.goals.knowledge[0].plain == "Ik weet dat je mentor, de vertrouwenspersoon of de zorgcoördinator luistert."
    statement = next(young.activities).slides[0].statement.plain
    assert statement == ("Je juf of meester, de intern begeleider of de vertrouwenspersoon helpt je. "
                         "Ook je juf of meester, de intern begeleider of de vertrouwenspersoon.")


def test_school_help_is_worded_for_pupils_parents_and_teachers(words_documents):
    young = words_documents["10-12"].audience.school_help
    assert young.roles == ("juf of meester", "intern begeleider", "vertrouwenspersoon")
    assert young.for_parents == "de juf of meester van uw kind, de intern begeleider of de vertrouwenspersoon"
    assert young.for_teacher == "de juf of meester, de intern begeleider en de vertrouwenspersoon"
    assert young.colleagues == "de intern begeleider en de vertrouwenspersoon"
    assert words_documents["12-15"].audience.school_help.colleagues == "de vertrouwenspersoon en de zorgcoördinator"


def test_the_glossary_keeps_its_order_variants_markup_and_audiences(words_documents):
    young, older = words_documents["10-12"].glossary, words_documents["12-15"].glossary
    assert [e.term for e in young] == ["anoniem", "uitbuiter"]
    assert young[1].explanation.runs == (Run("Iemand die een ander "), Run("gebruikt", bold=True), Run("."))
    assert [(e.term, e.explanation.plain) for e in older] == [("uitbuiter", "Iemand die verdient aan een ander.")]
    assert words_documents["10-12"].audience.glossary_title == "Moeilijke woorden"
    assert words_documents["12-15"].audience.glossary_title == "Begrippen"
