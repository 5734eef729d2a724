"""Lint on lesson text: each fixture lesson is paired with the exact warning lines it must give."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.build.pipeline import load_project
from generators.lesson.lint import flesch_douma, sentences

PATH = "lessons/buit-in-de-klas/test-les/les.yaml"
LESSON = """\
id: test-les
titel: Een test
reeks: buit-in-de-klas
samenvatting: We praten over hulp vragen.
doelgroepen:
{doelgroepen}
leerdoelen:
  kennis:
    - Ik kan zeggen waar ik hulp vind.
lesverloop:
  - fase: kern
    activiteiten:
      - titel: Praten
        minuten: 10
        werkvorm: klassengesprek
        docentnotities: {notitie}
        dias:
{dias}
hulplijnen: {hulplijnen}
{begrippen}"""
GOOD_SLIDE = """\
          - soort: inhoud
            titel: Hulp
            punten:
              - Je mag altijd hulp vragen.
"""


def lint(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dias: str = GOOD_SLIDE,
    hulplijnen: str = "[chat-met-fier]",
    notitie: str = "Vraag wie al iets weet.",
    doelgroepen: tuple[str, ...] = ("10-12",),
    begrippen: str = "",
) -> list[str]:
    folder = tmp_path / "lessons" / "buit-in-de-klas" / "test-les"
    folder.mkdir(parents=True)
    text = LESSON.format(
        dias=dias.rstrip("\n"),
        hulplijnen=hulplijnen,
        notitie=notitie,
        doelgroepen="\n".join(f"  {a}:\n    duur: 10" for a in doelgroepen),
        begrippen=begrippen,
    )
    (folder / "les.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    project = load_project([Path("lessons")])
    return [d.format() for d in project.diagnostics.sorted()]


def test_plain_lesson_has_no_warnings(tmp_path, monkeypatch):
    assert lint(tmp_path, monkeypatch) == []


def test_quoted_examples_of_what_not_to_say_are_allowed(tmp_path, monkeypatch):
    note = """Zeg nooit 'dom' of "je kon toch weggaan" tegen een leerling."""
    assert lint(tmp_path, monkeypatch, notitie=note) == []


def test_blaming_words_in_teacher_notes(tmp_path, monkeypatch):
    note = "Sommigen zeggen dat het eigen schuld is."
    assert lint(tmp_path, monkeypatch, notitie=note) == [
        f"{PATH}:17:49: waarschuwing: 'eigen schuld': De schuld ligt altijd bij wie uitbuit, nooit bij "
        "degene die wordt uitgebuit. Zeg bijvoorbeeld: 'Het is nooit de schuld van wie wordt uitgebuit.' "
        "Noem je het als voorbeeld van wat je niet zegt? Zet het dan tussen aanhalingstekens. [taal-schuld]"
    ]


def test_blaming_words_on_a_slide_point_at_the_word(tmp_path, monkeypatch):
    slide = """\
          - soort: casus
            titel: Lisa
            tekst: >-
              Lisa is 12. Ze krijgt cadeautjes van een
              Loverboy die ze online kent.
"""
    assert lint(tmp_path, monkeypatch, dias=slide, doelgroepen=("12-15",)) == [
        f"{PATH}:23:15: waarschuwing: 'Loverboy': 'Loverboy' klinkt als een verliefde vriend. Het verbergt "
        "dat het om uitbuiting en mensenhandel gaat. Gebruik 'pooier' of 'uitbuiter'. Noem je het als "
        "voorbeeld van wat je niet zegt? Zet het dan tussen aanhalingstekens. [taal-schuld]"
    ]


def test_long_sentence_in_folded_text_points_at_its_line(tmp_path, monkeypatch):
    slide = """\
          - soort: casus
            titel: Tim
            tekst: >-
              Tim is 11. Een jongen uit de buurt vraagt of Tim na school even een pakketje
              naar een adres in de stad wil brengen.
