"""Messages an author can read: over a corpus of broken lessons, no message shows Python or pydantic to them.

The corpus: every fixture in tests/fixtures/invalid, and a small lesson broken line by line in the ways a
beginner breaks YAML (a value left empty, a list or a block where a text belongs, yes/no, a number, a key one
step too far in or out).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators.cli.commands import cli
from generators.data.shared import load_shared_data
from generators.diagnostics import Diagnostics
from generators.lesson.checks import check_lesson
from generators.lesson.model_loading import load_model
from generators.lesson.source_model import Les
from generators.paths import DATA_DIR

TESTS = Path(__file__).parents[1]
INVALID = TESTS / "fixtures" / "invalid"
LESSON = TESTS / "fixtures" / "varianten" / "lessons" / "proef" / "varianten" / "les.yaml"

PYTHON = re.compile(
    r"\b(None|True|False|NoneType|str|int|float|bool|dict|list|tuple|bytes)\b"
    r"|Input should|Field required|Extra inputs|validation error|is not of type|value is not|type=|pydantic"
    r"|errors\.pydantic|Traceback|Error\b|object at 0x"
)
_KEY_VALUE = re.compile(r"^(\s*)(- )?([a-z_-]+|\d+-\d+): (.+)$")
MUTATIONS = {
    "leeg": lambda indent, key: f"{indent}{key}:",
    "lijst": lambda indent, key: f"{indent}{key}: [een, twee]",
    "blok": lambda indent, key: f"{indent}{key}: {{a: 1}}",
    "ja": lambda indent, key: f"{indent}{key}: yes",
    "getal": lambda indent, key: f"{indent}{key}: 3.5",
    "verder-in": lambda indent, key: f"{indent}  {key}: x",
    "minder-in": lambda indent, key: f"{indent[2:]}{key}: x",
}


def python_in(messages: list[str]) -> list[str]:
    return [m for m in messages if PYTHON.search(m)]


def test_the_rule_sees_python_and_pydantic():
    assert python_in(["maar er staat 'None'", "Input should be a valid string", "Dit is goed [type]",
                      "Verwacht een int", "Geef een tekst, niet 'True'."]) == \
        ["maar er staat 'None'", "Input should be a valid string", "Verwacht een int", "Geef een tekst, niet 'True'."]


@pytest.mark.parametrize("case", sorted(p.name for p in INVALID.iterdir() if p.is_dir()))
def test_no_fixture_message_shows_python(case, tmp_path, monkeypatch):
    monkeypatch.chdir(INVALID / case)
    result = CliRunner().invoke(cli, ["check", "lessons"])
    assert result.exit_code == 1
    assert python_in(result.stderr.splitlines()) == []


def _broken_lessons() -> list[tuple[str, str]]:
    """(name, text) for each line with a `key: value` of the lesson, broken in each way of MUTATIONS."""
    lines = LESSON.read_text(encoding="utf-8").splitlines()
    found = []
    for number, line in enumerate(lines):
        match = _KEY_VALUE.match(line)
        if not match:
            continue
        indent, dash, key = match.group(1), match.group(2) or "", match.group(3)
        for name, mutate in MUTATIONS.items():
            if name == "minder-in" and (dash or len(indent) < 2):
                continue
            changed = mutate(indent + dash, key) if not name.endswith("-in") else mutate(indent, dash + key)
            found.append((f"regel-{number + 1}-{key}-{name}", "\n".join([*lines[:number], changed, *lines[number + 1:]])))
    return found


BROKEN = _broken_lessons()


def test_the_corpus_is_large():
    assert len(BROKEN) > 200


def test_no_message_about_a_broken_line_shows_python(tmp_path):
    data = load_shared_data(DATA_DIR, Diagnostics())
    folder = tmp_path / "lessons" / "proef" / "varianten"
    folder.mkdir(parents=True)
    path = folder / "les.yaml"
    bad: dict[str, list[str]] = {}
    errors = 0
    for name, text in BROKEN:
        path.write_text(text + "\n", encoding="utf-8")
        diagnostics = Diagnostics()
        loaded = load_model(path, Les, diagnostics, kind="lesbestand")
        if loaded is not None:
            check_lesson(loaded, data, diagnostics, {})
        messages = [d.format() for d in diagnostics.items]
        errors += bool(messages)
        if python_in(messages):
            bad[name] = python_in(messages)
    assert bad == {}
    assert errors > len(BROKEN) // 2, "most of the broken lessons must be reported at all"
