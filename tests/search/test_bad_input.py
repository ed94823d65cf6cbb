"""No input makes the search page, its JSON or autocomplete fail, on any backend."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

SEARCH, SUGGEST = "/fi/haku/", "/fi/haku/ehdotukset/"
NASTY = [
    "", " ", "x" * 10_000, '"', '""', '"unbalanced', "*", "**", "(", ")", "(a OR b", "OR",
    "AND NOT", "-", "--", "-koordinaattori", ":", "title:koordinaattori", "\\", "\\\\\"",
    "'; DROP TABLE wagtailcore_page; --", "1' OR '1'='1", "a~2 b^3 c* d? [a TO b] {x}",
    "/regex.*/", "a\x00b", "\x00", "\x07\x1b[31m", "😀🤖 työkyky", "тест koordinaattori",
    "工作能力", "ﷺ", "e\u0301", "\ufeffpalvelupolku", "NEAR(a b)", "a AND", "&&", "||", "!",
]
FACETS = ["type", "topic", "target_group", "region", "stage", "funder"]


def get_ok(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, params)
    return response


@pytest.mark.parametrize("query", NASTY)
def test_odd_queries_answer_normally(client, engine, corpus, query):
    engine.refresh()
    get_ok(client, SEARCH, {"q": query})
    data = get_ok(client, SEARCH, {"q": query, "format": "json"}).json()
    assert isinstance(data["results"], list)
    get_ok(client, SUGGEST, {"q": query})


def test_odd_filters_and_pages_answer_with_a_message(client, engine, corpus):
    engine.refresh()
    for params in [{"region": "x" * 500}, {"stage": "\x00"}, {"type": ["model", "nope"]},
                   {"page": "abc"}, {"page": "-1"}, {"page": "99999"}, {"page": "1e9"},
                   {"topic": "' OR 1=1 --"}, {"q": "palvelupolku", "funder": "😀"}]:
        response = get_ok(client, SEARCH, {"q": "palvelupolku", **params})
        if set(params) - {"page", "q"} and params.get("stage") != "\x00":
            assert "jätettiin huomiotta" in response.content.decode(), params
    data = get_ok(client, SEARCH, {"q": "palvelupolku", "page": "99999",
                                   "format": "json"}).json()
    assert data["page"] == data["num_pages"]


def test_long_query_is_shortened_with_a_notice(client, engine, corpus):
    engine.refresh()
    data = get_ok(client, SEARCH, {"q": "palvelupolku " * 1000, "format": "json"}).json()
    assert data["notices"]
    assert any(result["title"] == "Yhteinen palvelupolku" for result in data["results"])


@pytest.mark.parametrize("backend_name", ["database"])
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(query=st.text(max_size=300),
       facet=st.sampled_from(FACETS),
       value=st.text(max_size=100),
       page=st.one_of(st.none(), st.text(max_size=8), st.integers().map(str)))
def test_random_queries_and_filters_never_fail(client, corpus, backend_name, query, facet,
                                               value, page):
    params = {"q": query, facet: value}
    if page is not None:
        params["page"] = page
    get_ok(client, SEARCH, params)
    get_ok(client, SEARCH, {**params, "format": "json"})
    get_ok(client, SUGGEST, {"q": query})
