"""The teacher guide as a PDF: mandatory sections, outline, metadata, fonts, school contacts, determinism, structure."""

from __future__ import annotations

import dataclasses
import re
import subprocess

import pytest

from generators.guide.render import CONTENTS, render_teacher_guide
from generators.guide.lesson_plan import number_ranges
from generators.lesson.document import Contact, RichText, Run, SchoolInfo
from generators.registry import GENERATORS
from tests.guide_samples import KEYS, OPTIONS, documents, guide, guide_text
from tests.pdf_checks import fonts, reader, squash
from tests.system_tools import require_program

SECTIONS = [title for _, title in CONTENTS]
SAFETY_PARTS = ["Voor en tijdens de les", "Contactpersonen van", "Als iemand je iets vertelt",
                "De meldcode in vijf stappen", "Aandachtspunten bij de meldcode",
                "Advies en melden: organisaties voor professionals"]


def test_registry_has_the_guide():
    ours = [g for g in GENERATORS if g.kind == "docentenhandleiding"]
    assert [(g.filename, g.target) for g in ours] == [("docentenhandleiding.pdf", "generators.guide.render:render_teacher_guide")]
    assert ours[0].load() is render_teacher_guide
    assert ours[0].description


@pytest.mark.parametrize("key", KEYS)
def test_every_guide_has_the_mandatory_sections(key):
    document = documents()[key]
    text = squash(guide_text(key))
    for heading in [*SECTIONS, *SAFETY_PARTS, "Leerdoelen", "Benodigdheden", "Voorbereiding", "Kernbegrippen",
                    "Signalen van uitbuiting", "Wat doe en zeg je?"]:
        assert squash(heading) in text, f"{key}: section '{heading}' missing"
    shared = [*document.meldcode.items, *document.conversation_tips.items, *document.attention_points.items,
              *document.signals.items]
    for item in shared:
        assert squash(item.title) in text, f"{key}: '{item.title}' missing"
    goals = [*document.goals.knowledge, *document.goals.skills, *document.goals.attitude]
    for rich in [*goals, *document.materials, *document.preparation, *document.background]:
        assert squash(rich.plain) in text, f"{key}: '{rich.plain[:40]}' missing"
    for activity in document.activities:
        assert squash(f"{activity.number}. {activity.title.plain}") in text
        for note in activity.notes:
            assert squash(note.plain) in text


@pytest.mark.parametrize("key", KEYS)
def test_outline_has_a_bookmark_per_section_and_activity(key):
    outline = reader(guide(key)).outline
    top = [entry.title for entry in outline if not isinstance(entry, list)]
    assert top == SECTIONS
    children = [e.title for entries in outline if isinstance(entries, list) for e in entries]
    activities = [f"{a.number}. {a.title.plain}" for a in documents()[key].activities]
    assert children == ["Contactpersonen van de school", *activities]


@pytest.mark.parametrize("key", KEYS)
def test_contents_page_numbers_point_at_the_sections(key):
    pdf = reader(guide(key))
    cover = pdf.pages[0].extract_text()
    for index, entry in enumerate(e for e in pdf.outline if not isinstance(e, list)):
        page = pdf.get_destination_page_number(entry) + 1
        assert re.search(rf"{re.escape(SECTIONS[index])}\n\s*{page}\n", cover), f"{key}: contents says another page for {SECTIONS[index]}"
    safety_page = pdf.get_destination_page_number([e for e in pdf.outline if not isinstance(e, list)][1]) + 1
    assert re.search(rf"Je vindt dit deel op pagina\s*{safety_page}\.", cover)
    assert f"Lees 'Veilig lesgeven' (pagina {safety_page})" in pdf.pages[-1].extract_text()


def test_metadata_names_the_guide_and_is_dutch():
    key = KEYS[0]
    document = documents()[key]
    pdf = reader(guide(key))
    meta = pdf.metadata
    assert meta.title == f"{document.title.plain} - Docentenhandleiding ({document.audience.label})"
    assert meta.author == document.publisher and "(anonymous)" not in str(meta)
    assert document.audience.who in meta.subject
    catalog = pdf.trailer["/Root"]
    assert catalog["/Lang"] == "nl-NL"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    assert catalog["/PageMode"] == "/UseOutlines"


@pytest.mark.parametrize("key", KEYS[:3])
def test_every_font_is_embedded(key):
    used = fonts(guide(key))
    assert used and all(used.values()), used


