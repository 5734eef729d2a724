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
"""
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
) -> list[str]:
    folder = tmp_path / "lessons" / "buit-in-de-klas" / "test-les"
    folder.mkdir(parents=True)
    text = LESSON.format(
        dias=dias.rstrip("\n"),
        hulplijnen=hulplijnen,
        notitie=notitie,
        doelgroepen="\n".join(f"  {a}:\n    duur: 10" for a in doelgroepen),
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
    assert lint(tmp_path, monkeypatch, dias=slide) == [
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
              - Je mag altijd hulp vragen aan je juf, je meester, je ouders of een andere volwassene die je vertrouwt
"""
    assert lint(tmp_path, monkeypatch, dias=slide, doelgroepen=("10-12", "12-15")) == [
        f"{PATH}:24:17: waarschuwing: Dit punt heeft 19 woorden (10-12 hoogstens 10, 12-15 hoogstens 12): "
        "'Je mag altijd hulp vragen aan je juf, je meester, je ouders…'. "
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
    assert lint(tmp_path, monkeypatch, dias=slide) == [
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
        "Keerpunt, Helpwanted, Alarmnummer 112. [hulp-ontbreekt]"
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
