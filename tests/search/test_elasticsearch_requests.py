"""Elasticsearch 9: what the client sends, compared with what OpenSearch is sent.

No Elasticsearch server that the 9.x client accepts can be obtained here, so the
client's transport is replaced by a recorder: index creation, mappings and the
search page's query bodies (single searches and the searches of a multi-search
request) must be the ones OpenSearch gets (which the other tests run against a
real node).
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

    def answer(self, method, path, body):
        if path.endswith("/_search"):
            return {"took": 1, "timed_out": False,
                    "hits": {"total": {"value": len(self.hit_ids), "relation": "eq"},
                             "max_score": 1.0,
                             "hits": [{"_id": str(pk), "_score": 1.0 / (n + 1),
                                       "fields": {"pk": [str(pk)]}}
                                      for n, pk in enumerate(self.hit_ids)]}}
        if path.endswith("/_msearch"):  # a header line, then a search, for each search
            return {"took": 1, "responses": [
                {**self.answer(method, "/_search", search), "status": 200}
                for search in body[1::2]]}
        if path.endswith("/_count"):
            return {"count": len(self.hit_ids)}
        return {"acknowledged": True}

    def record(self, method, path, body):
        path = path.split("?")[0]
        if isinstance(body, bytes):
            body = body.decode()
        if path.endswith("/_msearch") and isinstance(body, str):
            # OpenSearch's client sends NDJSON; Elasticsearch's hands the transport a list.
            body = [json.loads(line) for line in body.splitlines() if line.strip()]
        elif isinstance(body, str):
            body = json.loads(body)
        self.requests.append((method, path, body))
        return self.answer(method, path, body)

    def bodies(self, suffix):
        return [body for _method, path, body in self.requests if path.endswith(suffix)]

    def searches(self):
        """(request, index, body) of every search sent, in order: a search request's own
        body, and each search of a multi-search request with the index its header names."""
        found = []
        for _method, path, body in self.requests:
            if path.endswith("/_search"):
                found.append(("_search", path.removesuffix("/_search"), body))
            elif path.endswith("/_msearch"):
                assert len(body) % 2 == 0, body
                found += [("_msearch", "/" + header["index"], search)
                          for header, search in zip(body[::2], body[1::2], strict=True)]
        return found


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


def sent(settings, monkeypatch, engine, client, hit_ids, queries, filters):
    recorder = Recorder(hit_ids)
    backend = backend_for(settings, monkeypatch, engine, recorder)
    index = backend.get_index_for_model(Page)
    index.put()
    index.add_model(OperatingModelPage)
    for query in queries:
        assert client.get(SEARCH, {"q": query}).status_code == 200
        assert client.get(SEARCH, {"q": query, **filters}).status_code == 200
        assert client.get("/fi/haku/ehdotukset/", {"q": query}).status_code == 200
    return backend, recorder


def test_elasticsearch_gets_the_same_index_settings_mappings_and_queries(
        settings, monkeypatch, client, corpus):
    hits = [corpus["coordinators"].pk, corpus["pathway"].pk]
    queries = ["koordinaattorit terveysasemalla", '"yhteinen palvelupolku" valmentaja']
    coordinators = corpus["coordinators"]
    filters = {"region": coordinators.regions.get().code,
               "target_group": coordinators.target_groups.get().code}
    es_backend, es = sent(settings, monkeypatch, "elasticsearch", client, hits, queries, filters)
    os_backend, opensearch = sent(settings, monkeypatch, "opensearch", client, hits, queries,
                                  filters)

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
    # the search page, alone and with filters, and autocomplete (title prefixes, then the
    # analysed words when the prefixes find few pages) send the same query bodies, in the
    # same requests
    es_searches, os_searches = es.searches(), opensearch.searches()
    assert [(request, index) for request, index, _body in es_searches] == [
        (request, index) for request, index, _body in os_searches]
    # with filters, the ranking among the pages passing them goes with the search for the
    # counts, in one multi-search request
    assert [request for request, _index, _body in es_searches] == [
        "_search", "_msearch", "_msearch", "_search", "_search"] * len(queries)
    assert {index for _request, index, _body in es_searches} == {"/same_wagtailcore_page"}
    for (request, _index, es_body), (_, _, os_body) in zip(es_searches, os_searches,
                                                           strict=True):
        assert es_body["query"] == os_body["query"]
        assert es_body.get("sort") == os_body.get("sort")
        if request == "_msearch":  # the whole body is the client's NDJSON line
            assert es_body == os_body
    first = json.dumps(es_searches[0][2], ensure_ascii=False)
    assert "koordinaattori" in first and "terveysasema" in first  # the analysed base forms
    counted, filtered = es_searches[1][2], es_searches[2][2]
    assert counted["size"] == filtered["size"] == 500 and counted["_source"] is False
    # the search for the counts ranks every page; the other only the one passing both
    assert '"id_filter"' not in json.dumps(counted["query"])
    assert json.dumps({"terms": {"id_filter": [coordinators.pk]}}) in json.dumps(
        filtered["query"])


def test_elasticsearch_results_come_back_through_the_search_page(settings, monkeypatch, client,
                                                                 corpus):
    recorder = Recorder([corpus["coordinators"].pk])
    backend_for(settings, monkeypatch, "elasticsearch", recorder)
    data = client.get(SEARCH, {"q": "koordinaattori", "format": "json"}).json()
    assert [result["title"] for result in data["results"]] == [
        "Koordinoitu tuki terveysasemilla"]
