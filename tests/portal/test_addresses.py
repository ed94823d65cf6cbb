"""Absolute addresses come from the site's real address, in every language."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Site

from portal.demo import build
from portal.models import PortalSettings
from tests.builders import build_library, build_model, build_standard_page, build_translation

ADDRESS = "https://tyokyky.example.fi"


@pytest.fixture
def production_address(settings):
    settings.WAGTAILADMIN_BASE_URL = ADDRESS
    settings.WAGTAILAPI_BASE_URL = ADDRESS
    return ADDRESS


@pytest.fixture
def model(demo_site):
    library = build_library(demo_site)
    return build_model(library, title="Osoitemalli", authors="Tekijä")


@pytest.mark.django_db
def test_citation_canonical_sitemap_and_api_use_the_configured_address(
    client, model, production_address
):
    expected = f"{ADDRESS}/fi/toimintamallit/osoitemalli/"
    page = BeautifulSoup(client.get(model.url).content, "html.parser")
    assert expected in page.select_one(".citation").get_text()
    printed = BeautifulSoup(client.get(f"{model.url}tulosta/").content, "html.parser")
    assert printed.select_one('link[rel="canonical"]')["href"] == expected
    assert expected in printed.get_text()
    sitemap = BeautifulSoup(client.get("/sitemap.xml").content, "xml")
    locations = [loc.get_text() for loc in sitemap.find_all("loc")]
    assert expected in locations
    assert all(location.startswith(f"{ADDRESS}/") for location in locations)
    detail = client.get(f"/api/v2/pages/{model.pk}/").json()
    assert detail["meta"]["html_url"] == expected
    assert detail["meta"]["detail_url"] == f"{ADDRESS}/api/v2/pages/{model.pk}/"
    assert "localhost" not in str(detail)


@pytest.mark.django_db
def test_development_takes_the_address_from_the_request(client, model, settings):
    settings.DEBUG = True
    settings.ALLOWED_HOSTS = ["portaali.test"]
    response = client.get(model.url, HTTP_HOST="portaali.test:8123")
    citation = BeautifulSoup(response.content, "html.parser").select_one(".citation")
    assert "http://portaali.test:8123/fi/toimintamallit/osoitemalli/" in citation.get_text()


@pytest.mark.django_db
def test_sitemap_lists_every_language_with_hreflang_alternates(client, demo_site,
                                                               production_address):
    page = build_standard_page(demo_site, title="Palvelusta", slug="palvelusta")
    build_translation(page, "sv", title="Om tjänsten", slug="om-tjansten")
    sitemap = BeautifulSoup(client.get("/sitemap.xml").content, "xml")
    entries = {url.find("loc").get_text(): url for url in sitemap.find_all("url")}
    finnish, swedish = f"{ADDRESS}/fi/palvelusta/", f"{ADDRESS}/sv/om-tjansten/"
    assert finnish in entries and swedish in entries
    for location in (finnish, swedish):
        alternates = {link["hreflang"]: link["href"]
                      for link in entries[location].find_all("link")}
        assert alternates == {"fi": finnish, "sv": swedish}
    assert f"{ADDRESS}/en/" in entries  # the other languages' home pages are listed too


@pytest.mark.django_db
def test_sub_view_addresses_are_translated(client, demo_site):
    library = build_library(demo_site)
    swedish_library = build_translation(library, "sv", title="Modeller", slug="modeller")
    english_library = build_translation(library, "en", title="Models", slug="models")
    model = build_model(swedish_library, title="Svensk modell")
    soup = BeautifulSoup(client.get(swedish_library.url).content, "html.parser")
    assert soup.select_one('link[type="application/rss+xml"]')["href"] == (
        "/sv/modeller/flode/rss/")
    assert soup.select_one("#compare-form")["action"] == "/sv/modeller/jamfor/"
    assert client.get("/sv/modeller/flode/atom/").status_code == 200
    assert client.get("/sv/modeller/jamfor/").status_code == 200
    assert client.get("/en/models/feed/rss/").status_code == 200
    assert client.get(english_library.url + "compare/").status_code == 200
    page = BeautifulSoup(client.get(model.url).content, "html.parser")
    assert page.find("a", href=f"{model.url}skriv-ut/") is not None
    assert client.get(f"{model.url}skriv-ut/").status_code == 200
    assert client.get(f"{library.url}vertaa/").status_code == 200


@pytest.mark.django_db
def test_demo_command_keeps_the_site_host_and_prints_the_address(settings, capsys):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    home = build()
    Site.objects.filter(root_page=home).update(hostname="portaali.example.fi", port=443)
    call_command("load_demo_content")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("portaali.example.fi", 443)
    assert "http://127.0.0.1:8123/fi/" in capsys.readouterr().out


@pytest.mark.django_db
def test_feedback_link_is_left_out_until_an_address_is_set(client, demo_site, settings):
    settings.FEEDBACK_EMAIL = ""
    soup = BeautifulSoup(client.get("/fi/").content, "html.parser")
    assert not soup.select('footer a[href^="mailto:"]')
    portal_settings = PortalSettings.for_site(demo_site.get_site())
    portal_settings.feedback_email = "tyokyky@kunta.example.fi"
    portal_settings.save()
    soup = BeautifulSoup(client.get("/fi/").content, "html.parser")
    assert soup.select_one('footer a[href^="mailto:"]')["href"] == (
        "mailto:tyokyky@kunta.example.fi")


@pytest.mark.django_db
def test_sitemap_entries_are_what_each_page_type_gives(client, demo_site, production_address):
    """Entries built from plain page rows equal each specific page's own sitemap entries
    (address and date), for every page the demo site shows, in every language."""
    from wagtail.models import Page

    from portal.visibility import visible_pages

    call_command("load_demo_content", verbosity=0)
    sitemap = BeautifulSoup(client.get("/sitemap.xml").content, "xml")
    listed = {url.find("loc").get_text(): url.find("lastmod").get_text()[:10]
              for url in sitemap.find_all("url")}
    expected = {}
    for page in visible_pages(Page.objects.filter(depth__gte=2)).specific():
        for entry in page.get_sitemap_urls():
            expected[entry["location"]] = entry["lastmod"].date().isoformat()
    assert len(listed) > 50
    assert listed == expected
