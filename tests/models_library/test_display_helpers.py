"""Citation, period of activity, pagination links and section anchors, built in Python."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation

from models_library.templatetags.library_tags import citation, date_range, page_link
from tests.builders import build_model, build_programme, sections


@pytest.fixture
def finnish():
    with translation.override("fi"):
        yield


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_citation_text_names_authors_year_title_portal_address_and_access_date(library, finnish):
    model = build_model(library, title="Tiimi <C>", authors="Hanketiimi & kumppanit",
                        source_modified=datetime.date(2024, 3, 6))
    today = timezone.localdate()
    assert str(citation(model)) == (
        "Hanketiimi &amp; kumppanit (2024). <cite>Tiimi &lt;C&gt;</cite>. Työkykyportaali. "
        f"http://testserver/fi/toimintamallit/tiimi-c/ (viitattu {today.day}.{today.month}."
        f"{today.year})."
    )
    assert str(citation(model, accessed=False)) == (
        "Hanketiimi &amp; kumppanit (2024). <cite>Tiimi &lt;C&gt;</cite>. Työkykyportaali. "
        "http://testserver/fi/toimintamallit/tiimi-c/"
    )


@pytest.mark.django_db
def test_citation_falls_back_to_the_contact_organisation_and_leaves_out_empty_authors(library,
                                                                                     finnish):
    with_organisation = build_model(library, title="Malli A", contact_organisation="Kunta X",
                                    source_modified=datetime.date(2021, 5, 1))
    assert str(citation(with_organisation, accessed=False)).startswith(
        "Kunta X (2021). <cite>Malli A</cite>.")
    anonymous = build_model(library, title="Malli B")
    assert str(citation(anonymous, accessed=False)).startswith("<cite>Malli B</cite>.")


@pytest.mark.django_db
def test_page_and_print_version_show_the_same_citation(client, library):
    model = build_model(library, title="Tiimi C", authors="Hanketiimi",
                        source_modified=datetime.date(2024, 3, 6))
    on_page = soup_of(client.get(model.url)).select_one(".citation p")
    printable = soup_of(client.get(model.url + "tulosta/"))
    in_print = next(p for p in printable.select("article p") if p.find("cite"))
    assert on_page.cite.text == in_print.cite.text == "Tiimi C"
    assert on_page.text.startswith(in_print.text)
    assert "viitattu" in on_page.text and "viitattu" not in in_print.text


def test_date_range_formats_closed_open_and_missing_periods():
    start, end = datetime.date(2019, 1, 15), datetime.date(2023, 12, 31)
    assert str(date_range(start, end)) == (
        '<time datetime="2019-01-15">15.1.2019</time>–<time datetime="2023-12-31">31.12.2023</time>'
    )
    assert str(date_range(start, None)) == '<time datetime="2019-01-15">15.1.2019</time>–'
    assert str(date_range(None, end)) == '–<time datetime="2023-12-31">31.12.2023</time>'
    assert date_range(None, None) == ""


@pytest.mark.django_db
def test_programme_page_shows_period_of_activity_and_the_text_as_written(client, library):
    programme = build_programme(library, title="Ohjelma", start_date=datetime.date(2019, 1, 15),
                                end_date=datetime.date(2023, 12, 31), period_text="Jatkuu")
    period = soup_of(client.get(programme.url)).find("dt", string="Toimiaika")
    dd = period.find_next_sibling("dd")
    assert [t["datetime"] for t in dd.select("time")] == ["2019-01-15", "2023-12-31"]
    assert dd.get_text() == "15.1.2019–31.12.2023Jatkuu"
    open_ended = build_programme(library, title="Avoin", end_date=datetime.date(2025, 6, 30))
    dd = soup_of(client.get(open_ended.url)).find("dt", string="Toimiaika")
    assert dd.find_next_sibling("dd").get_text() == "–30.6.2025"


def test_page_link_keeps_the_filters_and_replaces_the_page_number():
    assert page_link("region=uusimaa&sort=name", 3) == "?region=uusimaa&sort=name&page=3"
    assert page_link("", 2) == "?page=2"


@pytest.mark.django_db
def test_section_anchors_come_from_the_block_id_and_survive_reordering(client, library):
    model = build_model(library, title="Ankkurit")
    soup = soup_of(client.get(model.url))
    ids = {block.block_type: block.id for block in model.description}
    toc = [a["href"] for a in soup.select("nav.toc a")]
    assert toc == [f"#section-{key}-{ids[key]}" for key in ids]
    for href in toc:
        section = soup.find(id=href[1:])
        assert section.name == "h2"
        assert section.find_parent("section")["aria-labelledby"] == href[1:]

    # An editor moves the last section first: every section keeps its address.
    raw = list(model.description.raw_data)
    model.description = [raw[-1], *raw[:-1]]
    model.save_revision().publish()
    moved = [a["href"] for a in soup_of(client.get(model.url)).select("nav.toc a")]
    assert sorted(moved) == sorted(toc) and moved != toc


@pytest.mark.django_db
def test_two_sections_of_the_same_kind_get_distinct_anchors(client, library):
    model = build_model(library, title="Kaksi muuta", description=sections(
        extra=[("Yksi", "Teksti yksi"), ("Kaksi", "Teksti kaksi")]))
    soup = soup_of(client.get(model.url))
    ids = [h2["id"] for h2 in soup.select("section.model-section h2")]
    assert len(ids) == len(set(ids)) == 6
