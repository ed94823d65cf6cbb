"""Pages cost a fixed number of SQL queries whatever the amount of linked data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from models_library.models import (
    EvaluationCriterion,
    Funder,
    Municipality,
    Region,
    TargetGroup,
)
from tests.builders import build_model, sections

REGIONS = ["kymenlaakso", "etela-karjala", "pohjois-savo", "varsinais-suomi", "lappi", "kainuu"]
MUNICIPALITIES = ["286", "285", "075", "624", "935", "405"]
FUNDERS = ["stm", "esr", "muu-eu", "stea", "kela", "kunta"]
GROUPS = ["tyottomat", "nuoret", "osatyokykyiset", "tyoikaiset", "tyolliset", "ammattilaiset"]


def rich_model(parent, size, title, **extra):
    return build_model(
        parent, title=title,
        regions=list(Region.objects.filter(code__in=REGIONS[:size], locale__language_code="fi")),
        municipalities=list(Municipality.objects.filter(code__in=MUNICIPALITIES[:size],
                                                        locale__language_code="fi")),
        funders=list(Funder.objects.filter(code__in=FUNDERS[:size], locale__language_code="fi")),
        target_groups=list(TargetGroup.objects.filter(code__in=GROUPS[:size],
                                                      locale__language_code="fi")),
        topics=[f"aihe {n}" for n in range(size)],
        evaluation_criteria=[EvaluationCriterion(criterion=f"K{n}", rating="green")
                             for n in range(size)],
        description=sections(extra=[(f"Lisä {n}", "teksti") for n in range(size)]),
        **extra,
    )


def count_queries(client, url, params=None):
    client.get(url, params)  # warm caches that are per process, not per request
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
def test_model_page_query_count_does_not_grow(client, library):
    small_root = rich_model(library, 1, "Pieni")
    rich_model(library, 1, "Pienen variantti", variant_of=small_root)
    big_root = rich_model(library, 6, "Iso")
    for n in range(5):
        rich_model(library, 6, f"Ison variantti {n}", variant_of=big_root)
    assert count_queries(client, small_root.url) == count_queries(client, big_root.url)


@pytest.mark.django_db
def test_index_query_count_does_not_grow(client, library):
    for n in range(2):
        rich_model(library, 1, f"Malli {n}")
    small = count_queries(client, library.url, {"region": "kymenlaakso", "sort": "name"})
    for n in range(2, 25):
        rich_model(library, 6, f"Malli {n}")
    big = count_queries(client, library.url, {"region": "kymenlaakso", "sort": "name"})
    assert small == big
    assert count_queries(client, library.url) == count_queries(
        client, library.url, {"page": "2"})
