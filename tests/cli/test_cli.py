"""The `lespakket` command end to end with click's CliRunner, into temporary folders."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators.cli.commands import cli

FIXTURES = Path(__file__).parents[1] / "fixtures"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_check_is_clean(workdir):
    result = run("check")
    assert result.exit_code == 0, result.output
    assert result.stdout == "1 les gecontroleerd: in orde.\n"


def test_list_shows_lessons_with_durations(workdir):
    result = run("list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["REEKS", "LES", "TITEL", "DOELGROEPEN"]
    assert lines[1].startswith("proef  varianten")
    assert lines[1].endswith("10-12 (45 min), 15-18 (50 min)")


def test_schema_is_json_schema_of_the_lesson_format(workdir):
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False
    assert {"id", "titel", "doelgroepen", "lesverloop"} <= set(schema["properties"])
    assert {"InhoudDia", "QuizDia", "InvulOpdracht", "CasusOpdracht"} <= set(schema["definitions"])
    run("schema", "--uit", "les.schema.json")
    assert json.loads((workdir / "les.schema.json").read_text()) == schema


def test_schema_accepts_the_glossary(workdir):
    """`begrippen` with `term`, `uitleg` (text or variants per audience) and `alleen`, nothing else."""
    schema = json.loads(run("schema").stdout)
    assert schema["properties"]["begrippen"]["items"] == {"$ref": "#/definitions/Begrip"}
    entry = schema["definitions"]["Begrip"]
    assert set(entry["properties"]) == {"term", "uitleg", "alleen"} and entry["required"] == ["term", "uitleg"]
    assert entry["additionalProperties"] is False


def _manifest(output: Path) -> list[dict]:
    return json.loads((output / "manifest.json").read_text(encoding="utf-8"))["artefacten"]


def test_build_writes_manifest_matching_the_files(workdir):
    result = run("build", "--uit", "uit")
    assert result.exit_code == 0, result.output
    entries = _manifest(workdir / "uit")
    made = len([e for e in entries if e["les"] == "varianten"])
    assert result.stdout == (f"Gemaakt: {made} bestanden voor les 'varianten' (10-12, 15-18). In uit/ staan nu "
                             f"{len(entries)} bestanden (overzicht: uit/manifest.json).\n")
    for entry in entries:
        path = workdir / "uit" / entry["pad"]
        data = path.read_bytes()
        if entry["les"] is not None and entry["soort"] not in ("pakket", "voorbeeld"):
            assert entry["pad"].startswith(f"proef/varianten/{entry['doelgroep']}/")
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["bytes"]
        assert set(entry) == {"les", "reeks", "doelgroep", "soort", "pad", "sha256", "bytes"}
    kinds = {e["soort"] for e in entries}
    assert {"presentatie", "werkblad", "pakket", "catalogus", "factsheet"} <= kinds
    files = sorted(p.relative_to(workdir / "uit").as_posix() for p in (workdir / "uit").rglob("*") if p.is_file())
    assert files == sorted([".lespakket-bouw.json", "manifest.json", *(e["pad"] for e in entries)])
    assert [p.name for p in workdir.iterdir() if p.name.startswith(".uit.")] == [".uit.lock"]


def test_partial_build_keeps_the_rest(workdir):
    assert run("build", "--uit", "uit").exit_code == 0
    before = _manifest(workdir / "uit")
    result = run("build", "--uit", "uit", "--les", "varianten", "--doelgroep", "10-12")
    assert result.exit_code == 0
    assert result.stdout.startswith("Niets opnieuw gemaakt: elke les was al bij.")
    assert _manifest(workdir / "uit") == before
    result = run("build", "--uit", "uit", "--les", "varianten", "--doelgroep", "10-12", "--force")
    made = len([e for e in before if e["les"] == "varianten" and e["doelgroep"] == "10-12"])
    assert result.stdout.startswith(f"Gemaakt: {made} bestanden voor les 'varianten' (10-12).")
    assert _manifest(workdir / "uit") == before


def test_unknown_lesson_or_audience_in_options(workdir):
    result = run("build", "--les", "varianen", "--doelgroep", "1012")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        "--doelgroep: fout: Onbekende doelgroep '1012'. Bedoel je '10-12'? [doelgroep-onbekend]",
        "--les: fout: Er is geen les met id 'varianen'. Bedoel je 'varianten'? [les-onbekend]",
    ]
    assert not (workdir / "output").exists()


@pytest.mark.parametrize(("args", "message"), [
    (("--les", "varianten", "--doelgroep", "12-15"),
     "--doelgroep: fout: De les 'varianten' is niet voor doelgroep '12-15'. Kies uit: 10-12, 15-18. [doelgroep-niet-in-les]"),
    (("--les", "varianten", "--doelgroep", "12-15", "--doelgroep", "12-15"),
     "--doelgroep: fout: De les 'varianten' is niet voor doelgroep '12-15'. Kies uit: 10-12, 15-18. [doelgroep-niet-in-les]"),
    (("--doelgroep", "12-15"),
     "--doelgroep: fout: Geen enkele les is voor doelgroep '12-15'. Kies uit: 10-12, 15-18. [doelgroep-zonder-les]"),
])
def test_a_choice_of_lesson_and_audience_that_selects_nothing_is_an_error(workdir, args, message):
    result = run("build", *args)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == message
    assert not (workdir / "output").exists()
    assert run("build", "--les", "varianten", "--doelgroep", "12-15", "--doelgroep", "15-18").exit_code == 0
    assert run("build", "--doelgroep", "12-15", "--doelgroep", "10-12").exit_code == 0
    again = run("build", *args)  # Why: now the lesson's audiences come from the outlines of the build before
    assert (again.exit_code, again.stderr.splitlines()[0]) == (1, message)


def test_strict_turns_warnings_into_failure(workdir):
    path = workdir / "lessons" / "proef" / "varianten" / "les.yaml"
    path.write_text(path.read_text().replace("  10-12: Een les voor _groep 8_", "  10-12: Een les voor _groep 8_\n  12-15: Ongebruikt"))
    assert run("check").exit_code == 0
    result = run("check", "--strict")
    assert result.exit_code == 1
    assert "[variant-ongebruikt]" in result.stderr


def test_school_file_reaches_the_document(workdir):
    from generators.build.pipeline import load_project
    from generators.lesson.resolve import resolve_lesson

    project = load_project([workdir / "lessons"], FIXTURES / "school.yaml")
    document = resolve_lesson(project.lessons[0], "10-12", project.data, project.school)
    assert document.school.name == "Voorbeeldschool"
    assert [c.role for c in document.school.contacts] == ["vertrouwenspersoon", "aandachtsfunctionaris"]
    assert run("check", "--school", str(FIXTURES / "school.yaml")).exit_code == 0


def test_no_lessons_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lessons").mkdir()
    result = run("check")
    assert result.exit_code == 1
    assert result.stderr.startswith("lessons: fout: Geen lesbestanden (les.yaml) gevonden. [geen-lessen]")


def test_school_edition_reaches_every_output(workdir):
    import io
    import zipfile

    from pptx import Presentation
    from pypdf import PdfReader

    result = run("build", "--uit", "uit", "--school", str(FIXTURES / "school.yaml"))
    assert result.exit_code == 0, result.output
    out = workdir / "uit"
    assert "schooleditie Voorbeeldschool" in (out / "index.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(out / "pakketten" / "varianten_10-12.zip") as archive:
        assert "Schooleditie voor: Voorbeeldschool" in archive.read("varianten_10-12/LEESMIJ.txt").decode()
        deck = Presentation(io.BytesIO(archive.read("varianten_10-12/presentatie.pptx")))
        closing = " ".join(shape.text_frame.text for shape in deck.slides[-1].shapes if shape.has_text_frame)
        assert "Mevrouw De Vries" in closing
        for name in ("docentenhandleiding.pdf", "ouderbrief.pdf"):
            text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(archive.read(f"varianten_10-12/{name}"))).pages)
            assert "Voorbeeldschool" in text, name
    poster = " ".join(page.extract_text() for page in PdfReader(out / "factsheet" / "factsheet-a4.pdf").pages)
    assert "Mevrouw De Vries" in poster
