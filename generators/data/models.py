"""Models of the shared data in assets/data and of a school file (--school)."""

from __future__ import annotations

import math
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from generators.data.school_limits import (
    MAX_CONTACTS, MAX_SCHOOL_TEXT, MAX_TEXT, POSTER_COLUMNS, POSTER_LINES, poster_lines, role_text,
)
from generators.lesson.source_model import Slug, Strict, Text


class Typografie(Strict):
    """Sizes in points and millimetres; renderers read these, never the audience id."""

    dia_titel_pt: int = Field(ge=24, le=72)
    dia_tekst_pt: int = Field(ge=20, le=48)
    werkblad_tekst_pt: float = Field(ge=9, le=18)
    werkblad_regelafstand_mm: float = Field(ge=6, le=16)
    werkblad_regels_factor: float = Field(ge=0.5, le=3)
    handleiding_tekst_pt: float = Field(ge=9, le=14)


class Limieten(Strict):
    max_punten_per_dia: int = Field(ge=2, le=10)
    max_woorden_per_punt: int = Field(ge=4, le=40)
    max_woorden_per_zin: int = Field(ge=6, le=40)
    max_lange_woorden_procent: int = Field(ge=0, le=100)


class Leesbaarheid(Strict):
    flesch_douma_min: int = Field(ge=0, le=120)
    niveau: Text


class HulpOpSchool(Strict):
    """Who helps at school, as pupil text and generated help boxes name them."""

    rollen: list[Slug] = Field(min_length=1, description="Id's uit 'rollen', in de volgorde waarin de tekst ze noemt.")
    kop: Text = Field(description="Kop boven de rollen, zoals 'Op school kun je terecht bij'.")
    ook: Text | None = Field(None, description="Wie er daarnaast altijd kan, zoals 'een volwassene die je vertrouwt'.")


class Slotdia(Strict):
    """The closing slide about help: its title and the speaker notes, worded for this audience."""

    titel: Text
    notities: list[Text] = Field(default_factory=list)


class BegrippenInstelling(Strict):
    titel: Text = Field(description="Kop van de dia en van het vak op het werkblad met de begrippen van de les.")
    moeilijke_woorden: bool = Field(
        False, description="'check' waarschuwt bij een woord uit moeilijke-woorden.yaml zonder uitleg in 'begrippen'.")


class Doelgroep(Strict):
    id: str
    label: Text
    wie: Text
    onderwijs: Text
    leerlingen: bool
    typografie: Typografie
    limieten: Limieten
    leesbaarheid: Leesbaarheid
    hulptekst: Text
    hulp_qr: Slug
    hulp_op_school: HulpOpSchool
    slotdia: Slotdia
    begrippen: BegrippenInstelling


class Rol(Strict):
    """A person who helps at school, and the words by which `check` recognises the role in a text."""

    id: Slug
    naam: Text
    eigen: bool = Field(
        False, description="De eigen juf, meester of mentor van de leerling: 'je mentor', voor ouders 'de mentor van uw kind'.")
    vormen: list[Text] = Field(min_length=1)


class Doelgroepen(Strict):
    doelgroepen: list[Doelgroep] = Field(min_length=1)
    rollen: list[Rol] = Field(min_length=1)


class MoeilijkWoord(Strict):
    """A word a young pupil may not know; `vormen` are its other forms (a plural or past tense)."""

    woord: Text = Field(min_length=1)
    vormen: list[Text] = Field(default_factory=list)


class MoeilijkeWoorden(Strict):
    woorden: list[MoeilijkWoord] = Field(min_length=1)


class Hulplijn(Strict):
    id: Slug
    naam: Text
    voor_wie: Text
    omschrijving: Text
    telefoon: str | None = None
    website: str | None = None
    bereikbaarheid: Text | None = None
    anoniem: bool = False
    doelgroepen: list[str] = Field(min_length=1)
    docent: bool = Field(False, description="Noemen in 'Veilig lesgeven' van de handleiding.")
    ouders: bool = Field(False, description="Noemen in de brief aan ouders en verzorgers.")


class Hulplijnen(Strict):
    hulplijnen: list[Hulplijn] = Field(min_length=1)


