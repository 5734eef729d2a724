"""The catalog as the app keeps it in memory: every lesson checked and resolved once, and what the form offers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generators.diagnostics import Diagnostics
from generators.lesson.document import Factsheet, LessonDocument


@dataclass(frozen=True)
class OfferedLesson:
    id: str
    title: str
    audiences: tuple[tuple[str, str, int], ...]  # (audience id, label, minutes)


@dataclass(frozen=True)
class OfferedSeries:
    id: str
    title: str
    lessons: tuple[OfferedLesson, ...]


@dataclass(frozen=True)
class OfferedAudience:
    id: str
    label: str
    who: str


@dataclass(frozen=True)
class Library:
    """Every (lesson, audience) document without a school, and the factsheet without one.

    Why resolved without a school: a document differs between schools only in its `school`, so a request
    replaces that and nothing is read, checked or resolved while a school waits.
    """

    documents: tuple[LessonDocument, ...]
    factsheet: Factsheet
    series: tuple[OfferedSeries, ...]
    audiences: tuple[OfferedAudience, ...]

    def index(self, lesson: str, audience: str) -> int | None:
        return next((i for i, d in enumerate(self.documents) if (d.lesson_id, d.audience.id) == (lesson, audience)), None)

    @property
    def lesson_ids(self) -> tuple[str, ...]:
        return tuple(lesson.id for series in self.series for lesson in series.lessons)


def load_library(lesson_paths: list[Path]) -> tuple[Library | None, Diagnostics]:
    """Read, check and resolve every lesson; None (and the errors) when a lesson or the shared data has an error.

    Why no style check (lint): it only warns authors, and `build` runs it; the app would start seconds later.
    """
    from generators.build.pipeline import load_project, resolve_all
    from generators.lesson.resolve import resolve_factsheet

    project = load_project(lesson_paths, lint=False)
    if project.diagnostics.has_errors():
        return None, project.diagnostics
    data = project.data
    series_order = {s.id: i for i, s in enumerate(data.reeksen.model.reeksen)}
    audience_order = {a: i for i, a in enumerate(data.audience_ids)}
    documents = sorted(resolve_all(project), key=lambda d: (
        series_order.get(d.series, len(series_order)), d.series, d.lesson_id, audience_order[d.audience.id]))
    series: list[OfferedSeries] = []
    for series_id in dict.fromkeys(d.series for d in documents):
        lessons = []
        for lesson_id in dict.fromkeys(d.lesson_id for d in documents if d.series == series_id):
            own = [d for d in documents if d.lesson_id == lesson_id]
            lessons.append(OfferedLesson(lesson_id, own[0].title.plain,
                                         tuple((d.audience.id, d.audience.label, d.duration) for d in own)))
        series.append(OfferedSeries(series_id, data.series_title(series_id), tuple(lessons)))
    offered = {d.audience.id for d in documents}
    audiences = tuple(OfferedAudience(a, data.audience(a).label, data.audience(a).wie) for a in data.audience_ids
                      if a in offered)
    return Library(tuple(documents), resolve_factsheet(data, None), tuple(series), audiences), project.diagnostics
