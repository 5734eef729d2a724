"""The slide template: reproducible from its script, named layouts, nl-NL, notes master; school templates."""

from __future__ import annotations

import io
import zipfile

import pytest
from pptx import Presentation

from generators.deck.template import LAYOUT_BOXES, DeckTemplateError, open_template, template_geometry
from generators.deck.template_build import TEMPLATE_PATH, build_template
from generators.diagnostics import BuildAborted
from tests.deck_helpers import all_documents, open_deck, render


def test_committed_template_is_what_the_script_builds():
    assert TEMPLATE_PATH.read_bytes() == build_template(), "run: python -m generators.deck.template_build"


def test_template_layouts_language_and_notes_master():
    presentation = Presentation(str(TEMPLATE_PATH))
    assert (presentation.slide_width, presentation.slide_height) == (12192000, 6858000)
    assert [layout.name for layout in presentation.slide_layouts] == list(LAYOUT_BOXES)
    body = [ph for ph in presentation.notes_master.placeholders if ph.placeholder_format.type == 2]
    assert body, "notes master needs a body placeholder"
    with zipfile.ZipFile(TEMPLATE_PATH) as package:
        xml = b"".join(package.read(n) for n in package.namelist() if n.endswith(".xml"))
    assert b'lang="nl-NL"' in xml and b"en-US" not in xml
    assert b'<a:srgbClr val="16465A"/>' in xml  # our own palette, not the Office default
    assert template_geometry(TEMPLATE_PATH)["Inhoud"].boxes[0].width > 700


def _template_with(tmp_path, rename: dict[str, str]):
    presentation = Presentation(str(TEMPLATE_PATH))
    for layout in presentation.slide_layouts:
        if layout.name in rename:
            layout.element.cSld.set("name", rename[layout.name])
    path = tmp_path / "school-sjabloon.pptx"
    presentation.save(str(path))
    return path


def test_missing_layout_is_a_dutch_error_listing_what_exists(tmp_path, project):
    path = _template_with(tmp_path, {"Stelling": "Stelling oud"})
    with pytest.raises(DeckTemplateError) as caught:
        open_template(path)
    message = str(caught.value)
    assert "mist de indeling 'Stelling'" in message
    assert "Dit sjabloon heeft: 'Titel', 'Sectie', 'Inhoud'" in message and "'Stelling oud'" in message
    with pytest.raises(BuildAborted) as aborted:
        render(all_documents(project)[0], path)
    assert aborted.value.diagnostics.items[0].message == message


def test_notes_master_without_a_notes_placeholder_is_a_dutch_error(tmp_path):
    presentation = Presentation(str(TEMPLATE_PATH))
    master = presentation.notes_master
    for placeholder in master.placeholders:
        if placeholder.placeholder_format.type == 2:  # body: where the notes go
            placeholder.element.getparent().remove(placeholder.element)
    path = tmp_path / "zonder-notities.pptx"
    presentation.save(str(path))
    with pytest.raises(DeckTemplateError, match="heeft geen notitievak"):
        open_template(path)


def test_not_a_pptx_is_a_dutch_error(tmp_path):
    path = tmp_path / "kapot.pptx"
    path.write_bytes(b"geen pptx")
    with pytest.raises(DeckTemplateError, match="kan niet worden geopend"):
        open_template(path)


def test_school_template_with_the_same_layout_names(tmp_path, project):
    """A school template: other colours and fonts, other placeholder order in the file; same layout names."""
    with zipfile.ZipFile(TEMPLATE_PATH) as package:
        theme = package.read("ppt/theme/theme1.xml")
    theme = theme.replace(b"16465A", b"5B2A86").replace(b'typeface="Calibri"', b'typeface="Arial"')
    from generators.deck.package import rezip

    path = tmp_path / "school.pptx"
    path.write_bytes(rezip(TEMPLATE_PATH.read_bytes(), {"ppt/theme/theme1.xml": theme}))
    document = all_documents(project)[0]
    ours, theirs = open_deck(render(document)), open_deck(render(document, path))
    assert [s.shapes.title.text for s in ours.slides] == [s.shapes.title.text for s in theirs.slides]
    with zipfile.ZipFile(io.BytesIO(render(document, path))) as package:
        assert b"5B2A86" in package.read("ppt/theme/theme1.xml")
