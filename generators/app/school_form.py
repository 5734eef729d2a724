"""The form 'Pakket voor jouw school': what was typed, checked by the rules of a school file, a Dutch message per field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import get_args

from pydantic import ValidationError

from generators.app.library import Library
from generators.data.models import Contactpersoon, School
from generators.data.school_limits import MAX_CONTACTS, MAX_SCHOOL_TEXT, MAX_TEXT
from generators.lesson.text_characters import text_problems

CONTACT_FIELDS = ("naam", "rol", "functie", "bereikbaar")
ROLES: tuple[str, ...] = get_args(Contactpersoon.model_fields["rol"].annotation)
FIRST_ROWS = 3
"""Empty rows for contact people on a new form. Why 3: most schools name a mentor, a confidential adviser and a care coordinator."""
_ROW_KEY = re.compile(r"contact-([1-9][0-9]{0,2})-(naam|rol|functie|bereikbaar)")
_CHOICES = {"les": "lessons", "reeks": "series", "doelgroep": "audiences"}
_EMPTY = {
    "naam": "Vul de naam van de school in.",
    "contactpersonen": "Vul minstens één contactpersoon in: de naam, de rol en hoe je die persoon bereikt.",
    "contact-naam": "Vul de naam van deze contactpersoon in.",
    "contact-rol": "Kies de rol van deze contactpersoon.",
    "contact-bereikbaar": "Vul in hoe leerlingen en collega's deze persoon bereiken, bijvoorbeeld een kamer of een "
                          "mailadres.",
}


def _blank() -> dict[str, str]:
    return dict.fromkeys(CONTACT_FIELDS, "")


@dataclass
class Typed:
    """What the form holds, as the page shows it again."""

    naam: str = ""
    plaats: str = ""
    contacts: list[dict[str, str]] = field(default_factory=list)  # the rows shown; the filled ones first
    lessons: frozenset[str] = frozenset()
    series: frozenset[str] = frozenset()
    audiences: frozenset[str] = frozenset()
    more: bool = False  # 'Nog een contactpersoon' was pressed: show a row more, check nothing yet


@dataclass
class Checked:
    school: School | None  # None when anything is wrong
    chosen: list[int]  # indexes of the library's documents
    errors: dict[str, str]  # field id -> Dutch message


def new_form(library: Library, lesson: str | None = None) -> Typed:
    """The empty form: every audience ticked, and the lesson a lesson page linked from, if it exists."""
    lessons = frozenset([lesson]) if lesson in library.lesson_ids else frozenset()
    return Typed(contacts=[_blank() for _ in range(FIRST_ROWS)], lessons=lessons,
                 audiences=frozenset(a.id for a in library.audiences))


def read_form(pairs: list[tuple[str, str]]) -> Typed:
    """The form's fields; unknown ones are ignored. Rows that are all empty do not count, but stay on the page."""
    texts: dict[str, str] = {}
    rows: dict[int, dict[str, str]] = {}
    choices: dict[str, set[str]] = {name: set() for name in _CHOICES.values()}
    more = False
    for key, value in pairs:
        value = value.strip()
        row = _ROW_KEY.fullmatch(key)
        if key in ("naam", "plaats"):
            texts.setdefault(key, value)
        elif key in _CHOICES:
            choices[_CHOICES[key]].add(value)
        elif key == "actie":
            more = more or value == "meer"
        elif row:
            rows.setdefault(int(row[1]), _blank())[row[2]] = value
    filled = [rows[n] for n in sorted(rows) if any(rows[n].values())]
    shown = min(max(FIRST_ROWS, len(rows)) + more, MAX_CONTACTS)
    contacts = filled + [_blank() for _ in range(shown - len(filled))]
    return Typed(texts.get("naam", ""), texts.get("plaats", ""), contacts, frozenset(choices["lessons"]),
                 frozenset(choices["series"]), frozenset(choices["audiences"]), more)