@pytest.mark.parametrize("key", KEYS)
def test_without_a_school_file_a_box_to_fill_in(key):
    """One line per help person of the audience (doelgroepen.yaml), plus the aandachtsfunctionaris for the meldcode."""
    text = guide_text(key)
    assert "Vul dit in vóór de les" in text
    roles = documents()[key].audience.school_help.roles
    for role in (*roles, "aandachtsfunctionaris", "anders"):
        assert f"{role[:1].upper()}{role[1:]}:" in text
    assert ("Mentor:" in text) == ("mentor" in roles)


@pytest.mark.parametrize("key", KEYS)
def test_the_meldcode_puts_the_schools_protocol_and_the_reporting_norm_first(key):
    """domain.md: acute or structural unsafety is reported to Veilig Thuis, and the school's own protocol comes first."""
    flat = squash(guide_text(key))
    meldcode = flat[flat.index(squash("De meldcode in vijf stappen")):]
    assert meldcode.index(squash("Volg eerst het meldprotocol van je eigen school")) < meldcode.index(squash("Breng de signalen"))
    assert squash("Bij acute of structurele onveiligheid meld je bij Veilig Thuis (de wettelijke meldnorm)") in meldcode


@pytest.mark.parametrize("key", KEYS)
def test_with_a_school_file_its_contact_people(key):
    document = documents(with_school=True)[key]
    assert document.school is not None
    text = squash(guide_text(key, with_school=True))
    assert squash(f"Contactpersonen van {document.school.name}") in text
    for contact in document.school.contacts:
        for value in (contact.name, contact.role, contact.reach):
            assert squash(value) in text
    assert squash("Vul dit in vóór de les") not in text


def test_author_markup_is_printed_not_interpreted():
    document = documents(with_school=True)[KEYS[0]]
    tricky = "Een <b>les</b> & <img src='/etc/passwd'/> <script>"
    school = SchoolInfo(name="School <i>X</i> & co", place=None, region=None,
                        contacts=(Contact(name="Juf <b>A</b>", role="mentor", function=None, reach="<a href='x'>"),))
    changed = dataclasses.replace(document, title=RichText((Run(tricky),)), school=school)
    text = squash("\n".join(p.extract_text() for p in reader(render_teacher_guide(changed, OPTIONS)).pages))
    for literal in (tricky, "Juf <b>A</b>", "<a href='x'>", "School <i>X</i> & co"):
        assert squash(literal) in text


@pytest.mark.parametrize("key", [KEYS[0], "online-uitbuiting-15-18"])
def test_renders_are_byte_identical(key):
    document = documents()[key]
    first = render_teacher_guide(document, OPTIONS)
    again = render_teacher_guide(dataclasses.replace(document), OPTIONS)
    assert first == again


@pytest.mark.parametrize("key", KEYS)
def test_qpdf_check_passes(key, tmp_path):
    qpdf = require_program("qpdf", "qpdf")
    path = tmp_path / "docentenhandleiding.pdf"
    path.write_bytes(guide(key))
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pages_render_to_png(tmp_path):
    pdftoppm = require_program("pdftoppm", "poppler-utils")
    path = tmp_path / "gids.pdf"
    path.write_bytes(guide("online-uitbuiting-15-18"))
    subprocess.run([pdftoppm, "-png", "-r", "30", str(path), str(tmp_path / "p")], check=True, timeout=120)
    assert len(list(tmp_path.glob("p-*.png"))) == len(reader(guide("online-uitbuiting-15-18")).pages)


@pytest.mark.parametrize(("numbers", "final", "expected"), [
    ((4, 5, 6), ", ", "4-6"),
    ((5, 6), ", ", "5-6"),
    ((28,), ", ", "28"),
    ((4, 5, 6, 9), ", ", "4-6, 9"),
    ((2, 3), " en ", "2 en 3"),
    ((4, 5, 6, 7), " en ", "4-7"),
    ((1, 3, 5), " en ", "1, 3 en 5"),
])
def test_number_ranges(numbers, final, expected):
    assert number_ranges(numbers, final=final) == expected


@pytest.mark.parametrize("key", KEYS)
def test_no_page_ends_with_a_heading(key):
    """Headings are kept with what follows; the body's last line on a page is never one of them."""
    headings = {*SECTIONS, *SAFETY_PARTS, "Leerdoelen", "Kennis", "Vaardigheden", "Houding", "Benodigdheden",
                "Voorbereiding", "Kernbegrippen", "Signalen van uitbuiting", "Over deze les", "Wat doe en zeg je?",
                "Op de dia's", "Hulp die de les noemt", "Inhoud"}
    headings |= {f"{a.number}. {a.title.plain}" for a in documents()[key].activities}
    for number, page in enumerate(reader(guide(key)).pages, 1):
        lines = [line.strip() for line in (page.extract_text() or "").splitlines() if line.strip()]
        assert lines[-1] not in headings, f"{key}: page {number} ends with the heading '{lines[-1]}'"
