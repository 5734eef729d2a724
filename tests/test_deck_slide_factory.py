"""SlideFactory's copies give the same package as python-pptx's own add_slide and notes_slide."""

from __future__ import annotations

from pptx import Presentation

from generators.deck_package import save_deterministic
from generators.deck_slide_factory import SlideFactory, _fresh
from generators.deck_template import open_template, template_version
from generators.deck_template_build import TEMPLATE_PATH

LAYOUTS = ("Titel", "Inhoud", "Inhoud", "Twee kolommen", "Afbeelding", "Inhoud", "Twee kolommen", "Afsluiting")


def _deck(template, use_factory: bool) -> bytes:
    presentation = open_template(template)
    factory = SlideFactory(presentation, template_version(template))
    for number, name in enumerate(LAYOUTS):
        layout = presentation.slide_layouts.get_by_name(name)
        slide = factory.add_slide(layout)[0] if use_factory else presentation.slides.add_slide(layout)
        if number % 3 and use_factory:
            factory.notes_slide(slide)
        elif number % 3:
            slide.notes_slide  # noqa: B018  python-pptx adds the notes slide on first access
    return save_deterministic(presentation)


def test_factory_matches_python_pptx_first_time_and_from_its_copies():
    _fresh.cache_clear()
    expected = _deck(TEMPLATE_PATH, use_factory=False)
    assert _deck(TEMPLATE_PATH, use_factory=True) == expected
    assert _deck(TEMPLATE_PATH, use_factory=True) == expected


def test_factory_matches_python_pptx_on_a_template_with_its_own_slides_and_notes(tmp_path):
    presentation = Presentation(str(TEMPLATE_PATH))
    for name in ("Titel", "Inhoud", "Vraag"):
        slide = presentation.slides.add_slide(presentation.slide_layouts.get_by_name(name))
        if name != "Inhoud":
            slide.notes_slide.notes_text_frame.text = f"Notitie bij {name}"
    template = tmp_path / "met-dias.pptx"
    presentation.save(str(template))
    expected = _deck(template, use_factory=False)
    assert _deck(template, use_factory=True) == expected
    assert _deck(template, use_factory=True) == expected
