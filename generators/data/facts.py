"""The fact registry (assets/data/feiten.yaml): figures and legal statements, each with its source, scope and year."""

from __future__ import annotations

from pydantic import Field

from generators.diagnostics import Diagnostics, did_you_mean
from generators.lesson.model_loading import Loaded
from generators.lesson.source_model import DEFAULT_KEY, Slug, Strict, Tekst, Text

SOURCE_FILE_PATTERN = r"^[a-z0-9-]+/[a-z0-9][a-z0-9.-]*$"


class Vindplaats(Strict):
    """Where a fact stands in the project's source material, quoted word for word so a test can find it."""

    bestand: str = Field(pattern=SOURCE_FILE_PATTERN,
                         description="Het bestand in ../shared, zoals 'sources/mensenhandel-wat-doe-jij.txt'.")
    plaats: Text = Field(description="Waar in dat bestand, zoals 'Aandachtspunten bij de meldcode'.")
    citaten: list[Text] = Field(min_length=1, description="Letterlijk uit het bestand; de tests zoeken ze op.")


class Feit(Strict):
    """One figure or legal statement, written once and used by id (`feit: <id>`) in every lesson."""

    id: Slug
    kort: Tekst = Field(description="Korte tekst voor dia's en werkbladen; per doelgroep in gewone woorden.")
    lang: Text = Field(description="De volledige tekst voor de docentenhandleiding.")
    bron: Text = Field(description="Wie het zegt, zoals de bronregel op een dia het toont ('Bron: ...').")
    vindplaats: Vindplaats
    reikwijdte: Text = Field(description="Waar het feit over gaat en waarover niet, zodat niemand het te ruim gebruikt.")
    jaar: int | None = Field(None, ge=1900, le=2100, description="Het jaar van het cijfer, als de bron het noemt.")


class Feiten(Strict):
    feiten: list[Feit] = Field(min_length=1)


def check_facts(loaded: Loaded[Feiten], audiences: list[str], diagnostics: Diagnostics) -> None:
    """Unique ids, and a short wording for every audience (a `standaard` or one variant each)."""
    seen: set[str] = set()
    for i, fact in enumerate(loaded.model.feiten):
        if fact.id in seen:
            diagnostics.error("id-dubbel", f"De id '{fact.id}' komt twee keer voor.",
                              loaded.source.location(("feiten", i, "id")))
        seen.add(fact.id)
        for key in fact.kort.root:
            if key != DEFAULT_KEY and key not in audiences:
                diagnostics.error(
                    "doelgroep-onbekend",
                    f"Onbekende doelgroep '{key}' als variant.{did_you_mean(key, [*audiences, DEFAULT_KEY])}",
                    loaded.source.key_location(("feiten", i, "kort", key)),
                )
        missing = [a for a in audiences if fact.kort.for_audience(a) is None]
        if missing:
            diagnostics.error(
                "variant-ontbreekt",
                f"Het feit '{fact.id}' heeft geen korte tekst voor doelgroep {', '.join(missing)}. "
                f"Voeg die variant toe of een '{DEFAULT_KEY}'.",
                loaded.source.location(("feiten", i, "kort")),
            )
