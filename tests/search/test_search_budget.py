"""The search page costs a fixed number of SQL queries, whatever the number of results.

The search itself (locale, backend, visibility, facet values, labels, the shown
pages, promotions) stays within the project's budget of 10; the page around it
(header menu, language switcher, footer settings, the page cache's generation
check) is shared with every page type and counted in the whole-page test.
"""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from models_library.models import Funder, Region, TargetGroup
from portal.search.engine import PortalSearch
from portal.search.evaluation import _request
from tests.builders import build_model, build_programme, sections

pytestmark = pytest.mark.django_db
BUDGET = 10


def grow(library, count, offset=0):
    regions = list(Region.objects.filter(locale__language_code="fi")[:4])
    funders = list(Funder.objects.filter(locale__language_code="fi")[:3])
    groups = list(TargetGroup.objects.filter(locale__language_code="fi")[:3])
    for n in range(offset, offset + count):
        build_model(library, title=f"Palvelupolku {n}", regions=regions, funders=funders,
                    target_groups=groups, topics=[f"aihe {n % 5}", "palvelupolut"],
                    description=sections(basic_idea=f"Palvelupolkujen kuvaus {n}."))
        if n % 3 == 0:
            build_programme(library, title=f"Palvelupolkuohjelma {n}", regions=regions,
                            funders=funders, topics=["palvelupolut"])


def params():
    region = Region.objects.filter(locale__language_code="fi").first().code
    return {"q": "palvelupolku", "region": region, "topic": "palvelupolut", "type": "model"}


def count_page(client):
    client.get("/fi/haku/", params())  # warm per-process caches (content types, site roots)
    with CaptureQueriesContext(connection) as context:
        response = client.get("/fi/haku/", params())
    assert response.status_code == 200
    assert len(response.context["outcome"].results) == 10
    return len(context.captured_queries)


def count_search():
    query = QueryDict(mutable=True)
    query.update(params())
    PortalSearch(_request("fi"), query, "fi").run()
    with CaptureQueriesContext(connection) as context:
        outcome = PortalSearch(_request("fi"), query, "fi").run()
    assert outcome.total >= 10
    return len(context.captured_queries)


def test_search_query_count_is_fixed_and_within_budget(client, library):
    grow(library, 12)
    small_page, small_search = count_page(client), count_search()
    grow(library, 30, offset=12)
    large_page, large_search = count_page(client), count_search()
    assert small_page == large_page
    assert small_search == large_search
    assert large_search + 1 <= BUDGET  # + 1: counting the search for the editors' report


def grow_pathways_and_lessons(demo_site, library, count, offset=0, parents=None):
    """Pathways whose steps link a model and a document, lessons with a document and a
    library card: their snippets must not look the linked objects up one by one."""
    from wagtail.rich_text import RichText

    from tests.builders import (
        build_course,
        build_course_index,
        build_document,
        build_lesson,
        build_module,
        build_pathway,
        build_pathway_index,
        step,
    )

    if parents is None:
        model = build_model(library, title="Linkitetty malli")
        document = build_document(title="Liite")
        module = build_module(build_course(build_course_index(demo_site)))
        parents = (build_pathway_index(demo_site), module, model, document)
    catalogue, module, model, document = parents
    for n in range(offset, offset + count):
        build_pathway(catalogue, title=f"Palvelupolku {n}", steps=[
            step(title="Ohjaus", entry_criteria=f"Palvelupolun vaihe {n}.", models=[model],
                 documents=[document])])
        build_lesson(module, title=f"Palvelupolut {n}", body=[
            ("paragraph", RichText(f"<p>Palvelupolkujen oppitunti {n}.</p>")),
            ("document", {"document": document, "description": "Liite."}),
            ("library_page", {"page": model, "note": "Lue."}),
        ])
    return parents


def count_types(kind):
    query = QueryDict(mutable=True)
    query.update({"q": "palvelupolku", "type": kind})
    PortalSearch(_request("fi"), query, "fi").run()
    with CaptureQueriesContext(connection) as context:
        outcome = PortalSearch(_request("fi"), query, "fi").run()
    return len(context.captured_queries), len(outcome.results)


def test_pathway_and_lesson_results_cost_no_query_each(demo_site, library):
    parents = grow_pathways_and_lessons(demo_site, library, 2)
    (pathways_2, shown), (lessons_2, _shown) = count_types("pathway"), count_types("lesson")
    assert shown == 2
    grow_pathways_and_lessons(demo_site, library, 10, offset=2, parents=parents)
    (pathways_10, shown), (lessons_10, _shown) = count_types("pathway"), count_types("lesson")
    assert shown == 10
    assert (pathways_2, lessons_2) == (pathways_10, lessons_10)
    assert max(pathways_10, lessons_10) + 1 <= BUDGET


def bulk_models(engine, library, count, offset=0):
    """``count`` live models that all match "palvelupolku", inserted and indexed in bulk."""
    from django.utils import timezone

    from models_library.models import OperatingModelPage
    from tests.bench.generate import bulk_add_children, index_pages

    region = Region.objects.filter(locale__language_code="fi").first()
    now = timezone.now()
    pages = [OperatingModelPage(
        title=f"Palvelupolku {n}", slug=f"kattomalli-{n}", locale=library.locale, live=True,
        first_published_at=now, last_published_at=now, summary="Palvelupolkujen malli.",
        description=sections(basic_idea=f"Palvelupolun kuvaus {n}."),
    ) for n in range(offset, offset + count)]
    bulk_add_children(library, pages, {number: {"regions": [region]}
                                       for number in range(len(pages))})
    if engine.name == "opensearch":
        engine.refresh()  # a new index (alias switch) with every page, as update_index does
    else:
        index_pages(OperatingModelPage, pages)
    return pages


def test_search_query_count_is_the_same_beyond_the_hit_cap(engine, library):
    """With more matches than MAX_HITS the backend's hits still cost no query each (a
    cluster's hits come from one response, not scrolled pages loaded from the database)."""
    from portal.search.engine import MAX_HITS

    def count():
        query = QueryDict(mutable=True)
        query.update({"q": "palvelupolku", "region": params()["region"]})
        engine.settle()
        PortalSearch(_request("fi"), query, "fi").run()
        with CaptureQueriesContext(connection) as context:
            outcome = PortalSearch(_request("fi"), query, "fi").run()
        return len(context.captured_queries), outcome

    bulk_models(engine, library, 20)
    small, outcome = count()
    assert outcome.total == 20 and not outcome.capped
    bulk_models(engine, library, MAX_HITS + 30, offset=20)
    large, outcome = count()
    assert outcome.capped and outcome.total == MAX_HITS
    assert large <= small + 2  # the capped, filtered search asks again: 2 queries at most
    assert large + 1 <= BUDGET
