"""The resolved lesson document: one lesson for one audience, frozen, fully filled in.

Renderers take only this. It carries values (sizes, limits, wording), never an instruction to
branch on an audience: `AudienceProfile.id` exists for output paths and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator, Union

NO_PICTOGRAM = "geen"  # what an author writes for a slide without a pictogram


@dataclass(frozen=True)
class Run:
    """A piece of text in one style: plain, bold or italic."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class RichText:
    """Text as runs of styles, from the lesson's inline markup; false when it holds only spaces."""

    runs: tuple[Run, ...]

    @property
    def plain(self) -> str:
        return "".join(run.text for run in self.runs)

    def __str__(self) -> str:
        return self.plain

    def __bool__(self) -> bool:
        return bool(self.plain.strip())


@dataclass(frozen=True)
class SourcedText(RichText):
    """Text that states a fact from feiten.yaml: renderers that show it to pupils show `source` with it."""

    source: str


# --- audience, shared facts, school -------------------------------------------------------


@dataclass(frozen=True)
class Typography:
    """Type sizes for this audience: slides, worksheet and guide, in points (line spacing in mm)."""

    slide_title_pt: int
    slide_body_pt: int
    worksheet_body_pt: float
    worksheet_line_spacing_mm: float
    guide_body_pt: float


@dataclass(frozen=True)
class Limits:
    """How much text this audience can take: per slide, per bullet, per sentence, long words."""

    max_bullets_per_slide: int
    max_words_per_bullet: int
    max_words_per_sentence: int
    max_long_words_percent: int


@dataclass(frozen=True)
class SchoolHelp:
    """Who helps at school for this audience (doelgroepen.yaml `hulp_op_school`), worded for each reader."""

    lead: str  # 'Op school kun je terecht bij'
    for_pupils: str  # 'je juf of meester, de intern begeleider of de vertrouwenspersoon'
    also: str | None  # 'een volwassene die je vertrouwt'
    for_parents: str  # 'de juf of meester van uw kind, de intern begeleider of de vertrouwenspersoon'
    for_teacher: str  # 'de juf of meester, de intern begeleider en de vertrouwenspersoon'
    colleagues: str  # the roles other than the pupil's own teacher or mentor, joined with 'en'
    roles: tuple[str, ...]  # 'juf of meester', 'intern begeleider', ...


@dataclass(frozen=True)
class AudienceProfile:
    """Who the document is for (doelgroepen.yaml): label, sizes, limits, readability and help line."""

    id: str
    label: str
    who: str
    education: str
    typography: Typography
    limits: Limits
    readability_min: int
    readability_level: str
    help_text: str
    help_url: str
    school_help: SchoolHelp
    closing_title: str  # the closing slide about help (doelgroepen.yaml `slotdia`)
    closing_notes: tuple[str, ...]
    glossary_title: str  # above the lesson's `begrippen` on the slide and the worksheet
    pupils: bool = True  # a class of pupils (doelgroepen.yaml `leerlingen`); generators meant for pupils' homes check it
    name_fields: tuple[str, ...] = ("Naam", "Klas", "Datum")  # what a worksheet asks at the top


@dataclass(frozen=True)
class HelpRoute:
    """A help line or service from hulplijnen.yaml, as the documents show it."""

    id: str
    name: str
    for_whom: str
    description: str
    phone: str | None
    website: str | None
    hours: str | None
    anonymous: bool

    @property
    def phone_to_show(self) -> str | None:
        """The number to print beside the name: none when the name already ends with it ('Alarmnummer 112')."""
        if self.phone and re.search(rf"(?<![\w-]){re.escape(self.phone)}\s*$", self.name):
            return None
        return self.phone


@dataclass(frozen=True)
class SharedItem:
    """One item of a shared list: a title and an optional explanation."""

    title: str
    text: str | None
    fact: Fact | None = None  # when `text` is a fact from feiten.yaml (its long wording)


@dataclass(frozen=True)
class SharedList:
    """A shared list from assets/data (signals, meldcode steps, tips): its introduction and items."""

    intro: str | None
    items: tuple[SharedItem, ...]


@dataclass(frozen=True)
class Factsheet:
    """What the staff poster shows, resolved from the shared data and the school file."""

    coercion: SourcedText  # the law on coercion under 18 (feiten.yaml), in the staff's short wording
    signals: SharedList
    meldcode: SharedList
    attention: SharedList
    help_routes: tuple[HelpRoute, ...]  # routes for teachers (advice, reporting) first
    footer_route: HelpRoute
    school: SchoolInfo | None


