"""The guide names every file of the lesson's pack with what it is for (help card, large print, role cards)."""

from __future__ import annotations

import pytest

from generators.registry import GENERATORS
from tests.guide_samples import documents, guide_text
from tests.pdf_checks import squash


@pytest.mark.parametrize("key", ["online-vriendschap-10-12", "mensenhandel-wat-doe-jij-professionals",
                                 "een-vriend-helpen-15-18"])
def test_the_guide_lists_exactly_the_files_of_its_pack(key):
    document = documents()[key]
    text = squash(guide_text(key))
    assert squash("In het lespakket") in text
    for generator in GENERATORS:
        listed = squash(f"{generator.filename}: {generator.description}") in text
        assert listed == generator.applies_to(document), (key, generator.filename)


def test_pupils_get_the_help_card_and_large_print_and_a_role_play_its_cards():
    pupils = squash(guide_text("online-vriendschap-10-12"))
    assert squash("hulpkaart.pdf") in pupils and squash("werkblad-groot.pdf") in pupils
    assert squash("rolkaarten.pdf") not in pupils
    assert squash("rolkaarten.pdf") in squash(guide_text("een-vriend-helpen-15-18"))
    assert squash("ouderbrief.pdf") not in squash(guide_text("mensenhandel-wat-doe-jij-professionals"))
