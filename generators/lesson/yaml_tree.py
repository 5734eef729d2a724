"""Build a position-aware tree from ruamel.yaml's C parser events, with YAML 1.2 core scalars.

Why not ruamel's round-trip loader: it is pure Python and costs ~130 ms a lesson file; the C event
parser costs ~2 ms. We need only plain data plus the line and column of every key and value, and
stricter rules than YAML itself: no aliases, no duplicate keys, text keys only.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import CParser
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

Position = tuple[int, int]  # 0-based line and column, as the parser reports them
Span = tuple[int, int]  # where a scalar starts and ends in the text, as offsets in characters


class PosMap(dict):
    """A mapping that remembers where it starts and where each key and value stand (and each scalar value ends)."""

    def __init__(self, start: Position):
        super().__init__()
        self.start = start
        self.key_pos: dict[str, Position] = {}
        self.value_pos: dict[str, Position] = {}
        self.value_span: dict[str, Span] = {}


class PosSeq(list):
    """A sequence that remembers where it starts and where each item stands (and each scalar item ends)."""

    def __init__(self, start: Position):
        super().__init__()
        self.start = start
        self.item_pos: list[Position] = []
        self.item_span: dict[int, Span] = {}


class TreeError(Exception):
    """A rule of ours broken (alias, duplicate key, ...): `code`, Dutch `message`, 0-based position."""

    def __init__(self, code: str, message: str, position: Position):
        super().__init__(message)
        self.code = code
        self.message = message
        self.position = position


_NULL = re.compile(r"^(~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


def _scalar(event: ScalarEvent) -> Any:
    """YAML 1.2 core schema: only plain scalars can be null, bool or numbers; `no` and `12:30` stay text."""
    value = event.value
    if event.style or event.tag not in (None, "?"):
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _OCT.match(value):
        return int(value[2:], 8)
    if _HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value)
    if value.lower() in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[value.lower()]
    return value


def _pos(event: Any) -> Position:
    return event.start_mark.line, event.start_mark.column


def _span(event: Any) -> Span:
    """Why offsets: the C parser counts them in characters, like Python's str, also past U+FFFF."""
    return event.start_mark.index, event.end_mark.index


_HASHTAG = re.compile(r"[ \t]+#\S+")


class _Builder:
    def __init__(self, text: str):
        self.parser = CParser(text)
        self.text = text
        self.cut_hashtags: list[tuple[Position, str]] = []

    def plain_text_cut_at_a_hashtag(self, event: ScalarEvent) -> None:
        """Remember a plain text followed on its line by ' #word': YAML reads that as a comment, and the author
        most likely wrote a hashtag that now silently falls out of the text. Why not '# ...': that is a comment."""
        if event.style:
            return
        found = _HASHTAG.match(self.text, event.end_mark.index)
        if found:
            self.cut_hashtags.append((_pos(event), found.group().strip()))

    def next(self) -> Any:
        return self.parser.get_event()

    def document(self) -> Any:
        while not isinstance(self.parser.peek_event(), (DocumentStartEvent, StreamEndEvent)):
            self.next()
        if isinstance(self.parser.peek_event(), StreamEndEvent):
            return None
        self.next()
        root = self.node(self.next())
        self.next()  # DocumentEndEvent
        following = self.next()
        if isinstance(following, DocumentStartEvent):
            raise TreeError("yaml-meerdere-documenten",
                            "Een lesbestand bevat één YAML-document; verwijder de tweede '---'.", _pos(following))
        return root

    def node(self, event: Any) -> Any:
        if isinstance(event, AliasEvent):
            raise TreeError("yaml-alias", "Verwijzingen met * en & (YAML-aliassen) zijn niet toegestaan in "
                            "lesbestanden. Schrijf de tekst voluit.", _pos(event))
        if isinstance(event, ScalarEvent):
            self.plain_text_cut_at_a_hashtag(event)
            return _scalar(event)
        if isinstance(event, SequenceStartEvent):
            seq = PosSeq(_pos(event))
            while not isinstance(item := self.next(), SequenceEndEvent):
                if isinstance(item, ScalarEvent):
                    seq.item_span[len(seq)] = _span(item)
                seq.item_pos.append(_pos(item))
                seq.append(self.node(item))
            return seq
        if isinstance(event, MappingStartEvent):
            return self.mapping(event)
        raise TreeError("yaml-syntax", "YAML-fout: de opmaak klopt hier niet.", _pos(event))

    def mapping(self, start: MappingStartEvent) -> PosMap:
        result = PosMap(_pos(start))
        while not isinstance(key_event := self.next(), MappingEndEvent):
            if not isinstance(key_event, ScalarEvent):
                raise TreeError("yaml-sleutel", "Een sleutel moet een woord zijn, zoals 'titel'.", _pos(key_event))
            key = key_event.value
            value_event = self.next()
            if key in result:
                line = result.key_pos[key][0] + 1
                raise TreeError(
                    "yaml-dubbele-sleutel",
                    f"De sleutel '{key}' staat twee keer in hetzelfde blok (eerder op regel {line}). Laat er één over.",
                    _pos(key_event),
                )
            result.key_pos[key] = _pos(key_event)
            result.value_pos[key] = _pos(value_event)
            if isinstance(value_event, ScalarEvent):
                result.value_span[key] = _span(value_event)
            result[key] = self.node(value_event)
        return result


def compose(text: str) -> tuple[Any, list[tuple[Position, str]]]:
    """The first document of `text` as PosMap/PosSeq/scalars, and where a plain text lost a '#word' to YAML's
    comments (`_Builder.plain_text_cut_at_a_hashtag`); raises TreeError or ruamel's YAML errors."""
    if CParser is None:  # ruamel.yaml leaves it None when ruamel.yaml.clib is missing
        raise RuntimeError("ruamel.yaml.clib is niet geïnstalleerd; installeer lespakket opnieuw met pip.")
    builder = _Builder(text)
    return builder.document(), builder.cut_hashtags
