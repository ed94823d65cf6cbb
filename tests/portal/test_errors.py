"""Errors give a friendly page in the visitor's language, never a 500 for bad input."""

import pytest
from django.test import RequestFactory

from portal.views import server_error


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "text"),
    [("/fi/ei-ole/", "Sivua ei löytynyt"), ("/sv/finns-inte/", "Sidan hittades inte"),
     ("/en/missing/", "Page not found")],
)
def test_not_found_in_each_language(client, demo_site, path, text):
    response = client.get(path)
    assert response.status_code == 404
    assert text in response.content.decode()


@pytest.mark.parametrize(
    ("path", "text"),
    [("/fi/x/", "Jokin meni vikaan"), ("/sv/x/", "Något gick fel"),
     ("/en/x/", "Something went wrong")],
)
def test_server_error_page_in_each_language(path, text):
    response = server_error(RequestFactory().get(path))
    assert response.status_code == 500
    assert text in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/fi/" + "a" * 3000 + "/",
        "/fi/" + "/".join(["osa"] * 300) + "/",
        "/fi/?page=%ff%fe&q=%00",
        "/fi/?" + "&".join(f"k{i}=v" for i in range(2000)),
        "/fi/%E4%F6/",
        "/xx-yy/",
        "/fi/tietoa/?lang=<script>",
    ],
)
def test_malformed_urls_never_give_500(client, demo_site, path):
    response = client.get(path, follow=True)
    assert response.status_code in (200, 404)
