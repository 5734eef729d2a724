"""Lesson document to deck plan: which slides, in which layout, with which text and speaker notes.

Pure: no python-pptx, no measuring. Splitting long content is `deck_fit`'s job.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from string import ascii_uppercase

from generators.deck.chat_model import DIVIDER, ChatPlan, ChatRow
from generators.deck.model import BULLET, LETTER, NO_BULLET, NUMBER, DeckMeta, Para, PlannedImage, PlannedSlide
from generators.lesson.document import (
    MESSAGE, NO_PICTOGRAM, Activity, BulletSlide, CaseSlide, Chat, ChatSlide, DiscussionSlide, FactSlide, ImageSlide,
    LessonDocument, QuizSlide, QuoteSlide, RichText, Run, Slide, SourcedText, StatementSlide, TwoColumnSlide,
)
from generators.data.school_limits import role_text

MIN_BODY_PT = 20
SCHOOL_PEOPLE_NEXT = "wie er hierna staat"
GLOSSARY_NOTES = ("Lees de woorden voor en vraag wie ze al kent. Ze staan ook op het werkblad. "
                  "Kom erop terug als een woord in de les voorbijkomt.")


GENERIC_QUIZ_TITLE = "Quizvraag"  # what resolve calls a quiz without a title of its own
NO_BREAK = "\u00a0"
# the boxes of each layout whose text may grow (deck_fill): the main one, or both columns with their headings
FILLED_BOXES = {"Inhoud": (0,), "Vraag": (0,), "Stelling": (0,), "Citaat": (0,), "Afsluiting": (0,),
                "Twee kolommen": (0, 1, 2, 3)}
PICTOGRAMS = {  # the pictogram beside each kind of slide unless the lesson names another (docs/auteurs.md)
    "goals": "doel", "glossary": "woorden", "case": "verhaal", "questions": "vraag", "quiz": "vraag",
    "answer": "antwoord", "statement": "stelling", "discussion": "praten", "fact": "info", "closing": "telefoon",
    "school": "school",
}


class _Sizes:
    """Point sizes from the audience profile: body text never below the audience's size, nor below 20 pt."""

    def __init__(self, document: LessonDocument):
        self.body = max(document.audience.typography.slide_body_pt, MIN_BODY_PT)
        self.large = self.body + 4


def _pictogram(document: LessonDocument, kind: str | None, choice: str | None = None) -> PlannedImage | None:
    """The lesson's own choice for the slide, else the one for its kind; none for 'geen'."""
    name = choice or PICTOGRAMS.get(kind or "")
    found = document.pictogram(name) if name and name != NO_PICTOGRAM else None
    return PlannedImage(found.path, found.alt) if found else None


def _runs(text: RichText | str, bold: bool | None = None, italic: bool | None = None) -> tuple[Run, ...]:
    runs = (Run(text),) if isinstance(text, str) else text.runs
    return tuple(
        Run(r.text, r.bold if bold is None else bold or r.bold, r.italic if italic is None else italic or r.italic)
        for r in runs
    )


def _para(text: RichText | str, size: float, bullet: str = NO_BULLET, space: float = 0.0, number: int = 1,
          bold: bool | None = None, italic: bool | None = None) -> Para:
    source = text.source if isinstance(text, SourcedText) else None
    return Para(_runs(text, bold, italic), size, bullet, number, space, source)


def _minutes(n: int) -> str:
    return f"{n} {'minuut' if n == 1 else 'minuten'}"


def lesson_to_deck_plan(document: LessonDocument) -> tuple[DeckMeta, tuple[PlannedSlide, ...]]:
    sizes = _Sizes(document)
    slides = [_title_slide(document, sizes), _goals_slide(document, sizes), *_glossary_slides(document, sizes)]
    for phase in document.phases:
        minutes = sum(a.minutes for a in phase.activities)
        activities = tuple(
            _para(f"{a.title} · {_minutes(a.minutes)}{' (keuze)' if a.optional else ''}", sizes.body, space=6)
            for a in phase.activities
        )
        notes = [f"Fase: {phase.title} · {_minutes(minutes)}"]
        for a in phase.activities:
            notes.append(f"Activiteit {a.number} · {a.title} · {_minutes(a.minutes)}")
            notes.extend([f"Doel: {a.goal}"] if a.goal else [])
        slides.append(PlannedSlide("Sectie", str(phase.title), (activities,), tuple(notes), flow=0))
        for activity in phase.activities:
            for slide in activity.slides:
                slides.extend(_activity_slides(activity, slide, sizes, document))
    slides.append(_closing_slide(document, sizes))
    slides.extend(_school_slides(document, sizes))
    title_pt = document.audience.typography.slide_title_pt
    extra = {"Titel": 8, "Sectie": 12}
    slides = [replace(s, title_size=title_pt + extra.get(s.layout, 0), fill=FILLED_BOXES.get(s.layout, ()))
              for s in slides]
    return _meta(document), tuple(_numbered_titles(slides))


