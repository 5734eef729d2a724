"""deck_package saves what python-pptx would save: the same .rels, content types and zip bytes."""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PACKAGE_URI, PackURI

from generators.deck_package_xml import content_types_xml, rels_xml
from tests.deck_helpers import all_documents, open_deck, render


def test_rels_match_python_pptx_for_every_part(project):
    presentation = open_deck(render(all_documents(project)[0]))
    slide_part = presentation.slides[0].part
    slide_part.relate_to("https://example.org/les?a=1&b=\"2\"", RT.HYPERLINK, is_external=True)
    package = presentation.part.package
    assert rels_xml(package._rels, PACKAGE_URI.baseURI) == package._rels.xml
    checked = 0
    for part in package.iter_parts():
        if len(part.rels):
            assert rels_xml(part.rels, part.partname.baseURI) == part.rels.xml, part.partname
            checked += 1
    assert checked > 20


def test_content_types_match_python_pptx(project):
    from pptx.opc.serialized import _ContentTypesItem
    from pptx.parts.image import ImagePart

    presentation = open_deck(render(all_documents(project)[0]))
    package = presentation.part.package
    parts = (*package.iter_parts(), ImagePart.load(PackURI("/ppt/media/Foto.PNG"), "image/png", package, b""))
    expected = etree.tostring(_ContentTypesItem.xml_for(parts), encoding="UTF-8", standalone=True)
    assert content_types_xml(parts) == expected

