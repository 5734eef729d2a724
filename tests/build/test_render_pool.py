"""The render pool: one task per file, costliest first, each document marked done once, workers in other processes,
and documents taken from the source only a few ahead of the workers."""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import pytest

from generators.build.pipeline import load_project, resolve_all
from generators.diagnostics import BuildAborted
from generators.paths import ASSETS_DIR
from generators.registry import GENERATORS, RenderOptions
from generators.build.render_pool import RenderPool

FIXTURE = Path(__file__).parents[1] / "fixtures" / "varianten" / "lessons"


@pytest.fixture(scope="module")
def documents():
    return resolve_all(load_project([FIXTURE]))


def test_one_task_per_file_costliest_first_and_each_document_done_once(documents):
    with RenderPool(0, RenderOptions(ASSETS_DIR), GENERATORS) as pool:
        results = list(pool.render(documents))
    expected = sum(1 for d in documents for g in GENERATORS if g.applies_to(d))
    assert len(results) == expected
    for document in documents:
        mine = [r for r in results if r.document is document]
        assert mine[0].files[0][0] == "docentenhandleiding"
        assert [r.document_done for r in mine] == [False] * (len(mine) - 1) + [True]


def test_workers_are_other_processes_and_give_the_same_files(documents):
    options = RenderOptions(ASSETS_DIR)
    with RenderPool(0, options, GENERATORS) as pool:
        serial = {path: content for r in pool.render(documents) for _, path, content in r.files}
    with RenderPool(2, options, GENERATORS) as pool:
        assert pool.call(os.getpid)() != os.getpid()
        parallel = {path: content for r in pool.render(documents) for _, path, content in r.files}
    assert parallel == serial


def test_each_document_is_pickled_once_for_all_its_files(documents, monkeypatch):
    """Why: the process that hands out every task would otherwise pickle each document five or six times."""
    from generators.build import render_pool

    pickled = []
    real_dumps = render_pool.pickle.dumps
    monkeypatch.setattr(render_pool.pickle, "dumps", lambda obj, *a, **k: pickled.append(obj) or real_dumps(obj, *a, **k))
    with RenderPool(2, RenderOptions(ASSETS_DIR), GENERATORS) as pool:
        results = list(pool.render(documents))
    assert len(results) > len(documents)
    assert [id(d) for d in pickled] == [id(d) for d in documents]


def test_a_template_that_fails_in_the_warm_up_is_reported_by_its_task(documents, tmp_path):
    broken = tmp_path / "kapot.pptx"
    broken.write_bytes(b"geen powerpoint")
    deck = tuple(g for g in GENERATORS if g.kind == "presentatie")
    with RenderPool(2, RenderOptions(ASSETS_DIR, template=broken), deck) as pool:
        with pytest.raises(BuildAborted) as aborted:
            list(pool.render(documents[:1]))
    assert [d.code for d in aborted.value.diagnostics.items] == ["sjabloon"]


_STARTED: list[Path] = []


def _mark_started(document, generator, content):
    _STARTED[0].touch()
    return []


def test_the_source_is_read_while_workers_render_and_only_a_few_documents_ahead(documents, tmp_path):
    """The build reads and lints the next lesson while the workers render the last one, and must not
    read a whole catalog ahead of them (memory would grow with its size)."""
    _STARTED[:] = [tmp_path / "begonnen"]
    many = [dataclasses.replace(d) for _ in range(3) for d in documents]
    pulled: list = []
    started_before_next: list[bool] = []

    def source():
        for document in many:
            pulled.append(document)
            yield document
            if len(pulled) == 1:
                deadline = time.monotonic() + 120
                while not _STARTED[0].exists() and time.monotonic() < deadline:
                    time.sleep(0.05)
                started_before_next.append(_STARTED[0].exists())

    with RenderPool(1, RenderOptions(ASSETS_DIR), GENERATORS, _mark_started) as pool:
        results = pool.render(source())
        first = next(results)
        assert started_before_next == [True]
        assert len(pulled) <= pool.ahead < len(many)
        rest = [first, *results]
    assert sum(r.document_done for r in rest) == len(many)


def test_workers_render_everything_without_the_lesson_models():
    """Why: importing pydantic and building the models costs a worker about half a second of CPU."""
    import subprocess
    import sys

    probe = (
        "import pickle, sys\n"
        "from pathlib import Path\n"
        "from generators.build.pipeline import load_project, resolve_all\n"
        "from generators.lesson.resolve import resolve_factsheet\n"
        "p = load_project([Path('lessons')], lint=False)\n"
        "sys.stdout.buffer.write(pickle.dumps((resolve_all(p)[:2], resolve_factsheet(p.data, p.school))))\n"
    )
    root = Path(__file__).resolve().parents[2]
    made = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True, check=True, timeout=120)
    worker = (
        "import pickle, sys\n"
        "import generators.build.pool as pool\n"
        "from generators.registry import GENERATORS\n"
        "documents, sheet = pickle.loads(sys.stdin.buffer.read())\n"
        "for g in GENERATORS:\n"
        "    g.load()\n"
        "assert pool.factsheet_files(sheet, 'factsheet')\n"
        "print(sorted(m for m in sys.modules if m.startswith('pydantic') or m.endswith(('data_model', 'source_model'))))\n"
    )
    run = subprocess.run([sys.executable, "-c", worker], cwd=root, input=made.stdout, capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode().strip() == "[]"


def _loaded(names: tuple[str, ...]) -> list[str]:
    import sys

    return [name for name in names if name in sys.modules]


def test_workers_start_with_every_renderer_and_the_thumbnail_libraries_loaded():
    """Why: loaded in the warm process, they are loaded once; otherwise every worker loads them on its first file."""
    from generators.build.inputs import BuildRequest
    from generators.build.pool import build_pool

    wanted = tuple(dict.fromkeys(g.target.partition(":")[0] for g in GENERATORS)) + ("pypdfium2", "PIL.PngImagePlugin")
    with build_pool(BuildRequest(lesson_paths=[FIXTURE], output=Path("uit"), jobs=1)) as pool:
        assert pool.call(_loaded, wanted)() == list(wanted)


def test_rendering_after_the_warm_up_imports_nothing_more():
    """In a fresh process: whatever a file needs is loaded by the warm-up, once, not by every worker on its
    first file. Codecs are let through: the codec registry loads them by name, and they are tiny."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from generators.build import render_pool\n"
        "from generators.build.pipeline import load_project, resolve_all\n"
        "from generators.paths import ASSETS_DIR\n"
        "from generators.publish.previews import preview_files, warm_up_thumbnails\n"
        "from generators.registry import GENERATORS, RenderOptions\n"
        f"documents = resolve_all(load_project([Path({str(FIXTURE)!r})], lint=False))\n"
        "options = RenderOptions(ASSETS_DIR)\n"
        "render_pool.warm_up_worker(options, GENERATORS, preview_files, warm_up_thumbnails)\n"
        "before = set(sys.modules)\n"
        "for document in documents:\n"
        "    for generator in GENERATORS:\n"
        "        if generator.applies_to(document):\n"
        "            render_pool.render_task(document, generator, options, preview_files)\n"
        "print(sorted(m for m in set(sys.modules) - before if not m.startswith('encodings.')))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], cwd=Path(__file__).resolve().parents[2],
                         capture_output=True, timeout=300)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode().strip() == "[]"
