"""Editors promote results for a search and read what visitors searched for."""

import pytest
from django.contrib.auth.models import User
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from portal.search.models import SearchQueryLog

pytestmark = pytest.mark.django_db
SEARCH = "/fi/haku/"


def test_promoted_result_shows_above_results_only_when_visible(client, corpus):
    query = Query.get("työkyky")
    SearchPromotion.objects.create(query=query, page=corpus["pathway"], sort_order=0,
                                   description="Aloita tästä.")
    SearchPromotion.objects.create(query=query, page=corpus["coaching"], sort_order=1)
    corpus["coaching"].unpublish()
    data = client.get(SEARCH, {"q": "Työkyky", "format": "json"}).json()
    assert [p["title"] for p in data["promotions"]] == ["Yhteinen palvelupolku"]
    html = client.get(SEARCH, {"q": "työkyky"}).content.decode()
    assert "Suosittelemme" in html and "Aloita tästä." in html


def test_searches_are_counted_without_identities(client, corpus):
    client.get(SEARCH, {"q": "Palvelupolku"})
    client.get(SEARCH, {"q": "palvelupolku "})
    client.get(SEARCH, {"q": "qqqxxyyzz"})
    client.get(SEARCH, {"q": "matti.meikalainen@example.fi"})
    client.get(SEARCH, {"q": "010190-123A"})
    rows = {row.query_string: (row.searches, row.zero_results)
            for row in SearchQueryLog.objects.all()}
    assert rows == {"palvelupolku": (2, 0), "qqqxxyyzz": (1, 1)}
    field_names = {field.name for field in SearchQueryLog._meta.get_fields()}
    assert field_names == {"id", "query_string", "language", "date", "searches",
                           "zero_results"}


def test_report_lists_popular_and_zero_result_searches_for_editors(client, corpus):
    client.get(SEARCH, {"q": "palvelupolku"})
    client.get(SEARCH, {"q": "qqqxxyyzz"})
    editor = User.objects.create_user("toimittaja", password="x")
    client.force_login(editor)
    response = client.get("/admin/search-report/")
    assert response.status_code in (302, 403)
    admin = User.objects.create_superuser("paakayttaja", password="x")
    client.force_login(admin)
    response = client.get("/admin/search-report/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "palvelupolku" in html and "qqqxxyyzz" in html
