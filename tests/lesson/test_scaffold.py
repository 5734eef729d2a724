"""`lespakket new`: the example lesson passes `check --strict`, shows every kind, and never overwrites."""

from __future__ import annotations

import typing

import pytest
from click.testing import CliRunner

from generators.build.pipeline import load_project
from generators.cli.commands import cli
from generators.lesson.source_model import Dia, Opdracht


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def _kinds(union) -> set[str]:
    members = typing.get_args(typing.get_args(union)[0])
    return {typing.get_args(m.model_fields["soort"].annotation)[0] for m in members}


def test_new_lesson_passes_strict_check(workdir):
    result = run("new", "proef", "mijn-les")
    assert result.exit_code == 0, result.output
    assert "lessons/proef/mijn-les/les.yaml" in result.stdout
    assert (workdir / "lessons/proef/mijn-les/beeld/voorbeeld.png").is_file()
    check = run("check", "--strict", "lessons/proef/mijn-les")
    assert check.exit_code == 0, check.output
    assert check.stderr == ""


def test_new_lesson_shows_every_slide_and_exercise_kind_and_variants(workdir):
    run("new", "proef", "mijn-les")
    project = load_project([workdir / "lessons"])
    lesson = project.lessons[0].model
    text = (workdir / "lessons/proef/mijn-les/les.yaml").read_text(encoding="utf-8")
    activities = [a for phase in lesson.lesverloop for a in phase.activiteiten]
    slides = {d.soort for a in activities for d in a.dias}
    exercises = {o.soort for a in activities for o in a.opdrachten}
    assert slides == _kinds(Dia)
    assert exercises == _kinds(Opdracht)
    assert {"introductie", "kern", "afsluiting"} == {p.fase for p in lesson.lesverloop}
    assert len(lesson.doelgroepen) >= 2
    assert "alleen:" in text and "standaard:" in text and "optioneel: true" in text
    assert sum(line.lstrip().startswith("#") for line in text.splitlines()) >= 30  # commented for authors
    assert lesson.id == "mijn-les" and lesson.reeks == "proef"


def test_new_refuses_to_overwrite(workdir):
    assert run("new", "proef", "mijn-les").exit_code == 0
    path = workdir / "lessons/proef/mijn-les/les.yaml"
    path.write_text("id: mijn-les\n# eigen werk\n", encoding="utf-8")
    result = run("new", "proef", "mijn-les")
    assert result.exit_code == 1
    assert result.stderr == (
        "fout: De les lessons/proef/mijn-les/les.yaml bestaat al. Kies een andere les-id; er is niets overschreven.\n"
    )
    assert path.read_text(encoding="utf-8") == "id: mijn-les\n# eigen werk\n"


def test_new_refuses_an_id_used_in_another_series(workdir):
    run("new", "proef", "mijn-les")
    result = run("new", "andere-reeks", "mijn-les")
    assert result.exit_code == 1
    assert "wordt al gebruikt in lessons/proef/mijn-les/les.yaml" in result.stderr
    assert not (workdir / "lessons/andere-reeks").exists()


@pytest.mark.parametrize("series, lesson_id, bad", [
    ("proef", "Mijn Les", "'Mijn Les' is geen geldige les-id"),
    ("proef", "mijn_les", "'mijn_les' is geen geldige les-id"),
    ("proef", "les-", "'les-' is geen geldige les-id"),
    ("proef", "../uit", "'../uit' is geen geldige les-id"),
    ("Proef", "les", "'Proef' is geen geldige naam voor een reeks"),
])
def test_new_refuses_invalid_ids(workdir, series, lesson_id, bad):
    result = run("new", series, lesson_id)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"fout: {bad}: gebruik alleen kleine letters, cijfers en streepjes")
    assert "Traceback" not in result.output
    assert not (workdir / "lessons").exists()


@pytest.mark.parametrize("series, lesson_id, bad", [
    ("proef", "con", "'con' kan geen les-id zijn"),
    ("lpt1", "les", "'lpt1' kan geen naam voor een reeks zijn"),
])
def test_new_refuses_windows_device_names(workdir, series, lesson_id, bad):
    """Such a lesson would fail `check` at once (naam-windows), and its packs could not be unpacked on Windows."""
    result = run("new", series, lesson_id)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"fout: {bad}: Windows gebruikt die naam zelf")
    assert not (workdir / "lessons").exists()


def test_new_lesson_names_the_editor_schema_it_writes_beside_the_lessons(workdir):
    result = run("new", "proef", "mijn-les")
    assert "Schema voor je editor: lessons/les.schema.json" in result.stdout
    first = (workdir / "lessons/proef/mijn-les/les.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../les.schema.json"
    schema = workdir / "lessons/proef/mijn-les" / "../../les.schema.json"
    assert schema.resolve() == (workdir / "lessons/les.schema.json").resolve()
    assert schema.read_text(encoding="utf-8") == run("schema").stdout


def test_new_lesson_leaves_a_les_schema_json_it_did_not_write(workdir):
    own = workdir / "lessons" / "les.schema.json"
    own.parent.mkdir()
    own.write_text('{"title": "mijn eigen schema"}', encoding="utf-8")
    result = run("new", "proef", "mijn-les")
    assert result.exit_code == 0 and "Schema voor je editor" not in result.stdout
    assert own.read_text(encoding="utf-8") == '{"title": "mijn eigen schema"}'
    assert run("new", "proef", "tweede-les").exit_code == 0
    assert own.read_text(encoding="utf-8") == '{"title": "mijn eigen schema"}'
