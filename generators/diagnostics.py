"""Diagnostics as values: what went wrong, where, and how bad, printed in one Dutch format."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Iterable


class Severity(str, Enum):
    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Location:
    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.column or 1}"


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    code: str
    message: str
    location: Location

    def format(self) -> str:
        return f"{self.location}: {self.severity.value}: {self.message} [{self.code}]"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_record(self) -> dict:
        """As stored in the build record, so a reused result still shows its warnings."""
        loc = self.location
        return {"ernst": self.severity.value, "code": self.code, "tekst": self.message,
                "pad": loc.path, "regel": loc.line, "kolom": loc.column}

    @classmethod
    def from_record(cls, stored: dict) -> Diagnostic:
        return cls(Severity(stored["ernst"]), stored["code"], stored["tekst"],
                   Location(stored["pad"], stored["regel"], stored["kolom"]))


@dataclass
class Diagnostics:
    """An ordered collection that stages append to; the CLI prints it once."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, code: str, message: str, location: Location) -> None:
        self.items.append(Diagnostic(Severity.ERROR, code, message, location))

    def warning(self, code: str, message: str, location: Location) -> None:
        self.items.append(Diagnostic(Severity.WARNING, code, message, location))

    def extend(self, other: Iterable[Diagnostic]) -> None:
        self.items.extend(other)

    def has_errors(self, strict: bool = False) -> bool:
        return any(d.is_error or strict for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        unique = dict.fromkeys(self.items)
        return sorted(unique, key=lambda d: (d.location.path, d.location.line, d.location.column, d.code))

    def counts(self) -> tuple[int, int]:
        errors = sum(1 for d in self.items if d.is_error)
        return errors, len(self.items) - errors


class BuildAborted(Exception):
    """Raised after diagnostics were collected and the build must stop; carries them."""

    def __init__(self, diagnostics: Diagnostics):
        super().__init__(diagnostics)
        self.diagnostics = diagnostics

    def __str__(self) -> str:
        return "afgebroken"


def did_you_mean(value: str, options: Iterable[str]) -> str:
    """A Dutch ' Bedoel je ...?' suffix when a close option exists, else ''."""
    close = difflib.get_close_matches(str(value), sorted(set(options)), n=1, cutoff=0.6)
    return f" Bedoel je '{close[0]}'?" if close else ""


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as the author knows it: relative to the working folder when it lies inside."""
    root = _resolved(base or Path.cwd())
    if path.is_absolute() and ".." not in path.parts:
        # Why first: the build's lesson paths are absolute already; resolving each took 0.3 ms.
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


@lru_cache(maxsize=8)
def _resolved(folder: Path) -> Path:
    return folder.resolve()
