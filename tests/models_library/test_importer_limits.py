"""The importer takes what its form promises (5 MB of pasted text) and says so beyond it;
files in old Mac or DOS encodings are refused instead of garbled."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.models_library.importer_support import build_import_parent, fixture_bytes
from tests.models_library.test_importer_admin import URL, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(django_user_model):
    from wagtail.users.models import UserProfile

    parent = build_import_parent()
    user = make_user(django_user_model, "tuoja", superuser=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(URL)  # sets the CSRF cookie
    client.parent = parent
    return client


def post(client, **data):
    token = client.cookies["csrftoken"].value
    return client.post(URL, {"parent": str(client.parent.pk), "csrfmiddlewaretoken": token,
                             **data})


def messages_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(soup.get_text(" ").split())


def test_pasted_text_over_django_default_limit_is_previewed(editor_client):
    text = fixture_bytes("toimintamalli_kaikki_osiot.txt").decode("utf-8")
    text += "\n\nMuu huomio\n\n" + ("Pitkä lisäteksti työkyvyn tuesta. " * 90_000)
    assert 2.5 * 1024 * 1024 < len(text.encode("utf-8")) < 5 * 1024 * 1024
    response = post(editor_client, text=text)
    assert response.status_code == 200
    assert "Työkykyvalmentaja sote-keskuksessa" in messages_of(response)


def test_pasted_text_over_5_mb_gets_the_importers_message(editor_client):
    text = "Työkyky " * 700_000  # about 6.3 MB
    response = post(editor_client, text=text)
    assert response.status_code in (200, 400)
    assert "maximum size is 5 MB" in messages_of(response)


def test_a_request_beyond_the_upload_limit_gets_the_importers_message(editor_client):
    response = post(editor_client, text="x" * (17 * 1024 * 1024))
    assert response.status_code == 302
    page = editor_client.get(response["Location"])
    assert page.status_code == 200
    assert "pasted text can be at most 5 MB" in messages_of(page)


@pytest.mark.parametrize("encoding", ["mac_roman", "cp850"])
def test_old_mac_and_dos_encodings_are_refused(editor_client, encoding):
    text = fixture_bytes("toimintamalli_kaikki_osiot.txt").decode("utf-8")
    upload = SimpleUploadedFile("malli.txt", text.encode(encoding, errors="replace"),
                                content_type="text/plain")
    response = post(editor_client, files=upload)
    content = messages_of(response)
    assert "old Mac or DOS character encoding" in content
    assert "TyŸkyky" not in content and "Ty‚kyky" not in content
