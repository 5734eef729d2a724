"""Relationship items (`.rels`) serialised straight from python-pptx's relationship objects.

Why: python-pptx builds every `<Relationship>` by parsing a small XML string and works out each
relative target with posixpath; that was a third of saving a deck. The bytes are the same as
`rels.xml` (tests/test_deck_package.py compares them for every part of a deck).
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree
from pptx.opc.packuri import PackURI

PR = "http://schemas.openxmlformats.org/package/2006/relationships"
RELATIONSHIP = f"{{{PR}}}Relationship"


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
