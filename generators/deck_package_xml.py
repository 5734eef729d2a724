"""The package's own items, `.rels` and `[Content_Types].xml`, serialised straight from python-pptx's objects.

Why: python-pptx builds every `<Relationship>`, `<Default>` and `<Override>` by parsing a small XML
string and works out each relative target with posixpath; that was a third of saving a deck. The
bytes are the same as python-pptx's (tests/test_deck_package.py compares them for a whole deck).
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.packuri import PackURI
from pptx.opc.spec import default_content_types

PR = "http://schemas.openxmlformats.org/package/2006/relationships"
RELATIONSHIP = f"{{{PR}}}Relationship"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"


def content_types_xml(parts) -> bytes:
    """`[Content_Types].xml` as python-pptx writes it: known extensions as sorted defaults, other parts as overrides."""
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides = {}
    for part in parts:
        partname, content_type = part.partname, part.content_type
        ext = partname.ext
        if (ext.lower(), content_type) in default_content_types:
            defaults[ext.lower()] = content_type
        else:
            overrides[str(partname)] = content_type
    root = etree.Element(f"{{{TYPES}}}Types", nsmap={None: TYPES})
    for ext, content_type in sorted(defaults.items()):
        etree.SubElement(root, f"{{{TYPES}}}Default", Extension=ext, ContentType=content_type)
    for partname, content_type in sorted(overrides.items()):
        etree.SubElement(root, f"{{{TYPES}}}Override", PartName=partname, ContentType=content_type)
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def rels_xml(rels, base_uri: str) -> bytes:
    """`rels` (a part's or the package's relationships) as python-pptx writes them: in rId number order."""
    root = etree.Element(f"{{{PR}}}Relationships", nsmap={None: PR})
    for _, r_id in sorted((_number(r_id), r_id) for r_id in rels):
        rel = rels[r_id]
        if rel.is_external:
            attributes = {"Target": rel.target_ref, "TargetMode": "External"}
        else:
            attributes = {"Target": _relative(str(rel.target_partname), base_uri)}
        etree.SubElement(root, RELATIONSHIP, Id=r_id, Type=rel.reltype, **attributes)
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def _number(r_id: str) -> int:
    return int(r_id[3:]) if r_id.startswith("rId") and r_id[3:].isdigit() else 0


@lru_cache(maxsize=4096)
def _relative(partname: str, base_uri: str) -> str:
    return PackURI(partname).relative_ref(base_uri)
