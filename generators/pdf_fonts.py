"""TrueType faces for reportlab: widths remembered per process, parsed faces kept in the user cache."""

from __future__ import annotations

import operator
import pickle
from functools import partial
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTFont

from .paths import cache_file, checksum_name, read_cached_pickle, store_in_cache

# Why more than one version each: each installation of the fonts or of reportlab parses its own.
KEPT_FACES = 8


class MeasuredTTFont(TTFont):
    """A TrueType font that remembers, per process, the width of each text it measured at each size.

    Why: reportlab measures every word again each time a paragraph is wrapped, and a worker's
    documents repeat most of their words; a width depends only on the text and the size. Measured:
    2-5% less CPU for the PDFs (2% when each document starts with an empty store), the same bytes.
    """

    # Why this bound: memory must stay flat however large the catalog or long the `watch`; the bundled
    # catalog measures about 7,500 texts in the regular face (1.3 MB), which still fit.
    MAX_WIDTHS = 8192

    def __init__(self, name: str, filename: str):
        super().__init__(name, filename)
        self._widths: dict[tuple[str, float], float] = {}
        # Why: reportlab keeps the em scale as a lambda, which cannot be pickled; this is the same product.
        units = self.face.unitsPerEm
        self.face._pdfScale = _unscaled if units == 1000 else partial(operator.mul, 1000 / units)

    def stringWidth(self, text, size, encoding="utf8"):  # noqa: N802  (reportlab's name)
        if type(text) is not str:
            return super().stringWidth(text, size, encoding)
        key = (text, size)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) >= self.MAX_WIDTHS:
                self._widths.clear()
            width = self._widths[key] = super().stringWidth(text, size, encoding)
        return width

    def __getstate__(self) -> dict:
        """The parsed face without what belongs to one process: its measured widths and per-document subsets."""
        return {**self.__dict__, "_widths": {}, "state": None}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.state = WeakKeyDictionary()


def _unscaled(value: float) -> float:
    return value


def load_face(name: str, path: Path) -> MeasuredTTFont:
    """The face in the font file `path`, registered as `name`: parsed once, then read from the user cache.

    Why: reportlab parses a face in pure Python, 10-20 ms each, and the four faces were the largest
    part of a build's warm-up before its first PDF could start; reading a parsed face takes 3-5 ms.
    """
    cached = _cache_path(name, path)
    font = read_cached_pickle(cached, MeasuredTTFont)
    if font is not None and font.fontName == name and font.face.filename == str(path):
        return font
    font = MeasuredTTFont(name, str(path))
    if cached is not None:
        store_in_cache(cached, pickle.dumps(font, protocol=pickle.HIGHEST_PROTOCOL), keep=KEPT_FACES)
    return font


def _cache_path(name: str, path: Path) -> Path | None:
    """Named after the face, the font file's place, size and time, reportlab's version and this module's own."""
    try:
        font, code = path.stat(), Path(__file__).stat()
    except OSError:
        return None
    key = f"{path.resolve()}|{font.st_size}|{font.st_mtime_ns}|{reportlab.Version}|{code.st_size}|{code.st_mtime_ns}"
    return cache_file("lettertypen", f"{name}-{checksum_name(key)}.pickle")
