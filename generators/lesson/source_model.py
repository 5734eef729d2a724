"""The lesson format as authors write it (les.yaml): strict pydantic models with Dutch keys."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, Generic, Literal, TypeVar, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    model_validator,
)
from pydantic_core import PydanticCustomError

DEFAULT_KEY = "standaard"
GAP = re.compile(r"\[([^\[\]]+)\]")
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
T = TypeVar("T")


def _scalar_to_text(value: Any) -> Any:
    """Why: YAML reads `12` or `3.5` as numbers; in a text field the author meant the text."""
    if isinstance(value, bool):
        raise PydanticCustomError("tekst_bool", "ja/nee-waarde in plaats van tekst")
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def _no_yes_or_no(value: Any) -> Any:
    """Why: pydantic would read `minuten: true` as 1 minute."""
    if isinstance(value, bool):
        raise PydanticCustomError("getal_bool", "ja/nee-waarde in plaats van getal")
    return value


def _ids(kind: str) -> Any:
    """Marks a value as an id from shared data; schema_export lists the valid ones (read at export time)."""
    return Field(json_schema_extra={SCHEMA_MARK: kind})


SCHEMA_MARK = "x-lespakket"
Text = Annotated[str, BeforeValidator(_scalar_to_text), _ids("tekst")]
Whole = Annotated[int, BeforeValidator(_no_yes_or_no)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
AudienceId = Annotated[str, Field(min_length=1), _ids("doelgroep")]
FactId = Annotated[str, Field(pattern=SLUG_PATTERN), _ids("feit")]
HelplineId = Annotated[str, _ids("hulplijn")]
CoreGoalId = Annotated[str, _ids("kerndoel")]
PictogramName = Annotated[str, Field(min_length=1), _ids("pictogram")]


class Strict(BaseModel):
    """Why: `extra="forbid"` turns a misspelled key into an error instead of silently dropped text."""

    # Why defer_build: pydantic built a validator for every one of the ~50 models at import; now only the
    # models validated directly (a lesson, each data file, the school file) get one, when first used.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class PerAudience(RootModel[dict[str, T]], Generic[T]):
    """A value that may differ per audience: either one value, or `{standaard: .., 10-12: ..}`."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _single_value(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): v for k, v in value.items()}
        return {DEFAULT_KEY: value}

    def for_audience(self, audience: str) -> T | None:
        return self.root.get(audience, self.root.get(DEFAULT_KEY))


class Tekst(PerAudience[Text]):
    """Text with optional variants per audience; **vet** and _cursief_ are allowed inside."""


class Minutes(PerAudience[Annotated[Whole, Field(ge=0, le=600)]]):
    """Minutes, optionally per audience."""


class Punt(Strict):
    """One list item: a text or a fact from feiten.yaml (`feit: <id>`), optionally limited to some audiences."""

    tekst: Tekst | None = None
    feit: FactId | None = Field(None, description="Een feit uit assets/data/feiten.yaml, met zijn bron, in plaats van tekst.")
    alleen: list[AudienceId] | None = None

    @model_validator(mode="before")
    @classmethod
    def _bare_text(cls, value: Any) -> Any:
        """Why 'alleen' too: a block with only 'alleen' lacks its text; read as variants, it would be a riddle."""
        if isinstance(value, dict) and {"tekst", "feit", "alleen"} & set(value):
            return value
        return {"tekst": value}

    @model_validator(mode="after")
    def _text_or_fact(self) -> "Punt":
        if self.tekst is not None and self.feit is not None:
            raise PydanticCustomError("feit-en-tekst", "Geef een tekst of een 'feit', niet allebei.")
        if self.tekst is None and self.feit is None:
            raise PydanticCustomError(
                "sleutel-ontbreekt", "Hier ontbreekt de verplichte sleutel 'tekst' (of 'feit', voor een feit uit "
                "assets/data/feiten.yaml).")
        return self


class Block(Strict):
    alleen: list[AudienceId] | None = None


FACT_EXPLAINS = "Een feit uit assets/data/feiten.yaml dat het antwoord uitlegt; het komt na 'uitleg', met zijn bron."


# --- slides -------------------------------------------------------------------------------


class PictogramBlock(Block):
    """A slide with room for a pictogram beside its text (not an image slide, not two columns)."""

    pictogram: PictogramName | None = Field(
        None, description="Een pictogram uit assets/pictogrammen in plaats van het gewone bij deze soort dia; "
        "'geen' voor geen pictogram.")


