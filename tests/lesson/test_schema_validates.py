"""The editor's schema (`lespakket schema`) agrees with `lespakket check`, checked with the `jsonschema` package.

Every lesson that `check` accepts (the bundled ones, the test fixtures, a fresh `lespakket new`) has zero schema
errors, so an editor underlines nothing in it; every lesson that `check` rejects for its structure is rejected by
the schema as well.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from generators.cli.commands import cli
from generators.data.shared import load_shared_data
from generators.diagnostics import Diagnostics
from generators.lesson.scaffold import new_lesson
from generators.lesson.schema_export import lesson_json_schema
from generators.paths import DATA_DIR


TESTS = Path(__file__).parents[1]
LESSONS_DIR = TESTS.parent / "lessons"
INVALID = TESTS / "fixtures" / "invalid"
VALID_FIXTURES = sorted(p for p in (TESTS / "fixtures").glob("*/lessons/**/les.yaml") if INVALID not in p.parents)
BUNDLED = sorted(LESSONS_DIR.glob("*/*/les.yaml"))
# Why these codes: they are about the structure of the file (keys, kinds of values, ids from the shared data);
# sums of minutes, missing variants or images are beyond what a schema can see.
STRUCTURAL = {"sleutel-onbekend", "sleutel-ontbreekt", "soort-onbekend", "waarde-onbekend", "type",
              "doelgroep-onbekend", "hulplijn-onbekend", "kerndoel-onbekend", "feit-onbekend", "id-ongeldig",
              "inspringen", "waarde-leeg", "stappen-of-bron", "feit-en-tekst", "berichten-of-delen", "bericht-inhoud",
              "casus-of-chat"}


@pytest.fixture(scope="module")
def validator():
    schema = lesson_json_schema(load_shared_data(DATA_DIR, Diagnostics()))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def _load(path: Path):
    return json.loads(json.dumps(YAML(typ="safe").load(path.read_text(encoding="utf-8"))))


def _errors(validator, path: Path) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"[:300] for e in validator.iter_errors(_load(path))]


@pytest.mark.parametrize("path", BUNDLED + VALID_FIXTURES, ids=lambda p: str(p.relative_to(p.parents[3])))
def test_every_accepted_lesson_has_no_schema_error(validator, path):
    assert _errors(validator, path) == []


def test_a_new_lesson_has_no_schema_error(validator, tmp_path):
    for series, lesson in (("voorbeeld-reeks", "hulp-vragen"), ("mbo", "een-les")):
        assert _errors(validator, new_lesson(tmp_path / "lessons", series, lesson)) == []


def _codes(case: Path) -> set[str]:
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    return {line.rsplit("[", 1)[1].rstrip("]") for line in lines if line.endswith("]")}


STRUCTURALLY_BROKEN = sorted(case.name for case in INVALID.iterdir()
                             if case.is_dir() and _codes(case) and _codes(case) <= STRUCTURAL)


def test_the_broken_set_covers_the_structural_codes():
    found = set().union(*(_codes(INVALID / case) for case in STRUCTURALLY_BROKEN))
    assert found >= STRUCTURAL - {"stappen-of-bron", "feit-en-tekst", "waarde-leeg"}  # waarde-leeg: see below


@pytest.mark.parametrize("case", STRUCTURALLY_BROKEN)
def test_a_structurally_broken_lesson_is_rejected_by_check_and_by_the_schema(validator, case, tmp_path, monkeypatch):
    shutil.copytree(INVALID / case, tmp_path / case)
    monkeypatch.chdir(tmp_path / case)
    assert CliRunner().invoke(cli, ["check", "lessons"]).exit_code == 1
    (lesson,) = (tmp_path / case).glob("lessons/**/les.yaml")
    assert _errors(validator, lesson), f"the schema accepts {case}, which check rejects"


@pytest.mark.parametrize("broken,where", [
    ({"doelgroepen": {"10-12": {"duur": 45}, "16-18": {"duur": 45}}}, "doelgroepen"),
    ({"hulplijnen": ["kindertelefoon"]}, "hulplijnen"),  # Why not /0: the list may also be absent (anyOf)
    ({"doelgroepen": {"10-12": {"duur": None}}}, "doelgroepen/10-12/duur"),
    ({"kerndoelen": ["kerndoel-99"]}, "kerndoelen/0"),
    ({"samenvatting": {"10-12": "Tekst", "volwassenen": "Tekst"}}, "samenvatting"),
    ({"extra": "sleutel"}, ""),
])
def test_ids_and_keys_outside_the_known_sets_are_rejected(validator, broken, where):
    lesson = _load(BUNDLED[0])
    lesson.update(broken)
    paths = ["/".join(map(str, e.absolute_path)) for e in validator.iter_errors(lesson)]
    assert where in paths, paths


def test_the_schema_names_the_valid_ids_and_speaks_dutch(validator):
    schema = validator.schema
    definitions = schema["definitions"]
    data = load_shared_data(DATA_DIR, Diagnostics())
    assert definitions["Hulplijn"]["enum"] == list(data.helplines)
    assert definitions["Feit"]["enum"] == list(data.facts)
    assert definitions["Doelgroep"]["enum"] == data.audience_ids
    kinds = {block["properties"]["soort"].get("const") or block["properties"]["soort"].get("enum", [None])[0]
             for block in definitions.values() if "soort" in block.get("properties", {})}
    assert {"inhoud", "quiz", "casus", "open", "meerkeuze", "volgorde"} <= kinds
    assert schema["title"] and schema["description"] and "les" in schema["title"].lower()
    for name in ("InhoudDia", "QuizDia", "CasusOpdracht", "Activiteit"):
        assert definitions[name].get("description"), name


def test_the_schema_in_the_lessons_folder_is_current():
    """The editor set-up points at lessons/les.schema.json; a fresh clone has it, and it matches the shared data."""
    committed = json.loads((LESSONS_DIR / "les.schema.json").read_text(encoding="utf-8"))
    assert committed == lesson_json_schema(load_shared_data(DATA_DIR, Diagnostics())), (
        "run: lespakket schema --uit lessons/les.schema.json")