@dataclass(frozen=True)
class GlossaryEntry:
    """A word pupils may not know, with its plain explanation (the lesson's `begrippen`)."""

    term: str
    explanation: RichText


@dataclass(frozen=True)
class CoreGoal:
    """A core goal (kerndoel) of the curriculum that the lesson works on."""

    id: str
    name: str
    education: str
    description: str


@dataclass(frozen=True)
class Contact:
    """A contact person of the school, with how to reach them."""

    name: str
    role: str
    function: str | None
    reach: str


@dataclass(frozen=True)
class SchoolInfo:
    """The school's own edition: its name, place and contact people (from the school file)."""

    name: str
    place: str | None
    region: str | None
    contacts: tuple[Contact, ...]


@dataclass(frozen=True)
class Fact:
    """A fact from feiten.yaml that the lesson uses, as the guide lists it with its source."""

    id: str
    text: str
    source: str  # who says it, as the slide's source line shows it
    place: str  # where in that source
    scope: str
    year: int | None


@dataclass(frozen=True)
class ProtocolStep:
    """One step of the sextortion protocol: short for pupils, with the explanation for the teacher."""

    text: RichText
    explanation: str


@dataclass(frozen=True)
class Protocol:
    """The steps for blackmail with images (sextortie.yaml), in their one order, worded for this audience."""

    title: str
    intro: str
    order: RichText  # why this order: the answer key's explanation of an order exercise
    steps: tuple[ProtocolStep, ...]


@dataclass(frozen=True)
class Source:
    """A source the lesson's facts come from, with an optional address and note."""

    title: RichText
    url: str | None
    note: RichText | None


# --- slides: a closed set -----------------------------------------------------------------


@dataclass(frozen=True)
class Pictogram:
    """A pictogram from assets/pictogrammen: its name, its PNG file and the alt text a screen reader reads."""

    name: str
    path: Path
    alt: str


@dataclass(frozen=True)
class BulletSlide:
    """A slide with a title and bullets, numbered or not."""

    title: RichText
    bullets: tuple[RichText, ...]
    numbered: bool = False
    pictogram: str | None = None  # the author's choice: a name from assets/pictogrammen, or 'geen'


@dataclass(frozen=True)
class ImageSlide:
    """A slide with one picture, its alternative text and an optional caption."""

    title: RichText
    image: Path
    alt: str
    caption: RichText | None


@dataclass(frozen=True)
class QuoteSlide:
    """A slide with a quote and, if known, who said it."""

    title: RichText
    quote: RichText
    source: RichText | None
    pictogram: str | None = None  # the author's choice: a name from assets/pictogrammen, or 'geen'


@dataclass(frozen=True)
class StatementSlide:
    """A slide with one statement for the class to take a position on."""

    title: RichText
    statement: RichText
    pictogram: str | None = None  # the author's choice: a name from assets/pictogrammen, or 'geen'


@dataclass(frozen=True)
class CaseSlide:
    """A slide with a short case and questions about it."""

    title: RichText
    paragraphs: tuple[RichText, ...]
    questions: tuple[RichText, ...]
    pictogram: str | None = None  # the author's choice: a name from assets/pictogrammen, or 'geen'


@dataclass(frozen=True)
class DiscussionSlide:
    """A slide with a question for the class; what to listen for goes in the speaker notes."""

    title: RichText
    question: RichText
    listen_for: tuple[RichText, ...]
    pictogram: str | None = None  # the author's choice: a name from assets/pictogrammen, or 'geen'


@dataclass(frozen=True)
class QuizSlide:
    """A multiple-choice question on a slide; the next slide shows the right answers and the explanation."""

    title: RichText
    question: RichText
    options: tuple[RichText, ...]
    correct: tuple[int, ...]
    explanation: RichText | None
    pictogram: str | None = None  # the author's choice: a name from assets/pictogrammen, or 'geen'


@dataclass(frozen=True)
class FactSlide:
    """A slide with one fact, large, and its source under it."""

    title: RichText
    fact: SourcedText
    pictogram: str | None = None  # the author's choice: a name from assets/pictogrammen, or 'geen'


@dataclass(frozen=True)
class TwoColumnSlide:
    """A slide comparing two lists side by side, each under its own heading."""

    title: RichText
    left_heading: RichText
    left: tuple[RichText, ...]
    right_heading: RichText
    right: tuple[RichText, ...]


MESSAGE, PHOTO, DELETED = "bericht", "foto", "verwijderd"


