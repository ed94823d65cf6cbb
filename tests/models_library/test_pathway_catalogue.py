"""The pathway catalogue: combinable filters with counts, URL state, feeds, API, sitemap."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from models_library.models import Region, TargetGroup
from tests.builders import (
    branch,
    build_document,
    build_model,
    build_pathway,
    step,
    step_value,
    term,
)


def counts(html, facet):
    """{label: count} of one facet's options as the page shows them."""
    fieldset = re.search(rf'<legend>{facet}</legend>(.*?)</fieldset>', html, re.S).group(1)
    return {label.strip(): int(count) for label, count in re.findall(
        r'>\s*([^<]+?) <span class="facet__count">\((\d+)\)</span>', fieldset)}


def titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def pathways(catalogue, library):
    model = build_model(library, title="IPS-malli")
    other_model = build_model(library, title="Työkykytiimi")
    ips = build_pathway(
        catalogue, title="IPS-polku", target_groups=[term(TargetGroup, "osatyokykyiset")],
        regions=[term(Region, "pohjois-savo")],
        steps=[step("Ohjaus", organisation_type="municipal_employment", models=[model]),
               step("Työhönvalmennus", organisation_type="ngo")])
    assessment = build_pathway(
        catalogue, title="Arviointipolku", target_groups=[term(TargetGroup, "osatyokykyiset")],
        regions=[term(Region, "kymenlaakso")],
        steps=[step("Arvio", organisation_type="occupational_health", models=[other_model]),
               branch("Työkykyinen?", ("Kyllä", [step_value("Paluu", "Työnantaja", "employer")],
                                       "rejoin"),
                      ("Ei", [step_value("Kuntoutus", "Kela", "kela")], "rejoin")),
               step("Seuranta", organisation_type="occupational_health")])
    young = build_pathway(
        catalogue, title="Nuorten polku", target_groups=[term(TargetGroup, "nuoret")],
        regions=[term(Region, "pohjois-savo")],
        steps=[step("Ohjaamo", organisation_type="municipal_employment")])
    draft = build_pathway(catalogue, title="Luonnospolku", live=False,
                          target_groups=[term(TargetGroup, "nuoret")],
                          steps=[step("X", organisation_type="kela", models=[model])])
    private = build_pathway(catalogue, title="Yksityinen polku",
                            target_groups=[term(TargetGroup, "nuoret")],
                            steps=[step("Y", organisation_type="kela")])
    PageViewRestriction.objects.create(page=private, restriction_type="password",
                                       password="x")
    return {"ips": ips, "assessment": assessment, "young": young, "draft": draft,
            "model": model, "other_model": other_model}


HIDDEN = ("Luonnospolku", "Yksityinen polku")


@pytest.mark.django_db
def test_catalogue_lists_visible_pathways_with_counts(client, catalogue, pathways):
    html = client.get(catalogue.url).content.decode()
    assert sorted(titles(html)) == ["Arviointipolku", "IPS-polku", "Nuorten polku"]
    for text in HIDDEN:
        assert text not in html
    assert counts(html, "Toimijan tyyppi") == {
        "Työnantaja": 1, "Kela": 1, "Kunnan työllisyyspalvelut": 2, "Työterveyshuolto": 1,
        "Järjestö": 1}
    assert counts(html, "Toimintamalli") == {"IPS-malli": 1, "Työkykytiimi": 1}


@pytest.mark.django_db
def test_filters_combine_and_counts_follow(client, catalogue, pathways):
    html = client.get(catalogue.url, {"region": "pohjois-savo",
                                      "organisation_type": "municipal_employment"}).content
    html = html.decode()
    assert sorted(titles(html)) == ["IPS-polku", "Nuorten polku"]
    # Within a facet values combine with OR; the facet's own counts ignore its selection.
    assert counts(html, "Toimijan tyyppi")["Järjestö"] == 1
    html = client.get(catalogue.url, {"region": "pohjois-savo", "target_group": "nuoret"})
    assert titles(html.content.decode()) == ["Nuorten polku"]
    html = client.get(catalogue.url, {"model": str(pathways["model"].pk)}).content.decode()
    assert titles(html) == ["IPS-polku"]
    assert 'checked' in html  # the state is kept in the form and the URL


