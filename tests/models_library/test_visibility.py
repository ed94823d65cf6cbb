"""Anonymous visitors never see drafts, private pages or unpublished revisions anywhere."""

import pytest
from wagtail.models import PageViewRestriction

from tests.builders import build_model, build_programme


@pytest.fixture
def pages(library):
    public = build_model(library, title="Julkinen malli")
    draft = build_model(library, title="Luonnosmalli", live=False)
    private = build_model(library, title="Yksityinen malli")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    changed = build_model(library, title="Muutettu malli", summary="Julkaistu tiivistelmä")
    changed.summary = "SALAINEN LUONNOS"
    changed.title = "Muutettu malli"
    changed.save_revision()  # an unpublished revision
    programme_draft = build_programme(library, title="Luonnosohjelma", live=False)
    return {"public": public, "draft": draft, "private": private, "changed": changed,
            "programme_draft": programme_draft}


HIDDEN = ("Luonnosmalli", "Yksityinen malli", "SALAINEN LUONNOS", "Luonnosohjelma")


def assert_hidden(content):
    for text in HIDDEN:
        assert text not in content, text


@pytest.mark.django_db
def test_listing(client, library, pages):
    content = client.get(library.url).content.decode()
    assert "Julkinen malli" in content and "Julkaistu tiivistelmä" in content
    assert_hidden(content)


@pytest.mark.django_db
def test_pages(client, pages):
    assert client.get(pages["public"].url).status_code == 200
    assert client.get("/fi/toimintamallit/luonnosmalli/").status_code == 404
    response = client.get(pages["private"].url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert "SALAINEN LUONNOS" not in client.get(pages["changed"].url).content.decode()


@pytest.mark.django_db
def test_api(client, pages):
    response = client.get("/api/v2/pages/", {"type": "models_library.OperatingModelPage",
                                             "fields": "summary,regions,topics"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Julkinen malli" in content
    assert_hidden(content)
    assert client.get(f"/api/v2/pages/{pages['draft'].pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{pages['private'].pk}/").status_code == 404


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
    content = client.get("/sitemap.xml").content.decode()
    assert "/fi/toimintamallit/julkinen-malli/" in content
    assert "luonnosmalli" not in content
    assert "yksityinen-malli" not in content
    assert "luonnosohjelma" not in content


@pytest.mark.django_db
def test_compare_refuses_drafts(client, library, pages):
    response = client.get(f"{library.url}vertaa/",
                          {"m": [pages["public"].pk, pages["draft"].pk]})
    assert response.status_code == 200
    assert_hidden(response.content.decode())
