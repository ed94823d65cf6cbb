"""Importing the tabs of an Innokylä operating model (description, development path,
evaluation): each tab fills its own part of one model, in any order, and again changes
nothing; other Innokylä pages are refused and nothing is stored."""

import pytest
from django.utils import translation
from wagtail.models import Page, Revision

from models_library.importer.service import CREATED, FAILED, UNCHANGED, UPDATED, Importer
from models_library.models import OperatingModelPage
from portal.text import html_to_text
from tests.models_library.importer_support import FIXTURES, latest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

TABS = FIXTURES / "valilehdet"
BASE = "https://innokyla.fi/fi/toimintamalli/tyokykyohjaamo-kirjastossa"
ADDRESSES = {
    "kuvaus_ohjaamo.txt": BASE,
    "polku_ohjaamo.txt": f"{BASE}/kehittamisen-polku",
    "arviointi_ohjaamo.txt": f"{BASE}/arviointi",
}


def data(name):
    return (TABS / name).read_bytes()


def run(parent, name, *, source_url="", body=None, dry_run=False):
    importer = Importer(parent=parent, dry_run=dry_run)
    return importer.import_bytes(name, data(name) if body is None else body,
                                 source_url=source_url)


def content(page):
    """What a reader finds of the three tabs on a model, as comparable values."""
    return {
        "title": page.title,
        "summary": page.summary,
        "description": [(b.block_type, b.value["heading"], html_to_text(str(b.value["body"])))
                        for b in page.description],
        "path_intro": page.development_path_intro,
        "path": [(b.block_type, b.value["heading"], html_to_text(str(b.value["body"])))
                 for b in page.development_path],
        "criteria": [(c.criterion, c.rating, c.note, c.rated_on)
                     for c in page.evaluation_criteria.all()],
        "notes": [(b.value["heading"], html_to_text(str(b.value["body"])))
                  for b in page.evaluation_notes],
    }


ORDERS = [
    ("kuvaus_ohjaamo.txt", "polku_ohjaamo.txt", "arviointi_ohjaamo.txt"),
    ("polku_ohjaamo.txt", "arviointi_ohjaamo.txt", "kuvaus_ohjaamo.txt"),
    ("arviointi_ohjaamo.txt", "kuvaus_ohjaamo.txt", "polku_ohjaamo.txt"),
]


@pytest.mark.parametrize("with_addresses", [True, False], ids=["by-address", "by-title"])
def test_three_tabs_in_any_order_make_one_model_and_again_change_nothing(parent,
                                                                         with_addresses):
    outcomes = []
    for number, order in enumerate(ORDERS):
        OperatingModelPage.objects.all().delete()
        results = [run(parent, name, source_url=ADDRESSES[name] if with_addresses else "")
                   for name in order]
        actions = [r.action for r in results]
        assert actions == [CREATED, UPDATED, UPDATED], [r.error for r in results]
        assert [r.tab for r in results] == [
            {"kuvaus_ohjaamo.txt": "description", "polku_ohjaamo.txt": "development_path",
             "arviointi_ohjaamo.txt": "evaluation"}[name] for name in order]
        assert OperatingModelPage.objects.count() == 1
        model = OperatingModelPage.objects.get()
        assert not model.live
        outcomes.append(content(latest(model)))

        revisions = Revision.page_revisions.filter(object_id=str(model.pk)).count()
        again = [run(parent, name, source_url=ADDRESSES[name] if with_addresses else "")
                 for name in order]
        assert [r.action for r in again] == [UNCHANGED] * 3
        assert Revision.page_revisions.filter(object_id=str(model.pk)).count() == revisions
        if number == 0:
            first = outcomes[0]
            assert first["title"] == "Työkykyohjaamo kirjastossa"
            assert [heading for _k, heading, _t in first["path"]][:3] == [
                "Toimintaympäristö", "Lähtötilanne ja strategiset liittymäkohdat",
                "Kehittäjäjoukon kokoaminen ja yhteiskehittäminen"]
            assert [(c[0], c[1]) for c in first["criteria"]] == [
                ("Tavoitteet on kuvattu selkeästi", "green"),
                ("Asiakkaat osallistuivat kehittämiseen", "yellow"),
                ("Vaikutuksista on näyttöä", "red")]
            assert first["notes"][-1][0] == "Arvioinnin yhteenveto"
            assert any(key == "basic_idea" for key, _h, _t in first["description"])
    assert outcomes[0] == outcomes[1] == outcomes[2]