"""
    assert lint(tmp_path, monkeypatch, dias=slide) == [
        f"{PATH}:22:26: waarschuwing: Deze zin heeft 21 woorden (10-12 hoogstens 12): "
        "'Een jongen uit de buurt vraagt of Tim na school even een…'. Maak er twee zinnen van. [zin-te-lang]"
    ]


def test_long_bullet_names_every_audience_it_is_too_long_for(tmp_path, monkeypatch):
    slide = """\
          - soort: inhoud
            titel: Hulp
            punten:
              - Je mag altijd hulp vragen aan je oom, je trainer, je ouders of een andere volwassene die je vertrouwt
"""
    assert lint(tmp_path, monkeypatch, dias=slide, doelgroepen=("10-12", "12-15")) == [
        f"{PATH}:24:17: waarschuwing: Dit punt heeft 19 woorden (10-12 hoogstens 10, 12-15 hoogstens 12): "
        "'Je mag altijd hulp vragen aan je oom, je trainer, je ouders…'. "
        "Maak het korter of verdeel het over twee punten. [punt-te-lang]"
    ]


def test_hard_activity_text(tmp_path, monkeypatch):
    slide = """\
          - soort: inhoud
            titel: Begrippen
            punten:
              - Mensenhandel is een verzamelnaam.
              - Arbeidsuitbuiting en orgaanverwijdering vallen eronder.
              - Criminele uitbuiting betekent gedwongen criminaliteit.
              - Seksuele uitbuiting betekent gedwongen prostitutie.
          - soort: inhoud
            titel: Kwetsbaarheid
            punten:
              - Verstandelijke beperkingen vergroten kwetsbaarheid.
              - Financiële problemen vergroten afhankelijkheid.
              - Psychische problematiek vergroot manipuleerbaarheid.
          - soort: quiz
            vraag: Welke omstandigheid vergroot kwetsbaarheid voor exploitatie?
            opties:
              - Verslavingsproblematiek
              - Schoolprestaties
            juist: A
            uitleg: Verslavingsproblematiek veroorzaakt afhankelijkheidsrelaties met criminele netwerken.
"""
    explained = """\
begrippen:
  - term: mensenhandel
    uitleg: Mensen dwingen om voor je te werken.
  - term: uitbuiting
    uitleg: Iemand dwingt een ander en verdient eraan.
  - term: prostitutie
    uitleg: Werk waarbij iemand voor seks betaald wordt.