def _meta(document: LessonDocument) -> DeckMeta:
    return DeckMeta(
        title=f"{document.title} ({document.audience.label})",
        subject=document.summary.plain,
        author=document.publisher,
        keywords="; ".join(["les", "presentatie", "uitbuiting", "mensenhandel", document.audience.label]),
        lesson_id=document.lesson_id,
        series=document.series,
        audience=document.audience.id,
    )


def _title_slide(document: LessonDocument, sizes: _Sizes) -> PlannedSlide:
    subtitle = [_para(f"{document.audience.label} · {_minutes(document.duration)}", sizes.body, space=4)]
    if document.school is not None:
        where = document.school.name + (f", {document.school.place}" if document.school.place else "")
        subtitle.append(_para(where, sizes.body, space=4))
    notes = [f"Lesduur: {_minutes(document.duration)}."]
    if document.short_duration != document.duration:
        notes.append(f"Korte versie zonder de keuzeactiviteiten: {_minutes(document.short_duration)}.")
    notes.append(document.summary.plain)
    notes.extend(f"Voorbereiding: {item}" for item in document.preparation)
    return PlannedSlide("Titel", document.title.plain, (tuple(subtitle),), tuple(notes))


def _goals_slide(document: LessonDocument, sizes: _Sizes) -> PlannedSlide:
    goals = document.goals.knowledge + document.goals.skills + document.goals.attitude
    paras = (_para("Aan het eind van de les kun je zeggen:", sizes.body, bold=True),) + tuple(
        _para(goal, sizes.body, BULLET, space=12) for goal in goals
    )
    notes = ("Lees de leerdoelen voor. Kom er aan het eind van de les op terug: wat lukt al?",)
    return PlannedSlide("Inhoud", "Leerdoelen", (paras,), notes, flow=0, lead=1,
                        max_items=document.audience.limits.max_bullets_per_slide, pictogram=_pictogram(document, "goals"))


def _glossary_slides(document: LessonDocument, sizes: _Sizes) -> list[PlannedSlide]:
    """The lesson's hard words near the start, before any activity uses them; `deck_fit` continues a long list."""
    if not document.glossary:
        return []
    paras = tuple(Para((Run(f"{entry.term}: ", bold=True),) + entry.explanation.runs, sizes.body, BULLET,
                       space_before=12) for entry in document.glossary)
    return [PlannedSlide("Inhoud", document.audience.glossary_title, (paras,), (GLOSSARY_NOTES,), flow=0,
                         max_items=document.audience.limits.max_bullets_per_slide,
                         pictogram=_pictogram(document, "glossary"))]


