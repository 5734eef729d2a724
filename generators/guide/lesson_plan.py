"""The 'Lesverloop' of the teacher guide: the timetable, the shortened route and each activity in detail."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from generators.deck.model import DeckPlan
from generators.guide.slides import slide_contents
from generators.lesson.document import Activity, LessonDocument
from generators.pdf.style import Colours, rich_markup, text_markup
from generators.guide.parts import Guide, bullets, callout, facts_table, grid_table, minor_heading, section_heading, sub_heading

LESSON_PLAN_KEY = "lesverloop"


@dataclass(frozen=True)
class References:
    """Where an activity lives in the other files of the pack: slide numbers of the deck, exercise numbers."""

    slides: dict[int, tuple[int, ...]]
    exercises: dict[int, tuple[int, ...]]

    @classmethod
    def of(cls, document: LessonDocument, plan: DeckPlan) -> "References":
        slides: dict[int, list[int]] = {}
        for number, slide in enumerate(plan.slides, 1):
            if slide.activity is not None:
                slides.setdefault(slide.activity, []).append(number)
        return cls(
            slides={k: tuple(v) for k, v in slides.items()},
            exercises={a.number: tuple(e.head.number for e in a.exercises) for a in document.activities},
        )

    def slide_text(self, activity: int) -> str:
        return "dia " + number_ranges(self.slides[activity]) if self.slides.get(activity) else ""

    def exercise_text(self, activity: int) -> str:
        numbers = self.exercises.get(activity, ())
        if not numbers:
            return ""
        word = "opdracht" if len(numbers) == 1 else "opdrachten"
        return f"{word} {number_ranges(numbers, final=' en ')}"


def number_ranges(numbers: tuple[int, ...], final: str = ", ") -> str:
    """(4, 5, 6, 9) -> '4-6, 9'; with final=' en ': '4-6 en 9'. Consecutive runs of three or more become ranges."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts: list[str] = []
    for run in runs:
        if len(run) >= 2 and (len(run) >= 3 or final == ", "):
            parts.append(f"{run[0]}-{run[-1]}")
        else:
            parts += [str(n) for n in run]
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + final + parts[-1]


def minutes_text(minutes: int) -> str:
    return f"{minutes} minuut" if minutes == 1 else f"{minutes} minuten"


def activity_key(activity: Activity) -> str:
    return f"activiteit-{activity.number}"


def lesson_plan(guide: Guide, document: LessonDocument, refs: References) -> list[Flowable]:
    story: list[Flowable] = [section_heading(guide, LESSON_PLAN_KEY, "Lesverloop")]
    intro = (f"De les duurt {minutes_text(document.duration)}. In de tabel zie je per activiteit de tijd, "
             "de werkvorm, de dia's in de presentatie en de opdrachten op het werkblad.")
    story += [guide.para(intro), guide.space(0.6), _timetable(guide, document, refs)]
    if document.short_duration < document.duration:
        story += [guide.space(1.0), _short_route(guide, document)]
    for phase in document.phases:
        for activity in phase.activities:
            story += _activity(guide, rich_markup(phase.title), activity, refs)
    return story


def _timetable(guide: Guide, document: LessonDocument, refs: References):
    styles = guide.styles
    cell = styles.body.clone("cell", fontSize=styles.body_pt * 0.92, leading=styles.body_pt * 1.22)
    right = cell.clone("cell-right", alignment=TA_RIGHT)
    phase_style = cell.clone("cell-phase", fontName=styles.body_bold.fontName, textColor=Colours.primary)
    rows: list[list] = []
    extra: list[tuple] = []
    for phase in document.phases:
        minutes = sum(a.minutes for a in phase.activities)
        extra += [("SPAN", (0, len(rows) + 1), (3, len(rows) + 1)),
                  ("BACKGROUND", (0, len(rows) + 1), (-1, len(rows) + 1), Colours.tint_warm)]
        rows.append([Paragraph(rich_markup(phase.title), phase_style), "", "", "",
                     Paragraph(str(minutes), phase_style.clone("phase-min", alignment=TA_RIGHT))])
        for activity in phase.activities:
            title = f"<b>{activity.number}.</b> {rich_markup(activity.title)}"
            if activity.optional:
                title += f" <font color='{Colours.accent.hexval()}'><i>(optioneel)</i></font>"
            rows.append([
                Paragraph(title, cell), Paragraph(rich_markup(activity.method), cell),
                Paragraph(text_markup(refs.slide_text(activity.number).removeprefix("dia ")), cell),
                Paragraph(text_markup(_exercise_numbers(refs, activity.number)), cell),
                Paragraph(str(activity.minutes), right),
            ])
    total = sum(a.minutes for a in document.activities)
    total_row = len(rows) + 1
    rows.append([Paragraph("<b>Totaal</b>", cell), "", "", "", Paragraph(f"<b>{total}</b>", right)])
    extra += [("SPAN", (0, total_row), (3, total_row)), ("LINEABOVE", (0, total_row), (-1, total_row), 1, Colours.primary)]
    if document.short_duration < document.duration:
        rows.append([Paragraph("<i>Verkorte route (zonder de optionele activiteiten)</i>", cell), "", "", "",
                     Paragraph(f"<i>{document.short_duration}</i>", right)])
        extra.append(("SPAN", (0, total_row + 1), (3, total_row + 1)))
    fixed = [20 * mm, 20 * mm, 14 * mm]
    free = guide.width - sum(fixed)
    widths = [free * 0.6, free * 0.4, *fixed]
    return grid_table(guide, ["Activiteit", "Werkvorm", "Dia's", "Opdracht", "Min."], rows, widths,
                      extra=[("RIGHTPADDING", (4, 0), (4, -1), 6), *extra])


