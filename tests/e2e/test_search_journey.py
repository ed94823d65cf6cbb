"""A professional searches from the header with an inflected compound, picks a
suggestion with the keyboard or submits, narrows by a facet and opens a result;
search and no-results pages pass axe in Finnish, Swedish and English."""

import re

from playwright.sync_api import expect

from portal.models import HomePage
from tests.builders import build_library, build_search_corpus


def corpus_site(site):
    home = HomePage.objects.get(locale__language_code="fi")
    return site, build_search_corpus(build_library(home))


def test_suggestion_picked_with_the_keyboard_opens_the_page(page, site):
    base, corpus = corpus_site(site)
    page.goto(base + "/fi/")
    box = page.get_by_role("combobox", name="Hae portaalista")
    # an inflected form of a word that occurs only inside a compound of the page's text
    box.press_sequentially("koordinaattoreita", delay=20)
    option = page.get_by_role("option", name="Koordinoitu tuki terveysasemilla")
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".site-search__status")).to_contain_text("ehdotus")
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "site-search-option-0")
    expect(page.locator("#site-search-option-0")).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")  # opens the list again
    expect(option).to_be_visible()
    wanted = page.get_by_role("option").all_inner_texts().index(
        "Koordinoitu tuki terveysasemilla")
    for _step in range(wanted + 1):
        box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", f"site-search-option-{wanted}")
    box.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(corpus["coordinators"].url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Koordinoitu tuki terveysasemilla")


def test_search_from_the_header_narrow_by_a_facet_and_open(page, site, assert_accessible):
    base, corpus = corpus_site(site)
    page.goto(base + "/fi/")
    box = page.get_by_role("combobox", name="Hae portaalista")
    box.press_sequentially("palvelupolkuja", delay=20)
    box.press("Enter")  # no suggestion chosen: the form is submitted
    expect(page).to_have_url(re.compile(r"/fi/haku/\?q=palvelupolkuja"))
    expect(page.locator(".search-result")).to_have_count(2)
    expect(page.locator(".search-result mark").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("checkbox", name=re.compile("Kokonaisuus")).check()
    page.get_by_role("button", name="Käytä rajauksia").click()
    expect(page).to_have_url(re.compile(r"type=programme"))
    expect(page.locator(".search-result")).to_have_count(1)
    page.get_by_role("link", name="Työkyvyn tuen kehittämisohjelma").click()
    expect(page).to_have_url(re.compile(re.escape(corpus["programme"].url) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Työkyvyn tuen kehittämisohjelma")


def test_search_and_no_results_pages_are_accessible_in_every_language(
        page, site, assert_accessible):
    base, _corpus = corpus_site(site)
    for language, path in (("fi", "haku"), ("sv", "sok"), ("en", "search")):
        page.goto(f"{base}/{language}/{path}/?q=palvelupolku")
        if language == "fi":  # the corpus is in Finnish only
            expect(page.locator(".search-result").first).to_be_visible()
        assert_accessible(page)
        page.goto(f"{base}/{language}/{path}/?q=qqqxxyyzz")
        expect(page.locator(".search__none")).to_be_visible()
        assert_accessible(page)
