"""Every kind of file in the user cache survives damage: the next build gives the same output, and nothing planted runs."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import VARIANTS
from tests.system_tools import require_program

DAMAGES = {
    "een bit omgedraaid": lambda data: data[:-1] + bytes([data[-1] ^ 1]) if data else b"\x01",
    "afgekapt": lambda data: data[: len(data) // 2],
    "vervangen": lambda data: os.urandom(max(len(data), 16)),
    "leeg": lambda data: b"",
}


class Planted:
    """Unpickling this writes the file `path`: proof that a planted pickle ran."""

    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (Path.write_text, (Path(self.path), "uitgevoerd"))


def _run(project: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "generators", *args], cwd=project, env=env, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path) -> tuple[Path, dict]:
    shutil.copytree(VARIANTS, tmp_path / "lessons")
    slides = "1" if shutil.which("soffice") else "0"
    if os.environ.get("CI"):
        require_program("soffice", "libreoffice-impress")  # Why: in CI the slide thumbnails' cache must be damaged too
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "LESPAKKET_DIAVOORBEELDEN": slides}
    return tmp_path, env


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_cache_changes_no_output(project, damage):
    root, env = project
    _run(root, env, "build", "-j", "1", "--uit", "schoon")
    clean = _files(root / "schoon")
    cache = root / "cache" / "lespakket"
    kinds = sorted({p.parent.name for p in cache.rglob("*") if p.is_file()})
    assert "bouw" in kinds and (env["LESPAKKET_DIAVOORBEELDEN"] == "0" or "dia-voorbeelden" in kinds), kinds
    for path in (p for p in cache.rglob("*") if p.is_file()):
        path.write_bytes(DAMAGES[damage](path.read_bytes()))
    _run(root, env, "build", "-j", "1", "--uit", "schoon")
    assert _files(root / "schoon") == clean
    _run(root, env, "build", "-j", "1", "--uit", "opnieuw")
    assert _files(root / "opnieuw") == clean


def test_planted_pickles_in_the_cache_run_nothing(project):
    root, env = project
    _run(root, env, "build", "-j", "1", "--uit", "schoon")
    marker = root / "uitgevoerd.txt"
    payload = pickle.dumps(Planted(str(marker)))
    cache = root / "cache" / "lespakket"
    # Every folder the cache has, and those where earlier versions kept pickles, marshal and bytecode.
    folders = {p.parent for p in cache.rglob("*") if p.is_file()}
    folders |= {cache / name for name in ("gecompileerd", "validatie", "gegevens", "afbreken", "lettertypen", "sjablonen")}
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        for name in [*(p.name for p in folder.iterdir() if p.is_file()), "geplant.pickle", "geplant.json"]:
            (folder / name).write_bytes(payload)
    for args in (["check"], ["list"], ["build", "-j", "1", "--uit", "schoon"], ["build", "-j", "1", "--uit", "nieuw"],
                 ["preview", "varianten", "--uit", "voorbeeld"]):
        _run(root, env, *args)
    assert not marker.exists()


NO_HOME = """
import os, pwd, sys
os.environ.pop("HOME", None)
os.environ.pop("XDG_CACHE_HOME", None)
def unknown(uid):
    raise KeyError(uid)
pwd.getpwuid = unknown  # a user without a passwd entry
sys.argv = ["lespakket", *sys.argv[1:]]
from generators.cli.entry import main
main()
"""


@pytest.mark.parametrize("cache", ["geen thuismap", "cachemap is een bestand"])
def test_without_a_usable_cache_folder_the_build_runs_without_a_cache(project, cache):
    root, env = project
    _run(root, env, "build", "-j", "1", "--uit", "schoon")
    if cache == "geen thuismap":
        command = [sys.executable, "-c", NO_HOME, "build", "-j", "1", "--uit", "zonder"]
    else:
        (root / "bestand").write_text("geen map")
        env = {**env, "XDG_CACHE_HOME": str(root / "bestand")}
        command = [sys.executable, "-m", "generators", "build", "-j", "1", "--uit", "zonder"]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert _files(root / "zonder") == _files(root / "schoon")
