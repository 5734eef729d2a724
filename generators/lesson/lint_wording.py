"""Lint on words that do not fit the reader: a school role of another school type, a hard word the lesson does not
explain, a hindsight question about someone who was exploited."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generators.data.models import Doelgroep, MoeilijkWoord, Rol
from generators.lesson.placeholders import SCHOOL_HELP
from generators.lesson.school_help import join_words, school_help_of
from generators.lesson.source_model import Begrip

if TYPE_CHECKING:
    from generators.lesson.lint import Fragment

Loc = tuple[Any, ...]
Report = Callable[[str, str, Loc, str], None]
"""(code, message, where in the lesson, the text from the word on): the linter locates and keeps the warning."""

QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|‘[^’\n]*’|“[^”\n]*”")
"""A quoted piece of text: an example of what not to say, which the language checks leave alone."""

INFLECTION = r"(?:s|en|e|'s|’s)?"
"""Why these four: plural and adjective endings ('uitbuiters', 'anonieme'); other forms are listed in the data."""


def _words_pattern(forms: Iterable[str], suffix: str = "") -> re.Pattern[str]:
    """Any of `forms` as whole words (spaces inside a form match any white space), longest first."""
    ordered = sorted(set(forms), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, f.split())) + suffix for f in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


@dataclass
class _Found:
    """One place in the lesson and the audiences for which it is a problem."""

    loc: Loc
    start: int
    word: str
    snippet: str
    audiences: list[str]


def _collect(found: dict[tuple[Loc, int], _Found], fragment: Fragment, match: re.Match[str]) -> None:
    key = (fragment.loc, match.start())
    if key not in found:
        found[key] = _Found(fragment.loc, match.start(), match.group(), fragment.text[match.start():], [])
    if fragment.audience not in found[key].audiences:
        found[key].audiences.append(fragment.audience)


# --- school roles -----------------------------------------------------------------------------


def check_roles(fragments: Sequence[Fragment], groups: dict[str, Doelgroep], roles: list[Rol], report: Report) -> None:
    """A role that the audience's school does not have, in text for pupils ('mentor' at a primary school) [rol-past-niet].

    Why only pupil audiences: professionals speak about every role in school ('je bent mentor')."""
    patterns = {role.id: _words_pattern(role.vormen) for role in roles}
    found: dict[tuple[Loc, int], _Found] = {}
    for fragment in fragments:
        group = groups[fragment.audience]
        if not group.leerlingen:
            continue
        for role in roles:
            if role.id not in group.hulp_op_school.rollen:
                for match in patterns[role.id].finditer(fragment.text):
                    _collect(found, fragment, match)
    for place in found.values():
        where = [f"doelgroep {a} ({groups[a].onderwijs}), waar {school_help_of(groups[a], roles).for_teacher} helpen"
                 for a in place.audiences]
        report(
            "rol-past-niet",
            f"'{place.word}' past niet bij {join_words(where, 'en bij')}. Schrijf {{{SCHOOL_HELP}}}: dan staan er voor "
            "elke doelgroep de goede namen. Of maak een variant per doelgroep.",
            place.loc, place.snippet,
        )


# --- hard words -------------------------------------------------------------------------------


def check_hard_words(fragments: Sequence[Fragment], groups: dict[str, Doelgroep], hard_words: list[MoeilijkWoord],
                     glossary: list[Begrip], report: Report) -> None:
    """The first use of each hard word that the lesson's `begrippen` does not explain, for an audience that asks for
    it (doelgroepen.yaml `begrippen.moeilijke_woorden`) [begrip-ontbreekt]."""
    patterns = [(word, _words_pattern([word.woord, *word.vormen], INFLECTION)) for word in hard_words]
    found: dict[tuple[Loc, int], _Found] = {}
    base: dict[tuple[Loc, int], str] = {}
    for audience, group in groups.items():
        if not group.begrippen.moeilijke_woorden:
            continue
        terms = [entry.term for entry in glossary if not entry.alleen or audience in entry.alleen]
        mine = [f for f in fragments if f.audience == audience]
        for word, pattern in patterns:
            if any(pattern.search(term) for term in terms):
                continue
            first = next(((f, m) for f in mine if (m := pattern.search(f.text))), None)
            if first is not None:
                _collect(found, *first)
                base[(first[0].loc, first[1].start())] = word.woord
    for key, place in found.items():
        report(
            "begrip-ontbreekt",
            f"'{place.word}' kent een leerling van doelgroep {', '.join(place.audiences)} misschien niet, en de les "
            f"legt het niet uit. Voeg het toe aan 'begrippen': '- term: {base[key]}' met een 'uitleg' in gewone "
            "woorden; die komt op een dia, op het werkblad en in de handleiding. Of kies een gewoner woord.",
            place.loc, place.snippet,
        )


# --- hindsight questions ----------------------------------------------------------------------

HINDSIGHT_FORMS = (
    "wat had {wie} … kunnen doen",
    "wat had {wie} … moeten doen",
    "waarom deed {wie} dat",
    "waarom deed {wie} … niet",
    "waarom zei {wie} … niet",
    "waarom ging {wie} … niet",
    "waarom vertelde {wie} … niet",
    "waarom vroeg {wie} … niet",
    "waarom stopte {wie} … niet",
    "waarom heeft {wie} … niet … {voltooid}",
    "waarom is {wie} … niet … {voltooid}",
    "waarom had {wie} … niet",
    "{wie} had … moeten",
    "{wie} had … kunnen",
    "had {wie} … moeten",
    "had {wie} … kunnen",
)
"""Questions and verdicts after the fact: {wie} is a name or a personal pronoun, … up to four words; 'niet' also
matches 'niets' and 'geen'; {voltooid} is a past participle ('gezegd', 'verteld', 'weggegaan').

