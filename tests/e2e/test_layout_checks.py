"""Every public page type at 390, 768 and 1280 px in fi/sv/en: no sideways
scrolling, no text clipped by fixed-height boxes, tap targets of at least
24 × 24 px (WCAG 2.2, 2.5.8) and no axe violations. A screenshot of each
is written to var/screenshots/ for review."""

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e.conftest import built_once
from tests.e2e.page_types import LANGUAGES, build_demo_site, public_page_types

WIDTHS = [390, 768, 1280]
SCREENSHOTS = ROOT / "var" / "screenshots"

LAYOUT_PROBLEMS = (Path(__file__).parent / "layout_problems.js").read_text()


@pytest.fixture
def demo_site(site):
    built_once("demo_site", build_demo_site)
    return site


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_public_page_type_fits_and_is_accessible(
    browser, demo_site, assert_accessible, width, language
):
    page_types = public_page_types(language)
    assert {"HomePage", "LibraryIndexPage", "OperatingModelPage", "ProgrammePage"} <= {
        name for name, _path in page_types
    }, page_types
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    failures = []
    try:
        for name, path in page_types:
            page.goto(demo_site + path)
            page.evaluate("document.fonts.ready")
            failures += [f"{name} {path}: {problem}" for problem in page.evaluate(LAYOUT_PROBLEMS)]
            try:
                assert_accessible(page)
            except AssertionError as error:
                failures.append(f"{name} {path}: {error}")
            page.screenshot(
                path=str(SCREENSHOTS / f"{name}-{language}-{width}.png"), full_page=True
            )
    finally:
        context.close()
    assert not failures, "\n".join(failures)


def test_the_layout_checks_find_what_they_look_for(browser):
    """The checks can fail: a wide box, clipped text, an inner scroll box and a tiny button."""
    context = browser.new_context(viewport={"width": 390, "height": 600})
    page = context.new_page()
    page.set_content(
        "<style>.wide{width:900px}.clip{height:1em;overflow:hidden}"
        ".scroll{height:2em;overflow-y:auto}button{width:10px;height:10px;padding:0}</style>"
        "<div class=wide>x</div><p class=clip>one<br>two<br>three</p>"
        "<div class=scroll>a<br>b<br>c<br>d</div><button>b</button>"
        "<span class=badge style='display:inline-block;width:3em;overflow-wrap:anywhere'>"
        "Työkykykoordinaattori</span>"
    )
    problems = "\n".join(page.evaluate(LAYOUT_PROBLEMS))
    context.close()
    assert "scrolls sideways" in problems
    assert "text clipped by its box: p.clip" in problems
    assert "an inner scroll box: div.scroll" in problems
    assert "tap target 10×10 px: button" in problems
    assert 'a word broken across lines: "Työkykykoordinaattori"' in problems
