"""Compiled code for dataclasses, annotations and named tuples, and compiled regular expressions, cached between
runs: classes and patterns come out the same, a second process compiles none of it again, and a build makes the
same files with the cache as without."""

from __future__ import annotations

import builtins
import collections
import dataclasses
import marshal
import os
import pickle
import re
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from generators import compile_cache

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
# Why a counter around `_add`: the cache calls it for everything it had to compile.
PROBE = (
    "import importlib, sys\n"
    "from generators import compile_cache\n"
    "compiled = []\n"
    "add = compile_cache._add\n"
    "def counting(key, *rest):\n"
    "    compiled.append(key)\n"
    "    return add(key, *rest)\n"
    "compile_cache._add = counting\n"
    "compile_cache.install()\n"
    "for name in sys.argv[1:]:\n"
    "    importlib.import_module(name)\n"
    "compile_cache.save()\n"
    "print(len(compiled), len(compile_cache._used))\n"
)
HOOKS = ((dataclasses, "exec"), (typing, "compile"), (collections, "eval"))


def probe(cache: Path, *modules: str, hash_seed: str = "0") -> tuple[int, int]:
    """(sources compiled, sources asked for) while a fresh process loads `modules`, by default the document
    classes and the lesson models. Why a fixed hash seed: a pattern made from a set differs between seeds."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONHASHSEED": hash_seed}
    modules = modules or ("generators.lesson_document", "generators.source_model")
    run = subprocess.run([sys.executable, "-c", PROBE, *modules], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    compiled, asked = map(int, run.stdout.split())
    return compiled, asked


def cache_files(cache: Path) -> list[Path]:
    return sorted((cache / "lespakket" / "gecompileerd").glob("*.pickle"))


def test_a_second_process_compiles_nothing_that_the_first_compiled(tmp_path):
    compiled, asked = probe(tmp_path)
    assert compiled >= 500 and asked >= 500, "the first process should compile the methods of about 60 classes"
    compiled_again, asked_again = probe(tmp_path)
    assert (compiled_again, asked_again) == (0, asked)


def test_a_run_that_only_adds_a_cheap_one_off_pattern_leaves_the_file_as_it_was(tmp_path):
    """reportlab builds a pattern from a set of names, in an order that changes with the string hashes
    (random in every run, unless PYTHONHASHSEED fixes them: here two seeds that give two orders)."""
    modules = ("generators.lesson_document", "reportlab.lib.rl_safe_eval")
    probe(tmp_path, *modules, hash_seed="1")
    [stored] = cache_files(tmp_path)
    written = stored.read_bytes()
    compiled, asked = probe(tmp_path, *modules, hash_seed="2")
    assert compiled >= 1 and asked > 200
    assert stored.read_bytes() == written


def test_a_damaged_cache_file_is_compiled_past_and_written_anew(tmp_path):
    probe(tmp_path)
    [stored] = cache_files(tmp_path)
    stored.write_bytes(b"\x00 kapot")
    compiled, asked = probe(tmp_path)
    assert compiled == asked > 0
    assert probe(tmp_path)[0] == 0
    entries = pickle.loads(stored.read_bytes())
    entries[next(iter(entries))] = b"geen code"
    stored.write_bytes(pickle.dumps(entries))
    assert probe(tmp_path)[0] == 1


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """The cache installed in this process, on an empty cache folder, and taken out again afterwards."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(compile_cache, "_codes", {})
    monkeypatch.setattr(compile_cache, "_used", set())
    monkeypatch.setattr(compile_cache, "_unsaved_seconds", 0.0)
    monkeypatch.setattr(compile_cache, "_WORTH_SAVING", 0.0)
    for module, name in HOOKS:
        monkeypatch.setattr(module, name, getattr(builtins, name), raising=False)
    compile_cache.install()
    return tmp_path


def sample_classes() -> tuple[type, type, typing.ForwardRef]:
    @dataclasses.dataclass(frozen=True)
    class Sample:
        name: str
        count: int = 0
        tags: tuple[str, ...] = ()

    class Pair(typing.NamedTuple):
        left: int
        right: str = "r"

    return Sample, Pair, typing.ForwardRef("dict[str, list[Sample]]")


