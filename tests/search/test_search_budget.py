"""The search page costs a fixed number of SQL queries, within the project's budget."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from models_library.models import Funder, Region, TargetGroup
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


def count(client, params):
    client.get("/fi/haku/", params)  # warm per-process caches (content types, site roots)
    with CaptureQueriesContext(connection) as context:
        response = client.get("/fi/haku/", params)
    assert response.status_code == 200
    assert response.context["outcome"].results
    return len(context.captured_queries)


def test_search_page_query_count_is_fixed_and_within_budget(client, library):
    params = {"q": "palvelupolku", "region": Region.objects.filter(
        locale__language_code="fi").first().code, "topic": "palvelupolut"}
    grow(library, 3)
    small = count(client, params)
    grow(library, 30, offset=3)
    large = count(client, params)
    assert small == large
    assert large <= BUDGET
