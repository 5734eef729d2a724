"""`lespakket verify` on tampered, malformed and hostile packs: a Dutch verdict naming the member, exit 1, never a crash."""

from __future__ import annotations

import hashlib
import json
import os
import struct
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators.cli.commands import cli
from generators.publish.pack_zip import PackFile, write_zip

ROOT = "les_10-12"
PDF = b"%PDF-1.4 " + bytes(range(256)) * 40
README = b"Lees mij eerst. " * 60
LARGE = 256 << 20


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    """A pack as the build writes it: a stored PDF, a deflated text file and the manifest, under les_10-12/."""
    target = tmp_path_factory.mktemp("pakket") / "les_10-12.zip"
    write_zip(target, ROOT, [PackFile("werkblad.pdf", PDF), PackFile("LEESMIJ.txt", README)], "Les", {"les": "les"})
    return target


def verify(path: Path):
    return CliRunner().invoke(cli, ["verify", str(path)], catch_exceptions=False)


def assert_verdicts(path: Path, *lines: str) -> None:
    result = verify(path)
    assert (result.exit_code, result.stderr) == (1, "".join(f"{path}: fout: {line}\n" for line in lines))
    assert result.stdout == ""


MEMORY_LIMIT = 160 << 20
LIMITED = textwrap.dedent(f"""
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_LIMIT}, {MEMORY_LIMIT}))
    from generators.cli.commands import main
    sys.argv = ["lespakket", "verify", sys.argv[1]]
    main()
""")


def _verify_in_a_process(path: Path) -> subprocess.CompletedProcess:
    """`lespakket verify path` in a process with at most MEMORY_LIMIT of address space and 60 seconds."""
    return subprocess.run([sys.executable, "-c", LIMITED, str(path)], capture_output=True, text=True, timeout=60)


def rewrite(source: Path, target: Path, change=lambda name, data: data, extra=(), first=()) -> Path:
    """A copy of the pack with each member passed through `change` (None drops it), after the (name, bytes) pairs
    of `first` and before those of `extra`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name, data in first:
            new.writestr(zipfile.ZipInfo(name), data)
        for info in old.infolist():
            data = change(info.filename, old.read(info))
            if data is not None:
                new.writestr(info, data)
        for name, data in extra:
            new.writestr(zipfile.ZipInfo(name), data)
    return target


def with_manifest(pack: Path, target: Path, body) -> Path:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return rewrite(pack, target, lambda name, old: data if name.endswith("manifest.json") else old)


def manifest_of(pack: Path) -> dict:
    with zipfile.ZipFile(pack) as archive:
        return json.loads(archive.read(f"{ROOT}/manifest.json"))


def patch_header(path: Path, name: str, local: int, central: int, value: bytes) -> Path:
    """Overwrite a field of `name`'s local header (at offset `local`) and central directory entry (at `central`)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        start = archive.getinfo(name).header_offset
    data[start + local:start + local + len(value)] = value
    entry = data.index(b"PK\x01\x02")
    while data[entry + 46:entry + 46 + len(name)] != name.encode():
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + central:entry + central + len(value)] = value
    path.write_bytes(bytes(data))
    return path


def test_an_intact_pack_is_in_order(pack):
    result = verify(pack)
    assert (result.exit_code, result.stdout) == (0, f"{pack}: in orde, alle bestanden kloppen met het manifest.\n")


def test_a_duplicate_member_name_is_not_in_order(pack, tmp_path):
    """zipfile reads the last copy (the true one); an unzip tool that takes the first gets the other file."""
    with pytest.warns(UserWarning, match="Duplicate name"):
        target = rewrite(pack, tmp_path / "dubbel.zip", first=[(f"{ROOT}/werkblad.pdf", b"iets anders")])
    assert_verdicts(target, f"{ROOT}/werkblad.pdf: staat 2 keer in het pakket; welke je bij het uitpakken krijgt, "
                            "hangt van het uitpakprogramma af. [pakket-naam-dubbel]")


