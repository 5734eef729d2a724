"""Parsed faces come from the user cache when they can, and draw exactly what a freshly parsed face draws."""

from __future__ import annotations

import operator
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from generators import paths
from generators.paths import ASSETS_DIR
from generators.pdf_fonts import MeasuredTTFont, load_face

FONT = ASSETS_DIR / "fonts" / "carlito" / "Carlito-Italic.ttf"
TEXT = "Wat doe je als een vriend ‘snel geld’ aanbiedt? Ë ï é — 12,50 €"


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "lespakket" / "lettertypen"


def refuse_to_parse(monkeypatch) -> None:
    def parse(self, name, filename):
        raise AssertionError("parsed again instead of reading the cache")

    monkeypatch.setattr(MeasuredTTFont, "__init__", parse)


# Why a process each: reportlab registers a face once per process, and later registrations of it get the first font.
DRAW = """
import io, pickle, sys
from pathlib import Path
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from generators.pdf_fonts import MeasuredTTFont, load_face

if sys.argv[4:] == ["alleen-cache"]:
    MeasuredTTFont.__init__ = None
font = load_face("Proef-Cursief", Path(sys.argv[1]))
pdfmetrics.registerFont(font)
out = io.BytesIO()
canvas = Canvas(out, invariant=1)
canvas.setFont("Proef-Cursief", 14)
canvas.drawString(40, 700, sys.argv[2])
held = Path(sys.argv[3])
(held / "gebruikt.txt").write_text(f"{len(font._widths)} {len(font.state)}")
(held / "toestand.pickle").write_bytes(pickle.dumps(font.__getstate__()))
canvas.save()
(held / "proef.pdf").write_bytes(out.getvalue())
"""


def draw_in_a_new_process(cache_home: Path, held: Path, *options: str) -> tuple[str, dict, bytes]:
    """(widths and subsets the font held while drawing, the state it would be cached with, the PDF)."""
    held.mkdir()
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home.parent.parent)}
    done = subprocess.run([sys.executable, "-c", DRAW, str(FONT), TEXT, str(held), *options], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return ((held / "gebruikt.txt").read_text(), pickle.loads((held / "toestand.pickle").read_bytes()),
            (held / "proef.pdf").read_bytes())


def test_a_cached_face_draws_the_same_pdf_as_a_parsed_one(cache_home, tmp_path):
    _, _, parsed = draw_in_a_new_process(cache_home, tmp_path / "eerst")
    [path] = cache_home.iterdir()
    stored = path.read_bytes()
    _, _, cached = draw_in_a_new_process(cache_home, tmp_path / "daarna", "alleen-cache")
    assert path.read_bytes() == stored and parsed.startswith(b"%PDF") and cached == parsed


def test_the_cache_keeps_neither_measured_widths_nor_document_subsets(cache_home, tmp_path, monkeypatch):
    used, state, _ = draw_in_a_new_process(cache_home, tmp_path / "eerst")
    assert used != "0 0" and "0" not in used.split()
    assert state["_widths"] == {} and state["state"] is None

    refuse_to_parse(monkeypatch)
    again = load_face("Proef-Cursief", FONT)
    assert again._widths == {} and len(again.state) == 0
    assert again.stringWidth(TEXT, 11) == TTFont("Proef-Vers", str(FONT)).stringWidth(TEXT, 11)


def test_a_second_load_reads_the_cache(cache_home, monkeypatch):
    parsed = load_face("Proef-Cursief", FONT)
    refuse_to_parse(monkeypatch)
    cached = load_face("Proef-Cursief", FONT)
    assert cached is not parsed and cached.face.charWidths == parsed.face.charWidths


def test_the_em_scale_is_reportlabs(cache_home):
    font, plain = load_face("Proef-Cursief", FONT), TTFont("Proef-Vers", str(FONT))
    assert font.face.unitsPerEm != 1000 and isinstance(font.face._pdfScale.func, type(operator.mul))
    for value in (0, 1, 7, 1234, -250, 2048):
        assert font.face._pdfScale(value) == plain.face._pdfScale(value)


def test_each_name_and_file_has_its_own_face(cache_home):
    italic = load_face("Proef-Cursief", FONT)
    bold = load_face("Proef-Vet", FONT.with_name("Carlito-Bold.ttf"))
    renamed = load_face("Proef-Anders", FONT)
    assert (italic.fontName, bold.fontName, renamed.fontName) == ("Proef-Cursief", "Proef-Vet", "Proef-Anders")
    assert bold.face.charWidths != italic.face.charWidths
    assert len(list(cache_home.iterdir())) == 3


@pytest.mark.parametrize("damage", [b"", b"niet af", b"\x80\x05K\x01."], ids=["empty", "garbage", "other-object"])
def test_a_damaged_cache_file_is_parsed_again(cache_home, damage):
    parsed = load_face("Proef-Cursief", FONT)
    [path] = cache_home.iterdir()
    path.write_bytes(damage)
    again = load_face("Proef-Cursief", FONT)
    assert again.face.charWidths == parsed.face.charWidths and path.read_bytes() != damage


def test_a_changed_font_file_is_parsed_again(cache_home, tmp_path, monkeypatch):
    copy = tmp_path / "Carlito-Italic.ttf"
    copy.write_bytes(FONT.read_bytes())
    load_face("Proef-Cursief", copy)
    copy.write_bytes(FONT.with_name("Carlito-Bold.ttf").read_bytes())
    parsed = []
    real = MeasuredTTFont.__init__
    monkeypatch.setattr(MeasuredTTFont, "__init__", lambda self, *a: parsed.append(a) or real(self, *a))
    changed = load_face("Proef-Cursief", copy)
    assert parsed and changed.face.charWidths == TTFont("Proef-Vet", str(FONT.with_name("Carlito-Bold.ttf"))).face.charWidths


def test_without_a_cache_folder_the_face_is_parsed(monkeypatch):
    def no_home(name):
        raise RuntimeError("no home folder")

    monkeypatch.setattr(paths, "cache_dir", no_home)
    assert load_face("Proef-Cursief", FONT).fontName == "Proef-Cursief"
