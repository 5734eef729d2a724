"""Packs: deterministic zips with a manifest, verification, and byte-identical builds."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators.cli.commands import cli
from generators.publish.pack_zip import PackFile, verify_pack, write_zip

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    mp = pytest.MonkeyPatch()
    mp.setenv("LESPAKKET_DIAVOORBEELDEN", "0")
    outputs = []
    for name in ("a", "b"):
        root = tmp_path_factory.mktemp(f"build-{name}")
        shutil.copytree(FIXTURES / "varianten" / "lessons", root / "lessons")
        mp.chdir(root)
        result = CliRunner().invoke(cli, ["build"], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        outputs.append(root / "output")
    mp.undo()
    return outputs[0], outputs[1]


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(two_builds):
    first, second = (_files(p) for p in two_builds)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_pack_layout(two_builds):
    output = two_builds[0]
    packs = sorted(p.name for p in (output / "pakketten").iterdir())
    assert packs == ["proef_10-12.zip", "proef_15-18.zip", "varianten_10-12.zip", "varianten_15-18.zip"]
    with zipfile.ZipFile(output / "pakketten" / "varianten_10-12.zip") as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        assert names == sorted(names)
        assert all(n.isascii() and n.startswith("varianten_10-12/") for n in names)
        assert {n.split("/", 1)[1] for n in names} >= {
            "LEESMIJ.txt", "LICENTIE.txt", "manifest.json", "presentatie.pptx", "werkblad.pdf",
            "werkblad-antwoorden.pdf", "werkblad-digitaal.pdf",
        }
        for info in infos:
            assert info.date_time == (2000, 1, 1, 0, 0, 0)
            expected = zipfile.ZIP_STORED if info.filename.endswith((".pptx", ".pdf")) else zipfile.ZIP_DEFLATED
            assert info.compress_type == expected, info.filename
        manifest = json.loads(archive.read("varianten_10-12/manifest.json"))
        assert manifest["les"] == "varianten" and manifest["doelgroep"] == "10-12"
        readme = archive.read("varianten_10-12/LEESMIJ.txt").decode("utf-8")
        assert "Een les voor groep 8 (10-12 jaar)" in readme
        assert "lespakket verify varianten_10-12.zip" in readme
    with zipfile.ZipFile(output / "pakketten" / "proef_15-18.zip") as archive:
        assert "proef_15-18/varianten/presentatie.pptx" in archive.namelist()


def test_packs_are_in_the_site_manifest(two_builds):
    entries = json.loads((two_builds[0] / "manifest.json").read_text())["artefacten"]
    packs = [e for e in entries if e["soort"] == "pakket"]
    assert {(e["les"], e["doelgroep"]) for e in packs} == {
        ("varianten", "10-12"), ("varianten", "15-18"), (None, "10-12"), (None, "15-18"),
    }


def _rewrite(src: Path, dst: Path, change) -> None:
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w") as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info.filename))
            if data is not None:
                new.writestr(info, data)


def test_verify_accepts_an_intact_pack(two_builds):
    assert verify_pack(two_builds[0] / "pakketten" / "varianten_10-12.zip") == []
    result = CliRunner().invoke(cli, ["verify", str(two_builds[0] / "pakketten" / "proef_10-12.zip")])
    assert result.exit_code == 0 and "in orde" in result.stdout


def test_verify_names_the_file_with_one_changed_byte(two_builds, tmp_path):
    original = two_builds[0] / "pakketten" / "varianten_10-12.zip"
    changed = tmp_path / "kapot.zip"
    data = bytearray(original.read_bytes())
    with zipfile.ZipFile(original) as archive:
        info = archive.getinfo("varianten_10-12/werkblad.pdf")
    offset = info.header_offset + 30 + len(info.filename) + len(info.extra) + 500
    data[offset] ^= 0x01
    changed.write_bytes(bytes(data))
    result = CliRunner().invoke(cli, ["verify", str(changed)])
    assert result.exit_code == 1
    assert result.stderr == (f"{changed}: fout: varianten_10-12/werkblad.pdf: klopt niet met het manifest (veranderd of "
                             "beschadigd). [pakket-bestand-veranderd]\n")


def test_verify_reports_missing_and_extra_files(two_builds, tmp_path):
    original = two_builds[0] / "pakketten" / "varianten_10-12.zip"
    target = tmp_path / "anders.zip"
    _rewrite(original, target, lambda name, data: None if name.endswith("werkblad.pdf") else data)
    with zipfile.ZipFile(target, "a") as archive:
        archive.writestr("varianten_10-12/extra.txt", "x")
    assert [d.format() for d in verify_pack(target)] == [
        f"{target}: fout: varianten_10-12/werkblad.pdf: ontbreekt. [pakket-bestand-ontbreekt]",
        f"{target}: fout: varianten_10-12/extra.txt: staat niet in het manifest. [pakket-bestand-extra]",
    ]


def test_members_copied_from_disk_give_the_same_zip_and_never_touch_a_linked_target(tmp_path):
    """Series packs copy their files from disk (a large series would not fit in memory); the bytes are those
    of a pack built from memory, and a target that is a hard link into the live output is replaced, not rewritten."""
    pdf = tmp_path / "werkblad.pdf"
    pdf.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 4000)
    from_memory, from_disk = tmp_path / "a.zip", tmp_path / "b.zip"
    write_zip(from_memory, "les", [PackFile("werkblad.pdf", pdf.read_bytes()), PackFile("LEESMIJ.txt", b"lees mij")], "T", {})
    live = tmp_path / "live.zip"
    live.write_bytes(b"de vorige versie")
    from_disk.hardlink_to(live)
    write_zip(from_disk, "les", [PackFile("werkblad.pdf", pdf), PackFile("LEESMIJ.txt", b"lees mij")], "T", {})
    assert from_disk.read_bytes() == from_memory.read_bytes()
    assert live.read_bytes() == b"de vorige versie"
    assert verify_pack(from_disk) == []
