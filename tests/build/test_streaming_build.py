"""The build checks every lesson first, then reads them one at a time while the workers render."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.build import pipeline as build_module
from generators.build.pipeline import build
from generators.build.inputs import BuildRequest
from generators.diagnostics import BuildAborted
from generators.paths import ASSETS_DIR
from generators.registry import GENERATORS, RenderOptions
from generators.build.render_pool import RenderPool


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LESPAKKET_DIAVOORBEELDEN", "0")
    return tmp_path


def test_a_lesson_is_read_only_after_the_one_before_it_is_rendering(workdir, monkeypatch, lesson_copies):
    lesson_copies(workdir, ["les-a", "les-b", "les-c"])
    events: list[str] = []
    read = build_module.load_model

    def reading(path, *args, **kwargs):
        events.append(f"lees {path.parent.name}")
        return read(path, *args, **kwargs)

    monkeypatch.setattr(build_module, "load_model", reading)
    progress: list[tuple[str, list[str]]] = []
    request = BuildRequest(lesson_paths=[Path("lessons")], output=Path("output"), jobs=0)

    def rendered(document, generator, content):
        events.append(f"maak {document.lesson_id}")
        return []

    with RenderPool(0, RenderOptions(ASSETS_DIR), GENERATORS, rendered) as pool:
        result = build(request, progress=lambda lesson, audiences: progress.append((lesson, audiences)), pool=pool)

    first_render = {lesson: events.index(f"maak {lesson}") for lesson in ("les-a", "les-b", "les-c")}
    assert events[:3] == ["lees les-a", "lees les-b", "lees les-c"]  # the check pass, before anything is made
    second_read = {lesson: len(events) - 1 - events[::-1].index(f"lees {lesson}") for lesson in ("les-b", "les-c")}
    assert second_read["les-b"] > first_render["les-a"]
    assert second_read["les-c"] > first_render["les-b"]
    assert result.rendered == result.documents == 6
    assert progress == [(lesson, ["10-12 jaar", "15-18 jaar"]) for lesson in ("les-a", "les-b", "les-c")]

    progress.clear()
    assert build(request, progress=lambda lesson, audiences: progress.append((lesson, audiences))).rendered == 0
    assert progress == [(lesson, []) for lesson in ("les-a", "les-b", "les-c")]


def test_an_error_in_the_last_lesson_stops_the_build_before_anything_is_rendered(workdir, lesson_copies):
    files = lesson_copies(workdir, ["les-a", "les-b", "les-c"])
    text = files["les-c"].read_text(encoding="utf-8")
    files["les-c"].write_text(text.replace("duur: 45", "duur: veertig"), encoding="utf-8")
    made: list[str] = []
    request = BuildRequest(lesson_paths=[Path("lessons")], output=Path("output"), jobs=0)
    with RenderPool(0, RenderOptions(ASSETS_DIR), GENERATORS, lambda d, g, c: made.append(d.lesson_id) or []) as pool:
        with pytest.raises(BuildAborted) as aborted:
            build(request, pool=pool)
    assert made == []
    assert [d.location.path for d in aborted.value.diagnostics.items if d.severity.name == "ERROR"] == [
        "lessons/proef/les-c/les.yaml"]
    assert not Path("output").exists()


def test_errors_in_later_lessons_are_all_reported_and_nothing_is_written(workdir, lesson_copies):
    files = lesson_copies(workdir, ["les-a", "les-b", "les-c"])
    request = BuildRequest(lesson_paths=[Path("lessons")], output=Path("output"), jobs=2)
    build(request)
    before = {p: p.read_bytes() for p in Path("output").rglob("*") if p.is_file()}
    for lesson_id in ("les-b", "les-c"):
        text = files[lesson_id].read_text(encoding="utf-8")
        files[lesson_id].write_text(text.replace("duur: 45", "duur: veertig"), encoding="utf-8")
    text = files["les-a"].read_text(encoding="utf-8")
    files["les-a"].write_text(text.replace("samenvatting:", "# veranderd\nsamenvatting:", 1), encoding="utf-8")

    with pytest.raises(BuildAborted) as aborted:
        build(request)

    errors = [d for d in aborted.value.diagnostics.items if d.severity.name == "ERROR"]
    assert sorted(d.location.path for d in errors) == ["lessons/proef/les-b/les.yaml", "lessons/proef/les-c/les.yaml"]
    assert {p: p.read_bytes() for p in Path("output").rglob("*") if p.is_file()} == before
    assert not [p for p in workdir.iterdir() if p.name.startswith(".output.") and p.name != ".output.lock"]


def test_the_templates_are_compiled_while_the_last_documents_render(workdir, monkeypatch, lesson_copies):
    """Why: packing and the catalog come after the last file; jinja2 and its templates must be ready by then."""
    from generators.publish import steps as publish

    lesson_copies(workdir, ["les-a", "les-b"])
    events: list[str] = []
    compile_templates, make_lesson_pack = publish.compile_templates, publish.make_lesson_pack
    monkeypatch.setattr(publish, "compile_templates", lambda: events.append("compile") or compile_templates())
    monkeypatch.setattr(publish, "make_lesson_pack",
                        lambda staging, document: events.append(f"pack {document.lesson_id}") or make_lesson_pack(staging, document))
    request = BuildRequest(lesson_paths=[Path("lessons")], output=Path("output"), jobs=1)
    with RenderPool(1, RenderOptions(ASSETS_DIR), GENERATORS) as pool:
        build(request, progress=lambda lesson, audiences: None, pool=pool)
    assert events.count("compile") == 1
    assert events[-1] == "pack les-b" and events.index("compile") < len(events) - 1


@pytest.mark.parametrize("keep_warm", [False, True])
def test_workers_leave_once_everything_is_rendered_unless_kept_warm(workdir, monkeypatch, lesson_copies, keep_warm):
    """Why: a one-off build lets its workers exit while it packs; `watch` keeps them for the next save."""
    from generators.publish import steps as publish

    lesson_copies(workdir, ["les-a"])
    leaving: list[bool] = []
    make_catalog = publish.make_catalog

    def catalog(*args):
        leaving.append(pool._executor._closing)
        return make_catalog(*args)

    monkeypatch.setattr(publish, "make_catalog", catalog)
    request = BuildRequest(lesson_paths=[Path("lessons")], output=Path("output"), jobs=1)
    with RenderPool(1, RenderOptions(ASSETS_DIR), GENERATORS, keep_warm=keep_warm) as pool:
        build(request, pool=pool)
        assert leaving == [not keep_warm]
        if keep_warm:
            assert pool.call(sum, [1, 2])() == 3
