"""A lesson's `terugblik` (questions on its learning goals) as the last activity of its closing phase."""

from __future__ import annotations

from generators.lesson import source_model as src

TITLE = "Terugblik: wat weet je nu?"
METHOD = "vragen over de leerdoelen, alleen of in tweetallen"
GOAL = "Nagaan of de leerdoelen van deze les zijn gehaald."
NOTES = (
    "Laat leerlingen de vragen van de terugblik op het werkblad beantwoorden, alleen of in tweetallen. "
    "Bespreek ze daarna kort; de antwoorden staan in het antwoordenblad. Merk je dat een leerdoel niet is "
    "gehaald? Kom er in een volgende les op terug."
)
INSTRUCTION = "Beantwoord de vragen. Zo zie je wat je hebt geleerd."
DEFAULT_LINES = 2


def look_back_activity(look_back: src.Terugblik) -> src.Activiteit:
    """Why an activity of the source format: slides, worksheet, answer key and guide then show it as they show
    every activity, and no renderer needs to know about it."""
    questions = [src.Punt(tekst=q.vraag, alleen=q.alleen) for q in look_back.vragen]
    exercises = [
        src.OpenOpdracht(soort="open", titel=src.Tekst("Terugblik"),
                         instructie=src.Tekst(INSTRUCTION) if n == 0 else None, vraag=q.vraag,
                         regels=q.regels or DEFAULT_LINES, antwoord=q.antwoord, aandachtspunten=q.aandachtspunten,
                         alleen=q.alleen)
        for n, q in enumerate(look_back.vragen)
    ]
    return src.Activiteit(
        titel=src.Tekst(TITLE), minuten=look_back.minuten, werkvorm=src.Tekst(METHOD), doel=src.Tekst(GOAL),
        dias=[src.InhoudDia(soort="inhoud", titel=src.Tekst("Wat weet je nu?"), punten=questions)],
        docentnotities=src.Tekst(NOTES), opdrachten=exercises,
    )
