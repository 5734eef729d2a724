"""Resolve (lesson, audience) into a frozen LessonDocument: the only stage that knows age groups."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from typing import Any, Sequence

from generators.data.models import Doelgroep, Hulplijn, School
from generators.lesson.image_assets import resolve_image_path
from generators.lesson.inline_markup import parse_inline, parse_paragraphs
from generators.lesson.document import (
    Activity,
    AgreeExercise,
    AgreeStatement,
    Answer,
    AudienceProfile,
    BulletSlide,
    CaseExercise,
    CaseQuestion,
    CaseSlide,
    Chat,
    ChatMessage,
    ChatPart,
    ChatSlide,
    ChoiceExercise,
    Contact,
    CoreGoal,
    DELETED,
    DiscussionSlide,
    Exercise,
    ExerciseHead,
    Fact,
    FactSlide,
    Factsheet,
    FillInExercise,
    Gap,
    GlossaryEntry,
    Goals,
    HelpRoute,
    ImageSlide,
    LessonDocument,
    Limits,
    MESSAGE,
    MatchExercise,
    OpenExercise,
    OrderExercise,
    PHOTO,
    Phase,
    Pictogram,
    Protocol,
    ProtocolStep,
    QuizSlide,
    QuoteSlide,
    ReflectionExercise,
    RichText,
    Role,
    Run,
    SchoolInfo,
    SharedItem,
    SharedList,
    Slide,
    Source,
    SourcedText,
    StatementSlide,
    TrueFalseExercise,
    TrueFalseStatement,
    TwoColumnSlide,
    Typography,
)
from generators.data.facts import Feit
from generators.data.protocol import fill_helplines
from generators.lesson.model_loading import Loaded
from generators.lesson.look_back import look_back_activity
from generators.lesson.placeholders import fill_placeholders, placeholder_values
from generators.lesson.school_help import school_help_of
from generators.data.shared import SharedData
from generators.lesson import source_model as src

PUBLISHER = "lespakket"
PHASE_TITLES = {"introductie": "Introductie", "kern": "Kern", "afsluiting": "Afsluiting"}
SHARED_TITLES = {
    "meldcode": "De meldcode in vijf stappen",
    "gesprekstips": "Als iemand je iets vertelt",
    "aandachtspunten": "Let op",
    "signalen": "Signalen",
}
DEFAULT_TITLES = {"stelling": "Eens of oneens?", "discussie": "Praat mee", "quiz": "Quizvraag", "citaat": "Citaat"}
INSTRUCTIONS = {
    "open": "Schrijf je antwoord op de lijnen.",
    "meerkeuze": "Kruis het goede antwoord aan.",
    "meerkeuze-meer": "Kruis alle goede antwoorden aan.",
    "waar-niet-waar": "Is de zin waar of niet waar? Zet een kruisje.",
    "eens-oneens": "Ben je het eens of oneens? Zet een kruisje en leg uit waarom.",
    "koppelen": "Trek een lijn of schrijf de goede letter achter elk nummer.",
    "invullen": "Vul de woorden in. Kies uit de woorden in het kader.",
    "volgorde": "Zet de stappen in de goede volgorde. Schrijf 1, 2, 3 ... in de hokjes.",
    "casus": "Lees de situatie. Beantwoord daarna de vragen.",
    "reflectie": "Denk even na en schrijf op wat jij vindt. Er is geen goed of fout.",
}
DEFAULT_LINES = {"open": 3, "casus": 3, "reflectie": 5}
CHAT_PHOTO = "Foto: {}"
CHAT_DELETED = "Dit bericht is verwijderd."
NAME_FIELDS = {True: ("Naam", "Klas", "Datum"), False: ("Naam", "Datum")}
"""What a worksheet asks at the top, for a class of pupils or not (doelgroepen.yaml `leerlingen`)."""


def profile_of(group: Doelgroep, data: SharedData) -> AudienceProfile:
    t, lim = group.typografie, group.limieten
    return AudienceProfile(
        id=group.id,
        label=group.label,
        who=group.wie,
        education=group.onderwijs,
        typography=Typography(
            slide_title_pt=t.dia_titel_pt,
            slide_body_pt=t.dia_tekst_pt,
            worksheet_body_pt=t.werkblad_tekst_pt,
            worksheet_line_spacing_mm=t.werkblad_regelafstand_mm,
            guide_body_pt=t.handleiding_tekst_pt,
        ),
        limits=Limits(
            max_bullets_per_slide=lim.max_punten_per_dia,
            max_words_per_bullet=lim.max_woorden_per_punt,
            max_words_per_sentence=lim.max_woorden_per_zin,
            max_long_words_percent=lim.max_lange_woorden_procent,
        ),
        readability_min=group.leesbaarheid.flesch_douma_min,
        readability_level=group.leesbaarheid.niveau,
        help_text=group.hulptekst,
        help_url="https://" + (data.helplines[group.hulp_qr].website or "").removeprefix("https://"),
        school_help=school_help_of(group, data.doelgroepen.model.rollen),
        closing_title=group.slotdia.titel,
        closing_notes=tuple(group.slotdia.notities),
        glossary_title=group.begrippen.titel,
        pupils=group.leerlingen,
        name_fields=NAME_FIELDS[group.leerlingen],
    )


def school_info(school: School | None) -> SchoolInfo | None:
    if school is None:
        return None
    return SchoolInfo(
        name=school.naam,
        place=school.plaats,
        region=school.regio,
        contacts=tuple(Contact(c.naam, c.rol, c.functie, c.bereikbaar) for c in school.contactpersonen),
    )


FACTSHEET_ATTENTION = ("bekenden", "jongens-en-mannen")  # the 68% figure first
FACTSHEET_FOOTER_ROUTE = "chat-met-fier"
FACTSHEET_COERCION = "dwang-minderjarigen"  # the banner's sentence on the law, under the definition


def shared_list(data: SharedData, name: str, only: Sequence[str] | None = None, audience: str | None = None
                ) -> SharedList:
    """A shared list (meldcode, signalen, ...), or the items `only` names, in that order; with `audience`,
    without the items meant for other audiences (signals of teenagers are not for a letter about groep 7-8)."""
    intro, items = data.items(name)
    if only:
        by_id = {item.id: item for item in items}
        items = [by_id[i] for i in only]
    if audience is not None:
        items = [item for item in items if not getattr(item, "doelgroepen", None) or audience in item.doelgroepen]
    return SharedList(intro, tuple(_shared_item(data, i) for i in items))


def _shared_item(data: SharedData, item) -> SharedItem:
    """An item of a shared list; one with a `feit` is explained by that fact's long wording."""
    if item.feit is None:
        return SharedItem(item.titel, item.uitleg)
    fact = fact_of(data.facts[item.feit])
    return SharedItem(item.titel, fact.text, fact)


