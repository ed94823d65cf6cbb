"""The search page finds what a professional means, on every backend alike."""

import pytest

pytestmark = pytest.mark.django_db

SEARCH = "/fi/haku/"


def titles(client, query, **params):
    response = client.get(SEARCH, {"q": query, "format": "json", **params})
    assert response.status_code == 200
    return [result["title"] for result in response.json()["results"]]


FINNISH_CASES = [
    ("koordinaattori", "Koordinoitu tuki terveysasemilla"),  # part of a compound
    ("työkykykoordinaattori", "Koordinoitu tuki terveysasemilla"),  # base form
    ("terveysasemalla", "Koordinoitu tuki terveysasemilla"),  # other case
    ("palvelupolkuja", "Yhteinen palvelupolku"),  # inflected -> base form
    ("valmentaja", "Valmennus työhön"),  # part of a compound Voikko does not know
    ("työhönvalmentaja", "Valmennus työhön"),
    ("Kymsoten", "Yhteinen palvelupolku"),  # a proper name Voikko does not know
    ('"Yhteinen palvelupolku"', "Yhteinen palvelupolku"),  # an exact phrase
]


def test_finnish_forms_and_compounds_are_found(client, engine, corpus):
    engine.refresh()
    missed = [(query, expected) for query, expected in FINNISH_CASES
              if expected not in titles(client, query)]
    assert missed == []


def test_a_compound_query_or_a_phrase_does_not_match_every_part(client, engine, corpus):
    engine.refresh()
    assert "Valmennus työhön" not in titles(client, "työkykykoordinaattori")
    assert titles(client, '"yhteinen palvelupolku"') == ["Yhteinen palvelupolku"]


