"""Images named in lessons: safe path resolution, type sniffing, and normalised bytes for renderers."""

from __future__ import annotations

import io
import re
import warnings
from functools import lru_cache
from pathlib import Path

MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = {"PNG", "JPEG", "GIF", "BMP", "TIFF"}
_UNSAFE = re.compile(r"^([a-zA-Z]:|[a-zA-Z][a-zA-Z0-9+.-]*://|/|~)")


class ImagePathError(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def resolve_image_path(lesson_dir: Path, relative: str) -> Path:
    """The image file inside the lesson folder, or ImagePathError when the path may not be used."""
    if "\\" in relative or _UNSAFE.match(relative) or ".." in Path(relative).parts:
        raise ImagePathError(
            "afbeelding-pad",
            f"Het pad '{relative}' mag niet: gebruik een pad binnen de lesmap, zoals 'beeld/foto.png' "
            "(geen '..', geen / aan het begin, geen \\, geen internetadres).",
        )
    root = lesson_dir.resolve()
    target = (lesson_dir / relative).resolve()
    if not target.is_relative_to(root):
        raise ImagePathError("afbeelding-pad", f"Het pad '{relative}' wijst naar een bestand buiten de lesmap.")
    if not target.is_file():
        raise ImagePathError("afbeelding-ontbreekt", f"De afbeelding '{relative}' bestaat niet in de lesmap.")
    return target


def check_image(lesson_dir: Path, relative: str) -> list[tuple[str, str]]:
    """Problems with one image as (code, Dutch message) pairs; empty when it is usable."""
    try:
        path = resolve_image_path(lesson_dir, relative)
    except ImagePathError as exc:
        return [(exc.code, exc.message)]
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                fmt = image.format
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return [("afbeelding-te-groot", f"De afbeelding '{relative}' is {width}x{height} pixels; dat is te groot.")]
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return [("afbeelding-te-groot", f"De afbeelding '{relative}' heeft veel te veel pixels.")]
    except Exception:
        return [("afbeelding-type", f"'{relative}' is geen afbeelding die gelezen kan worden (gebruik PNG of JPEG).")]
    if fmt not in ALLOWED_FORMATS:
        return [("afbeelding-type", f"'{relative}' is een {fmt}-bestand; gebruik PNG of JPEG.")]
    return []


@lru_cache(maxsize=64)
def normalized_png(path: Path) -> bytes:
    """Why: python-pptx ignores EXIF rotation and keeps GPS data; a re-encoded PNG fixes both."""
    from PIL import Image, ImageOps

    with Image.open(path) as image:
        image = ImageOps.exif_transpose(image)
        if image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA")
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