def test_classes_made_from_cached_code_are_the_classes_python_makes(cache, monkeypatch):
    with_cache = sample_classes()
    compile_cache.save()
    served = {source for _, source in compile_cache._used}
    assert any("def __init__(self,name:_type_name" in source for source in served), "dataclass methods"
    assert any(source.startswith("lambda _cls, left, right") for source in served), "the named tuple's __new__"
    assert "dict[str, list[Sample]]" in served, "the annotation"
    cached_again = sample_classes()
    for module, name in HOOKS:
        monkeypatch.delattr(module, name)
    plain = sample_classes()
    for made in (with_cache, cached_again):
        for ours, python in zip(made[0].__dict__.values(), plain[0].__dict__.values()):
            if callable(ours) and hasattr(ours, "__code__"):
                assert ours.__code__ == python.__code__, ours
                assert ours.__annotations__ == python.__annotations__
        assert made[1].__new__.__code__ == plain[1].__new__.__code__
        assert made[2].__forward_code__ == plain[2].__forward_code__
    sample = with_cache[0]("a", 2)
    assert (sample, hash(sample)) == (with_cache[0]("a", 2), hash(with_cache[0]("a", 2)))
    assert repr(sample).endswith("Sample(name='a', count=2, tags=())")
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample.name = "b"
    assert with_cache[1](1) == (1, "r")


PATTERNS = [
    (r"(?P<jaar>\d{4})-(?P<maand>\d\d)(?:-(?P<dag>\d\d))?", 0), (r"(?i)straße|KELVIN\u212a", 0),
    (r"^\s*#.*$", re.MULTILINE), (r"(?<=\bles )\w+ (?!x)", re.IGNORECASE | re.ASCII),
    (rb"[\x00-\x1f]+(?P<rest>.*)", re.DOTALL), (r" a  b # commentaar", re.VERBOSE), (r"(a)?(?(1)b|c)", 0),
    (r"[\u00a1-\uffff]{2,}", re.IGNORECASE), ("", 0),
]


def test_compiled_patterns_are_the_patterns_re_makes(cache):
    """Pattern objects compare equal when their pattern, flags and compiled code are the same."""
    from re import _compiler

    used = probe(cache, "generators.build", "jinja2", "markdown_it", "reportlab.platypus", "pptx")
    assert used[0] > 100
    [stored] = cache_files(cache)
    patterns = PATTERNS + [(key[1], key[2]) for key in pickle.loads(stored.read_bytes()) if key[0] == "re"]
    assert len(patterns) > 150
    compile_cache._codes.update(compile_cache._stored(compile_cache._path()))
    for pattern, flags in patterns:
        expected = compile_cache._compile_pattern_uncached(pattern, flags)
        for made in (_compiler.compile(pattern, flags), compile_cache.compiled_pattern(pattern, flags)):
            assert made == expected and (made.groups, made.groupindex) == (expected.groups, expected.groupindex), pattern
    assert re.compile(r"(?P<x>b+)", re.I).search("aBb")["x"] == "Bb"


def test_code_of_another_origin_is_compiled_as_asked(cache):
    code = typing.compile("x = 1", "elders.py", "exec")
    assert code.co_filename == "elders.py" and not compile_cache._used
    assert typing.compile("a / b", "<string>", "eval", 0).co_filename == "<string>"


def test_the_cache_keeps_to_what_this_run_used_once_it_grows_past_its_limit(cache, monkeypatch):
    sample_classes()
    compile_cache.save()
    [stored] = cache_files(cache)
    entries = pickle.loads(stored.read_bytes())
    monkeypatch.setattr(compile_cache, "_LIMIT", len(entries))
    stale = {("exec", f"x = {n}"): marshal.dumps(compile("0", "<string>", "eval")) for n in range(3)}
    stored.write_bytes(pickle.dumps({**entries, **stale}))
    compile_cache._used.clear()
    compile_cache._codes.update(stale)
    sample_classes()
    typing.ForwardRef("nieuw[int]")
    compile_cache.save()
    kept = pickle.loads(stored.read_bytes())
    assert set(kept) == compile_cache._used and not set(stale) & set(kept)


def test_a_build_makes_the_same_files_with_a_filled_cache_as_with_none(tmp_path):
    """The command as installed, three times: without a cache, filling it, and from it."""
    command = "import sys; from generators.entry import main; sys.argv = ['lespakket', *sys.argv[1:]]; main()"
    outputs = []
    for run_number in range(3):
        work = tmp_path / f"run{run_number}"
        shutil.copytree(FIXTURES / "varianten" / "lessons", work / "lessons")
        env = {**os.environ, "LESPAKKET_DIAVOORBEELDEN": "0", "XDG_CACHE_HOME": str(tmp_path / "cache")}
        if run_number == 0:
            env["XDG_CACHE_HOME"] = str(tmp_path / "no-cache")
        run = subprocess.run([sys.executable, "-c", command, "build", "-j", "1"], cwd=work, env=env,
                             capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr
        outputs.append({p.relative_to(work / "output"): p.read_bytes()
                        for p in sorted((work / "output").rglob("*")) if p.is_file() and p.name != ".lespakket-bouw.json"})
    assert cache_files(tmp_path / "cache"), "the build should have filled the cache"
    compiled, asked = probe(tmp_path / "cache", "generators.deck_model")
    assert compiled == 0 < asked, "the warm process, which alone loads the slide classes, should have added them"
    assert outputs[0] == outputs[1] == outputs[2]
