"""Fault injection on the build: foreign output folders, kills and Ctrl+C at any moment, damaged records."""

from __future__ import annotations

import ast
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT, VARIANTS

ENV = {**os.environ, "LESPAKKET_DIAVOORBEELDEN": "0"}
NOT_WRITTEN = "Er is niets geschreven. Los de fouten op en probeer het opnieuw."
REFUSED_TAIL = "Een build vervangt de hele map, dus daar bouwt lespakket niet. Kies met --uit een eigen map, bijvoorbeeld --uit output. [uit-beschermd]"


def lespakket(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generators", *args], cwd=cwd, env=env or ENV, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(VARIANTS, tmp_path / "lessons")
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _refused(result: subprocess.CompletedProcess, first_line: str) -> None:
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [first_line, "1 fout.", NOT_WRITTEN]
    assert "Traceback" not in result.stderr


# --uit: never build over what lespakket did not make

def test_a_folder_of_someone_else_is_refused_and_left_alone(project):
    (project / "docs").mkdir()
    (project / "docs" / "verslag.docx").write_bytes(b"x")
    result = lespakket(project, "build", "-j", "0", "--uit", "docs")
    _refused(result, "--uit: fout: De map 'docs' is niet leeg en is niet door lespakket gemaakt (er staat geen "
                     ".lespakket-bouw.json in). Lespakket bouwt alleen in een nieuwe of lege map, of in een map die het "
                     "eerder zelf maakte, zodat er nooit iets van jou verloren gaat. Kies met --uit een andere map. "
                     "[uit-niet-leeg]")
    assert _snapshot(project / "docs") == {"verslag.docx": b"x"}
    assert sorted(p.name for p in project.iterdir()) == ["docs", "lessons"]


@pytest.mark.parametrize("uit, problem", [
    ("lessons", "is de map met de lessen"),
    (".", "bevat de map met de lessen ('lessons')"),
    ("lessons/proef/nieuw", "ligt in de map met de lessen ('lessons')"),
])
def test_the_lessons_and_the_project_are_refused(project, uit, problem):
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = _snapshot(project)
    result = lespakket(project, "build", "-j", "0", "--uit", uit)
    _refused(result, f"--uit: fout: De map '{uit}' {problem}. {REFUSED_TAIL}")
    assert _snapshot(project) == before


def test_the_home_folder_is_refused_even_when_empty(project, tmp_path):
    home = tmp_path / "thuis"
    home.mkdir()
    env = {**ENV, "HOME": str(home), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = lespakket(project, "build", "-j", "0", "--uit", str(home), env=env)
    _refused(result, f"--uit: fout: De map '{home}' is je thuismap. {REFUSED_TAIL}")
    assert list(home.iterdir()) == []


def test_a_file_or_a_link_is_refused(project):
    (project / "uit").write_text("van mij")
    result = lespakket(project, "build", "-j", "0", "--uit", "uit")
    assert result.returncode == 2  # click's own check of the option, as for every other usage error
    assert "Fout: Ongeldige waarde voor '--uit': Map 'uit' is een bestand." in result.stderr
    (project / "leeg").mkdir()
    (project / "link").symlink_to("leeg")
    result = lespakket(project, "build", "-j", "0", "--uit", "link")
    _refused(result, "--uit: fout: 'link' is geen gewone map. Kies met --uit een nieuwe of lege map, bijvoorbeeld "
                     "--uit output. [uit-geen-map]")
    assert (project / "uit").read_text() == "van mij" and list((project / "leeg").iterdir()) == []


def test_an_empty_folder_and_a_folder_of_ours_are_built_in(project):
    (project / "leeg").mkdir()
    assert lespakket(project, "build", "-j", "0", "--uit", "leeg").returncode == 0
    assert (project / "leeg" / ".lespakket-bouw.json").is_file()
    (project / "lessons" / "proef" / "varianten" / "les.yaml").write_text(
        (project / "lessons" / "proef" / "varianten" / "les.yaml").read_text().replace("Test", "Proef", 1))
    result = lespakket(project, "build", "-j", "0", "--uit", "leeg")
    assert result.returncode == 0, result.stderr


def test_a_template_that_is_a_fifo_is_refused_without_waiting(project):
    os.mkfifo(project / "sjabloon.pptx")
    result = lespakket(project, "build", "-j", "0", "--uit", "output", "--sjabloon", "sjabloon.pptx")
    _refused(result, "--sjabloon: fout: Het sjabloon 'sjabloon.pptx' is een named pipe (FIFO), geen gewoon bestand; "
                     "lespakket leest alleen gewone bestanden. [bestand-soort]")
    assert not (project / "output").exists()


# A damaged build record or manifest counts as absent; nothing outside output/ is touched

@pytest.mark.parametrize("record", [
    b"[]", b"{}", b'{"versie": 1}', b"\x00\xff garbage", b"[" * 100_000,
    b'{"versie":1,"bouwsleutel":"x","meldingen":[],"documenten":{"a":{"sleutel":"k","meldingen":[{"ernst":"fout"}]}}}',
    b'{"versie":1,"bouwsleutel":"x","meldingen":[3],"documenten":{}}',
])
def test_a_damaged_record_means_building_everything_again(project, record):
    assert lespakket(project, "build", "-j", "0", "--uit", "output").returncode == 0
    clean = _snapshot(project / "output")
    (project / "output" / ".lespakket-bouw.json").write_bytes(record)
    (project / "output" / "notities.txt").write_text("van mij")
    for force in ([], ["--force"]):
        result = lespakket(project, "build", "-j", "0", "--uit", "output", *force)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        after = _snapshot(project / "output")
        assert after.pop("notities.txt") == b"van mij"
        assert after == clean


def test_a_tampered_manifest_cannot_remove_files_outside_output(project):
    assert lespakket(project, "build", "-j", "0", "--uit", "output").returncode == 0
    victim = project / "slachtoffer.txt"
    victim.write_text("blijf")
    manifest = json.loads((project / "output" / "manifest.json").read_text())
    manifest["artefacten"][0]["pad"] = "../slachtoffer.txt"
    (project / "output" / "manifest.json").write_text(json.dumps(manifest))
    (project / "output" / ".lespakket-bouw.json").write_text("[]")
    assert lespakket(project, "build", "-j", "0", "--uit", "output").returncode == 0
    assert victim.read_text() == "blijf"


# Interrupted builds: leftovers are cleared, the swap never leaves no output/, Ctrl+C ends with 130

def _leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".output.") and p.name != ".output.lock")


