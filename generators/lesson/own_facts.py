"""Lesson text that writes its own phone number, address, figure or organisation instead of using shared data.

A number, site or percentage in a lesson is written once in assets/data (a helpline, a fact) and used by
id, so no two pages can disagree; `check` reports one written directly, at its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generators.data.organisations import is_known
from generators.diagnostics import Diagnostics
from generators.lesson.text_location import TextLocator
from generators.lesson.yaml_source import SourceFile

# Why 112 may be written: it is the one emergency number, the same everywhere and for good; pupils learn it
# by heart, exercises ask for it ("Bel [112]"), and the helpline `spoed-112` carries it too.
EMERGENCY = frozenset({"112"})
# Why these keys are skipped: ids, file paths and answer letters are not text anybody reads.
NOT_TEXT = frozenset({"id", "reeks", "soort", "pad", "juist", "feit", "bron", "fase"})
NOT_TEXT_LISTS = frozenset({"hulplijnen", "kerndoelen", "alleen", "items", "doelgroepen"})

_UNIT = r"(?:één|eén|een|twee|drie|vier|vijf|zes|zeven|acht|negen)"
_NUMBER_WORD = (rf"(?:(?:{_UNIT}(?:en|ën))?(?:twin|der|veer|vijf|zes|zeven|tach|negen)tig|"
                rf"(?:der|veer|vijf|zes|zeven|acht|negen)?tien|elf|twaalf|{_UNIT}|\w*honderd|\w*duizend)")
# A run of digits with single spaces or hyphens between, optionally +31/0031 and a "(0)" in front.
_DIGIT_RUN = re.compile(r"(?<![\w/.,+-])(?:(?:\+|00)31\s?(?:\(0\)\s?)?)?\d+(?:(?:\s?[-–]\s?|\s)\d+)*(?![\w/-])")
# Why a word before short numbers: "Bel 113" is a phone number, "groep 113" or "113 euro" is not.
_CALL_WORD = re.compile(
    r"(?:\bbel(?:len|t)?|\bsms(?:'en)?|\bwhatsapp|\btelefoon(?:nummer)?|\bnummer|\btel\.?)\s*(?::|naar|op|via)?\s*$",
    re.IGNORECASE,
)
_SERVICE_PREFIXES = ("0800", "0900", "0906", "0909")
_URL = re.compile(
    r"(?:\bhttps?://|\bwww\.)[^\s<>\"'()\[\]]+"
    # Why a lower-case top-level domain: "klaar.Nu" is a missing space, "fairwork.nu" an address. Why not .de:
    # "bijv.de klas" is a missing space far more often than a German site in a Dutch lesson.
    r"|(?<![\w@.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+"
    r"(?:nl|nu|com|org|net|eu|be|info|chat|io|app|online|help|uk|tv)\b(?:/[^\s<>\"'()\[\]]*)?",
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PERCENT = re.compile(
    rf"(?<![\w.,])(?:\d+(?:[.,]\d+)?\s?%|(?:\d+(?:[.,]\d+)?|{_NUMBER_WORD})\s+(?:procent|percent)\b)", re.IGNORECASE
)
# Why not "100% zeker": it is a way of saying "quite sure", not a figure.
_SURE = re.compile(r"(?:100\s?%|honderd\s+procent)\s+zeker", re.IGNORECASE)
_RATIO = re.compile(rf"\b(\d+|{_NUMBER_WORD})\s+op\s+(de\s+)?(\d+|{_NUMBER_WORD})\b", re.IGNORECASE)
# Why only 10, 100 and 1000 after "van de": "9 van de 10 jongeren" is a figure, "2 van de 3 casussen" a count.
_OUT_OF = re.compile(r"\b\d+\s+van\s+de\s+(?:10|100|1000|tien|honderd|duizend)\b", re.IGNORECASE)
# Why not "de helft" or "een derde": both are everyday words ("de helft van de klas", "aan een derde geven").
_FRACTION = re.compile(r"\b(?:twee\s?derde|drie\s?kwart)\b", re.IGNORECASE)

# Why these words: blocking, deleting and keeping evidence are the steps whose order two lessons gave differently
# ("block at once" against "keep the chat"); the order lives in sextortie.yaml.
_OWN_STEPS = re.compile(
    r"\b(?:blokk?e(?:er|ert|ren|erd)\w*|schermafbeelding\w*|screenshot\w*|"
    r"(?:chat|foto|bericht|beelden?)\w*\s+(?:nog\s+niet\s+)?(?:verwijder|wis)\w*|"
    r"(?:verwijder|wis)\w*\s+(?:de|je|het|die)\s+(?:chat|foto|bericht|beeld)\w*)",
    re.IGNORECASE,
)

_NAME = r"[A-Z][\w&'’-]*"
_ORG_PREFIX = re.compile(
    rf"\b(?:Stichting|Vereniging|Centrum|Bureau|Fonds|Instituut|Platform|Meldpunt|Steunpunt|Expertisecentrum|"
    rf"Kenniscentrum|Landelijk|Landelijke|Nationaal|Nationale)(?:\s+(?:{_NAME}|en|voor|van|tegen))*\s+{_NAME}"
)
_ORG_SUFFIX = re.compile(
    rf"\b(?:{_NAME}\s+)+(?:Nederland|NL|Foundation|Stichting|Groep|Academie|Instituut|Centrum|Helpdesk|Support)\b"
)
# A capitalised compound that ends like a service: "Kindertelefoon", "Jeugdzorg", "Meldpunt".
_ORG_COMPOUND = re.compile(r"\b[A-Z][a-zà-ÿ]{2,}(?:telefoon|lijn|hulp|punt|zorg|centrum|huis|desk)\b")
# After "bel", "chat met", "kijk op" ...: a name with an inner capital, a digit, two capitals or several words.
_CONTACT = re.compile(
    r"\b(?i:bel|bellen|belt|chat(?:ten)?\s+met|mail(?:en)?(?:\s+naar)?|contact\s+(?:op\s+)?met|kijk\s+op|"
    r"ga\s+naar|terecht\s+bij|hulp\s+(?:bij|van)|advies\s+(?:bij|van)|meld(?:en)?\s+(?:het\s+)?bij|"
    rf"aangifte\s+bij)\s+(?:de\s+|het\s+)?({_NAME}(?:\s+{_NAME}){{0,3}})"
)
_ORG_LIKE_NAME = re.compile(r"[a-z][A-Z]|\d|[A-Z]{2}|\s")
# Words that start a sentence and are no name: "In Nederland" is no organisation.
_NOT_NAMES = frozenset({
    "in", "op", "uit", "naar", "de", "het", "een", "bij", "voor", "van", "met", "ook", "alle", "elke", "heel",
    "ga", "kijk", "bel", "chat", "meld", "waar", "wie", "wat", "als", "dan", "maar", "en", "of", "zo", "hier",
})


@dataclass(frozen=True)
class Finding:
    """Something a lesson writes itself: what kind (the diagnostic code), the text and where it starts."""

    code: str
    text: str
    start: int
    what: str


def own_facts(text: str) -> list[Finding]:
    """Phone numbers, web and e-mail addresses, percentages and 'x op de y' figures written in `text`."""
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(code: str, match: re.Match[str], what: str, group: int = 0) -> None:
        start, end = match.span(group)
        if any(a < end and start < b for a, b in taken):
            return
        taken.append((start, end))
        found.append(Finding(code, match.group(group).rstrip(".,;:!?"), start, what))

    for match in _EMAIL.finditer(text):
        add("eigen-adres", match, "een e-mailadres")
    for match in _URL.finditer(text):
        add("eigen-adres", match, "een webadres")
    for match in _DIGIT_RUN.finditer(text):
        if _is_phone(match.group(), text[max(0, match.start() - 30):match.start()]):
            add("eigen-telefoonnummer", match, "een telefoonnummer")
    sure = [m.span() for m in _SURE.finditer(text)]
    for match in _PERCENT.finditer(text):
        if not any(a <= match.start() < b for a, b in sure):
            add("eigen-getal", match, "een percentage")
    for match in _RATIO.finditer(text):
        left, de, right = match.group(1).lower(), match.group(2), match.group(3).lower()
        words = not (left.isdigit() and right.isdigit())
        if left != right and not (words and not de) and not {left, right} <= {"een", "één", "1"}:
            add("eigen-getal", match, "een verhouding ('x op de y')")
    for match in _OUT_OF.finditer(text):
        add("eigen-getal", match, "een verhouding ('x van de y')")
    for match in _FRACTION.finditer(text):
        add("eigen-getal", match, "een deel ('twee derde')")
    return sorted(found, key=lambda f: f.start)


def _is_phone(run: str, before: str) -> bool:
    digits = re.sub(r"\D", "", run.replace("(0)", ""))
    if run.startswith(("+31", "0031")):
        digits = "0" + digits[4 if run.startswith("00") else 2:]
    if digits in EMERGENCY:
        return False
    if digits.startswith(_SERVICE_PREFIXES):
        return 8 <= len(digits) <= 11
    if digits.startswith("0") and len(digits) == 10:
        return True
    return 3 <= len(digits) <= 5 and _CALL_WORD.search(before) is not None


def organisation_names(text: str, known: tuple[str, ...]) -> list[tuple[str, int]]:
    """Names in `text` that look like an organisation and are not known, with where they start."""
    found: dict[int, str] = {}
    for pattern, least in ((_ORG_PREFIX, 2), (_ORG_SUFFIX, 2), (_ORG_COMPOUND, 1)):
        for match in pattern.finditer(text):
            words = [w for w in re.finditer(r"\S+", match.group())]
            while words and words[0].group().lower() in _NOT_NAMES:
                words.pop(0)
            if pattern is _ORG_SUFFIX and len(words) > least and _starts_sentence(text, match.start() + words[0].start()):
                words.pop(0)  # Why: 'Noem Slachtofferhulp Nederland' starts with a verb that has a capital
            if len(words) < least:
                continue
            start = match.start() + words[0].start()
            if least == 1 and _starts_sentence(text, start):
                continue  # Why: 'Jeugdzorg' at the start of a sentence may be an ordinary word with a capital
            found.setdefault(start, text[start:match.end()])
    for match in _CONTACT.finditer(text):
        if _ORG_LIKE_NAME.search(match.group(1)):
            found.setdefault(match.start(1), match.group(1))
    return sorted(((n, s) for s, n in found.items() if not is_known(n, known)), key=lambda x: x[1])


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"'‘“(*_")
    return not before or before[-1] in ".!?:\n"


def own_steps(text: str) -> list[tuple[str, int]]:
    """Words of the sextortion steps (blocking, deleting, screenshots) written in the lesson itself."""
    return [(m.group(), m.start()) for m in _OWN_STEPS.finditer(text)]


class OwnFactsCheck:
    """Reports own numbers, addresses and figures (errors) and unknown organisation names (warnings)."""

    def __init__(self, source: SourceFile, known_names: tuple[str, ...], diagnostics: Diagnostics):
        self.locator = TextLocator(source)
        self.known = known_names
        self.diagnostics = diagnostics

    def check(self, text: str, loc: tuple[Any, ...]) -> None:
        if loc and (loc[-1] in NOT_TEXT or (len(loc) > 1 and loc[-2] in NOT_TEXT_LISTS)):
            return
        for finding in own_facts(text):
            self.diagnostics.error(finding.code, _message(finding), self.locator.locate(loc, text[finding.start:]))
        for name, start in organisation_names(text, self.known):
            self.diagnostics.warning(
                "organisatie-onbekend",
                f"'{name}' lijkt de naam van een organisatie, maar staat niet in de gedeelde gegevens "
                "(assets/data: hulplijnen.yaml, de bronnen in feiten.yaml, organisaties.yaml). Noem alleen "
                "organisaties uit het bronmateriaal: zet een hulplijn in 'hulplijnen' of verwijs naar een feit met "
                "'feit: <id>'. Komt de naam uit het bronmateriaal, vraag dan om hem op te nemen in organisaties.yaml.",
                self.locator.locate(loc, text[start:]),
            )
        for word, start in own_steps(text)[:1]:
            self.diagnostics.warning(
                "stappenplan-eigen",
                f"'{word}': wat je doet bij chantage met beelden (niet betalen, bewijs bewaren, vertellen, melden en "
                "pas dan blokkeren) staat één keer in assets/data/sextortie.yaml, in één volgorde. Schrijf het niet "
                "zelf: gebruik een dia 'soort: gegevens' of een opdracht 'soort: volgorde' met 'bron: sextortie'.",
                self.locator.locate(loc, text[start:]),
            )


def _message(finding: Finding) -> str:
    shown = f"'{finding.text}' is {finding.what} in de lestekst."
    if finding.code == "eigen-getal":
        return (f"{shown} Schrijf geen eigen cijfers: verwijs naar een feit uit assets/data/feiten.yaml met "
                "'feit: <id>'; dan komen de bron, de reikwijdte en het jaar mee.")
    return (f"{shown} Schrijf geen eigen nummers of adressen: zet de organisatie in 'hulplijnen' (met haar "
            "nummer en website in assets/data/hulplijnen.yaml), dan tonen de slotdia en de handleiding ze; of "
            "verwijs naar een feit met 'feit: <id>'. Alleen 112 mag je zelf schrijven.")
