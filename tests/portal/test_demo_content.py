"""The demo command builds the same site however many times it runs."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from portal.models import AccessibilityStatementPage, HomePage


def snapshot():
    return {
        "pages": sorted(
            (p.locale.language_code, p.url_path, p.title, p.live) for p in Page.objects.all()
        ),
        "revisions": Revision.objects.count(),
        "sites": list(Site.objects.values_list("hostname", "root_page__title")),
    }


@pytest.mark.django_db
def test_demo_content_is_idempotent(capsys):
    call_command("load_demo_content")
    first = snapshot()
    call_command("load_demo_content")
    assert snapshot() == first
    assert HomePage.objects.count() == 3
    assert AccessibilityStatementPage.objects.count() == 3
    assert {p.locale.language_code for p in HomePage.objects.all()} == {"fi", "sv", "en"}


@pytest.mark.django_db
def test_admin_account_only_in_dev(settings, capsys):
    settings.DEBUG = False
    call_command("load_demo_content")
    assert not get_user_model().objects.filter(username="admin").exists()
    settings.DEBUG = True
    call_command("load_demo_content")
    assert get_user_model().objects.get(username="admin").is_superuser
    assert "password" in capsys.readouterr().out


@pytest.mark.django_db
def test_demo_site_is_served(client):
    call_command("load_demo_content")
    for path in ("/fi/", "/sv/", "/en/", "/fi/tietoa/", "/sv/om-portalen/", "/en/about/"):
        assert client.get(path).status_code == 200, path