def fact_of(fact: Feit) -> Fact:
    return Fact(fact.id, fact.lang, fact.bron, fact.vindplaats.plaats, fact.reikwijdte, fact.jaar)


def resolve_factsheet(data: SharedData, school: School | None) -> Factsheet:
    """Why resolved here: the worker that draws the poster then needs neither pydantic nor the data models."""
    routes = sorted(data.hulplijnen.model.hulplijnen, key=lambda h: not h.docent)
    return Factsheet(
        coercion=_staff_fact(data, FACTSHEET_COERCION),
        signals=shared_list(data, "signalen"), meldcode=shared_list(data, "meldcode"),
        attention=shared_list(data, "aandachtspunten", FACTSHEET_ATTENTION),
        help_routes=tuple(_route(r) for r in routes), footer_route=_route(data.helplines[FACTSHEET_FOOTER_ROUTE]),
        school=school_info(school),
    )


def _staff_fact(data: SharedData, fact_id: str) -> SourcedText:
    """A fact in the short wording for the audience of school staff (the one without pupils), with its source."""
    fact = data.facts[fact_id]
    staff = next(a for a in data.doelgroepen.model.doelgroepen if not a.leerlingen)
    return SourcedText(parse_inline(fact.kort.for_audience(staff.id) or fact.lang).runs, fact.bron)


def resolve_lesson(
    loaded: Loaded[src.Les], audience: str, data: SharedData, school: School | None = None
) -> LessonDocument:
    return _Resolver(loaded, audience, data).document(school)


