"""Images named in lessons: safe path resolution, type sniffing, and normalised bytes for renderers."""

from __future__ import annotations

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
    if not os.path.lexists(path):
        raise ImagePathError("afbeelding-ontbreekt", f"De afbeelding '{relative}' bestaat niet in de lesmap.")
    problem = regular_problem(path)
    if problem is not None:
        raise ImagePathError(problem[0], f"De afbeelding '{relative}' {problem[1]}.")
    return target


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
