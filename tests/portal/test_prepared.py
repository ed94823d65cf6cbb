"""Queries whose SQL is built once (portal.prepared) give what the ORM gives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from portal.prepared import PreparedQuery


@pytest.mark.django_db
def test_a_prepared_query_runs_with_each_call_s_values(demo_site):
    titles = PreparedQuery(lambda pk: Page.objects.filter(pk=pk).values_list("title"))
    pages = list(Page.objects.filter(depth__gt=1).order_by("pk")[:3])
    for page in pages:
        assert titles.rows(page.pk) == [(page.title,)]
    assert titles.rows(-1) == []


@pytest.mark.django_db
def test_a_value_the_sql_does_not_carry_falls_back_to_the_orm(demo_site):
    # Slicing puts the number into the SQL text, not among its parameters.
    first = PreparedQuery(lambda count: Page.objects.order_by("pk").values_list("pk")[:count])
    assert len(first.rows(1)) == 1
    with CaptureQueriesContext(connection) as captured:
        assert len(first.rows(2)) == 2
    assert "LIMIT 2" in captured.captured_queries[0]["sql"]
