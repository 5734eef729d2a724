"""SlideFactory's copies give the same package as python-pptx's own add_slide and notes_slide."""

from __future__ import annotations

from generators.deck_package import save_deterministic
from generators.deck_slide_factory import SlideFactory, _fresh
from generators.deck_template import open_template, template_version
from generators.deck_template_build import TEMPLATE_PATH

LAYOUTS = ("Titel", "Inhoud", "Inhoud", "Twee kolommen", "Afbeelding", "Inhoud", "Twee kolommen", "Afsluiting")


def _deck(use_factory: bool) -> bytes:
    presentation = open_template(TEMPLATE_PATH)
    factory = SlideFactory(presentation, template_version(TEMPLATE_PATH))
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
    expected = _deck(use_factory=False)
    assert _deck(use_factory=True) == expected
    assert _deck(use_factory=True) == expected
