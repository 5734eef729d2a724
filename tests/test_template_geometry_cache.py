"""The template's text room comes from the user cache while the template is unchanged; a bad template is never stored."""

from __future__ import annotations

import json
import shutil

import pytest
from pptx import Presentation

from generators import deck_template
from generators.deck_template import DeckTemplateError, template_geometry, template_version
from generators.deck_template_build import TEMPLATE_PATH


@pytest.fixture
def template(tmp_path, monkeypatch):
    """A copy of the bundled template, a cache of our own, and no geometry or check remembered in this process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    copy = tmp_path / "sjabloon.pptx"
    shutil.copyfile(TEMPLATE_PATH, copy)
    new_process()
    yield copy
    new_process()


def new_process() -> None:
    deck_template._geometry.cache_clear()
    deck_template._CHECKED.clear()


def stored(tmp_path) -> list:
    folder = tmp_path / "cache" / "lespakket" / "sjabloonmaten"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def refuse_to_open(monkeypatch) -> None:
    def open_(path):
        raise AssertionError("opened the template instead of reading the cache")

    monkeypatch.setattr(deck_template, "open_template", open_)


def test_an_unchanged_template_is_not_opened_again_and_counts_as_checked(template, tmp_path, monkeypatch):
    first = template_geometry(template)
    assert len(stored(tmp_path)) == 1
    new_process()
    refuse_to_open(monkeypatch)
    assert template_geometry(template) == first
    assert template_version(template) in deck_template._CHECKED


def test_a_changed_template_is_opened_again(template, tmp_path, monkeypatch):
    first = template_geometry(template)
    presentation = Presentation(str(template))
    layout = presentation.slide_layouts.get_by_name("Inhoud")
    next(ph for ph in layout.placeholders if ph.placeholder_format.idx != 0).width //= 2
    presentation.save(str(template))
    new_process()
    changed = template_geometry(template)
    assert changed["Inhoud"] != first["Inhoud"] and changed["Titel"] == first["Titel"]
    assert len(stored(tmp_path)) == 2


def test_a_template_that_fails_its_check_is_never_stored(template, tmp_path):
    presentation = Presentation(str(template))
    presentation.slide_layouts.get_by_name("Stelling").name = "Stelling oud"
    presentation.save(str(template))
    for _ in range(2):
        new_process()
        with pytest.raises(DeckTemplateError, match="mist de indeling 'Stelling'"):
            template_geometry(template)
    assert stored(tmp_path) == []


@pytest.mark.parametrize("damage", [
    lambda plain: "{half",
    lambda plain: json.dumps({**plain, "Inhoud": [[1, 2], []]}),
    lambda plain: json.dumps({**plain, "Titel": [[1, 2, 3], []]}),
    lambda plain: json.dumps({**plain, "Titel": [["1", 2], []]}),
    lambda plain: json.dumps({k: v for k, v in plain.items() if k != "Vraag"}),
], ids=["half", "too-few-boxes", "three-numbers", "text", "layout-missing"])
def test_a_damaged_store_is_read_from_the_template_again(template, tmp_path, damage):
    first = template_geometry(template)
    [path] = stored(tmp_path)
    path.write_text(damage(json.loads(path.read_text())))
    new_process()
    assert template_geometry(template) == first


def test_without_a_cache_folder_the_template_is_opened(template, tmp_path):
    (tmp_path / "cache").write_text("geen map")
    first = template_geometry(template)
    new_process()
    assert template_geometry(template) == first