class Item(Strict):
    """A titled entry of a shared list (meldcode step, conversation tip, point of attention, signal)."""

    id: Slug
    titel: Text
    uitleg: Text | None = None
    doelgroepen: list[str] | None = None  # only for these audiences; without: for every audience
    feit: Slug | None = Field(None, description="Een feit uit feiten.yaml als uitleg, met zijn bron.")


class Meldcode(Strict):
    inleiding: Text
    stappen: list[Item] = Field(min_length=5, max_length=5)


class ItemList(Strict):
    inleiding: Text | None = None
    items: list[Item] = Field(min_length=1)


class Kerndoel(Strict):
    id: Slug
    naam: Text
    onderwijs: Text
    omschrijving: Text
    doelgroepen: list[str] | None = Field(None, description="Alleen noemen bij deze doelgroepen; leeg = altijd.")


class Kerndoelen(Strict):
    kerndoelen: list[Kerndoel] = Field(min_length=1)


class LeerlijnStap(Strict):
    """One lesson in a series' learning path, and the lessons it builds on."""

    les: Slug
    bouwt_voort_op: list[Slug] = Field(default_factory=list)
    waarom: Text | None = None  # what this lesson adds to the ones before, for the teacher


class Reeks(Strict):
    id: Slug
    titel: Text
    omschrijving: Text
    leerlijn: list[LeerlijnStap] = Field(default_factory=list)


class Reeksen(Strict):
    reeksen: list[Reeks] = Field(min_length=1)


def _short_enough(value: str | None, info: ValidationInfo, limits: dict[str, int]) -> str | None:
    limit = limits[info.field_name or ""]
    if value is not None and len(value) > limit:
        raise PydanticCustomError(
            "school-tekst-te-lang",
            f"'{info.field_name}' is {len(value)} tekens lang; er passen er hoogstens {limit} in de materialen "
            "(dia's, werkbladen, handleiding, factsheet). Maak de tekst korter.",
        )
    return value


class Contactpersoon(Strict):
    naam: Text = Field(min_length=1)
    rol: Literal["mentor", "vertrouwenspersoon", "aandachtsfunctionaris", "zorgcoördinator", "intern begeleider", "directie", "anders"]
    functie: Text | None = None
    bereikbaar: Text = Field(min_length=1)

    @field_validator(*MAX_TEXT)
    @classmethod
    def _fits(cls, value: str | None, info: ValidationInfo) -> str | None:
        return _short_enough(value, info, MAX_TEXT)


class School(Strict):
    """Why limits here: `check --school` reports what the materials cannot show before anything renders."""

    naam: Text = Field(min_length=1)
    plaats: Text | None = None
    regio: Text | None = None
    contactpersonen: list[Contactpersoon] = Field(min_length=1)

    @field_validator(*MAX_SCHOOL_TEXT)
    @classmethod
    def _fits(cls, value: str | None, info: ValidationInfo) -> str | None:
        return _short_enough(value, info, MAX_SCHOOL_TEXT)

    @field_validator("contactpersonen")
    @classmethod
    def _fit_on_the_poster(cls, contacts: list[Contactpersoon]) -> list[Contactpersoon]:
        if len(contacts) > MAX_CONTACTS:
            raise PydanticCustomError(
                "school-te-veel-contacten",
                f"Het schoolbestand noemt {len(contacts)} contactpersonen; er passen er hoogstens {MAX_CONTACTS} in "
                "de materialen (de factsheet zet ze allemaal op één pagina). Noem alleen wie leerlingen en collega's "
                "het eerst kunnen aanspreken.",
            )
        lines = poster_lines([(c.naam, role_text(c.rol, c.functie), c.bereikbaar) for c in contacts])
        if lines > POSTER_LINES:
            raise PydanticCustomError(
                "school-contacten-te-lang",
                f"De contactpersonen passen samen niet op de factsheet (de poster voor de teamkamer), ook niet in de "
                f"kleinste letter: de langste van de {POSTER_COLUMNS} kolommen vraagt ongeveer {math.ceil(lines)} "
                f"regels, er passen er {POSTER_LINES}. Maak de teksten bij 'bereikbaar' en 'functie' korter, of noem "
                "minder contactpersonen.",
            )
        return contacts
