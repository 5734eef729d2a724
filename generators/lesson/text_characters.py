"""Characters in the texts of a YAML file that no slide or page can show, reported where they stand."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from generators.diagnostics import Diagnostics, Location
from generators.lesson.font_coverage import FONT_NAME, missing
from generators.lesson.yaml_tree import Position, PosMap, PosSeq, Span

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
# Why errors even where a font has them: they change what a reader sees without being seen themselves.
BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
WORD_BULLETS = frozenset("\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06c\uf06e")  # bullets of Word's Symbol and Wingdings
NEVER_DRAWN = frozenset({"pad"})  # Why: an image path names a file; it is never set in a font
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # line breaks as the YAML parser counts them


def check_characters(text: str, tree: Any, display: str, diagnostics: Diagnostics) -> None:
    """Report each character of a text value in `tree` (read from `text`) that may not be there, once per value.

    Why here, while reading: the place of a character inside a value needs the file's text, which
    only the reader holds. Why after NFC: the model keeps its texts composed (source_model), so a
    letter typed as e + U+0301 arrives as é, which the font has.
    """
    for value, span, start, drawn in _text_values(tree):
        composed = unicodedata.normalize("NFC", value)
        for char in _unwanted(composed, drawn):
            code, message = _problem(char)
            where, note = _locate(text, span, start, composed.index(char), char)
            diagnostics.error(code, message + note, Location(display, where[0] + 1, where[1] + 1))


def text_problems(value: str) -> list[tuple[str, str]]:
    """(code, Dutch message) for each character of one drawn text that may not be there, in order of appearance.

    Why: the web form for a school's pack checks what is typed with the same rules as a school file."""
    return [_problem(char) for char in _unwanted(unicodedata.normalize("NFC", value), True)]


def _text_values(node: Any, key: str | None = None) -> Iterator[tuple[str, Span, Position, bool]]:
    """(value, span, start, drawn) for every string value; `drawn` is False under a key whose value is never drawn."""
    if isinstance(node, PosMap):
        for name, child in node.items():
            if isinstance(child, str):
                yield child, node.value_span[name], node.value_pos[name], name not in NEVER_DRAWN
            else:
                yield from _text_values(child, name)
    elif isinstance(node, PosSeq):
        for i, child in enumerate(node):
            if isinstance(child, str):
                yield child, node.item_span[i], node.item_pos[i], key not in NEVER_DRAWN
            else:
                yield from _text_values(child, key)


def _unwanted(value: str, drawn: bool) -> list[str]:
    """The characters of `value` to report, in order of first appearance."""
    found = [m.group() for pattern in (CONTROL, BIDI, INVISIBLE) for m in pattern.finditer(value)]
    if drawn:
        found += missing(value)
    return sorted(dict.fromkeys(found), key=value.index)


def _problem(char: str) -> tuple[str, str]:
    if CONTROL.match(char):
        return ("tekst-stuurteken",
                f"Onzichtbaar stuurteken U+{ord(char):04X} in de tekst (vaak meegekopieerd uit Word). Verwijder het.")
    if BIDI.match(char):
        return ("tekst-richtingsteken",
                f"Onzichtbaar richtingsteken {describe(char)} in de tekst. Het verandert de leesrichting, zodat de "
                "tekst anders getoond wordt dan hij geschreven is (vaak meegekopieerd van een webpagina). Verwijder het.")
    if INVISIBLE.match(char):
        return ("tekst-onzichtbaar-teken",
                f"Onzichtbaar teken {describe(char)} in de tekst (vaak meegekopieerd uit Word of van een webpagina). "
                "Je ziet het niet, maar het breekt woorden en zoeken op onverwachte plekken. Verwijder het.")
    if char in WORD_BULLETS:
        return ("teken-niet-in-lettertype",
                f"U+{ord(char):04X} is een opsommingsteken uit Word (uit het lettertype Symbol of Wingdings); het "
                f"lettertype {FONT_NAME} van de dia's en de PDF's heeft het niet. Een punt in een lijst krijgt vanzelf "
                "een opsommingsteken: haal het weg.")
    return ("teken-niet-in-lettertype",
            f"Het lettertype {FONT_NAME} van de dia's en de PDF's heeft geen teken voor {describe(char)}. "
            "Haal het teken weg of vervang het door een woord.")


def describe(char: str) -> str:
    """Code point, the character itself when showing it is safe, and its Unicode name: 'U+1F600 (😀 GRINNING FACE)'."""
    category = unicodedata.category(char)
    name = unicodedata.name(char, "")
    if category == "Co":
        name = "een teken voor eigen gebruik, vaak een opsommingsteken uit Word"
    elif not name:
        name = "een onbekend teken"
    # Why not always shown: a direction or format character would act on the message itself, a mark would sit on the quote.
    shown = f"{char} " if category[0] in "LNPS" else ""
    return f"U+{ord(char):04X} ({shown}{name})"


def _locate(text: str, span: Span, start: Position, index: int, char: str) -> tuple[Position, str]:
    """Where `char` stands in the file, and a note for the message.

    The place is exact when the character is written as itself, in any style (plain, quoted, or a
    block with | or >). Written as an escape ("\\u202e"), it is not in the file: then the place is
    the start of the value, and the note says which character of the text it is.
    """
    raw = text[span[0]:span[1]]
    offset = next((o for o in _occurrences(raw, char) if char in unicodedata.normalize("NFC", _cluster(raw, o))), -1)
    if offset < 0:
        return start, f" Het staat als teken {index + 1} in de tekst die hier begint."
    before = raw[:offset]
    breaks = list(_BREAK.finditer(before))
    if not breaks:
        return (start[0], start[1] + offset), ""
    return (start[0] + len(breaks), offset - breaks[-1].end()), ""


def _occurrences(raw: str, char: str) -> Iterator[int]:
    offset = raw.find(char)
    while offset >= 0:
        yield offset
        offset = raw.find(char, offset + 1)


def _cluster(raw: str, offset: int) -> str:
    """The letter at `offset` with the marks around it: the stretch that NFC composes as one.

    Why: an accent that composes with its letter (e + U+0301 is é) is not the one to point at."""
    first, last = offset, offset + 1
    while first > 0 and unicodedata.combining(raw[first]):
        first -= 1
    while last < len(raw) and unicodedata.combining(raw[last]):
        last += 1
    return raw[first:last]