Why a participle after 'heeft' and 'is': 'Waarom heeft Sara het niet leuk?' asks about now, not about the past."""

_PRONOUNS = ("hij", "zij", "ze", "je", "jij", "jullie")
# Why: a capital at the start of a sentence is not a name; 'Niemand had dit kunnen weten' takes the blame away.
_NOT_NAMES = ("Het", "Dit", "Dat", "Die", "Deze", "De", "Een", "Er", "Niemand", "Iedereen", "Iemand", "Niets",
              "Alles", "Wie", "Wat", "Waarom", "Hoe", "Ik", "We", "Wij", "Men", "Dan", "Toen", "Nu", "Ook", "Zo",
              "Daar", "Hier", "Had")
_WHO = (rf"(?P<wie>(?i:{'|'.join(_PRONOUNS)})|(?!(?:{'|'.join(_NOT_NAMES)})(?!\w))[A-ZÀ-Ý][\w'’-]*)")
_GAP = r"(?:\s+[\w'’-]+){0,4}?"
_NOT = "(?i:niet|niets|geen)"
_PARTICIPLE = r"(?i:(?:ge|ver|be|ont|her|weg|op|uit|aan|af)\w+)"
# Why: 'Milan had niets kunnen doen' says it was not his fault.
_NOT_BLAMING = re.compile(r"(?<!\w)(?:niets|niks|nooit)(?!\w)", re.IGNORECASE)


def _hindsight_pattern(form: str) -> re.Pattern[str]:
    pattern = ""
    for token in form.split():
        if token == "…":
            pattern += _GAP
            continue
        piece = {"{wie}": _WHO, "niet": _NOT, "{voltooid}": _PARTICIPLE}.get(token, f"(?i:{re.escape(token)})")
        pattern += (r"\s+" if pattern else "") + piece
    return re.compile(rf"(?<!\w){pattern}(?!\w)")


HINDSIGHT = tuple((form, _hindsight_pattern(form)) for form in HINDSIGHT_FORMS)


def forward_question(who: str) -> str:
    """'Milan' -> 'Wat kan Milan nu doen?'; 'je' -> 'Wat kun je nu doen?'."""
    if who.lower() in ("je", "jij"):
        return "Wat kun je nu doen?"
    name = who.lower() if who.lower() in _PRONOUNS else who
    return f"Wat {'kunnen' if name == 'jullie' else 'kan'} {name} nu doen?"


def check_hindsight(fragments: Sequence[Fragment], report: Report) -> None:
    """A question or verdict after the fact about a person in pupil text ('Wat had Milan kunnen doen?') [vraag-achteraf]."""
    seen: set[tuple[Loc, int]] = set()
    for fragment in fragments:
        text = fragment.text
        quoted = [m.span() for m in QUOTED.finditer(text)]
        taken: list[tuple[int, int]] = []
        matches = sorted((m for form, pattern in HINDSIGHT for m in pattern.finditer(text)
                          if not (form.endswith("kunnen") and _NOT_BLAMING.search(m.group()))),
                         key=lambda m: (m.start(), -m.end()))
        for match in matches:
            span = match.span()
            if any(a <= span[0] and span[1] <= b for a, b in quoted) or any(a < span[1] and span[0] < b for a, b in taken):
                continue
            taken.append(span)
            if (fragment.loc, span[0]) in seen:
                continue
            seen.add((fragment.loc, span[0]))
            report(
                "vraag-achteraf",
                f"'{match.group()}': een vraag of oordeel achteraf legt de schuld bij wie wordt uitgebuit, alsof die "
                f"het had kunnen voorkomen. Vraag vooruit, bijvoorbeeld: '{forward_question(match.group('wie'))}' "
                "Noem je het als voorbeeld van wat je niet zegt? Zet het dan tussen aanhalingstekens.",
                fragment.loc, text[span[0]:],
            )