def _exercise_numbers(refs: References, activity: int) -> str:
    return ", ".join(str(n) for n in refs.exercises.get(activity, ()))


def _short_route(guide: Guide, document: LessonDocument) -> Flowable:
    skipped = [a for a in document.activities if a.optional]
    content: list[Flowable] = [
        guide.para(f"<b>Verkorte route: {minutes_text(document.short_duration)}</b>", guide.styles.box_title),
        guide.para(f"Heb je minder tijd dan {minutes_text(document.duration)}? Sla dan deze activiteiten over. "
                   f"De les duurt dan {minutes_text(document.short_duration)}."),
    ]
    content += bullets(guide, [
        f"{a.number}. {rich_markup(a.title)} ({minutes_text(a.minutes)})" for a in skipped
    ])
    return KeepTogether([callout(guide, content, warm=True)])


def _activity(guide: Guide, phase_title: str, activity: Activity, refs: References) -> list[Flowable]:
    styles = guide.styles
    title = f"{activity.number}. {rich_markup(activity.title)}"
    heading = sub_heading(guide, title, key=activity_key(activity), outline=f"{activity.number}. {activity.title.plain}",
                          before=1.6)
    when = minutes_text(activity.minutes) + (" (optioneel)" if activity.optional else "")
    rows: list[tuple[str, str]] = [
        ("Opzet", f"{phase_title} · {text_markup(when)} · {rich_markup(activity.method)}"),
    ]
    if activity.goal:
        rows.append(("Doel", rich_markup(activity.goal)))
    used = [text_markup(x) for x in (refs.slide_text(activity.number), refs.exercise_text(activity.number)) if x]
    if used:
        rows.append(("Gebruik", " · ".join(used)))
    head: list[Flowable] = [heading, facts_table(guide, rows, label_width=24 * mm)]
    notes = [guide.para(rich_markup(n), styles.body.clone("note", spaceAfter=styles.body_pt * 0.4)) for n in activity.notes]
    if notes:
        head += [minor_heading(guide, "Wat doe en zeg je?"), notes[0]]
    story: list[Flowable] = [KeepTogether(head), *notes[1:]]
    story += slide_contents(guide, activity)
    story += _routes(guide, activity)
    story += _roles(guide, activity)
    return story


def _routes(guide: Guide, activity: Activity) -> list[Flowable]:
    """The easier and the harder route through the activity, for a class where pupils differ (extra_steun and
    extra_uitdaging)."""
    rows = [(label, [guide.para(rich_markup(p)) for p in paragraphs])
            for label, paragraphs in (("Extra steun", activity.support), ("Extra uitdaging", activity.challenge))
            if paragraphs]
    if not rows:
        return []
    return [KeepTogether([minor_heading(guide, "Verschillen in de klas"), facts_table(guide, rows, label_width=30 * mm)])]


def _roles(guide: Guide, activity: Activity) -> list[Flowable]:
    """The role play's roles as the players' cards say them (rolkaarten.pdf), so the teacher knows every role."""
    rows = [(rich_markup(role.name), [guide.para(rich_markup(p)) for p in role.text]) for role in activity.roles]
    if not rows:
        return []
    return [KeepTogether([minor_heading(guide, "Rolkaarten (rolkaarten.pdf)"), facts_table(guide, rows, label_width=30 * mm)])]
