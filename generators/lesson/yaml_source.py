"""Read a YAML file written by hand into a tree that remembers line and column of every value."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from generators.diagnostics import Diagnostics, Location
from generators.regular_files import NotRegularFile, read_regular
from generators.lesson.quote_advice import CURLY_QUOTES, curly_quote_advice
from generators.lesson.text_characters import check_characters
from generators.lesson.yaml_tree import PosMap, PosSeq, TreeError, compose

MAX_FILE_BYTES = 1_000_000
Loc = tuple[Any, ...]


@dataclass
class SourceFile:
    """One loaded YAML file: its tree plus a way back from a model path to a line and column."""

    path: Path
    display: str
    tree: Any

    def _walk(self, loc: Loc) -> tuple[Any, int, int]:
        """Follow `loc` as far as the file has it. Why: pydantic puts union tags and wrapper
        keys (like 'inhoud' or 'standaard') in error paths that are not keys in the file."""
        node = self.tree
        line, column = 0, 0
        if isinstance(node, (PosMap, PosSeq)):
            line, column = node.start[0] + 1, node.start[1] + 1
        for key in loc:
            if isinstance(node, PosMap) and key in node:
                child = node[key]
                container = isinstance(child, (PosMap, PosSeq))
                pos = node.key_pos[key] if container else node.value_pos[key]
            elif isinstance(node, PosSeq) and isinstance(key, int) and 0 <= key < len(node):
                child = node[key]
                pos = node.item_pos[key]
            else:
                continue
            line, column = pos[0] + 1, pos[1] + 1
            node = child
        return node, line, column

    def location(self, loc: Loc = ()) -> Location:
        """The position of the deepest node on `loc` that exists in the file."""
        _, line, column = self._walk(loc)
        return Location(self.display, line, column)

    def key_location(self, loc: Loc) -> Location:
        """The position of the key that ends `loc` (for unknown keys)."""
        parent, _, _ = self._walk(loc[:-1])
        if loc and isinstance(parent, PosMap) and loc[-1] in parent:
            line, column = parent.key_pos[loc[-1]]
            return Location(self.display, line + 1, column + 1)
        return self.location(loc)


def _size_kb(path: Path, read: int) -> int:
    """The file's size in kB. Why ask: only the first bytes past the limit are read."""
    try:
        return max(read, os.stat(path).st_size) // 1000
    except OSError:
        return read // 1000


def _offset_to_line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    column = offset - (before.rfind("\n") + 1) + 1
    return line, column


_TAB_INDENT = re.compile(r"^( *)\t", re.MULTILINE)
_CURLY_VALUE = re.compile(rf"^\s*(- +)*([^\s:#][^:#]*: +)?[{CURLY_QUOTES}]")  # a value or list item that opens with one


def read_yaml(path: Path, display: str, diagnostics: Diagnostics, *, kind: str = "bestand") -> SourceFile | None:
    """Load `path`; on any problem add located Dutch diagnostics and return None."""
    here = Location(display)
    try:
        raw = read_regular(path, MAX_FILE_BYTES + 1)
    except NotRegularFile as exc:
        diagnostics.error(exc.code, f"Het {kind} {exc.reason}.", here)
        return None
    if len(raw) > MAX_FILE_BYTES:
        diagnostics.error(
            "bestand-te-groot",
            f"Het {kind} is {_size_kb(path, len(raw))} kB; het mag hoogstens {MAX_FILE_BYTES // 1000} kB zijn.",
            here,
        )
        return None
    if b"\x00" in raw:
        diagnostics.error("bestand-binair", f"Dit is geen tekstbestand; een {kind} moet YAML-tekst zijn.", here)
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _offset_to_line_col(raw[: exc.start].decode("utf-8", "replace"), exc.start)
        diagnostics.error(
            "bestand-codering",
            "Het bestand is geen geldige UTF-8-tekst. Sla het op als 'UTF-8' in je teksteditor.",
            Location(display, line, column),
        )
        return None
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        diagnostics.error("yaml-leeg", f"Het {kind} is leeg.", here)
        return None
    tab = _TAB_INDENT.search(text)
    if tab:
        line, column = _offset_to_line_col(text, tab.end() - 1)
        diagnostics.error(
            "yaml-tab",
            "Hier wordt ingesprongen met een tab. Gebruik spaties om in te springen (bijvoorbeeld twee per niveau).",
            Location(display, line, column),
        )
        return None
    try:
        tree, cut_hashtags = compose(text)
    except TreeError as exc:
        line, column = exc.position
        diagnostics.error(exc.code, exc.message, Location(display, line + 1, column + 1))
        return None
    except ReaderError as exc:
        line, column = _offset_to_line_col(text, exc.position)
        diagnostics.error(
            "tekst-stuurteken",
            f"Onzichtbaar stuurteken U+{exc.character:04X} in de tekst (vaak meegekopieerd uit Word). Verwijder het.",
            Location(display, line, column),
        )
        return None
    except MarkedYAMLError as exc:
        return _syntax_error(exc, text, display, diagnostics)
    except (YAMLError, RecursionError, ValueError) as exc:
        diagnostics.error("yaml-syntax", f"Het {kind} is geen geldige YAML ({type(exc).__name__}).", here)
        return None
    if not isinstance(tree, PosMap):
        diagnostics.error(
            "yaml-geen-blok",
            f"Het {kind} moet bestaan uit sleutels met waarden (zoals 'titel: ...'), niet uit een losse lijst of tekst.",
            here,
        )
        return None
    for (line, column), hashtag in cut_hashtags:
        diagnostics.warning(
            "tekst-hekje",
            f"Na een spatie en '#' begint in YAML een opmerking, dus '{hashtag}' valt weg uit deze tekst. "
            "Bedoel je een hashtag? Zet de hele tekst tussen aanhalingstekens (\"...\").",
            Location(display, line + 1, column + 1),
        )
    check_characters(text, tree, display, diagnostics)
    return SourceFile(path=path, display=display, tree=tree)


_PROBLEMS_NL = {
    "expected the node content": "hier ontbreekt een waarde of het bestand houdt te vroeg op",
    "did not find expected node content": "hier ontbreekt een waarde of het bestand houdt te vroeg op",
    "could not find expected ':'": "hier ontbreekt een dubbele punt ':' achter een sleutel",
    "mapping values are not allowed": "een dubbele punt ':' staat hier op een onverwachte plek; zet de tekst tussen aanhalingstekens",
    "found unexpected end of stream": "het bestand houdt op voordat een tekst tussen aanhalingstekens is afgesloten",
    "expected <block end>": "de inspringing klopt hier niet",
    "found character": "een teken dat hier niet mag; zet de tekst tussen aanhalingstekens",
    "did not find expected key": "de inspringing klopt hier niet of er ontbreekt een ':'",
    "did not find expected '-' indicator": "een lijstitem ('- ...') staat niet goed ingesprongen",
    "expected ',' or ']'": "een lijst tussen [ ] is niet afgesloten",
    "expected ',' or '}'": "een blok tussen { } is niet afgesloten",
}


def _syntax_error(exc: MarkedYAMLError, text: str, display: str, diagnostics: Diagnostics) -> None:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or ""
    reason = next((nl for en, nl in _PROBLEMS_NL.items() if problem.startswith(en)), "de opmaak klopt hier niet")
    location = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
    line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
    message = f"YAML-fout: {reason}."
    if _CURLY_VALUE.match(line):
        # Why: 'put the text between quotes' is no help to an author who did, with the curly ones Word makes
        message = f"YAML-fout op deze regel. {curly_quote_advice()}"
    diagnostics.error("yaml-syntax", message, location)
    return None
