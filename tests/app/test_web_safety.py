"""What the app answers besides the form: safety headers, the Host check, methods, paths, sizes, a full line."""

from __future__ import annotations

import re

import pytest
from lxml import html
from starlette.testclient import TestClient

from generators.app.limits import MAX_BODY, BuildQueue
from generators.app.run import allowed_hosts
from generators.app.web import create_app
from tests.app.test_school_form import NoPacks, contact

SAFE = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
CATALOG_POLICY = "default-src 'none'; form-action 'none'; frame-ancestors 'none'"
VALID = {"naam": "De Regenboog", "plaats": "Utrecht", **contact(1, "Mevrouw De Vries", "vertrouwenspersoon", "",
                                                                 "Kamer 1.12"), "les": "varianten", "doelgroep": "10-12"}


@pytest.fixture
def client(catalog, library):
    return TestClient(create_app(catalog, NoPacks(library)))


@pytest.mark.parametrize("method, path, status", [
    ("GET", "/", 200), ("GET", "/index.html", 200), ("HEAD", "/index.html", 200), ("GET", "/lessen/varianten.html", 200),
    ("GET", "/pakketten/varianten_10-12.zip", 200), ("GET", "/bestaat-niet.html", 404), ("GET", "/school", 200),
    ("POST", "/school", 415), ("PUT", "/index.html", 405), ("GET", "/.lespakket-bouw.json", 404),
])
def test_every_answer_carries_the_safety_headers(client, method, path, status):
    response = client.request(method, path)
    assert response.status_code == status
    for name, expected in SAFE.items():
        assert response.headers[name] == expected
    assert response.headers["Content-Security-Policy"].endswith("; frame-ancestors 'none'")
    if path != "/school":
        assert response.headers["Content-Security-Policy"] == CATALOG_POLICY


def test_the_school_page_has_its_own_policy_that_lets_the_form_post_here_only(client):
    response = client.get("/school")
    policy = response.headers["Content-Security-Policy"]
    assert re.fullmatch(r"default-src 'none'; img-src 'self' data:; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src "
                        r"'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'", policy)
    meta = html.fromstring(response.text).xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert meta == [policy.removesuffix("; frame-ancestors 'none'")]
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/.lespakket-bouw.json", "/%2Elespakket-bouw.json", "/lessen/../.lespakket-bouw.json",
                                  "/lessen/", "/pakketten/", "/lessen", "/..%2F..%2Fetc%2Fpasswd", "/lessen%5C..%5Cindex.html"])
def test_dot_files_folders_and_paths_outside_are_not_found(client, path):
    response = client.get(path)
    assert (response.status_code, response.text) == (404, "Niet gevonden.\n")


@pytest.mark.parametrize("method, path, allowed", [
    ("POST", "/index.html", "GET, HEAD"), ("DELETE", "/index.html", "GET, HEAD"), ("OPTIONS", "/", "GET, HEAD"),
    ("PUT", "/school", "GET, HEAD, POST"), ("DELETE", "/school", "GET, HEAD, POST"), ("TRACE", "/school", "GET, HEAD, POST"),
])
def test_only_the_methods_a_path_needs(client, method, path, allowed):
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.headers["Allow"] == allowed
    names = allowed.split(", ")
    assert response.text == f"Dit adres beantwoordt alleen {', '.join(names[:-1])} en {names[-1]}.\n"


def test_the_invitation_to_the_school_page_shows_only_when_the_app_offers_it(catalog, library, client):
    index = html.fromstring(client.get("/").text)
    assert index.xpath("//p[@class='naar-school']/a/@href") == ["/school", "/school?les=varianten"]
    without = TestClient(create_app(catalog, None))
    page = without.get("/")
    assert page.status_code == 200 and "naar-school" not in page.text
    assert without.get("/school").status_code == 404
    assert "naar-school" not in (catalog / "index.html").read_text(encoding="utf-8")  # the file on disk, offline


