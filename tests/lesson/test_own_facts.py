"""A lesson never writes its own phone number, address or figure: what `check` finds, what it leaves alone, and where."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators.cli.commands import cli
from generators.data.organisations import name_key
from generators.lesson.own_facts import organisation_names, own_facts, own_steps

VARIANTS = Path(__file__).parents[1] / "fixtures" / "varianten" / "lessons"
KNOWN = tuple(name_key(n) for n in (
    "Chat met Fier", "Keerpunt", "Helpwanted", "Slachtofferhulp Nederland", "Veilig Thuis", "Meld Misdaad Anoniem",
    "Centrum Seksueel Geweld (CSG)", "Politie (AVIM)", "CoMensha (factsheet), op de campagnepagina van Fier",
    "Centrum Kinderhandel en Mensenhandel (CKM)",
))


def found(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in own_facts(text)]


@pytest.mark.parametrize("text,expected", [
    ("Bel 020-1234567.", "020-1234567"),
    ("Bel 020 - 1234567 als je twijfelt.", "020 - 1234567"),
    ("Bel 0201234567.", "0201234567"),
    ("Bel 030 123 45 67.", "030 123 45 67"),
    ("Bel 0591-123456.", "0591-123456"),
    ("App naar 06 12345678.", "06 12345678"),
    ("App naar 06-12345678.", "06-12345678"),
    ("App naar 06 1234 5678.", "06 1234 5678"),
    ("Bel +31 6 12345678.", "+31 6 12345678"),
    ("Bel +31 (0)20 123 4567.", "+31 (0)20 123 4567"),
    ("Bel 0031 20 1234567.", "0031 20 1234567"),
    ("Bellen kan: 0800-7000.", "0800-7000"),
    ("(0800-2000)", "0800-2000"),
    ("Bel naar 0900-8844 en vraag naar het team.", "0900-8844"),
    ("Bel 0800 0123456.", "0800 0123456"),
    ("Bel 113 als je aan zelfmoord denkt.", "113"),
    ("Telefoonnummer: 144.", "144"),
    ("bel 1400", "1400"),
])
def test_phone_numbers_in_any_usual_dutch_form(text, expected):
    assert found(text) == [("eigen-telefoonnummer", expected)]


@pytest.mark.parametrize("text,expected", [
    ("Kijk op www.fairwork.nu voor meer.", ("eigen-adres", "www.fairwork.nu")),
    ("Kijk op https://www.voorbeeld.nl/hulp.", ("eigen-adres", "https://www.voorbeeld.nl/hulp")),
    ("Kijk op http://voorbeeld.org", ("eigen-adres", "http://voorbeeld.org")),
    ("Ga naar voorbeeld.nl/uitbuiting of bel.", ("eigen-adres", "voorbeeld.nl/uitbuiting")),
    ("Kijk op Helpwanted.nl.", ("eigen-adres", "Helpwanted.nl")),
    ("Chat via keerpunt.chat, anoniem.", ("eigen-adres", "keerpunt.chat")),
    ("Mail naar info@voorbeeld.nl.", ("eigen-adres", "info@voorbeeld.nl")),
    ("Mail elearning.mensenhandel@fier.nl", ("eigen-adres", "elearning.mensenhandel@fier.nl")),
])
def test_web_and_mail_addresses_with_or_without_scheme(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("In 68% van de gevallen.", "68%"),
    ("In 68 % van de gevallen.", "68 %"),
    ("Bij 68 procent van de gevallen.", "68 procent"),
    ("Bij 12,5% van de jongeren.", "12,5%"),
    ("Bij achtenzestig procent.", "achtenzestig procent"),
    ("Vijftig procent zegt niets.", "Vijftig procent"),
    ("1 op de 3 jongeren", "1 op de 3"),
    ("Eén op de vijf jongeren", "Eén op de vijf"),
    ("een op de tien meisjes", "een op de tien"),
    ("1 op 3 jongens", "1 op 3"),
    ("9 van de 10 slachtoffers", "9 van de 10"),
    ("Ruim twee derde van de daders", "twee derde"),
    ("tweederde van de gevallen", "tweederde"),
    ("driekwart van de jongeren", "driekwart"),
])
def test_percentages_and_figures(text, expected):
    assert found(text) == [("eigen-getal", expected)]


@pytest.mark.parametrize("text", [
    # Why each: ages, minutes, money in a case, dates, years, school years, lesson numbering and counts in exercises
    # are no statistics; 112 is the emergency number every pupil may learn.
    "Jesse is 14. Mila (17) en Rayan (16) zijn vrienden.",
    "Vanaf 12 jaar. Voor 10-12 jaar en leerjaar 1-3, groep 7-8.",
    "Deze activiteit duurt 45 minuten; de les 50 minuten of 100 minuten.",
    "'Betaal 100 euro,' schrijft ze. Hij krijgt 200 euro voor één dag.",
    "Op 3 oktober 2024 is er een training. In 2024 en 2025.",
    "Bel 112 als iemand in gevaar is. Bel [112]. Alarmnummer 112.",
    "Opdracht 3, vraag 2 van de 3 casussen; schrijf 1 tot en met 5 in de hokjes.",
    "Kies twee van de drie stellingen. Eén op één praten helpt. Een 1 op 1 gesprek.",
    "Ze leest de helft van het verhaal voor. Geef je pas niet aan een derde.",
    "Dat weet ik 100% zeker, honderd procent zeker.",
    "Bel je moeder of je mentor. Chat met Fier. Kijk op de website van Helpwanted.",
    "Open les.yaml en beeld/voorbeeld.png. Zie ook docs/auteurs.md.",
    "Het kan klaar.Nu ga je verder. Bijv.de klas of o.a. de mentor.",
    "Groep 1: Mila. Groep 2: Rayan. Stap 5 van de meldcode.",
    "Om 08.30 uur, of om 10:15 uur; lokaal 1.12.",
    "Het is lastig op de twee manieren.",
])
def test_ordinary_numbers_and_words_are_left_alone(text):
    assert found(text) == []


@pytest.mark.parametrize("text,expected", [
    ("Bel FairWork via hun site.", ["FairWork"]),
    ("Stichting Sterk Huis helpt jongeren.", ["Stichting Sterk Huis"]),
    ("Vraag het aan Stichting Veilig Online.", ["Stichting Veilig Online"]),
    ("Hulp bij Jongeren Hulp Nederland.", ["Jongeren Hulp Nederland"]),
    ("Je kunt ook de Kindertelefoon bellen.", ["Kindertelefoon"]),
    ("Ook Jeugdzorg kan helpen.", ["Jeugdzorg"]),
    ("Chat met Sterk Huis of bel.", ["Sterk Huis"]),
    ("Meld het bij GGD Amsterdam.", ["GGD Amsterdam"]),
])
def test_names_that_look_like_an_organisation_and_are_not_known(text, expected):
    assert [name for name, _ in organisation_names(text, KNOWN)] == expected


@pytest.mark.parametrize("text", [
    "Chat met Fier of Keerpunt. Bel Veilig Thuis of meld het bij Meld Misdaad Anoniem.",
    "Noem Slachtofferhulp Nederland: die helpt gratis.",
    "Het Centrum Seksueel Geweld (CSG) en het Centrum Kinderhandel en Mensenhandel helpen.",
    "Volgens CoMensha is dat zo. In Nederland gebeurt het ook.",
    "Bel Jesse niet terug. Chat met Lisa? Vertel het aan Milan.",
    "Keerpunt helpt. Jeugdzorg is een woord aan het begin van een zin.",
    "Aandachtspunt: vraag door. Uitgangspunt is veiligheid.",
])
def test_known_organisations_people_and_ordinary_words_are_left_alone(text):
    assert organisation_names(text, KNOWN) == []


def test_the_issue_example_fails_strict_check_at_its_line_and_column(tmp_path, monkeypatch):
    shutil.copytree(VARIANTS, tmp_path / "lessons")
    lesson = tmp_path / "lessons" / "proef" / "varianten" / "les.yaml"
    text = lesson.read_text(encoding="utf-8")
    text = text.replace("    - Ik kan uitleggen wat dwang is.\n",
                        "    - Ik kan uitleggen wat dwang is.\n    - Bel FairWork via 020-1234567 of kijk op www.fairwork.nu\n")
    lesson.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    - Bel FairWork via 020-1234567 of kijk op www.fairwork.nu") + 1
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--strict", "lessons"])
    assert result.exit_code == 1
    located = [row.split(": ", 2)[0] + " " + row.rsplit(" ", 1)[-1] for row in result.stderr.splitlines() if "[" in row]
    where = f"lessons/proef/varianten/les.yaml:{line}"
    assert f"{where}:11 [organisatie-onbekend]" in located
    assert f"{where}:24 [eigen-telefoonnummer]" in located
    assert f"{where}:47 [eigen-adres]" in located
    assert "'020-1234567' is een telefoonnummer in de lestekst." in result.stderr
    assert "'www.fairwork.nu' is een webadres in de lestekst." in result.stderr


def test_an_own_number_in_a_folded_block_is_located_on_its_own_line(tmp_path, monkeypatch):
    shutil.copytree(VARIANTS, tmp_path / "lessons")
    lesson = tmp_path / "lessons" / "proef" / "varianten" / "les.yaml"
    text = lesson.read_text(encoding="utf-8")
    folded = ("samenvatting: >-\n  Test voor de resolutie per doelgroep. Wist je dat het\n"
              "  bij 45 procent van de jongeren online begint?\n")
    lesson.write_text(text.replace("samenvatting: Test voor de resolutie per doelgroep.\n", folded), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "lessons"])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "lessons/proef/varianten/les.yaml:8:7: fout: '45 procent' is een percentage in de lestekst. Schrijf geen "
        "eigen cijfers: verwijs naar een feit uit assets/data/feiten.yaml met 'feit: <id>'; dan komen de bron, de "
        "reikwijdte en het jaar mee. [eigen-getal]\n"
    )


@pytest.mark.parametrize("text,expected", [
    ("Blokkeer en meld het profiel.", "Blokkeer"),
    ("Verwijder de chat nog niet en blokkeer pas na advies.", "Verwijder de chat"),
    ("Maak een schermafbeelding van de berichten.", "schermafbeelding"),
    ("Maak screenshots.", "screenshots"),
    ("Wis de foto niet meteen.", "Wis de foto"),
])
def test_sextortion_steps_written_in_the_lesson_itself_are_found(text, expected):
    assert [word for word, _ in own_steps(text)][:1] == [expected]


@pytest.mark.parametrize("text", [
    "Betaal niet en vraag hulp.", "Een blok hout en een blokje kaas.", "gedwongen orgaanverwijdering",
    "Een wisselbeker winnen.",
])
def test_words_that_only_look_like_the_steps_are_left_alone(text):
    assert own_steps(text) == []


def test_own_sextortion_advice_warns_and_points_to_the_steps(tmp_path, monkeypatch):
    shutil.copytree(VARIANTS, tmp_path / "lessons")
    lesson = tmp_path / "lessons" / "proef" / "varianten" / "les.yaml"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("    - Ik kan uitleggen wat dwang is.\n",
                                   "    - Ik kan uitleggen wat dwang is.\n    - Ik blokkeer meteen wie dreigt.\n"),
                      encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--strict", "lessons"])
    assert result.exit_code == 1
    assert "lessons/proef/varianten/les.yaml:15:10: waarschuwing: 'blokkeer': wat je doet bij chantage met beelden" \
        in result.stderr
    assert "met 'bron: sextortie'. [stappenplan-eigen]" in result.stderr