@dataclass(frozen=True)
class ChatMessage:
    """One message of a chat: who sends it, on which side, its text; a photo or deleted message says so in `text`."""

    sender: str
    right: bool
    text: RichText
    time: str | None = None
    kind: str = MESSAGE  # MESSAGE, PHOTO (text describes it) or DELETED (text says it was deleted)

    @property
    def line(self) -> str:
        """The message as one line of plain text, for speaker notes and screen readers."""
        return f"{self.sender}{f' ({self.time})' if self.time else ''}: {self.text.plain}"


@dataclass(frozen=True)
class ChatPart:
    """A part of a chat that starts on a new slide, with an optional heading ('Een week later')."""

    heading: RichText | None
    messages: tuple[ChatMessage, ...]


@dataclass(frozen=True)
class Chat:
    """A conversation as on a phone, in one or more parts."""

    title: RichText
    parts: tuple[ChatPart, ...]

    @property
    def messages(self) -> tuple[ChatMessage, ...]:
        return tuple(m for part in self.parts for m in part.messages)

    def transcript(self) -> tuple[str, ...]:
        """The whole conversation as plain lines: part headings between dashes, then one line per message."""
        lines: list[str] = []
        for part in self.parts:
            if part.heading:
                lines.append(f"— {part.heading.plain} —")
            lines.extend(m.line for m in part.messages)
        return tuple(lines)


@dataclass(frozen=True)
class ChatSlide:
    """A chat conversation on slides, continued over more slides when long, with optional questions after it."""

    title: RichText
    chat: Chat
    questions: tuple[RichText, ...]


Slide = Union[
    BulletSlide, ImageSlide, QuoteSlide, StatementSlide, CaseSlide, DiscussionSlide, QuizSlide, TwoColumnSlide,
    FactSlide, ChatSlide,
]

# --- worksheet exercises ------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """What the answer key shows: a model answer, points to look for, or both."""

    text: RichText | None
    points: tuple[RichText, ...]


@dataclass(frozen=True)
class ExerciseHead:
    """What every exercise starts with: its number on the worksheet, an optional title, the instruction."""

    number: int
    title: RichText | None
    instruction: RichText
    own_instruction: bool = False  # the author wrote it ('instructie'); else it is the kind's usual one


@dataclass(frozen=True)
class OpenExercise:
    """An open question with room to write and a model answer."""

    head: ExerciseHead
    question: RichText
    lines: int
    answer: Answer


@dataclass(frozen=True)
class ChoiceExercise:
    """A multiple-choice question; `correct` holds the indexes of the right options."""

    head: ExerciseHead
    question: RichText
    options: tuple[RichText, ...]
    correct: tuple[int, ...]
    explanation: RichText | None


@dataclass(frozen=True)
class TrueFalseStatement:
    """A statement to mark true or not true, with an optional explanation for the answer key."""

    text: RichText
    is_true: bool
    explanation: RichText | None


@dataclass(frozen=True)
class TrueFalseExercise:
    """Statements to mark true or not true."""

    head: ExerciseHead
    statements: tuple[TrueFalseStatement, ...]
    labels: tuple[str, str] = ("waar", "niet waar")


@dataclass(frozen=True)
class AgreeStatement:
    """A statement to agree or disagree with, with points for the discussion in the answer key."""

    text: RichText
    points: tuple[RichText, ...]


@dataclass(frozen=True)
class AgreeExercise:
    """Statements to agree or disagree with; the answer key gives points to discuss, not a right answer."""

    head: ExerciseHead
    statements: tuple[AgreeStatement, ...]
    labels: tuple[str, str] = ("eens", "oneens")


@dataclass(frozen=True)
class MatchExercise:
    """`pairs` in the right combination; pupils see the right-hand items in `shown_order`."""

    head: ExerciseHead
    pairs: tuple[tuple[RichText, RichText], ...]
    shown_order: tuple[int, ...]


@dataclass(frozen=True)
class Gap:
    """A blank in a fill-in text, with the word that belongs there."""

    answer: str


@dataclass(frozen=True)
class FillInExercise:
    """A text with blanks and, optionally, a bank of words to choose from."""

    head: ExerciseHead
    segments: tuple[RichText | Gap, ...]
    word_bank: tuple[str, ...]


@dataclass(frozen=True)
class OrderExercise:
    """`steps` in the right order; pupils see them in `shown_order`."""

    head: ExerciseHead
    steps: tuple[RichText, ...]
    shown_order: tuple[int, ...]
    explanation: RichText | None


@dataclass(frozen=True)
class CaseQuestion:
    """A question about a case, with room to write and a model answer."""

    question: RichText
    lines: int
    answer: Answer


