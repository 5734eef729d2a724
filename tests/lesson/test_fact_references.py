"""`feit: <id>` in a lesson: accepted by the schema, resolved to the audience's wording with its source."""

from __future__ import annotations

import shutil
from pathlib import Path

from generators.build.pipeline import load_project
from generators.lesson.document import BulletSlide, FactSlide, QuizSlide, SourcedText
from generators.lesson.resolve import resolve_lesson
from generators.lesson.schema_export import lesson_json_schema

VARIANTS = Path(__file__).parents[1] / "fixtures" / "varianten" / "lessons"


def test_the_schema_accepts_every_way_to_use_a_fact_and_the_steps():
    import jsonschema

    from generators.data.shared import load_shared_data
    from generators.diagnostics import Diagnostics
    from generators.paths import DATA_DIR

    schema = lesson_json_schema(load_shared_data(DATA_DIR, Diagnostics()))
    defs = schema["definitions"]

    def valid(definition: str, value) -> bool:
        return jsonschema.Draft7Validator({**schema, "$ref": f"#/definitions/{definition}"}).is_valid(value)

    assert valid("Punt", {"feit": "bekenden-68"}) and not valid("Punt", {"feit": "bekenden-86"})
    assert not valid("Punt", {"feit": "bekenden-68", "tekst": "Ook een tekst"})
    assert defs["FeitDia"]["required"] == ["soort", "feit"]
    for model in ("QuizDia", "MeerkeuzeOpdracht", "WaarStelling"):
        assert "feit" in defs[model]["properties"], model
    assert valid("GegevensDia", {"soort": "gegevens", "bron": "sextortie"})
    assert not valid("GegevensDia", {"soort": "gegevens", "bron": "sextortie", "items": ["niet-betalen"]})
    assert valid("VolgordeOpdracht", {"soort": "volgorde", "bron": "sextortie"})
    assert not valid("VolgordeOpdracht", {"soort": "volgorde", "bron": "sextortie", "stappen": ["a", "b"]})


def test_facts_resolve_to_the_audience_wording_with_their_source(tmp_path):
    shutil.copytree(VARIANTS, tmp_path / "lessons")
    lesson = tmp_path / "lessons" / "proef" / "varianten" / "les.yaml"
    text = lesson.read_text(encoding="utf-8")
    text = text.replace("kerndoelen: [burgerschap]\n", "kerndoelen: [burgerschap]\nachtergrond:\n  - feit: bekenden-68\n")
    text = text.replace("            juist: C\n", "            juist: C\n            uitleg: Denk niet alleen aan onbekenden.\n"
                                                  "            feit: bekenden-68\n"
                                                  "          - soort: feit\n            feit: dwang-minderjarigen\n"
                                                  "          - soort: inhoud\n            titel: Ook jongens\n"
                                                  "            punten:\n              - feit: ook-jongens\n"
                                                  "              - Praat erover.\n")
    lesson.write_text(text, encoding="utf-8")
    project = load_project([tmp_path / "lessons"])
    assert not project.diagnostics.items, [d.format() for d in project.diagnostics.items]
    facts = project.data.facts
    [loaded] = project.lessons
    for audience in ("10-12", "15-18"):
        document = resolve_lesson(loaded, audience, project.data)
        [background] = document.background
        assert background.plain == facts["bekenden-68"].lang and isinstance(background, SourcedText)
        slides = document.phases[0].activities[0].slides
        quiz = next(s for s in slides if isinstance(s, QuizSlide))
        short = facts["bekenden-68"].kort.for_audience(audience)
        assert quiz.explanation.plain == f"Denk niet alleen aan onbekenden. {short}"
        assert quiz.explanation.source == facts["bekenden-68"].bron
        fact_slide = next(s for s in slides if isinstance(s, FactSlide))
        assert fact_slide.fact.plain == facts["dwang-minderjarigen"].kort.for_audience(audience)
        bullets = next(s for s in slides if isinstance(s, BulletSlide) and s.title.plain == "Ook jongens").bullets
        assert isinstance(bullets[0], SourcedText) and not isinstance(bullets[1], SourcedText)
        assert [f.id for f in document.facts][:3] == ["bekenden-68", "dwang-minderjarigen", "ook-jongens"]
    assert "68%" not in facts["bekenden-68"].kort.for_audience("10-12")  # plain words for groep 7-8