@pytest.mark.parametrize("delay", [0.5, 1.0, 1.5, 2.5])
def test_a_killed_build_leaves_a_whole_output_and_the_next_build_clears_its_leftovers(project, delay):
    assert lespakket(project, "build", "-j", "0", "--uit", "output").returncode == 0
    clean = _snapshot(project / "output")
    process = subprocess.Popen([sys.executable, "-m", "generators", "build", "--force", "-j", "2", "--uit", "output"],
                               cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert _snapshot(project / "output") == clean
    result = lespakket(project, "build", "-j", "0", "--uit", "output")
    assert result.returncode == 0, result.stderr
    assert _leftovers(project) == []
    assert _snapshot(project / "output") == clean


def test_an_output_parked_by_a_kill_between_two_renames_is_put_back(project):
    """Where the system cannot swap two folders in one step, the old tree is parked beside output/ for a moment."""
    assert lespakket(project, "build", "-j", "0", "--uit", "output").returncode == 0
    clean = _snapshot(project / "output")
    parked = project / ".output.oud-abcd1234"
    parked.mkdir()
    os.replace(project / "output", parked / "output")
    (project / ".output.nieuw-efgh5678").mkdir()
    result = lespakket(project, "build", "-j", "0", "--uit", "output")
    assert result.returncode == 0, result.stderr
    assert "Niets veranderd" not in result.stdout
    assert _leftovers(project) == []
    assert _snapshot(project / "output") == clean


def test_the_swap_exchanges_both_trees_in_one_step(tmp_path):
    from generators.build.output_tree import _exchange

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "oud").write_text("")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "nieuw").write_text("")
    if not _exchange(tmp_path / "b", tmp_path / "a"):
        pytest.skip("this system cannot exchange two paths in one step (renameat2)")
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["nieuw"]
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["oud"]


