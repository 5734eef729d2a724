"""The learning path of each series and audience, from reeksen.yaml's `leerlijn` and the resolved lessons."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # Why: a worker unpickles LearningPath to draw it, and must not load the lesson models for that
    from generators.data.shared import SharedData
    from generators.lesson.document import LessonDocument


@dataclass(frozen=True)
class Step:
    number: int
    lesson_id: str
    title: str
    summary: str
    minutes: int
    builds_on: tuple[str, ...]  # titles of earlier lessons of this path
    why: str | None


@dataclass(frozen=True)
class LearningPath:
    series: str
    series_title: str
    series_description: str
    audience_id: str
    audience_label: str
    audience_who: str
    steps: tuple[Step, ...]
    publisher: str

    @property
    def total_minutes(self) -> int:
        return sum(step.minutes for step in self.steps)


def learning_paths(data: SharedData, documents: Iterable[LessonDocument]) -> dict[tuple[str, str], LearningPath]:
    """(series, audience) -> its path. A lesson missing from `leerlijn` comes last, in id order; a `leerlijn` entry
    without a lesson here is left out (a build of some lessons only), and so is what it builds on."""
    groups: dict[tuple[str, str], list[LessonDocument]] = defaultdict(list)
    for document in documents:
        groups[(document.series, document.audience.id)].append(document)
    series = {r.id: r for r in data.reeksen.model.reeksen}
    paths = {}
    for (series_id, audience_id), group in sorted(groups.items()):
        listed = series[series_id].leerlijn if series_id in series else []
        position = {step.les: i for i, step in enumerate(listed)}
        entries = {step.les: step for step in listed}
        group.sort(key=lambda d: (position.get(d.lesson_id, len(position)), d.lesson_id))
        titles: dict[str, str] = {}
        steps = []
        for number, document in enumerate(group, 1):
            entry = entries.get(document.lesson_id)
            builds_on = tuple(titles[i] for i in (entry.bouwt_voort_op if entry else ()) if i in titles)
            steps.append(Step(number, document.lesson_id, document.title.plain, document.summary.plain,
                              document.duration, builds_on, entry.waarom if entry else None))
            titles[document.lesson_id] = document.title.plain
        first = group[0]
        paths[(series_id, audience_id)] = LearningPath(
            series_id, data.series_title(series_id), data.series_description(series_id), audience_id,
            first.audience.label, first.audience.who, tuple(steps), first.publisher,
        )
    return paths
