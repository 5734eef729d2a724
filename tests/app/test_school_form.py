"""The form 'Pakket voor jouw school' through Starlette's TestClient: Dutch messages beside each field, values kept,
the school file's own rules and limits."""

from __future__ import annotations

import pytest
from lxml import html
from starlette.testclient import TestClient

from generators.app.web import create_app
from generators.data.school_limits import MAX_CONTACTS, MAX_SCHOOL_TEXT


class NoPacks:
    """A pack maker for tests where no form gets that far."""

    def __init__(self, library):
        self.library = library

    def make(self, *args):
        raise AssertionError("no pack was expected")


@pytest.fixture
def client(catalog, library):
    return TestClient(create_app(catalog, NoPacks(library)))


def contact(number: int, naam: str = "", rol: str = "", functie: str = "", bereikbaar: str = "") -> dict[str, str]:
    return {f"contact-{number}-naam": naam, f"contact-{number}-rol": rol, f"contact-{number}-functie": functie,
            f"contact-{number}-bereikbaar": bereikbaar}


def post(client, fields: dict[str, str | list[str]]):
    response = client.post("/school", data=fields)
    return response, html.fromstring(response.text)


def error(page, field_id: str) -> str:
    return page.get_element_by_id(f"{field_id}-fout").text_content()


def value(page, field_id: str) -> str:
    return page.get_element_by_id(field_id).get("value")


def test_the_empty_form_is_dutch_with_three_contact_rows_and_every_audience_ticked(client):
    response = client.get("/school")
    page = html.fromstring(response.text)
    assert response.status_code == 200
    assert page.get("lang") == "nl"
    assert page.find(".//h1").text_content() == "Pakket voor jouw school"
    assert [fs.find("legend").text_content() for fs in page.find_class("contact")] == [
        "Contactpersoon 1", "Contactpersoon 2", "Contactpersoon 3"]
    options = [o.text_content() for o in page.get_element_by_id("contact-1-rol").findall("option")]
    assert options == ["Kies een rol", "mentor", "vertrouwenspersoon", "aandachtsfunctionaris", "zorgcoördinator",
                       "intern begeleider", "directie", "anders"]
    assert [box.get("value") for box in page.xpath("//input[@name='doelgroep'][@checked]")] == ["10-12", "15-18"]
    assert page.xpath("//input[@name='les'][@checked]") == []
    assert page.get_element_by_id("naam").get("maxlength") == str(MAX_SCHOOL_TEXT["naam"])


def test_a_lesson_page_link_ticks_its_lesson(client):
    page = html.fromstring(client.get("/school?les=varianten").text)
    assert [box.get("value") for box in page.xpath("//input[@name='les'][@checked]")] == ["varianten"]
    assert html.fromstring(client.get("/school?les=bestaat-niet").text).xpath("//input[@name='les'][@checked]") == []


def test_each_wrong_field_gets_its_own_dutch_message_and_everything_typed_stays(client):
    place = "Sint-Michielsgestel aan de Dommel en Aa b"  # 41 characters
    response, page = post(client, {
        "naam": "", "plaats": place,
        **contact(1, naam="Jan Jansen", functie="docent Nederlands"),
        **contact(2, naam="Piet 😀", rol="mentor", bereikbaar="Kamer 2"),
        **contact(3),
    })
    assert response.status_code == 422
    assert error(page, "naam") == "Fout: Vul de naam van de school in."
    assert error(page, "plaats") == ("Fout: Dit zijn 41 tekens; er passen er hoogstens 40 in de materialen. "
                                     "Maak de tekst korter.")
    assert error(page, "contact-1-rol") == "Fout: Kies de rol van deze contactpersoon."
    assert error(page, "contact-1-bereikbaar").startswith("Fout: Vul in hoe leerlingen en collega's deze persoon bereiken")
    assert "heeft geen teken voor U+1F600" in error(page, "contact-2-naam")
    assert error(page, "lessen") == "Fout: Kies minstens één les, of een hele reeks."
    assert error(page, "doelgroepen") == "Fout: Kies minstens één doelgroep."
    for field_id in ("contact-1-naam", "contact-1-functie", "contact-2-rol", "contact-2-bereikbaar", "contact-3-naam"):
        assert page.xpath(f"//*[@id='{field_id}-fout']") == [], field_id
    # what was typed is still there
    assert value(page, "plaats") == place
    assert (value(page, "contact-1-naam"), value(page, "contact-1-functie")) == ("Jan Jansen", "docent Nederlands")
    assert value(page, "contact-2-naam") == "Piet 😀"
    assert page.xpath("//select[@id='contact-2-rol']/option[@selected]/@value") == ["mentor"]
    assert page.xpath("//input[@name='doelgroep'][@checked]") == []
    # each wrong field says so to a screen reader, and the summary links to it
    field = page.get_element_by_id("contact-1-bereikbaar")
    assert field.get("aria-invalid") == "true"
    assert field.get("aria-describedby") == "contact-1-bereikbaar-fout contact-1-bereikbaar-hint"
    links = page.xpath("//div[@class='foutoverzicht']//a/@href")
    assert links == ["#naam", "#plaats", "#contact-1-rol", "#contact-1-bereikbaar", "#contact-2-naam", "#reeks-proef",
                     "#doelgroep-10-12"]
    assert page.find(".//title").text_content().startswith("Controleer het formulier")


