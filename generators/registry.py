"""The explicit table of artifact generators: which file each one writes and where its code lives."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # Why: the build starts its workers before the heavier modules are imported
    from generators.lesson.document import LessonDocument


@dataclass(frozen=True)
class RenderOptions:
    """What renderers may know beyond the document: where assets live and an optional school template."""

    assets_dir: Path
    template: Path | None = None


Render = Callable[["LessonDocument", RenderOptions], bytes]


@dataclass(frozen=True)
class Generator:
    kind: str
    filename: str
    target: str  # "module:function"; imported only when a build renders
    description: str = ""  # Dutch, for LEESMIJ.txt and the catalog
    diagnose: str | None = None  # "module:function" giving located warnings (e.g. text that does not fit)
    pupils_only: bool = False  # only for audiences that are a class of pupils (e.g. the letter to their parents)
    needs: str | None = None  # a LessonDocument property that must not be empty (e.g. role_plays for role cards)
    cost: float = 1.0  # relative render time; the costliest files are started first so workers finish together
    warm_up: str | None = None  # "module:function(options)" run once when a worker process starts

    def applies_to(self, document: LessonDocument) -> bool:
        """Why: renderers never branch on an audience id; whether a file exists at all is decided here, from data."""
        return (document.audience.pupils or not self.pupils_only) and (not self.needs or bool(getattr(document, self.needs)))

    def load(self) -> Render:
        """Why: lazy import keeps `check`, `list` and no-op builds free of python-pptx and reportlab."""
        return _function(self.target)

    def load_diagnose(self) -> Callable[[LessonDocument, RenderOptions], list] | None:
        return _function(self.diagnose) if self.diagnose else None

    def load_warm_up(self) -> Callable[[RenderOptions], None] | None:
        return _function(self.warm_up) if self.warm_up else None


def _function(target: str) -> Callable:
    module, _, function = target.partition(":")
    return getattr(importlib.import_module(module), function)


PDF_WARM_UP = "generators.pdf.style:warm_up"

GENERATORS: tuple[Generator, ...] = (
    Generator(
        kind="presentatie", filename="presentatie.pptx", target="generators.deck.render:render_deck",
        diagnose="generators.deck.render:deck_diagnostics", cost=2.0, warm_up="generators.deck.render:warm_up",
        description="Presentatie voor het digibord, met docentnotities (PowerPoint, te bewerken)",
    ),
    Generator(
        kind="werkblad", filename="werkblad.pdf", target="generators.worksheet.render:render_worksheet",
        warm_up=PDF_WARM_UP,
        description="Werkblad voor leerlingen, om te printen",
    ),
    Generator(
        kind="werkblad-antwoorden", filename="werkblad-antwoorden.pdf", target="generators.worksheet.render:render_answer_key",
        warm_up=PDF_WARM_UP,
        description="Antwoorden bij het werkblad (docentversie)",
    ),
    Generator(
        kind="werkblad-digitaal", filename="werkblad-digitaal.pdf", target="generators.worksheet.render:render_digital_worksheet",
        warm_up=PDF_WARM_UP,
        description="Werkblad om op de laptop in te vullen",
    ),
    Generator(
        kind="werkblad-groot", filename="werkblad-groot.pdf",
        target="generators.worksheet.render:render_large_print_worksheet", pupils_only=True, warm_up=PDF_WARM_UP,
        description="Werkblad in grote letters (16 pt, ruime regels, meer schrijfruimte), bij dyslexie of slecht zien",
    ),
    Generator(
        kind="docentenhandleiding", filename="docentenhandleiding.pdf", target="generators.guide.render:render_teacher_guide",
        cost=3.0, warm_up=PDF_WARM_UP,
        description="Docentenhandleiding: lesverloop, veilig lesgeven, achtergrond en antwoorden",
    ),
    Generator(
        kind="ouderbrief", filename="ouderbrief.pdf", target="generators.letter.parent_letter:render_parent_letter",
        pupils_only=True, cost=0.5, warm_up=PDF_WARM_UP,
        description="Brief voor ouders en verzorgers over de les, om mee te geven of te mailen",
    ),
    Generator(
        kind="hulpkaart", filename="hulpkaart.pdf", target="generators.cards.help_card:render_help_card",
        cost=0.3, warm_up=PDF_WARM_UP,
        description="Hulpkaart op bankpasformaat, tien op een A4 om uit te knippen: hulplijnen en hulp op school",
    ),
    Generator(
        kind="rolkaarten", filename="rolkaarten.pdf", target="generators.cards.role_cards:render_role_cards",
        needs="role_plays", cost=0.3, warm_up=PDF_WARM_UP,
        description="Rolkaarten voor het rollenspel: elke rol op een eigen kaart (A6, vier op een A4) om uit te knippen",
    ),
)
