"""Models of the shared data in assets/data and of a school file (--school)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .source_model import Slug, Strict, Text


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


class Doelgroepen(Strict):
    doelgroepen: list[Doelgroep] = Field(min_length=1)


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


class Reeks(Strict):
    id: Slug
    titel: Text
    omschrijving: Text


class Reeksen(Strict):
    reeksen: list[Reeks] = Field(min_length=1)


class Contactpersoon(Strict):
    naam: Text = Field(min_length=1)
    rol: Literal["mentor", "vertrouwenspersoon", "aandachtsfunctionaris", "zorgcoördinator", "intern begeleider", "directie", "anders"]
    functie: Text | None = None
    bereikbaar: Text = Field(min_length=1)


class School(Strict):
    naam: Text = Field(min_length=1)
    plaats: Text | None = None
    regio: Text | None = None
    contactpersonen: list[Contactpersoon] = Field(min_length=1)