class Afbeelding(Strict):
    pad: str = Field(min_length=1)
    alt: Tekst
    bijschrift: Tekst | None = None


class Kolom(Strict):
    kop: Tekst
    punten: list[Punt] = Field(min_length=1)


class InhoudDia(PictogramBlock):
    soort: Literal["inhoud"]
    titel: Tekst
    punten: list[Punt] = Field(min_length=1)


class AfbeeldingDia(Block):
    soort: Literal["afbeelding"]
    titel: Tekst
    afbeelding: Afbeelding


class CitaatDia(PictogramBlock):
    soort: Literal["citaat"]
    titel: Tekst | None = None
    tekst: Tekst
    bron: Tekst | None = None


class StellingDia(PictogramBlock):
    soort: Literal["stelling"]
    titel: Tekst | None = None
    stelling: Tekst


class CasusDia(PictogramBlock):
    soort: Literal["casus"]
    titel: Tekst
    tekst: Tekst
    vragen: list[Punt] = Field(default_factory=list)


class DiscussieDia(PictogramBlock):
    soort: Literal["discussie"]
    titel: Tekst | None = None
    vraag: Tekst
    luisterpunten: list[Punt] = Field(default_factory=list)


class QuizDia(PictogramBlock):
    soort: Literal["quiz"]
    titel: Tekst | None = None
    vraag: Tekst
    opties: list[Punt] = Field(min_length=2, max_length=6)
    juist: str = Field(min_length=1)
    uitleg: Tekst | None = None
    feit: FactId | None = Field(None, description=FACT_EXPLAINS)


class TweeKolommenDia(Block):
    soort: Literal["twee-kolommen"]
    titel: Tekst
    links: Kolom
    rechts: Kolom


SharedSource = Literal["meldcode", "gesprekstips", "aandachtspunten", "signalen", "sextortie"]


class GegevensDia(PictogramBlock):
    """A slide filled from shared data in assets/data, optionally a selection of its ids."""

    soort: Literal["gegevens"]
    bron: SharedSource
    titel: Tekst | None = None
    items: list[str] | None = None


class FeitDia(PictogramBlock):
    """One fact from assets/data/feiten.yaml, large, with its source under it."""

    soort: Literal["feit"]
    titel: Tekst | None = None
    feit: FactId


# --- chat conversations -------------------------------------------------------------------


class Deelnemer(Strict):
    """Who takes part in a chat: a name and the side of the screen their messages stand on."""

    naam: Text = Field(min_length=1, description="De naam bij de berichten, zoals 'Daan'.")
    kant: Literal["links", "rechts"] = Field(description="Aan welke kant de berichten staan: 'links' of 'rechts'.")


class Bericht(Strict):
    """One message: a text, a photo (described in words) or a deleted message; optionally with its time."""

    van: Text = Field(min_length=1, description="De naam van de deelnemer die het bericht stuurt.")
    tekst: Tekst | None = None
    foto: Tekst | None = Field(None, description="Een foto, in woorden: wat erop staat. De foto zelf staat er niet.")
    verwijderd: bool = Field(False, description="true: een bericht dat de afzender heeft verwijderd.")
    tijd: Text | None = Field(None, min_length=1, max_length=20, description="Wanneer, zoals '16:02' of 'gisteren'.")
    alleen: list[AudienceId] | None = None

    @model_validator(mode="after")
    def _one_content(self) -> "Bericht":
        given = [self.tekst is not None, self.foto is not None, self.verwijderd]
        if sum(given) != 1:
            raise PydanticCustomError(
                "bericht-inhoud", "Geef bij een bericht precies één van de drie: 'tekst', 'foto' of 'verwijderd: true'.")
        return self


class ChatDeel(Strict):
    """A part of a chat: it starts a new slide, under its own heading such as 'Een week later'."""

    titel: Tekst | None = None
    berichten: list[Bericht] = Field(min_length=1)
    alleen: list[AudienceId] | None = None


