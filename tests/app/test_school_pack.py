"""A school's pack made for real: verified, the school and a contact in every file, the same bytes for the same
form, and nothing left behind: no files, no workers, also when the client goes away."""

from __future__ import annotations

import io
import os
import socket
import tempfile
import time
import zipfile
from pathlib import Path
from urllib.parse import urlencode

import pytest
from pptx import Presentation
from pypdf import PdfReader
from starlette.testclient import TestClient

from generators.app.limits import BuildQueue
from generators.app.web import create_app
from generators.publish.pack_zip import verify_pack
from generators.registry import GENERATORS
from tests.app.serving import served
from tests.app.test_school_form import contact
from tests.conftest import ROOT

SCHOOL, PERSON = "OBS De Regenboog & Zn", "Mevrouw Özdemir"
FORM = {"naam": SCHOOL, "plaats": "Utrecht", **contact(1, PERSON, "vertrouwenspersoon", "", "Kamer 1.12, of via de mail"),
        **contact(2, "Meneer Bakker", "anders", "conciërge", "Bij de ingang"), "les": "varianten",
        "doelgroep": ["10-12", "15-18"]}


@pytest.fixture(scope="module")
def client(catalog, maker):
    return TestClient(create_app(catalog, maker))


def text_of(name: str, content: bytes) -> str:
    if name.endswith(".pdf"):
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    if name.endswith(".pptx"):
        deck = Presentation(io.BytesIO(content))
        return " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    return content.decode("utf-8")


def workers_of(maker) -> list[int]:
    """The process ids of the workers the warm process has now."""
    warm = maker._forks._process.pid
    found = []
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[1] == str(warm) and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def temporary_folders() -> list[str]:
    return [name for name in os.listdir(tempfile.gettempdir()) if name.startswith("lespakket-school-")]


def wait_until(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_the_pack_passes_verify_and_every_file_names_the_school_and_its_contacts(client, library, tmp_path):
    response = client.post("/school", data=FORM)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Disposition"] == 'attachment; filename="lespakket-obs-de-regenboog-zn.zip"'
    assert response.headers["Cache-Control"] == "no-store"
    target = tmp_path / "pakket.zip"
    target.write_bytes(response.content)
    assert verify_pack(target) == []
    with zipfile.ZipFile(target) as archive:
        files = {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}
    expected = {f"varianten/{d.audience.id}/{g.filename}" for d in library.documents for g in GENERATORS if g.applies_to(d)}
    assert {name for name in files if "/" in name} == expected | {"factsheet/factsheet-a4.pdf", "factsheet/factsheet-a3.pdf"}
    assert {"LEESMIJ.txt", "LICENTIE.txt", "manifest.json"} <= set(files)
    for name, content in files.items():
        if name.endswith((".pdf", ".pptx")):
            text = " ".join(text_of(name, content).split())
            assert SCHOOL in text, name
            assert PERSON in text and "Meneer Bakker" in text, name
    assert "Schooleditie voor: OBS De Regenboog & Zn" in files["LEESMIJ.txt"].decode()


def test_the_same_form_gives_the_same_bytes(client):
    first, second = client.post("/school", data=FORM), client.post("/school", data=FORM)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    other = client.post("/school", data=FORM | {"plaats": "Zwolle"})
    assert other.content != first.content


def test_after_the_answer_no_file_and_no_worker_is_left(client, maker):
    assert client.post("/school", data=FORM).status_code == 200
    assert temporary_folders() == []
    assert wait_until(lambda: workers_of(maker) == []), workers_of(maker)


@pytest.fixture(scope="module")
def catalog_maker():
    """The bundled catalog, whose pack takes long enough to be given up halfway."""
    from generators.app.library import load_library
    from generators.app.school_pack import PackMaker

    library, _ = load_library([ROOT / "lessons"])
    made = PackMaker(library, 2)
    yield made
    made.close()


def test_a_client_that_goes_away_leaves_no_work_running(catalog, catalog_maker):
    queue = BuildQueue()
    every_series = [("reeks", s.id) for s in catalog_maker.library.series]
    every_audience = [("doelgroep", a.id) for a in catalog_maker.library.audiences]
    body = urlencode([(k, v) for k, v in FORM.items() if k not in ("les", "doelgroep")] + every_series
                     + every_audience).encode()
    with served(catalog, catalog_maker, queue) as (url, _):
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(b"POST /school HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: "
                           b"application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s" % (port, len(body), body))
            assert wait_until(lambda: workers_of(catalog_maker) != [], 20), "the pack was never started"
            assert temporary_folders() != []
            time.sleep(0.3)
        gone = time.monotonic()
        assert wait_until(lambda: workers_of(catalog_maker) == [] and temporary_folders() == [] and queue.admitted == 0)
        assert time.monotonic() - gone < 2.0
        assert TestClient(create_app(catalog, catalog_maker)).get("/school").status_code == 200


def test_an_app_that_stops_gives_up_its_packs_and_removes_their_files(catalog_maker):
    import threading

    from generators.app.fresh_workers import GivenUp
    from generators.app.school_pack import PackMaker
    from generators.data.models import School

    maker = PackMaker(catalog_maker.library, 2)
    school = School.model_validate({"naam": SCHOOL, "contactpersonen": [
        {"naam": PERSON, "rol": "mentor", "bereikbaar": "Kamer 1"}]})
    outcome: list = []

    def make() -> None:
        try:
            outcome.append(maker.make(school, list(range(len(maker.library.documents))), threading.Event()))
        except GivenUp as given_up:
            outcome.append(given_up)

    thread = threading.Thread(target=make)
    thread.start()
    assert wait_until(lambda: temporary_folders() != [], 20)
    maker.close()
    thread.join(10)
    assert [type(o) for o in outcome] == [GivenUp]
    assert temporary_folders() == []


def test_folders_left_by_an_app_that_was_killed_are_removed_at_the_next_start(tmp_path, monkeypatch):
    import subprocess
    import sys

    from generators.app.school_pack import remove_leftovers

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead, alive = tmp_path / f"lespakket-school-{gone.stdout.strip()}-abc", tmp_path / f"lespakket-school-{os.getpid()}-def"
    for folder in (dead, alive):
        (folder / "bestanden").mkdir(parents=True)
        (folder / "bestanden" / "werkblad.pdf").write_bytes(b"%PDF-")
    remove_leftovers()
    assert (dead.exists(), alive.exists()) == (False, True)


def test_a_worker_that_dies_gives_a_dutch_answer_to_try_again(client, maker):
    import signal
    import threading

    answers: list = []
    thread = threading.Thread(target=lambda: answers.append(client.post("/school", data=FORM)))
    thread.start()
    assert wait_until(lambda: workers_of(maker) != [], 20)
    os.kill(workers_of(maker)[0], signal.SIGKILL)
    thread.join(60)
    response = answers[0]
    assert (response.status_code, response.headers["Retry-After"]) == (503, "5")
    assert "Het pakket kon niet worden gemaakt, omdat een werkproces stopte. Probeer het opnieuw." in response.text
    assert wait_until(lambda: temporary_folders() == [])
    assert client.post("/school", data=FORM).status_code == 200


def test_a_warm_process_that_stopped_is_started_again(client, maker):
    maker._forks._process.kill()
    maker._forks._process.join(5)
    assert client.post("/school", data=FORM).status_code == 200
