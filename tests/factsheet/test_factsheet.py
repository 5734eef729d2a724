"""The staff factsheet poster: one page, A4 and A3, every number and site from assets/data, the five meldcode steps."""

from __future__ import annotations

import math
import re
import subprocess
from functools import lru_cache

import pytest
from reportlab.lib.pagesizes import A3, A4

from generators.factsheet.render import A3_NAME, A4_NAME, DEFINITION, render_factsheets
from generators.paths import ASSETS_DIR
from generators.lesson.resolve import resolve_factsheet
from tests.guide_samples import ROOT, SCHOOL
from tests.pdf_checks import fonts, page_texts, reader, squash
from tests.system_tools import require_program

PHONE = re.compile(r"(?<![\d-])(?:0\d{3}-\d{4}|112)(?![\d-])")
SITE = re.compile(r"www\.[a-z0-9.-]+\.[a-z]+(?:/[a-z0-9/-]*[a-z0-9])?")


@lru_cache(maxsize=2)
def posters(with_school: bool = False) -> dict[str, bytes]:
    from generators.build.pipeline import load_project

    project = load_project([ROOT / "lessons"], SCHOOL if with_school else None)
    return render_factsheets(resolve_factsheet(project.data, project.school), ASSETS_DIR)


@lru_cache(maxsize=1)
def data():
    from generators.build.pipeline import load_project

    return load_project([ROOT / "lessons"]).data


def text(name: str, with_school: bool = False) -> str:
    return "\n".join(page_texts(posters(with_school)[name]))


EDITIONS = [(name, school) for name in (A4_NAME, A3_NAME) for school in (False, True)]


@pytest.mark.parametrize("name,with_school", EDITIONS)
def test_one_page_of_the_right_size(name, with_school):
    pages = reader(posters(with_school)[name]).pages
    assert len(pages) == 1
    size = A4 if name == A4_NAME else A3
    box = pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(size[0]), round(size[1]))


@pytest.mark.parametrize("name,with_school", EDITIONS)
def test_all_five_meldcode_steps_signals_and_definition(name, with_school):
    flat = squash(text(name, with_school))
    intro, steps = data().items("meldcode")
    assert len(steps) == 5
    assert squash(intro) in flat  # the school's own protocol first
    for number, step in enumerate(steps, 1):
        assert squash(f"{number}{step.titel}") in flat, step.titel
        assert squash(step.uitleg) in flat, step.uitleg
    for signal in data().items("signalen")[1]:
        assert squash(signal.titel) in flat
    assert squash(DEFINITION) in flat


@pytest.mark.parametrize("name,with_school", EDITIONS)
def test_the_law_and_the_figure_come_from_the_facts_with_their_source(name, with_school):
    """The banner's sentence on coercion under 18 is the fact's staff wording, and every fact shows its source."""
    flat = squash(text(name, with_school))
    coercion = data().facts["dwang-minderjarigen"]
    assert squash(coercion.kort.for_audience("professionals")) in flat
    assert squash(f"Bron: {coercion.bron}") in flat
    figure = data().facts["bekenden-68"]
    assert "68%" in figure.lang and squash(figure.lang) in flat
    after_figure = flat[flat.index(squash(figure.lang)):flat.index(squash("De meldcode in 5 stappen"))]
    assert squash(figure.bron) in after_figure, "the 68% needs its source in the same box"
    assert "dwang" not in squash(DEFINITION), "the law on coercion is a fact, not the poster's own sentence"


@pytest.mark.parametrize("name,with_school", EDITIONS)
def test_a_number_in_a_help_line_name_is_not_printed_again(name, with_school):
    printed = text(name, with_school)
    for line in data().helplines.values():
        if line.telefoon and line.naam.endswith(line.telefoon):
            assert printed.count(line.telefoon) == printed.count(line.naam), line.naam


@pytest.mark.parametrize("name,with_school", EDITIONS)
def test_help_map_has_every_organisation_with_exact_number_and_site(name, with_school):
    flat = squash(text(name, with_school))
    for line in data().helplines.values():
        assert squash(line.naam) in flat, line.naam
        for value in (line.telefoon, line.website):
            if value:
                assert squash(value) in flat, value


@pytest.mark.parametrize("name,with_school", EDITIONS)
def test_every_number_and_site_printed_is_in_assets_data(name, with_school):
    printed = text(name, with_school).replace("/\n", "/")
    known_phones = {h.telefoon for h in data().helplines.values() if h.telefoon}
    known_sites = {h.website for h in data().helplines.values() if h.website}
    assert set(PHONE.findall(printed)) <= known_phones
    assert set(SITE.findall(printed)) <= known_sites
    percentages = set(re.findall(r"\d+%", printed))
    facts = " ".join(f.lang for f in data().facts.values())
    assert percentages and percentages <= set(re.findall(r"\d+%", facts))


def test_school_edition_names_the_school_and_its_contacts():
    flat = squash(text(A4_NAME, True))
    assert squash("Voorbeeldschool") in flat
    for name in ("Mevrouw De Vries", "Meneer Bakker", "vertrouwenspersoon", "aandachtsfunctionaris"):
        assert squash(name) in flat
    assert "Voorbeeldschool" not in text(A4_NAME, False)
    assert squash("Schrijf hier de namen") in squash(text(A4_NAME, False))


def test_a3_is_the_a4_layout_scaled():
    assert squash(text(A4_NAME)) == squash(text(A3_NAME))
    assert math.isclose(A3[0] / A4[0], math.sqrt(2), rel_tol=0.01)


@pytest.mark.parametrize("name", [A4_NAME, A3_NAME])
def test_metadata_and_embedded_fonts(name):
    pdf = posters(True)[name]
    info = reader(pdf).metadata
    assert info.title.startswith("Factsheet:") and "Voorbeeldschool" in info.title
    assert info.author == "Voorbeeldschool" and info.subject
    assert b"/Lang (nl-NL)" in pdf
    found = fonts(pdf)
    assert found and all(found.values()), found


def test_byte_identical_renders():
    first = render_factsheets(resolve_factsheet(data(), None), ASSETS_DIR)
    assert first == render_factsheets(resolve_factsheet(data(), None), ASSETS_DIR)
    assert first == posters(False)


@pytest.mark.parametrize("name", [A4_NAME, A3_NAME])
def test_qpdf_accepts_the_structure(name, tmp_path):
    qpdf = require_program("qpdf", "qpdf")
    path = tmp_path / name
    path.write_bytes(posters(True)[name])
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
