"""Incremental, parallel and no-op builds give exactly the output of a clean full build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parents[1] / "fixtures" / "varianten" / "lessons"
ENV = {**os.environ, "LESPAKKET_DIAVOORBEELDEN": "0"}


def lespakket(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """Whole processes, as an author runs them."""
    code = "import sys; from generators.cli.commands import main; sys.argv = ['lespakket', *sys.argv[1:]]; main()"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=600)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _two_lessons(root: Path) -> Path:
    shutil.copytree(FIXTURE, root / "lessons")
    second = root / "lessons" / "proef" / "tweede"
    shutil.copytree(root / "lessons" / "proef" / "varianten", second)
    text = (second / "les.yaml").read_text(encoding="utf-8").replace("id: varianten", "id: tweede")
    (second / "les.yaml").write_text(text, encoding="utf-8")
    return second / "les.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("incrementeel")
    _two_lessons(root)
    result = lespakket(root, "build", "-j", "1")
    assert result.returncode == 0, result.stderr
    assert _made(result) == {"tweede": "10-12, 15-18", "varianten": "10-12, 15-18"}
    return root


def _made(result: subprocess.CompletedProcess) -> dict[str, str]:
    """Lesson id -> the audiences the build summary says it made files for."""
    import re

    return dict(re.findall(r"bestanden voor les '([a-z-]+)' \(([^)]*)\)", result.stdout))


def test_noop_build_stops_before_importing_renderers(built):
    probe = (
        "import sys; from generators.cli.commands import cli\n"
        "try:\n    cli(['build'], standalone_mode=False)\nfinally:\n"
        "    print('pptx' in sys.modules, 'reportlab' in sys.modules, 'pydantic' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=built, env=ENV, capture_output=True, text=True, timeout=60)
    assert "Niets veranderd sinds de vorige build: output/ is bij." in result.stdout
    assert result.stdout.strip().endswith("False False False")


def test_plain_unchanged_build_is_answered_before_click_hashlib_or_multiprocessing_is_imported(built):
    probe = (
        "import atexit, sys; sys.argv = ['lespakket', 'build']\n"
        "loaded = ('click', 'hashlib', 'multiprocessing')\n"
        "atexit.register(lambda: print(*(name in sys.modules for name in loaded)))\n"
        "from generators.cli.entry import main\nmain()"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=built, env=ENV, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.splitlines() == ["Niets veranderd sinds de vorige build: output/ is bij.", "False False False"]


def test_touched_but_unchanged_input_is_still_a_noop_and_then_a_quick_one(built, monkeypatch):
    from generators.build import inputs as build_inputs

    lesson = next((built / "lessons").rglob("les.yaml"))
    os.utime(lesson)
    result = lespakket(built, "build")
    assert "Niets veranderd sinds de vorige build" in result.stdout

    def no_hashing(request):
        raise AssertionError("sizes and times are unchanged: the contents need not be hashed")

    monkeypatch.chdir(built)
    monkeypatch.setattr(build_inputs, "build_key", no_hashing)
    assert build_inputs.up_to_date(build_inputs.BuildRequest([Path("lessons")], Path("output"))) is not None


def test_edit_rebuilds_only_that_lesson_and_equals_a_clean_build(tmp_path):
    lesson = _two_lessons(tmp_path)
    assert lespakket(tmp_path, "build", "-j", "1").returncode == 0
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("Eerste alinea.", "Eerste alinea, nu anders."),
                      encoding="utf-8")
    result = lespakket(tmp_path, "build", "-j", "1")
    assert _made(result) == {"tweede": "10-12, 15-18"}
    assert "2 andere lesversies (een les voor één doelgroep) waren niet veranderd en bleven staan." in result.stdout
    incremental = _tree(tmp_path / "output")
    assert lespakket(tmp_path, "build", "--force", "--uit", "schoon").returncode == 0
    clean = _tree(tmp_path / "schoon")
    assert incremental.keys() == clean.keys()
    assert [name for name in clean if clean[name] != incremental[name]] == []


def test_parallel_build_equals_serial_build(built, tmp_path):
    shutil.copytree(built / "lessons", tmp_path / "lessons")
    result = lespakket(tmp_path, "build", "-j", "2")
    assert result.returncode == 0, result.stderr
    assert _tree(tmp_path / "output") == _tree(built / "output")
    result = lespakket(tmp_path, "build", "-j", "0", "--uit", "in-een-proces")
    assert result.returncode == 0, result.stderr
    assert _tree(tmp_path / "in-een-proces") == _tree(built / "output")


def test_deleted_output_file_comes_back_and_removed_lesson_disappears(tmp_path):
    _two_lessons(tmp_path)
    assert lespakket(tmp_path, "build", "-j", "1").returncode == 0
    (tmp_path / "output" / "proef" / "tweede" / "10-12" / "werkblad.pdf").unlink()
    result = lespakket(tmp_path, "build", "-j", "1")
    assert _made(result) == {"tweede": "10-12"}
    assert "3 andere lesversies" in result.stdout
    assert (tmp_path / "output" / "proef" / "tweede" / "10-12" / "werkblad.pdf").exists()
    shutil.rmtree(tmp_path / "lessons" / "proef" / "tweede")
    result = lespakket(tmp_path, "build", "-j", "1")
    assert result.stdout.startswith("Niets opnieuw gemaakt: elke les was al bij.")
    names = _tree(tmp_path / "output").keys()
    assert not [n for n in names if "tweede" in n]
    assert not (tmp_path / "output" / "proef" / "tweede").exists()


def test_force_renders_everything(built, tmp_path):
    shutil.copytree(built / "lessons", tmp_path / "lessons")
    assert lespakket(tmp_path, "build", "-j", "1").returncode == 0
    result = lespakket(tmp_path, "build", "--force", "-j", "1")
    assert _made(result) == {"tweede": "10-12, 15-18", "varianten": "10-12, 15-18"}


def test_an_edited_lesson_is_checked_first_and_each_unchanged_one_read_once(tmp_path, monkeypatch, lesson_copies):
    """An unchanged lesson passed its checks with these very inputs; it is read once, after the edited one,
    for the catalog, and keeps the check warnings the record has for it."""
    from generators.build import pipeline
    from generators.build.inputs import BuildRequest

    files = lesson_copies(tmp_path, ["alfa", "beta", "gamma"])
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LESPAKKET_DIAVOORBEELDEN", "0")
    request = BuildRequest(lesson_paths=[Path("lessons")], output=Path("output"), jobs=0)
    first = pipeline.build(request)
    clean = _tree(tmp_path / "output")
    files["gamma"].write_text(files["gamma"].read_text(encoding="utf-8") + "# bewerkt\n", encoding="utf-8")
    read: list[str] = []
    load = pipeline.load_model
    monkeypatch.setattr(pipeline, "load_model", lambda path, *a, **k: read.append(path.parent.name) or load(path, *a, **k))
    second = pipeline.build(request)
    assert read == ["gamma", "alfa", "beta"]
    assert second.rendered == 2 and second.diagnostics.counts() == first.diagnostics.counts()
    after = _tree(tmp_path / "output")
    assert {k for k in clean if clean[k] != after.get(k)} <= {".lespakket-bouw.json"}
