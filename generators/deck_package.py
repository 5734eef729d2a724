"""Deterministic .pptx packaging: fixed core properties, and saving or re-zipping with fixed entry dates."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from .deck_package_xml import content_types_xml, rels_xml

FIXED_DATE = dt.datetime(2025, 1, 1, 0, 0, 0)
ZIP_DATE = (2025, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class CoreProperties:
    title: str
    subject: str
    author: str
    keywords: str
    language: str = "nl-NL"


def set_core_properties(presentation, props: CoreProperties) -> None:
    """Why: python-pptx fills `modified`/`lastModifiedBy` from the clock and user; fix every field."""
    core = presentation.core_properties
    core.title = _short(props.title)
    core.subject = _short(props.subject)
    core.author = _short(props.author)
    core.last_modified_by = _short(props.author)
    core.keywords = _short(props.keywords)
    core.language = props.language
    core.category = "lesmateriaal"
    core.comments = ""
    core.revision = 1
    core.created = FIXED_DATE
    core.modified = FIXED_DATE


def _short(text: str, limit: int = 255) -> str:
    """Why: python-pptx refuses core properties over 255 characters; cut at a word and add '…'."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def save_deterministic(presentation) -> bytes:
    """Save with python-pptx's own part order, but fixed zip dates and permissions.

    Why not save and re-zip: compressing the package twice was a fifth of a deck's cost.
    Why `package._rels`: python-pptx has no public accessor for the package's own relationships.
    """
    from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI

    package = presentation.part.package
    parts = tuple(package.iter_parts())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        target.writestr(_member(CONTENT_TYPES_URI.membername), content_types_xml(parts))
        target.writestr(_member(PACKAGE_URI.rels_uri.membername), rels_xml(package._rels, PACKAGE_URI.baseURI))
        for part in parts:
            partname = part.partname
            target.writestr(_member(partname.membername), part.blob)
            if len(part.rels):
                target.writestr(_member(partname.rels_uri.membername), rels_xml(part.rels, partname.baseURI))
    return out.getvalue()


def _member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = 0o644 << 16
    return info


def rezip(data: bytes, replace: dict[str, bytes] | None = None, drop: frozenset[str] = frozenset()) -> bytes:
    """The same package with fixed zip metadata; `replace` swaps member contents by name."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            if name in drop:
                continue
            target.writestr(_member(name), replace.get(name, source.read(name)))
    return out.getvalue()
