"""`lespakket preview`: build one lesson for one audience in memory and draw every page on one PNG contact sheet.

Why the sheet goes to a temporary folder by default, not under output/: `build` owns output/ and swaps
the whole folder in, so a preview there would vanish at the next build and would not be in manifest.json.
Why a new private folder per run (tempfile.mkdtemp, mode 0700) and not one fixed name in the shared
temporary folder: whoever made that folder first controlled it, and another user could not write there.
`--uit` keeps the path stable, for an image viewer that reloads a changed file.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generators.diagnostics import Diagnostics, Location
from generators.paths import ASSETS_DIR, DEFAULT_LESSONS

FOLDER_PREFIX = "lespakket-voorbeeld-"
THUMB_WIDTH = 300
COLUMNS = 5
GAP = 16
LABEL_HEIGHT = 40
TITLE_HEIGHT = 56
MAX_PAGES = 40
SHEET_WIDTH = COLUMNS * THUMB_WIDTH + (COLUMNS + 1) * GAP
BACKGROUND = (244, 244, 244)
LABEL_BAND = (34, 74, 102)
FONT = ASSETS_DIR / "fonts" / "carlito" / "Carlito-Bold.ttf"
NO_SLIDES = (
    "LibreOffice (soffice) is niet gevonden, dus de dia's staan niet op het overzicht. "
    "Installeer LibreOffice om ook de dia's te zien; werkbladen en handleiding staan er wel op."
)


PAGE_KIND = "voorbeeldpagina"


@dataclass(frozen=True)
class Thumbnail:
    """One page as a PNG, THUMB_WIDTH pixels wide once fitted; decoded only to be pasted on the sheet."""

    width: int
    height: int
    png: bytes

    @classmethod
    def of(cls, png: bytes) -> Thumbnail:
        from PIL import Image

        with Image.open(io.BytesIO(png)) as image:  # Why no decoding here: the size is in the PNG header
            width, height = _fitted_size(image.width, image.height)
        return cls(width, height, png)

    def image(self):
        from PIL import Image

        with Image.open(io.BytesIO(self.png)) as image:
            return image.convert("RGB").resize((self.width, self.height))


@dataclass
class SheetRow:
    """One artifact: a label band, then its pages as thumbnails (or a note when there are none)."""

    label: str
    pages: list[Thumbnail] = field(default_factory=list)
    note: str = ""
    top: int = 0
    height: int = 0


@dataclass
class PreviewResult:
    path: Path
    audience: str
    rows: list[SheetRow]
    messages: list[str]
    size: tuple[int, int]


class PreviewAborted(Exception):
    def __init__(self, diagnostics: Diagnostics):
        super().__init__("afgebroken")
        self.diagnostics = diagnostics


def page_images(document, generator, content: bytes) -> list[tuple[str, str, bytes]]:
    """Every page of a PDF, or every slide of a deck when LibreOffice is there, as PNGs; made in a worker process.

    Why in the workers: side by side with the other files, and this process, which holds the whole sheet, never
    holds pdfium's page images too (the preview of a lesson went over the budget of 100 MiB a process).
    """
    from generators.publish.previews import decks_first_slides_png, pdf_pages_png, slides_available

    if generator.filename.endswith(".pdf"):
        pages = pdf_pages_png(content, MAX_PAGES, THUMB_WIDTH)
    elif generator.filename.endswith(".pptx") and slides_available():
        key = f"{document.lesson_id}-{document.audience.id}"
        pages = decks_first_slides_png({key: content}, MAX_PAGES).get(key, [])
    else:
        pages = []
    return [(PAGE_KIND, f"{generator.filename}/{number}", png) for number, png in enumerate(pages, 1)]


def _fitted_size(width: int, height: int) -> tuple[int, int]:
    return THUMB_WIDTH, max(1, round(height * THUMB_WIDTH / width))


def _row_height(row: SheetRow) -> int:
    if not row.pages:
        return LABEL_HEIGHT + GAP + 24 + GAP
    height = LABEL_HEIGHT + GAP
    for start in range(0, len(row.pages), COLUMNS):
        height += max(p.height for p in row.pages[start:start + COLUMNS]) + GAP
    return height


def draw_sheet(title: str, rows: list[SheetRow]):
    """The contact sheet: a title, then per artifact a labelled band and its pages in a grid."""
    from PIL import Image, ImageDraw, ImageFont

    try:
        font = ImageFont.truetype(str(FONT), 22)
        big = ImageFont.truetype(str(FONT), 30)
    except OSError:
        font = big = ImageFont.load_default()
    top = TITLE_HEIGHT
    for row in rows:
        row.top, row.height = top, _row_height(row)
        top += row.height
    sheet = Image.new("RGB", (SHEET_WIDTH, top + GAP), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    draw.text((GAP, 12), title, fill=(0, 0, 0), font=big)
    for row in rows:
        draw.rectangle((0, row.top, SHEET_WIDTH, row.top + LABEL_HEIGHT - 1), fill=LABEL_BAND)
        draw.text((GAP, row.top + 8), row.label, fill=(255, 255, 255), font=font)
        y = row.top + LABEL_HEIGHT + GAP
        if not row.pages:
            draw.text((GAP, y), row.note, fill=(120, 40, 0), font=font)
            continue
        for start in range(0, len(row.pages), COLUMNS):
            line = row.pages[start:start + COLUMNS]
            for column, page in enumerate(line):
                x = GAP + column * (THUMB_WIDTH + GAP)
                sheet.paste(page.image(), (x, y))
                draw.rectangle((x - 1, y - 1, x + page.width, y + page.height), outline=(170, 170, 170))
            y += max(p.height for p in line) + GAP
    return sheet


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _chosen_document(project, lesson_id: str, audience: str | None, lessons_dir: Path):
    """The resolved document of `lesson_id` for `audience` (by default the lesson's first), and messages for the author."""
    from generators.build.pipeline import select_documents
    from generators.build.inputs import BuildRequest
    from generators.diagnostics import BuildAborted

    if project.diagnostics.has_errors():
        raise PreviewAborted(project.diagnostics)
    lesson = next((l.model for l in project.lessons if l.model.id == lesson_id), None)
    messages: list[str] = []
    if lesson is not None and audience is None:
        audience = next(iter(lesson.doelgroepen))
        others = [a for a in lesson.doelgroepen if a != audience]
        if others:
            messages.append(f"Voorbeeld voor doelgroep {audience}; kies een andere met --doelgroep ({', '.join(others)}).")
    if lesson is not None and audience in project.data.audience_ids and audience not in lesson.doelgroepen:
        project.diagnostics.error(
            "doelgroep-niet-in-les",
            f"De les '{lesson_id}' is niet voor doelgroep '{audience}'. Kies uit: {', '.join(lesson.doelgroepen)}.",
            Location("--doelgroep"),
        )
        raise PreviewAborted(project.diagnostics)
    request = BuildRequest(lesson_paths=[lessons_dir], output=Path("."), lesson_ids=(lesson_id,),
                           audiences=(audience,) if audience else ())
    try:
        documents = select_documents(project, request)
    except BuildAborted as aborted:
        raise PreviewAborted(aborted.diagnostics) from None
    return documents[0], messages


def preview_lesson(
    lesson_id: str,
    audience: str | None = None,
    folder: Path | None = None,
    lessons_dir: Path = DEFAULT_LESSONS,
    school: Path | None = None,
) -> PreviewResult:
    """Check the lessons, render one (lesson, audience) with every registered generator, write the sheet.

    Why the build's worker processes: they load python-pptx and reportlab while this process checks
    the lessons, and make the files side by side (a lesson's preview took 2.2 s, rendering in turn here).
    """
    from generators.build.inputs import default_jobs
    from generators.publish.previews import slides_available, warm_up_thumbnails
    from generators.registry import GENERATORS, RenderOptions
    from generators.build.render_pool import RenderPool

    options = RenderOptions(assets_dir=ASSETS_DIR)
    with RenderPool(default_jobs(), options, GENERATORS, page_images, warm_up_thumbnails) as pool:
        from generators.build.pipeline import load_project  # Why only now: pydantic loads while the workers warm up

        # Why no lint: its style warnings are not shown here.
        project = load_project([lessons_dir], school, lint=False, keep=lesson_id)
        document, messages = _chosen_document(project, lesson_id, audience, lessons_dir)
        made, pages = set(), {}
        for task in pool.render([document]):
            for kind, path, content in task.files:
                if kind == PAGE_KIND:
                    pages.setdefault(path.rsplit("/", 1)[0], []).append(Thumbnail.of(content))
                else:
                    made.add(kind)
        pool.done_rendering()
    with_slides = slides_available()
    rows = []
    for generator in (g for g in GENERATORS if g.kind in made):
        label = f"{generator.description} ({generator.filename})" if generator.description else generator.filename
        row = SheetRow(label=label, pages=pages.get(generator.filename, []))
        if generator.filename.endswith(".pdf"):
            row.label += ": " + _counted(len(row.pages), "pagina", "pagina's")
        elif generator.filename.endswith(".pptx"):
            if with_slides:
                row.label += ": " + _counted(len(row.pages), "dia", "dia's")
                if not row.pages:
                    row.note = "LibreOffice kon deze presentatie niet omzetten; de dia's ontbreken."
                    messages.append(row.note)
            else:
                row.note = "Dia's niet getoond: LibreOffice ontbreekt."
                messages.append(NO_SLIDES)
        else:
            row.note = "Van dit bestand is geen voorbeeld te maken."
        rows.append(row)
    title = f"Voorbeeld: {document.lesson_id}, doelgroep {document.audience.label}"
    sheet = draw_sheet(title, rows)
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    target = folder / f"{document.lesson_id}_{document.audience.id}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    # Why level 3: half the time of the default level (0.18 instead of 0.38 s for a lesson's sheet), 1% more bytes.
    sheet.save(partial, format="PNG", compress_level=3)
    os.replace(partial, target)  # Why: an image viewer never sees a half-written file
    return PreviewResult(target, document.audience.id, rows, messages, sheet.size)

