"""The printables teachers ask for (help card, large-print worksheet, role cards) reach the packs, the site
manifest, the catalog and `lespakket verify`, each only where it belongs."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators.cli.commands import cli

FIXTURES = Path(__file__).parents[1] / "fixtures"
PRINTABLES = {"hulpkaart.pdf", "werkblad-groot.pdf", "rolkaarten.pdf"}


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("printables")
    shutil.copytree(FIXTURES / "rollenspel" / "lessons", root / "lessons")
    shutil.copy(FIXTURES / "school.yaml", root / "school.yaml")
    mp = pytest.MonkeyPatch()
    mp.setenv("LESPAKKET_DIAVOORBEELDEN", "0")
    mp.chdir(root)
    result = CliRunner().invoke(cli, ["build", "--school", "school.yaml", "-j", "0"], catch_exceptions=False)
    mp.undo()
    assert result.exit_code == 0, result.output
    return root / "output"


def pack_names(output: Path, pack: str) -> set[str]:
    with zipfile.ZipFile(output / "pakketten" / pack) as archive:
        return {name.split("/", 1)[1] for name in archive.namelist()}


@pytest.mark.parametrize(("pack", "expected"), [
    ("met-rollen_12-15.zip", PRINTABLES),
    ("met-rollen_professionals.zip", {"hulpkaart.pdf", "rolkaarten.pdf"}),
    ("zonder-rollen_12-15.zip", {"hulpkaart.pdf", "werkblad-groot.pdf"}),
])
def test_each_pack_holds_the_printables_that_belong_to_it(output, pack, expected):
    assert pack_names(output, pack) & PRINTABLES == expected
    readme = next(n for n in pack_names(output, pack) if n == "LEESMIJ.txt")
    with zipfile.ZipFile(output / "pakketten" / pack) as archive:
        text = archive.read(f"{pack.removesuffix('.zip')}/{readme}").decode("utf-8")
    for name in expected:
        assert name in text


def test_the_series_pack_holds_them_per_lesson(output):
    names = pack_names(output, "proef_12-15.zip")
    assert {"met-rollen/rolkaarten.pdf", "met-rollen/hulpkaart.pdf", "zonder-rollen/werkblad-groot.pdf"} <= names
    assert "zonder-rollen/rolkaarten.pdf" not in names


def test_the_site_manifest_lists_them(output):
    entries = json.loads((output / "manifest.json").read_text(encoding="utf-8"))["artefacten"]
    made = {(e.get("les"), e.get("doelgroep"), e["pad"].rsplit("/", 1)[-1]) for e in entries}
    assert ("met-rollen", "12-15", "rolkaarten.pdf") in made
    assert ("met-rollen", "professionals", "hulpkaart.pdf") in made
    assert ("zonder-rollen", "12-15", "werkblad-groot.pdf") in made
    assert ("met-rollen", "professionals", "werkblad-groot.pdf") not in made
    assert ("zonder-rollen", "12-15", "rolkaarten.pdf") not in made


def test_the_catalog_page_offers_them(output):
    page = (output / "lessen" / "met-rollen.html").read_text(encoding="utf-8")
    for name in PRINTABLES:
        assert name in page
    assert "Hulpkaart op bankpasformaat" in page and "Rolkaarten voor het rollenspel" in page


@pytest.mark.parametrize("pack", ["met-rollen_12-15.zip", "met-rollen_professionals.zip", "proef_12-15.zip"])
def test_verify_checks_every_file_of_the_pack(output, pack):
    result = CliRunner().invoke(cli, ["verify", str(output / "pakketten" / pack)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(output / "pakketten" / pack) as archive:
        manifest = json.loads(archive.read(f"{pack.removesuffix('.zip')}/manifest.json"))
    listed = {item["pad"].rsplit("/", 1)[-1] for item in manifest["bestanden"]}
    assert "hulpkaart.pdf" in listed and "rolkaarten.pdf" in listed


def test_the_help_card_carries_the_school_contacts(output):
    from tests.cards.card_pages import card_pages

    pdf = (output / "proef" / "met-rollen" / "12-15" / "hulpkaart.pdf").read_bytes()
    back = card_pages(pdf)[1]
    text = back.text_in(back.cards[0])
    assert "Voorbeeldschool" in text and "MevrouwDeVries" in "".join(text.split())
