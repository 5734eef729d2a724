"""Deterministic zip packs with a manifest of sha256 sums, and verification of a downloaded pack."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

PACK_MANIFEST = "manifest.json"
FIXED_DATE = (2000, 1, 1, 0, 0, 0)
# Why: pptx, pdf and png are compressed already; storing them is ~15x faster and byte-stable across zlib builds.
STORED_SUFFIXES = (".pptx", ".pdf", ".png", ".jpg", ".zip")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class PackFile:
    name: str
    content: bytes | Path  # Why a path: a series pack holds every lesson of a series; it is copied from disk, never held

    def open(self) -> BinaryIO:
        return self.content.open("rb") if isinstance(self.content, Path) else BytesIO(self.content)

    def size(self) -> int:
        return self.content.stat().st_size if isinstance(self.content, Path) else len(self.content)


def sha256_and_size(member: PackFile) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with member.open() as source:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def pack_manifest(title: str, files: list[PackFile], meta: dict[str, str]) -> bytes:
    listing = []
    for member in sorted(files, key=lambda f: f.name):
        sha256, size = sha256_and_size(member)
        listing.append({"pad": member.name, "sha256": sha256, "bytes": size})
    body = {"pakket": title, **meta, "bestanden": listing}
    return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_zip(target: Path, root: str, files: list[PackFile], title: str, meta: dict[str, str]) -> None:
    """A zip at `target` with every file under `root/`, plus manifest.json; same input, same bytes."""
    members = [*files, PackFile(PACK_MANIFEST, pack_manifest(title, files, meta))]
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()  # Why: a build's staging copy shares inodes with the live output; never write into one
    with zipfile.ZipFile(target, "w") as archive:
        for member in sorted(members, key=lambda f: f.name):
            name = f"{root}/{member.name}"
            if not name.isascii():
                raise ValueError(f"non-ASCII name in pack: {name}")
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            stored = member.name.endswith(STORED_SUFFIXES)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info._compresslevel = None if stored else 9  # Why private: Python 3.11 has no public name for it
            info.file_size = member.size()  # Why: as writestr sets it, so the bytes stay the same
            with member.open() as source, archive.open(info, "w") as sink:
                shutil.copyfileobj(source, sink, _CHUNK)


def verify_pack(path: Path) -> list[str]:
    """Dutch descriptions of everything in the pack that does not match its manifest; empty when intact."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        return [f"{path.name} is geen leesbaar zipbestand ({exc})."]
    problems: list[str] = []
    with archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        manifests = [n for n in names if n.rsplit("/", 1)[-1] == PACK_MANIFEST and n.count("/") <= 1]
        if len(manifests) != 1:
            return ["Het pakket heeft geen (of meer dan één) manifest.json."]
        root = manifests[0].rsplit("/", 1)[0] + "/" if "/" in manifests[0] else ""
        try:
            listing = json.loads(archive.read(manifests[0]))["bestanden"]
        except (ValueError, KeyError, zipfile.BadZipFile) as exc:
            return [f"manifest.json is beschadigd ({type(exc).__name__})."]
        listed = {root + item["pad"]: item for item in listing}
        for name, item in sorted(listed.items()):
            if name not in names:
                problems.append(f"{item['pad']}: ontbreekt.")
                continue
            try:
                content = archive.read(name)
            except (zipfile.BadZipFile, OSError):
                content = None  # Why: a changed byte in a stored member fails zip's CRC check on read
            if content is None or hashlib.sha256(content).hexdigest() != item["sha256"] or len(content) != item["bytes"]:
                problems.append(f"{item['pad']}: klopt niet met het manifest (veranderd of beschadigd).")
        for name in sorted(set(names) - set(listed) - {manifests[0]}):
            problems.append(f"{name[len(root):]}: staat niet in het manifest.")
    return problems
