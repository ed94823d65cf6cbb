"""The home page is the portal's front door: blocks an editor arranges lead to
the sections, the newest and featured content, in every language."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import build_library, build_model, build_programme


def front_door(home, library, featured):
    home.body = [
        ("entry_points", {"heading": "Mistä aloitat?", "items": [
            {"page": library, "title": "", "text": "Mallit ja hankkeet", "icon": "model"}]}),
        ("latest_pages", {"heading": "Uusimmat mallit", "section": library,
                          "page_type": "models_library.operatingmodelpage", "count": 3}),
        ("featured_pages", {"heading": "Nostot", "pages": featured}),
        ("latest_pages", {"heading": "Hankkeet", "section": library,
                          "page_type": "models_library.programmepage", "count": 3}),
    ]
    home.save_revision().publish()


def sections(client, path="/fi/"):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return {
        section.h2.get_text(strip=True): [a.get_text(strip=True) for a in section.select(
            ".card__title a, .entry-point__title")]
        for section in soup.select(".home-body section")
    }


@pytest.mark.django_db
def test_front_door_shows_entry_points_newest_featured_and_programmes(client, demo_site):
    library = build_library(demo_site)
    programme = build_programme(library, title="Hanke A")
    old = build_model(library, title="Vanha malli")
    for number in range(4):
        build_model(library, title=f"Uusi malli {number}")
    front_door(demo_site, library, [old])
    shown = sections(client)
    assert shown["Mistä aloitat?"] == [library.title]
    assert shown["Uusimmat mallit"] == ["Uusi malli 3", "Uusi malli 2", "Uusi malli 1"]
    assert shown["Nostot"] == ["Vanha malli"]
    assert shown["Hankkeet"] == [programme.title]


@pytest.mark.django_db
def test_front_door_shows_no_draft_or_private_page(client, demo_site):
    from wagtail.models import PageViewRestriction

    library = build_library(demo_site)
    build_model(library, title="Julkinen malli")
    draft = build_model(library, title="Luonnosmalli", live=False)
    private = build_model(library, title="Salainen malli")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    front_door(demo_site, library, [draft, private])
    text = BeautifulSoup(client.get("/fi/").content, "html.parser").get_text()
    assert "Julkinen malli" in text
    assert "Luonnosmalli" not in text and "Salainen malli" not in text


@pytest.mark.django_db
def test_front_door_in_each_language_shows_that_languages_pages(client, demo_site):
    from portal.models import HomePage

    library = build_library(demo_site)
    model = build_model(library, title="Malli suomeksi")
    front_door(demo_site, library, [model])
    from tests.builders import locale

    swedish_model = model.copy_for_translation(locale("sv"), copy_parents=True)
    swedish_model.title = "Modell på svenska"
    swedish_model.save_revision().publish()
    swedish_home = HomePage.objects.get(locale__language_code="sv")
    front_door(swedish_home, library, [model])
    shown = sections(client, "/sv/")
    assert shown["Nostot"] == ["Modell på svenska"]


@pytest.mark.django_db
def test_front_door_queries_do_not_grow_with_content(client, demo_site):
    library = build_library(demo_site)
    models = [build_model(library, title=f"Malli {n}") for n in range(2)]
    front_door(demo_site, library, models)
    def count():
        # Site-wide data is memoised per process until content changes: the first
        # request after a change refills it, the next one is counted.
        client.get("/fi/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/fi/", HTTP_CACHE_CONTROL="no-cache").status_code == 200
        return len(queries)

    small = count()
    for n in range(8):
        build_programme(library, title=f"Hanke {n}")
        build_model(library, title=f"Lisämalli {n}")
    larger = count()
    # The page's overall budget (10) is the page cache's and the query-budget
    # work's; the front-door blocks add a fixed number that does not grow.
    assert larger == small, (small, larger)
