"""Deterministic zip packs with a manifest of sha256 sums, and verification of a downloaded pack."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import BinaryIO, Iterator

from generators.diagnostics import Diagnostic, Diagnostics, Location

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


_MANIFEST_LIMIT = 64 << 20
_SHA256 = re.compile(r"[0-9a-f]{64}")
# Why: an unzip tool puts such a name outside the folder the teacher unpacks into (/x, C:x, ../x, a\x on
# Windows); lespakket never writes one, nor a name with control characters.
_ESCAPING_NAME = re.compile(r"^/|^[A-Za-z]:|\\|(^|/)\.\.(/|$)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Why so many: a pack is a file from anywhere, and zipfile reports damage with any of these (zlib.error: inflating).
_UNREADABLE = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
               NotImplementedError, RuntimeError)
_JSON_KINDS = {dict: "een object", list: "een lijst", str: "een tekst", int: "een geheel getal",
               float: "een kommagetal", bool: "true of false", type(None): "null"}
_CHANGED = "klopt niet met het manifest (veranderd of beschadigd)."


class _TooLarge(Exception):
    pass


def _shown_name(name: str) -> str:
    """A member name as it can be printed: invisible and control characters escaped, never empty."""
    if not name.strip():
        return repr(name)
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


def _number(count: int) -> str:
    return f"{count:,}".replace(",", ".")


def _kind(value: object) -> str:
    return _JSON_KINDS.get(type(value), "iets anders")


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    """The member's bytes in pieces of at most 1 MiB; _TooLarge as soon as they pass `limit`.

    Why not archive.read: a member can be gigabytes (or claim to be); memory must not grow with it."""
    seen = 0
    with archive.open(info) as source:
        while chunk := source.read(_CHUNK):
            seen += len(chunk)
            if seen > limit:
                raise _TooLarge
            yield chunk


def _unreadable_reason(info: zipfile.ZipInfo) -> tuple[str, str] | None:
    if info.flag_bits & 0x1:
        return "pakket-versleuteld", "is versleuteld (met een wachtwoord); lespakket maakt geen versleutelde pakketten."
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return ("pakket-inpakmethode", "is ingepakt op een manier die lespakket niet maakt en niet kan controleren "
                f"(methode {info.compress_type}).")
    return None


def _member_problem(archive: zipfile.ZipFile, info: zipfile.ZipInfo, item: dict) -> tuple[str, str] | None:
    """(code, Dutch text) when the member is not the file the manifest describes; hashed in bounded memory."""
    reason = _unreadable_reason(info)
    if reason:
        return reason
    expected = item["bytes"]
    if info.file_size != expected:
        return ("pakket-bestand-veranderd", f"is {_number(info.file_size)} bytes, maar volgens het manifest "
                f"{_number(expected)} bytes (veranderd of beschadigd).")
    digest, seen = hashlib.sha256(), 0
    try:
        for chunk in _chunks(archive, info, expected):
            digest.update(chunk)
            seen += len(chunk)
    except _TooLarge:
        return ("pakket-bestand-veranderd", f"is groter dan de {_number(expected)} bytes die het manifest noemt "
                "(veranderd of beschadigd).")
    except _UNREADABLE:
        return "pakket-bestand-veranderd", _CHANGED  # Why: a changed byte fails zip's CRC check or inflating
    if seen != expected or digest.hexdigest() != item["sha256"]:
        return "pakket-bestand-veranderd", _CHANGED
    return None


def _listing_problems(body: object) -> list[str]:
    """What is wrong with the shape of a parsed manifest, in Dutch; empty when its list of files can be used."""
    if not isinstance(body, dict):
        return [f"hoort een JSON-object met de lijst 'bestanden' te zijn, maar is {_kind(body)}."]
    if "bestanden" not in body:
        return ["mist de lijst 'bestanden'."]
    listing = body["bestanden"]
    if not isinstance(listing, list):
        return [f"'bestanden' hoort een lijst te zijn, maar is {_kind(listing)}."]
    problems, seen = [], set()
    for number, item in enumerate(listing, 1):
        where = f"bestand {number} in 'bestanden'"
        if not isinstance(item, dict):
            problems.append(f"{where} hoort een object met pad, sha256 en bytes te zijn, maar is {_kind(item)}.")
            continue
        missing = [f"'{key}'" for key in ("pad", "sha256", "bytes") if key not in item]
        if missing:
            problems.append(f"{where} mist {' en '.join(missing)}.")
            continue
        pad, sha256, size = item["pad"], item["sha256"], item["bytes"]
        if not isinstance(pad, str) or not pad:
            problems.append(f"{where}: 'pad' hoort een niet-lege tekst te zijn, maar is {_kind(pad)}.")
        elif pad in seen:
            problems.append(f"{where}: {_shown_name(pad)} staat al eerder in 'bestanden'.")
        else:
            seen.add(pad)
        if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
            problems.append(f"{where}: 'sha256' hoort 64 tekens 0-9 of a-f te zijn.")
        if type(size) is not int or size < 0:
            problems.append(f"{where}: 'bytes' hoort een geheel getal van 0 of meer te zijn, maar is {_kind(size)}.")
    return problems


def _read_listing(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[list[dict], list[str]]:
    """The manifest's list of files, or Dutch texts that say why it cannot be used."""
    try:
        data = b"".join(_chunks(archive, info, _MANIFEST_LIMIT))
    except _TooLarge:
        return [], [f"is groter dan {_MANIFEST_LIMIT >> 20} MB; zo groot maakt lespakket het nooit."]
    except _UNREADABLE:
        return [], ["kan niet worden uitgepakt (beschadigd)."]
    try:
        body = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return [], ["is geen tekst in UTF-8."]
    except json.JSONDecodeError as exc:
        return [], [f"is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})."]
    except (ValueError, RecursionError):
        return [], ["is geen JSON die lespakket kan lezen (te diep genest of een te groot getal)."]
    problems = _listing_problems(body)
    return ([], problems) if problems else (body["bestanden"], [])


