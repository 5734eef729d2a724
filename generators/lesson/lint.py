"""Lint on lesson text per audience: readability, long sentences and bullets, blaming words, help routes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from generators.data.models import Doelgroep
from generators.diagnostics import Diagnostic, Diagnostics, Location
from generators.lesson.model_loading import Loaded, load_model
from generators.data.shared import SharedData
from generators.lesson.source_model import DEFAULT_KEY, Activiteit, Fase, Les, PerAudience, Punt, QuizDia, Strict, Text
from generators.lesson.syllables import SyllableCounts
from generators.lesson.lint_wording import QUOTED as _QUOTED, check_hard_words, check_hindsight, check_roles
from generators.lesson.placeholders import fill_placeholders, placeholder_values
from generators.lesson.school_help import school_help_of
from generators.lesson.text_location import TextLocator

Loc = tuple[Any, ...]

# Why: these fields are read by the teacher (guide, answer key), not by pupils; their level is not the pupils' level.
TEACHER_KEYS = frozenset({
    "id", "reeks", "doelgroepen", "kerndoelen", "benodigdheden", "voorbereiding", "achtergrond",
    "hulplijnen", "bronnen", "docentnotities", "werkvorm", "doel", "minuten", "luisterpunten",
    "antwoord", "aandachtspunten", "alt", "extra_woorden", "alleen", "extra_steun", "extra_uitdaging",
})

# Why: Flesch-Douma on fewer words swings by tens of points on one compound word (measured on our
# lessons: a 12-word slide scores anywhere from 40 to 110), so smaller units are not scored.
MIN_WORDS_FOR_SCORE = 40
# Why: Dutch compounds make many 3-syllable words everyday ("uitbuiting", "slachtoffer"); four or
# more syllables is where plain-language guides start to call a word long ("vertrouwenspersoon").
LONG_WORD_SYLLABLES = 4
DOUMA = (206.835, 0.93, 77.0)

_WORD = re.compile(r"\w[\w'’-]*")
_MARKUP = re.compile(r"\*\*|(?<!\w)_|_(?!\w)")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'‘“(]?[A-Z0-9À-Ý])|\n\s*\n")


@dataclass(frozen=True)
class Fragment:
    """One pupil-facing text as one audience sees it, with where it stands in the file."""

    loc: Loc
    text: str
    audience: str
    bullet: bool

    @property
    def unit(self) -> Loc:
        """Readability is scored per activity; title, summary and goals form one unit."""
        return self.loc[:4] if self.loc[0] == "lesverloop" else ()


def clean(text: str) -> str:
    """Text as pupils read it: no **/_ markup, no [ ] around gaps, single spaces."""
    return " ".join(_MARKUP.sub("", text).replace("[", "").replace("]", "").split())


def words(text: str) -> list[str]:
    return _WORD.findall(clean(text))


def sentences(text: str) -> list[tuple[int, str]]:
    """Sentences of `text` with their start offset in it; a slide bullet without a full stop is one sentence."""
    result, start = [], 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        if piece.strip():
            result.append((start + len(piece) - len(piece.lstrip()), piece.strip()))
        if match:
            start = match.end()
    return result


def _skip(model: BaseModel, name: str) -> bool:
    if name in TEACHER_KEYS:
        return True
    if name == "uitleg":
        return not isinstance(model, QuizDia)  # on a quiz slide pupils see it; elsewhere it is in the answer key
    return name == "titel" and isinstance(model, (Activiteit, Fase))


def pupil_fragments(lesson: Les, audiences: Iterable[str]) -> Iterator[Fragment]:
    yield from _pupil(lesson, (), frozenset(audiences), False)


def _pupil(value: Any, loc: Loc, active: frozenset[str], bullet: bool) -> Iterator[Fragment]:
    if isinstance(value, PerAudience):
        for audience in sorted(active):
            text = value.for_audience(audience)
            if isinstance(text, str) and text.strip():
                key = audience if audience in value.root else DEFAULT_KEY
                yield Fragment(loc + (key,), text, audience, bullet)
    elif isinstance(value, BaseModel):
        only = getattr(value, "alleen", None)
        if only:
            active = active & frozenset(only)
        if isinstance(value, Punt) and "dias" in loc:
            bullet = True
        for name in type(value).model_fields:
            if not _skip(value, name):
                yield from _pupil(getattr(value, name), loc + (name,), active, bullet)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _pupil(item, loc + (i,), active, bullet)


def flesch_douma(text: str) -> tuple[float, float, float]:
    """(score, words per sentence, syllables per word), syllables counted with pyphen's Dutch hyphenation.

    Why not textstat.flesch_reading_ease: it drops sentences of one or two words from the sentence
    count but keeps their words, so quiz options and short bullets made slides look harder."""
    parts = [clean(s) for _, s in sentences(text)]
    word_count = sum(len(_WORD.findall(p)) for p in parts)
    if not word_count:
        return 0.0, 0.0, 0.0
    syllables = sum(syllable_count(w) for p in parts for w in _WORD.findall(p))
    per_sentence, per_word = word_count / len(parts), syllables / word_count
    base, a, b = DOUMA
    return base - a * per_sentence - b * per_word, per_sentence, per_word


def syllable_count(word: str) -> int:
    """Syllables as textstat counts them for Dutch: hyphenation points + 1.

    Why not textstat itself: since 0.7.12 importing it loads nltk and scipy (3 s, 150 MiB per process)
    for English dictionaries we never use; its Dutch count is exactly this pyphen rule."""
    word = word.lower().strip(".,;:!?'\"()")
    return SYLLABLES.count(word) if word else 0


SYLLABLES = SyllableCounts()


# --- blaming words --------------------------------------------------------------------------


class Taalregel(Strict):
    id: str
    vormen: list[Text] = Field(min_length=1)
    uitleg: Text
    suggestie: Text


class Taalgebruik(Strict):
    woorden: list[Taalregel] = Field(min_length=1)


@dataclass(frozen=True)
class BlameRule:
    rule: Taalregel
    pattern: re.Pattern[str]


def load_language_rules(data_dir: Path, diagnostics: Diagnostics) -> list[BlameRule]:
    path = data_dir / "taalgebruik.yaml"
    if not path.exists():
        return []
    loaded = load_model(path, Taalgebruik, diagnostics, kind="gegevensbestand")
    if loaded is None:
        return []
    rules = []
    for rule in loaded.model.woorden:
        forms = sorted(rule.vormen, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
        rules.append(BlameRule(rule, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)))
    return rules


def _all_texts(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every text in the lesson, pupil or teacher, each variant once."""
    if isinstance(value, PerAudience):
        for key, text in value.root.items():
            if isinstance(text, str):
                yield loc + (key,), text
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _all_texts(getattr(value, name), loc + (name,))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _all_texts(item, loc + (i,))
    elif isinstance(value, str) and loc and loc[-1] not in ("id", "reeks", "pad", "url", "juist", "soort"):
        yield loc, value


