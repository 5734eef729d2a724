"""Placeholders in lesson text: filled per audience, a capital at a sentence start, unknown ones left for `check`."""

from __future__ import annotations

from generators.lesson.placeholders import fill_placeholders, unknown_placeholders

VALUES = {"hulp-op-school": "je mentor of de vertrouwenspersoon"}


def test_filled_in_the_middle_and_at_every_kind_of_sentence_start():
    assert fill_placeholders("Praat met {hulp-op-school}.", VALUES) == "Praat met je mentor of de vertrouwenspersoon."
    assert fill_placeholders("{hulp-op-school} luistert.", VALUES) == "Je mentor of de vertrouwenspersoon luistert."
    assert fill_placeholders("Goed zo. {hulp-op-school}!", VALUES) == "Goed zo. Je mentor of de vertrouwenspersoon!"
    assert fill_placeholders("Eerst\n\n**{hulp-op-school}**", VALUES) == "Eerst\n\n**Je mentor of de vertrouwenspersoon**"
    assert fill_placeholders("Hij zei: '{hulp-op-school}'", VALUES) == "Hij zei: 'Je mentor of de vertrouwenspersoon'"


def test_text_without_known_placeholders_stays_as_it_is():
    for text in ("Geen accolades.", "Een {onbekende} plek.", "Een { losse } accolade.", "{}"):
        assert fill_placeholders(text, VALUES) == text


def test_unknown_placeholders_with_their_offset():
    assert unknown_placeholders("Praat met {hulp-op-scool} of {hulp-op-school}.") == [(10, "hulp-op-scool")]
    assert unknown_placeholders("Een { losse } accolade.") == []
