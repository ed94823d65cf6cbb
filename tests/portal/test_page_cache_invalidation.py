"""Every change to published content shows on the next anonymous GET, cache or not.

Each test first makes sure the responses it watches are in the shared cache
(the second GET is a hit), changes content the way an editor does, and reads
the same URLs again.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, PageViewRestriction

from models_library.models import Region
from portal.models import PortalSettings
from tests.builders import build_model, build_standard_page, term


def cached(client, *urls):
    for url in urls:
        client.get(url)
        response = client.get(url)
        assert response["X-Page-Cache"] == "hit", url


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


def menu(client, url="/fi/"):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select("nav.main-nav a")]


@pytest.fixture
def model(library):
    return build_model(library, title="Työkykytiimi", regions=[term(Region, "kymenlaakso")])


@pytest.mark.django_db
def test_publishing_an_edit(client, page_cache, demo_site):
    page = build_standard_page(demo_site, title="Ohjeet", show_in_menus=True)
    cached(client, page.url, "/fi/")
    page.title = "Käyttöohjeet"
    page.save_revision().publish()
    assert "Käyttöohjeet" in text(client, page.url)
    assert "Käyttöohjeet" in menu(client)


@pytest.mark.django_db
def test_saving_a_draft_keeps_the_cache_and_shows_nothing(client, page_cache, demo_site):
    page = build_standard_page(demo_site, title="Ohjeet")
    cached(client, page.url)
    page.title = "Luonnos"
    page.save_revision()
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Luonnos" not in response.content.decode()


@pytest.mark.django_db
def test_unpublishing(client, page_cache, demo_site):
    page = build_standard_page(demo_site, title="Ohjeet", show_in_menus=True)
    cached(client, page.url, "/fi/")
    page.unpublish()
    assert client.get(page.url).status_code == 404
    assert "Ohjeet" not in menu(client)


@pytest.mark.django_db
def test_moving(client, page_cache, demo_site, library, model):
    other = build_standard_page(demo_site, title="Arkisto")
    old_url = model.url
    cached(client, old_url, library.url)
    model.move(other, pos="last-child")
    moved = client.get(old_url)  # Wagtail leaves a redirect behind
    assert moved.status_code == 301
    assert moved["Location"] == "/fi/arkisto/tyokykytiimi/"
    assert "Työkykytiimi" not in text(client, library.url)
    assert "Työkykytiimi" in text(client, "/fi/arkisto/tyokykytiimi/")


@pytest.mark.django_db
def test_deleting(client, page_cache, library, model):
    url = model.url
    cached(client, url, library.url, f"{library.url}syote/rss/", "/sitemap.xml")
    model.delete()
    assert client.get(url).status_code == 404
    assert "Työkykytiimi" not in text(client, library.url)
    assert "Työkykytiimi" not in client.get(f"{library.url}syote/rss/").content.decode()
    assert url not in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
def test_reverting_to_an_earlier_revision(client, page_cache, demo_site):
    page = build_standard_page(demo_site, title="Ohjeet")
    first_revision = page.latest_revision
    page.title = "Uudet ohjeet"
    page.save_revision().publish()
    cached(client, page.url)
    first_revision.publish()
    assert "Uudet ohjeet" not in text(client, page.url)
    assert "Ohjeet" in text(client, page.url)


@pytest.mark.django_db
def test_copying(client, page_cache, library, model):
    cached(client, library.url, "/api/v2/pages/?type=models_library.OperatingModelPage")
    model.copy(update_attrs={"title": "Työkykytiimi Lappi", "slug": "lappi"}, keep_live=True)
    assert "Työkykytiimi Lappi" in text(client, library.url)
    api = client.get("/api/v2/pages/?type=models_library.OperatingModelPage").json()
    assert "Työkykytiimi Lappi" in [item["title"] for item in api["items"]]


@pytest.mark.django_db
def test_changing_privacy(client, page_cache, library, model):
    cached(client, model.url, library.url, f"/api/v2/pages/{model.pk}/")
    PageViewRestriction.objects.create(page=model, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(model.url).status_code == 302
    assert "Työkykytiimi" not in text(client, library.url)
    assert client.get(f"/api/v2/pages/{model.pk}/").status_code == 404


@pytest.mark.django_db
def test_publishing_a_new_model_updates_index_feed_sitemap_and_api(client, page_cache, library):
    feed = f"{library.url}syote/atom/"
    cached(client, library.url, feed, "/sitemap.xml", "/api/v2/pages/")
    new = build_model(library, title="Uusi malli")
    assert "Uusi malli" in text(client, library.url)
    assert "Uusi malli" in client.get(feed).content.decode()
    assert new.url in client.get("/sitemap.xml").content.decode()
    assert "Uusi malli" in [item["title"] for item in client.get("/api/v2/pages/").json()["items"]]


@pytest.mark.django_db
def test_changing_a_taxonomy_snippet(client, page_cache, library, model):
    cached(client, model.url, library.url)
    region = term(Region, "kymenlaakso")
    region.name = "Kymenlaakson hyvinvointialue (uusi nimi)"
    region.save()
    assert "uusi nimi" in text(client, model.url)
    assert "uusi nimi" in text(client, library.url)


@pytest.mark.django_db
def test_changing_site_settings(client, page_cache, demo_site):
    cached(client, "/fi/", "/fi/tietoa/")
    settings_row = PortalSettings.for_site(demo_site.get_site())
    settings_row.organisation_name = "Portaalin toimitus ry"
    settings_row.save()
    assert "Portaalin toimitus ry" in text(client, "/fi/tietoa/")


@pytest.mark.django_db
def test_changing_navigation(client, page_cache, demo_site):
    page = build_standard_page(demo_site, title="Palvelut")
    cached(client, "/fi/", page.url)
    assert "Palvelut" not in menu(client)
    page.show_in_menus = True
    page.save_revision().publish()
    assert "Palvelut" in menu(client)
    assert "Palvelut" in menu(client, "/fi/tietoa/")


@pytest.mark.django_db
def test_publishing_a_translation_updates_the_language_switcher(client, page_cache, demo_site):
    from tests.builders import locale

    page = build_standard_page(demo_site, title="Ohjeet")
    cached(client, page.url)
    swedish = page.copy_for_translation(locale("sv"))
    swedish.title = "Anvisningar"
    swedish.save_revision().publish()
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    link = soup.select_one('nav.language-switcher a[lang="sv"]')["href"]
    assert link == Page.objects.get(pk=swedish.pk).url
