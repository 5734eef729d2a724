"""Content hashes of every build input, and the record that lets an unchanged build stop at once.

Why stdlib only: the no-op check runs before pydantic, ruamel, python-pptx or reportlab are imported,
so that saving nothing costs a few milliseconds. Why hashlib is imported inside the two hashing
functions: loading OpenSSL took 5-15 ms, a tenth of a no-op build, which compares file sizes and
times and hashes nothing.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from generators.paths import ASSETS_DIR, PACKAGE_DIR
from generators.user_cache import cache_file, checksum_name, store_in_cache

RECORD = ".lespakket-bouw.json"
MANIFEST = "manifest.json"
RECORD_VERSION = 1


class BuildRequest(NamedTuple):
    """Why a NamedTuple: importing dataclasses (and with it inspect and ast) was a sixth of a no-op build."""

    lesson_paths: list[Path]
    output: Path
    lesson_ids: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    school: Path | None = None
    template: Path | None = None
    strict: bool = False
    jobs: int = 0  # worker processes; 0 renders in this process (the CLI passes the number of cores)
    force: bool = False


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        found += [Path(folder) / n for n in sorted(names) if not n.startswith(".") and not n.endswith(".pyc")]
    return found


def tree_digest(root: Path) -> str:
    """sha256 over the relative names and contents of every regular file under `root` (or of one file).

    A link counts as the file it points to. Why anything else is left out, and never opened: a FIFO
    blocks whoever opens it and a device can be endless (/dev/zero). It cannot change what a build
    makes: a lesson that names a FIFO, a device, a broken link or a file it may not read is an error
    of `check`, and an author would not expect a build to stop over a file that no lesson mentions
    (say a socket that an editor or a sync tool left behind).
    """
    import hashlib

    from generators.regular_files import NotRegularFile, open_regular

    digest = hashlib.sha256()
    single = root.is_file()
    for path in _files(root):
        try:
            with open_regular(path) as handle:
                content = hashlib.file_digest(handle, "sha256").digest()
        except (NotRegularFile, OSError):
            continue
        name = path.name if single else path.relative_to(root).as_posix()
        digest.update(name.encode() + b"\0" + content)
    return digest.hexdigest()


def _joined_digest(parts: list[str]) -> str:
    """sha256 of the parts joined by '|'."""
    import hashlib

    return hashlib.sha256("|".join(parts).encode()).hexdigest()


@lru_cache(maxsize=1)
def code_and_assets_digest() -> str:
    """The code version plus shared data, templates and fonts: a change here rebuilds everything."""
    return _joined_digest([tree_digest(PACKAGE_DIR), tree_digest(ASSETS_DIR)])


def _read_json(path: Path) -> dict:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # Why RecursionError: a damaged file may nest deeper than json reads
        return {}
    return stored if isinstance(stored, dict) else {}


def _optional_digest(path: Path | None) -> str:
    return tree_digest(path) if path is not None and path.exists() else "-"


def document_key(folder_digest: str, audience: str, request: BuildRequest) -> str:
    """What one (lesson, audience) output depends on: its lesson folder (`tree_digest`), shared inputs and options."""
    return _joined_digest([
        code_and_assets_digest(), folder_digest, audience,
        _optional_digest(request.school), _optional_digest(request.template),
    ])


def shared_key(request: BuildRequest) -> str:
    """What outputs built from shared data alone (the factsheet) depend on."""
    return _joined_digest([code_and_assets_digest(), _optional_digest(request.school)])


def stat_key(request: BuildRequest) -> str:
    """Name, size and modification time of every input, plus the options, as one text: a cheap first check.

    Why: hashing the fonts, templates and code was most of a no-op build. Like make, an unchanged
    size and time is taken to mean unchanged content; when they differ, `build_key` decides. Why the
    whole text and no hash of it: it is compared exactly, and it stays small (about 100 bytes a file).
    """
    roots = [PACKAGE_DIR, ASSETS_DIR, *request.lesson_paths, request.school, request.template]
    lines = []
    for root in roots:
        lines += _stat_lines(root) if root is not None and root.exists() else ["-"]
    lines.append("|".join([",".join(request.lesson_ids), ",".join(request.audiences), str(request.strict)]))
    return "\n".join(lines)


def _stat_lines(root: Path) -> list[str]:
    """Name, size and modification time of each file under `root` (or of one file)."""
    lines = []
    for path in _files(root):
        try:
            stat = path.stat()
        except OSError:  # a broken link or a loop of links; `check` names it when a lesson uses it
            lines.append(f"{path.as_posix()}\0-")
            continue
        lines.append(f"{path.as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return lines


def build_key(request: BuildRequest) -> str:
    """Everything a whole build depends on; equal keys mean equal output."""
    return _joined_digest([
        code_and_assets_digest(),
        *(f"{p.as_posix()}={tree_digest(p)}" for p in request.lesson_paths if p.exists()),
        _optional_digest(request.school), _optional_digest(request.template),
        ",".join(request.lesson_ids), ",".join(request.audiences), str(request.strict),
    ])


def read_record(output: Path) -> dict:
    """The build record of `output`; {} when it is missing, damaged or of another version.

    Why every field is checked: the record is read back from disk, and nothing in it may crash a
    build or change its output; a damaged record only costs building everything again.
    """
    record = _read_json(output / RECORD)
    fields_ok = (
        record.get("versie") == RECORD_VERSION
        and isinstance(record.get("bouwsleutel"), str)
        and _is_list_of(record.get("meldingen"), str)
        and _is_results(record.get("documenten"))
        and _is_results(record.get("lint", {}))
        and _is_lessons(record.get("lessen", {}))
    )
    return record if fields_ok else {}


def _is_list_of(value: object, kind: type) -> bool:
    return isinstance(value, list) and all(isinstance(item, kind) for item in value)


def _is_results(value: object) -> bool:
    """{name: {"sleutel": key, "meldingen": [diagnostic records]}}, as the record keeps per document and lesson."""
    return isinstance(value, dict) and all(
        isinstance(result, dict) and isinstance(result.get("sleutel"), str)
        and _is_list_of(result.get("meldingen", []), dict)
        and all(_is_diagnostic_record(d) for d in result.get("meldingen", []))
        for result in value.values()
    )


def _is_lessons(value: object) -> bool:
    """{lesson file: {"map": folder digest, "id": id, "doelgroepen": [audience ids], "meldingen": [check warnings]}}."""
    return isinstance(value, dict) and all(
        isinstance(lesson, dict) and isinstance(lesson.get("map"), str) and isinstance(lesson.get("id"), str)
        and _is_list_of(lesson.get("doelgroepen"), str) and _is_list_of(lesson.get("meldingen"), dict)
        and all(_is_diagnostic_record(d) for d in lesson["meldingen"])
        for lesson in value.values()
    )


def _is_diagnostic_record(stored: dict) -> bool:
    """The shape `Diagnostic.to_record` writes."""
    return (stored.get("ernst") in ("fout", "waarschuwing")
            and all(isinstance(stored.get(k), str) for k in ("code", "tekst", "pad"))
            and all(type(stored.get(k)) is int for k in ("regel", "kolom")))


def read_manifest(folder: Path) -> list[dict]:
    """The entries of `folder`'s manifest.json; [] when it is missing or any entry is damaged.

    Why the path check: a build removes the files its manifest lists; a changed manifest must not
    make it remove anything outside the output folder.
    """
    entries = _read_json(folder / MANIFEST).get("artefacten")
    if not isinstance(entries, list) or not all(_is_manifest_entry(e) for e in entries):
        return []
    return entries


def _is_manifest_entry(entry: object) -> bool:
    return (
        isinstance(entry, dict)
        and all(isinstance(entry.get(k), str) for k in ("pad", "soort", "sha256"))
        and all(entry.get(k) is None or isinstance(entry.get(k), str) for k in ("les", "reeks", "doelgroep"))
        and type(entry.get("bytes")) is int
        and is_plain_relative_path(entry["pad"])
    )


def is_plain_relative_path(text: str) -> bool:
    """A relative path of plain names (no '..', '.', empty part, backslash or NUL), as our manifests hold."""
    parts = text.split("/")
    return not ("\\" in text or "\0" in text or any(part in ("", ".", "..") for part in parts))


def record_bytes(key: str, documents: dict[str, dict], messages: list[str], lint: dict[str, dict] | None = None,
                 lessons: dict[str, dict] | None = None) -> bytes:
    body = {"versie": RECORD_VERSION, "bouwsleutel": key, "documenten": documents, "meldingen": messages,
            "lint": lint or {}, "lessen": lessons or {}}
    return (json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


# Size-and-time keys kept in the user cache: those of the 64 output folders built most recently.
CACHED_OUTPUT_FILES = 64


def output_cache_file(output: Path, suffix: str) -> Path | None:
    """A cache file belonging to one output folder; None without a home folder.

    Why outside output/: what it holds differs between clones and machines, and output/ must be byte-identical.
    """
    return cache_file("bouw", checksum_name(str(output.resolve())) + suffix)


def _read_quick(output: Path) -> dict:
    path = output_cache_file(output, ".json")
    return _read_json(path) if path is not None else {}


def remember_quick_key(output: Path, whole_key: str, quick_key: str) -> None:
    """After a build: the size-and-time key under which `whole_key` was built (best effort)."""
    path = output_cache_file(output, ".json")
    if path is None:
        return
    store_in_cache(path, json.dumps({"bouwsleutel": whole_key, "snelle-sleutel": quick_key}).encode("utf-8"),
                   keep=CACHED_OUTPUT_FILES)


def unchanged_message(output: Path) -> str:
    return f"Niets veranderd sinds de vorige build: {output}/ is bij."


def up_to_date(request: BuildRequest) -> list[str] | None:
    """The stored messages when output/ already holds this exact build and all its files; else None."""
    if request.force:
        return None
    record = read_record(request.output)
    if not record:
        return None
    quick, files_key = _read_quick(request.output), stat_key(request)
    if quick.get("bouwsleutel") != record.get("bouwsleutel") or quick.get("snelle-sleutel") != files_key:
        if record.get("bouwsleutel") != build_key(request):
            return None
        remember_quick_key(request.output, record["bouwsleutel"], files_key)  # touched, not changed
    entries = read_manifest(request.output)
    if not entries:
        return None
    for entry in entries:
        try:
            if (request.output / entry["pad"]).stat().st_size != entry["bytes"]:
                return None
        except OSError:
            return None
    return list(record.get("meldingen", []))
