"""Queries whose SQL is built once (portal.prepared) give what the ORM gives."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from portal.prepared import PreparedQuery, children
from tests.builders import build_library, build_model


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


def _fields(instance):
    return {field.attname: getattr(instance, field.attname)
            for field in instance._meta.concrete_fields}


@pytest.mark.django_db
def test_prepared_objects_equal_the_querysets_own(demo_site):
    from models_library.models import OperatingModelPage

    library = build_library(demo_site)
    models = [build_model(library, title=f"Malli {number}", stage="ready") for number in range(3)]
    query = PreparedQuery(lambda pk: OperatingModelPage.objects.select_related("locale")
                          .filter(pk=pk))
    for model in models:
        [prepared] = query.objects(model.pk)
        expected = OperatingModelPage.objects.select_related("locale").get(pk=model.pk)
        assert _fields(prepared) == _fields(expected)
        assert prepared.last_published_at == expected.last_published_at  # a datetime
        with CaptureQueriesContext(connection) as captured:
            assert prepared.locale.language_code == "fi"  # attached, no query
        assert not captured.captured_queries
    assert query.objects(-5) == []


@pytest.mark.django_db
def test_children_come_in_order_with_their_page_and_from_memory_in_previews(demo_site):
    from models_library.models import DevelopmentLogEntry

    library = build_library(demo_site)
    model = build_model(library, development_log=[
        DevelopmentLogEntry(date=date(2024, 5, 1), phase="imagine_and_try", text="Toinen"),
        DevelopmentLogEntry(date=date(2023, 1, 9), phase="understand", text="Ensimmäinen"),
    ])
    entries = children(model, "development_log", order_by=["date"])
    assert [entry.text for entry in entries] == ["Ensimmäinen", "Toinen"]
    assert entries[0].date == date(2023, 1, 9)
    with CaptureQueriesContext(connection) as captured:
        assert all(entry.page is model for entry in entries)
    assert not captured.captured_queries
    # A preview: the page rebuilt from a revision with an unsaved entry.
    draft = model.get_latest_revision_as_object()
    draft.development_log.add(
        DevelopmentLogEntry(date=date(2022, 3, 3), phase="understand", text="Luonnos"))
    assert [entry.text for entry in children(draft, "development_log", order_by=["date"])] == [
        "Luonnos", "Ensimmäinen", "Toinen"]


@pytest.mark.django_db
def test_children_keep_the_editors_order_and_read_only_what_is_named(demo_site):
    from models_library.models import OperatingModelLink

    library = build_library(demo_site)
    model = build_model(library, links=[
        OperatingModelLink(title=title, url=f"https://example.fi/{title}")
        for title in ("Kolmas", "Ensimmäinen", "Toinen")])
    links = children(type(model).objects.get(pk=model.pk), "links")
    assert [link.title for link in links] == ["Kolmas", "Ensimmäinen", "Toinen"]
    sql = _children_sql(type(model), "links")
    assert "ORDER BY" in sql and "wagtailcore_page" not in sql


def _children_sql(model, relation):
    from portal.prepared import _children_query

    return _children_query(model, relation, (), ())[1]._prepared.sql
