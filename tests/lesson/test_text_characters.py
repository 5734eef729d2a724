"""Characters no slide or page can show are found while reading, at the place they stand in the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.deck import measure as deck_measure
from generators.pdf import style as pdf_style
from generators.diagnostics import Diagnostics
from generators.lesson.font_coverage import CARLITO_DIR, FACE_FILES, WINANSI, in_every_face, missing
from generators.lesson.text_characters import describe
from generators.lesson.yaml_source import read_yaml


def _found(tmp_path: Path, text: str, newline: str = "\n") -> list[str]:
    path = tmp_path / "les.yaml"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    diagnostics = Diagnostics()
    read_yaml(path, "les.yaml", diagnostics)
    return [f"{d.location} {d.code}" for d in diagnostics.items]


def test_the_faces_are_those_the_pdfs_and_the_slides_use():
    assert set(FACE_FILES) == set(pdf_style.FONT_FILES.values())
    assert set(FACE_FILES) == {f"Carlito-{face}.ttf" for face in deck_measure.FACES.values()}
    assert all((CARLITO_DIR / name).is_file() for name in FACE_FILES)


def test_every_face_draws_winansi():
    """Why it matters: text of WinAnsi characters alone is passed without reading the fonts (font_coverage.drawable)."""
    assert WINANSI <= in_every_face()
    assert {"’", "“", "–", "€", "é", "ë"} <= WINANSI and "\xad" not in WINANSI


def test_the_check_agrees_with_the_pdfs_own_glyph_check():
    pdf_style.register_fonts(pdf_style.fonts_dir(CARLITO_DIR.parent.parent))
    sample = "Één café – “ja” € 😀 \u0301 \uf0b7 \u2011 ŉ Ω ∞ ✓ →\t\n"
    assert missing(sample) == pdf_style.missing_glyphs(sample)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_place_is_exact_in_every_style_of_text(tmp_path, newline):
    text = ("a: plain 😀\n"
            "b: 'single 😀'\n"
            "c: |-\n  eerste\n  tweede 😀\n"
            "d: >-\n  lang\n  gevouwen 😀\n"
            "e:\n  - item 😀\n"
            "f: plain\n  doorlopend 😀\n")
    assert _found(tmp_path, text, newline) == [f"les.yaml:{place} teken-niet-in-lettertype" for place in (
        "1:10", "2:12", "5:10", "8:12", "10:10", "12:14")]


def test_an_escaped_character_points_at_the_value(tmp_path):
    path = tmp_path / "les.yaml"
    path.write_text('titel: "Een \\U0001F600 les"\n', encoding="utf-8")
    diagnostics = Diagnostics()
    read_yaml(path, "les.yaml", diagnostics)
    assert [d.format() for d in diagnostics.items] == [
        "les.yaml:1:8: fout: Het lettertype Carlito van de dia's en de PDF's heeft geen teken voor U+1F600 "
        "(😀 GRINNING FACE). Haal het teken weg of vervang het door een woord. Het staat als teken 5 in de tekst die "
        "hier begint. [teken-niet-in-lettertype]"]


def test_a_letter_and_its_accent_become_one_character_and_pass(tmp_path):
    assert _found(tmp_path, "titel: Ide\u0301e\n") == []


def test_an_accent_that_stays_alone_is_the_one_pointed_at(tmp_path):
    assert _found(tmp_path, "titel: Ide\u0301e q\u0301\n") == ["les.yaml:1:15 teken-niet-in-lettertype"]


def test_an_image_path_is_not_set_in_a_font_but_may_not_hide_its_direction(tmp_path):
    assert _found(tmp_path, "afbeelding:\n  pad: beeld/😀.png\n") == []
    assert _found(tmp_path, "afbeelding:\n  pad: beeld/\u202egnp.exe\n") == ["les.yaml:2:14 tekst-richtingsteken"]


def test_each_character_is_named_once_per_text(tmp_path):
    assert _found(tmp_path, "titel: 😀 en 😀 en \u200b\u200b\n") == [
        "les.yaml:1:8 teken-niet-in-lettertype", "les.yaml:1:18 tekst-onzichtbaar-teken"]


def test_a_bidi_control_or_a_mark_is_named_without_being_printed():
    assert describe("\u202e") == "U+202E (RIGHT-TO-LEFT OVERRIDE)"
    assert describe("\u0301") == "U+0301 (COMBINING ACUTE ACCENT)"
    assert describe("😀") == "U+1F600 (😀 GRINNING FACE)"
    assert describe("\uf0b7") == "U+F0B7 (een teken voor eigen gebruik, vaak een opsommingsteken uit Word)"