def check(typed: Typed, library: Library) -> Checked:
    """The school and the chosen documents, or a message for each field that is wrong (the first problem of each)."""
    errors: dict[str, str] = {}
    for field_id, value in _texts(typed):
        problems = text_problems(value)
        if problems:
            errors[field_id] = problems[0][1]
    school = _school(typed, errors)
    chosen = _chosen(typed, library, errors)
    return Checked(None if errors else school, chosen, errors)


def _texts(typed: Typed) -> list[tuple[str, str]]:
    texts = [("naam", typed.naam), ("plaats", typed.plaats)]
    for number, row in enumerate(typed.contacts, 1):
        texts += [(f"contact-{number}-{name}", row[name]) for name in CONTACT_FIELDS if name != "rol"]
    return texts


def _school(typed: Typed, errors: dict[str, str]) -> School | None:
    """The school as a school file would give it. Why through the model: its limits are the school file's own."""
    contacts = [{k: v for k, v in row.items() if v} for row in typed.contacts if any(row.values())]
    raw = {"naam": typed.naam, "plaats": typed.plaats, "contactpersonen": contacts}
    try:
        return School.model_validate({k: v for k, v in raw.items() if v})
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            field_id, message = _message(err)
            errors.setdefault(field_id, message)
        return None


def _message(err: dict) -> tuple[str, str]:
    """(field id, Dutch message) of one error of the School model."""
    loc, kind = err["loc"], err["type"]
    contact = len(loc) >= 3 and loc[0] == "contactpersonen"
    name = str(loc[2] if contact else loc[0])
    field_id = f"contact-{loc[1] + 1}-{name}" if contact else name
    if kind in ("missing", "too_short", "string_too_short"):
        return field_id, _EMPTY.get(f"contact-{name}" if contact else name, "Vul dit veld in.")
    if kind == "school-tekst-te-lang":
        limit = (MAX_TEXT if contact else MAX_SCHOOL_TEXT)[name]
        return field_id, (f"Dit zijn {len(err['input'])} tekens; er passen er hoogstens {limit} in de materialen. "
                          "Maak de tekst korter.")
    if kind == "school-te-veel-contacten":
        return field_id, (f"Je noemt {len(err['input'])} contactpersonen; er passen er hoogstens {MAX_CONTACTS} in de "
                          "materialen (de factsheet zet ze allemaal op één pagina). Noem alleen wie leerlingen en "
                          "collega's het eerst kunnen aanspreken.")
    if kind == "school-contacten-te-lang":
        return field_id, ("De contactpersonen passen samen niet op de factsheet (de poster voor de teamkamer), ook niet "
                          "in de kleinste letter. Maak de teksten bij 'Functie' en 'Hoe bereik je deze persoon?' "
                          "korter, of noem minder contactpersonen.")
    if kind == "literal_error":
        return field_id, "Kies een rol uit de lijst."
    return field_id, "Dit klopt niet. Vul het opnieuw in."


def _chosen(typed: Typed, library: Library, errors: dict[str, str]) -> list[int]:
    known = {s.id for s in library.series} | set(library.lesson_ids)
    if (typed.lessons | typed.series) - known:
        errors["lessen"] = "Een van de gekozen lessen bestaat niet (meer). Kies opnieuw uit de lijst."
    elif not typed.lessons | typed.series:
        errors["lessen"] = "Kies minstens één les, of een hele reeks."
    if typed.audiences - {a.id for a in library.audiences}:
        errors["doelgroepen"] = "Kies een doelgroep uit de lijst."
    elif not typed.audiences:
        errors["doelgroepen"] = "Kies minstens één doelgroep."
    if "lessen" in errors or "doelgroepen" in errors:
        return []
    lessons = typed.lessons | {lesson.id for s in library.series if s.id in typed.series for lesson in s.lessons}
    chosen = [i for i, d in enumerate(library.documents) if d.lesson_id in lessons and d.audience.id in typed.audiences]
    if not chosen:
        errors["doelgroepen"] = ("De gekozen lessen zijn er niet voor deze doelgroepen. Kies ook een doelgroep die bij "
                                 "een gekozen les staat.")
    return chosen
