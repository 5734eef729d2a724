"""Lesson documents built directly from the dataclasses: every exercise kind, with any author text in it."""

from __future__ import annotations

from generators.lesson.inline_markup import parse_inline
from generators.lesson.document import (
    Activity, AgreeExercise, AgreeStatement, Answer, AudienceProfile, CaseExercise, CaseQuestion, ChoiceExercise,
    ExerciseHead, FillInExercise, Gap, Goals, HelpRoute, LessonDocument, Limits, MatchExercise, OpenExercise,
    OrderExercise, Phase, ReflectionExercise, RichText, Run, SchoolHelp, SharedList, TrueFalseExercise,
    TrueFalseStatement, Typography,
)


def plain(text: str) -> RichText:
    """Author text as one run, unparsed, so markup characters stay exactly as given."""
    return RichText((Run(text),))


def audience(body_pt: float = 14, spacing_mm: float = 12) -> AudienceProfile:
    return AudienceProfile(
        id="10-12", label="10-12 jaar", who="leerlingen van groep 7 en 8", education="basisschool (po)",
        typography=Typography(44, 32, body_pt, spacing_mm, 11),
        limits=Limits(4, 10, 12, 10), readability_min=70, readability_level="makkelijk",
        help_text="Zit je ergens mee? Praat met iemand die je vertrouwt. Of chat anoniem met Chat met Fier.",
        help_url="https://www.chatmetfier.nl",
        school_help=SchoolHelp(
            lead="Op school kun je terecht bij", for_pupils="je juf of meester of de vertrouwenspersoon",
            also="een volwassene die je vertrouwt", for_parents="de juf of meester van uw kind of de vertrouwenspersoon",
            for_teacher="de juf of meester en de vertrouwenspersoon", colleagues="de vertrouwenspersoon",
            roles=("juf of meester", "vertrouwenspersoon"),
        ),
        closing_title="Waar kun je terecht?", closing_notes=("Noem de vertrouwenspersoon bij naam.",),
        glossary_title="Moeilijke woorden",
    )


def head(number: int, title: str | None = None) -> ExerciseHead:
    return ExerciseHead(number, plain(title) if title else None, plain("Doe wat er staat."))


def all_kinds_document(
    question: str = "Wat zou jij doen?",
    answer: str = "Praten met iemand die je vertrouwt.",
    option: str = "Een cadeau",
    case: str = "Sem is 14. Een oudere jongen geeft hem sneakers.",
    word: str = "Keerpunt",
    title: str = "Alle soorten opdrachten",
    body_pt: float = 14,
) -> LessonDocument:
    """One lesson with each of the nine exercise kinds; the arguments put author text in several places."""
    exercises = (
        OpenExercise(head(1, "Open"), plain(question), 3, Answer(plain(answer), (plain("Geen schuld geven."),))),
        ChoiceExercise(head(2), plain("Wat is moeilijk te herkennen?"),
                       (plain("Slaan"), plain(option), plain("Schreeuwen")), (1,), plain("Uitleg bij meerkeuze.")),
        TrueFalseExercise(head(3), (
            TrueFalseStatement(plain("Jongens kunnen ook slachtoffer zijn."), True, plain("Uitleg waar.")),
            TrueFalseStatement(plain("Smokkel is hetzelfde als mensenhandel."), False, None),
        )),
        AgreeExercise(head(4, "Stellingen"), (AgreeStatement(plain("Ja zeggen is een keuze."), (plain("Bespreekpunt een."),)),)),
        MatchExercise(head(5, "Koppelen"), (
            (plain("Uitbuiting"), plain("Iemand dwingt een ander.")),
            (plain("Dwang"), plain("Druk zetten met dreiging.")),
            (plain("Schuld"), plain("Geld dat je terug moet geven.")),
        ), (2, 0, 1)),
        FillInExercise(head(6), (plain("Chat anoniem met "), Gap(word), plain(" of bel "), Gap("112"), plain(".")),
                       tuple(sorted((word, "112", "Helpwanted")))),
        OrderExercise(head(7, "Volgorde"), (plain("Eerst een cadeau."), plain("Dan een klusje."), plain("Dan een schuld.")),
                      (2, 0, 1), plain("Uitleg bij volgorde.")),
        CaseExercise(head(8, "Casus"), (plain(case),), (
            CaseQuestion(plain("Wanneer gaat het mis?"), 3, Answer(None, (plain("Al bij het cadeau."),))),
            CaseQuestion(plain("Wat kan Sem doen?"), 2, Answer(plain("Praten met zijn mentor."), ())),
        )),
        ReflectionExercise(head(9), plain("Met wie zou jij praten?"), 4, Answer(None, (plain("Er is geen fout antwoord."),))),
    )
    activity = Activity(1, plain("Activiteit"), 20, plain("werkvorm"), None, False, (), (), exercises)
    routes = (
        HelpRoute("chat-met-fier", "Chat met Fier", "jongeren", "Anoniem chatten.", None, "www.chatmetfier.nl", None, True),
        HelpRoute("spoed-112", "Alarmnummer 112", "iedereen", "Bij spoed.", "112", None, None, False),
    )
    empty = SharedList(None, ())
    return LessonDocument(
        lesson_id="alle-soorten", series="test", title=plain(title), summary=parse_inline("Samenvatting."),
        audience=audience(body_pt), duration=20, goals=Goals((), (), ()), core_goals=(), materials=(),
        preparation=(), background=(), phases=(Phase("kern", plain("Kern"), (activity,)),), help_routes=routes,
        teacher_help_routes=(), meldcode=empty, conversation_tips=empty, attention_points=empty, signals=empty,
        sources=(), publisher="lespakket",
    )
