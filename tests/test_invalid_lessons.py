"""Each invalid fixture gives exactly its expected located Dutch messages, exit 1, and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "invalid"
CASES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


@pytest.fixture
def case_dir(request, tmp_path, monkeypatch) -> Path:
    target = tmp_path / request.param
    shutil.copytree(FIXTURES / request.param, target)
    monkeypatch.chdir(target)
    return target


def test_every_diagnostic_code_has_a_fixture():
    codes = {line.rsplit("[", 1)[1].rstrip("]") for case in CASES
             for line in (FIXTURES / case / "expected.txt").read_text(encoding="utf-8").splitlines() if "[" in line}
    assert {
        "yaml-syntax", "yaml-tab", "yaml-dubbele-sleutel", "yaml-alias", "yaml-leeg", "bestand-binair",
        "bestand-codering", "sleutel-onbekend", "sleutel-ontbreekt", "type", "waarde-onbekend", "soort-onbekend",
        "doelgroep-onbekend", "hulplijn-onbekend", "kerndoel-onbekend", "minuten-som", "variant-ontbreekt",
        "meerkeuze-antwoord", "antwoord-ontbreekt", "tekst-leeg", "tekst-stuurteken", "tekst-dubbele-punt",
        "id-ongeldig", "les-map", "les-dubbel-id", "afbeelding-ontbreekt", "afbeelding-pad",
    } <= codes


@pytest.mark.parametrize("case_dir", CASES, indirect=True)
def test_check_prints_the_expected_messages(case_dir: Path):
    result = CliRunner().invoke(cli, ["check", "lessons"])
    assert result.exit_code == 1
    assert result.stderr == (case_dir / "expected.txt").read_text(encoding="utf-8")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("case_dir", CASES, indirect=True)
def test_build_aborts_and_leaves_output_untouched(case_dir: Path):
    output = case_dir / "output"
    output.mkdir()
    (output / "vorige.txt").write_text("van een eerdere build")
    result = CliRunner().invoke(cli, ["build", "--uit", "output"])
    assert result.exit_code == 1
    expected = (case_dir / "expected.txt").read_text(encoding="utf-8")
    assert result.stderr.startswith(expected)
    assert "Er is niets geschreven" in result.stderr
    assert sorted(p.name for p in output.iterdir()) == ["vorige.txt"]
    assert not [p for p in case_dir.iterdir() if p.name.startswith(".output.")]


def test_oversized_file_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "lessons" / "proef" / "proefles"
    folder.mkdir(parents=True)
    base = (FIXTURES.parent / "minimal-les.yaml").read_text(encoding="utf-8")
    (folder / "les.yaml").write_text(base.replace("Proefles", "x" * 5_000_000, 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 1
    assert "lessons/proef/proefles/les.yaml: fout: Het lesbestand is 5000 kB; het mag hoogstens 1000 kB zijn. [bestand-te-groot]" in result.stderr


def test_invalid_school_file_is_located(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "lessons" / "proef" / "proefles"
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES.parent / "minimal-les.yaml", folder / "les.yaml")
    (tmp_path / "school.yaml").write_text(
        "naam: Voorbeeldschool\ncontactpersonen:\n  - naam: Mevrouw De Vries\n    rol: vertrouwenspersn\n    bereikbaar: Kamer 1\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["check", "--school", "school.yaml"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        "school.yaml:4:10: fout: 'vertrouwenspersn' is hier niet toegestaan. Bedoel je 'vertrouwenspersoon'? "
        "Kies uit: mentor, vertrouwenspersoon, aandachtsfunctionaris, zorgcoördinator, intern begeleider, directie, "
        "anders. [waarde-onbekend]"
    )
