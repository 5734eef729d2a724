"""The deck plan on its own and with odd content: splitting, limits, image slides with alt text, warnings."""

from __future__ import annotations

import dataclasses

from PIL import Image

from generators.deck.render import deck_diagnostics, deck_plan
from generators.deck.plan import GENERIC_QUIZ_TITLE, lesson_to_deck_plan
from generators.deck.template import text_placeholders
from generators.lesson.document import BulletSlide, ImageSlide, RichText, Run
from tests.deck_helpers import all_documents, open_deck, options, render


def _text(value: str) -> RichText:
    return RichText((Run(value),))


def _with_slides(document, *slides):
    """The document with extra slides added to its first activity."""
    phase = document.phases[0]
    activity = dataclasses.replace(phase.activities[0], slides=phase.activities[0].slides + slides)
    phase = dataclasses.replace(phase, activities=(activity,) + phase.activities[1:])
    return dataclasses.replace(document, phases=(phase,) + document.phases[1:])


def test_plan_order_quiz_answer_and_closing(project):
    for document in all_documents(project):
        _, slides = lesson_to_deck_plan(document)
        assert [s.layout for s in slides[:2]] == ["Titel", "Inhoud"]
        assert slides[1].title == "Leerdoelen"
        assert slides[-1].layout == "Afsluiting" and slides[-1].title == document.audience.closing_title
        assert sum(s.layout == "Sectie" for s in slides) == len(document.phases)
        for before, after in zip(slides, slides[1:]):
            if after.title.startswith("Antwoord: "):
                assert before.title.removeprefix(f"{GENERIC_QUIZ_TITLE}: ") == after.title.removeprefix("Antwoord: ")
        for slide in slides:
            for box in slide.boxes:
                assert all(p.size >= 20 for p in box)


def test_long_lists_split_by_the_audience_limit_and_by_measure(project):
    document = all_documents(project)[0]
    limit = document.audience.limits.max_bullets_per_slide
    bullets = tuple(_text(f"Punt {n}: een gewone zin die op één regel past.") for n in range(limit * 2 + 1))
    plan = deck_plan(_with_slides(document, BulletSlide(_text("Een lange lijst"), bullets)), options())
    parts = [s for s in plan.slides if s.title.startswith("Een lange lijst")]
    assert [s.title for s in parts] == ["Een lange lijst (1/3)", "Een lange lijst (2/3)", "Een lange lijst (3/3)"]
    assert all(len(s.boxes[0]) <= limit for s in parts)
    assert sum(len(s.boxes[0]) for s in parts) == len(bullets)

    long = tuple(_text("Dit is een heel lange zin die over meerdere regels loopt. " * 6) for _ in range(3))
    plan = deck_plan(_with_slides(document, BulletSlide(_text("Veel tekst"), long)), options())
    parts = [s for s in plan.slides if s.title.startswith("Veel tekst")]
    assert len(parts) >= 2 and not plan.problems


def test_what_cannot_fit_is_a_located_warning(project):
    document = all_documents(project)[0]
    huge = (_text("Een bijzonder lange alinea zonder einde. " * 40),)
    diagnostics = deck_diagnostics(_with_slides(document, BulletSlide(_text("Te veel"), huge)), options())
    assert len(diagnostics) == 1
    text = diagnostics[0].format()
    first = next(iter(document.activities))
    assert first.line > 0
    assert text.startswith(f"lessons/{document.series}/{document.lesson_id}/les.yaml:{first.line}:9: waarschuwing: ")
    assert f"(doelgroep {document.audience.id}, activiteit 1), dia 'Te veel': De tekst past niet op de dia" in text
    assert text.endswith("[dia-past-niet]")


def test_image_slide_has_alt_text_and_fits_without_cropping(project, tmp_path):
    picture = tmp_path / "tekening.png"
    Image.new("RGB", (400, 100), (42, 127, 122)).save(picture)
    document = _with_slides(
        all_documents(project)[0],
        ImageSlide(_text("Een tekening"), picture, "Een groene balk als voorbeeld.", _text("Onderschrift bij de tekening")),
    )
    deck = open_deck(render(document))
    slide = next(s for s in deck.slides if s.shapes.title.text == "Een tekening")
    pictures = [sh for sh in slide.shapes if sh.shape_type in (13, 14) and sh.element.tag.endswith("pic")]
    assert len(pictures) == 1
    shape = pictures[0]
    assert shape.element.find(".//{*}cNvPr").get("descr") == "Een groene balk als voorbeeld."
    assert "png" not in shape.element.find(".//{*}cNvPr").get("descr")
    assert (shape.crop_left, shape.crop_right, shape.crop_top, shape.crop_bottom) == (0, 0, 0, 0)
    assert abs(shape.width / shape.height - 4.0) < 0.01
    assert shape.left + shape.width <= deck.slide_width
    assert [ph.text_frame.text for ph in text_placeholders(slide)] == ["Onderschrift bij de tekening"]
