"""Every public page type costs at most ten SQL queries, the same at two sizes.

Each entry of ``PAGE_TYPES`` builds the content a page type shows at a size
(1 and 5 of every related thing: terms, topics, attachments, variants,
sections, steps, lessons, questions, results...) and returns the addresses to
count. A request is counted after a first one to the same address (per-process
memos of site-wide data fill on the first request), with the shared page cache
off, so the count is the real rendering. The two sizes are built one after the
other inside the test's transaction, the first rolled back before the second.

Set ``QUERY_BUDGET_DUMP=1`` to print the queries of every counted request.
"""

import os
from collections import Counter

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests.builders import (
    build_course,
    build_course_index,
    build_document,
    build_embed,
    build_image,
    build_lesson,
    build_library,
    build_model,
    build_module,
    build_pathway,
    build_pathway_index,
    build_rich_library,
    build_standard_page,
    question,
    quiz,
    step_value,
    terms,
)

BUDGET = 10
SIZES = (1, 5)
pytestmark = pytest.mark.django_db


def menu_pages(home, size):
    """``size`` more sections in the main menu."""
    for n in range(size):
        build_standard_page(home, title=f"Osio {n}", show_in_menus=True)


def library_world(home, size):
    menu_pages(home, size)
    return build_rich_library(home, size)


def home_page(home, size):
    from portal.demo_utils import publish

    library, models = library_world(home, size)
    home.body = [
        ("entry_points", {"heading": "Mistä aloitat?", "items": [
            {"page": page, "title": "", "text": "Teksti", "icon": "model"}
            for page in [library, *models][:size]]}),
        ("latest_pages", {"heading": "Uusimmat", "section": library,
                          "page_type": "models_library.operatingmodelpage", "count": size}),
        ("featured_pages", {"heading": "Nostot", "pages": models[:size]}),
        ("latest_pages", {"heading": "Ohjelmat", "section": library,
                          "page_type": "models_library.programmepage", "count": size}),
    ]
    publish(home)
    return [home.url]


def standard_page(home, size):
    from wagtail.rich_text import RichText

    menu_pages(home, size)
    body = []
    for n in range(size):
        image = build_image(f"Kuva {n}")
        embed = build_embed(url=f"https://www.youtube.com/watch?v=demo{n}", title=f"Video {n}")
        body += [
            ("heading", {"text": f"Otsikko {n}", "level": "h2"}),
            ("paragraph", RichText(f'<p>Teksti {n} <a linktype="page" id="{home.pk}">etusivu'
                                   "</a></p>")),
            ("image", {"image": image, "alt_text": f"Kuvaus {n}", "caption": ""}),
            ("embed", {"url": embed.url, "title": f"Video {n}", "transcript": RichText("")}),
            ("call_to_action", {"title": f"Toiminto {n}", "text": "", "button_label": "Avaa",
                                "page": home, "external_url": ""}),
        ]
    parent = build_standard_page(home, title="Tietoa meistä", slug="tietoa-meista")
    page = build_standard_page(parent, title="Alasivu", slug="alasivu", body=body)
    return [page.url]


def library_index(home, size):
    library, _models = library_world(home, size)
    return [library.url]


def library_filtered(home, size):
    library, _models = library_world(home, size)
    found = terms(1)
    return [f"{library.url}?region={found['regions'][0].code}&funder={found['funders'][0].code}"
            f"&target_group={found['target_groups'][0].code}&topic=aihe-0&stage=ready"
            "&type=model&sort=name"]


def library_sorted(home, size):
    library, _models = library_world(home, size)
    return [f"{library.url}?sort=name", f"{library.url}?sort=newest"]


def library_page_two(home, size):
    from models_library.models import listing

    listing.PAGE_SIZE = 2  # restored by the test (see ``small_pages``)
    library, _models = library_world(home, size)
    return [f"{library.url}?page=2", f"{library.url}?page=2&sort=name&region="
            f"{terms(1)['regions'][0].code}"]


def operating_model(home, size):
    _library, models = library_world(home, size)
    return [models[0].url, models[-1].url]


def print_view(home, size):
    _library, models = library_world(home, size)
    return [f"{models[0].url}tulosta/"]


def programme(home, size):
    _library, models = library_world(home, size)
    return [models[0].get_parent().url]


def compare(home, size):
    library, models = library_world(home, size)
    keys = "&".join(f"m={model.translation_key}" for model in [models[0], *models[-size:]][:3])
    return [f"{library.url}vertaa/?{keys}"]


def feeds(home, size):
    library, _models = library_world(home, size)
    catalogue = pathway_world(home, size, menu=False)[0]
    return [f"{library.url}syote/rss/", f"{library.url}syote/atom/",
            f"{catalogue.url}syote/rss/", f"{catalogue.url}syote/atom/"]


def sitemap(home, size):
    library_world(home, size)
    pathway_world(home, size, menu=False)
    training_world(home, size)
    return ["/sitemap.xml"]


def api_list(home, size):
    library_world(home, size)
    return ["/api/v2/pages/?type=models_library.OperatingModelPage&fields=*",
            "/api/v2/pages/?type=models_library.ProgrammePage&fields=*",
            "/api/v2/pages/"]


def api_detail(home, size):
    _library, models = library_world(home, size)
    return [f"/api/v2/pages/{models[0].pk}/", f"/api/v2/pages/{models[0].get_parent().pk}/"]


