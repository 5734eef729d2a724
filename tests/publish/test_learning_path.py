"""The learning path per series (leerlijn): order and building blocks from reeksen.yaml, a one-page PDF in each
series pack, and a page per series in the catalog."""

from __future__ import annotations

import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from generators.learning_path.model import learning_paths
from generators.learning_path.render import render_learning_path
from generators.lesson.resolve import resolve_lesson
from generators.paths import ASSETS_DIR
from tests.pdf_checks import page_texts, squash

LESSONS = Path(__file__).parents[2] / "lessons"


@pytest.fixture(scope="module")
def paths(project):
    documents = [resolve_lesson(loaded, audience, project.data)
                 for loaded in project.lessons for audience in loaded.model.doelgroepen]
    return learning_paths(project.data, documents)


def test_each_series_path_lists_exactly_its_bundled_lessons_and_builds_only_on_earlier_ones(project):
    for series in project.data.reeksen.model.reeksen:
        on_disk = {p.parent.name for p in (LESSONS / series.id).glob("*/les.yaml")}
        listed = [step.les for step in series.leerlijn]
        assert sorted(listed) == sorted(on_disk), series.id
        for i, step in enumerate(series.leerlijn):
            assert set(step.bouwt_voort_op) <= set(listed[:i]), f"{series.id}/{step.les} builds on a later lesson"
            assert step.waarom, f"{series.id}/{step.les}: say what the lesson adds"


def test_the_path_follows_the_leerlijn_per_audience_with_its_total(paths, project):
    path = paths[("voortgezet-onderwijs", "15-18")]
    assert [s.lesson_id for s in path.steps][:2] == ["wat-is-mensenhandel", "signalen-herkennen"]
    assert path.total_minutes == sum(
        l.model.doelgroepen["15-18"].duur for l in project.lessons
        if l.model.reeks == "voortgezet-onderwijs" and "15-18" in l.model.doelgroepen)
    twelve = paths[("voortgezet-onderwijs", "12-15")]
    assert "slachtoffer-of-dader" not in [s.lesson_id for s in twelve.steps]  # only for 15-18
    friend = next(s for s in path.steps if s.lesson_id == "een-vriend-helpen")
    assert friend.builds_on == ("Klopt er iets niet? Signalen herkennen",)
    assert [s.number for s in path.steps] == list(range(1, len(path.steps) + 1))


def test_a_lesson_missing_from_the_leerlijn_comes_last_and_a_missing_lesson_is_skipped(paths, project):
    documents = [resolve_lesson(l, "10-12", project.data) for l in project.lessons
                 if l.model.id in ("een-klusje-voor-snel-geld", "online-vriendschap", "wie-vertrouw-je-online")]
    path = learning_paths(project.data, documents)[("buit-in-de-klas", "10-12")]
    assert [s.lesson_id for s in path.steps] == ["online-vriendschap", "wie-vertrouw-je-online", "een-klusje-voor-snel-geld"]
    assert path.steps[0].builds_on == ()  # grenzen-en-hulp is not in this build
    series = next(r for r in project.data.reeksen.model.reeksen if r.id == "buit-in-de-klas")
    unlisted = series.model_copy(update={"leerlijn": [s for s in series.leerlijn if s.les != "online-vriendschap"]})
    data = SimpleNamespace(reeksen=SimpleNamespace(model=SimpleNamespace(reeksen=[unlisted])),
                           series_title=project.data.series_title, series_description=project.data.series_description)
    path = learning_paths(data, documents)[("buit-in-de-klas", "10-12")]
    assert [s.lesson_id for s in path.steps][-1] == "online-vriendschap"


def test_the_overview_pdf_is_one_page_with_every_lesson_in_order_and_the_total(paths):
    path = paths[("buit-in-de-klas", "10-12")]
    pages = page_texts(render_learning_path(path, ASSETS_DIR))
    assert len(pages) == 1
    text = squash(pages[0])
    positions = [text.index(squash(step.title)) for step in path.steps]
    assert positions == sorted(positions)
    assert squash(f"samen {path.total_minutes} minuten") in text
    for step in path.steps:
        assert squash(step.why) in text


def test_a_build_puts_the_overview_in_the_series_pack_and_a_series_page_in_the_catalog(tmp_path, lesson_copies,
                                                                                      monkeypatch):
    from click.testing import CliRunner

    from generators.cli.commands import cli

    lesson_copies(tmp_path, ["eerste", "tweede"])
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", "-j", "1"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "output" / "pakketten" / "proef_10-12.zip") as pack:
        overview = pack.read("proef_10-12/leerlijn.pdf")
        readme = pack.read("proef_10-12/LEESMIJ.txt").decode("utf-8")
    assert "leerlijn.pdf: Leerlijn" in readme
    assert squash("Leerlijn: Proef") in squash(page_texts(overview)[0])
    page = (tmp_path / "output" / "reeksen" / "proef.html").read_text(encoding="utf-8")
    assert page.index("lessen/eerste.html") < page.index("lessen/tweede.html")
    assert 'href="reeksen/proef.html"' in (tmp_path / "output" / "index.html").read_text(encoding="utf-8")
    assert 'href="../reeksen/proef.html"' in (tmp_path / "output" / "lessen" / "eerste.html").read_text(encoding="utf-8")
