"""The slide template: layouts found by name, their text placeholders in reading order, and their sizes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from generators.deck.chat_model import Rect
from generators.deck.measure import TextBox
from generators.diagnostics import display_path

TEMPLATE_NAME = "dia-sjabloon.pptx"

# layout name -> how many text placeholders (besides the title) the deck fills
LAYOUT_BOXES = {
    "Titel": 1, "Sectie": 1, "Inhoud": 1, "Twee kolommen": 4, "Afbeelding": 1,
    "Citaat": 2, "Stelling": 3, "Vraag": 1, "Afsluiting": 2, "Chat": 0,
}
TITLE_TYPES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE}
SKIPPED_TYPES = TITLE_TYPES | {
    PP_PLACEHOLDER.PICTURE, PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER,
    PP_PLACEHOLDER.CHART, PP_PLACEHOLDER.TABLE, PP_PLACEHOLDER.MEDIA_CLIP, PP_PLACEHOLDER.ORG_CHART,
    PP_PLACEHOLDER.BITMAP, PP_PLACEHOLDER.SLIDE_IMAGE,
}
DEFAULT_INSETS = (91440, 45720, 91440, 45720)  # left, top, right, bottom in EMU (the OOXML defaults)


class DeckTemplateError(Exception):
    """The template cannot be used; the message is Dutch and says what to change."""


def template_path(assets_dir: Path, template: Path | None) -> Path:
    return template if template is not None else assets_dir / "templates" / TEMPLATE_NAME


_CHECKED: set[tuple[Path, int, int]] = set()  # Why: checking walks every layout (a tenth of a deck); once per template version


def open_template(path: Path):
    from pptx import Presentation

    try:
        presentation = Presentation(str(path))
    except Exception as exc:  # noqa: BLE001  python-pptx raises many kinds for a broken file
        raise DeckTemplateError(
            f"Het sjabloon '{display_path(path)}' kan niet worden geopend als PowerPoint-bestand (.pptx)."
        ) from exc
    version = template_version(path)
    if version not in _CHECKED:
        check_layouts(presentation, path)
        _CHECKED.add(version)
    return presentation


def template_version(path: Path) -> tuple[Path, int, int]:
    """The template file as one version: what per-process caches of its contents are keyed by."""
    stat = path.stat()
    return path.resolve(), stat.st_mtime_ns, stat.st_size


def check_layouts(presentation, path: Path) -> None:
    """Every layout the deck uses must exist by name and have enough text placeholders, and the notes
    master a notes placeholder for the teacher's notes."""
    names = [layout.name for layout in presentation.slide_layouts]
    missing = [name for name in LAYOUT_BOXES if name not in names]
    shown = display_path(path)
    if missing:
        listed = ", ".join(f"'{n}'" for n in names) or "geen"
        raise DeckTemplateError(
            f"Het sjabloon '{shown}' mist de {'indeling' if len(missing) == 1 else 'indelingen'} "
            f"{', '.join(repr(n) for n in missing)}. Dit sjabloon heeft: {listed}. Geef de dia-indelingen "
            "(in PowerPoint: Beeld > Diamodel) precies deze namen."
        )
    for name, needed in LAYOUT_BOXES.items():
        layout = presentation.slide_layouts.get_by_name(name)
        found = len(text_placeholders(layout))
        if title_placeholder(layout) is None or found < needed:
            raise DeckTemplateError(
                f"De indeling '{name}' in het sjabloon '{shown}' heeft een titel en {needed} "
                f"{'tekstvak' if needed == 1 else 'tekstvakken'} nodig, maar heeft "
                f"{'geen titel en ' if title_placeholder(layout) is None else ''}{found} "
                f"{'tekstvak' if found == 1 else 'tekstvakken'}."
            )
    if not _notes_master_has_body(presentation):
        raise DeckTemplateError(
            f"Het notitiemodel van het sjabloon '{shown}' heeft geen notitievak, dus de docentnotities kunnen "
            "nergens staan. Zet het notitievak terug (in PowerPoint: Beeld > Notitiemodel > Indeling model)."
        )


def _notes_master_has_body(presentation) -> bool:
    """Why not `presentation.notes_master`: it adds a default notes master (with a notes placeholder)
    when the template has none, and the check must not change the deck it opened."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        master = presentation.part.part_related_by(RT.NOTES_MASTER).notes_master
    except KeyError:
        return True
    return any(ph.placeholder_format.type == PP_PLACEHOLDER.BODY for ph in master.placeholders)


def title_placeholder(container):
    return next((ph for ph in container.placeholders if ph.placeholder_format.type in TITLE_TYPES), None)


def picture_placeholder(container):
    return next((ph for ph in container.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.PICTURE), None)


def text_placeholders(container) -> list:
    """Text placeholders in reading order: top to bottom (in 0.1 inch steps), then left to right."""
    found = [ph for ph in container.placeholders if ph.placeholder_format.type not in SKIPPED_TYPES]
    return sorted(found, key=lambda ph: (round((ph.top or 0) / 91440), ph.left or 0, ph.placeholder_format.idx))


def _insets(shape) -> tuple[int, int, int, int]:
    body_pr = shape.element.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}bodyPr")
    if body_pr is None:
        return DEFAULT_INSETS
    names = ("lIns", "tIns", "rIns", "bIns")
    return tuple(int(body_pr.get(n, d)) for n, d in zip(names, DEFAULT_INSETS))  # type: ignore[return-value]


def text_box(shape) -> TextBox:
    left, top, right, bottom = _insets(shape)
    return TextBox(Emu(shape.width - left - right).pt, Emu(shape.height - top - bottom).pt)


@dataclass(frozen=True)
class LayoutGeometry:
    title: TextBox
    boxes: tuple[TextBox, ...]
    area: Rect  # the room below the title, for what is drawn instead of typed into a placeholder (a chat)


AREA_GAP = 0.25  # inches between the title's box and the room below it (the template's accent line sits there)
AREA_MARGIN = 0.2  # inches kept free at the bottom of the slide


def _area(title, slide_width: int, slide_height: int) -> Rect:
    """The room below the title, as wide as the title, in points."""
    top = title.top + title.height + Emu(round(AREA_GAP * 914400))
    bottom = slide_height - Emu(round(AREA_MARGIN * 914400))
    return Rect(Emu(title.left).pt, Emu(top).pt, Emu(slide_width - 2 * title.left).pt, Emu(bottom - top).pt)


@lru_cache(maxsize=8)
def _geometry(path: Path, _mtime: float) -> dict[str, LayoutGeometry]:
    presentation = open_template(path)
    width, height = presentation.slide_width, presentation.slide_height
    return {
        name: LayoutGeometry(text_box(title_placeholder(layout)), tuple(text_box(ph) for ph in text_placeholders(layout)),
                             _area(title_placeholder(layout), width, height))
        for name in LAYOUT_BOXES
        for layout in (presentation.slide_layouts.get_by_name(name),)
    }


def template_geometry(path: Path) -> dict[str, LayoutGeometry]:
    """The text room of every layout the deck uses, read from the template itself."""
    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise DeckTemplateError(f"Het sjabloon '{display_path(path)}' bestaat niet.") from exc
    return _geometry(path.resolve(), mtime)
