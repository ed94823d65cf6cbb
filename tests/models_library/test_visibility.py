"""Anonymous visitors never see drafts, private pages or unpublished revisions anywhere.

One world with a draft, a login-restricted, a password-protected and a group-restricted
page, and public pages that point to each of them; every public surface is read and
none of the hidden titles may appear on it.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

from portal.visibility import visibility
from tests.builders import (
    build_model,
    build_programme,
    build_standard_page,
    build_translation,
    restrict,
)

HIDDEN = (
    "Luonnosmalli", "Yksityinen malli", "SALAINEN LUONNOS", "Luonnosohjelma",
    "Kirjautumisohjelma", "Salasanaohjelma", "Ryhmäohjelma", "Luonnospohja", "Salainen pohja",
    "Sisäkkäinen malli", "Piilotettu aliohjelma", "Salainen käännös",
)


@pytest.fixture
def pages(library):
    draft_programme = build_programme(library, title="Luonnosohjelma", live=False)
    login_programme = restrict(build_programme(library, title="Kirjautumisohjelma"), "login")
    password_programme = restrict(build_programme(library, title="Salasanaohjelma"), "password")
    group_programme = restrict(build_programme(library, title="Ryhmäohjelma"), "groups")
    public_programme = build_programme(library, title="Julkinen ohjelma")
    restrict(build_programme(public_programme, title="Piilotettu aliohjelma"), "password")
    build_programme(public_programme, title="Näkyvä aliohjelma")
    draft_root = build_model(library, title="Luonnospohja", live=False)
    password_root = restrict(build_model(library, title="Salainen pohja"), "password")
    public = build_model(library, title="Julkinen malli", programme=draft_programme,
                         variant_of=draft_root, summary="Julkaistu tiivistelmä")
    second = build_model(library, title="Toinen malli", programme=login_programme,
                         variant_of=password_root)
    third = build_model(library, title="Kolmas malli", programme=password_programme)
    fourth = build_model(library, title="Neljäs malli", programme=group_programme)
    shown = build_model(library, title="Ohjelman malli", programme=public_programme)
    build_model(login_programme, title="Sisäkkäinen malli")  # restricted through its parent
    under_draft = build_model(draft_programme, title="Luonnoksen alla")  # live, draft parent
    draft = build_model(library, title="Luonnosmalli", live=False)
    private = restrict(build_model(library, title="Yksityinen malli"), "login")
    changed = build_model(library, title="Muutettu malli", summary="Julkaistu tiivistelmä")
    changed.summary = "SALAINEN LUONNOS"
    changed.save_revision()  # an unpublished revision
    return {
        "public": public, "under_draft": under_draft, "second": second, "third": third,
        "fourth": fourth, "shown": shown,
        "draft": draft, "private": private, "changed": changed,
        "public_programme": public_programme, "draft_programme": draft_programme,
        "restricted_programmes": [login_programme, password_programme, group_programme],
        "password_root": password_root,
    }


def assert_hidden(content):
    for text in HIDDEN:
        assert text not in content, text


@pytest.mark.django_db
def test_listing_cards_filters_and_counts(client, library, pages):
    content = client.get(library.url).content.decode()
    assert "Julkinen malli" in content and "Julkaistu tiivistelmä" in content
    assert "Julkinen ohjelma" in content  # a visible programme is shown on its model's card
    assert_hidden(content)
    soup = BeautifulSoup(content, "html.parser")
    programme_values = {box["value"] for box in soup.select('input[name="programme"]')}
    assert programme_values == {str(pages["public_programme"].pk)}


@pytest.mark.django_db
def test_listing_does_not_name_a_hidden_programme_given_by_id(client, library, pages):
    hidden = [pages["draft_programme"], *pages["restricted_programmes"]]
    for programme in hidden:
        response = client.get(library.url, {"programme": programme.pk})
        content = response.content.decode()
        assert response.status_code == 200
        assert_hidden(content)
        assert f"”{programme.pk}”" in content  # reported as unknown, like any other bad id
        # the filter is ignored rather than applied: the public models are still listed
        assert "Julkinen malli" in content


@pytest.mark.django_db
def test_model_pages_and_print_views(client, pages):
    for key in ("public", "under_draft", "second", "third", "fourth"):
        page = pages[key]
        for url in (page.url, f"{page.url}tulosta/"):
            response = client.get(url)
            assert response.status_code == 200
            assert page.title in response.content.decode()
            assert_hidden(response.content.decode())
    assert "Julkinen ohjelma" in client.get(pages["shown"].url).content.decode()


@pytest.mark.django_db
def test_direct_access(client, pages):
    assert client.get("/fi/toimintamallit/luonnosmalli/").status_code == 404
    response = client.get(pages["private"].url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert "SALAINEN LUONNOS" not in client.get(pages["changed"].url).content.decode()


@pytest.mark.django_db
def test_compare_view(client, library, pages):
    ids = [pages["public"].pk, pages["second"].pk, pages["third"].pk]
    response = client.get(f"{library.url}vertaa/", {"m": ids})
    content = response.content.decode()
    assert "Toinen malli" in content
    assert_hidden(content)
    response = client.get(f"{library.url}vertaa/", {"m": [pages["public"].pk,
                                                          pages["draft"].pk]})
    assert response.status_code == 200
    assert_hidden(response.content.decode())


@pytest.mark.django_db
def test_programme_page(client, pages):
    content = client.get(pages["public_programme"].url).content.decode()
    assert "Näkyvä aliohjelma" in content and "Ohjelman malli" in content
    assert_hidden(content)


@pytest.mark.django_db
def test_api(client, pages):
    response = client.get("/api/v2/pages/", {"type": "models_library.OperatingModelPage",
                                             "fields": "summary,regions,topics,programme,"
                                                       "variant_of", "limit": 20})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Julkinen malli" in content and "Julkinen ohjelma" in content
    assert_hidden(content)
    for key in ("public", "second"):
        detail = client.get(f"/api/v2/pages/{pages[key].pk}/").json()
        assert detail["programme"] is None and detail["variant_of"] is None
        assert_hidden(str(detail))
    assert client.get(f"/api/v2/pages/{pages['shown'].pk}/").json()["programme"]["title"] == (
        "Julkinen ohjelma")
    assert client.get(f"/api/v2/pages/{pages['draft'].pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{pages['private'].pk}/").status_code == 404
    for programme in pages["restricted_programmes"]:
        assert client.get(f"/api/v2/pages/{programme.pk}/").status_code == 404


@pytest.mark.django_db
def test_feeds(client, library, pages):
    for kind in ("rss", "atom"):
        response = client.get(f"{library.url}syote/{kind}/")
        assert response.status_code == 200
        content = response.content.decode()
        assert "Julkinen malli" in content
        assert_hidden(content)


@pytest.mark.django_db
def test_sitemap(client, pages):
    soup = BeautifulSoup(client.get("/sitemap.xml").content, "xml")
    locations = [loc.get_text() for loc in soup.find_all("loc")]
    assert any(loc.endswith("/fi/toimintamallit/julkinen-malli/") for loc in locations)
    for slug in ("luonnosmalli", "yksityinen-malli", "luonnosohjelma", "kirjautumisohjelma",
                 "salasanaohjelma", "ryhmaohjelma", "sisakkainen-malli", "salainen-pohja",
                 "piilotettu-aliohjelma"):
        assert not any(loc.endswith(f"/{slug}/") for loc in locations), slug
    assert not any("/kirjautumisohjelma/" in loc for loc in locations)


@pytest.mark.django_db
def test_language_switcher_skips_a_protected_translation(client, demo_site):
    page = build_standard_page(demo_site, title="Tietoa palvelusta", slug="tietoa-palvelusta")
    swedish = build_translation(page, "sv", title="Salainen käännös", slug="hemlig")
    restrict(swedish, "password")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    links = {a["lang"]: a["href"] for a in soup.select("nav.language-switcher a")}
    assert links["sv"] != swedish.url
    assert "/hemlig/" not in str(soup)
    public_english = build_translation(page, "en", slug="about-the-service")
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    links = {a["lang"]: a["href"] for a in soup.select("nav.language-switcher a")}
    assert links["en"] == public_english.url


@pytest.mark.django_db
def test_call_to_action_and_rich_text_links_to_hidden_pages_lose_their_address(
    client, demo_site, pages
):
    draft = pages["draft_programme"]
    private = pages["restricted_programmes"][0]
    shown = pages["public_programme"]

    def cta(title, page):
        return ("call_to_action", {"title": title, "text": "", "button_label": f"Avaa {title}",
                                   "page": page, "external_url": ""})

    body = [
        cta("Luonnos", draft), cta("Yksityinen", private), cta("Julkinen", shown),
        ("paragraph", RichText(f'<p><a linktype="page" id="{draft.pk}">luonnoslinkki</a> ja '
                               f'<a linktype="page" id="{shown.pk}">julkinen linkki</a></p>')),
    ]
    page = build_standard_page(demo_site, title="Linkkisivu", body=body)
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    hrefs = {a.get("href") for a in soup.select("main a")}
    assert shown.url in hrefs
    assert draft.url not in hrefs and private.url not in hrefs
    assert soup.find("a", string="Avaa Julkinen")["href"] == shown.url
    assert soup.find("a", string="Avaa Luonnos") is None
    assert soup.find("a", string="Avaa Yksityinen") is None
    assert "Luonnos" in soup.get_text()  # the block itself is still shown, without the link
    assert soup.find("a", string="luonnoslinkki").get("href") is None


@pytest.mark.django_db
def test_restrictions_are_read_once_per_request(rf, django_assert_num_queries, pages):
    request = rf.get("/")
    rule = visibility(request)
    with django_assert_num_queries(2):  # the content generation, the restricted sections
        assert rule.is_visible(pages["public"])
        assert not rule.is_visible(pages["draft"])
        assert not rule.is_visible(pages["private"])
        assert not any(rule.is_visible(p) for p in pages["restricted_programmes"])
        assert visibility(request) is rule
    # The sections are kept in the site memo until privacy or content changes.
    with django_assert_num_queries(1):  # the content generation only
        assert not visibility(rf.get("/")).is_visible(pages["private"])
