"""The large-print worksheet: at least 14 pt, 1.5 line spacing, ragged right, whole words, more room to write."""

from __future__ import annotations

import ctypes
from collections import defaultdict
from functools import lru_cache

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from generators.pdf.style import Colours
from generators.registry import GENERATORS
from generators.worksheet.render import render_large_print_worksheet, render_worksheet
from tests.guide_samples import KEYS, OPTIONS, documents

MM = 72 / 25.4
BODY_TOP, BODY_BOTTOM = 20 * MM, 30 * MM  # the page furniture lies outside
PUPIL_KEYS = [k for k in KEYS if documents()[k].audience.pupils]
WRITING_LINE = tuple(round(c * 255) for c in Colours.writing_line.rgb())


@lru_cache(maxsize=None)
def large(key: str) -> bytes:
    return render_large_print_worksheet(documents()[key], OPTIONS)


@lru_cache(maxsize=None)
def regular(key: str) -> bytes:
    return render_worksheet(documents()[key], OPTIONS)


def body_chars(pdf: bytes) -> list[tuple[int, str, float, float, float]]:
    """(page, character, font size, x, y of its origin) for every visible character inside the body frame."""
    found = []
    document = pdfium.PdfDocument(pdf)
    for index in range(len(document)):
        page = document[index]
        height = page.get_size()[1]
        text = page.get_textpage()
        x, y = ctypes.c_double(), ctypes.c_double()
        for i in range(text.count_chars()):
            char = text.get_text_range(i, 1)
            if not char.strip():
                continue
            pdfium_raw.FPDFText_GetCharOrigin(text.raw, i, x, y)
            if BODY_BOTTOM < y.value < height - BODY_TOP:
                found.append((index, char, pdfium_raw.FPDFText_GetFontSize(text.raw, i), x.value, y.value))
    return found


def lines_of_text(pdf: bytes) -> list[tuple[int, float, float, float, float, str]]:
    """(page, left, baseline, right, size, text) per line of body text."""
    rows: dict[tuple[int, float], list] = defaultdict(list)
    for page, char, size, x, y in body_chars(pdf):
        rows[(page, round(y, 1))].append((x, char, size))
    found = []
    for (page, y), chars in sorted(rows.items(), key=lambda item: (item[0][0], -item[0][1])):
        chars.sort()
        found.append((page, chars[0][0], y, chars[-1][0], max(c[2] for c in chars), "".join(c[1] for c in chars)))
    return found


def writing_lines(pdf: bytes) -> list[tuple[int, float]]:
    """(page, height) of every writing line: a horizontal stroke in the writing-line colour."""
    found = []
    document = pdfium.PdfDocument(pdf)
    for index in range(len(document)):
        for path in document[index].get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_PATH]):
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            pdfium_raw.FPDFPageObj_GetStrokeColor(path.raw, r, g, b, a)
            left, bottom, right, top = path.get_bounds()
            if (r.value, g.value, b.value) == WRITING_LINE and top - bottom < 2 and right - left > 100:
                found.append((index, round((top + bottom) / 2, 1)))
    return found


def test_registered_for_pupils():
    ours = [g for g in GENERATORS if g.kind == "werkblad-groot"]
    assert [(g.filename, g.pupils_only) for g in ours] == [("werkblad-groot.pdf", True)]
    assert ours[0].load() is render_large_print_worksheet


@pytest.mark.parametrize("key", PUPIL_KEYS)
def test_every_text_on_the_sheet_is_at_least_14_pt(key):
    sizes = [size for _, _, size, _, _ in body_chars(large(key))]
    assert sizes and min(sizes) >= 14, min(sizes)
    body = max(set(sizes), key=sizes.count)
    assert body >= 16


def test_the_regular_sheet_would_not_pass():
    key = next(k for k in PUPIL_KEYS if documents()[k].audience.typography.worksheet_body_pt < 14)
    assert min(size for _, _, size, _, _ in body_chars(regular(key))) < 14


def line_gaps(pdf: bytes) -> list[float]:
    """Baseline to baseline, over the body size, for consecutive lines of body text that start at one left edge."""
    lines = lines_of_text(pdf)
    sizes = [line[4] for line in lines]
    body = max(set(sizes), key=sizes.count)
    gaps = []
    for (page, left, y, _, size, _), (next_page, next_left, next_y, _, next_size, _) in zip(lines, lines[1:]):
        if page == next_page and abs(left - next_left) < 0.5 and size == next_size == body:
            gaps.append((y - next_y) / size)
    return gaps


@pytest.mark.parametrize("key", PUPIL_KEYS)
def test_lines_are_one_and_a_half_apart(key):
    gaps = line_gaps(large(key))
    assert gaps and min(gaps) >= 1.49, min(gaps)
    assert min(line_gaps(regular(key))) < 1.45, "the regular sheet is set tighter"


@pytest.mark.parametrize("key", PUPIL_KEYS)
def test_ragged_right_and_no_word_broken_with_a_hyphen(key):
    lines = lines_of_text(large(key))
    for (page, _, _, _, _, text), (_, _, _, _, _, following) in zip(lines, lines[1:]):
        # Why U+FFFE: pdfium reports a hyphen that breaks a word at the end of a line as that character.
        if text.endswith("\ufffe") or text.endswith("-") and following[:1].islower():
            pytest.fail(f"hyphenated at the end of {text!r}")
    rights = [round(right) for _, left, _, right, _, text in lines if len(text) > 30]
    assert len(set(rights)) > len(rights) / 3, "the lines do not all end at one right edge"


@pytest.mark.parametrize("key", PUPIL_KEYS)
def test_more_room_to_write_than_on_the_regular_sheet(key):
    big, small = writing_lines(large(key)), writing_lines(regular(key))
    assert len(big) > len(small)
    spacing = min(a[1] - b[1] for a, b in zip(big, big[1:]) if a[0] == b[0] and a[1] > b[1])
    assert spacing >= 14 * MM - 0.1
    regular_spacing = min(a[1] - b[1] for a, b in zip(small, small[1:]) if a[0] == b[0] and a[1] > b[1])
    assert spacing > regular_spacing


def test_large_print_is_the_same_bytes_twice():
    assert render_large_print_worksheet(documents()[PUPIL_KEYS[0]], OPTIONS) == large(PUPIL_KEYS[0])