class _Resolver:
    def __init__(self, loaded: Loaded[src.Les], audience: str, data: SharedData):
        self.lesson = loaded.model
        self.source = loaded.source
        self.folder = loaded.source.path.parent
        self.audience = audience
        self.data = data
        self.group = data.audience(audience)
        self.placeholders = placeholder_values(school_help_of(self.group, data.doelgroepen.model.rollen))
        self.activity_number = 0
        self.exercise_number = 0
        self.facts: dict[str, Fact] = {}  # what the document shows, in order of first use
        self.protocol: Protocol | None = None
        # Why per audience: two chats may share an id when they are for different audiences ('alleen')
        self.chats = {dia.id: dia for phase in self.visible(self.lesson.lesverloop)
                      for activity in self.visible(phase.activiteiten) for dia in self.visible(activity.dias)
                      if isinstance(dia, src.ChatDia) and dia.id}

    # -- helpers --------------------------------------------------------------------------

    def shows(self, block: Any) -> bool:
        only = getattr(block, "alleen", None)
        return not only or self.audience in only

    def raw(self, text: src.PerAudience | None) -> str | None:
        value = None if text is None else text.for_audience(self.audience)
        return fill_placeholders(value, self.placeholders) if isinstance(value, str) else value

    def rich(self, text: src.Tekst | None) -> RichText | None:
        value = self.raw(text)
        return None if value is None else parse_inline(value)

    def paragraphs(self, text: src.Tekst | None) -> tuple[RichText, ...]:
        value = self.raw(text)
        return () if value is None else parse_paragraphs(value)

    def items(self, points: Sequence[src.Punt] | None, long: bool = False) -> tuple[RichText, ...]:
        """The visible points; a `feit` in its short wording for this audience, or with `long` the guide's."""
        return tuple(self.point(p, long) for p in points or () if self.shows(p))

    def point(self, point: src.Punt, long: bool = False) -> RichText:
        return self.fact(point.feit, long) if point.feit else parse_inline(self.raw(point.tekst) or "")

    def fact(self, fact_id: str, long: bool = False) -> SourcedText:
        """A fact as this audience reads it, with its source; the document lists every fact used."""
        fact = self.data.facts[fact_id]
        self.facts.setdefault(fact_id, fact_of(fact))
        wording = fact.lang if long else self.raw(fact.kort) or ""
        return SourcedText(parse_inline(wording).runs, fact.bron)

    def explain(self, text: src.Tekst | None, fact_id: str | None) -> RichText | None:
        """An answer's explanation: the author's `uitleg`, then the fact that explains it (with its source)."""
        explanation = self.rich(text)
        if fact_id is None:
            return explanation
        fact = self.fact(fact_id)
        before = explanation.runs + (Run(" "),) if explanation else ()
        return SourcedText(before + fact.runs, fact.source)

    def sextortion(self) -> Protocol:
        """The sextortion steps for this audience; using them puts them in the guide."""
        plan, helplines = self.data.sextortie.model, self.data.helplines

        def text(value: src.PerAudience | str) -> str:
            return fill_helplines(value if isinstance(value, str) else self.raw(value) or "", helplines)

        self.protocol = Protocol(
            text(plan.titel), text(plan.inleiding), parse_inline(text(plan.volgorde)),
            tuple(ProtocolStep(parse_inline(text(step.tekst)), text(step.uitleg)) for step in plan.stappen),
        )
        return self.protocol

    def visible(self, blocks: Sequence[Any] | None) -> list[Any]:
        return [b for b in blocks or () if self.shows(b)]

    def shuffled(self, count: int, salt: str) -> tuple[int, ...]:
        """A fixed, never-identity order for mixing items on the worksheet (same input, same order)."""
        order = list(range(count))
        seed = hashlib.sha256(f"{self.lesson.id}/{self.audience}/{salt}".encode()).hexdigest()
        random.Random(seed).shuffle(order)
        if count > 1 and order == sorted(order):
            order = order[1:] + order[:1]
        return tuple(order)

    # -- document -------------------------------------------------------------------------

    def document(self, school: School | None) -> LessonDocument:
        lesson = self.lesson
        phases = self.with_look_back(tuple(self.phase(i, p) for i, p in enumerate(lesson.lesverloop) if self.shows(p)))
        selected = lesson.hulplijnen or [h.id for h in self.data.hulplijnen.model.hulplijnen]
        helplines = self.data.helplines
        document = LessonDocument(
            lesson_id=lesson.id,
            series=lesson.reeks,
            title=self.rich(lesson.titel),
            summary=self.rich(lesson.samenvatting),
            audience=profile_of(self.group, self.data),
            duration=lesson.doelgroepen[self.audience].duur,
            goals=Goals(
                knowledge=self.items(lesson.leerdoelen.kennis),
                skills=self.items(lesson.leerdoelen.vaardigheden),
                attitude=self.items(lesson.leerdoelen.houding),
            ),
            core_goals=tuple(
                CoreGoal(g.id, g.naam, g.onderwijs, g.omschrijving)
                for g in (self.data.core_goals[k] for k in lesson.kerndoelen)
                if not g.doelgroepen or self.audience in g.doelgroepen
            ),
            materials=self.items(lesson.benodigdheden),
            preparation=self.items(lesson.voorbereiding),
            background=self.items(lesson.achtergrond, long=True),
            phases=phases,
            help_routes=tuple(
                _route(helplines[i]) for i in selected if self.audience in helplines[i].doelgroepen
            ),
            teacher_help_routes=tuple(_route(h) for h in helplines.values() if h.docent),
            parent_help_routes=tuple(_route(h) for h in helplines.values() if h.ouders),
            meldcode=self.shared("meldcode"),
            conversation_tips=self.shared("gesprekstips"),
            attention_points=self.shared("aandachtspunten"),
            signals=self.shared("signalen"),
            core_concepts=self.shared("kernbegrippen"),
            glossary=tuple(GlossaryEntry(b.term, self.rich(b.uitleg)) for b in self.visible(lesson.begrippen)),
            sources=tuple(
                Source(self.rich(b.titel), b.url, self.rich(b.toelichting)) for b in lesson.bronnen
            ),
            publisher=PUBLISHER,
            school=school_info(school),
            source=self.source.display,
            pictograms=self.pictograms(),
        )
        # Why afterwards: every part above may show a fact or the steps, and the guide lists all of them.
        return replace(document, facts=tuple(self.facts.values()), sextortion=self.protocol)

    def pictograms(self) -> tuple[Pictogram, ...]:
        folder = self.data.pictogrammen.source.path.parent
        return tuple(Pictogram(p.naam, folder / p.bestand, p.alt) for p in self.data.pictogrammen.model.pictogrammen)

    def shared(self, name: str, only: Sequence[str] | None = None) -> SharedList:
        listed = shared_list(self.data, name, only, self.audience)
        for item in listed.items:
            if item.fact is not None:
                self.facts.setdefault(item.fact.id, item.fact)
        return listed

    def with_look_back(self, phases: tuple[Phase, ...]) -> tuple[Phase, ...]:
        """The lesson's `terugblik` as the last activity of its last phase."""
        if self.lesson.terugblik is None or not phases:
            return phases
        activity = self.activity(look_back_activity(self.lesson.terugblik), self.source.location(("terugblik",)).line)
        return (*phases[:-1], replace(phases[-1], activities=(*phases[-1].activities, activity)))

    def phase(self, index: int, phase: src.Fase) -> Phase:
        title = self.rich(phase.titel) or parse_inline(PHASE_TITLES[phase.fase])
        return Phase(phase.fase, title, tuple(
            self.activity(a, self.source.location(("lesverloop", index, "activiteiten", j)).line)
            for j, a in enumerate(phase.activiteiten) if self.shows(a)
        ))

    def activity(self, activity: src.Activiteit, line: int) -> Activity:
        self.activity_number += 1
        return Activity(
            number=self.activity_number,
            title=self.rich(activity.titel),
            minutes=activity.minuten.for_audience(self.audience) or 0,
            method=self.rich(activity.werkvorm),
            goal=self.rich(activity.doel),
            optional=activity.optioneel,
            slides=tuple(self.slide(d) for d in self.visible(activity.dias)),
            notes=self.paragraphs(activity.docentnotities),
            exercises=tuple(self.exercise(o) for o in self.visible(activity.opdrachten)),
            line=line,
            support=self.paragraphs(activity.extra_steun),
            challenge=self.paragraphs(activity.extra_uitdaging),
            roles=tuple(Role(self.rich(r.rol), self.paragraphs(r.tekst)) for r in self.visible(activity.rollen)),
        )

    # -- slides ---------------------------------------------------------------------------

    def slide(self, dia: Any) -> Slide:
        slide = self.slide_content(dia)
        choice = getattr(dia, "pictogram", None)
        return replace(slide, pictogram=choice) if choice else slide

    def slide_content(self, dia: Any) -> Slide:
        title = self.rich(getattr(dia, "titel", None)) or parse_inline(DEFAULT_TITLES.get(dia.soort, ""))
        if isinstance(dia, src.InhoudDia):
            return BulletSlide(title, self.items(dia.punten))
        if isinstance(dia, src.AfbeeldingDia):
            image = dia.afbeelding
            return ImageSlide(
                title, resolve_image_path(self.folder, image.pad), self.raw(image.alt) or "", self.rich(image.bijschrift)
            )
        if isinstance(dia, src.CitaatDia):
            return QuoteSlide(title, self.rich(dia.tekst), self.rich(dia.bron))
        if isinstance(dia, src.StellingDia):
            return StatementSlide(title, self.rich(dia.stelling))
        if isinstance(dia, src.CasusDia):
            return CaseSlide(title, self.paragraphs(dia.tekst), self.items(dia.vragen))
        if isinstance(dia, src.DiscussieDia):
            return DiscussionSlide(title, self.rich(dia.vraag), self.items(dia.luisterpunten))
        if isinstance(dia, src.QuizDia):
            options, correct = self.choices(dia.opties, dia.juist)
            return QuizSlide(title, self.rich(dia.vraag), options, correct, self.explain(dia.uitleg, dia.feit))
        if isinstance(dia, src.TweeKolommenDia):
            return TwoColumnSlide(
                title,
                self.rich(dia.links.kop), self.items(dia.links.punten),
                self.rich(dia.rechts.kop), self.items(dia.rechts.punten),
            )
        if isinstance(dia, src.ChatDia):
            return ChatSlide(title, self.chat(dia), self.items(dia.vragen))
        if isinstance(dia, src.FeitDia):
            return FactSlide(title, self.fact(dia.feit))
        if isinstance(dia, src.GegevensDia) and dia.bron == "sextortie":
            steps = self.sextortion()
            return BulletSlide(self.rich(dia.titel) or parse_inline(steps.title), tuple(s.text for s in steps.steps),
                               numbered=True)
        if isinstance(dia, src.GegevensDia):
            shared = self.shared(dia.bron, dia.items)
            title = self.rich(dia.titel) or parse_inline(SHARED_TITLES[dia.bron])
            bullets = tuple(_item_bullet(item) for item in shared.items)
            return BulletSlide(title, bullets, numbered=dia.bron == "meldcode")
        raise TypeError(f"unknown slide kind {type(dia).__name__}")

    def chat(self, dia: src.ChatDia) -> Chat:
        """The conversation as this audience sees it; photos and deleted messages say so in words."""
        sides = {person.naam: person.kant == "rechts" for person in dia.deelnemers}

        def message(bericht: src.Bericht) -> ChatMessage:
            if bericht.verwijderd:
                kind, text = DELETED, parse_inline(CHAT_DELETED)
            elif bericht.foto is not None:
                kind, text = PHOTO, parse_inline(CHAT_PHOTO.format(self.raw(bericht.foto) or ""))
            else:
                kind, text = MESSAGE, self.rich(bericht.tekst)
            return ChatMessage(bericht.van, sides.get(bericht.van, False), text, bericht.tijd, kind)

        parts = [(None, dia.berichten)] if dia.berichten is not None else [
            (self.rich(part.titel), part.berichten) for part in self.visible(dia.delen)]
        return Chat(self.rich(dia.titel), tuple(
            ChatPart(heading, tuple(message(m) for m in self.visible(messages))) for heading, messages in parts
        ))

    def choices(self, options: list[src.Punt], correct: str | list[str]) -> tuple[tuple[RichText, ...], tuple[int, ...]]:
        letters = {c.strip().upper() for c in ([correct] if isinstance(correct, str) else correct)}
        kept = [(i, o) for i, o in enumerate(options) if self.shows(o)]
        texts = tuple(self.point(o) for _, o in kept)
        right = tuple(n for n, (i, _) in enumerate(kept) if chr(ord("A") + i) in letters)
        return texts, right

    # -- exercises ------------------------------------------------------------------------

    def lines(self, requested: int | None, kind: str) -> int:
        base = requested or DEFAULT_LINES[kind]
        return max(1, round(base * self.group.typografie.werkblad_regels_factor))

    def answer(self, block: src.AnswerFields) -> Answer:
        return Answer(self.rich(block.antwoord), self.items(block.aandachtspunten))

    def exercise(self, opdracht: Any) -> Exercise:
        self.exercise_number += 1
        kind = opdracht.soort
        if isinstance(opdracht, src.MeerkeuzeOpdracht) and not isinstance(opdracht.juist, str) and len(opdracht.juist) > 1:
            kind = "meerkeuze-meer"
        head = ExerciseHead(
            self.exercise_number,
            self.rich(opdracht.titel),
            self.rich(opdracht.instructie) or parse_inline(INSTRUCTIONS[kind]),
            opdracht.instructie is not None,
        )
        salt = f"opdracht-{self.exercise_number}"
        if isinstance(opdracht, src.OpenOpdracht):
            return OpenExercise(head, self.rich(opdracht.vraag), self.lines(opdracht.regels, "open"), self.answer(opdracht))
        if isinstance(opdracht, src.ReflectieOpdracht):
            return ReflectionExercise(
                head, self.rich(opdracht.vraag), self.lines(opdracht.regels, "reflectie"), self.answer(opdracht)
            )
        if isinstance(opdracht, src.MeerkeuzeOpdracht):
            options, correct = self.choices(opdracht.opties, opdracht.juist)
            return ChoiceExercise(head, self.rich(opdracht.vraag), options, correct,
                                  self.explain(opdracht.uitleg, opdracht.feit))
        if isinstance(opdracht, src.WaarNietWaarOpdracht):
            return TrueFalseExercise(head, tuple(
                TrueFalseStatement(self.rich(s.stelling), s.antwoord == "waar", self.explain(s.uitleg, s.feit))
                for s in self.visible(opdracht.stellingen)
            ))
        if isinstance(opdracht, src.EensOneensOpdracht):
            return AgreeExercise(head, tuple(
                AgreeStatement(self.rich(s.stelling), self.items(s.aandachtspunten))
                for s in self.visible(opdracht.stellingen)
            ))
        if isinstance(opdracht, src.KoppelOpdracht):
            pairs = tuple((self.rich(p.links), self.rich(p.rechts)) for p in self.visible(opdracht.paren))
            return MatchExercise(head, pairs, self.shuffled(len(pairs), salt))
        if isinstance(opdracht, src.InvulOpdracht):
            return self.fill_in(head, opdracht)
        if isinstance(opdracht, src.VolgordeOpdracht) and opdracht.bron == "sextortie":
            protocol = self.sextortion()
            steps = tuple(s.text for s in protocol.steps)
            return OrderExercise(head, steps, self.shuffled(len(steps), salt), self.rich(opdracht.uitleg) or protocol.order)
        if isinstance(opdracht, src.VolgordeOpdracht):
            steps = self.items(opdracht.stappen)
            return OrderExercise(head, steps, self.shuffled(len(steps), salt), self.rich(opdracht.uitleg))
        if isinstance(opdracht, src.CasusOpdracht):
            chat = self.chat(self.chats[opdracht.chat]) if opdracht.chat else None
            return CaseExercise(head, self.paragraphs(opdracht.casus), tuple(
                CaseQuestion(self.rich(q.vraag), self.lines(q.regels, "casus"), self.answer(q))
                for q in self.visible(opdracht.vragen)
            ), chat, opdracht.op_werkblad)
        raise TypeError(f"unknown exercise kind {type(opdracht).__name__}")

    def fill_in(self, head: ExerciseHead, opdracht: src.InvulOpdracht) -> FillInExercise:
        text = self.raw(opdracht.tekst) or ""
        segments: list[RichText | Gap] = []
        position = 0
        for match in src.GAP.finditer(text):
            if match.start() > position:
                segments.append(_spaced(text[position:match.start()]))
            segments.append(Gap(match.group(1).strip()))
            position = match.end()
        if position < len(text):
            segments.append(_spaced(text[position:]))
        answers = [s.answer for s in segments if isinstance(s, Gap)]
        bank = tuple(sorted(set(answers) | set(opdracht.extra_woorden), key=str.casefold))
        return FillInExercise(head, tuple(segments), bank)


def _spaced(text: str) -> RichText:
    """Inline markup for a piece between gaps, keeping the spaces at its edges."""
    parsed = parse_inline(text)
    if not parsed.runs:
        return RichText((Run(" "),) if text else ())
    runs = list(parsed.runs)
    if text[:1].isspace():
        runs[0] = Run(" " + runs[0].text, runs[0].bold, runs[0].italic)
    if text[-1:].isspace():
        runs[-1] = Run(runs[-1].text + " ", runs[-1].bold, runs[-1].italic)
    return RichText(tuple(runs))


def _item_bullet(item: SharedItem) -> RichText:
    if not item.text:
        return RichText((Run(item.title),))
    runs = (Run(item.title + ": ", bold=True), Run(item.text))
    return SourcedText(runs, item.fact.source) if item.fact else RichText(runs)


def _route(line: Hulplijn) -> HelpRoute:
    return HelpRoute(
        id=line.id,
        name=line.naam,
        for_whom=line.voor_wie,
        description=line.omschrijving,
        phone=line.telefoon,
        website=line.website,
        hours=line.bereikbaarheid,
        anonymous=line.anoniem,
    )
