"""The `lespakket` command as installed: its output arrives whole and its exit status is the command's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[1] / "fixtures"
# Why without PYTHONUNBUFFERED: output must arrive whole through the buffered pipes a real run has.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}, "LESPAKKET_DIAVOORBEELDEN": "0"}
COMMAND = "import sys; from generators.cli.entry import main; sys.argv = ['lespakket', *sys.argv[1:]]; main()"


def lespakket(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """Through the console script's entry point, with stdout and stderr pipes (block-buffered)."""
    return subprocess.run([sys.executable, "-c", COMMAND, *args], cwd=cwd, env=ENV, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture
def lessons(tmp_path) -> Path:
    shutil.copytree(FIXTURES / "varianten" / "lessons", tmp_path / "lessons")
    return tmp_path


def test_a_build_ends_with_its_whole_report_and_status_0(lessons):
    result = lespakket(lessons, "build", "-j", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("(overzicht: output/manifest.json).")
    assert (lessons / "output" / "manifest.json").is_file()
    unchanged = lespakket(lessons, "build")
    assert (unchanged.returncode, unchanged.stdout) == (0, "Niets veranderd sinds de vorige build: output/ is bij.\n")


def test_bad_input_gives_status_1_and_the_whole_located_message(tmp_path):
    case = FIXTURES / "invalid" / "afbeelding-ontbreekt"
    shutil.copytree(case / "lessons", tmp_path / "lessons")
    result = lespakket(tmp_path, "build")
    assert result.returncode == 1
    assert (case / "expected.txt").read_text(encoding="utf-8").splitlines()[0] in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "output").exists()


def test_usage_errors_and_help_keep_clicks_status(tmp_path):
    assert lespakket(tmp_path, "--help").returncode == 0
    wrong = lespakket(tmp_path, "build", "--bestaat-niet")
    assert wrong.returncode == 2 and "--bestaat-niet" in wrong.stderr
