"""The shared page cache: who gets cached pages, what the key holds, HTTP caching headers.

Invalidation (each content change shows on the next anonymous GET) is in
test_page_cache_invalidation.py; Redis as the cache in test_page_cache_redis.py.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from wagtail.models import PageViewRestriction

from tests.builders import build_standard_page


def cache_entries():
    return len(caches["pages"]._cache)


@pytest.mark.django_db
def test_second_anonymous_request_is_served_from_the_cache(client, page_cache, demo_site):
    first = client.get("/fi/")
    second = client.get("/fi/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Hyväksi havaitut työkyvyn tuen toimintamallit" in second.content.decode()
    # Headers that outer middleware adds per response are present on a hit too.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_anonymous_pages_send_http_caching_headers(client, page_cache, demo_site, settings):
    settings.PAGE_CACHE_MAX_AGE = 45
    for response in (client.get("/fi/"), client.get("/fi/")):
        assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=45"}
        assert response["ETag"]
        assert response["Last-Modified"].endswith("GMT")
        vary = {value.strip().lower() for value in response["Vary"].split(",")}
        assert vary == {"cookie"}  # the path carries the language; nothing else varies


@pytest.mark.django_db
def test_http_headers_are_sent_even_with_the_shared_cache_off(client, demo_site):
    response = client.get("/fi/")
    assert "public" in response["Cache-Control"]
    assert response["ETag"]
    assert not response.has_header("X-Page-Cache")


@pytest.mark.django_db
def test_conditional_get_answers_304(client, page_cache, demo_site):
    first = client.get("/fi/")
    by_etag = client.get("/fi/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    by_date = client.get("/fi/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304
    stale = client.get("/fi/", HTTP_IF_NONE_MATCH='"not-the-current-etag"')
    assert stale.status_code == 200


@pytest.mark.django_db
def test_signed_in_users_bypass_the_cache(client, page_cache, demo_site):
    client.get("/fi/")
    client.get("/fi/")  # cached for anonymous visitors now
    user = get_user_model().objects.create_user("toimittaja", password="x" * 12)
    client.force_login(user)
    response = client.get("/fi/")
    assert not response.has_header("X-Page-Cache")
    assert "public" not in response.get("Cache-Control", "")
    assert "Hyväksi havaitut" in response.content.decode()


@pytest.mark.django_db
def test_post_is_never_served_from_the_cache(client, page_cache, demo_site):
    client.get("/fi/")
    response = client.post("/fi/", {"a": "b"})
    assert not response.has_header("X-Page-Cache")


@pytest.mark.django_db
def test_password_protected_page_form_is_not_cached(client, page_cache, demo_site):
    page = build_standard_page(demo_site, title="Suojattu", body=None)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="salasana1")
    for _ in range(2):
        response = client.get(page.url)
        assert response.status_code == 200  # Wagtail's password form
        assert "Sisältöä." not in response.content.decode()
        assert not response.has_header("X-Page-Cache")
        assert "public" not in response.get("Cache-Control", "")
    assert cache_entries() == 0


@pytest.mark.django_db
def test_login_restricted_page_is_not_cached(client, page_cache, demo_site):
    page = build_standard_page(demo_site, title="Jäsenille")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302
    assert cache_entries() == 0


@pytest.mark.django_db
def test_query_string_order_does_not_matter(client, page_cache, library):
    first = client.get(library.url, {"sort": "name", "stage": "ready"})
    second = client.get(f"{library.url}?stage=ready&sort=name")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_unknown_parameters_and_huge_query_strings_are_not_stored(client, page_cache, library):
    entries = cache_entries()
    for number in range(5):
        response = client.get(library.url, {"utm_source": f"kampanja{number}"})
        assert response.status_code == 200
        assert not response.has_header("X-Page-Cache")
    huge = client.get(library.url, {"region": "x" * 2000})
    assert huge.status_code == 200
    assert cache_entries() == entries


@pytest.mark.django_db
def test_unknown_filter_values_are_not_stored(client, page_cache, library):
    response = client.get(library.url, {"region": "ei-tällaista"})
    assert "ei-tällaista" in response.content.decode()  # the "ignored" note
    assert cache_entries() == 0


@pytest.mark.django_db
def test_disallowed_host_does_not_poison_the_cache(client, page_cache, demo_site):
    response = client.get("/fi/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert cache_entries() == 0
    assert client.get("/fi/")["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_languages_are_cached_apart_and_accept_language_does_not_split(
        client, page_cache, demo_site):
    client.get("/fi/")
    odd = client.get("/fi/", HTTP_ACCEPT_LANGUAGE="sv;q=0.9,xx-YY-zz,*;q=0.1" + ",a" * 300)
    assert odd["X-Page-Cache"] == "hit"
    swedish = client.get("/sv/")
    assert swedish["X-Page-Cache"] == "miss"
    assert "Arbetsförmågeportalen" in swedish.content.decode()
    assert cache_entries() == 2


@pytest.mark.django_db
def test_root_redirect_decides_language_without_rendering_a_404(
        client, demo_site, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert "accept-language" in response["Vary"].lower()
    assert client.get("/tietoa/?a=1")["Location"] == "/fi/tietoa/?a=1"


@pytest.mark.django_db
def test_a_workers_own_copy_is_served_and_never_outlives_a_change(client, page_cache, demo_site):
    from portal.page_cache import local_entries

    client.get("/fi/")
    page_cache.clear()  # gone from the shared cache: this worker still has its own copy
    assert client.get("/fi/")["X-Page-Cache"] == "hit"
    demo_site.intro = "Toisen työprosessin julkaisema teksti."
    demo_site.save_revision().publish()
    response = client.get("/fi/")
    assert response["X-Page-Cache"] == "miss"
    assert "Toisen työprosessin julkaisema teksti." in response.content.decode()
    assert local_entries.get("no such key") is None


def test_a_workers_own_copies_stay_within_their_byte_limit(settings):
    from portal.page_cache import LocalEntries

    settings.PAGE_CACHE_LOCAL_BYTES = 4000
    entries = LocalEntries()
    for number in range(10):
        entries.put(f"key-{number}", {"content": b"x" * 900, "status": 200, "headers": []})
    kept = [number for number in range(10) if entries.get(f"key-{number}")]
    assert kept == [6, 7, 8, 9]  # the least recently used went first
    entries.put("big", {"content": b"x" * 1001, "status": 200, "headers": []})
    assert entries.get("big") is None  # over a quarter of the limit: shared cache only