@pytest.mark.parametrize("member", ["LEESMIJ.txt", "werkblad.pdf"])
def test_one_changed_byte_inside_a_member(pack, tmp_path, member):
    """LEESMIJ.txt is deflated (the byte breaks inflating or the checksum), werkblad.pdf is stored."""
    target = tmp_path / "kapot.zip"
    target.write_bytes(pack.read_bytes())
    with zipfile.ZipFile(pack) as archive:
        info = archive.getinfo(f"{ROOT}/{member}")
    data = bytearray(target.read_bytes())
    data[info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size // 2] ^= 0x10
    target.write_bytes(bytes(data))
    assert_verdicts(target, f"{ROOT}/{member}: klopt niet met het manifest (veranderd of beschadigd). "
                            "[pakket-bestand-veranderd]")


MANIFESTS = {
    "geen-json": (b"dit is geen json\n", ["is geen geldige JSON (regel 1, kolom 1)."]),
    "geen-utf8": (b'{"bestanden": ["\xff"]}', ["is geen tekst in UTF-8."]),
    "te-diep": (b"[" * 100_000, ["is geen JSON die lespakket kan lezen (te diep genest of een te groot getal)."]),
    "lijst": ([], ["hoort een JSON-object met de lijst 'bestanden' te zijn, maar is een lijst."]),
    "zonder-bestanden": ({"pakket": "Les"}, ["mist de lijst 'bestanden'."]),
    "bestanden-tekst": ({"bestanden": "alles"}, ["'bestanden' hoort een lijst te zijn, maar is een tekst."]),
    "bestanden-null": ({"bestanden": None}, ["'bestanden' hoort een lijst te zijn, maar is null."]),
    "item-getal": ({"bestanden": [7]},
                   ["bestand 1 in 'bestanden' hoort een object met pad, sha256 en bytes te zijn, maar is een geheel getal."]),
    "item-zonder-velden": ({"bestanden": [{"pad": "LEESMIJ.txt"}]}, ["bestand 1 in 'bestanden' mist 'sha256' en 'bytes'."]),
}


@pytest.mark.parametrize("case", sorted(MANIFESTS))
def test_a_malformed_manifest(pack, tmp_path, case):
    body, texts = MANIFESTS[case]
    target = with_manifest(pack, tmp_path / f"{case}.zip", body)
    assert_verdicts(target, *(f"{ROOT}/manifest.json: {text} [pakket-manifest-beschadigd]" for text in texts))


@pytest.mark.parametrize("field, value, text", [
    ("pad", 5, "bestand 2 in 'bestanden': 'pad' hoort een niet-lege tekst te zijn, maar is een geheel getal."),
    ("pad", "", "bestand 2 in 'bestanden': 'pad' hoort een niet-lege tekst te zijn, maar is een tekst."),
    ("sha256", "abc", "bestand 2 in 'bestanden': 'sha256' hoort 64 tekens 0-9 of a-f te zijn."),
    ("sha256", None, "bestand 2 in 'bestanden': 'sha256' hoort 64 tekens 0-9 of a-f te zijn."),
    ("bytes", "12804", "bestand 2 in 'bestanden': 'bytes' hoort een geheel getal van 0 of meer te zijn, maar is een tekst."),
    ("bytes", True, "bestand 2 in 'bestanden': 'bytes' hoort een geheel getal van 0 of meer te zijn, maar is true of false."),
    ("bytes", 1.5, "bestand 2 in 'bestanden': 'bytes' hoort een geheel getal van 0 of meer te zijn, maar is een kommagetal."),
    ("bytes", -1, "bestand 2 in 'bestanden': 'bytes' hoort een geheel getal van 0 of meer te zijn, maar is een geheel getal."),
])
def test_a_manifest_entry_with_a_wrong_type(pack, tmp_path, field, value, text):
    body = manifest_of(pack)
    body["bestanden"][1][field] = value
    target = with_manifest(pack, tmp_path / "veld.zip", body)
    assert_verdicts(target, f"{ROOT}/manifest.json: {text} [pakket-manifest-beschadigd]")


def test_a_name_listed_twice_in_the_manifest(pack, tmp_path):
    body = manifest_of(pack)
    body["bestanden"].append(dict(body["bestanden"][0]))
    target = with_manifest(pack, tmp_path / "twee-keer.zip", body)
    assert_verdicts(target, f"{ROOT}/manifest.json: bestand 3 in 'bestanden': LEESMIJ.txt staat al eerder in "
                            "'bestanden'. [pakket-manifest-beschadigd]")


HEADER_CHANGES = {  # general purpose flags (offset 6 in the local header, 8 in the central one); method (8, 10)
    "versleuteld": (6, 8, struct.pack("<H", 0x1), "is versleuteld (met een wachtwoord); lespakket maakt geen "
                    "versleutelde pakketten. [pakket-versleuteld]"),
    "methode-99": (8, 10, struct.pack("<H", 99), "is ingepakt op een manier die lespakket niet maakt en niet kan "
                   "controleren (methode 99). [pakket-inpakmethode]"),
}


@pytest.mark.parametrize("member", ["werkblad.pdf", "LEESMIJ.txt", "manifest.json"])
@pytest.mark.parametrize("change", sorted(HEADER_CHANGES))
def test_an_encrypted_member_or_an_unknown_compression_method(pack, tmp_path, member, change):
    local, central, value, text = HEADER_CHANGES[change]
    target = tmp_path / f"{change}.zip"
    target.write_bytes(pack.read_bytes())
    patch_header(target, f"{ROOT}/{member}", local, central, value)
    assert_verdicts(target, f"{ROOT}/{member}: {text}")


ESCAPES = "kan bij het uitpakken buiten de map van het pakket terechtkomen"


@pytest.mark.parametrize("name, shown, why", [
    ("../../x", "../../x", ESCAPES),
    (f"{ROOT}/../../x", f"{ROOT}/../../x", ESCAPES),
    ("/etc/cron.d/x", "/etc/cron.d/x", ESCAPES),
    ("C:x", "C:x", ESCAPES),
    (f"{ROOT}\\..\\x", f"{ROOT}\\..\\x", ESCAPES),
    (f"{ROOT}/\x1b[2Jrood", f"{ROOT}/\\x1b[2Jrood", "bevat stuurtekens"),
    (f"{ROOT}/regel\neinde", f"{ROOT}/regel\\neinde", "bevat stuurtekens"),
    ("", "''", "heeft geen naam"),
])
def test_an_unsafe_member_name_is_named_printably(pack, tmp_path, name, shown, why):
    target = rewrite(pack, tmp_path / "naam.zip", extra=[(name, b"x")])
    assert_verdicts(target, f"{shown}: {why}; lespakket maakt zulke namen niet. [pakket-naam-onveilig]")


@pytest.mark.parametrize("name, shown", [(f"{ROOT}/\u202egpj.exe", f"{ROOT}/\\u202egpj.exe"), ("   ", "'   '")])
def test_an_invisible_or_blank_name_is_shown_escaped(pack, tmp_path, name, shown):
    target = rewrite(pack, tmp_path / "naam.zip", extra=[(name, b"x")])
    assert_verdicts(target, f"{shown}: staat niet in het manifest. [pakket-bestand-extra]")


def test_missing_and_extra_members(pack, tmp_path):
    target = rewrite(pack, tmp_path / "anders.zip", lambda name, data: None if name.endswith(".pdf") else data,
                     extra=[("elders.txt", b"x")])
    assert_verdicts(target, f"{ROOT}/werkblad.pdf: ontbreekt. [pakket-bestand-ontbreekt]",
                    "elders.txt: staat niet in het manifest. [pakket-bestand-extra]")


@pytest.mark.parametrize("make, text", [
    (lambda pack: b"Dit is een Word-bestand.", "Dit is geen zipbestand. Kies het pakket (.zip) dat je hebt gedownload."),
    (lambda pack: b"", "Dit is geen zipbestand. Kies het pakket (.zip) dat je hebt gedownload."),
    (lambda pack: pack.read_bytes()[: len(pack.read_bytes()) // 2],
     "Het zipbestand is afgebroken of beschadigd. Download het pakket opnieuw."),
    (lambda pack: pack.read_bytes()[:-10], "Het zipbestand is afgebroken of beschadigd. Download het pakket opnieuw."),
])
def test_not_a_zip_or_a_truncated_zip(pack, tmp_path, make, text):
    target = tmp_path / "pakket.zip"
    target.write_bytes(make(pack))
    assert_verdicts(target, f"{text} [pakket-onleesbaar]")


def test_a_named_pipe_is_refused_without_waiting(tmp_path):
    pipe = tmp_path / "pijp.zip"
    os.mkfifo(pipe)
    result = _verify_in_a_process(pipe)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"{pipe}: fout: Dit is geen gewoon bestand, dus geen pakket. [pakket-onleesbaar]\n"


def test_a_pack_without_a_manifest(pack, tmp_path):
    target = rewrite(pack, tmp_path / "zonder.zip", lambda name, data: None if name.endswith("manifest.json") else data)
    assert_verdicts(target, "Het pakket heeft geen manifest.json, dus lespakket kan niet nagaan of het compleet is. "
                            "[pakket-manifest-ontbreekt]")


def test_a_pack_with_two_manifests(pack, tmp_path):
    target = rewrite(pack, tmp_path / "twee.zip", extra=[("manifest.json", b'{"bestanden": []}')])
    assert_verdicts(target, f"Het pakket heeft meer dan één manifest.json ({ROOT}/manifest.json, manifest.json). "
                            "[pakket-manifest-dubbel]")


def test_a_declared_size_that_differs_from_the_manifest_is_reported_without_reading(pack, tmp_path):
    target = tmp_path / "grootte.zip"
    target.write_bytes(pack.read_bytes())
    patch_header(target, f"{ROOT}/LEESMIJ.txt", 22, 24, struct.pack("<I", 2_000_000_000))
    assert_verdicts(target, f"{ROOT}/LEESMIJ.txt: is 2.000.000.000 bytes, maar volgens het manifest 960 bytes "
                            "(veranderd of beschadigd). [pakket-bestand-veranderd]")


def test_a_declared_size_that_lies_along_with_the_manifest(pack, tmp_path):
    """Zip directory and manifest both claim 10 bytes fewer than the member holds: the content check still fails."""
    body = manifest_of(pack)
    body["bestanden"][0]["bytes"] = len(README) - 10
    target = with_manifest(pack, tmp_path / "liegt.zip", body)
    patch_header(target, f"{ROOT}/LEESMIJ.txt", 22, 24, struct.pack("<I", len(README) - 10))
    assert_verdicts(target, f"{ROOT}/LEESMIJ.txt: klopt niet met het manifest (veranderd of beschadigd). "
                            "[pakket-bestand-veranderd]")


def _zeros_pack(target: Path, claimed_sha256: str | None = None) -> Path:
    """A pack whose one listed member is 256 MiB of zeros (a few hundred kB on disk), listed with its true sha256
    or with `claimed_sha256`."""
    zeros, digest = bytes(1 << 20), hashlib.sha256()
    with zipfile.ZipFile(target, "w") as archive:
        info = zipfile.ZipInfo("groot/nullen.bin")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as sink:
            for _ in range(LARGE >> 20):
                sink.write(zeros)
                digest.update(zeros)
        listing = [{"pad": "nullen.bin", "sha256": claimed_sha256 or digest.hexdigest(), "bytes": LARGE}]
        archive.writestr("groot/manifest.json", json.dumps({"bestanden": listing}))
    return target


def test_a_large_member_is_hashed_in_bounded_memory(tmp_path):
    """256 MiB of content is checked by a process that may not use more than 160 MB of address space."""
    path = _zeros_pack(tmp_path / "groot.zip")
    result = _verify_in_a_process(path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"{path}: in orde, alle bestanden kloppen met het manifest.\n"


def test_a_large_changed_member_is_reported_in_bounded_memory(tmp_path):
    path = _zeros_pack(tmp_path / "groot-anders.zip", claimed_sha256="0" * 64)
    result = _verify_in_a_process(path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (f"{path}: fout: groot/nullen.bin: klopt niet met het manifest (veranderd of "
                             "beschadigd). [pakket-bestand-veranderd]\n")
