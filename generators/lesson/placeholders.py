"""Placeholders in lesson text, such as {hulp-op-school}, filled per audience from the shared data."""

from __future__ import annotations

import re

from generators.lesson.document import SchoolHelp

PLACEHOLDER = re.compile(r"\{([^{}\s]{1,40})\}")
SCHOOL_HELP = "hulp-op-school"
KNOWN = (SCHOOL_HELP,)
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)[\"'‘“(*_]*$")


def placeholder_values(school: SchoolHelp) -> dict[str, str]:
    """What each placeholder becomes for one audience."""
    return {SCHOOL_HELP: school.for_pupils}


def unknown_placeholders(text: str) -> list[tuple[int, str]]:
    """(offset, name) of each {name} in `text` that is not a known placeholder."""
    return [(m.start(), m.group(1)) for m in PLACEHOLDER.finditer(text) if m.group(1) not in KNOWN]


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """`text` with every known placeholder replaced; at the start of a sentence the value gets a capital.

    Why unknown ones stay: `check` reports them as an error [plaatshouder-onbekend] before anything renders."""
    if "{" not in text:
        return text

    def value(match: re.Match[str]) -> str:
        found = values.get(match.group(1))
        if found is None:
            return match.group()
        if _SENTENCE_START.search(text, 0, match.start()):
            return found[:1].upper() + found[1:]
        return found

    return PLACEHOLDER.sub(value, text)