# --- the linter -----------------------------------------------------------------------------


def lint_lessons(
    lessons: list[Loaded[Les]], data: SharedData, diagnostics: Diagnostics, data_dir: Path
) -> None:
    rules = load_language_rules(data_dir, diagnostics)
    for loaded in lessons:
        diagnostics.extend(lint_lesson(loaded, data, rules))


def lint_lesson(loaded: Loaded[Les], data: SharedData, rules: list[BlameRule]) -> list[Diagnostic]:
    """The warnings for one lesson."""
    found = Diagnostics()
    LessonLinter(loaded, data, found, rules).run()
    SYLLABLES.save()
    return found.items


class LessonLinter:
    def __init__(self, loaded: Loaded[Les], data: SharedData, diagnostics: Diagnostics, rules: list[BlameRule]):
        self.lesson = loaded.model
        self.source = loaded.source
        self.data = data
        self.diagnostics = diagnostics
        self.rules = rules
        self.groups = {a: data.audience(a) for a in self.lesson.doelgroepen if a in data.audience_ids}
        self.locator = TextLocator(loaded.source)

    def run(self) -> None:
        fragments = list(pupil_fragments(self.lesson, self.groups))
        shown = self.as_shown(fragments)
        self.check_lengths(shown)
        for audience, group in self.groups.items():
            self.check_readability(group, [f for f in shown if f.audience == audience])
        self.check_language()
        self.check_help()
        roles = self.data.doelgroepen.model.rollen
        check_roles(fragments, self.groups, roles, self.report)
        check_hard_words(fragments, self.groups, self.data.moeilijke_woorden.model.woorden, self.lesson.begrippen,
                         self.report)
        check_hindsight(fragments, self.report)

    def as_shown(self, fragments: list[Fragment]) -> list[Fragment]:
        """Fragments with their placeholders filled in, so lengths and readability are those pupils read."""
        roles = self.data.doelgroepen.model.rollen
        values = {a: placeholder_values(school_help_of(g, roles)) for a, g in self.groups.items()}
        return [replace(f, text=fill_placeholders(f.text, values[f.audience])) for f in fragments]

    def report(self, code: str, message: str, loc: Loc, snippet: str) -> None:
        self.warn(code, message, self.locate(loc, snippet))

    def warn(self, code: str, message: str, location: Location) -> None:
        self.diagnostics.warning(code, message, location)

    # -- where in the file -------------------------------------------------------------

    def locate(self, loc: Loc, snippet: str | None = None) -> Location:
        """The value at `loc`; with a snippet, the line and column where that snippet starts inside it."""
        return self.locator.locate(loc, snippet)

    # -- sentence and bullet length ----------------------------------------------------

    def check_lengths(self, fragments: list[Fragment]) -> None:
        """One warning per sentence or bullet, naming every audience it is too long for."""
        too_long: dict[tuple[Loc, int, str], list[tuple[str, int, int]]] = {}
        for fragment in fragments:
            limits = self.groups[fragment.audience].limieten
            if fragment.bullet:
                count = len(words(fragment.text))
                if count > limits.max_woorden_per_punt:
                    key = (fragment.loc, -1, fragment.text)
                    too_long.setdefault(key, []).append((fragment.audience, count, limits.max_woorden_per_punt))
                    continue
            for offset, sentence in sentences(fragment.text):
                count = len(words(sentence))
                if count > limits.max_woorden_per_zin:
                    key = (fragment.loc, offset, sentence)
                    too_long.setdefault(key, []).append((fragment.audience, count, limits.max_woorden_per_zin))
        for (loc, offset, text), hits in too_long.items():
            count = hits[0][1]
            which = ", ".join(f"{a} hoogstens {limit}" for a, _, limit in hits)
            if offset < 0:
                message = (
                    f"Dit punt heeft {count} woorden ({which}): '{_short(text)}'. "
                    "Maak het korter of verdeel het over twee punten."
                )
                self.warn("punt-te-lang", message, self.locate(loc))
            else:
                message = (
                    f"Deze zin heeft {count} woorden ({which}): '{_short(text)}'. "
                    "Maak er twee zinnen van."
                )
                self.warn("zin-te-lang", message, self.locate(loc, text))

    # -- readability and long words ----------------------------------------------------

    def check_readability(self, group: Doelgroep, fragments: list[Fragment]) -> None:
        units: dict[Loc, list[Fragment]] = {}
        for fragment in fragments:
            units.setdefault(fragment.unit, []).append(fragment)
        for unit, parts in units.items():
            text = " ".join(_as_sentence(clean(f.text)) for f in parts)
            unit_words = _WORD.findall(text)
            if len(unit_words) < MIN_WORDS_FOR_SCORE:
                continue
            name = self._unit_name(unit, group.id)
            score, per_sentence, per_word = flesch_douma(text)
            minimum = group.leesbaarheid.flesch_douma_min
            if score < minimum:
                hardest = min(parts, key=lambda f: _fragment_score(f.text))
                self.warn(
                    "leesbaarheid",
                    f"{name} is voor doelgroep {group.id} te moeilijk: Flesch-Douma {score:.0f}, "
                    f"minimaal {minimum} ({per_sentence:.1f} woorden per zin, "
                    f"{per_word:.2f} lettergrepen per woord). Het moeilijkst is: '{_short(hardest.text)}'. "
                    "Gebruik kortere zinnen en kortere woorden.",
                    self.locate(hardest.loc, sentences(hardest.text)[0][1]),
                )
            long_words = [w for w in unit_words if syllable_count(w) >= LONG_WORD_SYLLABLES]
            share = 100 * len(long_words) / len(unit_words)
            limit = group.limieten.max_lange_woorden_procent
            if share > limit:
                worst = max(parts, key=lambda f: sum(syllable_count(w) >= LONG_WORD_SYLLABLES for w in words(f.text)))
                examples = ", ".join(list(dict.fromkeys(w.lower() for w in long_words))[:5])
                self.warn(
                    "lange-woorden",
                    f"{name} heeft voor doelgroep {group.id} {share:.0f}% lange woorden "
                    f"(vier lettergrepen of meer), hoogstens {limit}%, zoals {examples}. "
                    "Kies kortere woorden of leg een nieuw woord één keer uit.",
                    self.locate(worst.loc, sentences(worst.text)[0][1]),
                )

    def _unit_name(self, unit: Loc, audience: str) -> str:
        if not unit:
            return "De titel, samenvatting en leerdoelen samen"
        activity = self.lesson.lesverloop[unit[1]].activiteiten[unit[3]]
        return f"De activiteit '{activity.titel.for_audience(audience)}'"

    # -- blaming words -----------------------------------------------------------------

    def check_language(self) -> None:
        for loc, text in _all_texts(self.lesson, ()):
            quoted = [m.span() for m in _QUOTED.finditer(text)]
            for blame in self.rules:
                for match in blame.pattern.finditer(text):
                    if any(start <= match.start() and match.end() <= end for start, end in quoted):
                        continue
                    rule = blame.rule
                    self.warn(
                        "taal-schuld",
                        f"'{match.group()}': {rule.uitleg} {rule.suggestie} "
                        "Noem je het als voorbeeld van wat je niet zegt? Zet het dan tussen aanhalingstekens.",
                        self.locate(loc, text[match.start():]),
                    )

    # -- help routes -------------------------------------------------------------------

    def check_help(self) -> None:
        helplines = self.data.helplines
        selected = self.lesson.hulplijnen or list(helplines)
        if any(i not in helplines for i in selected):
            return  # an unknown id is already an error [hulplijn-onbekend]; one report is enough
        for audience, group in self.groups.items():
            if not group.leerlingen:
                continue
            routes = [i for i in selected if i in helplines and audience in helplines[i].doelgroepen]
            if not routes:
                allowed = [h.naam for h in helplines.values() if audience in h.doelgroepen]
                self.warn(
                    "hulp-ontbreekt",
                    f"Voor doelgroep {audience} noemt deze les geen enkele hulplijn, dus leerlingen zien niet "
                    f"waar ze (anoniem) hulp vinden. Voeg toe aan 'hulplijnen', bijvoorbeeld: {', '.join(allowed)}.",
                    self.source.location(("hulplijnen",)),
                )


def _as_sentence(text: str) -> str:
    text = text.rstrip(" :;,")
    return text if text.endswith((".", "!", "?")) else text + "."


def _fragment_score(text: str) -> float:
    return flesch_douma(_as_sentence(clean(text)))[0] if len(words(text)) >= 5 else 200.0


def _short(text: str, limit: int = 60) -> str:
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return (cut[: cut.rfind(" ")] if " " in cut else cut).rstrip(" ,;:") + "…"
