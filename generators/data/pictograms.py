"""The pictogram set (assets/pictogrammen): each name with its PNG file, checked against its sha256, and alt text."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import Field

from generators.diagnostics import Diagnostics
from generators.lesson.document import NO_PICTOGRAM  # noqa: F401  (the shared data names it too)
from generators.lesson.model_loading import Loaded, load_model
from generators.lesson.source_model import Slug, Strict, Text
from generators.paths import ASSETS_DIR
from generators.regular_files import NotRegularFile, open_regular

PICTOGRAM_DIR = ASSETS_DIR / "pictogrammen"
DATA_FILE = "pictogrammen.yaml"


class Pictogram(Strict):
    naam: Slug
    bestand: str = Field(pattern=r"^[a-z0-9-]+\.png$", description="Het PNG-bestand in assets/pictogrammen.")
    alt: Text = Field(min_length=1, description="Wat een schermlezer voorleest.")
    tabler: str = Field(min_length=1, description="De naam van het pictogram in Tabler Icons.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="Het controlegetal van het bestand.")


class PictogramSource(Strict):
    naam: Text
    versie: Text
    licentie: Text


class Pictogrammen(Strict):
    bron: PictogramSource
    pictogrammen: list[Pictogram] = Field(min_length=1)


def load_pictograms(folder: Path, diagnostics: Diagnostics) -> Loaded[Pictogrammen] | None:
    """The set, or None after an error: a name twice, the word 'geen' as a name, or a file that is not the one listed.

    Why the checksum: a pictogram goes into every deck as it is; a damaged or swapped file must stop the build,
    like a damaged data file does.
    """
    start = len(diagnostics.items)
    loaded = load_model(folder / DATA_FILE, Pictogrammen, diagnostics, kind="gegevensbestand")
    if loaded is None:
        return None
    seen: set[str] = set()
    for i, entry in enumerate(loaded.model.pictogrammen):
        where = loaded.source.location(("pictogrammen", i, "naam"))
        if entry.naam in seen:
            diagnostics.error("id-dubbel", f"Het pictogram '{entry.naam}' komt twee keer voor.", where)
        if entry.naam == NO_PICTOGRAM:
            diagnostics.error("pictogram-bestand", f"'{NO_PICTOGRAM}' kan geen naam van een pictogram zijn: een les "
                              "schrijft 'pictogram: geen' voor een dia zonder pictogram.", where)
        seen.add(entry.naam)
        problem = _file_problem(folder / entry.bestand, entry.sha256)
        if problem:
            diagnostics.error("pictogram-bestand", f"Het pictogram '{entry.naam}': het bestand '{entry.bestand}' "
                              f"{problem}", loaded.source.location(("pictogrammen", i, "bestand")))
    return None if any(d.is_error for d in diagnostics.items[start:]) else loaded


def _file_problem(path: Path, expected: str) -> str | None:
    try:
        with open_regular(path) as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
    except NotRegularFile as exc:
        return f"{exc.reason}."
    except OSError:
        return "kan niet worden gelezen."
    if digest != expected:
        return ("is niet het bestand dat in de lijst staat (het controlegetal klopt niet). Zet het oorspronkelijke "
                "bestand terug, of maak de pictogrammen opnieuw met tools/render_pictograms.py.")
    return None
