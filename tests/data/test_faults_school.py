"""School files with few, many, and long contacts: every material shows them all, or `check` names the limit."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from generators.data.models import School
from generators.diagnostics import BuildAborted, Diagnostics
from generators.factsheet.render import render_factsheets
from generators.lesson.document import Contact, SchoolInfo
from generators.paths import ASSETS_DIR, DATA_DIR
from generators.lesson.resolve import resolve_factsheet
from generators.data.school_limits import MAX_CONTACTS, MAX_SCHOOL_TEXT, MAX_TEXT, text_em
from generators.data.shared import load_shared_data
from tests.pdf_checks import page_texts, reader, squash

ENV = {**os.environ, "LESPAKKET_DIAVOORBEELDEN": "0"}
AUDIENCES = ("10-12", "15-18")  # of the fixture lesson; both are classes of pupils, so both get a parent letter
LESSON_FILES = ("docentenhandleiding.pdf", "ouderbrief.pdf", "werkblad.pdf", "werkblad-antwoorden.pdf",
                "werkblad-digitaal.pdf")
NOT_WRITTEN = "Er is niets geschreven. Los de fouten op en probeer het opnieuw."

REALISTIC = [
    ("Mevrouw S. de Vries", "vertrouwenspersoon", "docent Nederlands", "Kamer 1.12, maandag tot en met donderdag"),
    ("Meneer J. Bakker", "vertrouwenspersoon", None, "Kamer 1.14, dinsdag en vrijdag, of j.bakker@vlinderhof.nl"),
    ("Mevrouw F. El Amrani", "aandachtsfunctionaris", "zorgcoördinator onderbouw",
     "Zorgkamer (B0.04), elke ochtend van 8.00 tot 9.00 uur"),
    ("Meneer P. Jansen", "aandachtsfunctionaris", None, "Via de administratie, telefoon 033 123 45 67"),
    ("Mevrouw L. van den Berg-Schoonhoven", "zorgcoördinator", "bovenbouw havo/vwo",
     "Kamer 2.03, maandag, woensdag en donderdag"),
    ("Meneer K. Visser", "zorgcoördinator", "mbo-afdeling", "Gebouw C, kamer C1.07, k.visser@vlinderhof.nl"),
    ("Mevrouw D. Öztürk", "mentor", "mentor leerjaar 1", "In de mentorles, of na de les in lokaal 0.21"),
    ("Meneer T. Mulder", "mentor", "mentor leerjaar 2", "Lokaal 1.08, of via de app van school"),
    ("Mevrouw R. de Boer", "intern begeleider", None, "Kamer 0.02, dinsdag en donderdag"),
    ("Meneer A. Hoekstra", "directie", "teamleider onderbouw", "Kamer 0.10, op afspraak via het secretariaat"),
    ("Mevrouw H. de Groot", "anders", "schoolmaatschappelijk werker",
     "Woensdag in kamer 0.05; andere dagen via de zorgcoördinator"),
    ("Meneer B. Bos", "anders", "wijkagent", "Spreekuur op vrijdag van 12.00 tot 13.00 uur in kamer 0.05"),
]
LONG_NAME = "Mevrouw drs. Annemarie Wilhelmina van den Berg-Schoonhoven A"
LONG_FUNCTION = "coördinator leerlingzorg bovenbouw havo en vwo, mentor klas 5"[:60]
LONG_REACH = ("Kamer 1.12 in het hoofdgebouw, maandag tot en met donderdag van 8.30 tot 16.00 uur, of via "
              "a.vandenberg@voorbeeldschool.nl en telefonisch via 033 123 45 67 extra")[:160]
LONG_SCHOOL = "Openbare Scholengemeenschap voor Voortgezet Onderwijs De Vlinderhof en Zonnebloem"[:80]
LONG_PLACE = "Amersfoort-Vathorst en Hooglanderveen eo"


def _contact(name: str, role: str, function: str | None, reach: str) -> dict:
    return {"naam": name, "rol": role, **({"functie": function} if function else {}), "bereikbaar": reach}


def _school(contacts: list[dict], name: str = "Openbare Scholengemeenschap De Vlinderhof", place: str = "Amersfoort",
            ) -> str:
    text, writer = io.StringIO(), YAML()
    writer.width = 4096  # Why: one line per value, so that the expected messages know each value's line
    writer.dump({"naam": name, "plaats": place, "contactpersonen": contacts}, text)
    return text.getvalue()


def _longest(n: int) -> list[dict]:
    return [_contact(f"{LONG_NAME[:-1]}{i}", "zorgcoördinator", LONG_FUNCTION, LONG_REACH) for i in range(n)]


SCHOOLS = {
    "een": _school([_contact("Mevrouw De Vries", "vertrouwenspersoon", None, "Kamer 1.12, of via de mail")]),
    "twaalf-echte": _school([_contact(*c) for c in REALISTIC]),
    "vijftien-korte": _school([_contact(f"Meneer P{i}", "mentor", None, "K1") for i in range(15)]),
    "twintig": _school([_contact(f"Mevrouw Kwakernaak {i}", "mentor", None, "Kamer 1.1") for i in range(MAX_CONTACTS)]),
    "langste-teksten": _school(_longest(3), LONG_SCHOOL, LONG_PLACE),
}


def lespakket(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from generators.cli.entry import main; main()", *args], cwd=cwd,
                          env=ENV, capture_output=True, text=True, timeout=300, check=False)


def _deck_text(data: bytes) -> str:
    from pptx import Presentation

    deck = Presentation(io.BytesIO(data))
    return "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)


def test_the_lengths_are_the_limits():
    assert len(LONG_NAME) == MAX_TEXT["naam"] and len(LONG_FUNCTION) == MAX_TEXT["functie"]
    assert len(LONG_REACH) == MAX_TEXT["bereikbaar"]
    assert len(LONG_SCHOOL) == MAX_SCHOOL_TEXT["naam"] and len(LONG_PLACE) == MAX_SCHOOL_TEXT["plaats"]


@pytest.mark.parametrize("kind", SCHOOLS)
def test_every_material_shows_every_contact(workdir, kind):
    (workdir / "school.yaml").write_text(SCHOOLS[kind], encoding="utf-8")
    contacts = YAML(typ="safe", pure=True).load(SCHOOLS[kind])["contactpersonen"]
    assert lespakket(workdir, "check", "--school", "school.yaml").returncode == 0
    result = lespakket(workdir, "build", "-j", "0", "--school", "school.yaml", "--uit", "uit")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "dia-past-niet" not in result.stderr + result.stdout
    out = workdir / "uit"
    texts = {f"factsheet/{name}": out / "factsheet" / name for name in ("factsheet-a4.pdf", "factsheet-a3.pdf")}
    texts |= {f"{a}/{name}": out / "proef" / "varianten" / a / name for a in AUDIENCES for name in LESSON_FILES}
    shown = {key: squash("\n".join(page_texts(path.read_bytes()))) for key, path in texts.items()}
    shown |= {f"{a}/presentatie.pptx": squash(_deck_text((out / "proef" / "varianten" / a / "presentatie.pptx")
                                                         .read_bytes())) for a in AUDIENCES}
    for key, text in shown.items():
        for contact in contacts:
            assert squash(contact["naam"]) in text, (key, contact["naam"])
            assert squash(contact["bereikbaar"]) in text, (key, contact["bereikbaar"])
    for name in ("factsheet-a4.pdf", "factsheet-a3.pdf"):
        assert len(reader((out / "factsheet" / name).read_bytes()).pages) == 1, name


TOO_MANY = ("Het schoolbestand noemt 21 contactpersonen; er passen er hoogstens 20 in de materialen (de factsheet "
            "zet ze allemaal op één pagina). Noem alleen wie leerlingen en collega's het eerst kunnen aanspreken. "
            "[school-te-veel-contacten]")


def _too_long(field: str, length: int, limit: int) -> str:
    return (f"'{field}' is {length} tekens lang; er passen er hoogstens {limit} in de materialen (dia's, werkbladen, "
            "handleiding, factsheet). Maak de tekst korter. [school-tekst-te-lang]")


OVER_THE_LIMIT = {
    "21-contacten": (_school([_contact(f"Mevrouw X{i}", "mentor", None, "K1") for i in range(21)]),
                     [f"school.yaml:3:1: fout: {TOO_MANY}"]),
    "lange-naam": (_school([_contact(LONG_NAME + "x", "mentor", None, "K1")]),
                   [f"school.yaml:4:3: fout: {_too_long('naam', 61, 60)}"]),
    "lange-functie": (_school([_contact("Meneer B", "anders", LONG_FUNCTION + "x", "K1")]),
                      [f"school.yaml:6:3: fout: {_too_long('functie', 61, 60)}"]),
    "lange-bereikbaar": (_school([_contact("Meneer B", "mentor", None, LONG_REACH + "x")]),
                         [f"school.yaml:6:3: fout: {_too_long('bereikbaar', 161, 160)}"]),
    "lange-school": (_school([_contact("Meneer B", "mentor", None, "K1")], LONG_SCHOOL + "x", LONG_PLACE + "x"),
                     [f"school.yaml:1:1: fout: {_too_long('naam', 81, 80)}",
                      f"school.yaml:2:1: fout: {_too_long('plaats', 41, 40)}"]),
    "te-veel-tekst": (_school(_longest(4)),
                      ["school.yaml:3:1: fout: De contactpersonen passen samen niet op de factsheet (de poster voor "
                       "de teamkamer), ook niet in de kleinste letter: de langste van de 3 kolommen vraagt ongeveer 19 "
                       "regels, er passen er 18. Maak de teksten bij 'bereikbaar' en 'functie' korter, of noem minder "
                       "contactpersonen. [school-contacten-te-lang]"]),
}


@pytest.mark.parametrize("kind", OVER_THE_LIMIT)
def test_over_the_limit_check_and_build_name_it_and_write_nothing(workdir, kind):
    text, expected = OVER_THE_LIMIT[kind]
    (workdir / "school.yaml").write_text(text, encoding="utf-8")
    count = "1 fout." if len(expected) == 1 else f"{len(expected)} fouten."
    checked = lespakket(workdir, "check", "--school", "school.yaml")
    assert (checked.returncode, checked.stderr.splitlines()) == (1, [*expected, count])
    built = lespakket(workdir, "build", "-j", "0", "--school", "school.yaml", "--uit", "uit")
    assert (built.returncode, built.stderr.splitlines()) == (1, [*expected, count, NOT_WRITTEN])
    assert not (workdir / "uit").exists()


# The poster fits whatever passes the check

WORDS = ("Kamer", "1.12", "maandag", "tot", "en", "met", "donderdag", "via", "de", "mail", "MAANDAG", "WWW",
         "mmmwww", "j.de.vries@voorbeeldschool.nl", "033-1234567", "Öztürk", "van", "den", "Berg-Schoonhoven",
         "(B0.04)", "zorgcoördinator", "Wijkagent", "@", "%", "ÆØÅ")


def _words(low: int, high: int):
    return st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join).map(
        lambda text: text[:high]).filter(lambda text: len(text.strip()) >= low)


people = st.lists(st.builds(
    lambda name, role, function, reach: _contact(name.strip(), role, function and function.strip(), reach.strip()),
    _words(1, 60), st.sampled_from(["mentor", "vertrouwenspersoon", "anders", "zorgcoördinator"]),
    st.none() | _words(1, 60), _words(1, 160),
), min_size=1, max_size=MAX_CONTACTS)


@pytest.fixture(scope="module")
def shared():
    data = load_shared_data(DATA_DIR, Diagnostics())
    assert data is not None
    return data


# Why no shrinking: each example renders two posters, and shrinking a failure took five minutes.
@settings(max_examples=25, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(contacts=people)
def test_every_school_the_check_passes_fits_the_one_page_poster(shared, contacts):
    try:
        school = School.model_validate({"naam": "School", "contactpersonen": contacts})
    except ValidationError:
        return
    posters = render_factsheets(resolve_factsheet(shared, school), ASSETS_DIR)
    assert [len(reader(pdf).pages) for pdf in posters.values()] == [1, 1]


def test_text_width_is_an_upper_bound_of_the_font():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from generators.pdf.style import BOLD, REGULAR, fonts_dir, register_fonts

    register_fonts(fonts_dir(ASSETS_DIR))
    letters = [chr(c) for c in range(0x20, 0x180) if unicodedata.category(chr(c))[0] in "LNPSZ"]
    for letter in letters:
        assert text_em(letter) >= max(stringWidth(letter, REGULAR, 1), stringWidth(letter, BOLD, 1)), letter


def test_a_poster_that_cannot_fit_stops_with_a_dutch_message(shared):
    """The last guard, for a school the check never let through: no LayoutError and no second page."""
    person = Contact("W" * 60, "mentor", "W" * 60, "W" * 160)
    sheet = replace(resolve_factsheet(shared, None), school=SchoolInfo("School", None, None, (person,) * 20))
    with pytest.raises(BuildAborted) as stopped:
        render_factsheets(sheet, ASSETS_DIR)
    assert [d.format() for d in stopped.value.diagnostics.items] == [(
        "factsheet: fout: De contactpersonen uit het schoolbestand passen niet op de factsheet, ook niet in de "
        "kleinste letter. Maak de teksten bij 'bereikbaar' en 'functie' korter, of noem minder contactpersonen. "
        "[school-contacten-te-lang]")]