def pathway_world(home, size, menu=True):
    from wagtail.models import Page

    if menu:
        menu_pages(home, size)
    library = Page.objects.filter(slug="toimintamallit").first()
    library = library.specific if library else build_library(home)
    models = [build_model(library, title=f"Polun malli {n}") for n in range(size)]
    documents = [build_document(f"Asiakirja {n}", f"asiakirja-{n}.pdf") for n in range(size)]
    catalogue = build_pathway_index(home)
    found = terms(size)
    pathways = []
    for p in range(size):
        steps = [("step", step_value(f"Vaihe {s}", models=models, documents=documents))
                 for s in range(size)]
        steps.append(("branch", {"question": "Tarvitaanko lisää tukea?", "branches": [
            {"label": f"Haara {b}", "steps": [step_value(f"Haaran vaihe {b}", models=models)],
             "outcome": ""} for b in range(2)]}))
        pathways.append(build_pathway(catalogue, title=f"Polku {p}", steps=steps,
                                      regions=found["regions"],
                                      target_groups=found["target_groups"]))
    return catalogue, pathways, documents


def pathway_catalogue(home, size):
    catalogue, _pathways, _documents = pathway_world(home, size)
    region = terms(1)["regions"][0].code
    return [catalogue.url, f"{catalogue.url}?region={region}&sort=name"]


def pathway_page(home, size):
    _catalogue, pathways, _documents = pathway_world(home, size)
    return [pathways[0].url]


def document_page(home, size):
    catalogue, _pathways, documents = pathway_world(home, size)
    return [catalogue.document_url(documents[0])]


def training_world(home, size):
    index = build_course_index(home)
    library = build_library(home, title="Mallikirjasto", slug="mallikirjasto")
    model = build_model(library, title="Koulutuksen malli")
    courses = []
    for c in range(size):
        course = build_course(index, title=f"Kurssi {c}")
        for m in range(size):
            module = build_module(course, title=f"Moduuli {m}")
            for n in range(size):
                build_lesson(module, title=f"Oppitunti {m}-{n}", body=[
                    ("library_page", {"page": model, "note": ""}),
                    quiz(*[question(f"Kysymys {q}?") for q in range(size)]),
                ])
        courses.append(course)
    return index, courses


def course_index(home, size):
    menu_pages(home, size)
    index, _courses = training_world(home, size)
    return [index.url]


def course(home, size):
    _index, courses = training_world(home, size)
    return [courses[0].url]


def module(home, size):
    _index, courses = training_world(home, size)
    return [courses[0].get_children().first().url]


def lesson(home, size):
    from training.models import LessonPage

    _index, courses = training_world(home, size)
    return [LessonPage.objects.descendant_of(courses[0]).order_by("path").last().url]


def certificate_verification(home, size):
    from tests.builders import build_trainee
    from training.models.certificates import issue_certificate

    _index, courses = training_world(home, size)
    codes = []
    for n in range(size):
        trainee = build_trainee(email=f"todistus{n}@example.fi")
        trainee.first_name, trainee.last_name = "Testi", f"Opiskelija {n}"
        trainee.save()
        codes.append(issue_certificate(trainee, courses[n % len(courses)]).code)
    return [f"/fi/opinnot/tarkista/{codes[0]}/", f"/fi/opinnot/tarkista/?koodi={codes[-1]}",
            "/fi/opinnot/tarkista/"]


def search_page(home, size):
    library, _models = library_world(home, size)
    region = terms(1)["regions"][0].code
    return ["/fi/haku/?q=malli", f"/fi/haku/?q=malli&region={region}&type=model&topic=aihe-0"]


PAGE_TYPES = {
    "home": home_page,
    "standard page": standard_page,
    "library index": library_index,
    "library index, filtered": library_filtered,
    "library index, sorted": library_sorted,
    "library index, page 2": library_page_two,
    "operating model": operating_model,
    "print view": print_view,
    "programme": programme,
    "compare": compare,
    "feeds": feeds,
    "sitemap": sitemap,
    "API list": api_list,
    "API detail": api_detail,
    "pathway catalogue": pathway_catalogue,
    "service pathway": pathway_page,
    "document page": document_page,
    "course index": course_index,
    "course": course,
    "module": module,
    "lesson": lesson,
    "certificate verification": certificate_verification,
    "search": search_page,
}




@pytest.fixture
def small_pages():
    from models_library.models import listing

    page_size = listing.PAGE_SIZE
    yield
    listing.PAGE_SIZE = page_size


def count(client, url):
    client.get(url)  # the first request fills the per-process memos
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    if os.environ.get("QUERY_BUDGET_DUMP"):
        print(f"\n== {url}: {len(context.captured_queries)}")
        repeated = Counter(query["sql"] for query in context.captured_queries)
        for query in context.captured_queries:
            sql = query["sql"]
            print(f"  [{repeated[sql]}x] {sql[:90]} ... {sql[-300:] if len(sql) > 90 else ''}")
    return len(context.captured_queries)


def counts_at(size, builder, home, client):
    """The query count of each address the builder returns, its content rolled back after."""
    with transaction.atomic():
        home = type(home).objects.get(pk=home.pk)
        urls = builder(home, size)
        found = [count(client, url) for url in urls]
        transaction.set_rollback(True)
    return found


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_type_stays_within_budget_at_two_sizes(name, client, demo_site, settings,
                                                    small_pages):
    settings.PAGE_CACHE_ENABLED = False
    small, large = (counts_at(size, PAGE_TYPES[name], demo_site, client) for size in SIZES)
    assert small == large, f"{name}: {small} queries at size 1, {large} at size 5"
    assert max(large) <= BUDGET, f"{name}: {large} queries (budget {BUDGET})"


def test_root_redirect_renders_no_page(client, demo_site, django_assert_max_num_queries):
    """``/`` goes to a language without rendering a 404 page first (no query at all)."""
    with django_assert_max_num_queries(0):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 302
    assert response["Location"] == "/sv/"
