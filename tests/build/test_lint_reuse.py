"""Style warnings of an unchanged lesson come from the build record; a changed lesson is linted again."""

from __future__ import annotations

import shutil
from pathlib import Path

from generators.build import lint_record
from generators.build.pipeline import build
from generators.build.inputs import BuildRequest

FIXTURE = Path(__file__).parents[1] / "fixtures" / "varianten" / "lessons"
BLAMING = "samenvatting: Eigen schuld, zeggen mensen soms. Deze les laat zien waarom dat niet klopt."


def _lessons(root: Path) -> tuple[Path, Path]:
    shutil.copytree(FIXTURE, root / "lessons")
    first = root / "lessons" / "proef" / "varianten" / "les.yaml"
    second = root / "lessons" / "proef" / "tweede" / "les.yaml"
    shutil.copytree(first.parent, second.parent)
    text = first.read_text(encoding="utf-8").replace("id: varianten", "id: tweede")
    second.write_text(text.replace("samenvatting: Test voor de resolutie per doelgroep.", BLAMING), encoding="utf-8")
    return first, second


def test_unchanged_lessons_keep_their_warnings_without_being_linted_again(tmp_path, monkeypatch):
    first, second = _lessons(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LESPAKKET_DIAVOORBEELDEN", "0")
    linted: list[str] = []
    original = lint_record.lint_lesson

    def counting(loaded, data, rules):
        linted.append(loaded.model.id)
        return original(loaded, data, rules)

    monkeypatch.setattr(lint_record, "lint_lesson", counting)
    request = BuildRequest(lesson_paths=[Path("lessons")], output=Path("output"), jobs=0)

    def blame_warnings() -> list[str]:
        linted.clear()
        return sorted(d.format() for d in build(request).diagnostics.items if d.code == "taal-schuld")

    warnings = blame_warnings()
    assert sorted(linted) == ["tweede", "varianten"]
    assert len(warnings) == 1 and warnings[0].startswith("lessons/proef/tweede/les.yaml:")

    first.write_text(first.read_text(encoding="utf-8") + "# alleen een opmerking\n", encoding="utf-8")
    assert blame_warnings() == warnings
    assert linted == ["varianten"]

    second.write_text(second.read_text(encoding="utf-8").replace(BLAMING, "samenvatting: Een gewone zin."),
                      encoding="utf-8")
    assert blame_warnings() == []
    assert linted == ["tweede"]