def test_results_page_highlights_matches_and_links_to_the_page(client, engine, corpus):
    engine.refresh()
    response = client.get(SEARCH, {"q": "koordinaattori"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Työkykykoordinaattorin</mark>" in html
    assert f'href="{corpus["coordinators"].url}"' in html


def test_json_has_title_url_type_snippet_score_and_facets(client, engine, corpus):
    engine.refresh()
    data = client.get(SEARCH, {"q": "palvelupolku", "format": "json"}).json()
    first = data["results"][0]
    assert set(first) >= {"title", "url", "type", "snippet", "score"}
    assert {facet["name"] for facet in data["facets"]} >= {"type", "topic", "region"}
    assert data["count"] == len(data["results"])


def test_facets_count_and_filter_with_the_query(client, engine, corpus):
    engine.refresh()
    data = client.get(SEARCH, {"q": "palvelupolku", "format": "json"}).json()
    types = {o["value"]: o["count"] for f in data["facets"] if f["name"] == "type"
             for o in f["options"]}
    assert types == {"model": 1, "programme": 1}
    data = client.get(SEARCH, {"q": "palvelupolku", "type": "programme",
                               "format": "json"}).json()
    assert [r["title"] for r in data["results"]] == ["Työkyvyn tuen kehittämisohjelma"]
    # the chosen facet still counts the other value, the state is in the URL
    types = {o["value"]: (o["count"], o["selected"]) for f in data["facets"]
             if f["name"] == "type" for o in f["options"]}
    assert types == {"model": (1, False), "programme": (1, True)}


def test_unknown_facet_value_is_ignored_with_a_notice(client, engine, corpus):
    engine.refresh()
    data = client.get(SEARCH, {"q": "palvelupolku", "region": "atlantis",
                               "format": "json"}).json()
    assert data["count"] == 2
    assert any("atlantis" in notice for notice in data["notices"])


def test_drafts_and_unpublished_pages_are_not_shown(client, engine, corpus):
    coaching = corpus["coaching"]
    coaching.unpublish()
    engine.refresh()
    assert "Valmennus työhön" not in titles(client, "valmentaja")


def test_no_results_page_suggests_a_spelling_and_topics(client, engine, corpus):
    engine.refresh()
    response = client.get(SEARCH, {"q": "palvelupolkk"})
    html = response.content.decode()
    assert "Nothing was found" in html or "Haulla" in html or "ei löytynyt" in html
    data = client.get(SEARCH, {"q": "palvelupolkk", "format": "json"}).json()
    assert data["count"] == 0
    assert data["suggestion"] == "palvelupolku"
    assert "palvelupolut" in {topic["value"] for topic in data["related_topics"]}


def test_autocomplete_suggests_visible_pages(client, engine, corpus):
    engine.refresh()
    response = client.get("/fi/haku/ehdotukset/", {"q": "koordin"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert suggestions[0]["title"] == "Koordinoitu tuki terveysasemilla"
    assert suggestions[0]["url"] == corpus["coordinators"].url


def test_header_has_the_search_box(client, demo_site):
    html = client.get("/fi/").content.decode()
    assert 'role="search"' in html and 'role="combobox"' in html


def test_autocomplete_analyses_a_typed_inflected_word(client, engine, corpus):
    # No title starts with the typed form; its base form is a compound part in the text.
    engine.refresh()
    response = client.get("/fi/haku/ehdotukset/", {"q": "koordinaattoreita"})
    titles = [item["title"] for item in response.json()["suggestions"]]
    assert "Koordinoitu tuki terveysasemilla" in titles
    assert "Valmennus työhön" not in titles


def test_a_filter_finds_matches_ranked_below_the_hit_cap(client, engine, corpus, monkeypatch):
    """With more hits than the cap, a chosen filter still finds the pages below it."""
    from portal.search import engine as search_engine

    engine.refresh()
    monkeypatch.setattr(search_engine, "MAX_HITS", 1)
    data = client.get(SEARCH, {"q": "palvelupolku", "format": "json"}).json()
    assert data["count"] == 1
    shown = data["results"][0]["title"]
    other = {"Yhteinen palvelupolku": ("programme", "Työkyvyn tuen kehittämisohjelma"),
             "Työkyvyn tuen kehittämisohjelma": ("model", "Yhteinen palvelupolku")}[shown]
    data = client.get(SEARCH, {"q": "palvelupolku", "type": other[0], "format": "json"}).json()
    assert [r["title"] for r in data["results"]] == [other[1]]
    data = client.get(SEARCH, {"q": "palvelupolku", "region": "varsinais-suomi",
                               "format": "json"}).json()
    assert [r["title"] for r in data["results"]] == ["Työkyvyn tuen kehittämisohjelma"]


def test_a_capped_filtered_search_asks_the_cluster_once(client, engine, corpus, monkeypatch):
    """Beyond the hit cap with a filter chosen, a cluster ranks every page (for the counts)
    and the pages passing the filter in one request. A value validation drops (no label
    knows it) makes the filtered search go again on its own: the page is the same."""
    from portal.search import engine as search_engine

    engine.refresh()
    monkeypatch.setattr(search_engine, "MAX_HITS", 1)
    asked = []
    if engine.name == "opensearch":
        transport = type(engine.backend.es.transport)
        perform_request = transport.perform_request

        def recording(self, method, url, *args, **kwargs):
            asked.append(url.split("?")[0].rsplit("/", 1)[-1])
            return perform_request(self, method, url, *args, **kwargs)

        monkeypatch.setattr(transport, "perform_request", recording)
    params = {"q": "palvelupolku", "region": "varsinais-suomi", "format": "json"}
    data = client.get(SEARCH, params).json()
    assert [r["title"] for r in data["results"]] == ["Työkyvyn tuen kehittämisohjelma"]
    assert data["count_is_capped"] and not data["notices"]
    assert asked == (["_msearch"] if engine.name == "opensearch" else [])

    asked.clear()
    again = client.get(SEARCH, {**params, "region": ["varsinais-suomi", "ei-tunnettu"]}).json()
    assert asked == (["_msearch", "_search"] if engine.name == "opensearch" else [])
    notices = again.pop("notices")
    assert len(notices) == 1 and "ei-tunnettu" in notices[0]  # the unknown value, ignored
    assert again == {key: value for key, value in data.items() if key != "notices"}


def test_two_filters_count_each_facet_against_the_other(client, engine, library, monkeypatch):
    """With two filters chosen only pages failing at most one are ranked; the counts and
    results are those of ranking every page (a page failing both counts nowhere)."""
    from models_library.models import Region, TargetGroup
    from portal.search import engine as search_engine
    from tests.builders import build_model

    north, south = Region.objects.filter(locale__language_code="fi", kind="county")[:2]
    young, old = TargetGroup.objects.filter(locale__language_code="fi")[:2]
    grid = {(north, young): 3, (north, old): 2, (south, young): 1, (south, old): 4}
    for (region, group), count in grid.items():
        for n in range(count):
            build_model(library, title=f"Verkostomalli {region.code} {group.code} {n}",
                        regions=[region], target_groups=[group])
    engine.refresh()
    params = {"q": "verkostomalli", "region": north.code, "target_group": young.code,
              "format": "json"}

    def counts(data, name):
        (facet,) = [facet for facet in data["facets"] if facet["name"] == name]
        return {option["value"]: option["count"] for option in facet["options"]}

    def search():
        data = client.get(SEARCH, params).json()
        return (sorted(r["title"] for r in data["results"]), counts(data, "region"),
                counts(data, "target_group"), counts(data, "type"))

    restricted = search()
    assert len(restricted[0]) == 3
    assert restricted[1] == {north.code: 3, south.code: 1}  # among the pages for young
    assert restricted[2] == {young.code: 3, old.code: 2}  # among the pages in north
    assert restricted[3] == {"model": 3}
    monkeypatch.setattr(search_engine, "MAX_CANDIDATE_IDS", 0)  # rank every page
    assert search() == restricted
