"""Cross-checks on validated lessons: references, variants per audience, minutes, images, answers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generators.diagnostics import Diagnostics, did_you_mean
from generators.lesson.image_assets import check_image
from generators.lesson.model_loading import Loaded
from generators.lesson.placeholders import KNOWN as KNOWN_PLACEHOLDERS, unknown_placeholders
from generators.lesson.text_location import TextLocator
from generators.lesson.own_facts import OwnFactsCheck
from generators.lesson.chat_checks import ChatChecks
from generators.lesson.look_back import TITLE as LOOK_BACK_TITLE
from generators.lesson.quote_advice import colon_advice
from generators.lesson.schema_errors import ALT_PURPOSE
from generators.lesson.text_conventions import announcing_message, announcing_opening, bullet_message, leading_bullet
from generators.data.pictograms import NO_PICTOGRAM
from generators.data.shared import SharedData
from generators.lesson.source_model import (
    DEFAULT_KEY,
    GAP,
    Afbeelding,
    CasusVraag,
    GegevensDia,
    InvulOpdracht,
    Les,
    MeerkeuzeOpdracht,
    Minutes,
    OpenOpdracht,
    PerAudience,
    QuizDia,
    ReflectieOpdracht,
)

PHASE_ORDER = {"introductie": 0, "kern": 1, "afsluiting": 2}
# Names Windows keeps for devices, with or without an extension: a folder or file named so cannot be made there.
# Why no check for an extension ('con.x') or for ids that differ only in case: an id (a slug) has
# neither dots nor capitals, so both are refused as id-ongeldig already.
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(10))})
Loc = tuple[Any, ...]


@dataclass(frozen=True)
class Visit:
    loc: Loc
    value: Any
    active: frozenset[str]


def walk(value: Any, loc: Loc, active: frozenset[str]) -> Iterator[Visit]:
    """Every model, per-audience value and plain text in a lesson, with the audiences it applies to."""
    if isinstance(value, PerAudience):
        yield Visit(loc, value, active)
        return
    if isinstance(value, BaseModel):
        yield Visit(loc, value, active)
        only = getattr(value, "alleen", None)
        if only:
            active = active & frozenset(only)
        for name in type(value).model_fields:
            yield from walk(getattr(value, name), loc + (name,), active)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from walk(item, loc + (i,), active)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, loc + (key,), active)
    elif isinstance(value, str):
        yield Visit(loc, value, active)


def check_lesson(loaded: Loaded[Les], data: SharedData, diagnostics: Diagnostics, first_file: dict[str, str]) -> None:
    """Check one lesson; `first_file` (lesson id -> the file first read with it) finds ids used twice.

    Why only names: a build checks lessons one at a time and must not keep the ones it is done with."""
    lesson, source = loaded.model, loaded.source
    other = first_file.setdefault(lesson.id, source.display)
    if other != source.display:
        diagnostics.error(
            "les-dubbel-id",
            f"De les-id '{lesson.id}' wordt al gebruikt in {other}. Elke les heeft een eigen id.",
            source.location(("id",)),
        )
    LessonChecker(loaded, data, diagnostics).run()


class LessonChecker:
    def __init__(self, loaded: Loaded[Les], data: SharedData, diagnostics: Diagnostics):
        self.lesson = loaded.model
        self.source = loaded.source
        self.data = data
        self.diagnostics = diagnostics
        self.audiences = [a for a in self.lesson.doelgroepen if a in data.audience_ids]
        self.locator = TextLocator(loaded.source)
        self.own_facts = OwnFactsCheck(loaded.source, data.known_names, diagnostics)
        self.chats = ChatChecks(self.error)

    def error(self, code: str, message: str, loc: Loc) -> None:
        self.diagnostics.error(code, message, self.source.location(loc))

    def warning(self, code: str, message: str, loc: Loc) -> None:
        self.diagnostics.warning(code, message, self.source.location(loc))

    def run(self) -> None:
        self.check_folder()
        self.check_audiences()
        for visit in walk(self.lesson, (), frozenset(self.audiences)):
            self.check_visit(visit)
        self.chats.finish()
        self.check_minutes()
        self.check_phase_order()
        self.check_references()

    def check_folder(self) -> None:
        folder = self.source.path.parent
        for field, what, example in (("id", "De les-id", "les"), ("reeks", "De reeks", "reeks")):
            name = getattr(self.lesson, field)
            if name.lower() in WINDOWS_RESERVED:
                self.error(
                    "naam-windows",
                    f"{what} '{name}' kan niet: Windows gebruikt die naam zelf (net als con, prn, aux, nul, com0-com9 "
                    "en lpt0-lpt9), dus een map of pakket met die naam kan daar niet worden uitgepakt. "
                    f"Kies een andere naam, bijvoorbeeld '{name}-{example}', en geef de map dezelfde naam.",
                    (field,),
                )
        if folder.name != self.lesson.id:
            self.error(
                "les-map",
                f"De les-id '{self.lesson.id}' moet gelijk zijn aan de naam van de map '{folder.name}'.",
                ("id",),
            )
        if folder.parent.name != self.lesson.reeks:
            self.error(
                "les-map",
                f"De reeks '{self.lesson.reeks}' moet gelijk zijn aan de naam van de map '{folder.parent.name}'.",
                ("reeks",),
            )

    def check_audiences(self) -> None:
        known = self.data.audience_ids
        for audience in self.lesson.doelgroepen:
            if audience not in known:
                self.diagnostics.error(
                    "doelgroep-onbekend",
                    f"Onbekende doelgroep '{audience}'.{did_you_mean(audience, known)} Kies uit: {', '.join(known)}.",
                    self.source.key_location(("doelgroepen", audience)),
                )

    def check_visit(self, visit: Visit) -> None:
        value, loc = visit.value, visit.loc
        if isinstance(value, PerAudience):
            self.check_variants(value, loc, visit.active)
        elif isinstance(value, str):
            self.check_text(value, loc)
        elif isinstance(value, BaseModel):
            only = getattr(value, "alleen", None)
            if only:
                self.check_only(only, loc + ("alleen",))
            self.check_block(value, loc, visit.active)

    def check_variants(self, value: PerAudience, loc: Loc, active: frozenset[str]) -> None:
        if len(value.root) == 1 and next(iter(value.root)) not in [*self.data.audience_ids, DEFAULT_KEY]:
            key = next(iter(value.root))
            self.diagnostics.error("tekst-dubbele-punt", colon_advice(key), self.source.key_location(loc + (key,)))
            return
        for key, text in value.root.items():
            if key != DEFAULT_KEY and key not in self.data.audience_ids:
                self.diagnostics.error(
                    "doelgroep-onbekend",
                    f"Onbekende doelgroep '{key}' als variant.{did_you_mean(key, [*self.data.audience_ids, DEFAULT_KEY])}",
                    self.source.key_location(loc + (key,)),
                )
            elif key != DEFAULT_KEY and key not in self.audiences:
                self.warning(
                    "variant-ongebruikt",
                    f"Variant voor doelgroep '{key}', maar de les is niet voor die doelgroep.",
                    loc + (key,),
                )
            if isinstance(text, str):
                self.check_text(text, loc + (key,))
        missing = [a for a in sorted(active) if value.for_audience(a) is None]
        if missing and isinstance(value, Minutes):
            self.error(
                "variant-ontbreekt",
                f"Geen minuten voor doelgroep {', '.join(missing)}. Voeg toe: '{missing[0]}: <minuten>', of een "
                f"'{DEFAULT_KEY}' voor de doelgroepen zonder eigen aantal.",
                loc,
            )
        elif missing:
            self.error(
                "variant-ontbreekt",
                f"Geen tekst voor doelgroep {', '.join(missing)}. Voeg die variant toe of een '{DEFAULT_KEY}'.",
                loc,
            )

    def check_text(self, text: str, loc: Loc) -> None:
        """Why only emptiness: characters that may not be in a text are found while reading (text_characters)."""
        if not text.strip():
            self.error("tekst-leeg", "Deze tekst is leeg." + (f" {ALT_PURPOSE}" if "alt" in loc else ""), loc)
        bullet = leading_bullet(text)
        if bullet:
            self.warning("tekst-opsommingsteken", bullet_message(bullet), loc)
        for start, name in unknown_placeholders(text):
            known = [f"{{{k}}}" for k in KNOWN_PLACEHOLDERS]
            self.diagnostics.error(
                "plaatshouder-onbekend",
                f"'{{{name}}}' is geen plaatshouder die lespakket kent, dus leerlingen zouden hem letterlijk zien."
                f"{did_you_mean(f'{{{name}}}', known)} Kies uit: {', '.join(known)}; of laat de accolades weg.",
                self.locator.locate(loc, text[start:]),
            )
        self.own_facts.check(text, loc)

    def check_only(self, only: list[str], loc: Loc) -> None:
        for i, audience in enumerate(only):
            if audience not in self.data.audience_ids:
                self.error(
                    "doelgroep-onbekend",
                    f"Onbekende doelgroep '{audience}'.{did_you_mean(audience, self.data.audience_ids)}",
                    loc + (i,),
                )
            elif audience not in self.audiences:
                self.warning(
                    "alleen-ongebruikt",
                    f"'alleen' noemt doelgroep '{audience}', maar de les is niet voor die doelgroep.",
                    loc + (i,),
                )

    def check_fact(self, block: BaseModel, loc: Loc) -> None:
        fact = getattr(block, "feit", None)
        facts = self.data.facts
        if isinstance(fact, str) and fact not in facts:
            self.error(
                "feit-onbekend",
                f"Onbekend feit '{fact}'.{did_you_mean(fact, facts)} Kies uit assets/data/feiten.yaml: {', '.join(facts)}.",
                loc + ("feit",),
            )

    def check_pictogram(self, block: BaseModel, loc: Loc) -> None:
        name = getattr(block, "pictogram", None)
        known = list(self.data.pictograms)
        if isinstance(name, str) and name != NO_PICTOGRAM and name not in known:
            self.error(
                "pictogram-onbekend",
                f"Onbekend pictogram '{name}'.{did_you_mean(name, [*known, NO_PICTOGRAM])} Kies uit "
                f"assets/pictogrammen: {', '.join(known)}; of '{NO_PICTOGRAM}' voor een dia zonder pictogram.",
                loc + ("pictogram",),
            )

    def check_block(self, block: BaseModel, loc: Loc, active: frozenset[str]) -> None:
        self.check_fact(block, loc)
        self.check_pictogram(block, loc)
        self.chats.visit(block, loc, active)
        if isinstance(block, (QuizDia, MeerkeuzeOpdracht)):
            self.check_choice(block, loc, active)
        elif isinstance(block, (OpenOpdracht, ReflectieOpdracht, CasusVraag)):
            if block.antwoord is None and not block.aandachtspunten:
                self.error(
                    "antwoord-ontbreekt",
                    "Geef een 'antwoord' of 'aandachtspunten' voor de antwoordenversie.",
                    loc,
                )
        elif isinstance(block, InvulOpdracht):
            for audience in sorted(active):
                text = block.tekst.for_audience(audience) or ""
                if not GAP.search(text):
                    self.error(
                        "invullen-geen-gaten",
                        "Zet elk woord dat leerlingen moeten invullen tussen [ ], zoals: 'Uitbuiting is [strafbaar].'",
                        loc + ("tekst",),
                    )
                    break
        elif isinstance(block, Afbeelding) and active:
            for code, message in check_image(self.source.path.parent, block.pad):
                self.error(code, message, loc + ("pad",))
            for key, alt in block.alt.root.items():
                opening = announcing_opening(alt or "")
                if opening:
                    where = ("alt",) if len(block.alt.root) == 1 else ("alt", key)
                    self.warning("alt-aankondiging", announcing_message(opening), loc + where)
        elif isinstance(block, GegevensDia) and block.items and block.bron == "sextortie":
            self.error(
                "stappenplan-heel",
                "Het stappenplan bij chantage met beelden toon je altijd helemaal en in dezelfde volgorde, zodat "
                "geen twee pagina's iets anders zeggen. Haal 'items' weg.",
                loc + ("items",),
            )
        elif isinstance(block, GegevensDia) and block.items:
            _, items = self.data.items(block.bron)
            ids = [item.id for item in items]
            for i, item_id in enumerate(block.items):
                if item_id not in ids:
                    self.error(
                        "gegevens-onbekend",
                        f"'{item_id}' staat niet in {block.bron}.{did_you_mean(item_id, ids)} Kies uit: {', '.join(ids)}.",
                        loc + ("items", i),
                    )

    def check_choice(self, block: QuizDia | MeerkeuzeOpdracht, loc: Loc, active: frozenset[str]) -> None:
        letters = [block.juist] if isinstance(block.juist, str) else list(block.juist)
        valid = [chr(ord("A") + i) for i in range(len(block.opties))]
        for letter in letters:
            if letter.strip().upper() not in valid:
                self.error(
                    "meerkeuze-antwoord",
                    f"'juist: {letter}' past niet bij de opties; kies uit {', '.join(valid)}.",
                    loc + ("juist",),
                )
                return
        for letter in letters:
            option = block.opties[ord(letter.strip().upper()) - ord("A")]
            if option.alleen and not active <= set(option.alleen):
                self.error(
                    "meerkeuze-antwoord",
                    f"Het juiste antwoord {letter} is niet voor elke doelgroep zichtbaar ('alleen').",
                    loc + ("juist",),
                )

    def check_minutes(self) -> None:
        for audience in self.audiences:
            parts = []
            for i, phase in enumerate(self.lesson.lesverloop):
                if phase.alleen and audience not in phase.alleen:
                    continue
                for j, activity in enumerate(phase.activiteiten):
                    if not activity.alleen or audience in activity.alleen:
                        parts.append((activity.titel.for_audience(audience) or "",
                                      ("lesverloop", i, "activiteiten", j, "minuten"),
                                      activity.minuten.for_audience(audience)))
            if self.lesson.terugblik is not None:
                parts.append((LOOK_BACK_TITLE, ("terugblik", "minuten"), self.lesson.terugblik.minuten.for_audience(audience)))
            if any(minutes is None for _, _, minutes in parts):
                continue  # Why: variant-ontbreekt names the activity without minutes; a sum without it misleads
            total = sum(minutes for _, _, minutes in parts)
            duration = self.lesson.doelgroepen[audience].duur
            if total != duration:
                difference = f"{abs(total - duration)} {'minuut' if abs(total - duration) == 1 else 'minuten'} te " \
                             f"{'veel' if total > duration else 'weinig'}"
                listed = ", ".join(self._minutes_of(title, where, minutes) for title, where, minutes in parts)
                self.error(
                    "minuten-som",
                    f"De activiteiten voor doelgroep {audience} duren samen {total} minuten, "
                    f"maar de les duurt {duration} minuten ({difference}). "
                    + (f"Per activiteit: {listed}." if listed else "Geen enkele activiteit is voor deze doelgroep; "
                       "kijk naar 'alleen' bij de fasen en activiteiten."),
                    ("doelgroepen", audience, "duur"),
                )

    def _minutes_of(self, title: str, where: Loc, minutes: int) -> str:
        title = title if len(title) <= 30 else title[:29].rstrip() + "…"
        return f"'{title}' {minutes} (regel {self.source.location(where).line})"

    def check_phase_order(self) -> None:
        last = -1
        for i, phase in enumerate(self.lesson.lesverloop):
            order = PHASE_ORDER[phase.fase]
            if order < last:
                self.warning(
                    "fase-volgorde",
                    f"De fase '{phase.fase}' staat na een latere fase. Gebruikelijk is: introductie, kern, afsluiting.",
                    ("lesverloop", i, "fase"),
                )
            last = max(last, order)

    def check_references(self) -> None:
        helplines = self.data.helplines
        for i, line_id in enumerate(self.lesson.hulplijnen or []):
            if line_id not in helplines:
                self.error(
                    "hulplijn-onbekend",
                    f"Onbekende hulplijn '{line_id}'.{did_you_mean(line_id, helplines)} Kies uit: {', '.join(helplines)}.",
                    ("hulplijnen", i),
                )
            elif not set(helplines[line_id].doelgroepen) & set(self.audiences):
                self.warning("hulplijn-niet-getoond", _not_shown("De hulplijn", "hij", line_id, "hulplijnen.yaml",
                             helplines[line_id].doelgroepen, self.audiences), ("hulplijnen", i))
        goals = self.data.core_goals
        for i, goal in enumerate(self.lesson.kerndoelen):
            if goal not in goals:
                self.error(
                    "kerndoel-onbekend",
                    f"Onbekend kerndoel '{goal}'.{did_you_mean(goal, goals)} Kies uit: {', '.join(goals)}.",
                    ("kerndoelen", i),
                )
            elif goals[goal].doelgroepen and not set(goals[goal].doelgroepen) & set(self.audiences):
                self.warning("kerndoel-niet-getoond", _not_shown("Het kerndoel", "het", goal, "kerndoelen.yaml",
                             goals[goal].doelgroepen, self.audiences), ("kerndoelen", i))


def _not_shown(what: str, pronoun: str, item: str, data_file: str, its_audiences: list[str],
               lesson_audiences: list[str]) -> str:
    """Why a warning: the documents leave out what does not fit an audience, so this choice would vanish without a word.

    Why only when no audience shows it: that a lesson for 10-12 and 12-15 names a kerndoel of each school type is
    meant, and the data decides who sees it; a warning there could not be answered by changing the lesson."""
    whom = "hem" if pronoun == "hij" else pronoun
    return (f"{what} '{item}' staat in geen enkele versie van deze les: volgens assets/data/{data_file} is {pronoun} "
            f"alleen voor {', '.join(its_audiences)}, en deze les is voor {', '.join(lesson_audiences)}. Haal "
            f"'{item}' weg, of vraag om {whom} in de gedeelde gegevens ook voor jouw doelgroep op te nemen (zie "
            "docs/auteurs.md).")
