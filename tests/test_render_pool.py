"""The render pool: one task per file, costliest first, each document marked done once, workers in other processes."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generators.build import load_project, resolve_all
from generators.diagnostics import BuildAborted
from generators.paths import ASSETS_DIR
from generators.registry import GENERATORS, RenderOptions
from generators.render_pool import RenderPool

FIXTURE = Path(__file__).parent / "fixtures" / "varianten" / "lessons"


@pytest.fixture(scope="module")
def documents():
    return resolve_all(load_project([FIXTURE]))


def test_one_task_per_file_costliest_first_and_each_document_done_once(documents):
    with RenderPool(0, RenderOptions(ASSETS_DIR), GENERATORS) as pool:
        results = list(pool.render(documents))
    expected = sum(1 for d in documents for g in GENERATORS if g.applies_to(d))
    assert len(results) == expected
    assert [r.files[0][0] for r in results[:len(documents)]] == ["docentenhandleiding"] * len(documents)
    for document in documents:
        mine = [r for r in results if r.document is document]
        assert [r.document_done for r in mine] == [False] * (len(mine) - 1) + [True]


def test_workers_are_other_processes_and_give_the_same_files(documents):
    options = RenderOptions(ASSETS_DIR)
    with RenderPool(0, options, GENERATORS) as pool:
        serial = {path: content for r in pool.render(documents) for _, path, content in r.files}
    with RenderPool(2, options, GENERATORS) as pool:
        assert pool.call(os.getpid)() != os.getpid()
        parallel = {path: content for r in pool.render(documents) for _, path, content in r.files}
    assert parallel == serial


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


def test_tasks_start_before_the_results_are_asked_for(documents, tmp_path):
    """The build lints while the workers render; that only works if render() submits at once."""
    _STARTED[:] = [tmp_path / "begonnen"]
    with RenderPool(1, RenderOptions(ASSETS_DIR), GENERATORS, _mark_started) as pool:
        results = pool.render(documents[:1])
        deadline = time.monotonic() + 120
        while not _STARTED[0].exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _STARTED[0].exists()
        assert all(r.files for r in results)
