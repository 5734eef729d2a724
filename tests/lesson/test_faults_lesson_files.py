"""Fault injection on what a lesson folder may hold: special files, characters no font draws, names Windows keeps.

Each case runs the real command in a subprocess with a timeout, so a build that hangs fails the test.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from PIL import Image

from tests.conftest import VARIANTS

ENV = {**os.environ, "LESPAKKET_DIAVOORBEELDEN": "0"}
LESSON = "lessons/proef/varianten/les.yaml"
NOT_WRITTEN = "Er is niets geschreven. Los de fouten op en probeer het opnieuw."
IMAGE_SLIDE = """          - soort: afbeelding
            titel: Een beeld
            afbeelding:
              pad: beeld/foto.png
              alt: Een rood vlak.
"""
FIFO = "geen gewoon bestand; lespakket leest alleen gewone bestanden"
FONT_TAIL = "Haal het teken weg of vervang het door een woord. [teken-niet-in-lettertype]"
NO_FONT = "fout: Het lettertype Carlito van de dia's en de PDF's heeft geen teken voor"
BIDI = ("fout: Onzichtbaar richtingsteken U+202E (RIGHT-TO-LEFT OVERRIDE) in de tekst. Het verandert de leesrichting, "
        "zodat de tekst anders getoond wordt dan hij geschreven is (vaak meegekopieerd van een webpagina). Verwijder het.")
WINDOWS = ("kan niet: Windows gebruikt die naam zelf (net als con, prn, aux, nul, com0-com9 en lpt0-lpt9), dus een "
           "map of pakket met die naam kan daar niet worden uitgepakt.")


def lespakket(cwd: Path, *args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    command = [*prefix, sys.executable, "-c", "from generators.cli.entry import main; main()", *args]
    return subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=60)


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(VARIANTS, tmp_path / "lessons")
    return tmp_path


def _edit(project: Path, old: str, new: str) -> None:
    lesson = project / LESSON
    text = lesson.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    lesson.write_text(text.replace(old, new), encoding="utf-8")


def _with_image(project: Path) -> Path:
    """Add an image slide to the fixture lesson; returns where its image goes (not made yet)."""
    _edit(project, "            bron: meldcode\n", "            bron: meldcode\n" + IMAGE_SLIDE)
    folder = project / "lessons/proef/varianten/beeld"
    folder.mkdir()
    return folder / "foto.png"


def where(project: Path, text: str, file: str = LESSON, offset: int = 0) -> str:
    """`file:line:column` of the first `text` in the file (1-based, in characters), `offset` characters on."""
    for number, line in enumerate((project / file).read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return f"{file}:{number}:{line.index(text) + 1 + offset}"
    raise AssertionError(f"{text!r} not in {file}")


def _errors(lines: list[str]) -> str:
    count = len(lines)
    return "\n".join([*lines, f"{count} {'fout' if count == 1 else 'fouten'}.", ""])


def assert_refused(project: Path, lines: list[str], *options: str, prefix: tuple[str, ...] = ()) -> None:
    """`check` and `build` both print exactly `lines` and exit 1; the build writes nothing."""
    checked = lespakket(project, "check", *options, prefix=prefix)
    assert (checked.returncode, checked.stderr) == (1, _errors(lines))
    uit = project / "uit"
    built = lespakket(project, "build", "-j", "0", "--uit", str(uit), *options, prefix=prefix)
    assert (built.returncode, built.stderr) == (1, _errors(lines) + NOT_WRITTEN + "\n")
    assert "Traceback" not in checked.stderr + built.stderr
    assert not uit.exists() or not any(uit.iterdir())


# --- special files ----------------------------------------------------------------------------


def _image_fifo(project: Path) -> list[str]:
    os.mkfifo(_with_image(project))
    return [f"{where(project, 'beeld/foto.png')}: fout: De afbeelding 'beeld/foto.png' is een named pipe (FIFO), {FIFO}. "
            "[bestand-soort]"]


def _outside(project: Path) -> list[str]:
    return [f"{where(project, 'beeld/foto.png')}: fout: 'beeld/foto.png' is een snelkoppeling (symbolische link) naar een "
            "bestand buiten de lesmap. Kopieer de afbeelding zelf naar de lesmap. [afbeelding-pad]"]


def _image_dev_zero(project: Path) -> list[str]:
    _with_image(project).symlink_to("/dev/zero")
    return _outside(project)


def _image_dev_zero_through_the_folder(project: Path) -> list[str]:
    image = _with_image(project)
    (image.parent / "nul").symlink_to("/dev/zero")
    image.symlink_to("nul")
    return _outside(project)


def _image_outside(project: Path) -> list[str]:
    Image.new("RGB", (4, 4)).save(project / "elders.png")
    _with_image(project).symlink_to(project / "elders.png")
    return _outside(project)


def _image_dangling(project: Path) -> list[str]:
    _with_image(project).symlink_to("weg.png")
    return [f"{where(project, 'beeld/foto.png')}: fout: De afbeelding 'beeld/foto.png' is een snelkoppeling (symbolische "
            "link) naar 'weg.png', maar dat bestand bestaat niet; vervang de snelkoppeling door het bestand zelf. "
            "[bestand-link-kapot]"]


def _image_loop(project: Path) -> list[str]:
    image = _with_image(project)
    (image.parent / "a.png").symlink_to("foto.png")
    image.symlink_to("a.png")
    return [f"{where(project, 'beeld/foto.png')}: fout: De afbeelding 'beeld/foto.png' is een snelkoppeling (symbolische "
            "link) die via snelkoppelingen weer naar zichzelf wijst; vervang de snelkoppeling door het bestand zelf. "
            "[bestand-link-kapot]"]


def _image_folder(project: Path) -> list[str]:
    _with_image(project).mkdir()
    return [f"{where(project, 'beeld/foto.png')}: fout: De afbeelding 'beeld/foto.png' is een map, geen bestand. "
            "[bestand-soort]"]


def _lesson_folder(project: Path) -> list[str]:
    (project / LESSON).unlink()
    (project / LESSON).mkdir()
    return [f"{LESSON}: fout: Het lesbestand is een map, geen bestand. [bestand-soort]"]


def _lesson_fifo(project: Path) -> list[str]:
    (project / LESSON).unlink()
    os.mkfifo(project / LESSON)
    return [f"{LESSON}: fout: Het lesbestand is een named pipe (FIFO), {FIFO}. [bestand-soort]"]


def _lesson_dev_zero(project: Path) -> list[str]:
    (project / LESSON).unlink()
    (project / LESSON).symlink_to("/dev/zero")
    return [f"{LESSON}: fout: Het lesbestand is een apparaat (zoals /dev/zero), {FIFO}. [bestand-soort]"]


def _lesson_loop(project: Path) -> list[str]:
    (project / LESSON).unlink()
    (project / LESSON).symlink_to("les.yaml")
    return [f"{LESSON}: fout: Het lesbestand is een snelkoppeling (symbolische link) die via snelkoppelingen weer naar "
            "zichzelf wijst; vervang de snelkoppeling door het bestand zelf. [bestand-link-kapot]"]


def _lesson_dangling(project: Path) -> list[str]:
    (project / LESSON).unlink()
    (project / LESSON).symlink_to("oud.yaml")
    return [f"{LESSON}: fout: Het lesbestand is een snelkoppeling (symbolische link) naar 'oud.yaml', maar dat bestand "
            "bestaat niet; vervang de snelkoppeling door het bestand zelf. [bestand-link-kapot]"]


SPECIAL_FILES: dict[str, Callable[[Path], list[str]]] = {
    "image-fifo": _image_fifo, "image-dev-zero": _image_dev_zero,
    "image-dev-zero-through-the-folder": _image_dev_zero_through_the_folder, "image-outside": _image_outside,
    "image-dangling": _image_dangling, "image-loop": _image_loop, "image-folder": _image_folder,
    "lesson-folder": _lesson_folder, "lesson-fifo": _lesson_fifo, "lesson-dev-zero": _lesson_dev_zero,
    "lesson-loop": _lesson_loop, "lesson-dangling": _lesson_dangling,
}


@pytest.mark.parametrize("case", SPECIAL_FILES)
def test_a_special_file_is_a_located_error(project, case):
    assert_refused(project, SPECIAL_FILES[case](project))


def test_a_school_file_that_is_a_fifo_is_a_located_error(project):
    os.mkfifo(project / "school.yaml")
    assert_refused(project, [f"school.yaml: fout: Het schoolbestand is een named pipe (FIFO), {FIFO}. [bestand-soort]"],
                   "--school", "school.yaml")


def _unreadable_runner(image: Path) -> tuple[str, ...]:
    """A prefix under which `image` cannot be read. Why a user namespace for root: root reads any file, except
    in a namespace of its own, where a file of a user it does not map stays closed."""
    os.chmod(image, 0)
    if os.geteuid() != 0:
        return ()
    os.chown(image, 54321, 54321)
    unshare = ("unshare", "--user", "--map-root-user")
    try:
        probe = subprocess.run([*unshare, "cat", str(image)], capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("running as root, and 'unshare --user' is not available to make a file unreadable")
    if probe.returncode == 0 or b"denied" not in probe.stderr:
        pytest.skip("running as root, and 'unshare --user' cannot make a file unreadable here")
    return unshare


def test_an_unreadable_image_is_a_located_error(project):
    image = _with_image(project)
    Image.new("RGB", (4, 4), "red").save(image)
    prefix = _unreadable_runner(image)
    assert_refused(project, [f"{where(project, 'beeld/foto.png')}: fout: De afbeelding 'beeld/foto.png' mag niet worden "
                             "gelezen: je hebt er geen leesrechten voor. [bestand-onleesbaar]"], prefix=prefix)


def test_special_files_that_no_lesson_names_do_not_stop_or_block_a_build(project):
    """Why they are left alone: no lesson uses them, so they cannot change what a build makes (build_inputs.tree_digest)."""
    folder = project / "lessons/proef/varianten"
    os.mkfifo(folder / "pijp")
    (folder / "nul").symlink_to("/dev/zero")
    (folder / "weg").symlink_to("bestaat-niet")
    (folder / "lus").symlink_to("lus")
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(folder / "sok"))
    listening.close()
    checked = lespakket(project, "check")
    assert (checked.returncode, checked.stderr, checked.stdout) == (0, "", "1 les gecontroleerd: in orde.\n")
    built = lespakket(project, "build", "-j", "0", "--uit", "uit")
    assert built.returncode == 0, built.stderr
    assert (project / "uit" / "manifest.json").is_file()
    again = lespakket(project, "build", "--uit", "uit")
    assert again.returncode == 0, again.stderr
    assert again.stdout == "Niets veranderd sinds de vorige build: uit/ is bij.\n"


def test_an_image_linked_from_assets_may_be_used(project):
    from generators.paths import ASSETS_DIR

    logo = next(ASSETS_DIR.rglob("*.png"))
    _with_image(project).symlink_to(logo)
    checked = lespakket(project, "check")
    assert (checked.returncode, checked.stderr) == (0, "")


# --- characters the fonts cannot draw -------------------------------------------------------


def _emoji(project: Path) -> list[str]:
    _edit(project, "samenvatting: Test voor", "samenvatting: Test 😀 voor")
    return [f"{where(project, '😀')}: {NO_FONT} U+1F600 (😀 GRINNING FACE). {FONT_TAIL}"]


def _bidi_override(project: Path) -> list[str]:
    _edit(project, "de resolutie", "de \u202eresolutie")
    return [f"{where(project, chr(0x202E))}: {BIDI} [tekst-richtingsteken]"]


def _bidi_escaped(project: Path) -> list[str]:
    _edit(project, "vraag: Wie?", 'vraag: "Wie\\u202E?"')
    value = where(project, '"Wie')
    return [f"{value}: {BIDI} Het staat als teken 4 in de tekst die hier begint. [tekst-richtingsteken]"]


def _word_joiner(project: Path) -> list[str]:
    _edit(project, "werkvorm: tweetallen", "werkvorm: twee\u2060tallen")
    return [f"{where(project, chr(0x2060))}: fout: Onzichtbaar teken U+2060 (WORD JOINER) in de tekst (vaak meegekopieerd "
            "uit Word of van een webpagina). Je ziet het niet, maar het breekt woorden en zoeken op onverwachte plekken. "
            "Verwijder het. [tekst-onzichtbaar-teken]"]


def _combining_mark(project: Path) -> list[str]:
    """Why q: no letter q with an accent exists, so the mark stays on its own; an e with U+0301 is é and passes."""
    _edit(project, "werkvorm: uitleg", "werkvorm: Ide\u0301e q\u0301")
    return [f"{where(project, 'q' + chr(0x301), offset=1)}: {NO_FONT} U+0301 (COMBINING ACUTE ACCENT). {FONT_TAIL}"]


def _private_use_in_a_block(project: Path) -> list[str]:
    _edit(project, "          Tweede alinea met **nadruk**.", "          Tweede alinea met\n          \uf0b7 **nadruk**.")
    return [f"{where(project, chr(0xF0B7))}: fout: U+F0B7 is een opsommingsteken uit Word (uit het lettertype Symbol of "
            "Wingdings); het lettertype Carlito van de dia's en de PDF's heeft het niet. Een punt in een lijst krijgt "
            "vanzelf een opsommingsteken: haal het weg. [teken-niet-in-lettertype]"]


def _emoji_in_a_folded_block(project: Path) -> list[str]:
    _edit(project, "werkvorm: klassengesprek", "werkvorm: >-\n          klassen\n          gesprek 🙂")
    return [f"{where(project, '🙂')}: {NO_FONT} U+1F642 (🙂 SLIGHTLY SMILING FACE). {FONT_TAIL}"]


CHARACTERS: dict[str, Callable[[Path], list[str]]] = {
    "emoji": _emoji, "bidi-override": _bidi_override, "bidi-escaped": _bidi_escaped, "word-joiner": _word_joiner,
    "combining-mark": _combining_mark, "private-use-in-a-block": _private_use_in_a_block,
    "emoji-in-a-folded-block": _emoji_in_a_folded_block,
}


@pytest.mark.parametrize("case", CHARACTERS)
def test_a_character_no_page_can_show_is_located(project, case):
    assert_refused(project, CHARACTERS[case](project))


def test_characters_in_the_school_file_are_located(project):
    (project / "school.yaml").write_text(
        'naam: "De Regenboog 🌈"\ncontactpersonen:\n  - naam: Mevrouw De Vries\n    rol: mentor\n'
        "    bereikbaar: Kamer\u200b 1\n", encoding="utf-8")
    assert_refused(project, [
        f"{where(project, '🌈', 'school.yaml')}: {NO_FONT} U+1F308 (🌈 RAINBOW). {FONT_TAIL}",
        f"{where(project, chr(0x200B), 'school.yaml')}: fout: Onzichtbaar teken U+200B (ZERO WIDTH SPACE) in de tekst "
        "(vaak meegekopieerd uit Word of van een webpagina). Je ziet het niet, maar het breekt woorden en zoeken op "
        "onverwachte plekken. Verwijder het. [tekst-onzichtbaar-teken]",
    ], "--school", "school.yaml")


# --- names Windows keeps --------------------------------------------------------------------


def _rename(project: Path, series: str, lesson_id: str) -> str:
    """Move the fixture lesson to lessons/<series>/<lesson_id> with that series and id; returns its file."""
    folder = project / "lessons" / series / lesson_id
    folder.parent.mkdir(exist_ok=True)
    (project / "lessons/proef/varianten").rename(folder)
    text = (folder / "les.yaml").read_text(encoding="utf-8")
    text = text.replace("id: varianten", f"id: {lesson_id}").replace("reeks: proef", f"reeks: {series}")
    (folder / "les.yaml").write_text(text, encoding="utf-8")
    return f"lessons/{series}/{lesson_id}/les.yaml"


@pytest.mark.parametrize("lesson_id", ["con", "nul", "com1", "lpt9"])
def test_a_lesson_id_that_windows_keeps_is_refused_at_its_line(project, lesson_id):
    file = _rename(project, "proef", lesson_id)
    assert_refused(project, [f"{file}:1:5: fout: De les-id '{lesson_id}' {WINDOWS} Kies een andere naam, bijvoorbeeld "
                             f"'{lesson_id}-les', en geef de map dezelfde naam. [naam-windows]"])


def test_a_series_name_that_windows_keeps_is_refused_at_its_line(project):
    file = _rename(project, "aux", "varianten")
    assert_refused(project, [f"{file}:5:8: fout: De reeks 'aux' {WINDOWS} Kies een andere naam, bijvoorbeeld "
                             "'aux-reeks', en geef de map dezelfde naam. [naam-windows]"])


def test_ids_that_differ_only_in_case_cannot_exist(project):
    """Why this is the whole check: an id has no capitals, so 'Con' (or a second 'Varianten') is refused as it stands."""
    file = _rename(project, "proef", "Con")
    assert_refused(project, [f"{file}:1:5: fout: 'Con' is geen geldige id: gebruik alleen kleine letters, cijfers en "
                             "streepjes (bijvoorbeeld 'wat-is-mensenhandel'). [id-ongeldig]"])


def test_the_folder_digest_counts_regular_files_only(project):
    """Why in a thread: a digest that opens the FIFO would block for ever; the test fails instead."""
    import threading

    from generators.build.inputs import tree_digest

    folder = project / "lessons/proef/varianten"
    before = tree_digest(folder)
    os.mkfifo(folder / "pijp")
    (folder / "nul").symlink_to("/dev/zero")
    (folder / "lus").symlink_to("lus")
    (folder / "weg").symlink_to("weg.png")
    result: list[str] = []
    worker = threading.Thread(target=lambda: result.append(tree_digest(folder)), daemon=True)
    worker.start()
    worker.join(30)
    assert result == [before]
    (folder / "kopie.yaml").symlink_to("les.yaml")
    linked = tree_digest(folder)
    (folder / "kopie.yaml").unlink()
    shutil.copy(folder / "les.yaml", folder / "kopie.yaml")
    assert tree_digest(folder) == linked != before  # a link counts as the file it points to
