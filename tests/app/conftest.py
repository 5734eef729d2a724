"""Fixtures of the app's tests: the fixture lesson as a library, a small catalog folder, a pack maker."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import VARIANTS

CATALOG_PAGE = ('<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
                'content="default-src \'none\'; form-action \'none\'"><title>Lessen</title></head><body><main>'
                '<h1>Lessen</h1>\n<!--schoolpakket-->\n<!--schoolpakket:varianten-->\n</main></body></html>\n')


@pytest.fixture(scope="session")
def library():
    from generators.app.library import load_library

    loaded, diagnostics = load_library([VARIANTS])
    assert loaded is not None, [d.format() for d in diagnostics.items]
    return loaded


@pytest.fixture(scope="session")
def catalog(tmp_path_factory) -> Path:
    """A catalog folder with an index page, a lesson page, a file to download and a build record."""
    folder = tmp_path_factory.mktemp("catalogus")
    (folder / "index.html").write_text(CATALOG_PAGE, encoding="utf-8")
    (folder / "lessen").mkdir()
    (folder / "lessen" / "varianten.html").write_text(CATALOG_PAGE, encoding="utf-8")
    (folder / "pakketten").mkdir()
    (folder / "pakketten" / "varianten_10-12.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    (folder / ".lespakket-bouw.json").write_text("{}", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def maker(library):
    """Makes real packs with two fresh workers per request."""
    from generators.app.school_pack import PackMaker

    made = PackMaker(library, 2)
    yield made
    made.close()
