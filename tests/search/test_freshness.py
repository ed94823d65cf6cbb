"""Publishing, unpublishing, moving, deleting, copying and privacy reach search at once."""

import pytest
from wagtail.models import PageViewRestriction

from tests.builders import build_model, build_programme

pytestmark = pytest.mark.django_db
SEARCH = "/fi/haku/"


def titles(client, query):
    data = client.get(SEARCH, {"q": query, "format": "json"}).json()
    return {result["title"]: result["url"] for result in data["results"]}


def suggestions(client, query):
    data = client.get("/fi/haku/ehdotukset/", {"q": query}).json()
    return [item["title"] for item in data["suggestions"]]


def test_index_follows_page_changes(client, engine, library, demo_site):
    engine.refresh()
    programme = build_programme(library, title="Ohjelma")
    page = build_model(programme, title="Kuntoutusohjaajan malli",
                       summary="Kuntoutusohjaajat tukevat palvelupolulla.")
    engine.settle()
    assert "Kuntoutusohjaajan malli" in titles(client, "kuntoutusohjaaja")

    # a new draft revision does not show before it is published
    page.title = "Kuntoutusohjaajan uusi malli"
    page.save_revision()
    engine.settle()
    assert "Kuntoutusohjaajan uusi malli" not in titles(client, "kuntoutusohjaaja")
    page.get_latest_revision().publish()
    engine.settle()
    assert "Kuntoutusohjaajan uusi malli" in titles(client, "kuntoutusohjaaja")

    # moving changes the address the result links to
    old_url = titles(client, "kuntoutusohjaaja")["Kuntoutusohjaajan uusi malli"]
    page.refresh_from_db()
    page.move(library, pos="last-child")
    engine.settle()
    new_url = titles(client, "kuntoutusohjaaja")["Kuntoutusohjaajan uusi malli"]
    assert old_url.startswith(programme.url) and not new_url.startswith(programme.url)

    # private pages are not shown to anonymous visitors, anywhere
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="salasana")
    engine.settle()
    assert "Kuntoutusohjaajan uusi malli" not in titles(client, "kuntoutusohjaaja")
    assert "Kuntoutusohjaajan uusi malli" not in suggestions(client, "kuntoutusohja")
    data = client.get(SEARCH, {"q": "kuntoutusohjaaja", "format": "json"}).json()
    assert all(option["count"] == 0 or option["value"] != "model"
               for facet in data["facets"] for option in facet["options"])
    restriction.delete()

    # copies are found, unpublished and deleted pages are not
    page.copy(to=library, update_attrs={"title": "Kuntoutusohjaajan kopio",
                                        "slug": "kopio"})
    engine.settle()
    assert "Kuntoutusohjaajan kopio" in titles(client, "kuntoutusohjaaja")
    page.refresh_from_db()
    page.unpublish()
    engine.settle()
    assert "Kuntoutusohjaajan uusi malli" not in titles(client, "kuntoutusohjaaja")
    page.delete()
    engine.settle()
    assert "Kuntoutusohjaajan uusi malli" not in titles(client, "kuntoutusohjaaja")
