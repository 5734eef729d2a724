"""Pictograms and full slides: pictures in every pupil deck, alt text, text never below the audience's size,
quiz titles that say what they ask about, text that grows on an empty slide, captions level with their image."""

from __future__ import annotations

import dataclasses
import re

import pytest
from PIL import Image
from pptx.util import Emu, Pt

from generators.deck.fill import MAX_GROWTH
from generators.deck.plan import GENERIC_QUIZ_TITLE
from generators.deck.render import deck_plan
from generators.deck.template import text_placeholders, title_placeholder
from generators.lesson.document import (
    BulletSlide, ImageSlide, QuizSlide, RichText, Run, StatementSlide, TwoColumnSlide,
)
from generators.lesson.resolve import DEFAULT_TITLES
from tests.deck_helpers import all_documents, open_deck, options, render



def _text(value: str) -> RichText:
    return RichText((Run(value),))


def _with_slides(document, *slides):
    """The document with only these slides in its first activity."""
    phase = document.phases[0]
    activity = dataclasses.replace(phase.activities[0], slides=slides)
    return dataclasses.replace(document, phases=(dataclasses.replace(phase, activities=(activity,)),))


def _pictures(slide) -> list:
    """Pictures, also one put into a picture placeholder."""
    return [shape for shape in slide.shapes if shape.element.tag.endswith("}pic")]


@pytest.fixture(scope="module")
def decks(project):
    return [(document, open_deck(render(document))) for document in all_documents(project)]


def test_every_pupil_deck_has_a_picture_on_at_least_a_third_of_its_slides(decks):
    for document, deck in decks:
        if not document.audience.pupils:
            continue
        slides = list(deck.slides)
        with_picture = [s for s in slides if _pictures(s)]
        assert 3 * len(with_picture) >= len(slides), (document.lesson_id, document.audience.id, len(with_picture))


def test_every_pictogram_has_its_alt_text_and_stands_beside_the_text(decks):
    alts = {p.alt for p in decks[0][0].pictograms}
    seen = 0
    for document, deck in decks:
        for slide in deck.slides:
            for picture in _pictures(slide):
                if picture.name != "Pictogram":
                    continue
                descr = picture.element.find(".//{*}cNvPr").get("descr")
                assert descr in alts, (document.lesson_id, descr)
                assert picture.width == picture.height
                box = text_placeholders(slide)[0]
                assert box.left + box.width <= picture.left, "the text box runs under the pictogram"
                assert box.top <= picture.top and picture.top + picture.height <= box.top + box.height
                seen += 1
    assert seen > 100


def test_body_text_is_never_below_the_audiences_size(decks):
    for document, deck in decks:
        minimum = Pt(document.audience.typography.slide_body_pt)
        for number, slide in enumerate(deck.slides, start=1):
            for placeholder in text_placeholders(slide):
                for paragraph in placeholder.text_frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.size >= minimum, (document.lesson_id, document.audience.id, number, run.text)


def test_quiz_titles_say_what_the_question_is_about(decks, project):
    assert GENERIC_QUIZ_TITLE == DEFAULT_TITLES["quiz"]
    quizzes = 0
    for document, deck in decks:
        titles = [title_placeholder(s).text_frame.text for s in deck.slides]
        assert not [t for t in titles if re.fullmatch(rf"{GENERIC_QUIZ_TITLE}( \d+)?", t)], titles
        for activity in document.activities:
            for slide in activity.slides:
                if isinstance(slide, QuizSlide):
                    quizzes += 1
                    assert f"{GENERIC_QUIZ_TITLE}: {activity.title.plain}" in titles
                    assert f"Antwoord: {activity.title.plain}" in titles
    assert quizzes >= 10


def test_a_slide_with_little_text_grows_it_up_to_the_maximum(project):
    document = all_documents(project)[0]
    body = document.audience.typography.slide_body_pt
    short = BulletSlide(_text("Kort"), (_text("Eén korte zin."),))
    long = BulletSlide(_text("Lang"), tuple(_text(f"Punt {n} met een gewone zin die bijna een regel vult.") for n in range(4)))
    plan = deck_plan(_with_slides(document, short, long), options())
    sizes = {s.title: s.boxes[0][0].size for s in plan.slides if s.title in ("Kort", "Lang")}
    assert sizes["Kort"] == round(body * MAX_GROWTH) or sizes["Kort"] > body * MAX_GROWTH - 2
    assert body <= sizes["Lang"] < sizes["Kort"]
    assert plan.problems == ()


def test_two_columns_grow_together(project):
    document = all_documents(project)[0]
    body = document.audience.typography.slide_body_pt
    columns = TwoColumnSlide(_text("Twee kanten"), _text("Links"), (_text("Een"), _text("Twee")), _text("Rechts"),
                             (_text("Drie"),))
    (slide,) = [s for s in deck_plan(_with_slides(document, columns), options()).slides if s.title == "Twee kanten"]
    heads, items = {p.size for p in slide.boxes[0] + slide.boxes[1]}, {p.size for b in slide.boxes[2:] for p in b}
    assert len(heads) == len(items) == 1 and heads.pop() > body and items.pop() > body


def test_the_lesson_chooses_a_pictogram_or_none(project):
    document = all_documents(project)[0]
    chosen = BulletSlide(_text("Over geld"), (_text("Wie betaalt?"),), pictogram="geld")
    statement = StatementSlide(_text("Zonder"), _text("Geld maakt gelukkig."), pictogram="geen")
    deck = open_deck(render(_with_slides(document, chosen, statement)))
    by_title = {title_placeholder(s).text_frame.text: s for s in deck.slides}
    (picture,) = _pictures(by_title["Over geld"])
    assert picture.element.find(".//{*}cNvPr").get("descr") == document.pictogram("geld").alt
    assert _pictures(by_title["Zonder"]) == []


def test_a_caption_stands_beside_its_image_level_with_its_top(project, tmp_path):
    picture = tmp_path / "hoog.png"
    Image.new("RGB", (300, 600), (42, 127, 122)).save(picture)
    document = _with_slides(all_documents(project)[0], ImageSlide(_text("Een hoge tekening"), picture,
                                                                  "Een groen vlak.", _text("Zo ziet het eruit.")))
    slide = next(s for s in open_deck(render(document)).slides if s.shapes.title.text == "Een hoge tekening")
    (image,) = _pictures(slide)
    (caption,) = text_placeholders(slide)
    assert caption.top == image.top
    assert 0 < caption.left - (image.left + image.width) <= Emu(Pt(30))
    assert caption.text_frame.text == "Zo ziet het eruit."


def test_a_quiz_option_wraps_under_its_own_text(decks):
    document, deck = next((d, k) for d, k in decks if any(isinstance(s, QuizSlide) for a in d.activities for s in a.slides))
    slide = next(s for s in deck.slides if title_placeholder(s).text_frame.text.startswith(f"{GENERIC_QUIZ_TITLE}: "))
    options = [p for p in text_placeholders(slide)[0].text_frame.paragraphs if re.match(r"[A-F]\t", p.text)]
    assert [p.text[0] for p in options] == list("ABCDEF"[:len(options)]) and len(options) >= 2
    for paragraph in options:
        p_pr = paragraph._p.pPr
        assert int(p_pr.get("marL")) > 0 and int(p_pr.get("indent")) == -int(p_pr.get("marL"))
