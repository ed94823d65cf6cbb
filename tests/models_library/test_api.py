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
