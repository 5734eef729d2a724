"""The catalog in a real browser (Playwright + Debian's Chromium): filter, open, download, verify, accessibility."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generators.cli.commands import cli
from generators.publish.pack_zip import verify_pack
from tests.system_tools import require_program

FIXTURES = Path(__file__).parents[1] / "fixtures"
HOSTILE_TITLE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("catalogus")
    shutil.copytree(FIXTURES / "varianten" / "lessons", root / "lessons")
    hostile = root / "lessons" / "proef" / "vijandig"
    shutil.copytree(root / "lessons" / "proef" / "varianten", hostile)
    text = (hostile / "les.yaml").read_text(encoding="utf-8").replace("id: varianten", "id: vijandig")
    text = text.replace("  standaard: Een les met **varianten**\n  10-12: Een les voor _groep 8_", f"  standaard: '{HOSTILE_TITLE}'")
    (hostile / "les.yaml").write_text(text, encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.chdir(root)
    result = CliRunner().invoke(cli, ["build"], catch_exceptions=False)
    mp.undo()
    assert result.exit_code == 0, result.output
    return root / "output"


@pytest.fixture(scope="module")
def server(site):
    from tests.app.serving import served

    with served(site) as (url, _):
        yield url


@pytest.fixture(scope="module")
def browser():
    chromium = require_program("chromium", "chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test extra")
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("dialog", lambda d: (page.problems.append("dialog: " + d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    yield page
    context.close()


def _visible_cards(page) -> list[str]:
    return page.locator("#lessen > li:visible h2").all_inner_texts()


def test_filter_open_download_and_verify(page, server, tmp_path):
    page.goto(f"{server}/index.html")
    # a card shows the title of the lesson's first audience
    assert sorted(_visible_cards(page)) == sorted(["Een les voor groep 8", HOSTILE_TITLE])
    page.get_by_label("15-18 jaar").check()
    assert len(_visible_cards(page)) == 2
    page.get_by_label("Zoeken").fill("vijand")
    assert page.locator("#aantal").inner_text() == "0 lessen"
    assert page.locator("#geen").is_visible()
    page.get_by_label("Zoeken").fill("varianten")
    assert _visible_cards(page) == ["Een les voor groep 8"]
    page.get_by_role("link", name="Een les voor groep 8").click()
    assert page.locator("h1").inner_text() == "Een les voor groep 8"
    assert page.locator("#doelgroep-15-18 .varianttitel").inner_text() == "Een les met varianten"
    with page.expect_download() as info:
        page.locator("#doelgroep-15-18").get_by_role("link", name="Download het hele pakket").click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    assert target.name == "varianten_15-18.zip"
    assert verify_pack(target) == []
    assert page.problems == []


def test_works_from_file_urls_without_csp_errors(page, site):
    page.goto((site / "index.html").as_uri())
    page.get_by_label("10-12 jaar").check()
    assert page.locator("#aantal").inner_text() == "2 lessen"
    page.goto((site / "lessen" / "varianten.html").as_uri())
    assert page.locator("h1").inner_text() == "Een les voor groep 8"
    assert page.locator("img").count() >= 2
    assert page.evaluate("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    assert page.problems == []


def test_hostile_title_shows_as_text(page, server):
    page.goto(f"{server}/lessen/vijandig.html")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert page.locator("main img[src='x']").count() == 0
    assert page.locator("main script").count() == 0
    assert page.problems == []


def test_keyboard_reaches_filters_and_lessons(page, server):
    page.goto(f"{server}/index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Direct naar de inhoud"
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#lessen') !== null"):
            break
    assert page.evaluate("document.activeElement.tagName") == "A"


@pytest.mark.parametrize("path", ["index.html", "lessen/varianten.html"])
def test_no_serious_accessibility_violations(page, server, path):
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is a test extra")
    page.goto(f"{server}/{path}")
    results = axe_module.Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_phone_width_has_no_horizontal_scroll(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in ("index.html", "lessen/varianten.html"):
        page.goto(f"{server}/{path}")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    context.close()
