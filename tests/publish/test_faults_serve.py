"""`lespakket serve` as a real process: security headers, Host check against DNS rebinding, no dot files, busy ports."""

from __future__ import annotations

import http.client
import re
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators.cli.commands import cli

FIXTURES = Path(__file__).parents[1] / "fixtures"
SERVE = "from generators.cli.commands import main; main()"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A catalog built from the fixture lesson, with the build record beside it."""
    root = tmp_path_factory.mktemp("serve")
    shutil.copytree(FIXTURES / "varianten" / "lessons", root / "lessons")
    mp = pytest.MonkeyPatch()
    mp.chdir(root)
    mp.setenv("LESPAKKET_DIAVOORBEELDEN", "0")
    result = CliRunner().invoke(cli, ["build", "--uit", "site"], catch_exceptions=False)
    mp.undo()
    assert result.exit_code == 0, result.output
    assert (root / "site" / ".lespakket-bouw.json").is_file()
    return root / "site"


@pytest.fixture(scope="module")
def port(site) -> int:
    """The port of `lespakket serve --poort 0` running in its own process; stopped with Ctrl+C afterwards."""
    process = subprocess.Popen([sys.executable, "-c", SERVE, "serve", "--uit", str(site), "--poort", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        found = re.fullmatch(r"De catalogus staat op http://127\.0\.0\.1:(\d+)/ \(stoppen: Ctrl\+C\)\.\n", line)
        assert found, (line, process.stderr.read() if process.poll() is not None else "")
        yield int(found.group(1))
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    assert (process.returncode, out, err) == (0, "Gestopt.\n", "")


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
    status, _, body = ask(port, hosts=[h.format(port=port) for h in hosts])
    assert (status, body.decode()) == (400, "Dit verzoek kan deze server niet lezen.\n")


@pytest.mark.parametrize("path", ["/.lespakket-bouw.json", "/%2Elespakket-bouw.json", "/lessen/../.lespakket-bouw.json",
                                  "/.git/config", "/lessen/.verborgen", "/pakketten/", "/lessen/", "/proef/"])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_dot_files_and_folder_listings_are_not_found(site, port, path, method):
    status, _, body = ask(port, path, method=method)
    assert (status, body.decode()) == (404, "Niet gevonden.\n" if method == "GET" else "")


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "OPTIONS"])
def test_only_get_and_head(port, method):
    status, _, body = ask(port, method=method)
    assert (status, body.decode()) == (501, "Deze server beantwoordt alleen GET en HEAD.\n")


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
    from generators.publish.serve import catalog_policy

    (tmp_path / "index.html").write_text(f"<!doctype html><html><head>{head}</head><body></body></html>")
    assert catalog_policy(tmp_path) == policy
