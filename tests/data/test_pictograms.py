"""The pictogram set: every file matches its checksum and is a square PNG; a damaged set is a located error."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from PIL import Image

from generators.data.pictograms import PICTOGRAM_DIR, load_pictograms
from generators.diagnostics import Diagnostics

DOCS = Path(__file__).parents[2] / "docs" / "auteurs.md"


def _load(folder: Path):
    diagnostics = Diagnostics()
    return load_pictograms(folder, diagnostics), [d.format() for d in diagnostics.items]


def test_the_set_loads_with_square_pngs_alt_texts_and_a_licence():
    loaded, messages = _load(PICTOGRAM_DIR)
    assert messages == []
    entries = loaded.model.pictogrammen
    assert 15 <= len(entries) <= 30
    assert "MIT License" in (PICTOGRAM_DIR / "LICENSE").read_text(encoding="utf-8")
    for entry in entries:
        with Image.open(PICTOGRAM_DIR / entry.bestand) as image:
            image.verify()
            assert image.format == "PNG" and image.size[0] == image.size[1] >= 256
        assert entry.alt.startswith("Pictogram: ") and entry.alt.endswith(".")
    listed = sorted(p.name for p in PICTOGRAM_DIR.glob("*.png"))
    assert listed == sorted(e.bestand for e in entries), "a PNG in assets/pictogrammen that the list does not name"


def test_the_author_guide_names_every_pictogram():
    loaded, _ = _load(PICTOGRAM_DIR)
    section = DOCS.read_text(encoding="utf-8").split("## Pictogrammen", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`([a-z-]+)`", section.split("Je kiest uit:", 1)[1].split("Een naam die niet", 1)[0]))
    assert named == {e.naam for e in loaded.model.pictogrammen}


def test_a_changed_or_missing_file_is_a_located_error(tmp_path, monkeypatch):
    folder = tmp_path / "pictogrammen"
    shutil.copytree(PICTOGRAM_DIR, folder)
    (folder / "hart.png").write_bytes((folder / "geld.png").read_bytes())
    (folder / "slot.png").unlink()
    monkeypatch.chdir(tmp_path)
    loaded, messages = _load(folder)
    assert loaded is None
    lines = (folder / "pictogrammen.yaml").read_text(encoding="utf-8").splitlines()
    heart = next(i for i, text in enumerate(lines, 1) if "bestand: hart.png" in text)
    lock = next(i for i, text in enumerate(lines, 1) if "bestand: slot.png" in text)
    assert messages == [
        f"pictogrammen/pictogrammen.yaml:{heart}:14: fout: Het pictogram 'hart': het bestand 'hart.png' is niet het "
        "bestand dat in de lijst staat (het controlegetal klopt niet). Zet het oorspronkelijke bestand terug, of maak "
        "de pictogrammen opnieuw met tools/render_pictograms.py. [pictogram-bestand]",
        f"pictogrammen/pictogrammen.yaml:{lock}:14: fout: Het pictogram 'slot': het bestand 'slot.png' bestaat niet. "
        "[pictogram-bestand]",
    ]


def test_a_pictogram_named_geen_or_listed_twice_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "pictogrammen"
    shutil.copytree(PICTOGRAM_DIR, folder)
    data = folder / "pictogrammen.yaml"
    text = data.read_text(encoding="utf-8").replace("- naam: hart", "- naam: geen").replace("- naam: slot", "- naam: geld")
    data.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    loaded, messages = _load(folder)
    assert loaded is None
    assert [m.rsplit("[", 1)[1] for m in messages] == ["pictogram-bestand]", "id-dubbel]"]
    assert "'geen' kan geen naam van een pictogram zijn" in messages[0]
