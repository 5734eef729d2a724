"""The static download catalog: index.html and a page per lesson, from resolved documents and the manifest."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator, Sequence

from generators.lesson.document import LessonDocument
from generators.paths import ASSETS_DIR
from generators.registry import GENERATORS

if TYPE_CHECKING:
    from generators.learning_path.model import LearningPath

TEMPLATES = ASSETS_DIR / "templates" / "catalogus"


@dataclass(frozen=True)
class Download:
    label: str
    path: str  # relative to output/
    size: str
    description: str


@dataclass(frozen=True)
class Preview:
    path: str
    alt: str


@dataclass(frozen=True)
class Variant:
    audience_id: str
    audience_label: str
    audience_who: str
    title: str
    summary: str
    duration: int
    goals: tuple[tuple[str, tuple[str, ...]], ...]
    core_goals: tuple[str, ...]
    pack: Download | None
    files: tuple[Download, ...]
    previews: tuple[Preview, ...]


@dataclass(frozen=True)
class LessonEntry:
    id: str
    series_id: str
    series_title: str
    title: str
    summary: str
    variants: tuple[Variant, ...]

    @property
    def search_text(self) -> str:
        parts = [self.title, self.summary, self.series_title]
        for v in self.variants:
            parts += [v.title, v.summary, *(g for _, goals in v.goals for g in goals)]
        return " ".join(parts).lower()


@dataclass(frozen=True)
class SeriesPack:
    series_id: str
    series_title: str
    description: str
    packs: tuple[tuple[str, Download], ...]  # (audience label, download)


def human_size(size: int) -> str:
    """Dutch notation: 850 kB, 1,4 MB."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


INDEX_TEMPLATE, LESSON_TEMPLATE, SERIES_TEMPLATE = "index.html.j2", "les.html.j2", "reeks.html.j2"
PAGE_TEMPLATES = (INDEX_TEMPLATE, LESSON_TEMPLATE, SERIES_TEMPLATE)


@lru_cache(maxsize=1)
def environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def compile_templates() -> None:
    """Import jinja2 and compile the catalog's page templates, so that writing the catalog does not wait for it."""
    for name in PAGE_TEMPLATES:
        environment().get_template(name)


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def variant_of(document: LessonDocument, sizes: dict[str, int], previews: tuple[Preview, ...]) -> Variant:
    folder = f"{document.series}/{document.lesson_id}/{document.audience.id}/"
    files = tuple(
        Download(g.filename, folder + g.filename, human_size(sizes[folder + g.filename]), g.description)
        for g in GENERATORS if folder + g.filename in sizes
    )
    pack_path = f"pakketten/{document.lesson_id}_{document.audience.id}.zip"
    pack = Download(f"{document.lesson_id}_{document.audience.id}.zip", pack_path, human_size(sizes[pack_path]),
                    "alles in één zipbestand") if pack_path in sizes else None
    goals = tuple((label, tuple(g.plain for g in items)) for label, items in (
        ("Kennis", document.goals.knowledge), ("Vaardigheden", document.goals.skills), ("Houding", document.goals.attitude),
    ) if items)
    return Variant(
        audience_id=document.audience.id,
        audience_label=document.audience.label,
        audience_who=document.audience.who,
        title=document.title.plain,
        summary=document.summary.plain,
        duration=document.duration,
        goals=goals,
        core_goals=tuple(f"{g.name}: {g.description}" for g in document.core_goals),
        pack=pack,
        files=files,
        previews=previews,
    )


def render_catalog(
    lessons: list[LessonEntry], series_packs: list[SeriesPack], audiences: list[tuple[str, str]], school: str | None,
    posters: list[Download] = (), paths: Sequence[LearningPath] = (),
) -> Iterator[tuple[str, bytes]]:
    """Every catalog page as (path relative to output/, bytes), one at a time.

    Why one at a time: each page carries the style sheet inline, so all pages of a large catalog
    at once were a few MiB held by the build for nothing."""
    from markupsafe import Markup

    env = environment()
    # Why Markup: our own CSS/JS (never author data) must be inlined verbatim so its CSP hash matches.
    style = Markup((TEMPLATES / "stijl.css").read_text(encoding="utf-8"))
    script = Markup((TEMPLATES / "filter.js").read_text(encoding="utf-8"))
    csp = (
        f"default-src 'none'; img-src 'self' file: data:; style-src {csp_hash(style)}; "
        f"script-src {csp_hash(script)}; base-uri 'none'; form-action 'none'"
    )
    common = {"style": style, "csp": csp, "school": school, "audiences": audiences}
    series = sorted({(l.series_id, l.series_title) for l in lessons})
    index = env.get_template(INDEX_TEMPLATE).render(
        lessons=lessons, series=series, series_packs=series_packs, posters=posters, script=script, root="", **common
    )
    yield "index.html", index.encode("utf-8")
    for lesson in lessons:
        page = env.get_template(LESSON_TEMPLATE).render(lesson=lesson, script=None, root="../", **common)
        yield f"lessen/{lesson.id}.html", page.encode("utf-8")
    yield from _series_pages(env, paths, series_packs, common)


def _series_pages(env, paths: Sequence[LearningPath], series_packs: list[SeriesPack], common: dict
                  ) -> Iterator[tuple[str, bytes]]:
    """reeksen/<id>.html: the learning path of each audience of a series, with its series pack."""
    by_series: dict[str, list[LearningPath]] = {}
    for path in paths:
        by_series.setdefault(path.series, []).append(path)
    packs = {sp.series_id: sp for sp in series_packs}
    for series_id, group in by_series.items():
        labels = {p.audience_label: p.audience_id for p in group}
        pack = packs.get(series_id)
        by_audience = {labels[label]: download for label, download in (pack.packs if pack else ()) if label in labels}
        page = env.get_template(SERIES_TEMPLATE).render(
            paths=group, title=group[0].series_title, description=group[0].series_description, packs=by_audience,
            script=None, root="../", **common,
        )
        yield f"reeksen/{series_id}.html", page.encode("utf-8")
