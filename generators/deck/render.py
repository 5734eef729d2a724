"""The slide deck generator: lesson document -> fitted deck plan -> presentatie.pptx bytes."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generators.deck.fit import fit_slides
from generators.deck.measure import Measurer
from generators.deck.model import DeckPlan, FitProblem
from generators.deck.plan import lesson_to_deck_plan
from generators.deck.template import DeckTemplateError, template_geometry, template_path
from generators.diagnostics import BuildAborted, Diagnostic, Diagnostics, Location, Severity
from generators.lesson.document import LessonDocument
from generators.registry import RenderOptions


def deck_plan(document: LessonDocument, options: RenderOptions) -> DeckPlan:
    """The deck as planned and fitted to the template, with what still does not fit."""
    return _cached_plan(document, options.assets_dir, template_path(options.assets_dir, options.template))


@lru_cache(maxsize=8)
def _cached_plan(document: LessonDocument, assets_dir: Path, template: Path) -> DeckPlan:
    meta, slides = lesson_to_deck_plan(document)
    measurer = Measurer(assets_dir / "fonts" / "carlito")
    fitted, problems = fit_slides(slides, template_geometry(template), measurer)
    return DeckPlan(meta, fitted, problems)


def warm_up(options: RenderOptions) -> None:
    """Import python-pptx, read the template's geometry and load the measuring fonts."""
    from generators.deck import writer  # noqa: F401

    template_geometry(template_path(options.assets_dir, options.template))
    measurer = Measurer(options.assets_dir / "fonts" / "carlito")
    for bold in (False, True):
        for italic in (False, True):
            measurer.width("Aa", 20, bold, italic)


def render_deck(document: LessonDocument, options: RenderOptions) -> bytes:
    """Registry entry point. A template that cannot be used stops the build with a Dutch message."""
    from generators.deck.writer import deck_plan_to_pptx

    template = template_path(options.assets_dir, options.template)
    try:
        return deck_plan_to_pptx(deck_plan(document, options), template)
    except DeckTemplateError as exc:
        diagnostics = Diagnostics()
        diagnostics.error("sjabloon", str(exc), Location(str(template)))
        raise BuildAborted(diagnostics) from exc


def problem_diagnostic(document: LessonDocument, problem: FitProblem) -> Diagnostic:
    where = f"doelgroep {document.audience.id}"
    line = 0
    if problem.activity is not None:
        where += f", activiteit {problem.activity}"
        line = next((a.line for a in document.activities if a.number == problem.activity), 0)
    message = f"Presentatie ({where}), dia '{problem.slide_title}': {problem.message}"
    return Diagnostic(Severity.WARNING, "dia-past-niet", message, Location(document.source, line, 9 if line else 0))


def deck_diagnostics(document: LessonDocument, options: RenderOptions) -> list[Diagnostic]:
    """Located warnings for text that does not fit, for `lespakket build` and `lespakket check`."""
    try:
        plan = deck_plan(document, options)
    except DeckTemplateError as exc:
        template = template_path(options.assets_dir, options.template)
        return [Diagnostic(Severity.ERROR, "sjabloon", str(exc), Location(str(template)))]
    return [problem_diagnostic(document, problem) for problem in plan.problems]