class ChatDia(Block):
    """A conversation as on a phone: messages left and right, in parts when the story unfolds over slides."""

    soort: Literal["chat"]
    id: Slug | None = Field(None, description="Een naam voor deze chat, zodat een casus op het werkblad ernaar "
                            "verwijst met 'chat: <id>'.")
    titel: Tekst
    deelnemers: list[Deelnemer] = Field(min_length=1)
    berichten: list[Bericht] | None = Field(None, min_length=1)
    delen: list[ChatDeel] | None = Field(None, min_length=1)
    vragen: list[Punt] = Field(default_factory=list)

    @model_validator(mode="after")
    def _messages_or_parts(self) -> "ChatDia":
        if (self.berichten is None) == (self.delen is None):
            raise PydanticCustomError("berichten-of-delen", "Geef precies één van de twee: 'berichten' of 'delen'.")
        return self

    def all_messages(self) -> list[tuple[tuple[Any, ...], "Bericht"]]:
        """Every message with where it stands under the slide: ('berichten', i) or ('delen', j, 'berichten', i)."""
        if self.berichten is not None:
            return [(("berichten", i), m) for i, m in enumerate(self.berichten)]
        return [(("delen", j, "berichten", i), m) for j, part in enumerate(self.delen or ())
                for i, m in enumerate(part.berichten)]


Dia = Annotated[
    Union[
        InhoudDia, AfbeeldingDia, CitaatDia, StellingDia, CasusDia,
        DiscussieDia, QuizDia, TweeKolommenDia, GegevensDia, FeitDia, ChatDia,
    ],
    Field(discriminator="soort"),
]

# --- worksheet exercises ------------------------------------------------------------------


class AnswerFields(Strict):
    antwoord: Tekst | None = None
    aandachtspunten: list[Punt] | None = None


class ExerciseBase(Block):
    titel: Tekst | None = None
    instructie: Tekst | None = None


class OpenOpdracht(ExerciseBase, AnswerFields):
    soort: Literal["open"]
    vraag: Tekst
    regels: Whole | None = Field(default=None, ge=1, le=30)


class MeerkeuzeOpdracht(ExerciseBase):
    soort: Literal["meerkeuze"]
    vraag: Tekst
    opties: list[Punt] = Field(min_length=2, max_length=8)
    juist: str | list[str]
    uitleg: Tekst | None = None
    feit: FactId | None = Field(None, description=FACT_EXPLAINS)


class WaarStelling(Strict):
    stelling: Tekst
    antwoord: Literal["waar", "niet waar"]
    uitleg: Tekst | None = None
    feit: FactId | None = Field(None, description=FACT_EXPLAINS)
    alleen: list[AudienceId] | None = None


class WaarNietWaarOpdracht(ExerciseBase):
    soort: Literal["waar-niet-waar"]
    stellingen: list[WaarStelling] = Field(min_length=1)


class EensStelling(Strict):
    stelling: Tekst
    aandachtspunten: list[Punt] = Field(min_length=1)
    alleen: list[AudienceId] | None = None


class EensOneensOpdracht(ExerciseBase):
    soort: Literal["eens-oneens"]
    stellingen: list[EensStelling] = Field(min_length=1)


class Paar(Strict):
    links: Tekst
    rechts: Tekst
    alleen: list[AudienceId] | None = None


class KoppelOpdracht(ExerciseBase):
    soort: Literal["koppelen"]
    paren: list[Paar] = Field(min_length=2)


class InvulOpdracht(ExerciseBase):
    """`tekst` marks each gap as [woord]; the word bank is the gaps plus `extra_woorden`."""

    soort: Literal["invullen"]
    tekst: Tekst
    extra_woorden: list[Text] = Field(default_factory=list)


class VolgordeOpdracht(ExerciseBase):
    """`stappen` are written in the right order, or come from shared data (`bron`); the worksheet mixes them up."""

    soort: Literal["volgorde"]
    stappen: list[Punt] | None = Field(None, min_length=2)
    bron: Literal["sextortie"] | None = Field(
        None, description="De stappen en hun volgorde uit assets/data/sextortie.yaml, in plaats van 'stappen'.")
    uitleg: Tekst | None = None

    @model_validator(mode="after")
    def _steps_or_source(self) -> "VolgordeOpdracht":
        if (self.stappen is None) == (self.bron is None):
            raise PydanticCustomError(
                "stappen-of-bron", "Geef precies één van de twee: 'stappen' of 'bron: sextortie'.")
        return self


class CasusVraag(AnswerFields):
    vraag: Tekst
    regels: Whole | None = Field(default=None, ge=1, le=30)
    alleen: list[AudienceId] | None = None


