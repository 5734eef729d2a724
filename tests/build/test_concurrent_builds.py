"""Two `lespakket build` processes started at once leave output/ exactly as one clean build would."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[1] / "fixtures"


def _project(folder: Path) -> Path:
    folder.mkdir()
    shutil.copytree(FIXTURES / "varianten" / "lessons", folder / "lessons")
    minimal = folder / "lessons" / "proef" / "proefles" / "les.yaml"
    minimal.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "minimal-les.yaml", minimal)
    return folder


def _start(folder: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "LESPAKKET_DIAVOORBEELDEN": "0"}
    command = [sys.executable, "-c", "from generators.cli.commands import main; main()", "build", "--uit", "uit", *extra]
    return subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(process: subprocess.Popen) -> str:
    stdout, stderr = process.communicate(timeout=600)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr and "Interne fout" not in stderr
    return stdout


def _tree(output: Path) -> dict[str, str]:
    """Every file under output/ with its sha256; the build's own hidden bookkeeping files left out."""
    return {
        p.relative_to(output).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(output.rglob("*")) if p.is_file() and not p.name.startswith(".")
    }


def _assert_manifest_matches_files(output: Path) -> None:
    entries = json.loads((output / "manifest.json").read_text(encoding="utf-8"))["artefacten"]
    tree = _tree(output)
    assert sorted(tree) == sorted(["manifest.json", *(e["pad"] for e in entries)])
    for entry in entries:
        assert tree[entry["pad"]] == entry["sha256"], entry["pad"]
        assert (output / entry["pad"]).stat().st_size == entry["bytes"]


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory) -> dict[str, str]:
    folder = _project(tmp_path_factory.mktemp("schoon") / "project")
    _finish(_start(folder))
    _assert_manifest_matches_files(folder / "uit")
    return _tree(folder / "uit")


@pytest.mark.parametrize("second", [(), ("--les", "varianten", "--doelgroep", "10-12")], ids=["heel", "deel"])
def test_two_builds_at_once_leave_one_clean_output(tmp_path, clean_build, second):
    folder = _project(tmp_path / "project")
    first_process, second_process = _start(folder), _start(folder, *second)
    _finish(first_process)
    _finish(second_process)
    output = folder / "uit"
    _assert_manifest_matches_files(output)
    assert _tree(output) == clean_build
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".uit.") and p.name != ".uit.lock"]
    assert leftovers == []