@pytest.mark.django_db
def test_unknown_filter_values_are_ignored_with_a_note(client, catalogue, pathways):
    response = client.get(catalogue.url, {"region": "atlantis", "organisation_type": "<x>",
                                          "model": ["999999", "abc"], "page": "zz",
                                          "sort": "nonsense"})
    assert response.status_code == 200
    html = response.content.decode()
    assert len(titles(html)) == 3
    notice = re.search(r"<div class=\"notice notice--warning\" role=\"status\">(.*?)</div>", html,
                       re.S).group(1)
    assert "atlantis" in notice and "999999" in notice
    assert "<x>" not in html  # shown escaped, never as markup


@pytest.mark.django_db
def test_models_of_hidden_pathways_are_not_offered(client, catalogue, pathways):
    draft_only = pathways["draft"]
    assert draft_only.pk
    html = client.get(catalogue.url, {"model": str(pathways["model"].pk)}).content.decode()
    assert counts(html, "Toimintamalli")["IPS-malli"] == 1


@pytest.mark.django_db
def test_feeds_list_visible_pathways(client, catalogue, pathways):
    for kind in ("rss", "atom"):
        content = client.get(f"{catalogue.url}syote/{kind}/").content.decode()
        assert "IPS-polku" in content and "Arviointipolku" in content
        for text in HIDDEN:
            assert text not in content


@pytest.mark.django_db
def test_sitemap_has_pathways_and_their_documents(client, catalogue, pathways):
    document = build_document(title="Polun ohje")
    build_pathway(catalogue, title="Ohjeellinen polku", steps=[step("Z", documents=[document])])
    content = client.get("/sitemap.xml").content.decode()
    assert pathways["ips"].full_url in content
    assert f"{catalogue.full_url}asiakirjat/{document.pk}/" in content
    assert "luonnospolku" not in content and "yksityinen-polku" not in content


@pytest.mark.django_db
def test_api_exposes_pathways(client, pathways):
    response = client.get("/api/v2/pages/", {
        "type": "models_library.ServicePathwayPage",
        "fields": "target_groups,regions,organisation_types_list,step_count,operating_models,steps",
    })
    items = {item["title"]: item for item in response.json()["items"]}
    assert set(items) == {"IPS-polku", "Arviointipolku", "Nuorten polku"}
    ips = items["IPS-polku"]
    assert ips["target_groups"][0]["code"] == "osatyokykyiset"
    assert ips["organisation_types_list"] == ["municipal_employment", "ngo"]
    assert ips["step_count"] == 2
    assert ips["operating_models"] == [{"id": pathways["model"].pk, "title": "IPS-malli"}]
    assert [block["type"] for block in items["Arviointipolku"]["steps"]] == [
        "step", "branch", "step"]


def count_queries(client, url, params=None):
    client.get(url, params)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context.captured_queries)


def big_pathway(parent, library, title, size):
    models = [build_model(library, title=f"{title} malli {n}") for n in range(size)]
    documents = [build_document(title=f"{title} ohje {n}") for n in range(size)]
    steps = [step(f"Vaihe {n}", organisation_type="kela", models=models, documents=documents)
             for n in range(size)]
    branch_steps = [step_value("A1", models=models, documents=documents)] * size
    steps.append(branch("Haara?", ("A", branch_steps,
                                   "rejoin"),
                        ("B", [step_value("B1")], "end")))
    steps.append(step("Loppu"))
    return build_pathway(parent, title=title, steps=steps,
                         target_groups=[term(TargetGroup, "nuoret")],
                         regions=[term(Region, "kainuu")])


def page_overhead(client, demo_site):
    """Queries every page costs (site, route, menus, language switcher, settings)."""
    from tests.builders import build_standard_page

    return count_queries(client, build_standard_page(demo_site, title="Vertailu").url)


@pytest.mark.django_db
def test_pathway_page_query_count_is_constant_and_small(client, demo_site, catalogue, library):
    small = big_pathway(catalogue, library, "Pieni", 1)
    large = big_pathway(catalogue, library, "Suuri", 6)
    small_count = count_queries(client, small.url)
    assert small_count == count_queries(client, large.url)
    # The pathway's own share: view restrictions, models, collection restrictions, documents,
    # regions and target groups with their localised names, and the links' locale look-ups.
    assert small_count - page_overhead(client, demo_site) <= 10


@pytest.mark.django_db
def test_catalogue_query_count_is_constant(client, catalogue, library):
    big_pathway(catalogue, library, "Eka", 1)
    params = {"region": "kainuu", "organisation_type": "kela"}
    small = count_queries(client, catalogue.url, params)
    unfiltered = count_queries(client, catalogue.url)
    for n in range(4):
        big_pathway(catalogue, library, f"Lisä {n}", 3)
    assert count_queries(client, catalogue.url, params) == small
    assert count_queries(client, catalogue.url) == unfiltered
