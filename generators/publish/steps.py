"""After rendering: packs per lesson and per series, preview thumbnails, and the catalog pages."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterator

from generators.publish.catalog import Download, LessonEntry, Preview, SeriesPack, human_size, render_catalog, variant_of
from generators.publish.catalog import compile_templates as compile_catalog_templates
from generators.lesson.document import LessonDocument
from generators.publish.packs import Pack, lesson_pack, series_pack
from generators.publish.packs import compile_templates as compile_pack_templates
from generators.paths import artifact_path
from generators.publish.previews import PREVIEW_DECK, PREVIEW_PDFS, decks_first_slides_png, preview_path
from generators.registry import GENERATORS
from generators.data.shared import SharedData
from generators.learning_path.model import LearningPath


def _artifacts(staging: Path, document: LessonDocument) -> dict[str, Path]:
    out = {}
    for generator in GENERATORS:
        path = staging / artifact_path(document.series, document.lesson_id, document.audience.id, generator.filename)
        if path.exists():
            out[generator.filename] = path
    return out


def compile_templates() -> None:
    """Import jinja2 and compile the README and catalog templates before the first pack needs them."""
    compile_pack_templates()
    compile_catalog_templates()


def make_lesson_pack(staging: Path, document: LessonDocument) -> Pack:
    """Write the pack of one (lesson, audience) into staging, from its files there."""
    return lesson_pack(staging, document, _artifacts(staging, document))


def make_series_packs(
    staging: Path, touched: set[tuple[str, str]], everything: list[LessonDocument], data: SharedData,
    paths: dict[tuple[str, str], LearningPath], overviews: dict[tuple[str, str], bytes],
) -> Iterator[Pack]:
    """Write the pack of every (series, audience) in `touched` into staging, copying its files from there, its
    lessons in the order of its learning path (`paths`), with that path as PDF from `overviews`.

    Why from disk: a series pack holds every lesson of its series, so in memory it grew with the catalog."""
    groups: dict[tuple[str, str], list[LessonDocument]] = defaultdict(list)
    for document in everything:
        if (document.series, document.audience.id) in touched:
            groups[(document.series, document.audience.id)].append(document)
    for (series, audience), documents in sorted(groups.items()):
        order = {step.lesson_id: step.number for step in paths[(series, audience)].steps}
        documents.sort(key=lambda d: order[d.lesson_id])
        artifacts = {d.lesson_id: _artifacts(staging, d) for d in documents}
        yield series_pack(staging, data.series_title(series), documents, artifacts, overviews.get((series, audience)))


def make_previews(staging: Path, rebuilt: list[LessonDocument]) -> Iterator[tuple[LessonDocument, str, bytes]]:
    """(document, path under output/, PNG) for the first slide of each rebuilt deck (LibreOffice, cached)."""
    decks: dict[str, bytes] = {}
    owners: dict[str, LessonDocument] = {}
    for document in rebuilt:
        folder = staging / artifact_path(document.series, document.lesson_id, document.audience.id, "")
        if (folder / PREVIEW_DECK[0]).exists():
            path = preview_path(document, PREVIEW_DECK[0])
            decks[path] = (folder / PREVIEW_DECK[0]).read_bytes()
            owners[path] = document
    for path, slides in sorted(decks_first_slides_png(decks).items()):
        yield owners[path], path, slides[0]


def make_catalog(staging: Path, everything: list[LessonDocument], sizes: dict[str, int], data: SharedData,
                 paths: dict[tuple[str, str], LearningPath],
                 ) -> Iterator[tuple[str, bytes]]:
    by_lesson: dict[str, list[LessonDocument]] = defaultdict(list)
    for document in everything:
        by_lesson[document.lesson_id].append(document)
    order = {a: i for i, a in enumerate(data.audience_ids)}
    lessons = []
    for lesson_id, documents in by_lesson.items():
        documents.sort(key=lambda d: order[d.audience.id])
        variants = []
        for document in documents:
            previews = tuple(
                Preview(preview_path(document, name), alt)
                for name, alt in [PREVIEW_DECK, *PREVIEW_PDFS.items()]
                if (staging / preview_path(document, name)).exists()
            )
            variants.append(variant_of(document, sizes, previews))
        first = documents[0]
        lessons.append(LessonEntry(
            id=lesson_id,
            series_id=first.series,
            series_title=data.series_title(first.series),
            title=first.title.plain,
            summary=first.summary.plain,
            variants=tuple(variants),
        ))
    series_order = {r.id: i for i, r in enumerate(data.reeksen.model.reeksen)}
    path_order = {(r.id, step.les): i for r in data.reeksen.model.reeksen for i, step in enumerate(r.leerlijn)}
    lessons.sort(key=lambda l: (series_order.get(l.series_id, 99), l.series_id, path_order.get((l.series_id, l.id), 999),
                                l.id))
    series_packs = []
    for series_id in dict.fromkeys(l.series_id for l in lessons):
        packs = []
        for audience in data.audience_ids:
            path = f"pakketten/{series_id}_{audience}.zip"
            if path in sizes:
                label = data.audience(audience).label
                packs.append((label, Download(path.rsplit("/", 1)[1], path, human_size(sizes[path]), "")))
        if packs:
            series_packs.append(SeriesPack(series_id, data.series_title(series_id), data.series_description(series_id), tuple(packs)))
    audiences = [(a, data.audience(a).label) for a in data.audience_ids if any(d.audience.id == a for d in everything)]
    school = everything[0].school.name if everything and everything[0].school else None
    posters = [
        Download(label, path, human_size(sizes[path]), "")
        for label, path in (("Factsheet A4", "factsheet/factsheet-a4.pdf"), ("Poster A3", "factsheet/factsheet-a3.pdf"))
        if path in sizes
    ]
    shown = sorted(paths.values(),
                   key=lambda p: (series_order.get(p.series, 99), p.series, data.audience_ids.index(p.audience_id)))
    return render_catalog(lessons, series_packs, audiences, school, posters, shown)
