"""docs/auteurs.md stays complete: every diagnostic code, slide kind, exercise kind and lesson field is
explained, and its full example is exactly the lesson that `lespakket new` writes."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from generators.lesson import source_model
from generators.data.models import Contactpersoon, School
from generators.lesson.scaffold import render_template
from tests.diagnostic_codes import diagnostic_codes

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "auteurs.md"


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_the_code_scan_finds_the_known_codes():
    codes = diagnostic_codes()
    assert {"yaml-tab", "minuten-som", "type", "afbeelding-te-groot", "dia-past-niet", "taal-schuld"} <= set(codes)
    assert "waar" not in codes and "mentor" not in codes  # values, not diagnostics


def test_every_diagnostic_code_is_documented(guide):
    missing = sorted(code for code in diagnostic_codes() if f"- `{code}` (" not in guide)
    assert missing == [], f"add these codes to docs/auteurs.md under 'Alle meldingen': {missing}"


def _kinds(union) -> list[type[BaseModel]]:
    return list(typing.get_args(typing.get_args(union)[0]))


@pytest.mark.parametrize("model", _kinds(source_model.Dia) + _kinds(source_model.Opdracht), ids=lambda m: m.__name__)
def test_every_slide_and_exercise_kind_and_its_fields_are_documented(guide, model):
    kind = typing.get_args(model.model_fields["soort"].annotation)[0]
    rows = [line for line in guide.splitlines() if line.startswith(f"| `{kind}` |")]
    assert rows, f"no table row for soort '{kind}'"
    common = {"soort", "alleen", "titel", "instructie"}
    for field in set(model.model_fields) - common:
        assert any(f"`{field}`" in row for row in rows), f"'{field}' of '{kind}' is not in its table row"


@pytest.mark.parametrize("model", [
    source_model.Les, source_model.Fase, source_model.Activiteit, source_model.Afbeelding, source_model.Bron,
    source_model.Leerdoelen, source_model.WaarStelling, source_model.EensStelling, source_model.Paar,
    source_model.CasusVraag, source_model.Kolom, source_model.Deelnemer, source_model.Bericht,
    source_model.ChatDeel, source_model.Rol, School, Contactpersoon,
], ids=lambda m: m.__name__)
def test_every_field_is_documented(guide, model):
    for field in model.model_fields:
        assert f"`{field}`" in guide or f"\n{field}:" in guide or f" {field}:" in guide, field


def test_the_full_example_is_what_new_writes(guide):
    example = render_template("voorbeeld-reeks", "hulp-vragen")
    assert f"```yaml\n{example}```\n" in guide


def test_editor_setup_is_described_and_is_what_the_project_ships(guide):
    assert "lespakket schema --uit lessons/les.schema.json" in guide and "redhat.vscode-yaml" in guide
    settings = (GUIDE.parents[1] / ".vscode" / "settings.json").read_text(encoding="utf-8")
    indented = "\n".join(f"   {line}" for line in settings.splitlines())
    assert f"   ```json\n{indented}\n   ```" in guide, "the guide shows .vscode/settings.json as it is"
    schema = json.loads(settings)["yaml.schemas"]
    assert schema == {"./lessons/les.schema.json": "lessons/**/les.yaml"}
    assert (GUIDE.parents[1] / "lessons" / "les.schema.json").is_file()
