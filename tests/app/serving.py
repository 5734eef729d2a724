"""The fixture lesson's catalog, and the app served by uvicorn in a thread on a free port of 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner

from generators.app.run import allowed_hosts
from generators.app.web import create_app
from generators.cli.commands import cli
from tests.conftest import VARIANTS


def built_site(root: Path) -> Path:
    """root/site: the catalog of the fixture lesson, copied to root/lessons, built without slide thumbnails."""
    shutil.copytree(VARIANTS, root / "lessons")
    mp = pytest.MonkeyPatch()
    mp.chdir(root)
    mp.setenv("LESPAKKET_DIAVOORBEELDEN", "0")
    result = CliRunner().invoke(cli, ["build", "--uit", "site"], catch_exceptions=False)
    mp.undo()
    assert result.exit_code == 0, result.output
    return root / "site"


@contextmanager
def served(folder: Path, maker=None, queue=None) -> Iterator[tuple[str, object]]:
    """(base URL, app) while the app runs; stopped afterwards."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    app = create_app(folder, maker, allowed_hosts("127.0.0.1", port), queue)
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, log_level="error", access_log=False, lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        server.should_exit = True
        thread.join(10)
        listener.close()
