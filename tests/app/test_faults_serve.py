"""`lespakket serve` as a real process: security headers, Host check against DNS rebinding, no dot files, busy ports,
Ctrl+C, and nothing a school typed in its output."""

from __future__ import annotations

import http.client
import re
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner

from generators.cli.commands import cli
from tests.app.serving import built_site

SERVE = "from generators.cli.commands import main; main()"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A catalog built from the fixture lesson, with the build record beside it."""
    site = built_site(tmp_path_factory.mktemp("serve"))
    assert (site / ".lespakket-bouw.json").is_file()
    return site


@contextmanager
def serving(site: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """`lespakket serve --poort 0` with the fixture lesson, in its own process: (port, what it printed, once stopped).
    Stopped with Ctrl+C afterwards; it then says only "Gestopt."."""
    process = subprocess.Popen([sys.executable, "-c", SERVE, "serve", "--uit", str(site), "--poort", "0", "--lessen",
                                str(site.parent / "lessons"), "--werkers", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    printed: dict[str, str] = {}
    try:
        line = process.stdout.readline()
        found = re.fullmatch(r"De catalogus staat op http://127\.0\.0\.1:(\d+)/ \(stoppen: Ctrl\+C\)\.\n", line)
        assert found, (line, process.stderr.read() if process.poll() is not None else "")
        port = int(found.group(1))
        assert process.stdout.readline() == f"Pakket voor jouw school: http://127.0.0.1:{port}/school\n"
        yield port, printed
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
        printed.update(out=out, err=err)
    assert (process.returncode, out, err) == (0, "Gestopt.\n", "")


@pytest.fixture(scope="module")
def port(site) -> Iterator[int]:
    with serving(site) as (number, _):
        yield number


def ask(port: int, path: str = "/index.html", hosts: list[str] | None = None, method: str = "GET"):
    """(status, headers, body) of one request with exactly the Host headers given (default: 127.0.0.1:port)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    for host in [f"127.0.0.1:{port}"] if hosts is None else hosts:
        connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.headers, body


def test_every_answer_carries_the_catalogs_policy_and_safe_headers(site, port):
    meta = re.search(rb'<meta http-equiv="Content-Security-Policy" content="([^"]+)">',
                     (site / "index.html").read_bytes()).group(1).decode().replace("&#39;", "'")
    assert meta.startswith("default-src 'none'; img-src 'self' file: data:; style-src 'sha256-")
    pack = next(p.relative_to(site).as_posix() for p in (site / "pakketten").iterdir())
    for path, status in [("/index.html", 200), ("/", 200), ("/lessen/varianten.html", 200), (f"/{pack}", 200),
                         ("/bestaat-niet.html", 404)]:
        code, headers, _ = ask(port, path)
        assert code == status, path
        assert headers["Content-Security-Policy"] == f"{meta}; frame-ancestors 'none'", path
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "[::1]", "LocalHost"])
def test_loopback_names_with_the_port_are_answered(port, name):
    assert ask(port, hosts=[f"{name}:{port}"])[0] == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1", "localhost", "127.0.0.1:1",
                                  "localhost.evil.example:{port}", "127.0.0.1:{port}.evil.example", ""])
def test_other_hosts_are_refused(port, host):
    """DNS rebinding: a foreign page that resolves its own name to 127.0.0.1 sends that name as the Host."""
    status, headers, body = ask(port, hosts=[host.format(port=port)])
    assert (status, body.decode()) == (421, "Deze server is alleen bereikbaar via 127.0.0.1 of localhost op deze computer.\n")
    assert headers["Content-Type"] == "text/plain; charset=utf-8"


@pytest.mark.parametrize("hosts", [[], ["127.0.0.1:{port}", "evil.example"]])
def test_a_request_without_one_host_is_refused(port, hosts):
    """Why only the status: uvicorn itself refuses such an HTTP/1.1 request, in English, before the app sees it
    (the app's own Dutch answer is tested in test_web_safety)."""
    assert ask(port, hosts=[h.format(port=port) for h in hosts])[0] == 400


