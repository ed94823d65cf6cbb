"""Malformed query strings get a clear answer, never a server error.

Named cases first (each answered 500 once), then property-based tests that send
random parameters to every API endpoint and every public URL.
"""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.builders import build_model, build_programme

API_CASES = [
    ("/api/v2/pages/", {"first_published_at": "x"}),
    ("/api/v2/pages/", {"last_published_at": "2026-13-45"}),
    ("/api/v2/pages/", {"search": "x", "search_operator": "xor"}),
    ("/api/v2/pages/", {"search": "\x00"}),
    ("/api/v2/pages/", {"title": "a\x00b"}),
    ("/api/v2/pages/", {"type": "models_library.OperatingModelPage", "source_created": "x"}),
    ("/api/v2/pages/find/", {"id": "x"}),
    ("/api/v2/pages/find/", {"id": "-1"}),
]


@pytest.fixture
def content(library):
    programme = build_programme(library, title="Ohjelma", topics=["työkyky"])
    first = build_model(library, title="Ensimmäinen malli", programme=programme,
                        topics=["työkyky"])
    second = build_model(library, title="Toinen malli", variant_of=first)
    return {"library": library, "programme": programme, "first": first, "second": second}


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "params"), API_CASES)
def test_malformed_api_parameters_answer_400_with_a_json_message(client, content, path,
                                                                  params):
    response = client.get(path, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]


@pytest.mark.django_db
def test_search_words_with_quotes_still_find_pages(client, content):
    response = client.get("/api/v2/pages/", {"search": '"Ensimmäinen'})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Ensimmäinen malli"]


@pytest.mark.django_db
def test_control_characters_are_not_echoed_in_notices(client, content):
    response = client.get(content["library"].url, {"topic": "a\x00b\x1bc", "m": "x"})
    assert response.status_code == 200
    notice = BeautifulSoup(response.content, "html.parser").select_one(".notice").get_text()
    assert "abc" in notice
    assert "\x00" not in response.content.decode() and "\x1b" not in response.content.decode()
    compare = client.get(f"{content['library'].url}vertaa/", {"m": ["1\x002", "x\x07"]})
    assert compare.status_code == 200
    text = compare.content.decode()
    assert "\x00" not in text and "\x07" not in text and "12" in text


# -- property-based: random parameters everywhere --------------------------------------
NAMES = [
    "type", "fields", "search", "search_operator", "order", "limit", "offset", "child_of",
    "descendant_of", "ancestor_of", "translation_of", "locale", "id", "html_path", "title",
    "slug", "first_published_at", "last_published_at", "show_in_menus", "programme",
    "variant_of", "stage", "source_created", "topics", "topic", "region", "funder",
    "target_group", "sort", "page", "m", "q",
]
values = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "0", "-1", "1", "99999999999999999999", "x", "*", "-title", "%",
                     "models_library.OperatingModelPage", "wagtailcore.Page", "and", "or",
                     "2026-01-01", "true", "null", '"', "'", "\\", "fi", "*,-title"]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
params = st.dictionaries(st.one_of(st.sampled_from(NAMES), st.text(max_size=12)),
                         st.one_of(values, st.lists(values, max_size=3)), max_size=4)
PROPERTY_SETTINGS = settings(max_examples=20, deadline=None, derandomize=True,
                             suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                    HealthCheck.too_slow])


def _assert_answered(path, query):
    # A fresh client each time: no session or language cookie carries over.
    response = Client(raise_request_exception=False).get(path, query)
    assert response.status_code < 500, (path, query, response.status_code)
    if path.startswith("/api/") and response.status_code == 400:
        assert response.json()["message"]


@pytest.mark.django_db
@PROPERTY_SETTINGS
@given(query=params)
def test_api_answers_random_parameters_without_server_errors(content, query):
    for path in ("/api/v2/pages/", f"/api/v2/pages/{content['first'].pk}/",
                 "/api/v2/pages/find/"):
        _assert_answered(path, query)


@pytest.mark.django_db
@PROPERTY_SETTINGS
@given(query=params)
def test_public_urls_answer_random_parameters_without_server_errors(content, query):
    library = content["library"]
    for path in ("/fi/", library.url, f"{library.url}vertaa/", f"{library.url}syote/rss/",
                 f"{library.url}syote/atom/", content["first"].url,
                 f"{content['first'].url}tulosta/", content["programme"].url, "/sitemap.xml",
                 "/fi/ei-ole-olemassa/"):
        _assert_answered(path, query)
