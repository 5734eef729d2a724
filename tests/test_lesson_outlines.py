"""An unchanged lesson is taken from the outlines of the previous build instead of being read again, with the
same output as a clean build; a damaged cache, a deleted file or a repeated id still lead to a full read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generators import build as build_module
from generators.build import build
from generators.build_inputs import BuildRequest
from generators.diagnostics import BuildAborted


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LESPAKKET_DIAVOORBEELDEN", "0")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    seen: list[str] = []
    original = build_module.load_model

    def counting(path, *args, **kwargs):
        seen.append(path.parent.name)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(build_module, "load_model", counting)
    return seen


def _request(output: str = "output") -> BuildRequest:
    return BuildRequest(lesson_paths=[Path("lessons")], output=Path(output), jobs=0)


def test_only_the_edited_lesson_is_read_and_the_output_is_that_of_a_clean_build(workdir, reads, lesson_copies):
    files = lesson_copies(workdir, ["les-a", "les-b", "les-c"])
    first = build(_request())
    # Checked, then read again to render, except the first lesson to render: its checked model is kept.
    assert sorted(reads) == ["les-a", "les-b", "les-b", "les-c", "les-c"]
    reads.clear()
    text = files["les-b"].read_text(encoding="utf-8")
    files["les-b"].write_text(text.replace("samenvatting:", "# veranderd\nsamenvatting:", 1), encoding="utf-8")

    again = build(_request())

    assert reads == ["les-b"]
    assert again.rendered == 2 and again.documents == first.documents == 6
    assert sorted(d.format() for d in again.diagnostics.items) == sorted(d.format() for d in first.diagnostics.items)
    shutil.rmtree(workdir / "cache")
    build(_request("schoon"))
    assert _tree(workdir / "output") == _tree(workdir / "schoon")


def test_a_damaged_cache_or_a_deleted_file_means_reading_the_lesson(workdir, reads, lesson_copies):
    lesson_copies(workdir, ["les-a", "les-b"])
    build(_request())
    for cache in (workdir / "cache").rglob("*.lessen.pickle"):
        cache.write_bytes(b"kapot")
    reads.clear()
    assert build(_request()).rendered == 0
    assert sorted(set(reads)) == ["les-a", "les-b"]

    (workdir / "output" / "proef" / "les-a" / "10-12" / "werkblad.pdf").unlink()
    reads.clear()
    assert build(_request()).rendered == 1
    assert set(reads) == {"les-a"}
    assert (workdir / "output" / "proef" / "les-a" / "10-12" / "werkblad.pdf").is_file()


def test_an_id_taken_by_a_new_lesson_is_reported_at_the_unchanged_lesson(workdir, reads, lesson_copies):
    lesson_copies(workdir, ["les-b"])
    build(_request())
    earlier = workdir / "lessons" / "a-reeks" / "les-b"
    shutil.copytree(workdir / "lessons" / "proef" / "les-b", earlier)

    with pytest.raises(BuildAborted) as aborted:
        build(_request())

    errors = [d for d in aborted.value.diagnostics.items if d.code == "les-dubbel-id"]
    assert [d.location.path for d in errors] == ["lessons/proef/les-b/les.yaml"]


def test_the_audience_asked_for_is_resolved_first_and_the_outlines_keep_the_lesson_order(workdir, lesson_copies,
                                                                                        monkeypatch):
    lesson_copies(workdir, ["les-a"])
    resolved, kept = [], []
    resolve, outline = build_module.resolve_lesson, build_module.LessonOutline

    def resolving(loaded, audience, *args):
        resolved.append(audience)
        return resolve(loaded, audience, *args)

    def keeping(lesson_id, documents, checks):
        kept.append([d.audience.id for d in documents])
        return outline(lesson_id, documents, checks)

    monkeypatch.setattr(build_module, "resolve_lesson", resolving)
    monkeypatch.setattr(build_module, "LessonOutline", keeping)
    request = BuildRequest(lesson_paths=[Path("lessons")], output=Path("output"), jobs=0, audiences=("15-18",))

    assert build(request).rendered == 1

    assert resolved == ["15-18", "10-12"]  # the lesson lists 10-12 first
    assert kept == [["10-12", "15-18"]]