"""
    assert lint(tmp_path, monkeypatch, dias=slide, begrippen=explained) == [
        f"{PATH}:38:21: waarschuwing: De activiteit 'Praten' heeft voor doelgroep 10-12 45% lange woorden "
        "(vier lettergrepen of meer), hoogstens 10%, zoals mensenhandel, verzamelnaam, arbeidsuitbuiting, "
        "orgaanverwijdering, criminele. Kies kortere woorden of leg een nieuw woord één keer uit. [lange-woorden]",
        f"{PATH}:38:21: waarschuwing: De activiteit 'Praten' is voor doelgroep 10-12 te moeilijk: Flesch-Douma -70, "
        "minimaal 70 (3.6 woorden per zin, 3.55 lettergrepen per woord). Het moeilijkst is: "
        "'Verslavingsproblematiek veroorzaakt…'. Gebruik kortere zinnen en kortere woorden. [leesbaarheid]",
    ]


def test_pupil_lesson_without_help_for_its_audience(tmp_path, monkeypatch):
    assert lint(tmp_path, monkeypatch, hulplijnen="[veilig-thuis]") == [
        f"{PATH}:23:1: waarschuwing: Voor doelgroep 10-12 noemt deze les geen enkele hulplijn, dus leerlingen "
        "zien niet waar ze (anoniem) hulp vinden. Voeg toe aan 'hulplijnen', bijvoorbeeld: Chat met Fier, "
        "Keerpunt, Helpwanted, Alarmnummer 112. [hulp-ontbreekt]",
        f"{PATH}:23:14: waarschuwing: De hulplijn 'veilig-thuis' staat in geen enkele versie van deze les: volgens "
        "assets/data/hulplijnen.yaml is hij alleen voor professionals, en deze les is voor 10-12. Haal 'veilig-thuis' "
        "weg, of vraag om hem in de gedeelde gegevens ook voor jouw doelgroep op te nemen (zie docs/auteurs.md). "
        "[hulplijn-niet-getoond]",
    ]


def test_teachers_lesson_needs_no_pupil_help(tmp_path, monkeypatch):
    assert lint(tmp_path, monkeypatch, hulplijnen="[veilig-thuis]", doelgroepen=("professionals",)) == []


def test_sentences_keep_abbreviations_and_offsets():
    text = "Sem is 14. Hij krijgt bijv. sneakers!\n\nWat doe jij?"
    assert sentences(text) == [(0, "Sem is 14."), (11, "Hij krijgt bijv. sneakers!"), (39, "Wat doe jij?")]


def test_flesch_douma_counts_short_sentences():
    score, per_sentence, per_word = flesch_douma("Slaan. Hard schreeuwen.")
    assert (round(per_sentence, 1), round(per_word, 2)) == (1.5, 1.33)
    assert round(score) == round(206.835 - 0.93 * 1.5 - 77 * 4 / 3)


def _bullets(*points: str) -> str:
    return "          - soort: inhoud\n            titel: Hulp\n            punten:\n" + "".join(
        f"              - {p}\n" for p in points)


ROLE_HINT = ("Schrijf {hulp-op-school}: dan staan er voor elke doelgroep de goede namen. Of maak een variant per "
             "doelgroep. [rol-past-niet]")


def test_a_role_of_another_school_type_in_pupil_text(tmp_path, monkeypatch):
    slide = _bullets("Praat erover met je mentor.", "Of met de juf.")
    assert lint(tmp_path, monkeypatch, dias=slide, doelgroepen=("10-12", "12-15")) == [
        f"{PATH}:24:37: waarschuwing: 'mentor' past niet bij doelgroep 10-12 (basisschool (po)), waar de juf of "
        f"meester, de intern begeleider en de vertrouwenspersoon helpen. {ROLE_HINT}",
        f"{PATH}:25:27: waarschuwing: 'juf' past niet bij doelgroep 12-15 (voortgezet onderwijs, onderbouw (vmbo, "
        f"havo, vwo)), waar de mentor, de vertrouwenspersoon en de zorgcoördinator helpen. {ROLE_HINT}",
    ]


def test_roles_that_fit_placeholders_teacher_text_and_professionals_are_fine(tmp_path, monkeypatch):
    slide = _bullets("Praat erover met je juf of meester.", "Of met de intern begeleider.") + (
        '          - soort: stelling\n            stelling: "{hulp-op-school} luistert."\n')
    note = "Vertel de mentor van de brugklas niets over de les."
    assert lint(tmp_path, monkeypatch, dias=slide, notitie=note) == []
    assert lint(tmp_path / "b", monkeypatch, dias=_bullets("Je bent mentor of vertrouwenspersoon."),
                doelgroepen=("professionals",), hulplijnen="[veilig-thuis]") == []


def test_a_placeholder_counts_as_the_words_pupils_read(tmp_path, monkeypatch):
    """'{hulp-op-school}' is 10 words for 10-12 and 7 for 12-15: 'Praat met {hulp-op-school}.' is too long for a
    bullet only at 10-12."""
    slide = _bullets("Praat met {hulp-op-school}.")
    assert lint(tmp_path, monkeypatch, dias=slide, doelgroepen=("10-12", "12-15")) == [
        f"{PATH}:24:17: waarschuwing: Dit punt heeft 12 woorden (10-12 hoogstens 10): 'Praat met je juf of "
        "meester, de intern begeleider of de…'. Maak het korter of verdeel het over twee punten. [punt-te-lang]"
    ]


HARD_HINT = ("met een 'uitleg' in gewone woorden; die komt op een dia, op het werkblad en in de handleiding. Of kies "
             "een gewoner woord. [begrip-ontbreekt]")


def test_a_hard_word_without_explanation_warns_once_at_its_first_use_for_10_12(tmp_path, monkeypatch):
    slide = _bullets("Een uitbuiter is vaak aardig.", "Uitbuiters geven cadeaus.", "Chat anonieme vragen.")
    assert lint(tmp_path, monkeypatch, dias=slide, doelgroepen=("10-12", "12-15")) == [
        f"{PATH}:24:21: waarschuwing: 'uitbuiter' kent een leerling van doelgroep 10-12 misschien niet, en de les "
        f"legt het niet uit. Voeg het toe aan 'begrippen': '- term: uitbuiter' {HARD_HINT}",
        f"{PATH}:26:22: waarschuwing: 'anonieme' kent een leerling van doelgroep 10-12 misschien niet, en de les "
        f"legt het niet uit. Voeg het toe aan 'begrippen': '- term: anoniem' {HARD_HINT}",
    ]
    assert lint(tmp_path / "b", monkeypatch, dias=slide, doelgroepen=("12-15",)) == []


def test_a_glossary_entry_explains_the_word_and_its_forms_for_its_audiences(tmp_path, monkeypatch):
    slide = _bullets("Milan wordt uitgebuit.", "Wie chanteert, is fout.")
    explained = ("begrippen:\n  - term: uitgebuit worden\n    uitleg: Iemand laat je dingen doen en verdient eraan.\n"
                 "  - term: chanteren\n    uitleg: Dreigen om iemand te dwingen.\n    alleen: [12-15]\n")
    assert lint(tmp_path, monkeypatch, dias=slide, begrippen=explained, doelgroepen=("10-12", "12-15")) == [
        f"{PATH}:25:21: waarschuwing: 'chanteert' kent een leerling van doelgroep 10-12 misschien niet, en de les "
        f"legt het niet uit. Voeg het toe aan 'begrippen': '- term: chanteren' {HARD_HINT}",
    ]


def _hindsight(question: str, forward: str) -> str:
    return (f"'{question}': een vraag of oordeel achteraf legt de schuld bij wie wordt uitgebuit, alsof die het had "
            f"kunnen voorkomen. Vraag vooruit, bijvoorbeeld: '{forward}' Noem je het als voorbeeld van wat je niet "
            "zegt? Zet het dan tussen aanhalingstekens. [vraag-achteraf]")


def test_hindsight_questions_about_a_person_in_pupil_text(tmp_path, monkeypatch):
    slide = _bullets("Wat had Milan kunnen doen?", "Waarom deed Sara niets?", "Milan had eerder nee moeten zeggen.",
                     "Waarom heeft hij het niet verteld?", "Wat had je anders kunnen doen?",
                     "Waarom is Sara niet weggegaan?", "Waarom heeft Milan geen hulp gevraagd?")
    assert lint(tmp_path, monkeypatch, dias=slide, doelgroepen=("12-15",)) == [
        f"{PATH}:22:17: waarschuwing: {_hindsight('Wat had Milan kunnen doen', 'Wat kan Milan nu doen?')}",
        f"{PATH}:23:17: waarschuwing: {_hindsight('Waarom deed Sara niets', 'Wat kan Sara nu doen?')}",
        f"{PATH}:24:17: waarschuwing: {_hindsight('Milan had eerder nee moeten', 'Wat kan Milan nu doen?')}",
        f"{PATH}:25:17: waarschuwing: {_hindsight('Waarom heeft hij het niet verteld', 'Wat kan hij nu doen?')}",
        f"{PATH}:26:17: waarschuwing: {_hindsight('Wat had je anders kunnen doen', 'Wat kun je nu doen?')}",
        f"{PATH}:27:17: waarschuwing: {_hindsight('Waarom is Sara niet weggegaan', 'Wat kan Sara nu doen?')}",
        f"{PATH}:28:17: waarschuwing: {_hindsight('Waarom heeft Milan geen hulp gevraagd', 'Wat kan Milan nu doen?')}",
    ]


def test_forward_questions_quotes_and_teacher_notes_are_no_hindsight(tmp_path, monkeypatch):
    slide = _bullets("Wat kan Milan nu doen?", "Niemand had dit kunnen weten.", "Milan had niets kunnen doen.",
                     "Zeg niet 'Waarom deed je dat ook?'", "Waarom vindt Sara het niet fijn?", "Het had iedereen kunnen overkomen.",
                     "Waarom heeft Sara het niet leuk?", "Waarom is hij niet bang?")
    note = "Vraag niet wat Milan had moeten doen."
    assert lint(tmp_path, monkeypatch, dias=slide, notitie=note, doelgroepen=("12-15",)) == []
