"""Regional variants side by side, section by section."""

import pytest
from bs4 import BeautifulSoup

from tests.builders import build_model, sections


@pytest.fixture
def variants(library):
    root = build_model(library, title="Tiimi Kotka", implementation_place="Kotka",
                       description=sections(basic_idea="Kotkan perusidea",
                                            extra=[("Kotkan lisäosio", "Vain Kotkassa")]))
    helsinki = build_model(library, title="Tiimi Lahti", variant_of=root,
                           description=sections(basic_idea="Lahden perusidea",
                                                resources="Kaksi työntekijää"))
    third = build_model(library, title="Tiimi Pori", variant_of=root)
    return root, helsinki, third


@pytest.mark.django_db
def test_two_or_three_variants_side_by_side(client, library, variants):
    root, lahti, pori = variants
    response = client.get(f"{library.url}vertaa/", {"m": [root.pk, lahti.pk, pori.pk]})
    soup = BeautifulSoup(response.content, "html.parser")
    assert [th.text.strip() for th in soup.select("thead th")] == [
        "Tiimi Kotka", "Tiimi Lahti", "Tiimi Pori"]
    rows = {tr.th.text.strip(): [td.get_text(" ", strip=True) for td in tr.select("td")]
            for tr in soup.select("tbody tr")}
    assert rows["Ratkaisun perusidea"][:2] == ["Kotkan perusidea", "Lahden perusidea"]
    assert rows["Resurssit"][1] == "Kaksi työntekijää"
    assert rows["Resurssit"][0] == "Ei kuvattu"
    assert rows["Kotkan lisäosio"][0] == "Vain Kotkassa"
    assert rows["Toteutuspaikka"][0] == "Kotka"


@pytest.mark.django_db
@pytest.mark.parametrize("ids", [[], ["x"], ["1"], ["99999", "88888"], ["1" * 40]])
def test_bad_comparison_requests_get_a_message(client, library, variants, ids):
    response = client.get(f"{library.url}vertaa/", {"m": ids})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".notice") is not None
    assert soup.select_one("table.compare") is None


@pytest.mark.django_db
def test_more_than_three_shows_three_with_a_note(client, library, variants):
    fourth = build_model(library, title="Tiimi Oulu", variant_of=variants[0])
    ids = [page.pk for page in variants] + [fourth.pk]
    soup = BeautifulSoup(client.get(f"{library.url}vertaa/", {"m": ids}).content, "html.parser")
    assert len(soup.select("thead th")) == 3
    assert soup.select_one(".notice") is not None