class CasusOpdracht(ExerciseBase):
    soort: Literal["casus"]
    casus: Tekst | None = None
    chat: Slug | None = Field(None, description="De id van een chat-dia in deze les: het gesprek komt boven de vragen.")
    op_werkblad: bool = Field(True, description="false: het verhaal en de chat staan niet op het werkblad voor "
                              "leerlingen (wel in de antwoordenversie en de handleiding).")
    vragen: list[CasusVraag] = Field(min_length=1)

    @model_validator(mode="after")
    def _case_or_chat(self) -> "CasusOpdracht":
        if self.casus is None and self.chat is None:
            raise PydanticCustomError("casus-of-chat", "Geef het verhaal in 'casus', of een gesprek met 'chat: <id>' "
                                      "(of allebei).")
        return self


class ReflectieOpdracht(ExerciseBase, AnswerFields):
    soort: Literal["reflectie"]
    vraag: Tekst
    regels: Whole | None = Field(default=None, ge=1, le=30)


Opdracht = Annotated[
    Union[
        OpenOpdracht, MeerkeuzeOpdracht, WaarNietWaarOpdracht, EensOneensOpdracht,
        KoppelOpdracht, InvulOpdracht, VolgordeOpdracht, CasusOpdracht, ReflectieOpdracht,
    ],
    Field(discriminator="soort"),
]

# --- lesson -------------------------------------------------------------------------------


class Rol(Strict):
    """One role of a role play: who the player is and what only they know; it becomes a card of rolkaarten.pdf."""

    rol: Tekst  # Why no descriptions here: the editor's Dutch texts are in schema_texts.KEYS
    tekst: Tekst
    alleen: list[AudienceId] | None = None


class Activiteit(Block):
    titel: Tekst
    minuten: Minutes
    werkvorm: Tekst
    doel: Tekst | None = None
    optioneel: bool = False
    dias: list[Dia] = Field(default_factory=list)
    docentnotities: Tekst | None = None
    opdrachten: list[Opdracht] = Field(default_factory=list)
    extra_steun: Tekst | None = Field(None, description="Een makkelijkere route voor wie meer hulp nodig heeft.")
    extra_uitdaging: Tekst | None = Field(None, description="Een moeilijkere route voor wie sneller klaar is.")
    rollen: list[Rol] = Field(default_factory=list)


class Fase(Block):
    fase: Literal["introductie", "kern", "afsluiting"]
    titel: Tekst | None = None
    activiteiten: list[Activiteit] = Field(min_length=1)


class DoelgroepInstelling(Strict):
    duur: Whole = Field(ge=5, le=600)


class Leerdoelen(Strict):
    kennis: list[Punt] = Field(default_factory=list)
    vaardigheden: list[Punt] = Field(default_factory=list)
    houding: list[Punt] = Field(default_factory=list)


class Bron(Strict):
    titel: Tekst
    url: str | None = None
    toelichting: Tekst | None = None


class Begrip(Strict):
    """A word pupils may not know, explained in plain words: on a slide, on the worksheet and in the guide."""

    term: Text = Field(min_length=1, description="Het woord, zoals 'uitbuiter'.")
    uitleg: Tekst = Field(description="Korte uitleg in gewone woorden; mag per doelgroep anders zijn.")
    alleen: list[AudienceId] | None = None


class TerugblikVraag(AnswerFields):
    vraag: Tekst
    regels: Whole | None = Field(default=None, ge=1, le=30)
    alleen: list[AudienceId] | None = None


class Terugblik(Strict):
    """The lesson's closing check of its learning goals: the questions come on a slide and the worksheet, the
    answers in the answer key (look_back.py makes them the last activity of the lesson)."""

    minuten: Minutes
    vragen: list[TerugblikVraag] = Field(min_length=2, max_length=5)


class Les(Strict):
    """One lesson: lessons/<reeks>/<id>/les.yaml."""

    id: Slug
    titel: Tekst
    reeks: Slug
    samenvatting: Tekst
    doelgroepen: dict[str, DoelgroepInstelling] = Field(min_length=1)
    leerdoelen: Leerdoelen
    kerndoelen: list[CoreGoalId] = Field(default_factory=list)
    benodigdheden: list[Punt] = Field(default_factory=list)
    voorbereiding: list[Punt] = Field(default_factory=list)
    achtergrond: list[Punt] = Field(default_factory=list)
    lesverloop: list[Fase] = Field(min_length=1)
    terugblik: Terugblik | None = None
    hulplijnen: list[HelplineId] | None = None
    bronnen: list[Bron] = Field(default_factory=list)
    begrippen: list[Begrip] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _audience_keys_as_text(cls, value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("doelgroepen"), dict):
            value = dict(value)
            value["doelgroepen"] = {str(k): v for k, v in value["doelgroepen"].items()}
        return value