@pytest.mark.parametrize("host, status", [
    ("127.0.0.1:8000", 200), ("localhost:8000", 200), ("LocalHost:8000", 200), ("[::1]:8000", 200),
    ("evil.example", 421), ("evil.example:8000", 421), ("127.0.0.1", 421), ("127.0.0.1:1", 421),
    ("localhost.evil.example:8000", 421), ("127.0.0.1:8000.evil.example", 421),
])
def test_bound_to_this_computer_only_its_own_names_are_answered(catalog, library, host, status):
    """DNS rebinding: a foreign page that resolves its own name to 127.0.0.1 sends that name as the Host."""
    client = TestClient(create_app(catalog, NoPacks(library), allowed_hosts("127.0.0.1", 8000)))
    for path in ("/", "/school"):
        response = client.get(path, headers={"Host": host})
        assert response.status_code == status
        if status == 421:
            assert response.text == "Deze server is alleen bereikbaar via 127.0.0.1 of localhost op deze computer.\n"
            assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_request_with_two_hosts_is_refused(catalog, library):
    client = TestClient(create_app(catalog, NoPacks(library), allowed_hosts("127.0.0.1", 8000)))
    response = client.get("/", headers=[("Host", "127.0.0.1:8000"), ("Host", "evil.example")])
    assert (response.status_code, response.text) == (400, "Dit verzoek kan deze server niet lezen.\n")


def test_on_other_addresses_any_host_is_answered(catalog, library):
    """Why: behind a load balancer the app cannot know the names it is reached by."""
    assert allowed_hosts("0.0.0.0", 8000) is None
    assert TestClient(create_app(catalog, NoPacks(library), None)).get("/", headers={"Host": "lespakket.example"}).status_code == 200


def test_a_form_over_the_size_limit_is_refused_before_it_is_read(client):
    response = client.post("/school", content=b"naam=" + b"a" * MAX_BODY,
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413
    assert response.text.startswith("Dit formulier is te groot")


def test_a_form_that_grows_over_the_limit_without_saying_its_size_is_refused(client):
    def body():
        yield b"naam=x"
        for _ in range(MAX_BODY // 1024 + 1):
            yield b"a" * 1024

    response = client.post("/school", content=body(), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413


@pytest.mark.parametrize("body, content_type, status", [
    (b'{"naam": "x"}', "application/json", 415),
    (b"naam=%FF%FE", "application/x-www-form-urlencoded", 400),
    (b"&".join([b"les=x"] * 1001), "application/x-www-form-urlencoded", 400),
])
def test_a_body_the_form_cannot_send_is_refused(client, body, content_type, status):
    assert client.post("/school", content=body, headers={"Content-Type": content_type}).status_code == status


def test_when_the_line_is_full_the_school_is_asked_to_come_back_and_keeps_the_form(catalog, library):
    queue = BuildQueue(running=1, waiting=0)
    queue.admitted = 1  # one pack is being made
    client = TestClient(create_app(catalog, NoPacks(library), queue=queue))
    response = client.post("/school", data=VALID)
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit() and int(response.headers["Retry-After"]) >= 1
    page = html.fromstring(response.text)
    notice = page.find_class("melding")[0].text_content()
    assert notice == f"Het is nu erg druk: er worden al veel pakketten gemaakt. Probeer het over {response.headers['Retry-After']} seconden opnieuw."
    assert page.get_element_by_id("contact-1-naam").get("value") == "Mevrouw De Vries"
    assert queue.admitted == 1


def test_an_unexpected_error_is_logged_without_what_was_typed(catalog, library, caplog):
    class Failing(NoPacks):
        def make(self, school, chosen, given_up):
            raise ValueError(f"kapot bij {school.contactpersonen[0].naam}")

    client = TestClient(create_app(catalog, Failing(library)))
    response = client.post("/school", data=VALID)
    assert response.status_code == 500
    assert response.text == ("Er ging iets mis in de server. Probeer het opnieuw; gebeurt het weer, meld het dan aan de "
                             "beheerder.\n")
    assert "Interne fout (ValueError) bij POST /school" in caplog.text
    assert "De Vries" not in caplog.text and "Regenboog" not in caplog.text
