"""Property: whatever bytes an author saves as les.yaml, reading and checking never raises; the
outcome is a model or at least one located error diagnostic."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from generators.diagnostics import Diagnostics
from generators.lesson.checks import check_lesson
from generators.lesson.lint import lint_lessons
from generators.lesson.model_loading import load_model
from generators.paths import DATA_DIR
from generators.lesson.resolve import resolve_lesson
from generators.data.shared import load_shared_data
from generators.lesson.source_model import Les

FIXTURES = Path(__file__).parents[1] / "fixtures"
MINIMAL = YAML(typ="safe").load((FIXTURES / "minimal-les.yaml").read_text(encoding="utf-8"))
KEYS = [
    "id", "titel", "reeks", "samenvatting", "doelgroepen", "leerdoelen", "lesverloop", "fase", "activiteiten",
    "minuten", "werkvorm", "dias", "opdrachten", "soort", "punten", "alleen", "standaard", "10-12", "12-15",
    "vraag", "antwoord", "opties", "juist", "afbeelding", "pad", "alt", "stellingen", "tekst", "duur",
    "hulplijnen", "kerndoelen", "bron", "items",
]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def data():
    diagnostics = Diagnostics()
    loaded = load_shared_data(DATA_DIR, diagnostics)
    assert loaded is not None, [d.format() for d in diagnostics.items]
    return loaded


def _load_and_check(raw: bytes, data) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "lessons" / "proef" / "proefles"
        folder.mkdir(parents=True)
        path = folder / "les.yaml"
        path.write_bytes(raw)
        diagnostics = Diagnostics()
        loaded = load_model(path, Les, diagnostics, kind="lesbestand")
        if loaded is None:
            assert diagnostics.has_errors(), "no model and no error"
            assert all(d.code and d.message and d.location.path for d in diagnostics.items)
            return
        check_lesson(loaded, data, diagnostics, {})
        lint_lessons([loaded], data, diagnostics, DATA_DIR)
        for d in diagnostics.items:
            assert d.code and d.message and d.location.path
            d.format()
        if not diagnostics.has_errors():
            for audience in loaded.model.doelgroepen:
                resolve_lesson(loaded, audience, data, None)


def _dump(tree) -> bytes:
    import io

    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    buffer = io.StringIO()
    yaml.dump(tree, buffer)
    return buffer.getvalue().encode("utf-8")


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
    st.text(max_size=30), st.sampled_from(["no", "ja", "12:30", "0123", "~", "inhoud", "quiz", "open", "A", "12-15"]),
)
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), inner, max_size=5),
    ),
    max_leaves=25,
)


@st.composite
def mutated_lessons(draw):
    """The minimal valid lesson with one value somewhere replaced, added or removed."""
    lesson = copy.deepcopy(MINIMAL)
    node = lesson
    while True:
        keys = sorted(node) if isinstance(node, dict) else list(range(len(node)))
        key = draw(st.sampled_from(keys))
        child = node[key]
        if not isinstance(child, (dict, list)) or not child or draw(st.booleans()):
            break
        node = child
    action = draw(st.sampled_from(["replace", "add", "remove"]))
    if action == "replace":
        node[key] = draw(trees)
    elif action == "add" and isinstance(node, dict):
        node[draw(st.sampled_from(KEYS))] = draw(trees)
    elif action == "add":
        node.append(draw(trees))
    else:
        del node[key]
    return lesson


@SETTINGS
@given(raw=st.binary(max_size=400))
def test_random_bytes_never_raise(data, raw):
    _load_and_check(raw, data)


@SETTINGS
@given(text=st.text(max_size=300))
def test_random_text_never_raises(data, text):
    _load_and_check(text.encode("utf-8", "surrogatepass"), data)


@SETTINGS
@given(text=st.lists(st.sampled_from([
    "id: proefles", "titel: x", "  - a", "- b", "  key: [1, 2", "&a x", "*a", "? x", ": y", "\t- tab", "'open",
    '"esc \\x0c"', "|", ">-", "---", "...", "%YAML 1.1", "!!python/object:os.system", "{a: b}", "# c", "",
    "soort: quiz", "lesverloop:", "    - fase: kern", "doelgroepen: {12-15: {duur: 20}}",
]), max_size=20))
def test_yaml_like_lines_never_raise(data, text):
    _load_and_check("\n".join(text).encode("utf-8", "surrogatepass"), data)


@SETTINGS
@given(tree=trees)
def test_random_structures_never_raise(data, tree):
    _load_and_check(_dump(tree), data)


@SETTINGS
@given(lesson=mutated_lessons())
def test_mutated_lessons_never_raise(data, lesson):
    _load_and_check(_dump(lesson), data)
