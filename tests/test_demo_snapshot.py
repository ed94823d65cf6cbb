"""The demo snapshot (tests/demo_snapshot.py) gives every test the site a real build gives.

The tests of this module run in order: the first one changes the demo site, the
later ones must not see its changes.
"""

from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Locale, Page, Site

from portal.demo import build
from portal.indexing import deferred_indexing
from portal.models import HomePage, StandardPage
from tests import demo_snapshot
from tests.builders import build_standard_page


def test_a_test_may_change_the_demo_site(demo_site):
    about = StandardPage.objects.get(locale__language_code="fi", slug="tietoa")
    about.delete()
    demo_site.title = "Muutettu etusivu"
    demo_site.save_revision().publish()
    Locale.objects.filter(language_code="en").update(language_code="de")
    cache.set("left-behind", True)


def test_the_next_test_gets_the_demo_site_unchanged(demo_site, client):
    assert isinstance(demo_site, HomePage)
    assert demo_site.title != "Muutettu etusivu"
    slugs = set(StandardPage.objects.values_list("slug", flat=True))
    assert slugs == {"tietoa", "om-portalen", "about"}
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"fi", "sv", "en"}
    assert cache.get("left-behind") is None
    assert client.get("/fi/").status_code == 200
    assert client.get("/en/").status_code == 200


def test_a_restored_site_is_the_site_a_build_gives(demo_site):
    """Building again on a restored site changes nothing: the build is idempotent, so
    every row it would write is already there."""
    assert demo_snapshot.stats["restored"] >= 1
    tables = demo_snapshot._tables()
    # The build saves the site and its settings, which bumps the content generation.
    compared = [table for table in tables if table != "portal_contentgeneration"]
    before = {table: demo_snapshot._read(table) for table in compared}
    with deferred_indexing():
        home = build()
    assert home.pk == demo_site.pk
    changed = [table for table in compared if demo_snapshot._read(table) != before[table]]
    assert changed == []


def test_new_rows_get_ids_above_the_restored_ones(demo_site):
    highest = Page.objects.order_by("-pk").values_list("pk", flat=True).first()
    page = build_standard_page(demo_site, title="Uusi sivu")
    assert page.pk > highest
    assert page.get_latest_revision().pk > 0


def test_the_site_is_found_for_a_request_after_a_restore(demo_site):
    request = RequestFactory().get("/", SERVER_NAME="testserver")
    site = Site.find_for_request(request)
    assert site.root_page_id == demo_site.pk


def test_a_test_that_changed_what_the_build_reads_gets_a_real_build(db, request):
    built = demo_snapshot.stats["built"]
    Locale.objects.create(language_code="de")
    home = request.getfixturevalue("demo_site")
    assert demo_snapshot.stats["built"] == built + 1
    # A restore would have put back the locales the snapshot holds, without this one.
    assert Locale.objects.filter(language_code="de").exists()
    assert HomePage.objects.get(locale__language_code="fi").pk == home.pk
