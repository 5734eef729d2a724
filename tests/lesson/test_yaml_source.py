"""Reading hand-written YAML: positions, YAML 1.2 scalars, and the mapping from model paths to lines."""

from __future__ import annotations

from pathlib import Path

from generators.diagnostics import Diagnostics
from generators.lesson.yaml_source import read_yaml


def _read(tmp_path: Path, text: str):
    path = tmp_path / "les.yaml"
    path.write_text(text, encoding="utf-8")
    diagnostics = Diagnostics()
    return read_yaml(path, "les.yaml", diagnostics), diagnostics


def test_yaml_12_keeps_no_and_times_as_text(tmp_path):
    source, diagnostics = _read(tmp_path, "a: no\nb: 12:30\nc: ja\n")
    assert not diagnostics.items
    assert source.tree == {"a": "no", "b": "12:30", "c": "ja"}


def test_locations_follow_model_paths(tmp_path):
    text = "titel: Les\nlesverloop:\n  - fase: kern\n    activiteiten:\n      - titel: Uitleg\n        minuten: 10\n"
    source, _ = _read(tmp_path, text)
    assert str(source.location(("titel",))) == "les.yaml:1:8"
    assert str(source.location(("lesverloop", 0, "activiteiten", 0, "minuten"))) == "les.yaml:6:18"
    # pydantic puts union tags and wrapper keys in paths that are not in the file: they are skipped
    assert str(source.location(("lesverloop", 0, "kern", "activiteiten", 0, "titel", "standaard"))) == "les.yaml:5:16"
    # a missing key points at the deepest existing parent
    assert str(source.location(("lesverloop", 0, "activiteiten", 0, "werkvorm"))) == "les.yaml:5:9"
    assert str(source.key_location(("lesverloop", 0, "activiteiten"))) == "les.yaml:4:5"


def test_bom_is_tolerated(tmp_path):
    path = tmp_path / "les.yaml"
    path.write_bytes("\ufefftitel: Één les\n".encode("utf-8"))
    diagnostics = Diagnostics()
    source = read_yaml(path, "les.yaml", diagnostics)
    assert source.tree == {"titel": "Één les"} and not diagnostics.items


def test_a_list_at_the_top_is_refused(tmp_path):
    source, diagnostics = _read(tmp_path, "- een\n- twee\n")
    assert source is None
    assert [d.code for d in diagnostics.items] == ["yaml-geen-blok"]


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    source, diagnostics = _read(tmp_path, "\n".join(lines) + "\n")
    assert source is None
    assert [d.format() for d in diagnostics.items] == [
        "les.yaml:2:8: fout: Verwijzingen met * en & (YAML-aliassen) zijn niet toegestaan in lesbestanden. "
        "Schrijf de tekst voluit. [yaml-alias]"
    ]


def test_a_hashtag_cut_off_by_a_yaml_comment_is_a_located_warning(tmp_path):
    text = ("bron: Boyan, in de campagne #mensenhandelwatdoejij\n"
            "quote: \"met #hashtag tussen aanhalingstekens\"\n"
            "lijst:\n  - iets #ookweg\n"
            "rol: mentor  # een gewone opmerking\n"
            "blok: |\n  in een blok #blijft staan\n")
    source, diagnostics = _read(tmp_path, text)
    assert source.tree["bron"] == "Boyan, in de campagne"
    assert [d.format() for d in diagnostics.items] == [
        f"les.yaml:{line}:{column}: waarschuwing: Na een spatie en '#' begint in YAML een opmerking, dus '{tag}' valt "
        "weg uit deze tekst. Bedoel je een hashtag? Zet de hele tekst tussen aanhalingstekens (\"...\"). [tekst-hekje]"
        for line, column, tag in ((1, 7, "#mensenhandelwatdoejij"), (4, 5, "#ookweg"))
    ]
