"""Deterministic .pptx packaging: fixed core properties, and saving or re-zipping with fixed entry dates."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass


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
    """Saved by python-pptx, then zipped again in its own member order with fixed dates and permissions."""
    saved = io.BytesIO()
    presentation.save(saved)
    return rezip(saved.getvalue())


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