def _check_names(infos: list[zipfile.ZipInfo], found: Diagnostics, where: Location) -> set[str]:
    """Report unsafe and repeated member names; return them, as no other check may trust them."""
    counts = Counter(info.filename for info in infos)
    bad = set()
    for name in sorted(counts):
        if not name or _ESCAPING_NAME.search(name) or _CONTROL.search(name):
            why = ("heeft geen naam" if not name else "bevat stuurtekens" if _CONTROL.search(name) else
                   "kan bij het uitpakken buiten de map van het pakket terechtkomen")
            found.error("pakket-naam-onveilig", f"{_shown_name(name)}: {why}; lespakket maakt zulke namen niet.", where)
        elif counts[name] > 1:
            found.error("pakket-naam-dubbel", f"{_shown_name(name)}: staat {counts[name]} keer in het pakket; welke "
                        "je bij het uitpakken krijgt, hangt van het uitpakprogramma af.", where)
        else:
            continue
        bad.add(name)
    return bad


def _check_archive(archive: zipfile.ZipFile, found: Diagnostics, where: Location) -> None:
    infos = archive.infolist()
    bad = _check_names(infos, found, where)
    files = {i.filename: i for i in infos if i.filename not in bad and not i.filename.endswith("/")}
    manifests = sorted({i.filename for i in infos if i.filename.rsplit("/", 1)[-1] == PACK_MANIFEST
                        and i.filename.count("/") <= 1})
    if not manifests:
        found.error("pakket-manifest-ontbreekt", "Het pakket heeft geen manifest.json, dus lespakket kan niet "
                    "nagaan of het compleet is.", where)
        return
    if len(manifests) > 1:
        found.error("pakket-manifest-dubbel", f"Het pakket heeft meer dan één manifest.json "
                    f"({', '.join(_shown_name(n) for n in manifests)}).", where)
        return
    manifest = manifests[0]
    if manifest in bad:
        return
    reason = _unreadable_reason(files[manifest])
    if reason:
        found.error(reason[0], f"{_shown_name(manifest)}: {reason[1]}", where)
        return
    listing, problems = _read_listing(archive, files[manifest])
    for text in problems:
        found.error("pakket-manifest-beschadigd", f"{_shown_name(manifest)}: {text}", where)
    if problems:
        return
    root = manifest[: -len(PACK_MANIFEST)]
    listed = {root + item["pad"]: item for item in listing}
    for name, item in sorted(listed.items()):
        if name in bad:
            continue
        if name not in files:
            found.error("pakket-bestand-ontbreekt", f"{_shown_name(name)}: ontbreekt.", where)
            continue
        problem = _member_problem(archive, files[name], item)
        if problem:
            found.error(problem[0], f"{_shown_name(name)}: {problem[1]}", where)
    for name in sorted(files.keys() - listed.keys() - {manifest}):
        found.error("pakket-bestand-extra", f"{_shown_name(name)}: staat niet in het manifest.", where)


def verify_pack(path: Path) -> list[Diagnostic]:
    """Everything in the pack that does not match its manifest, as Dutch diagnostics at the pack; empty when intact."""
    found, where = Diagnostics(), Location(str(path))
    if not path.is_file():  # Why: reading a named pipe would wait forever
        found.error("pakket-onleesbaar", "Dit is geen gewoon bestand, dus geen pakket.", where)
        return found.items
    try:
        with path.open("rb") as start:
            looks_like_zip = start.read(4) == b"PK\x03\x04"
        archive = zipfile.ZipFile(path)
    except OSError:
        found.error("pakket-onleesbaar", "Het bestand kan niet worden gelezen.", where)
        return found.items
    except _UNREADABLE:
        text = ("Het zipbestand is afgebroken of beschadigd. Download het pakket opnieuw." if looks_like_zip else
                "Dit is geen zipbestand. Kies het pakket (.zip) dat je hebt gedownload.")
        found.error("pakket-onleesbaar", text, where)
        return found.items
    with archive:
        _check_archive(archive, found, where)
    return found.items
