"""The fact registry and the sextortion steps: every fact quotes its source word for word, and mistakes are located."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generators.data.shared import load_shared_data
from generators.diagnostics import Diagnostics
from generators.paths import ASSETS_DIR
from tests.test_lesson_library import source_dir

DATA_DIR = ASSETS_DIR / "data"


@pytest.fixture(scope="module")
def data():
    diagnostics = Diagnostics()
    loaded = load_shared_data(DATA_DIR, diagnostics)
    assert loaded is not None, [d.format() for d in diagnostics.items]
    return loaded


def shared_folder() -> Path:
    """../shared beside the repository, as in CI; a checkout without it cannot check quotes."""
    folder = source_dir()
    if folder is None:
        reason = "../shared/sources not found beside the repository"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return folder.parent


def normalised(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def missing_quotes(fact, shared: Path) -> list[str]:
    source = normalised((shared / fact.vindplaats.bestand).read_text(encoding="utf-8"))
    return [quote for quote in fact.vindplaats.citaten if normalised(quote) not in source]


def test_every_fact_quotes_its_source_word_for_word(data):
    shared = shared_folder()
    for fact in data.facts.values():
        assert (shared / fact.vindplaats.bestand).is_file(), f"{fact.id}: no file {fact.vindplaats.bestand}"
        assert missing_quotes(fact, shared) == [], f"{fact.id}: quote not found in {fact.vindplaats.bestand}"


def test_an_invented_quote_is_caught(data):
    fact = data.facts["bekenden-68"]
    invented = fact.model_copy(update={"vindplaats": fact.vindplaats.model_copy(
        update={"citaten": ["bij 86% van alle gevallen van mensenhandel in Nederland"]})})
    assert missing_quotes(invented, shared_folder()) == ["bij 86% van alle gevallen van mensenhandel in Nederland"]


def test_the_68_percent_says_what_it_is_about(data):
    fact = data.facts["bekenden-68"]
    assert "CoMensha" in fact.bron and "68%" in fact.lang
    assert "niet apart over online uitbuiting" in " ".join(fact.reikwijdte.split())


def test_the_law_on_images_holds_with_consent_too(data):
    fact = data.facts["beelden-minderjarigen"]
    for audience in data.audience_ids:
        text = fact.kort.for_audience(audience)
        assert "18" in text and ("goed vond" in text or "ja zei" in text), audience
    assert "toestemming" in fact.lang


def test_every_audience_reads_every_fact(data):
    for fact in data.facts.values():
        assert all(fact.kort.for_audience(a) for a in data.audience_ids), fact.id


def test_sextortion_steps_in_their_one_order_and_telling_is_never_last(data):
    steps = [s.id for s in data.sextortie.model.stappen]
    assert steps == ["niets-meer-sturen", "bewijs-bewaren", "vertellen", "melden"]
    assert steps[-1] != "vertellen"
    evidence = data.sextortie.model.stappen[1]
    for audience in data.audience_ids:
        assert "schermafbeelding" in evidence.tekst.for_audience(audience)
        assert "ok" in evidence.tekst.for_audience(audience).replace("Blokkeer", "blokkeer").lower()
    tell = data.sextortie.model.stappen[2].tekst.for_audience("12-15")
    assert "{helpwanted}" in tell and "{chat-met-fier}" in tell


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _messages(folder: Path) -> list[str]:
    diagnostics = Diagnostics()
    assert load_shared_data(folder, diagnostics) is None
    return [d.format().replace(str(folder), "data") for d in diagnostics.items]


def test_a_fact_without_wording_for_an_audience_or_with_an_unknown_audience_is_located(tmp_path):
    folder = _copy_data(tmp_path)
    facts = folder / "feiten.yaml"
    text = facts.read_text(encoding="utf-8")
    old = '      standaard: "Seksuele en criminele uitbuiting zijn strafbaar, ook als ze online gebeuren."'
    new = '      15-81: "Seksuele en criminele uitbuiting zijn strafbaar, ook als ze online gebeuren."'
    facts.write_text(text.replace(old, new), encoding="utf-8")
    line = text.splitlines().index(old) + 1
    messages = _messages(folder)
    assert f"data/feiten.yaml:{line}:7: fout: Onbekende doelgroep '15-81' als variant. Bedoel je '15-18'? " \
           "[doelgroep-onbekend]" in messages
    assert any(m.startswith(f"data/feiten.yaml:{line - 1}:5: fout: Het feit 'uitbuiting-strafbaar' heeft geen korte "
                            "tekst voor doelgroep 10-12, 12-15, 15-18, professionals.") for m in messages), messages


def test_an_unknown_helpline_in_the_steps_and_an_unknown_fact_in_a_list_are_located(tmp_path):
    folder = _copy_data(tmp_path)
    steps = folder / "sextortie.yaml"
    text = steps.read_text(encoding="utf-8")
    steps.write_text(text.replace("Anoniem chatten kan bij {helpwanted}", "Anoniem chatten kan bij {helpwantd}"),
                     encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "Anoniem chatten kan bij {helpwanted}" in row)
    attention = folder / "aandachtspunten.yaml"
    att = attention.read_text(encoding="utf-8")
    attention.write_text(att.replace("feit: bekenden-68", "feit: bekende-68"), encoding="utf-8")
    att_line = att.splitlines().index("    feit: bekenden-68") + 1
    messages = _messages(folder)
    assert f"data/sextortie.yaml:{line}:14: fout: Onbekende hulplijn '{{helpwantd}}'. Bedoel je 'helpwanted'? " \
           "[hulplijn-onbekend]" in messages
    assert any(m.startswith(f"data/aandachtspunten.yaml:{att_line}:11: fout: Onbekend feit 'bekende-68'. "
                            "Bedoel je 'bekenden-68'?") for m in messages), messages
