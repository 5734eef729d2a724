"""PNG thumbnails for the catalog: first pages of PDFs (pypdfium2), first slides of decks (LibreOffice, cached)."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from generators.user_cache import cache_file, keep_newest, read_checked, store_checked

THUMB_WIDTH = 360
PREVIEW_PDFS = {"werkblad.pdf": "Eerste pagina van het werkblad", "docentenhandleiding.pdf": "Eerste pagina van de docentenhandleiding"}
PREVIEW_DECK = ("presentatie.pptx", "Eerste dia van de presentatie")
PREVIEW_KIND = "voorbeeld"
_CACHE = "dia-voorbeelden"


def preview_path(document, name: str) -> str:
    """Where the catalog finds the thumbnail of one file of a (lesson, audience)."""
    stem = name.rsplit(".", 1)[0]
    return f"voorbeelden/{document.lesson_id}_{document.audience.id}_{stem}.png"


def preview_files(document, generator, content: bytes) -> list[tuple[str, str, bytes]]:
    """The first page of a previewed PDF as a PNG, made where the PDF was made (a worker process)."""
    if generator.filename not in PREVIEW_PDFS:
        return []
    return [(PREVIEW_KIND, preview_path(document, generator.filename), pdf_pages_png(content, palette=True)[0])]


def warm_up_thumbnails() -> None:
    """Import pypdfium2 and Pillow's PNG writer (about 80 ms) before the workers are forked."""
    import pypdfium2  # noqa: F401
    from PIL import PngImagePlugin  # noqa: F401


def pdf_pages_png(pdf: bytes, pages: int = 1, width: int = THUMB_WIDTH, palette: bool = False) -> list[bytes]:
    """The first `pages` pages of a PDF as PNG images `width` pixels wide; with `palette`, in 256 colours.

    Why 256 colours for the catalog's pages of text and tinted boxes: they look the same, the file is
    a third of the size (842 KiB for the bundled catalog's 30 became 293 KiB) and encoding it takes
    a third less time.
    """
    return [_png(image, palette) for image in pdf_pages_images(pdf, pages, width)]


def pdf_pages_images(pdf: bytes, pages: int = 1, width: int = THUMB_WIDTH) -> list:
    """The first `pages` pages of a PDF as Pillow images `width` pixels wide (for the author's preview sheet)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(min(pages, len(document))):
            page = document[index]
            scale = width / page.get_width()
            # Why convert: an image of its own; pypdfium2's may share the bitmap's memory, freed with the bitmap.
            images.append(page.render(scale=scale).to_pil().convert("RGB"))
            page.close()
        return images
    finally:
        document.close()


def _png(image, palette: bool = False) -> bytes:
    from PIL import Image

    if palette:
        image = image.quantize(256, method=Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    # Why level 3 and not optimize=True: level 3 took half the time of the default for 3% more bytes;
    # optimize tripled it for 2% fewer.
    image.save(buffer, format="PNG", compress_level=3)
    return buffer.getvalue()


def slides_available() -> bool:
    """Why: LibreOffice is optional on a laptop; without it the catalog shows no slide thumbnails."""
    return os.environ.get("LESPAKKET_DIAVOORBEELDEN", "1") != "0" and shutil.which("soffice") is not None


def decks_first_slides_png(decks: dict[str, bytes], slides: int = 1) -> dict[str, list[bytes]]:
    """Thumbnails per deck key; converts all uncached decks in one LibreOffice run."""
    result: dict[str, list[bytes]] = {}
    todo: dict[str, bytes] = {}
    for key, deck in decks.items():
        cached = _cached(deck, slides)
        if cached is not None:
            result[key] = cached
        else:
            todo[key] = deck
    if todo and slides_available():
        for key, pdf in _convert(todo).items():
            images = pdf_pages_png(pdf, slides)
            _store(todo[key], slides, images)
            result[key] = images
        folder = cache_file(_CACHE, "")
        if folder is not None:
            keep_newest(folder, KEPT_SLIDE_IMAGES)
    return result


PNG_VERSION = 4  # part of each cache name: a thumbnail made another way is made again
# Slide images kept (about 10 KB each): every saved edit of a lesson makes new decks, and with them new images.
KEPT_SLIDE_IMAGES = 2000


def _cache_path(deck: bytes, slides: int, index: int) -> Path | None:
    """None without a home folder: then every thumbnail is made again."""
    return cache_file(_CACHE, f"{hashlib.sha256(deck).hexdigest()}-{slides}-{index}-v{PNG_VERSION}.png")


def _cached(deck: bytes, slides: int) -> list[bytes] | None:
    images = []
    for index in range(slides):
        path = _cache_path(deck, slides, index)
        image = read_checked(path)
        if image is None:
            # Why a missing later image is fine: a deck may have fewer slides than asked for; a damaged one is not.
            if index == 0 or path is None or path.exists():
                return None
            continue
        images.append(image)
        _touch(path)
    return images or None


def _touch(path: Path) -> None:
    """Why: the cache keeps the images written or used most recently."""
    try:
        os.utime(path)
    except OSError:
        pass


def _store(deck: bytes, slides: int, images: list[bytes]) -> None:
    for index, image in enumerate(images):
        path = _cache_path(deck, slides, index)
        if path is not None:
            store_checked(path, image)


def _convert(decks: dict[str, bytes]) -> dict[str, bytes]:
    _remove_abandoned_conversions()
    with tempfile.TemporaryDirectory(prefix=f"{_CONVERSION}{os.getpid()}-") as tmp:
        folder = Path(tmp)
        names = {}
        for number, (key, deck) in enumerate(sorted(decks.items())):
            path = folder / f"deck{number}.pptx"
            path.write_bytes(deck)
            names[key] = path
        command = [
            "soffice", f"-env:UserInstallation=file://{folder / 'profiel'}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", str(folder / "pdf"), *map(str, names.values()),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=60 + 10 * len(decks), check=False)
        except (OSError, subprocess.TimeoutExpired):
            return {}
        out = {}
        for key, path in names.items():
            pdf = folder / "pdf" / (path.stem + ".pdf")
            if pdf.exists():
                out[key] = pdf.read_bytes()
        return out


_CONVERSION = "lespakket-soffice-"


def _remove_abandoned_conversions() -> None:
    """Remove the LibreOffice folders of builds that were killed (their process is gone).

    Why the process id in the name: a build killed while LibreOffice ran cannot clean up after itself,
    and another build may be converting right now; only a folder whose process is gone is abandoned.
    """
    pattern = re.compile(rf"{_CONVERSION}(\d+)-[a-z0-9_]{{8}}")
    with os.scandir(tempfile.gettempdir()) as entries:
        for entry in entries:
            match = pattern.fullmatch(entry.name)
            if match and entry.is_dir(follow_symlinks=False) and entry.stat().st_uid == os.getuid() \
                    and not _running(int(match.group(1))):
                shutil.rmtree(entry.path, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # Why: the process exists, it is only someone else's
    return True
