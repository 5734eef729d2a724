"""The registered fonts remember text widths: the same widths as reportlab's, for any text and size, in bounded memory."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from generators.paths import ASSETS_DIR
from generators.pdf_fonts import MeasuredTTFont
from generators.pdf_style import BOLD, REGULAR, fonts_dir, register_fonts

register_fonts(fonts_dir(ASSETS_DIR))
PLAIN = {name: TTFont(f"plain-{name}", pdfmetrics.getFont(name).face.filename) for name in (REGULAR, BOLD)}


def test_the_registered_faces_remember_widths():
    assert isinstance(pdfmetrics.getFont(REGULAR), MeasuredTTFont)
    assert isinstance(pdfmetrics.getFont(BOLD), MeasuredTTFont)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([REGULAR, BOLD]),
                          st.text(alphabet="aeëioprstnlkj WMé-'.,\u00a0", max_size=12),
                          st.sampled_from([8.5, 10, 11.25, 24])), min_size=1, max_size=20))
def test_widths_are_reportlabs_whatever_was_measured_before(measurements):
    for name, text, size in measurements:
        assert pdfmetrics.stringWidth(text, name, size) == PLAIN[name].stringWidth(text, size)


def test_memory_stays_bounded_and_widths_right_after_a_clear(monkeypatch):
    font = pdfmetrics.getFont(REGULAR)
    monkeypatch.setattr(font, "MAX_WIDTHS", 50)
    words = [f"woord{i}" for i in range(200)]
    for word in words:
        assert font.stringWidth(word, 10) == PLAIN[REGULAR].stringWidth(word, 10)
        assert len(font._widths) <= 50
    assert font.stringWidth(words[0], 10) == PLAIN[REGULAR].stringWidth(words[0], 10)


def test_bytes_are_measured_as_reportlab_does():
    font = pdfmetrics.getFont(REGULAR)
    assert font.stringWidth("één".encode(), 10) == PLAIN[REGULAR].stringWidth("één".encode(), 10)
