"""First journeys: home, language switching, the accessibility statement, a missing page."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import path_of


def test_home_and_language_round_trip(page, site, assert_accessible):
    page.goto(site + "/")
    expect(page).to_have_url(re.compile(r"/fi/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Työkykyportaali")
    assert_accessible(page)

    page.get_by_role("navigation", name="Kieli").get_by_role("link", name="Svenska").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Arbetsförmågeportalen")
    assert_accessible(page)

    page.get_by_role("navigation", name="Språk").get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert path_of(page.url) == "/en/"
    assert_accessible(page)

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Suomi").click()
    assert path_of(page.url) == "/fi/"


def test_skip_link_and_menu_by_keyboard(page, site):
    page.goto(site + "/fi/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Siirry pääsisältöön")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"

    page.goto(site + "/fi/")
    for _ in range(40):  # the header also holds search, account and language links
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Tietoa portaalista":
            break
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tietoa portaalista")


def test_accessibility_statement_in_each_language(page, site, assert_accessible):
    page.goto(site + "/fi/")
    page.get_by_role("contentinfo").get_by_role("link", name="Saavutettavuusseloste").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Saavutettavuusseloste")
    expect(page.get_by_role("heading", name="Valvontaviranomainen")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Svenska").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tillgänglighetsutlåtande")
    assert_accessible(page)


def test_missing_page_is_friendly(page, site, assert_accessible):
    response = page.goto(site + "/sv/finns-inte/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Sidan hittades inte")
    assert_accessible(page)
    page.get_by_role("link", name="Gå till startsidan").click()
    assert path_of(page.url) == "/sv/"


def test_narrow_screen_has_no_horizontal_scroll(page, site):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ("/fi/", "/fi/saavutettavuusseloste/", "/en/about/"):
        page.goto(site + path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
