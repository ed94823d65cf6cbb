"""Elasticsearch 9: what the client sends, compared with what OpenSearch is sent.

No Elasticsearch server that the 9.x client accepts can be obtained here, so the
client's transport is replaced by a recorder: index creation, mappings and the
search page's query bodies must be the ones OpenSearch gets (which the other
tests run against a real node).
"""

import json

import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from models_library.models import OperatingModelPage
from portal.search_config import search_backends

pytestmark = pytest.mark.django_db
SEARCH = "/fi/haku/"


class Recorder:
    def __init__(self, hit_ids=()):
        self.requests = []
        self.hit_ids = list(hit_ids)

    def answer(self, method, path):
        if path.endswith("/_search"):
            return {"took": 1, "timed_out": False,
                    "hits": {"total": {"value": len(self.hit_ids), "relation": "eq"},
                             "max_score": 1.0,
                             "hits": [{"_id": str(pk), "_score": 1.0 / (n + 1),
                                       "fields": {"pk": [str(pk)]}}
                                      for n, pk in enumerate(self.hit_ids)]}}
        if path.endswith("/_count"):
            return {"count": len(self.hit_ids)}
        return {"acknowledged": True}

    def record(self, method, path, body):
        if isinstance(body, bytes | str):
            body = json.loads(body)
        self.requests.append((method, path.split("?")[0], body))
        return self.answer(method, path.split("?")[0])

    def bodies(self, suffix):
        return [body for _method, path, body in self.requests if path.endswith(suffix)]


def backend_for(settings, monkeypatch, engine, recorder):
    """The configured backend, its client's transport replaced by the recorder."""
    settings.WAGTAILSEARCH_BACKENDS = search_backends("http://127.0.0.1:9", engine, "same")
    backend = get_search_backend("default")
    transport_class = type(backend.es.transport)
    if engine == "elasticsearch":
        def perform_request(self, method, target, *, headers=None, body=None, **kwargs):
            payload = recorder.record(method, target, body)
            meta = ApiResponseMeta(
                status=200, http_version="1.1", duration=0.0,
                headers=HttpHeaders({"X-Elastic-Product": "Elasticsearch",
                                     "Content-Type": "application/json"}),
                node=NodeConfig("http", "127.0.0.1", 9),
            )
            return meta, payload
    else:
        def perform_request(self, method, url, params=None, body=None, **kwargs):
            return recorder.record(method, url, body)
    monkeypatch.setattr(transport_class, "perform_request", perform_request)
    return backend


def sent(settings, monkeypatch, engine, client, hit_ids, queries):
    recorder = Recorder(hit_ids)
    backend = backend_for(settings, monkeypatch, engine, recorder)
    index = backend.get_index_for_model(Page)
    index.put()
    index.add_model(OperatingModelPage)
    for query in queries:
        assert client.get(SEARCH, {"q": query}).status_code == 200
        assert client.get("/fi/haku/ehdotukset/", {"q": query}).status_code == 200
    return backend, recorder


def test_elasticsearch_gets_the_same_index_settings_mappings_and_queries(
        settings, monkeypatch, client, corpus):
    hits = [corpus["coordinators"].pk, corpus["pathway"].pk]
    queries = ["koordinaattorit terveysasemalla", '"yhteinen palvelupolku" valmentaja']
    es_backend, es = sent(settings, monkeypatch, "elasticsearch", client, hits, queries)
    os_backend, opensearch = sent(settings, monkeypatch, "opensearch", client, hits, queries)

    assert type(es_backend).__module__.endswith("elasticsearch9")
    # index creation: the same settings, with the analysis that keeps stemming out
    (es_index,) = [body for method, path, body in es.requests if method == "PUT"
                   and path == "/same_wagtailcore_page"]
    (os_index,) = [body for method, path, body in opensearch.requests if method == "PUT"
                   and path == "/same_wagtailcore_page"]
    assert es_index == os_index
    assert es_index["settings"]["analysis"]["analyzer"]["default"] == {
        "type": "custom", "tokenizer": "standard", "filter": ["lowercase"]}
    # mappings: the analysed Finnish terms are an indexed text field on both
    (es_mapping,) = es.bodies("/_mapping")
    (os_mapping,) = opensearch.bodies("/_mapping")
    assert es_mapping == os_mapping
    assert "portal_basepage__search_terms" in json.dumps(es_mapping) or (
        "search_terms" in json.dumps(es_mapping))
    # the search page and autocomplete (title prefixes, then the analysed words when the
    # prefixes find few pages) send the same query bodies
    es_searches, os_searches = es.bodies("/_search"), opensearch.bodies("/_search")
    assert len(es_searches) == len(os_searches) == 3 * len(queries)
    for es_body, os_body in zip(es_searches, os_searches, strict=True):
        assert es_body["query"] == os_body["query"]
        assert es_body.get("sort") == os_body.get("sort")
    first = json.dumps(es_searches[0], ensure_ascii=False)
    assert "koordinaattori" in first and "terveysasema" in first  # the analysed base forms


def test_elasticsearch_results_come_back_through_the_search_page(settings, monkeypatch, client,
                                                                 corpus):
    recorder = Recorder([corpus["coordinators"].pk])
    backend_for(settings, monkeypatch, "elasticsearch", recorder)
    data = client.get(SEARCH, {"q": "koordinaattori", "format": "json"}).json()
    assert [result["title"] for result in data["results"]] == [
        "Koordinoitu tuki terveysasemilla"]
