"""API v2 exposes structured fields and taxonomy of published models and programmes."""

import pytest

from models_library.models import Funder, Municipality, Region
from tests.builders import build_model, build_programme, term


@pytest.mark.django_db
def test_model_fields_and_taxonomy(client, library):
    programme = build_programme(library, title="Ohjelma")
    model = build_model(library, title="Rajapintamalli", stage="ready", programme=programme,
                        regions=[term(Region, "pohjois-savo")],
                        municipalities=[term(Municipality, "140")],
                        funders=[term(Funder, "stm")], topics=["työkyky"])
    response = client.get(f"/api/v2/pages/{model.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == "Rajapintamalli"
    assert data["stage"] == "ready"
    assert data["regions"] == [{"code": "pohjois-savo",
                                "name": "Pohjois-Savon hyvinvointialue"}]
    assert data["municipalities"][0]["name"] == "Iisalmi"
    assert data["funders"][0]["code"] == "stm"
    assert data["topics"] == ["työkyky"]
    assert data["programme"] == {"id": programme.pk, "title": "Ohjelma"}
    assert [block["type"] for block in data["description"]][:4] == [
        "basic_idea", "operating_environment", "conditions", "target_group_insight"]


@pytest.mark.django_db
def test_programme_listing_by_type(client, library):
    build_programme(library, title="Avoin ohjelma", partners="Kela ja kunnat")
    response = client.get("/api/v2/pages/", {"type": "models_library.ProgrammePage",
                                             "fields": "partners"})
    items = response.json()["items"]
    assert [(item["title"], item["partners"]) for item in items] == [
        ("Avoin ohjelma", "Kela ja kunnat")]


@pytest.mark.django_db
def test_api_is_read_only(client, library):
    model = build_model(library, title="Luku")
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code in (403, 405)
    assert client.delete(f"/api/v2/pages/{model.pk}/").status_code in (403, 405)


RICH_SOURCE = (
    '<p>Katso <a linktype="page" id="{page}">ohjelma</a> ja '
    '<a linktype="document" id="{document}">opas</a>.</p>'
    '<embed embedtype="media" url="https://www.youtube.com/watch?v=demo"/>'
)


@pytest.mark.django_db
def test_api_serves_rich_text_as_display_html_with_resolved_links(client, library):
    from wagtail.rich_text import RichText

    from tests.builders import build_document, build_embed

    programme = build_programme(library, title="Ohjelma")
    document = build_document(title="Opas", filename="opas.pdf")
    build_embed(html='<iframe src="https://www.youtube-nocookie.com/embed/demo" '
                     'title="Video"></iframe>')
    source = RICH_SOURCE.format(page=programme.pk, document=document.pk)
    model = build_model(library, title="Linkkimalli", description=[
        ("basic_idea", {"heading": "", "body": RichText(source)}),
        ("other", {"heading": "Oma osio", "body": RichText("<p>Muuta</p>")}),
    ])
    sub = build_programme(library, title="Tavoiteohjelma", goal=source, other_sections=[
        ("other", {"heading": "Lisäksi", "body": RichText(source)})])

    data = client.get(f"/api/v2/pages/{model.pk}/").json()
    section = data["description"][0]
    assert section["type"] == "basic_idea"
    assert section["value"]["heading"] == "Ratkaisun perusidea"
    body = section["value"]["body"]
    assert f'<a href="{programme.url}">ohjelma</a>' in body
    assert f'href="{document.url}"' in body and document.url.endswith("/opas.pdf")
    assert '<iframe src="https://www.youtube-nocookie.com/embed/demo"' in body
    assert "linktype" not in body and "embedtype" not in body
    assert data["description"][1]["value"] == {"heading": "Oma osio", "body": "<p>Muuta</p>"}

    programme_data = client.get(f"/api/v2/pages/{sub.pk}/").json()
    for html in (programme_data["goal"], programme_data["other_sections"][0]["value"]["body"]):
        assert f'<a href="{programme.url}">ohjelma</a>' in html
        assert f'href="{document.url}"' in html
        assert "linktype" not in html and "embedtype" not in html
    assert programme_data["other_sections"][0]["value"]["heading"] == "Lisäksi"
