"""Each invalid fixture gives exactly its expected located Dutch messages, exit 1, and writes nothing."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from generators.cli.commands import cli

FIXTURES = Path(__file__).parents[1] / "fixtures" / "invalid"
CASES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def _png_declaring(width: int, height: int) -> bytes:
    """A 70-byte PNG whose header claims width x height pixels (a "pixel bomb")."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def _link_out_of_tree(case: Path) -> None:
    """Why in the test: copytree would copy the link's target, and git links differ per platform."""
    secret = case / "geheim.png"
    Image.new("RGB", (4, 4)).save(secret)
    image = case / "lessons/proef/proefles/beeld/foto.png"
    image.parent.mkdir(parents=True)
    image.symlink_to(Path("../../../..") / secret.name)
    assert image.resolve() == secret.resolve()


def _pixel_bomb(case: Path) -> None:
    image = case / "lessons/proef/proefles/beeld/foto.png"
    image.parent.mkdir(parents=True)
    image.write_bytes(_png_declaring(100_000, 100_000))


SETUP = {"afbeelding-symlink": _link_out_of_tree, "afbeelding-pixelbom": _pixel_bomb}


@pytest.fixture
def case_dir(request, tmp_path, monkeypatch) -> Path:
    target = tmp_path / request.param
    shutil.copytree(FIXTURES / request.param, target)
    SETUP.get(request.param, lambda case: None)(target)
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
        "afbeelding-type", "afbeelding-te-groot", "plaatshouder-onbekend",
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
    (output / ".lespakket-bouw.json").write_text("{}")  # an earlier build's folder, which a build may replace
    result = CliRunner().invoke(cli, ["build", "--uit", "output"])
    assert result.exit_code == 1
    expected = (case_dir / "expected.txt").read_text(encoding="utf-8")
    assert result.stderr.startswith(expected)
    assert "Er is niets geschreven" in result.stderr
    assert sorted(p.name for p in output.iterdir()) == [".lespakket-bouw.json", "vorige.txt"]
    # Why the lock may stay: lessons are checked while the build holds it; it is an empty file, never output.
    assert not [p for p in case_dir.iterdir() if p.name.startswith(".output.") and p.name != ".output.lock"]


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
