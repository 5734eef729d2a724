"""A stored lesson validator validates exactly as a freshly built one: the same models, the same located Dutch errors."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent
LESSONS = [
    *sorted((ROOT / "lessons").glob("*/*/les.yaml"))[:2],
    *(FIXTURES / "invalid" / case / "lessons" / "proef" / "proefles" / "les.yaml"
      for case in ("sleutel-ontbreekt", "sleutel-onbekend", "type-minuten", "type-lijst", "soort-onbekend")),
]
# Why a process each: a model gets its validator once per process, as in a real build.
VALIDATE = """
import pickle, sys
from pathlib import Path
from generators.diagnostics import Diagnostics
from generators.model_loading import load_model
from generators.source_model import Les

if sys.argv[1] == "alleen-cache":
    Les.model_rebuild = None
results = []
for path in sys.argv[2:]:
    diagnostics = Diagnostics()
    loaded = load_model(Path(path), Les, diagnostics, kind="lesbestand")
    results.append((None if loaded is None else repr(loaded.model), [d.format() for d in diagnostics.items]))
sys.stdout.buffer.write(pickle.dumps(results))
"""


def validate_in_a_new_process(cache: Path, *options: str) -> list:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", VALIDATE, *(options or ("bouwen",)), *map(str, LESSONS)],
                          env=env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    return pickle.loads(done.stdout)


def stored(cache: Path) -> list[Path]:
    folder = cache / "lespakket" / "validatie"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_a_stored_validator_gives_the_same_models_and_errors(tmp_path):
    built = validate_in_a_new_process(tmp_path / "cache")
    assert [r[0] is not None for r in built] == [True, True, False, False, False, False, False]
    assert all("[" in r[1][0] for r in built[2:])
    assert len(stored(tmp_path / "cache")) == 1

    assert validate_in_a_new_process(tmp_path / "cache", "alleen-cache") == built


@pytest.mark.parametrize("damage", [b"", b"niet af", pickle.dumps(["geen validator"])], ids=["empty", "garbage", "other"])
def test_a_damaged_store_is_built_again(tmp_path, damage):
    built = validate_in_a_new_process(tmp_path / "cache")
    [path] = stored(tmp_path / "cache")
    path.write_bytes(damage)
    assert validate_in_a_new_process(tmp_path / "cache") == built
    assert path.read_bytes() != damage


def test_a_validator_of_another_model_is_not_used(tmp_path):
    from generators.data_model import School

    built = validate_in_a_new_process(tmp_path / "cache")
    [path] = stored(tmp_path / "cache")
    School.model_rebuild()
    path.write_bytes(pickle.dumps(School.__pydantic_validator__))
    assert validate_in_a_new_process(tmp_path / "cache") == built


def test_with_a_cache_that_cannot_be_used_lessons_are_still_validated(tmp_path):
    cache = tmp_path / "cache"
    cache.write_text("geen map")
    assert validate_in_a_new_process(cache) == validate_in_a_new_process(tmp_path / "echte-cache")


def test_a_validator_that_cannot_be_stored_still_validates(tmp_path, monkeypatch):
    from generators import validator_cache
    from generators.diagnostics import Diagnostics
    from generators.model_loading import load_model
    from generators.source_model import Les

    def refuse(*args, **kwargs):
        raise TypeError("cannot pickle 'PluggableSchemaValidator' object")

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(validator_cache.pickle, "dumps", refuse)
    monkeypatch.setattr(validator_cache, "_READY", set())
    monkeypatch.setattr(Les, "__pydantic_complete__", False)
    assert load_model(LESSONS[0], Les, Diagnostics(), kind="lesbestand") is not None
    assert stored(tmp_path / "cache") == []
