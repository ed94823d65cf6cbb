"""The library index: combined filters, counts, sorting, pagination, shareable URLs."""

import pytest
from bs4 import BeautifulSoup

from models_library.models import Funder, Municipality, Region, TargetGroup
from tests.builders import build_model, build_programme, term


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(a.text for a in soup.select(".card__title a"))


def option_counts(response, facet):
    soup = BeautifulSoup(response.content, "html.parser")
    result = {}
    for box in soup.select(f"input[name={facet}]"):
        label = box.find_parent("label")
        result[box["value"]] = int(label.select_one(".facet__count").text.strip("()"))
    return result


@pytest.fixture
def catalogue(library):
    programme = build_programme(library, title="Ohjelma", regions=[term(Region, "kymenlaakso")],
                                funders=[term(Funder, "stm")])
    build_model(library, title="Espoon malli", municipalities=[term(Municipality, "049")],
                target_groups=[term(TargetGroup, "tyottomat")], stage="ready",
                funders=[term(Funder, "stm")], topics=["työkyky"])
    build_model(library, title="Kotkan malli", regions=[term(Region, "kymenlaakso")],
                target_groups=[term(TargetGroup, "tyottomat")], stage="developing",
                programme=programme, funders=[term(Funder, "esr")], topics=["työkyky"])
    build_model(library, title="Kouvolan malli", regions=[term(Region, "kymenlaakso")],
                target_groups=[term(TargetGroup, "nuoret")], stage="evaluated",
                programme=programme, topics=["nuoret"])
    build_model(library, title="Luonnos", regions=[term(Region, "kymenlaakso")], live=False)
    return library


@pytest.mark.django_db
def test_everything_published_is_listed(client, catalogue):
    response = client.get(catalogue.url)
    assert titles(response) == ["Espoon malli", "Kotkan malli", "Kouvolan malli", "Ohjelma"]


@pytest.mark.django_db
def test_county_filter_matches_its_municipalities(client, catalogue):
    response = client.get(catalogue.url, {"region": "lansi-uusimaa"})
    assert titles(response) == ["Espoon malli"]


@pytest.mark.django_db
def test_filters_combine_and_and_or(client, catalogue):
    url = catalogue.url
    assert titles(client.get(url, {"region": "kymenlaakso", "target_group": "tyottomat"})) == [
        "Kotkan malli"]
    assert titles(client.get(url + "?stage=ready&stage=evaluated")) == [
        "Espoon malli", "Kouvolan malli"]
    assert titles(client.get(url, {"funder": "stm", "type": "programme"})) == ["Ohjelma"]
    assert titles(client.get(url, {"topic": "työkyky"})) == ["Espoon malli", "Kotkan malli"]
    programme_id = str(catalogue.get_children().type(
        __import__("models_library.models", fromlist=["ProgrammePage"]).ProgrammePage
    ).first().pk)
    assert titles(client.get(url, {"programme": programme_id})) == [
        "Kotkan malli", "Kouvolan malli"]


@pytest.mark.django_db
def test_counts_per_filter_value(client, catalogue):
    response = client.get(catalogue.url, {"region": "kymenlaakso"})
    assert option_counts(response, "target_group") == {"tyottomat": 1, "nuoret": 1}
    # a facet is counted against the other facets only, so other regions stay choosable
    assert option_counts(response, "region")["lansi-uusimaa"] == 1
    assert option_counts(response, "region")["kymenlaakso"] == 3
    assert option_counts(response, "type") == {"model": 2, "programme": 1}


@pytest.mark.django_db
def test_filter_state_is_in_the_url_and_in_the_form(client, catalogue):
    response = client.get(catalogue.url + "?region=kymenlaakso&sort=name")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("input[name=region][value=kymenlaakso]").has_attr("checked")
    assert soup.select_one("select[name=sort] option[selected]")["value"] == "name"
    assert soup.select_one("form.library__filters")["method"] == "get"


@pytest.mark.django_db
def test_sorting(client, catalogue):
    soup = BeautifulSoup(client.get(catalogue.url, {"sort": "name"}).content, "html.parser")
    names = [a.text for a in soup.select(".card__title a")]
    assert names == sorted(names)
    soup = BeautifulSoup(client.get(catalogue.url, {"sort": "newest"}).content, "html.parser")
    assert soup.select_one(".card__title a").text == "Kouvolan malli"


@pytest.mark.django_db
@pytest.mark.parametrize("query", [
    {"region": "atlantis"}, {"stage": "finished"}, {"programme": "abc"},
    {"programme": "99999999"}, {"topic": "<script>"}, {"sort": "random"}, {"type": "pdf"},
])
def test_unknown_filter_values_are_ignored_with_a_note(client, catalogue, query):
    response = client.get(catalogue.url, query)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".notice[role=status]") is not None
    assert len(titles(response)) == 4


@pytest.mark.django_db
def test_unknown_filter_value_is_shown_escaped_in_the_notice(client, catalogue):
    response = client.get(catalogue.url, {"topic": '<script>alert("x")</script>'})
    soup = BeautifulSoup(response.content, "html.parser")
    notice = soup.select_one(".notice[role=status]")
    # The value is shown to the visitor as text, never as markup.
    assert '<script>alert("x")</script>' in notice.get_text()
    assert notice.find("script") is None
    assert soup.find("script", string='alert("x")') is None


@pytest.mark.django_db
def test_pagination_and_page_past_the_end(client, library):
    for number in range(23):
        build_model(library, title=f"Malli {number:02d}")
    first = client.get(library.url, {"sort": "name"})
    assert len(titles(first)) == 20
    soup = BeautifulSoup(first.content, "html.parser")
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    assert "sort=name" in next_link and "page=2" in next_link
    second = client.get(library.url + next_link)
    assert titles(second) == ["Malli 20", "Malli 21", "Malli 22"]
    for bad_page in ("999", "-1", "abc", "1e9"):
        response = client.get(library.url, {"sort": "name", "page": bad_page})
        assert response.status_code == 200
        assert len(titles(response)) in (3, 20)


@pytest.mark.django_db
def test_empty_result_has_a_clear_message(client, catalogue):
    response = client.get(catalogue.url, {"region": "lappi"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert titles(response) == []
    assert soup.select_one(".library__results p a")["href"] == catalogue.url


@pytest.mark.django_db
def test_filters_sit_in_a_collapsible_panel_with_the_count_and_a_skip_link(client, catalogue):
    soup = BeautifulSoup(client.get(catalogue.url).content, "html.parser")
    panel = soup.select_one("details.filter-panel")
    assert panel is not None and not panel.has_attr("open")  # a phone sees results first
    count = soup.select_one("#results-heading").get_text(strip=True)
    assert count in panel.summary.get_text(" ", strip=True)
    skip = panel.select_one("a.skip-to-results")
    assert skip["href"] == "#results-heading" and skip.get_text(strip=True) == "Siirry tuloksiin"
    assert panel.select_one("form.library__filters") is not None