def test_too_many_contacts_is_the_school_files_limit(client):
    rows = {}
    for number in range(1, MAX_CONTACTS + 2):
        rows |= contact(number, naam=f"Persoon {number}", rol="mentor", bereikbaar="Kamer 1")
    response, page = post(client, {"naam": "De School", "les": "varianten", "doelgroep": "10-12", **rows})
    assert response.status_code == 422
    assert error(page, "contactpersonen").startswith(
        "Fout: Je noemt 21 contactpersonen; er passen er hoogstens 20 in de materialen")
    assert len(page.find_class("contact")) == 21  # all of them stay, to choose from


def test_contacts_that_do_not_fit_on_the_factsheet(client):
    rows = {}
    for number in range(1, MAX_CONTACTS + 1):
        rows |= contact(number, naam=f"Persoon {number}", rol="mentor", bereikbaar="b" * 159 + f"{number % 10}")
    response, page = post(client, {"naam": "De School", "les": "varianten", "doelgroep": "10-12", **rows})
    assert response.status_code == 422
    assert error(page, "contactpersonen").startswith("Fout: De contactpersonen passen samen niet op de factsheet")


def test_the_limits_are_those_of_the_school_file_model(client, monkeypatch):
    """Why: the form must not have rules of its own; a changed limit of the school file changes the form."""
    monkeypatch.setitem(MAX_SCHOOL_TEXT, "naam", 5)
    _, page = post(client, {"naam": "Zesjes", **contact(1, "A", "mentor", "", "B")})
    assert error(page, "naam").startswith("Fout: Dit zijn 6 tekens; er passen er hoogstens 5")


@pytest.mark.parametrize("fields, field_id, message", [
    ({"contact-1-rol": "koning"}, "contact-1-rol", "Fout: Kies een rol uit de lijst."),
    ({"les": "bestaat-niet"}, "lessen", "Fout: Een van de gekozen lessen bestaat niet (meer). Kies opnieuw uit de lijst."),
    ({"doelgroep": "12-15"}, "doelgroepen", "Fout: Kies een doelgroep uit de lijst."),
    ({"contact-1-bereikbaar": "Kamer\u202e 12"}, "contact-1-bereikbaar",
     "Fout: Onzichtbaar richtingsteken U+202E (RIGHT-TO-LEFT OVERRIDE) in de tekst. Het verandert de leesrichting, "
     "zodat de tekst anders getoond wordt dan hij geschreven is (vaak meegekopieerd van een webpagina). Verwijder het."),
])
def test_values_only_a_hand_made_request_can_send(client, fields, field_id, message):
    form = {"naam": "De School", **contact(1, "A", "mentor", "", "B"), "les": "varianten", "doelgroep": "10-12"}
    _, page = post(client, form | fields)
    assert error(page, field_id) == message


def test_another_contact_row_keeps_what_was_typed_and_checks_nothing_yet(client):
    response, page = post(client, {"naam": "", **contact(1, naam="Jan"), **contact(2), **contact(3), "actie": "meer"})
    assert response.status_code == 200
    assert len(page.find_class("contact")) == 4
    assert value(page, "contact-1-naam") == "Jan"
    assert page.find_class("foutmelding") == []


def test_typed_markup_is_shown_as_text(client):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    _, page = post(client, {"naam": hostile, **contact(1, naam=hostile)})
    assert value(page, "naam") == hostile
    assert page.xpath("//main//script | //main//img") == []