def test_a_tab_fills_only_its_part_of_an_existing_published_model(parent):
    run(parent, "kuvaus_ohjaamo.txt", source_url=BASE)
    model = OperatingModelPage.objects.get()
    model.save_revision().publish()
    model.refresh_from_db()
    before = content(model)

    result = run(parent, "polku_ohjaamo.txt", source_url=ADDRESSES["polku_ohjaamo.txt"])

    assert result.action == UPDATED and result.page.pk == model.pk
    model.refresh_from_db()
    assert content(model) == before  # the live page is untouched until an editor publishes
    draft = content(latest(model))
    assert draft["description"] == before["description"] and draft["title"] == before["title"]
    assert len(draft["path"]) == 9
    assert any("live" in warning for warning in result.warnings)


def test_a_url_line_in_the_file_gives_the_address(parent):
    run(parent, "kuvaus_ohjaamo.txt", source_url=BASE)
    body = f"URL: {BASE}/arviointi\n".encode() + data("arviointi_ohjaamo.txt").replace(
        "Työkykyohjaamo kirjastossa".encode(), b"Ohjaamo")

    result = run(parent, "arviointi.txt", body=body)

    assert result.action == UPDATED and result.tab == "evaluation"
    assert OperatingModelPage.objects.count() == 1
    assert any("called 'Työkykyohjaamo kirjastossa'" in w for w in result.warnings)
    assert latest(OperatingModelPage.objects.get()).title == "Työkykyohjaamo kirjastossa"


def test_a_development_path_with_another_title_and_no_address_becomes_its_own_draft(parent):
    run(parent, "kuvaus_ohjaamo.txt")

    result = run(parent, "polku_eri_nimi.txt")

    assert result.action == CREATED and result.title == "Kirjaston työkykypiste"
    assert any("new draft of its own" in w for w in result.warnings)
    original = latest(OperatingModelPage.objects.get(title="Työkykyohjaamo kirjastossa"))
    assert list(original.development_path) == []


def test_a_tab_with_neither_title_nor_address_is_its_own_draft_with_a_notice(parent):
    run(parent, "kuvaus_ohjaamo.txt")
    body = "Toimintaympäristö\n\nKirjastoja on kolme.\n\nIdeointi\n\nIdeat kerättiin.\n".encode()

    result = run(parent, "nimeton.txt", body=body)

    assert result.action == CREATED and result.title == "Development path: nimeton.txt"
    assert any("names no operating model" in w for w in result.warnings)
    assert OperatingModelPage.objects.count() == 2
    assert list(latest(OperatingModelPage.objects.get(title="Työkykyohjaamo kirjastossa"))
                .development_path) == []


def test_two_models_with_the_tabs_title_are_never_guessed_between(parent):
    run(parent, "kuvaus_ohjaamo.txt", source_url="https://innokyla.fi/fi/toimintamalli/eka")
    run(parent, "kuvaus_ohjaamo.txt", source_url="https://innokyla.fi/fi/toimintamalli/toka")
    assert OperatingModelPage.objects.count() == 2

    result = run(parent, "polku_ohjaamo.txt")

    assert result.action == CREATED
    assert any("2 operating models are called" in w for w in result.warnings)
    assert OperatingModelPage.objects.count() == 3


def test_a_cut_off_tab_is_imported_with_its_text_and_a_warning(parent):
    result = run(parent, "polku_katkennut.txt", source_url=ADDRESSES["polku_ohjaamo.txt"])

    assert result.action == CREATED
    assert any("cut off" in w for w in result.warnings)
    model = latest(OperatingModelPage.objects.get())
    assert html_to_text(str(model.development_path[-1].value["body"])).endswith(
        "kävijät saivat äänestää")
    assert model.source_url == BASE


