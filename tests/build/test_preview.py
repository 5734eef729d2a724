"""`lespakket preview`: one PNG contact sheet per (lesson, audience), one labelled row per artifact, output/ untouched."""

from __future__ import annotations

import io
import tempfile

import pytest
from click.testing import CliRunner
from PIL import Image

from generators.build import preview as preview_sheet
from generators.cli.commands import cli
from generators.registry import GENERATORS
from tests.system_tools import require_program



SHOWN = tuple(g for g in GENERATORS if not g.needs)
"""The fixture lesson has no role play, so its files are every generator's but the ones that need one."""


def _check_rows(result, sheet: Image.Image) -> None:
    assert sheet.size == result.size
    assert sheet.width == preview_sheet.SHEET_WIDTH
    assert [r.label.startswith(f"{g.description} ({g.filename})") for r, g in zip(result.rows, SHOWN)] == [True] * len(SHOWN)
    assert len(result.rows) == len(SHOWN)
    for row in result.rows:
        assert sheet.getpixel((2, row.top + 2)) == preview_sheet.LABEL_BAND  # the row's label band
    assert result.rows[-1].top + result.rows[-1].height + preview_sheet.GAP == sheet.height
    for row, generator in zip(result.rows, SHOWN):
        if generator.filename.endswith(".pdf"):
            assert row.pages and all(p.width == preview_sheet.THUMB_WIDTH for p in row.pages)
            assert row.label.endswith(("pagina", "pagina's"))


def test_preview_without_libreoffice_has_pdf_rows_and_says_slides_are_left_out(workdir, monkeypatch):
    monkeypatch.setenv("LESPAKKET_DIAVOORBEELDEN", "0")
    result = CliRunner().invoke(cli, ["preview", "varianten", "--doelgroep", "15-18", "--uit", "voorbeeld"])
    assert result.exit_code == 0, result.output
    path = workdir / "voorbeeld" / "varianten_15-18.png"
    assert result.stdout == "Voorbeeld geschreven: voorbeeld/varianten_15-18.png\n"
    assert preview_sheet.NO_SLIDES in result.stderr
    with Image.open(path) as sheet:
        assert sheet.format == "PNG"
        sheet.load()
    direct = preview_sheet.preview_lesson("varianten", "15-18", workdir / "tweede")
    _check_rows(direct, Image.open(direct.path))
    deck_row = direct.rows[[g.kind for g in GENERATORS].index("presentatie")]
    assert deck_row.pages == [] and "LibreOffice ontbreekt" in deck_row.note
    assert not (workdir / "output").exists()
    assert [p.name for p in (workdir / "voorbeeld").iterdir()] == ["varianten_15-18.png"]  # no temporary left


def test_preview_defaults_to_the_first_audience_and_a_temporary_folder(workdir, monkeypatch, tmp_path):
    monkeypatch.setenv("LESPAKKET_DIAVOORBEELDEN", "0")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    result = CliRunner().invoke(cli, ["preview", "varianten"])
    assert result.exit_code == 0, result.output
    assert "Voorbeeld voor doelgroep 10-12; kies een andere met --doelgroep (15-18)." in result.stderr
    [folder] = (tmp_path / "tmp").iterdir()
    assert folder.name.startswith(preview_sheet.FOLDER_PREFIX)
    assert result.stdout == f"Voorbeeld geschreven: {folder / 'varianten_10-12.png'}\n"


@pytest.mark.parametrize("args, message", [
    (["preview", "varianten", "--doelgroep", "12-15"],
     "--doelgroep: fout: De les 'varianten' is niet voor doelgroep '12-15'. Kies uit: 10-12, 15-18. [doelgroep-niet-in-les]"),
    (["preview", "variant"], "--les: fout: Er is geen les met id 'variant'. Bedoel je 'varianten'? [les-onbekend]"),
    (["preview", "varianten", "--doelgroep", "15-81"],
     "--doelgroep: fout: Onbekende doelgroep '15-81'. Bedoel je '15-18'? [doelgroep-onbekend]"),
])
def test_preview_refuses_unknown_lesson_or_audience(workdir, args, message):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == message
    assert "Er is geen voorbeeld gemaakt." in result.stderr


def test_preview_with_libreoffice_shows_every_slide(workdir, monkeypatch):
    require_program("soffice", "libreoffice-impress")
    monkeypatch.setenv("LESPAKKET_DIAVOORBEELDEN", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(workdir / "cache"))
    result = preview_sheet.preview_lesson("varianten", "10-12", workdir / "voorbeeld")
    _check_rows(result, Image.open(result.path))
    deck_row = result.rows[[g.kind for g in GENERATORS].index("presentatie")]
    assert deck_row.pages, deck_row.note
    assert deck_row.label.endswith(f"{len(deck_row.pages)} dia's")
    from pptx import Presentation

    from generators.build.pipeline import BuildRequest, load_project, select_documents
    from generators.paths import ASSETS_DIR
    from generators.registry import RenderOptions
    from generators.build.render_pool import RenderPool

    project = load_project([workdir / "lessons"])
    request = BuildRequest(lesson_paths=[workdir / "lessons"], output=workdir / "x", lesson_ids=("varianten",),
                           audiences=("10-12",))
    document = select_documents(project, request)[0]
    with RenderPool(0, RenderOptions(ASSETS_DIR), GENERATORS) as pool:
        deck = next(content for task in pool.render([document]) for kind, _, content in task.files if kind == "presentatie")
    assert len(deck_row.pages) == len(Presentation(io.BytesIO(deck)).slides)


def _second_lesson(workdir, text_change=lambda text: text):
    import shutil

    source = workdir / "lessons" / "proef" / "varianten"
    shutil.copytree(source, source.with_name("tweede"))
    lesson = source.with_name("tweede") / "les.yaml"
    lesson.write_text(text_change(lesson.read_text(encoding="utf-8").replace("id: varianten\n", "id: tweede\n", 1)),
                      encoding="utf-8")


def test_preview_checks_every_lesson_but_keeps_only_the_one_it_shows(workdir, monkeypatch):
    import generators.build.pipeline

    _second_lesson(workdir)
    kept: list = []
    load = generators.build.pipeline.load_project

    def spy(*args, **kwargs):
        project = load(*args, **kwargs)
        kept.append(([l.model.id for l in project.lessons], sorted(project.lesson_ids)))
        return project

    monkeypatch.setattr(generators.build.pipeline, "load_project", spy)
    monkeypatch.setenv("LESPAKKET_DIAVOORBEELDEN", "0")
    preview_sheet.preview_lesson("varianten", "15-18", workdir / "voorbeeld")
    assert kept == [(["varianten"], ["tweede", "varianten"])]


@pytest.mark.parametrize("change, code", [
    (lambda text: text.replace("id: tweede\n", "id: tweede\nonbekend_veld: ja\n", 1), "sleutel-onbekend"),
    (lambda text: text.replace("id: tweede\n", "id: varianten\n", 1), "les-dubbel-id"),
])
def test_an_error_in_another_lesson_still_stops_the_preview(workdir, monkeypatch, change, code):
    _second_lesson(workdir, change)
    monkeypatch.setenv("LESPAKKET_DIAVOORBEELDEN", "0")
    with pytest.raises(preview_sheet.PreviewAborted) as aborted:
        preview_sheet.preview_lesson("varianten", "15-18", workdir / "voorbeeld")
    assert any(code in d.format() and "tweede" in d.format() for d in aborted.value.diagnostics.sorted())
