"""Images named in lessons: safe path resolution, type sniffing, and normalised bytes for renderers."""

from __future__ import annotations

import difflib
import io
import os
import re
import warnings
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from generators.paths import ASSETS_DIR
from generators.regular_files import NotRegularFile, open_regular, regular_problem

MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = {"PNG", "JPEG", "GIF", "BMP", "TIFF"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".svg", ".heic"}
_UNSAFE = re.compile(r"^([a-zA-Z]:|[a-zA-Z][a-zA-Z0-9+.-]*://|/|~)")


class ImagePathError(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def resolve_image_path(lesson_dir: Path, relative: str) -> Path:
    """The image file inside the lesson folder (or assets/, through a link), or ImagePathError when it may not be used.

    Why no open: an image may be a FIFO or a link to a device; only its kind is looked at here.
    """
    if "\\" in relative or _UNSAFE.match(relative) or ".." in Path(relative).parts:
        raise ImagePathError(
            "afbeelding-pad",
            f"Het pad '{relative}' mag niet: gebruik een pad binnen de lesmap, zoals 'beeld/foto.png' "
            "(geen '..', geen / aan het begin, geen \\, geen internetadres).",
        )
    path = lesson_dir / relative
    # Why realpath and no Path.resolve: in a loop of links, resolve raises; realpath stops, and the stat below names it.
    target = Path(os.path.realpath(path))
    if not any(target.is_relative_to(root) for root in (lesson_dir.resolve(), ASSETS_DIR.resolve())):
        if _through_link(lesson_dir, relative):
            raise ImagePathError(
                "afbeelding-pad",
                f"'{relative}' is een snelkoppeling (symbolische link) naar een bestand buiten de lesmap. "
                "Kopieer de afbeelding zelf naar de lesmap.",
            )
        raise ImagePathError("afbeelding-pad", f"Het pad '{relative}' wijst naar een bestand buiten de lesmap.")
    if not os.path.lexists(path) or _case_differs(lesson_dir, relative):
        raise ImagePathError("afbeelding-ontbreekt", missing_image_message(lesson_dir, relative))
    problem = regular_problem(path)
    if problem is not None:
        raise ImagePathError(problem[0], f"De afbeelding '{relative}' {problem[1]}.")
    return target


def missing_image_message(lesson_dir: Path, relative: str) -> str:
    """'does not exist', with the file the author most likely meant."""
    message = f"De afbeelding '{relative}' bestaat niet in de lesmap."
    present = _files_in(lesson_dir)
    same = [name for name in present if name.casefold() == relative.casefold()]
    if same:
        return (f"{message} Er is wel '{same[0]}': alleen de hoofdletters verschillen. Die tellen mee (ook als je "
                f"computer ze soms als gelijk ziet, op de computer die de pakketten bouwt niet): schrijf '{same[0]}', "
                "of hernoem het bestand.")
    # Why by file name: two paths in 'beeld/' ending in '.png' look alike whatever their names are
    by_name = {Path(name).name: name for name in reversed(present)}
    close = difflib.get_close_matches(Path(relative).name, list(by_name), n=1, cutoff=0.6)
    if close:
        return f"{message} Bedoel je '{by_name[close[0]]}'?"
    images = [name for name in present if Path(name).suffix.lower() in IMAGE_SUFFIXES]
    if images:
        shown = ", ".join(images[:5]) + (" en meer" if len(images) > 5 else "")
        return f"{message} In de lesmap staan deze afbeeldingen: {shown}."
    return f"{message} Zet de afbeelding in de map van de les, bijvoorbeeld in 'beeld/'."


def _files_in(lesson_dir: Path, limit: int = 2000) -> list[str]:
    """The files in the lesson folder as paths from it, without hidden ones; links to folders are not followed."""
    found: list[str] = []
    for folder, dirs, names in os.walk(lesson_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(folder).relative_to(lesson_dir)
        found += [(base / name).as_posix() for name in sorted(names) if not name.startswith(".")]
        if len(found) >= limit:
            break
    return found[:limit]


def _case_differs(lesson_dir: Path, relative: str) -> bool:
    """Why: on Windows and macOS 'Foto.PNG' opens 'foto.png'; on the computer that builds the packs it does not."""
    folder = lesson_dir
    for part in Path(relative).parts:
        try:
            names = os.listdir(folder)
        except OSError:
            return False
        if part not in names and part.casefold() in (n.casefold() for n in names):
            return True
        folder = folder / part
    return False


def check_image(lesson_dir: Path, relative: str) -> list[tuple[str, str]]:
    """Problems with one image as (code, Dutch message) pairs; empty when it is usable."""
    try:
        path = resolve_image_path(lesson_dir, relative)
        handle = open_regular(path)
    except ImagePathError as exc:
        return [(exc.code, exc.message)]
    except NotRegularFile as exc:
        return [(exc.code, f"De afbeelding '{relative}' {exc.reason}.")]
    from PIL import Image

    with handle:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(handle) as image:
                    fmt = image.format
                    width, height = image.size
                    if width * height > MAX_PIXELS:
                        return [_too_big(relative, width * height, f"{width}x{height} pixels, ")]
                    image.verify()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            found = re.search(r"\((\d+) pixels\)", str(exc))
            return [_too_big(relative, int(found.group(1)) if found else None, "")]
        except Exception:
            if _looks_like_text(handle):
                return [(
                    "afbeelding-type",
                    f"'{relative}' is geen afbeelding maar een tekstbestand; alleen de naam lijkt op een afbeelding. "
                    "Sla de afbeelding opnieuw op als PNG of JPEG.",
                )]
            return [(
                "afbeelding-type",
                f"'{relative}' is geen afbeelding die gelezen kan worden (beschadigd of een onbekend soort bestand). "
                "Sla de afbeelding opnieuw op als PNG of JPEG.",
            )]
    if fmt not in ALLOWED_FORMATS:
        return [("afbeelding-type", f"'{relative}' is een {fmt}-bestand; gebruik PNG of JPEG.")]
    return []


def _too_big(relative: str, pixels: int | None, dimensions: str) -> tuple[str, str]:
    amount = f"{dimensions}{pixels / 1_000_000:.0f} miljoen pixels" if pixels else "veel te veel pixels"
    return (
        "afbeelding-te-groot",
        f"De afbeelding '{relative}' heeft {amount}; hoogstens {MAX_PIXELS // 1_000_000} miljoen. "
        "Maak hem kleiner, bijvoorbeeld 1920 pixels breed.",
    )


def _through_link(lesson_dir: Path, relative: str) -> bool:
    """Whether a folder or file on the way to `relative` inside the lesson folder is a symbolic link."""
    path = lesson_dir
    for part in Path(relative).parts:
        path = path / part
        if path.is_symlink():
            return True
    return False


def _looks_like_text(handle: BinaryIO) -> bool:
    """Why: a text file renamed to .png (or a saved web page) deserves a clearer message than 'unreadable'."""
    try:
        handle.seek(0)
        head = handle.read(4096)
    except (OSError, ValueError):
        return False
    if not head or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(head) - 4  # a character cut off at the end of the sample
    return True


@lru_cache(maxsize=64)
def normalized_png(path: Path) -> bytes:
    """Why: python-pptx ignores EXIF rotation and keeps GPS data; a re-encoded PNG fixes both."""
    from PIL import Image, ImageOps

    with open_regular(path) as handle, Image.open(handle) as image:
        image = ImageOps.exif_transpose(image)
        if image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA")
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