def _activity_notes(activity: Activity, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    head = f"Activiteit {activity.number} · {_minutes(activity.minutes)} · {activity.method}"
    if activity.optional:
        head += " · keuzeactiviteit (sla over bij de korte versie)"
    notes = [head]
    if activity.goal:
        notes.append(f"Doel: {activity.goal}")
    notes.extend(extra)
    notes.extend(p.plain for p in activity.notes)
    return tuple(notes)


def _activity_slides(activity: Activity, slide: Slide, sizes: _Sizes, document: LessonDocument) -> list[PlannedSlide]:
    title = slide.title.plain
    notes = _activity_notes(activity)
    base = dict(notes=notes, activity=activity.number)
    choice = getattr(slide, "pictogram", None)

    def pictogram(kind: str | None) -> PlannedImage | None:
        return _pictogram(document, kind, choice)
    limit = document.audience.limits.max_bullets_per_slide
    if isinstance(slide, BulletSlide):
        kind = NUMBER if slide.numbered else BULLET
        paras = tuple(_para(b, sizes.body, kind, space=12, number=i + 1) for i, b in enumerate(slide.bullets))
        return [PlannedSlide("Inhoud", title, (paras,), flow=0, max_items=limit, pictogram=pictogram(None), **base)]
    if isinstance(slide, TwoColumnSlide):
        def column(items):
            return tuple(_para(item, sizes.body, BULLET, space=10) for item in items)
        boxes = ((_para(slide.left_heading, sizes.body, bold=True),), (_para(slide.right_heading, sizes.body, bold=True),),
                 column(slide.left), column(slide.right))
        return [PlannedSlide("Twee kolommen", title, boxes, **base)]
    if isinstance(slide, ImageSlide):
        caption = (_para(slide.caption, sizes.body, italic=True),) if slide.caption else ()
        image = PlannedImage(slide.image, slide.alt)
        return [PlannedSlide("Afbeelding", title, (caption,), image=image, **base)]
    if isinstance(slide, QuoteSlide):
        quote = (_para(slide.quote, sizes.large + 4, italic=True),)
        source = (_para(RichText((Run("— "),) + slide.source.runs), sizes.body),) if slide.source else ()
        return [PlannedSlide("Citaat", title, (quote, source), pictogram=pictogram(None), **base)]
    if isinstance(slide, StatementSlide):
        statement = (_para(slide.statement, sizes.large + 4, bold=True),)
        labels = ((_para("Eens", sizes.body, bold=True),), (_para("Oneens", sizes.body, bold=True),))
        return [PlannedSlide("Stelling", title, (statement,) + labels, pictogram=pictogram("statement"), **base)]
    if isinstance(slide, CaseSlide):
        story = tuple(_para(p, sizes.body, space=12) for p in slide.paragraphs)
        out = [PlannedSlide("Inhoud", title, (story,), flow=0, pictogram=pictogram("case"), **base)]
        if slide.questions:
            questions = tuple(_para(q, sizes.body, NUMBER, space=14, number=i + 1) for i, q in enumerate(slide.questions))
            out.append(PlannedSlide("Vraag", f"Vragen: {title}", (questions,), flow=0, max_items=limit,
                                    pictogram=pictogram("questions"), **base))
        return out
    if isinstance(slide, ChatSlide):
        out = [PlannedSlide("Chat", title, (), chat=_chat_plan(slide.chat, sizes.body), **base)]
        if slide.questions:
            questions = tuple(_para(q, sizes.body, NUMBER, space=14, number=i + 1) for i, q in enumerate(slide.questions))
            out.append(PlannedSlide("Vraag", f"Vragen: {title}", (questions,), flow=0, max_items=limit, **base))
        return out
    if isinstance(slide, DiscussionSlide):
        listen = tuple(f"Luister naar: {item}" for item in slide.listen_for)
        question = (_para(slide.question, sizes.large, bold=True),)
        return [PlannedSlide("Vraag", title, (question,), notes=_activity_notes(activity, listen), activity=activity.number,
                             pictogram=pictogram("discussion"))]
    if isinstance(slide, QuizSlide):
        return _quiz_slides(activity, slide, sizes, document)
    if isinstance(slide, FactSlide):
        return [PlannedSlide("Inhoud", title, ((_para(slide.fact, sizes.large + 4, bold=True),),),
                             pictogram=pictogram("fact"), **base)]
    raise TypeError(f"unknown slide kind {type(slide).__name__}")


def _chat_plan(chat: Chat, size: float) -> ChatPlan:
    """The chat's rows: each part starts a slide, under its heading when it has one."""
    rows: list[ChatRow] = []
    for index, part in enumerate(chat.parts):
        new_slide = index > 0
        if part.heading:
            rows.append(ChatRow(_runs(part.heading, bold=True), f"— {part.heading} —", kind=DIVIDER, new_slide=new_slide))
            new_slide = False
        for message in part.messages:
            runs = _runs(message.text, italic=None if message.kind == MESSAGE else True)
            rows.append(ChatRow(runs, message.line, message.sender, message.time, message.right, message.kind, new_slide))
            new_slide = False
    return ChatPlan(chat.title.plain, tuple(rows), size)


def _option(index: int, option: RichText, size: float, bold: bool = False) -> Para:
    """Why a hanging indent: a long option wraps under its own text, not under its letter."""
    return Para(_runs(option, bold=bold or None), size, LETTER, index + 1, space_before=12,
                source=option.source if isinstance(option, SourcedText) else None)


def _quiz_titles(activity: Activity, slide: QuizSlide) -> tuple[str, str]:
    """Why: "Quizvraag 1" says nothing; a quiz without a title of its own is named after its activity."""
    topic = slide.title.plain
    if topic == GENERIC_QUIZ_TITLE:
        topic = activity.title.plain
        return f"{GENERIC_QUIZ_TITLE}: {topic}", f"Antwoord: {topic}"
    return topic, f"Antwoord: {topic}"


def _quiz_slides(activity: Activity, slide: QuizSlide, sizes: _Sizes, document: LessonDocument) -> list[PlannedSlide]:
    title, answer_title = _quiz_titles(activity, slide)
    letters = " en ".join(ascii_uppercase[i] for i in slide.correct)
    question = _para(slide.question, sizes.large, bold=True)
    options = tuple(_option(i, option, sizes.body) for i, option in enumerate(slide.options))
    ask = _activity_notes(activity, (f"Het juiste antwoord is {letters}; dat staat op de volgende dia.",))
    plural = len(slide.correct) > 1
    answer_head = _para(f"{'De juiste antwoorden zijn' if plural else 'Het juiste antwoord is'} {letters}:",
                        sizes.body, bold=True)
    right = tuple(_option(i, slide.options[i], sizes.large, bold=True) for i in slide.correct)
    explanation = (_para(slide.explanation, sizes.body, space=18),) if slide.explanation else ()
    return [
        PlannedSlide("Vraag", title, ((question,) + options,), ask, activity.number,
                     pictogram=_pictogram(document, "quiz", slide.pictogram)),
        PlannedSlide("Vraag", answer_title, ((answer_head,) + right + explanation,), _activity_notes(activity),
                     activity.number, pictogram=_pictogram(document, "answer", slide.pictogram)),
    ]


def _closing_slide(document: LessonDocument, sizes: _Sizes) -> PlannedSlide:
    routes = []
    for route in document.help_routes:
        # Why no-break spaces around the last dot: a line never ends in 'anoniem' alone
        contact = " · ".join(x for x in (route.phone_to_show, route.website) if x)
        if route.anonymous:
            contact += f"{NO_BREAK}·{NO_BREAK}anoniem" if contact else "anoniem"
        runs = (Run(route.name, bold=True),) + ((Run(f"   {contact}"),) if contact else ())
        routes.append(Para(runs, sizes.body, space_before=6))
    school, school_help = document.school, document.audience.school_help
    if school is not None and school.contacts:
        people = SCHOOL_PEOPLE_NEXT + (f", of {school_help.also}" if school_help.also else "")
    else:
        people = school_help.for_pupils
    # Why one paragraph: at the audience's body size, a line for the lead alone would not leave the names room.
    at_school = (Para((Run(f"{school_help.lead}: ", bold=True), Run(f"{people}.")), sizes.body),)
    notes = (*document.audience.closing_notes, document.audience.help_text)
    return PlannedSlide("Afsluiting", document.audience.closing_title, (tuple(routes), at_school), notes, flow=0,
                        pictogram=_pictogram(document, "closing"))


def _school_slides(document: LessonDocument, sizes: _Sizes) -> list[PlannedSlide]:
    """The school's own people, one paragraph each; `deck_fit` puts as many on a slide as fit, then continues.

    Why a slide of its own after the closing one: the box on the closing slide holds two or three lines, and a
    school may name twenty people with how to reach them.
    """
    school = document.school
    if school is None or not school.contacts:
        return []
    lead = _para(f"Op {school.name}:", sizes.body)  # Why not the place: it cost a line, and the title slide has it
    people = tuple(
        Para((Run(c.name, bold=True), Run(f", {role_text(c.role, c.function)} · {c.reach}")), sizes.body,
             space_before=14)
        for c in school.contacts
    )
    return [PlannedSlide("Inhoud", document.audience.school_help.lead, ((lead,) + people,),
                         document.audience.closing_notes, flow=0, lead=1, pictogram=_pictogram(document, "school"))]


def _numbered_titles(slides: list[PlannedSlide]) -> list[PlannedSlide]:
    """Why: default titles ("Eens of oneens?", two quizzes of one activity) repeat; a title must say which slide it is.

    A quiz and its answer repeat together, so the n-th answer gets the number of the n-th question.
    """
    counts = Counter(s.title for s in slides)
    seen: Counter[str] = Counter()
    out = []
    for slide in slides:
        if counts[slide.title] > 1:
            seen[slide.title] += 1
            slide = replace(slide, title=f"{slide.title} {seen[slide.title]}")
        out.append(slide)
    return out