@dataclass(frozen=True)
class CaseExercise:
    """A case to read (a story, a chat or both) and the questions about it.

    `on_sheet` false: the author chose to leave the story and chat off the pupils' sheet (not off the answer key).
    """

    head: ExerciseHead
    case: tuple[RichText, ...]
    questions: tuple[CaseQuestion, ...]
    chat: Chat | None = None
    on_sheet: bool = True


@dataclass(frozen=True)
class ReflectionExercise:
    """A personal question to write about, with room to write and what the answer key says about it."""

    head: ExerciseHead
    question: RichText
    lines: int
    answer: Answer


Exercise = Union[
    OpenExercise, ChoiceExercise, TrueFalseExercise, AgreeExercise, MatchExercise,
    FillInExercise, OrderExercise, CaseExercise, ReflectionExercise,
]

# --- the lesson ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    """One role of a role play, as its own card shows it: who the player is and what only they know."""

    name: RichText
    text: tuple[RichText, ...]


@dataclass(frozen=True)
class Activity:
    """One activity of a phase: minutes, method and goal, with its slides, teacher notes and exercises."""

    number: int
    title: RichText
    minutes: int
    method: RichText
    goal: RichText | None
    optional: bool
    slides: tuple[Slide, ...]
    notes: tuple[RichText, ...]
    exercises: tuple[Exercise, ...]
    line: int = 0  # where the activity starts in the lesson file, for located warnings
    support: tuple[RichText, ...] = ()  # an easier route through the activity, for pupils who need more help
    challenge: tuple[RichText, ...] = ()  # a harder route, for pupils who are done sooner
    roles: tuple[Role, ...] = ()  # a role play's roles, one card each (rolkaarten.pdf)


@dataclass(frozen=True)
class Phase:
    """A phase of the lesson (introduction, core, closing) and its activities."""

    kind: str
    title: RichText
    activities: tuple[Activity, ...]


@dataclass(frozen=True)
class Goals:
    """The lesson's goals: what pupils know, can do and think about afterwards."""

    knowledge: tuple[RichText, ...]
    skills: tuple[RichText, ...]
    attitude: tuple[RichText, ...]


@dataclass(frozen=True)
class LessonDocument:
    """One lesson for one audience, resolved and complete: everything a renderer needs and nothing more."""

    lesson_id: str
    series: str
    title: RichText
    summary: RichText
    audience: AudienceProfile
    duration: int
    goals: Goals
    core_goals: tuple[CoreGoal, ...]
    materials: tuple[RichText, ...]
    preparation: tuple[RichText, ...]
    background: tuple[RichText, ...]
    phases: tuple[Phase, ...]
    help_routes: tuple[HelpRoute, ...]
    teacher_help_routes: tuple[HelpRoute, ...]
    meldcode: SharedList
    conversation_tips: SharedList
    attention_points: SharedList
    signals: SharedList
    sources: tuple[Source, ...]
    publisher: str
    school: SchoolInfo | None = field(default=None)
    source: str = ""  # the lesson file as the author knows it, for located warnings
    parent_help_routes: tuple[HelpRoute, ...] = ()  # hulplijnen.yaml `ouders: true`, for the letter to parents
    core_concepts: SharedList = field(default=SharedList(None, ()))  # kernbegrippen.yaml, for the guide's background
    glossary: tuple[GlossaryEntry, ...] = ()  # the lesson's `begrippen` for this audience
    facts: tuple[Fact, ...] = ()  # every fact from feiten.yaml this audience sees, in order of first use
    sextortion: Protocol | None = None  # the sextortion steps, when a slide or exercise of this audience shows them
    pictograms: tuple[Pictogram, ...] = ()  # the whole set: slides name theirs, the deck picks one per kind of slide

    def pictogram(self, name: str) -> Pictogram | None:
        return next((p for p in self.pictograms if p.name == name), None)

    def outline(self) -> LessonDocument:
        """The same document without its lesson content (phases, materials, background, sources).

        Why: the catalog and the pack READMEs need only titles, audience, goals and minutes, and a
        build keeps this much of every document of the catalog until the end.
        """
        return replace(self, phases=(), materials=(), preparation=(), background=(), sources=(), facts=(),
                       sextortion=None)

    @property
    def activities(self) -> Iterator[Activity]:
        for phase in self.phases:
            yield from phase.activities

    @property
    def exercises(self) -> Iterator[Exercise]:
        for activity in self.activities:
            yield from activity.exercises

    @property
    def role_plays(self) -> tuple[Activity, ...]:
        """The activities with a role play: each gives a set of role cards."""
        return tuple(a for a in self.activities if a.roles)

    @property
    def short_duration(self) -> int:
        """Minutes when the optional activities are skipped (the shortened route)."""
        return sum(a.minutes for a in self.activities if not a.optional)
