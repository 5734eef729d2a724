"""The steps for blackmail with images (assets/data/sextortie.yaml): written once, in one order, for every lesson.

Helplines are named by id between braces, `{helpwanted}`, and become their names from hulplijnen.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from pydantic import Field

from generators.data.models import Hulplijn
from generators.diagnostics import Diagnostics, did_you_mean
from generators.lesson.model_loading import Loaded
from generators.lesson.source_model import DEFAULT_KEY, Slug, Strict, Tekst, Text

HELPLINE = re.compile(r"\{([a-z0-9-]+)\}")


class Stap(Strict):
    id: Slug
    tekst: Tekst = Field(description="De stap zelf, kort, voor dia en werkblad; per doelgroep in gewone woorden.")
    uitleg: Text = Field(description="Waarom en hoe, voor de docentenhandleiding.")


class Stappenplan(Strict):
    """The whole protocol. Why `min_length=4`: the common advice has four parts (see docs/auteurs.md)."""

    titel: Tekst
    inleiding: Text = Field(description="Voor de docent: waar het stappenplan op steunt en wanneer je het gebruikt.")
    volgorde: Tekst = Field(description="Waarom deze volgorde: de uitleg bij een volgorde-opdracht met dit stappenplan.")
    stappen: list[Stap] = Field(min_length=4)


def fill_helplines(text: str, helplines: Mapping[str, Hulplijn]) -> str:
    """`text` with every `{id}` replaced by that helpline's name."""
    return HELPLINE.sub(lambda m: helplines[m.group(1)].naam if m.group(1) in helplines else m.group(), text)


def _texts(plan: Stappenplan) -> Iterator[tuple[tuple, str]]:
    for key, text in plan.titel.root.items():
        yield ("titel", key), text
    for key, text in plan.volgorde.root.items():
        yield ("volgorde", key), text
    yield ("inleiding",), plan.inleiding
    for i, step in enumerate(plan.stappen):
        for key, text in step.tekst.root.items():
            yield ("stappen", i, "tekst", key), text
        yield ("stappen", i, "uitleg"), step.uitleg


def check_protocol(loaded: Loaded[Stappenplan], audiences: list[str], helplines: Mapping[str, Hulplijn],
                   diagnostics: Diagnostics) -> None:
    """Known helplines in braces, unique step ids, and every text worded for every audience."""
    plan, source = loaded.model, loaded.source
    for loc, text in _texts(plan):
        for match in HELPLINE.finditer(text):
            if match.group(1) not in helplines:
                diagnostics.error(
                    "hulplijn-onbekend",
                    f"Onbekende hulplijn '{{{match.group(1)}}}'.{did_you_mean(match.group(1), helplines)}",
                    source.location(loc),
                )
    seen: set[str] = set()
    for i, step in enumerate(plan.stappen):
        if step.id in seen:
            diagnostics.error("id-dubbel", f"De id '{step.id}' komt twee keer voor.", source.location(("stappen", i, "id")))
        seen.add(step.id)
    for loc, text in [(("titel",), plan.titel), (("volgorde",), plan.volgorde),
                      *((("stappen", i, "tekst"), s.tekst) for i, s in enumerate(plan.stappen))]:
        missing = [a for a in audiences if text.for_audience(a) is None]
        if missing:
            diagnostics.error(
                "variant-ontbreekt",
                f"Geen tekst voor doelgroep {', '.join(missing)}. Voeg die variant toe of een '{DEFAULT_KEY}'.",
                source.location(loc),
            )