@pytest.mark.parametrize("path", ["/.lespakket-bouw.json", "/%2Elespakket-bouw.json", "/lessen/../.lespakket-bouw.json",
                                  "/.git/config", "/lessen/.verborgen", "/pakketten/", "/lessen/", "/proef/"])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_dot_files_and_folder_listings_are_not_found(site, port, path, method):
    status, _, body = ask(port, path, method=method)
    assert (status, body.decode()) == (404, "Niet gevonden.\n" if method == "GET" else "")


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "OPTIONS"])
def test_only_get_and_head_on_the_catalog(port, method):
    status, headers, body = ask(port, method=method)
    assert (status, headers["Allow"], body.decode()) == (405, "GET, HEAD", "Dit adres beantwoordt alleen GET en HEAD.\n")


def test_a_school_pack_leaves_no_name_in_what_the_server_prints(site):
    with serving(site) as (port, printed):
        form = urlencode({"naam": "Zeldzaamschool", "contact-1-naam": "Mevrouw Onvindbaar", "contact-1-rol": "mentor",
                          "contact-1-bereikbaar": "Kamer Geheim", "les": "varianten", "doelgroep": "10-12"}).encode()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        connection.request("POST", "/school", form, {"Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        assert (response.status, response.getheader("Content-Type")) == (200, "application/zip")
        assert response.read().startswith(b"PK")
        connection.request("POST", "/school?naam=Zeldzaamschool", b"naam=Zeldzaamschool&contact-1-naam=%F0%9F%98%80",
                           {"Content-Type": "application/x-www-form-urlencoded"})
        assert connection.getresponse().read().count(b"Zeldzaamschool") >= 1
        connection.close()
    for name in ("Zeldzaamschool", "Onvindbaar", "Geheim"):
        assert name not in printed["out"] + printed["err"]


def test_a_port_in_use_is_a_dutch_error(site):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--uit", str(site), "--poort", str(busy)], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"--poort: fout: Poort {busy} is al in gebruik, misschien door een andere 'lespakket "
                             "serve'. Stop dat programma, of kies een andere poort met --poort (--poort 0 kiest zelf "
                             "een vrije). [poort-bezet]\n")


def test_a_folder_without_a_catalog(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--uit", str(tmp_path)], catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"{tmp_path.as_posix()}/index.html: fout: Hier staat nog geen catalogus. Maak hem eerst "
                             f"met 'lespakket build --uit {tmp_path}'. [catalogus-ontbreekt]\n")


@pytest.mark.parametrize("head, policy", [
    ("", "default-src 'none'; frame-ancestors 'none'"),
    ('<meta http-equiv="content-security-policy" content="default-src \'self\'">', "default-src 'self'; frame-ancestors 'none'"),
    ('<meta http-equiv="Content-Security-Policy" content="default-src *&#10;Set-Cookie: x=1">',
     "default-src 'none'; frame-ancestors 'none'"),
])
def test_a_page_without_a_usable_policy_gets_the_strictest(tmp_path, head, policy):
    from generators.app.catalog_files import catalog_policy

    (tmp_path / "index.html").write_text(f"<!doctype html><html><head>{head}</head><body></body></html>")
    assert catalog_policy(tmp_path) == policy


def test_lessons_with_an_error_keep_the_server_from_starting(site, tmp_path):
    shutil.copytree(site.parent / "lessons", tmp_path / "lessons")
    lesson = tmp_path / "lessons" / "proef" / "varianten" / "les.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("    duur: 45", "    duur: 46"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["serve", "--uit", str(site), "--poort", "0", "--lessen", str(tmp_path / "lessons")],
                                catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (1, "")
    assert "les.yaml:" in result.stderr and "[minuten-som]" in result.stderr
    assert result.stderr.endswith("De server is niet gestart: de lessen hebben fouten. Los ze op, of start zonder "
                                  "'Pakket voor jouw school' met --lessen en een map zonder lessen.\n")


def test_without_lessons_the_catalog_alone_is_served(site, tmp_path):
    process = subprocess.Popen([sys.executable, "-c", SERVE, "serve", "--uit", str(site), "--poort", "0", "--lessen",
                                str(tmp_path / "geen")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        port = int(re.search(r":(\d+)/", process.stdout.readline()).group(1))
        assert process.stdout.readline() == f"Zonder lessen in {(tmp_path / 'geen').as_posix()}/ staat 'Pakket voor jouw school' uit.\n"
        assert ask(port)[0] == 200
        assert ask(port, "/school")[0] == 404
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert (process.returncode, out, err) == (0, "Gestopt.\n", "")