@pytest.mark.parametrize("name, source_url, page_type", [
    ("uutinen.txt", "", "a news item"),
    ("tapahtuma.txt", "", "an event page"),
    ("etusivu.txt", "", "the front page of Innokylä"),
    ("kuvaus_ohjaamo.txt", "https://innokyla.fi/fi/uutiset/ohjaamo-avattiin", "a news item"),
])
def test_other_innokyla_pages_are_refused_by_name_and_nothing_is_stored(parent, name,
                                                                        source_url, page_type):
    pages = Page.objects.count()

    result = run(parent, name, source_url=source_url)

    assert result.action == FAILED
    assert result.error.startswith(f"This looks like {page_type}, not an operating model")
    assert "development path" in result.error
    assert Page.objects.count() == pages


def test_the_refusal_is_in_the_editors_language(parent):
    with translation.override("fi"):
        result = run(parent, "tapahtuma.txt")
    assert result.error.startswith("Tämä näyttää olevan tapahtumasivu eikä toimintamalli")


def test_the_preview_saves_nothing_and_says_what_would_happen(parent):
    run(parent, "kuvaus_ohjaamo.txt", source_url=BASE)

    result = run(parent, "polku_ohjaamo.txt", source_url=ADDRESSES["polku_ohjaamo.txt"],
                 dry_run=True)

    assert result.would == UPDATED and result.tab == "development_path"
    assert result.other_lines == 1
    assert result.other_sections == ["Kokemusasiantuntijoiden havainnot"]
    assert list(latest(OperatingModelPage.objects.get()).development_path) == []


def test_the_imported_tabs_show_on_the_published_model_page(parent, client):
    for name in ("polku_ohjaamo.txt", "kuvaus_ohjaamo.txt", "arviointi_ohjaamo.txt"):
        run(parent, name, source_url=ADDRESSES[name])
    model = OperatingModelPage.objects.get()
    model.get_latest_revision().publish()
    model.refresh_from_db()

    with translation.override("fi"):
        response = client.get(model.url)

    page = response.content.decode()
    assert response.status_code == 200
    assert '<h2 id="log-heading">Kehittämisen polku</h2>' in page
    for heading in ("Kehittäjäjoukon kokoaminen ja yhteiskehittäminen",
                    "Kokemusasiantuntijoiden havainnot", "Levittäminen"):
        assert f">{heading}</h3>" in page
    assert "Ryhmään kutsuttiin kirjastonhoitaja" in page
    assert ">Vaikutuksista on näyttöä</th>" in page and "Arvioinnin yhteenveto" in page


def search_ids(words):
    return {page.pk for page in OperatingModelPage.objects.search(words)}


def test_a_bulk_import_indexes_every_saved_page_once_at_the_end(parent):
    from models_library.importer.service import batched_search_indexing

    with batched_search_indexing():
        run(parent, "kuvaus_ohjaamo.txt", source_url=BASE)
        run(parent, "polku_eri_nimi.txt")
        failed = run(parent, "uutinen.txt")
        assert search_ids("kirjastossa") == set()  # not yet: indexed in bulk at the end
    assert failed.action == FAILED

    models = set(OperatingModelPage.objects.values_list("pk", flat=True))
    assert len(models) == 2
    assert search_ids("kirjastossa") | search_ids("työkykypiste") == models

    # After the batch every save is indexed right away again.
    model = OperatingModelPage.objects.get(title="Kirjaston työkykypiste")
    model.title = "Lainattava työkykyvalmentaja"
    model.save()
    assert search_ids("lainattava") == {model.pk}


def test_pages_saved_before_an_error_stops_the_batch_are_still_indexed(parent):
    from models_library.importer.service import batched_search_indexing

    with pytest.raises(RuntimeError), batched_search_indexing():
        run(parent, "kuvaus_ohjaamo.txt", source_url=BASE)
        raise RuntimeError("the batch stops")

    assert search_ids("kirjastossa") == {OperatingModelPage.objects.get().pk}
