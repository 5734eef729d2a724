"""The `lespakket` command: parse options, call the pipeline, print diagnostics, map outcomes to exit codes."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from generators.cli.dutch import DutchGroup
from generators.cli.entry import interrupted
from generators.cli.dutch import install as speak_dutch
from generators.diagnostics import BuildAborted, Diagnostics
from generators.paths import DEFAULT_LESSONS, DEFAULT_OUTPUT

speak_dutch()
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
EXIT_INPUT = 1
EXIT_INTERNAL = 3


def report(diagnostics: Diagnostics, strict: bool = False) -> None:
    """Print every diagnostic once, sorted by place, then a one-line summary."""
    for diagnostic in diagnostics.sorted():
        click.echo(diagnostic.format(), err=True)
    errors, warnings = diagnostics.counts()
    if strict:
        errors, warnings = errors + warnings, 0
    if errors or warnings:
        parts = []
        if errors:
            parts.append(f"{errors} {'fout' if errors == 1 else 'fouten'}")
        if warnings:
            parts.append(f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}")
        click.echo(" en ".join(parts) + ".", err=True)


def _abort(diagnostics: Diagnostics, strict: bool) -> None:
    report(diagnostics, strict)
    click.echo("Er is niets geschreven. Los de fouten op en probeer het opnieuw.", err=True)
    sys.exit(EXIT_INPUT)


school_option = click.option(
    "--school", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="Schoolbestand (YAML) met de naam van de school en de eigen contactpersonen.",
)
strict_option = click.option("--strict", is_flag=True, help="Behandel waarschuwingen als fouten.")
lesson_filter = click.option("--les", "lessen", multiple=True, metavar="ID", help="Bouw alleen deze les (mag vaker).")
audience_filter = click.option("--doelgroep", "doelgroepen", multiple=True, metavar="ID",
                               help="Bouw alleen voor deze doelgroep (mag vaker).")


@click.group(cls=DutchGroup, context_settings=CONTEXT)
@click.version_option(package_name="lespakket", message="lespakket %(version)s")
def cli() -> None:
    """Maak lespakketten over uitbuiting van jongeren: dia's, werkbladen en handleidingen."""


@cli.command("check")
@click.argument("paden", nargs=-1, type=click.Path(path_type=Path))
@school_option
@strict_option
def check_command(paden: tuple[Path, ...], school: Path | None, strict: bool) -> None:
    """Controleer lesbestanden (standaard alles in lessons/) zonder iets te schrijven."""
    from generators.build.pipeline import load_project

    project = load_project(list(paden) or [DEFAULT_LESSONS], school)
    if not project.diagnostics.has_errors():
        from generators.build.pipeline import renderer_diagnostics

        project.diagnostics.extend(renderer_diagnostics(project))
    report(project.diagnostics, strict)
    if project.diagnostics.has_errors(strict):
        sys.exit(EXIT_INPUT)
    count = len(project.lessons)
    click.echo(f"{count} {'les' if count == 1 else 'lessen'} gecontroleerd: in orde.")


@cli.command("list")
@click.argument("paden", nargs=-1, type=click.Path(path_type=Path))
def list_command(paden: tuple[Path, ...]) -> None:
    """Toon alle lessen met hun doelgroepen en lesduur."""
    from generators.build.pipeline import load_project

    project = load_project(list(paden) or [DEFAULT_LESSONS])
    if project.diagnostics.has_errors():
        _abort(project.diagnostics, False)
    rows = []
    for loaded in sorted(project.lessons, key=lambda l: (l.model.reeks, l.model.id)):
        lesson = loaded.model
        title = lesson.titel.for_audience(next(iter(lesson.doelgroepen))) or ""
        groups = ", ".join(f"{a} ({s.duur} min)" for a, s in lesson.doelgroepen.items())
        rows.append((lesson.reeks, lesson.id, title, groups))
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(("REEKS", "LES", "TITEL", ""))]
    click.echo(f"{'REEKS':<{widths[0]}}  {'LES':<{widths[1]}}  {'TITEL':<{widths[2]}}  DOELGROEPEN")
    for row in rows:
        click.echo(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:<{widths[2]}}  {row[3]}")


@cli.command("build")
@lesson_filter
@audience_filter
@click.option("--uit", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_OUTPUT, show_default=True,
              help="Map voor de resultaten.")
@click.option("--lessen", "lesmap", type=click.Path(path_type=Path), default=DEFAULT_LESSONS, show_default=True,
              help="Map met de lessen.")
