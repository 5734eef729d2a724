"""`lespakket preview` without --uit writes into a new private folder per run, whatever others left in the shared
temporary folder."""

from __future__ import annotations

import re
import stat
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators.cli.commands import cli


@pytest.fixture
def shared_tmp(workdir, monkeypatch) -> Path:
    """The computer's temporary folder, in which another user already made the names the old preview used."""
    shared = workdir / "tmp"
    shared.mkdir()
    (shared / "lespakket-voorbeeldweergave").write_text("van iemand anders")
    elsewhere = workdir / "van-een-ander"
    elsewhere.mkdir()
    (shared / "lespakket-voorbeeld").symlink_to(elsewhere)
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    monkeypatch.setenv("LESPAKKET_DIAVOORBEELDEN", "0")
    return shared


def _written(result) -> Path:
    found = re.fullmatch(r"Voorbeeld geschreven: (.+)\n", result.stdout)
    assert found, result.output
    return Path(found.group(1))


def test_each_preview_gets_a_new_folder_only_its_user_can_open(shared_tmp, workdir):
    first = CliRunner().invoke(cli, ["preview", "varianten"], catch_exceptions=False)
    second = CliRunner().invoke(cli, ["preview", "varianten"], catch_exceptions=False)
    assert (first.exit_code, second.exit_code) == (0, 0), first.output + second.output
    paths = [_written(first), _written(second)]
    for path in paths:
        assert path.name == "varianten_10-12.png" and path.is_file()
        assert path.parent.parent == shared_tmp and path.parent.name.startswith("lespakket-voorbeeld-")
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert [p.name for p in path.parent.iterdir()] == [path.name]
    assert paths[0].parent != paths[1].parent
    assert (shared_tmp / "lespakket-voorbeeldweergave").read_text() == "van iemand anders"
    assert list((workdir / "van-een-ander").iterdir()) == []


def test_with_uit_the_path_stays_the_same(shared_tmp, workdir):
    for _ in range(2):
        result = CliRunner().invoke(cli, ["preview", "varianten", "--uit", "voorbeeld"], catch_exceptions=False)
        assert _written(result) == Path("voorbeeld/varianten_10-12.png")
    assert sorted(p.name for p in shared_tmp.iterdir()) == ["lespakket-voorbeeld", "lespakket-voorbeeldweergave"]


def test_a_failed_preview_makes_no_folder(shared_tmp):
    result = CliRunner().invoke(cli, ["preview", "bestaat-niet"], catch_exceptions=False)
    assert result.exit_code == 1
    assert sorted(p.name for p in shared_tmp.iterdir()) == ["lespakket-voorbeeld", "lespakket-voorbeeldweergave"]
