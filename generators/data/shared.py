"""Load and cross-check the shared facts in assets/data that lessons refer to by id."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generators.data.models import (
    Doelgroep, Doelgroepen, Hulplijn, Hulplijnen, Item, ItemList, Kerndoel, Kerndoelen, Meldcode, MoeilijkeWoorden,
    Reeksen,
)
from generators.data.facts import Feit, Feiten, check_facts
from generators.data.organisations import Organisaties, name_key
from generators.data.pictograms import PICTOGRAM_DIR, Pictogram, Pictogrammen, load_pictograms
from generators.data.protocol import Stappenplan, check_protocol
from generators.diagnostics import Diagnostics, did_you_mean
from generators.lesson.model_loading import Loaded, load_model

LIST_SOURCES = ("gesprekstips", "aandachtspunten", "signalen", "kernbegrippen")


@dataclass(frozen=True)
class SharedData:
    doelgroepen: Loaded[Doelgroepen]
    hulplijnen: Loaded[Hulplijnen]
    meldcode: Loaded[Meldcode]
    kerndoelen: Loaded[Kerndoelen]
    reeksen: Loaded[Reeksen]
    lists: dict[str, Loaded[ItemList]]
    feiten: Loaded[Feiten]
    sextortie: Loaded[Stappenplan]
    organisaties: Loaded[Organisaties]
    moeilijke_woorden: Loaded[MoeilijkeWoorden]
    pictogrammen: Loaded[Pictogrammen]

    @property
    def facts(self) -> dict[str, Feit]:
        return {f.id: f for f in self.feiten.model.feiten}

    @property
    def known_names(self) -> tuple[str, ...]:
        """Names a lesson may use (see organisations.is_known): helplines, the sources of facts, organisaties.yaml."""
        names = [h.naam for h in self.hulplijnen.model.hulplijnen] + [f.bron for f in self.feiten.model.feiten]
        return tuple(name_key(n) for n in names + list(self.organisaties.model.namen))

    @property
    def pictograms(self) -> dict[str, Pictogram]:
        return {p.naam: p for p in self.pictogrammen.model.pictogrammen}

    @property
    def audience_ids(self) -> list[str]:
        return [d.id for d in self.doelgroepen.model.doelgroepen]

    def audience(self, audience_id: str) -> Doelgroep:
        return next(d for d in self.doelgroepen.model.doelgroepen if d.id == audience_id)

    def series_title(self, series_id: str) -> str:
        """The display title of a series; an unlisted series shows its folder name."""
        found = [r.titel for r in self.reeksen.model.reeksen if r.id == series_id]
        return found[0] if found else series_id.replace("-", " ").capitalize()

    def series_description(self, series_id: str) -> str:
        found = [r.omschrijving for r in self.reeksen.model.reeksen if r.id == series_id]
        return found[0] if found else ""

    @property
    def helplines(self) -> dict[str, Hulplijn]:
        return {h.id: h for h in self.hulplijnen.model.hulplijnen}

    @property
    def core_goals(self) -> dict[str, Kerndoel]:
        return {k.id: k for k in self.kerndoelen.model.kerndoelen}

    def items(self, source: str) -> tuple[str | None, list[Item]]:
        """Introduction and items of a shared list: meldcode, or one of LIST_SOURCES."""
        if source == "meldcode":
            return self.meldcode.model.inleiding, list(self.meldcode.model.stappen)
        loaded = self.lists[source].model
        return loaded.inleiding, list(loaded.items)


def load_shared_data(data_dir: Path, diagnostics: Diagnostics, pictogram_dir: Path = PICTOGRAM_DIR) -> SharedData | None:
    start = len(diagnostics.items)
    doelgroepen = load_model(data_dir / "doelgroepen.yaml", Doelgroepen, diagnostics, kind="gegevensbestand")
    hulplijnen = load_model(data_dir / "hulplijnen.yaml", Hulplijnen, diagnostics, kind="gegevensbestand")
    meldcode = load_model(data_dir / "meldcode.yaml", Meldcode, diagnostics, kind="gegevensbestand")
    kerndoelen = load_model(data_dir / "kerndoelen.yaml", Kerndoelen, diagnostics, kind="gegevensbestand")
    reeksen = load_model(data_dir / "reeksen.yaml", Reeksen, diagnostics, kind="gegevensbestand")
    lists = {name: load_model(data_dir / f"{name}.yaml", ItemList, diagnostics, kind="gegevensbestand") for name in LIST_SOURCES}
    feiten = load_model(data_dir / "feiten.yaml", Feiten, diagnostics, kind="gegevensbestand")
    sextortie = load_model(data_dir / "sextortie.yaml", Stappenplan, diagnostics, kind="gegevensbestand")
    organisaties = load_model(data_dir / "organisaties.yaml", Organisaties, diagnostics, kind="gegevensbestand")
    hard_words = load_model(data_dir / "moeilijke-woorden.yaml", MoeilijkeWoorden, diagnostics, kind="gegevensbestand")
    pictograms = load_pictograms(pictogram_dir, diagnostics)
    loaded = (doelgroepen, hulplijnen, meldcode, kerndoelen, reeksen, *lists.values(), feiten, sextortie, organisaties,
              hard_words, pictograms)
    if any(x is None for x in loaded):
        return None
    data = SharedData(doelgroepen, hulplijnen, meldcode, kerndoelen, reeksen, lists,  # type: ignore[arg-type]
                      feiten, sextortie, organisaties, hard_words, pictograms)  # type: ignore[arg-type]
    _check_references(data, diagnostics)
    _check_facts_and_protocol(data, diagnostics)
    return None if any(d.is_error for d in diagnostics.items[start:]) else data


def _check_references(data: SharedData, diagnostics: Diagnostics) -> None:
    audiences = data.audience_ids
    for i, line in enumerate(data.hulplijnen.model.hulplijnen):
        for j, audience in enumerate(line.doelgroepen):
            if audience not in audiences:
                diagnostics.error(
                    "doelgroep-onbekend",
                    f"Onbekende doelgroep '{audience}'.{did_you_mean(audience, audiences)}",
                    data.hulplijnen.source.location(("hulplijnen", i, "doelgroepen", j)),
                )
    for i, group in enumerate(data.doelgroepen.model.doelgroepen):
        if group.hulp_qr not in data.helplines:
            diagnostics.error(
                "hulplijn-onbekend",
                f"Onbekende hulplijn '{group.hulp_qr}'.{did_you_mean(group.hulp_qr, data.helplines)}",
                data.doelgroepen.source.location(("doelgroepen", i, "hulp_qr")),
            )
        elif not data.helplines[group.hulp_qr].website:
            diagnostics.error(
                "hulplijn-geen-website",
                f"Hulplijn '{group.hulp_qr}' heeft geen website voor de QR-code.",
                data.doelgroepen.source.location(("doelgroepen", i, "hulp_qr")),
            )
    for name, loaded in [("hulplijnen", data.hulplijnen), ("kerndoelen", data.kerndoelen)]:
        _check_unique_ids(name, [x.id for x in getattr(loaded.model, name)], loaded, diagnostics)
    _check_unique_ids("doelgroepen", audiences, data.doelgroepen, diagnostics)
    _check_roles(data, diagnostics)
    _check_unique_ids("stappen", [x.id for x in data.meldcode.model.stappen], data.meldcode, diagnostics)
    for name, loaded in data.lists.items():
        _check_unique_ids("items", [x.id for x in loaded.model.items], loaded, diagnostics)
        for i, item in enumerate(loaded.model.items):
            for j, audience in enumerate(item.doelgroepen or ()):
                if audience not in audiences:
                    diagnostics.error(
                        "doelgroep-onbekend",
                        f"Onbekende doelgroep '{audience}'.{did_you_mean(audience, audiences)}",
                        loaded.source.location(("items", i, "doelgroepen", j)),
                    )


def _check_roles(data: SharedData, diagnostics: Diagnostics) -> None:
    """Every audience names roles from `rollen`, each role once."""
    loaded = data.doelgroepen
    roles = [r.id for r in loaded.model.rollen]
    _check_unique_ids("rollen", roles, loaded, diagnostics)
    for i, group in enumerate(loaded.model.doelgroepen):
        for j, role in enumerate(group.hulp_op_school.rollen):
            if role not in roles:
                diagnostics.error(
                    "rol-onbekend",
                    f"Onbekende rol '{role}'.{did_you_mean(role, roles)} Kies uit: {', '.join(roles)}.",
                    loaded.source.location(("doelgroepen", i, "hulp_op_school", "rollen", j)),
                )


def _check_facts_and_protocol(data: SharedData, diagnostics: Diagnostics) -> None:
    """The fact registry and the sextortion steps are complete, and every list item's `feit` exists."""
    check_facts(data.feiten, data.audience_ids, diagnostics)
    check_protocol(data.sextortie, data.audience_ids, data.helplines, diagnostics)
    facts = data.facts
    for loaded in data.lists.values():
        for i, item in enumerate(loaded.model.items):
            if item.feit is not None and item.feit not in facts:
                diagnostics.error(
                    "feit-onbekend",
                    f"Onbekend feit '{item.feit}'.{did_you_mean(item.feit, facts)} Kies uit: {', '.join(facts)}.",
                    loaded.source.location(("items", i, "feit")),
                )
            if item.feit is not None and item.uitleg is not None:
                diagnostics.error(
                    "feit-en-tekst",
                    "Geef een 'uitleg' of een 'feit', niet allebei: de tekst van het feit is de uitleg.",
                    loaded.source.location(("items", i, "uitleg")),
                )


def _check_unique_ids(key: str, ids: list[str], loaded: Loaded, diagnostics: Diagnostics) -> None:
    seen: set[str] = set()
    for i, item_id in enumerate(ids):
        if item_id in seen:
            diagnostics.error(
                "id-dubbel", f"De id '{item_id}' komt twee keer voor.", loaded.source.location((key, i, "id"))
            )
        seen.add(item_id)
