"""Service pathways, training pages and document text in the portal search, on every
backend: found by inflected Finnish, and never showing what an anonymous visitor may
not see (drafts, private pages and documents, quiz content of lessons)."""

import json

import pytest
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.rich_text import RichText

from models_library.models import Region, TargetGroup
from tests.builders import (
    build_course,
    build_course_index,
    build_document,
    build_lesson,
    build_model,
    build_module,
    build_pathway,
    build_pathway_index,
    question,
    quiz,
    restrict,
    step,
)
from tests.models_library import files

pytestmark = pytest.mark.django_db
SEARCH = "/fi/haku/"
SUGGEST = "/fi/haku/ehdotukset/"

# Queries for words that occur only in content an anonymous visitor must never see through
# search, with text of that content that must not appear in any answer.
HIDDEN = {
    "luottamusmuistiota": "arkaluonteisia",  # a document in a private collection
    "hyvinvointikoordinaattorille": "Luonnospolku",  # a draft pathway
    "salassapitovelvollisuudesta": "Suljettu polku",  # a pathway with a view restriction
    "kuntoutusrahasta": "Rajattu oppitunti",  # a lesson for signed-in users only
    "työsuojeluvaltuutetulle": "Työterveyshoitaja",  # a quiz choice (enrolled trainees only)
    "lähiesimiehelle": "Kuka kutsuu koolle",  # a quiz's accepted answer
    "vertaistuesta": "auttaa myöhemmin",  # a quiz's explanation
}


def search(client, query, **params):
    response = client.get(SEARCH, {"q": query, "format": "json", **params})
    assert response.status_code == 200
    return response.json()


def titles(client, query, **params):
    return [result["title"] for result in search(client, query, **params)["results"]]


def suggestions(client, query):
    response = client.get(SUGGEST, {"q": query})
    assert response.status_code == 200
    return [item["title"] for item in response.json()["suggestions"]]


def private_collection():
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Sisäiset asiakirjat")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return collection


@pytest.fixture
def content(demo_site, django_capture_on_commit_callbacks):
    region = Region.objects.get(code="varsinais-suomi", locale__language_code="fi")
    group = TargetGroup.objects.filter(locale__language_code="fi").order_by("code").first()
    with django_capture_on_commit_callbacks(execute=True):
        public_doc = build_document(
            title="Haastattelurunko", filename="runko.docx", data=files.docx(
                paragraphs=["Kuntoutussuunnitelman laatiminen alkaa haastattelulla."]))
        private_doc = build_document(
            title="Muistio", filename="muistio.docx", collection=private_collection(),
            data=files.docx(paragraphs=["Luottamusmuistio sisältää arkaluonteisia tietoja."]))
    catalogue = build_pathway_index(demo_site)
    pathway = build_pathway(
        catalogue, title="Polku takaisin töihin", summary="Asiakas etenee vaiheittain.",
        regions=[region], target_groups=[group],
        steps=[step(title="Alkukartoitus", organisation="Työllisyyspalvelut",
                    entry_criteria="Sosiaaliohjaaja ohjaa asiakkaan kartoitukseen.",
                    documents=[public_doc, private_doc])])
    other = build_pathway(catalogue, title="Toinen polku", summary="Ryhmävalmennus alkaa.",
                          steps=[step(title="Ryhmä", organisation="Kunta")])
    draft = build_pathway(catalogue, title="Luonnospolku", live=False,
                          summary="Hyvinvointikoordinaattori kokoaa tiimin.")
    private = restrict(build_pathway(catalogue, title="Suljettu polku",
                                     summary="Salassapitovelvollisuus koskee kaikkia."))
    courses = build_course_index(demo_site)
    course = build_course(courses, title="Työkyvyn tuen perusteet",
                          description=RichText("<p>Kurssilla opitaan työkyvyn arviointia.</p>"))
    module = build_module(course, title="Puheeksiotto",
                          intro=RichText("<p>Puheeksiotto työpaikalla tukee työntekijää.</p>"))
    lesson = build_lesson(module, title="Varhainen tuki", body=[
        ("paragraph", RichText("<p>Esimies tunnistaa varhaisen tuen tarpeen.</p>")),
        quiz(question("Kenen kanssa asiasta puhutaan ensin?",
                      choices=(("Työsuojeluvaltuutettu", False), ("Työterveyshoitaja", True)),
                      explanation="Vertaistuki auttaa myöhemmin."),
             question("Kuka kutsuu koolle?", kind="short", accepted="lähiesimies"),
             heading="Tarkistustehtävä"),
    ])
    restricted = restrict(build_lesson(
        module, title="Rajattu oppitunti",
        body=[("paragraph", RichText("<p>Kuntoutusraha haetaan ajoissa.</p>"))]))
    return {"pathway": pathway, "other": other, "draft": draft, "private": private,
            "course": course, "module": module, "lesson": lesson, "restricted": restricted,
            "public_doc": public_doc, "private_doc": private_doc, "region": region,
            "group": group}


FOUND = [
    ("sosiaaliohjaajalle", "Polku takaisin töihin", "pathway"),  # step text, other case
    ("alkukartoituksessa", "Polku takaisin töihin", "pathway"),  # step title
    ("kuntoutussuunnitelmaa", "Polku takaisin töihin", "pathway"),  # public document text
    ("haastattelurungon", "Polku takaisin töihin", "pathway"),  # public document title
    ("arvioinnin", "Työkyvyn tuen perusteet", "course"),
    ("puheeksiotosta", "Puheeksiotto", "module"),
    ("esimiehille", "Varhainen tuki", "lesson"),
    ("tarkistustehtävään", "Varhainen tuki", "lesson"),  # the quiz heading is public
]