@click.option("--sjabloon", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="Eigen PowerPoint-sjabloon van de school (met dezelfde indelingsnamen).")
@click.option("-j", "--jobs", type=click.IntRange(0, 64), default=None,
              help="Aantal werkprocessen die de bestanden maken (standaard: het aantal processorkernen; "
                   "0: alles in dit ene proces).")
@click.option("--force", is_flag=True, help="Bouw alles opnieuw, ook wat niet veranderd is.")
@school_option
@strict_option
def build_command(lessen, doelgroepen, uit: Path, lesmap: Path, sjabloon, jobs, force: bool, school, strict: bool) -> None:
    """Controleer alles en bouw de lespakketten in output/ (alleen wat veranderd is)."""
    from generators.build.inputs import BuildRequest, default_jobs, unchanged_message, up_to_date

    request = BuildRequest(
        lesson_paths=[lesmap], output=uit, lesson_ids=tuple(lessen), audiences=tuple(doelgroepen),
        school=school, template=sjabloon, strict=strict, jobs=default_jobs() if jobs is None else jobs, force=force,
    )
    stored = up_to_date(request)
    if stored is not None:
        from generators.build.output_tree import clear_leftovers_when_idle

        clear_leftovers_when_idle(uit)
        for line in stored:
            click.echo(line, err=True)
        click.echo(unchanged_message(uit))
        return
    from generators.build.pool import build_pool

    try:
        with build_pool(request) as pool:
            from generators.build.pipeline import build
            from generators.build.progress import progress_reporter

            with progress_reporter() as (planned, done):
                result = build(request, progress=done, planned=planned, pool=pool)
    except BuildAborted as aborted:
        _abort(aborted.diagnostics, strict)
    report(result.diagnostics, strict)
    click.echo(f"{result.made_text()} In {uit}/ staan nu {len(result.entries)} bestanden (overzicht: {uit}/manifest.json).")


@cli.command("watch")
@lesson_filter
@audience_filter
@click.option("--uit", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_OUTPUT, show_default=True,
              help="Map voor de resultaten.")
@click.option("--lessen", "lesmap", type=click.Path(path_type=Path), default=DEFAULT_LESSONS, show_default=True,
              help="Map met de lessen.")
@click.option("-j", "--jobs", type=click.IntRange(0, 64), default=None,
              help="Aantal werkprocessen (standaard: het aantal processorkernen; 0: alles in dit ene proces).")
@click.option("--stop-na", type=click.IntRange(1), default=None, hidden=True)
@school_option
@strict_option
def watch_command(lessen, doelgroepen, uit: Path, lesmap: Path, jobs, stop_na, school, strict: bool) -> None:
    """Bouw opnieuw zodra je een les, gedeelde gegevens of een sjabloon opslaat (alleen wat veranderd is).

    Met --les en --doelgroep bouw je bij elke keer opslaan alleen die les voor die doelgroep: het snelst
    om te zien wat je schrijft.
    """
    from generators.build.inputs import BuildRequest, default_jobs
    from generators.build.watch import watch

    request = BuildRequest(lesson_paths=[lesmap], output=uit, lesson_ids=tuple(lessen), audiences=tuple(doelgroepen),
                           school=school, strict=strict, jobs=default_jobs() if jobs is None else jobs)
    watch(request, report, stop_after=stop_na)


@cli.command("verify")
@click.argument("pakketten", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False, exists=True))
def verify_command(pakketten: tuple[Path, ...]) -> None:
    """Controleer of een gedownload pakket (zip) compleet en onbeschadigd is."""
    from generators.publish.pack_zip import verify_pack

    failed = False
    for path in pakketten:
        problems = verify_pack(path)
        if problems:
            failed = True
            for problem in problems:
                click.echo(problem.format(), err=True)
        else:
            click.echo(f"{path}: in orde, alle bestanden kloppen met het manifest.")
    if failed:
        sys.exit(EXIT_INPUT)


@cli.command("serve")
@click.option("--uit", type=click.Path(path_type=Path, file_okay=False, exists=True), default=DEFAULT_OUTPUT,
              show_default=True, help="Map met de gebouwde catalogus.")
