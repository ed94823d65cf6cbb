"""Language routing: Finnish by default, Swedish and English by prefix, switcher keeps the page."""

import pytest
from bs4 import BeautifulSoup

from tests.builders import build_standard_page


def switcher_links(response):
    soup = BeautifulSoup(response.content, "html.parser")
    nav = soup.select_one("nav.language-switcher")
    return {a["lang"]: a["href"] for a in nav.select("a")}


@pytest.mark.django_db
def test_root_redirects_to_finnish(client, demo_site):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


@pytest.mark.django_db
def test_root_follows_browser_language(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9")
    assert response["Location"] == "/sv/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [("/fi/", "fi", "Työkykyportaali"), ("/sv/", "sv", "Arbetsförmågeportalen"),
     ("/en/", "en", "Work Ability Portal")],
)
def test_home_in_three_languages(client, demo_site, path, lang, title):
    response = client.get(path)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == lang
    assert soup.h1.get_text(strip=True) == title


@pytest.mark.django_db
def test_interface_strings_are_translated(client, demo_site):
    texts = {
        "/fi/": "Siirry pääsisältöön",
        "/sv/": "Hoppa till huvudinnehåll",
        "/en/": "Skip to main content",
    }
    for path, skip_text in texts.items():
        assert skip_text in client.get(path).content.decode()


@pytest.mark.django_db
def test_switcher_keeps_the_same_page(client, demo_site):
    links = switcher_links(client.get("/fi/saavutettavuusseloste/"))
    assert links == {
        "fi": "/fi/saavutettavuusseloste/",
        "sv": "/sv/tillganglighetsutlatande/",
        "en": "/en/accessibility-statement/",
    }
    assert client.get(links["sv"]).status_code == 200


@pytest.mark.django_db
def test_switcher_falls_back_to_home_without_translation(client, demo_site):
    build_standard_page(demo_site, title="Vain suomeksi", slug="vain-suomeksi")
    links = switcher_links(client.get("/fi/vain-suomeksi/"))
    assert links["fi"] == "/fi/vain-suomeksi/"
    assert links["sv"] == "/sv/"
    assert links["en"] == "/en/"


@pytest.mark.django_db
def test_unknown_language_prefix_ends_in_not_found(client, demo_site):
    response = client.get("/de/tietoa/", follow=True)
    assert response.status_code == 404
