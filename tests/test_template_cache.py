"""Compiled templates come from the user's cache when they can, and the cache never changes or stops a build."""

from __future__ import annotations

import jinja2
import pytest
from jinja2.bccache import bc_magic

from generators import catalog, packaging
from generators.template_cache import environment

TEMPLATE = "{% for x in items %}\n  <{{ x }}>\n{% endfor %}\n"


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "lespakket" / "sjablonen"


def render(**settings) -> str:
    loader = jinja2.DictLoader({"t.j2": TEMPLATE})
    return environment(loader, **settings).get_template("t.j2").render(items=["a&b", "c"])


def plain(**settings) -> str:
    return jinja2.Environment(loader=jinja2.DictLoader({"t.j2": TEMPLATE}), **settings).get_template("t.j2").render(items=["a&b", "c"])


def refuse_to_compile(monkeypatch) -> None:
    def compile_(*args, **kwargs):
        raise AssertionError("compiled again instead of loading the cache")

    monkeypatch.setattr(jinja2.Environment, "compile", compile_)


def test_a_second_environment_loads_the_compiled_template_instead_of_compiling(cache_home, monkeypatch):
    first = render(autoescape=True)
    assert first == plain(autoescape=True)
    assert list(cache_home.glob("*/__jinja2_*.cache"))
    refuse_to_compile(monkeypatch)
    assert render(autoescape=True) == first


def test_other_settings_do_not_get_templates_compiled_with_different_ones(cache_home, monkeypatch):
    trimmed, kept = plain(trim_blocks=True, autoescape=True), plain(trim_blocks=False, autoescape=False)
    assert trimmed != kept
    assert render(trim_blocks=True, autoescape=True) == trimmed
    assert render(trim_blocks=False, autoescape=False) == kept
    assert len(list(cache_home.iterdir())) == 2
    refuse_to_compile(monkeypatch)
    assert render(trim_blocks=False, autoescape=False) == kept
    assert render(trim_blocks=True, autoescape=True) == trimmed


def test_settings_holding_a_function_get_the_same_folder_every_run(cache_home):
    render(finalize=str.upper)
    render(finalize=str.upper)
    assert len(list(cache_home.iterdir())) == 1


@pytest.mark.parametrize("damage", [b"", b"j2 not a cache", bc_magic + b"garbage", None])
def test_a_damaged_cache_file_is_compiled_again(cache_home, damage):
    expected = render(autoescape=True)
    (cached,) = cache_home.glob("*/__jinja2_*.cache")
    content = cached.read_bytes()
    cached.write_bytes(content[: len(content) // 2] if damage is None else damage)
    assert render(autoescape=True) == expected


def test_no_usable_cache_folder_still_renders(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert render(autoescape=True) == plain(autoescape=True)


def test_a_cache_that_cannot_be_written_still_renders(cache_home, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr("tempfile.NamedTemporaryFile", refuse)
    assert render(autoescape=True) == plain(autoescape=True)
    assert not list(cache_home.glob("*/__jinja2_*.cache"))


def test_the_catalog_and_pack_templates_are_cached(cache_home, monkeypatch):
    for module in (catalog, packaging):
        monkeypatch.setattr(module, "_environment", module._environment.__wrapped__)
        module.compile_templates()
    assert len(list(cache_home.iterdir())) == 2  # the catalog's and the README's settings
    refuse_to_compile(monkeypatch)
    for module in (catalog, packaging):
        module.compile_templates()
