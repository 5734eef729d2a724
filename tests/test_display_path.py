"""Paths in messages are shown as the author knows them: relative to the working folder when inside it."""

from __future__ import annotations

from pathlib import Path

from generators.diagnostics import display_path


def test_paths_inside_the_working_folder_are_relative_and_others_stay_as_given(tmp_path, monkeypatch):
    (tmp_path / "werk" / "lessons").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "werk")
    assert display_path(Path("lessons/reeks/les/les.yaml")) == "lessons/reeks/les/les.yaml"
    assert display_path(tmp_path / "werk" / "lessons" / "les.yaml") == "lessons/les.yaml"
    assert display_path(Path("../werk/lessons/les.yaml")) == "lessons/les.yaml"
    assert display_path(tmp_path / "elders.yaml") == (tmp_path / "elders.yaml").as_posix()
    assert display_path(tmp_path / "werk" / "les.yaml", base=tmp_path) == "werk/les.yaml"
