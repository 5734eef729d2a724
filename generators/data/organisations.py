"""Names a lesson may use besides the helplines: organisations, programmes and apps (organisaties.yaml)."""

from __future__ import annotations

import re

from pydantic import Field

from generators.lesson.source_model import Strict, Text

_NOT_A_LETTER = re.compile(r"[^\w]+")


class Organisaties(Strict):
    namen: list[Text] = Field(min_length=1, description="Zoals ze in het bronmateriaal staan, met een afkorting tussen haakjes.")


def name_key(text: str) -> str:
    """A name as it is compared: lower case, punctuation as spaces, with a space at both ends."""
    return f" {' '.join(_NOT_A_LETTER.sub(' ', text.lower()).split())} "


def is_known(candidate: str, known: tuple[str, ...]) -> bool:
    """Whether `candidate` is one of the known names or whole words of one ('CKM', 'Slachtofferhulp')."""
    key = name_key(candidate)
    return key.strip() != "" and any(key in name for name in known)
