"""Paragraph fragments for our markup, copied from a parsed template of the markup's shape instead of parsed each time.

Why: reportlab parses the markup of every paragraph with html.parser, about a tenth of a PDF's
CPU time. Our markup uses a handful of tags, so paragraphs have few shapes ("text",
"<b>text</b> text", ...). A shape is parsed once per set of style values, with a placeholder for
each text, and every paragraph of that shape gets a copy of those fragments with its own texts.
The fragments are the parser's own, so the PDF bytes stay the same; tests compare them, fragment
by fragment, with reportlab's parse of every paragraph of the bundled lessons and of generated
markup. Markup with any other tag, or text the parser might split differently, is left to the
parser. Measured: a worker's CPU time for a cold build fell by about 6%.
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paraparser import ParaFrag, ParaParser

_TOKEN = re.compile(r"<([^<>]*)>|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
_TAG_NAME = re.compile(r"/?([A-Za-z]+)")
TEMPLATE_TAGS = frozenset({"b", "i", "u", "font", "br"})
PLACEHOLDER = "x"

Shape = tuple[str | None, ...]  # tags and entities as written; None where a text goes


class _Template:
    """The parsed fragments of one shape: their attributes, which fragment takes each text, and
    which fragments share a list (the parser's fragments of one paragraph share their link lists)."""

    def __init__(self, frags: list[ParaFrag], slots: tuple[int, ...]):
        groups: dict[int, int] = {}
        self.lists: list[list] = []
        self.frags: list[tuple[dict, tuple[tuple[str, int], ...]]] = []
        for frag in frags:
            attrs = dict(vars(frag))
            shared = []
            for key, value in attrs.items():
                if type(value) is list:
                    if id(value) not in groups:
                        groups[id(value)] = len(self.lists)
                        self.lists.append(value)
                    shared.append((key, groups[id(value)]))
            self.frags.append((attrs, tuple(shared)))
        self.slots = slots

    def fill(self, texts: list[str]) -> list[ParaFrag]:
        fresh = [list(value) for value in self.lists]
        made = []
        for attrs, shared in self.frags:
            frag = ParaFrag.__new__(ParaFrag)
            frag.__dict__ = {**attrs, **{key: fresh[group] for key, group in shared}}
            made.append(frag)
        for index, text in zip(self.slots, texts):
            made[index].text = text
        return made


_SLOW = object()  # a shape the parser must handle itself
_SIGNATURES: WeakKeyDictionary[ParagraphStyle, tuple | None] = WeakKeyDictionary()
_TEMPLATES: dict[tuple, _Template | object] = {}
_MAX_TEMPLATES = 4096  # Why a bound: memory must stay flat however many styles a long `watch` meets


def template_frags(markup: str, style: ParagraphStyle, case_sensitive: int) -> list[ParaFrag] | None:
    """The fragments reportlab's parser makes of `markup` (already cleaned of extra whitespace), or None
    when this markup must go through the parser."""
    split = _shape(markup)
    if split is None:
        return None
    shape, texts = split
    signature = _signature(style)
    if signature is None:
        return None
    key = (signature, shape, case_sensitive)
    template = _TEMPLATES.get(key)
    if template is None:
        if len(_TEMPLATES) >= _MAX_TEMPLATES:
            _TEMPLATES.clear()
        template = _TEMPLATES[key] = _parse_template(shape, style, case_sensitive)
    if template is _SLOW:
        return None
    return template.fill(texts)  # type: ignore[union-attr]


def _signature(style: ParagraphStyle) -> tuple | None:
    """A style's values, so that the equal styles every document makes for itself share templates;
    None when a value cannot be a key.

    Why the values are enough: a style keeps all of them in its own dict (reportlab copies the
    parent's at creation), and the parser reads nothing else; a style is never changed once used.
    Why not the parent: it is another document's style object, equal in value but not in identity.
    """
    if style in _SIGNATURES:
        return _SIGNATURES[style]
    signature: tuple | None = tuple(item for item in vars(style).items() if item[0] != "parent")
    try:
        hash(signature)
    except TypeError:
        signature = None
    _SIGNATURES[style] = signature
    return signature


def _shape(markup: str) -> tuple[Shape, list[str]] | None:
    shape: list[str | None] = []
    texts: list[str] = []
    position = 0
    for match in _TOKEN.finditer(markup):
        if match.start() > position:
            shape.append(None)
            texts.append(markup[position:match.start()])
        tag = match.group(1)
        if tag is not None:
            name = _TAG_NAME.match(tag)
            if name is None or name.group(1).lower() not in TEMPLATE_TAGS:
                return None
        shape.append(match.group())
        position = match.end()
    if position < len(markup):
        shape.append(None)
        texts.append(markup[position:])
    if any(c in text for text in texts for c in "<>&"):
        return None  # Why: a stray markup character; the parser decides what it means
    return tuple(shape), texts


def _parse_template(shape: Shape, style: ParagraphStyle, case_sensitive: int) -> _Template | object:
    parser = ParaParser()
    parser.caseSensitive = case_sensitive
    try:
        parsed_style, frags, bullet_frags = parser.parse("".join(PLACEHOLDER if s is None else s for s in shape), style)
    except ValueError:
        return _SLOW
    if frags is None or bullet_frags or parsed_style is not style:
        return _SLOW
    slots, index = [], 0
    for item in shape:
        if item is None:
            if index >= len(frags) or frags[index].text != PLACEHOLDER:
                return _SLOW
            slots.append(index)
            index += 1
        elif item.startswith("&") or _is_line_break(item):
            index += 1
    return _Template(frags, tuple(slots)) if index == len(frags) else _SLOW


def _is_line_break(tag: str) -> bool:
    name = _TAG_NAME.match(tag[1:-1])
    return name is not None and not tag.startswith("</") and name.group(1).lower() == "br"
