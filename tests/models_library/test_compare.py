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


def _swedish(page):
    from tests.builders import locale

    translation = page.copy_for_translation(locale("sv"), copy_parents=True)
    translation.save_revision().publish()
    return translation


@pytest.mark.django_db
def test_the_comparison_survives_a_change_of_language(client, library, variants):
    root, lahti, _pori = variants
    sv_root, sv_lahti = _swedish(root), _swedish(lahti)
    keys = [str(root.translation_key), str(lahti.translation_key)]
    soup = BeautifulSoup(client.get(f"{library.url}vertaa/", {"m": keys}).content, "html.parser")
    swedish_link = soup.select_one(".language-switcher a[hreflang=sv]")["href"]
    assert swedish_link.startswith(sv_root.get_parent().url) and "m=" in swedish_link
    response = client.get(swedish_link)
    soup = BeautifulSoup(response.content, "html.parser")
    assert [th.text.strip() for th in soup.select("thead th")] == [sv_root.title, sv_lahti.title]
    assert soup.html["lang"] == "sv"


@pytest.mark.django_db
def test_ids_of_another_language_show_this_languages_versions(client, library, variants):
    root, lahti, _pori = variants
    sv_root, sv_lahti = _swedish(root), _swedish(lahti)
    sv_library = sv_root.get_parent()
    response = client.get(f"{sv_library.url}vertaa/", {"m": [root.pk, lahti.pk]})
    soup = BeautifulSoup(response.content, "html.parser")
    assert [th.text.strip() for th in soup.select("thead th")] == [sv_root.title, sv_lahti.title]


@pytest.mark.django_db
def test_five_models_show_the_first_three_found(client, library, variants):
    root, lahti, pori = variants
    oulu = build_model(library, title="Tiimi Oulu", variant_of=root)
    draft = build_model(library, title="Luonnos", live=False)
    values = [draft.pk, "x", root.pk, lahti.pk, pori.pk, oulu.pk]
    soup = BeautifulSoup(client.get(f"{library.url}vertaa/", {"m": values}).content, "html.parser")
    assert [th.text.strip() for th in soup.select("thead th")] == [
        "Tiimi Kotka", "Tiimi Lahti", "Tiimi Pori"]
    notes = soup.select_one(".notice").get_text(" ")
    assert "ensimmäiset 3" in notes and "Luonnos" not in soup.get_text()


@pytest.mark.django_db
def test_models_are_picked_for_comparison_from_the_library_list(client, library, variants):
    soup = BeautifulSoup(client.get(library.url).content, "html.parser")
    form = soup.select_one("form#compare-form")
    assert form["action"] == f"{library.url}vertaa/" and form["method"] == "get"
    picks = soup.select("input[name=m][form=compare-form]")
    assert {pick["value"] for pick in picks} == {str(page.translation_key) for page in variants}
    response = client.get(form["action"], {"m": [pick["value"] for pick in picks[:2]]})
    assert len(BeautifulSoup(response.content, "html.parser").select("thead th")) == 2


@pytest.mark.django_db
def test_an_empty_comparison_shows_the_way_forward(client, library, variants):
    soup = BeautifulSoup(client.get(f"{library.url}vertaa/").content, "html.parser")
    assert soup.select_one("table.compare") is None
    way = soup.select_one(".cta a.button")
    assert way["href"] == library.url
    assert "Valitse vertailuun" in soup.select_one(".cta").get_text(" ")
    crumbs = [li.get_text(strip=True) for li in soup.select(".breadcrumbs li")]
    assert crumbs[-2:] == [library.title, "Vertaa toimintamalleja"]