@click.option("--poort", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Poort (0: een vrije).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Adres om op te luisteren; 127.0.0.1 is alleen deze computer, 0.0.0.0 alle netwerken.")
@click.option("--werkers", type=click.IntRange(1, 32), default=None,
              help="Werkprocessen per schoolpakket (standaard: het aantal processorkernen).")
@click.option("--lessen", "lesmap", type=click.Path(path_type=Path), default=DEFAULT_LESSONS, show_default=True,
              help="Map met de lessen voor 'Pakket voor jouw school'.")
def serve_command(uit: Path, poort: int, host: str, werkers: int | None, lesmap: Path) -> None:
    """Toon de catalogus in je browser, met 'Pakket voor jouw school': een eigen pakket met de naam en de
    contactpersonen van je school."""
    from generators.app.run import serve
    from generators.build.inputs import default_jobs

    serve(uit, poort, host, werkers or default_jobs(), lesmap)


@cli.command("schema")
@click.option("-o", "--uit", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Schrijf het schema naar dit bestand in plaats van naar het scherm.")
def schema_command(uit: Path | None) -> None:
    """Het JSON Schema van het lesformaat, voor automatisch aanvullen in je editor."""
    from generators.data.shared import load_shared_data
    from generators.lesson.schema_export import lesson_json_schema
    from generators.paths import DATA_DIR

    diagnostics = Diagnostics()
    data = load_shared_data(DATA_DIR, diagnostics)
    if data is None or diagnostics.has_errors():
        _abort(diagnostics, False)
    text = json.dumps(lesson_json_schema(data), ensure_ascii=False, indent=2) + "\n"
    if uit is None:
        click.echo(text, nl=False)
    else:
        uit.write_text(text, encoding="utf-8")
        click.echo(f"Schema geschreven naar {uit}.")


@cli.command("new")
@click.argument("reeks")
@click.argument("les_id", metavar="LES-ID")
@click.option("--lessen", "lesmap", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_LESSONS,
              show_default=True, help="Map met de lessen.")
def new_command(reeks: str, les_id: str, lesmap: Path) -> None:
    """Maak een nieuwe les met uitleg in het bestand: lessons/REEKS/LES-ID/les.yaml."""
    from generators.lesson.scaffold import ScaffoldError, new_lesson, write_editor_schema

    try:
        path = new_lesson(lesmap, reeks, les_id)
    except ScaffoldError as exc:
        click.echo(f"fout: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    schema = write_editor_schema(lesmap)
    click.echo(f"Nieuwe les geschreven: {path.as_posix()}")
    if schema is not None:
        click.echo(f"Schema voor je editor: {schema.as_posix()} (zie docs/auteurs.md, 'Je editor instellen')")
    click.echo(f"Controleer hem met:    lespakket check {path.parent.as_posix()}")
    click.echo(f"Bekijk hem met:        lespakket preview {les_id}")


@cli.command("preview")
@click.argument("les_id", metavar="LES-ID")
@click.option("--doelgroep", metavar="ID", default=None, help="Voor deze doelgroep (standaard de eerste van de les).")
@click.option("--uit", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Map voor het voorbeeld (standaard elke keer een nieuwe, eigen map in de tijdelijke map van "
                   "je computer).")
@click.option("--lessen", "lesmap", type=click.Path(path_type=Path), default=DEFAULT_LESSONS, show_default=True,
              help="Map met de lessen.")
@school_option
def preview_command(les_id: str, doelgroep: str | None, uit: Path | None, lesmap: Path, school: Path | None) -> None:
    """Maak één PNG-overzicht van alle dia's en pagina's van een les, zonder output/ te veranderen."""
    from generators.build.preview import PreviewAborted, preview_lesson

    try:
        result = preview_lesson(les_id, doelgroep, uit, lesmap, school)
    except PreviewAborted as aborted:
        report(aborted.diagnostics)
        click.echo("Er is geen voorbeeld gemaakt. Los de fouten op en probeer het opnieuw.", err=True)
        sys.exit(EXIT_INPUT)
    for message in result.messages:
        click.echo(message, err=True)
    click.echo(f"Voorbeeld geschreven: {result.path}")


def main() -> None:
    """Entry point: never show a traceback to an author unless LESPAKKET_DEBUG is set; Ctrl+C ends with 130."""
    try:
        # Why not click's standalone mode: it turns Ctrl+C into "Aborted!" with exit status 1.
        code = cli.main(standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (click.Abort, KeyboardInterrupt):
        interrupted()
    except BrokenPipeError:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("LESPAKKET_DEBUG"):
            raise
        click.echo(
            f"Interne fout in lespakket ({type(exc).__name__}: {exc}). Dit ligt niet aan je les; meld het aan "
            "de ontwikkelaars. Zet LESPAKKET_DEBUG=1 voor details.",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else 0)
