"""Differentiation inside an audience: `extra_steun` and `extra_uitdaging` of an activity appear in the guide."""

from __future__ import annotations

import pytest

from tests.guide_samples import documents, guide_text
from tests.pdf_checks import squash

HEADING = "Verschillen in de klas"


@pytest.mark.parametrize("key", ["wat-is-mensenhandel-12-15", "wat-is-mensenhandel-15-18"])
def test_the_guide_gives_both_routes_of_an_activity_for_its_audience(key):
    document = documents()[key]
    routes = [a for phase in document.phases for a in phase.activities if a.support or a.challenge]
    assert routes, "the bundled lesson uses extra_steun and extra_uitdaging"
    text = squash(guide_text(key))
    assert squash(HEADING) in text
    for activity in routes:
        for paragraph in (*activity.support, *activity.challenge):
            assert squash(paragraph.plain) in text, paragraph.plain
    assert text.count(squash("Extra steun")) == sum(bool(a.support) for a in routes)


def test_each_audience_gets_its_own_variant_of_a_route():
    challenge = {key: " ".join(p.plain for phase in documents()[key].phases for a in phase.activities
                               for p in a.challenge)
                 for key in ("wat-is-mensenhandel-12-15", "wat-is-mensenhandel-15-18")}
    assert "tweede einde" in challenge["wat-is-mensenhandel-12-15"]
    assert "tweede einde" not in challenge["wat-is-mensenhandel-15-18"]
    assert "ook al stal Aylin zelf" in challenge["wat-is-mensenhandel-15-18"]


def test_a_lesson_without_routes_has_no_empty_heading():
    key = "online-vriendschap-10-12"
    document = documents()[key]
    assert not any(a.support or a.challenge for phase in document.phases for a in phase.activities)
    assert squash(HEADING) not in squash(guide_text(key))
