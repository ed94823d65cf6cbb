"""When the search cluster is down, the page answers from the database with a notice."""

import logging

import pytest

from portal.search_config import search_backends

pytestmark = pytest.mark.django_db
DOWN = "http://127.0.0.1:9"  # nothing listens on the discard port


@pytest.fixture
def cluster_down(settings, corpus):
    settings.WAGTAILSEARCH_BACKENDS = search_backends(DOWN, "opensearch", "down", timeout=1)
    return corpus


def test_search_page_falls_back_to_the_database_and_logs(client, cluster_down, caplog):
    with caplog.at_level(logging.ERROR, logger="portal.search.engine"):
        response = client.get("/fi/haku/", {"q": "koordinaattori"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hakupalvelu ei ole juuri nyt käytettävissä" in html
    assert "Koordinoitu tuki terveysasemilla" in html
    assert any("search cluster failed" in record.getMessage() for record in caplog.records)
    data = client.get("/fi/haku/", {"q": "koordinaattori", "format": "json"}).json()
    assert "Koordinoitu tuki terveysasemilla" in [r["title"] for r in data["results"]]
    assert data["notices"]


def test_autocomplete_falls_back_too(client, cluster_down):
    response = client.get("/fi/haku/ehdotukset/", {"q": "koordin"})
    assert response.status_code == 200
    assert [s["title"] for s in response.json()["suggestions"]] == [
        "Koordinoitu tuki terveysasemilla"]


def test_health_reports_the_state_without_secrets(client, settings, cluster_down):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "search": "unavailable",
                               "search_backend": "cluster", "status": "degraded"}
    assert "127.0.0.1" not in response.content.decode()
    settings.WAGTAILSEARCH_BACKENDS = search_backends("")
    assert client.get("/health/").json()["status"] == "ok"


def test_a_failed_search_of_a_multi_search_falls_back_too(client, cluster_down, monkeypatch):
    """A multi-search request can succeed while a search in it fails (its response holds
    the error): the page answers from the database, as when a single search fails."""
    from wagtail.search.backends import get_search_backend

    asked = []

    def perform_request(self, method, url, params=None, body=None, **kwargs):
        asked.append(url.split("?")[0])
        return {"took": 1, "responses": [
            {"error": {"type": "search_phase_execution_exception", "reason": "shards failed"},
             "status": 503},
            {"took": 1, "timed_out": False, "hits": {"hits": []}, "status": 200},
        ]}

    monkeypatch.setattr(type(get_search_backend("default").es.transport), "perform_request",
                        perform_request)
    data = client.get("/fi/haku/", {"q": "koordinaattori", "region": "varsinais-suomi",
                                    "format": "json"}).json()
    assert asked == ["/_msearch"]
    assert [r["title"] for r in data["results"]] == ["Koordinoitu tuki terveysasemilla"]
    assert any("Hakupalvelu ei ole juuri nyt käytettävissä" in notice
               for notice in data["notices"])


def test_a_capped_filtered_search_waits_for_a_down_cluster_once(client, cluster_down,
                                                               monkeypatch):
    """With the hits capped and a filter chosen, the page searches twice; once the cluster
    has failed, the second search goes to the database too: one wait, one notice."""
    from opensearchpy import Transport

    from portal.search import engine

    monkeypatch.setattr(engine, "MAX_HITS", 1)
    requests = []
    original = Transport.perform_request

    def perform_request(self, method, url, *args, **kwargs):
        requests.append(url)  # the client's own retries are not counted
        return original(self, method, url, *args, **kwargs)

    monkeypatch.setattr(Transport, "perform_request", perform_request)
    data = client.get("/fi/haku/", {"q": "koordinaattori", "region": "varsinais-suomi",
                                    "format": "json"}).json()
    assert [r["title"] for r in data["results"]] == ["Koordinoitu tuki terveysasemilla"]
    assert requests == ["/_msearch"]
    assert sum("Hakupalvelu ei ole" in notice for notice in data["notices"]) == 1
