"""Trainee accounts through django-allauth; staff keep the Wagtail admin sign-in."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from tests.builders import build_trainee

pytestmark = pytest.mark.django_db
PASSWORD = "Vahva-salasana-2026"


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_sign_up_verify_and_sign_in(client):
    response = client.post("/fi/tili/signup/", {
        "email": "uusi@example.fi", "password1": PASSWORD, "password2": PASSWORD}, follow=True)
    assert response.status_code == 200
    user = get_user_model().objects.get(email="uusi@example.fi")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["uusi@example.fi"]
    assert "_auth_user_id" not in client.session  # no sign-in before verification

    confirm = link_in(mail.outbox[0])
    page = client.get(confirm)
    assert page.status_code == 200 and "uusi@example.fi" in page.content.decode()
    response = client.post(confirm)
    assert EmailAddress.objects.get(user=user).verified
    assert response.status_code == 302
    assert client.get("/fi/opinnot/").status_code == 200


def test_unverified_account_cannot_sign_in(client):
    build_trainee(email="vahvistamaton@example.fi", password=PASSWORD, verified=False)
    response = client.post("/fi/tili/login/", {"login": "vahvistamaton@example.fi",
                                               "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302 and "confirm-email" in response["Location"]


def test_sign_in_and_out(client):
    build_trainee(email="kirjautuja@example.fi", password=PASSWORD)
    response = client.post("/fi/tili/login/", {"login": "kirjautuja@example.fi",
                                               "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/fi/opinnot/"
    assert client.get("/fi/tili/logout/").status_code == 200  # a confirmation, not a GET logout
    assert "_auth_user_id" in client.session
    client.post("/fi/tili/logout/")
    assert "_auth_user_id" not in client.session


def test_wrong_password_gives_a_message(client):
    build_trainee(email="kirjautuja@example.fi", password=PASSWORD)
    response = client.post("/fi/tili/login/", {"login": "kirjautuja@example.fi",
                                               "password": "väärä"})
    assert response.status_code == 200
    assert "Annettu sähköposti tai salasana ei ole oikein." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failed_sign_ins_are_rate_limited(client):
    build_trainee(email="kohde@example.fi", password=PASSWORD)
    for _attempt in range(5):
        client.post("/fi/tili/login/", {"login": "kohde@example.fi", "password": "väärä"})
    response = client.post("/fi/tili/login/", {"login": "kohde@example.fi",
                                               "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_password_reset(client):
    build_trainee(email="unohtaja@example.fi", password=PASSWORD)
    client.post("/fi/tili/password/reset/", {"email": "unohtaja@example.fi"})
    assert len(mail.outbox) == 1
    reset = client.get(link_in(mail.outbox[0]), follow=True)
    form_url = reset.redirect_chain[-1][0] if reset.redirect_chain else link_in(mail.outbox[0])
    new = "Uusi-salasana-2026"
    response = client.post(form_url, {"password1": new, "password2": new})
    assert response.status_code == 302
    assert get_user_model().objects.get(email="unohtaja@example.fi").check_password(new)


def test_password_reset_for_unknown_address_reveals_nothing(client):
    response = client.post("/fi/tili/password/reset/", {"email": "eiole@example.fi"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1  # allauth tells the address owner, not the requester
    assert "eiole@example.fi" in mail.outbox[0].to


def test_password_change(client):
    user = build_trainee(email="vaihtaja@example.fi", password=PASSWORD)
    client.force_login(user)
    new = "Toinen-salasana-2026"
    client.post("/fi/tili/password/change/", {"oldpassword": PASSWORD, "password1": new,
                                               "password2": new})
    user.refresh_from_db()
    assert user.check_password(new)


def test_staff_keep_the_wagtail_admin_sign_in(client):
    get_user_model().objects.create_superuser("toimittaja", "toimitus@example.fi", PASSWORD)
    response = client.post("/admin/login/", {"username": "toimittaja", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("language,text", [("fi", "Kirjaudu sisään"), ("sv", "Logga in"),
                                           ("en", "Sign In")])
def test_account_pages_in_three_languages_and_never_cached(client, language, text):
    response = client.get(f"/{language}/tili/login/")
    assert response.status_code == 200
    assert text in response.content.decode()
    assert "no-store" in response["Cache-Control"]