def test_an_abandoned_libreoffice_folder_is_removed_and_a_running_one_kept(tmp_path, monkeypatch):
    import tempfile

    from generators.publish import previews

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    finished = subprocess.Popen(["true"])
    finished.wait()
    abandoned = tmp_path / f"lespakket-soffice-{finished.pid}-abcd_123"
    running = tmp_path / f"lespakket-soffice-{os.getpid()}-abcd_123"
    someone_elses = tmp_path / "lespakket-soffice-notes"
    for folder in (abandoned, running, someone_elses):
        (folder / "profiel").mkdir(parents=True)
    previews._remove_abandoned_conversions()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([running.name, someone_elses.name])


@pytest.mark.parametrize("delay", [0.08, 0.1, 0.12, 0.15, 0.2, 0.3, 0.8, 2.0])
def test_ctrl_c_at_any_moment_ends_with_130_and_no_traceback(project, delay):
    """Ctrl+C in a terminal sends SIGINT to the whole process group: the command and its workers.

    Why not sooner than 0.08 s: before that, Python itself is starting (the site module), and a
    signal then is Python's to report, before any code of ours runs.
    """
    process = subprocess.Popen([sys.executable, "-m", "generators", "build", "--force", "--uit", "output"],
                               cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=60)
    if process.returncode == 0:
        pytest.skip("the build was done before Ctrl+C came")
    assert process.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert err.rstrip().endswith("Afgebroken.") and err.count("Afgebroken.") == 1, err
    assert _leftovers(project) == []


# The benchmark runs on a fresh install with the extra the README names

def test_every_benchmark_import_is_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = " ".join([*project["dependencies"], *project["optional-dependencies"]["bench"]]).lower()
    import_names = {"yaml": "pyyaml", "pptx": "python-pptx", "PIL": "pillow"}
    for script in sorted((ROOT / "benchmarks").glob("*.py")):
        tree = ast.parse(script.read_text())
        modules = _imports(tree)
        for text in (n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)):
            modules |= _imports_in_code(text)  # Why: code the benchmark runs in other processes
        local = {p.stem for p in (ROOT / "benchmarks").glob("*.py")} | {"generators"}
        third_party = {m.split(".")[0] for m in modules if m.split(".")[0] not in sys.stdlib_module_names | local}
        missing = {m for m in third_party if import_names.get(m, m).lower() not in declared}
        assert not missing, f"{script.name} imports {sorted(missing)}, which no dependency or the bench extra declares"
    assert "pip install -e '.[bench]'" in (ROOT / "README.md").read_text()


# Slide thumbnails read back from the user cache are checked before they are published

@pytest.mark.parametrize("damage", [
    lambda b: b[:-1] + bytes([b[-1] ^ 1]), lambda b: b[:40], lambda b: b"", lambda b: os.urandom(len(b)),
])
def test_a_damaged_cached_thumbnail_is_made_again(tmp_path, monkeypatch, damage):
    from tests.build.test_cache_bounds import _pdf

    from generators.publish import previews

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(previews, "slides_available", lambda: True)
    converted: list[str] = []
    monkeypatch.setattr(previews, "_convert", lambda decks: converted.extend(decks) or {k: _pdf() for k in decks})
    (first,) = previews.decks_first_slides_png({"a": b"deck a"})["a"]
    (cached,) = (tmp_path / "lespakket" / "dia-voorbeelden").iterdir()
    cached.write_bytes(damage(cached.read_bytes()))
    converted.clear()
    assert previews.decks_first_slides_png({"a": b"deck a"})["a"] == [first]
    assert converted == ["a"]


def test_without_a_home_folder_thumbnails_are_made_without_a_cache(tmp_path, monkeypatch):
    from tests.build.test_cache_bounds import _pdf

    from generators.publish import previews

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr("pathlib.Path.home", lambda: (_ for _ in ()).throw(RuntimeError("no home")))
    monkeypatch.setattr(previews, "slides_available", lambda: True)
    monkeypatch.setattr(previews, "_convert", lambda decks: {k: _pdf() for k in decks})
    assert previews.decks_first_slides_png({"a": b"deck a"})["a"]


def _imports(tree: ast.AST) -> set[str]:
    found = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return found | {node.module.split(".")[0] for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module and not node.level}


def _imports_in_code(text: str) -> set[str]:
    try:
        return _imports(ast.parse(text))
    except SyntaxError:
        return set()