def test_pathways_training_pages_and_document_text_are_found(client, engine, content):
    engine.refresh()
    missed = []
    for query, title, kind in FOUND:
        results = search(client, query)["results"]
        if (title, kind) not in {(r["title"], r["type"]) for r in results}:
            missed.append((query, title, [r["title"] for r in results]))
    assert missed == []


def test_a_document_hit_shows_the_pathway_using_it(client, engine, content):
    engine.refresh()
    data = search(client, "kuntoutussuunnitelmaa")
    assert [(r["title"], r["url"]) for r in data["results"]] == [
        ("Polku takaisin töihin", content["pathway"].url)]


def test_pathways_have_type_region_and_target_group_facets(client, engine, content):
    engine.refresh()
    region, group = content["region"], content["group"]
    data = search(client, "polku")
    facets = {f["name"]: {o["value"]: o["count"] for o in f["options"]}
              for f in data["facets"]}
    assert facets["type"]["pathway"] == 2
    assert facets["region"] == {region.code: 1}
    assert facets["target_group"] == {group.code: 1}
    assert titles(client, "polku", region=region.code) == ["Polku takaisin töihin"]
    assert titles(client, "polku", type="pathway", target_group=group.code) == [
        "Polku takaisin töihin"]
    training = search(client, "tuki")
    types = {o["value"] for f in training["facets"] if f["name"] == "type"
             for o in f["options"]}
    assert {"course", "lesson"} <= types


def _everything_shown(client, query):
    """All an anonymous visitor gets for a query: HTML page, JSON and autocomplete."""
    html = client.get(SEARCH, {"q": query}).content.decode()
    data = client.get(SEARCH, {"q": query, "format": "json"}).json()
    suggested = client.get(SUGGEST, {"q": query[:7]}).json()
    return html, data, suggested


def test_hidden_content_never_shows(client, engine, content):
    engine.refresh()
    shown = []
    for query, hidden_text in HIDDEN.items():
        html, data, suggested = _everything_shown(client, query)
        if data["count"] or data["results"] or any(
                option["count"] for facet in data["facets"] for option in facet["options"]):
            shown.append((query, "results or counts"))
        for text in (html, json.dumps(data, ensure_ascii=False),
                     json.dumps(suggested, ensure_ascii=False)):
            if hidden_text.lower() in text.lower() or "varhainen tuki" in text.lower():
                shown.append((query, hidden_text))
    assert shown == []


def test_hidden_pages_are_not_suggested_or_counted(client, engine, content):
    engine.refresh()
    for prefix in ("Luonnospo", "Suljettu", "Rajattu op"):
        assert suggestions(client, prefix) == []
    # a snippet of a visible page never quotes the private document or the quiz
    html, data, _suggested = _everything_shown(client, "sosiaaliohjaaja")
    assert "Luottamusmuistio" not in html and "Luottamusmuistio" not in json.dumps(data)
    html, data, _suggested = _everything_shown(client, "tuki")
    assert "Työsuojeluvaltuutettu" not in html and "lähiesimies" not in html


def test_publishing_unpublishing_and_privacy_update_the_index(client, engine, content,
                                                              django_capture_on_commit_callbacks):
    engine.refresh()
    draft = content["draft"]
    draft.save_revision().publish()
    engine.settle()
    assert "Luonnospolku" in titles(client, "hyvinvointikoordinaattorille")
    assert "Luonnospolku" in suggestions(client, "Luonnospo")
    draft.refresh_from_db()
    draft.unpublish()
    engine.settle()
    assert titles(client, "hyvinvointikoordinaattorille") == []

    lesson = content["lesson"]
    lesson.title = "Varhaisen tuen keskustelu"
    lesson.save_revision().publish()
    engine.settle()
    assert titles(client, "keskustelusta") == ["Varhaisen tuen keskustelu"]

    # a document made private leaves the index of the pathway using it, and back
    public_doc = content["public_doc"]
    restriction = CollectionViewRestriction.objects.create(
        collection=public_doc.collection, restriction_type=CollectionViewRestriction.LOGIN)
    engine.settle()
    assert titles(client, "kuntoutussuunnitelmaa") == []
    restriction.delete()
    engine.settle()
    assert titles(client, "kuntoutussuunnitelmaa") == ["Polku takaisin töihin"]

    # a document moved into a private collection, and a deleted document, leave too
    public_doc.collection = content["private_doc"].collection
    public_doc.save()
    engine.settle()
    assert titles(client, "kuntoutussuunnitelmaa") == []
    public_doc.collection = Collection.get_first_root_node()
    public_doc.save()
    engine.settle()
    assert titles(client, "haastattelurungon") == ["Polku takaisin töihin"]
    public_doc.delete()
    engine.settle()
    assert titles(client, "haastattelurungon") == []


def test_document_text_of_an_operating_model_attachment(client, engine, content, library):
    from models_library.models import OperatingModelAttachment, OperatingModelPage

    model = build_model(library, title="Liitteellinen malli")
    OperatingModelAttachment.objects.create(page=model, document=content["public_doc"])
    OperatingModelAttachment.objects.create(page=model, document=content["private_doc"])
    OperatingModelPage.objects.get(pk=model.pk).save_revision().publish()
    engine.refresh()
    assert "Liitteellinen malli" in titles(client, "kuntoutussuunnitelmaa")
    assert "Liitteellinen malli" not in titles(client, "luottamusmuistiota")
