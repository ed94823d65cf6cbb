"""Editors draft, moderators publish; required sections only block publishing."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from models_library.models import OperatingModelPage
from tests.builders import REQUIRED_SECTION_TEXT, build_model

INLINES = ("evaluation_criteria", "development_log", "attachments", "links")


def user_in(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username=username, password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def model_form(title, with_sections=True, **extra):
    blocks = []
    if with_sections:
        blocks = [(key, {"heading": "", "body": rich_text(f"<p>{text}</p>")})
                  for key, text in REQUIRED_SECTION_TEXT.items()]
    data = {
        "title": title, "slug": title.lower().replace(" ", "-"), "summary": "Tiivistelmä",
        "stage": "developing", "description": streamfield(blocks),
        "topics": "", "cover_image_alt": "", "implementation_place": "",
        "evaluation_notes": streamfield([]), "development_path_intro": "",
        "development_path": streamfield([]),
        **{name: inline_formset([]) for name in INLINES},
    }
    data = nested_form_data(data)
    data.update(extra)
    return data


def add_url(parent):
    return f"/admin/pages/add/models_library/operatingmodelpage/{parent.pk}/"


@pytest.mark.django_db
def test_editor_draft_without_sections_is_saved(client, django_user_model, library):
    client.force_login(user_in(django_user_model, "Editors", "editor"))
    response = client.post(add_url(library), model_form("Keskeneräinen", with_sections=False))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = OperatingModelPage.objects.get(title="Keskeneräinen")
    assert not page.live


@pytest.mark.django_db
def test_publishing_requires_the_sections(client, admin_client, library):
    form = model_form("Ilman osioita", with_sections=False, **{"action-publish": "1"})
    response = admin_client.post(add_url(library), form)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["description"])
    assert "Täytä nämä pakolliset osiot ennen julkaisua" in errors
    assert "Ratkaisun perusidea" in errors
    assert not OperatingModelPage.objects.filter(title="Ilman osioita").exists()


@pytest.mark.django_db
def test_editor_cannot_publish_without_moderation(client, django_user_model, library):
    client.force_login(user_in(django_user_model, "Editors", "editor"))
    client.post(add_url(library), model_form("Toimittajan malli", **{"action-publish": "1"}))
    page = OperatingModelPage.objects.filter(title="Toimittajan malli").first()
    assert page is None or not page.live

    client.post(add_url(library), model_form("Tarkastettava", **{"action-submit": "1"}))
    page = OperatingModelPage.objects.get(title="Tarkastettava")
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_moderator_can_publish(client, django_user_model, library):
    client.force_login(user_in(django_user_model, "Moderators", "moderator"))
    response = client.post(add_url(library), model_form("Moderoitu", **{"action-publish": "1"}))
    assert response.status_code == 302
    assert OperatingModelPage.objects.get(title="Moderoitu").live


@pytest.mark.django_db
def test_revisions_and_comparison(admin_client, library):
    page = build_model(library, title="Versioitu", summary="Vanha tiivistelmä")
    page.summary = "Uusi tiivistelmä"
    revision = page.save_revision()
    assert admin_client.get(f"/admin/pages/{page.pk}/history/").status_code == 200
    first = page.revisions.order_by("created_at").first()
    compare = admin_client.get(
        f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{revision.pk}/")
    assert compare.status_code == 200
    assert "Uusi" in compare.content.decode()


@pytest.mark.django_db
def test_scheduled_publishing(admin_client, client, library):
    page = build_model(library, title="Ajastettu", summary="Vanha tiivistelmä")
    tomorrow = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    form = model_form("Ajastettu", summary="Tuleva tiivistelmä", go_live_at=tomorrow,
                      **{"action-publish": "1"})
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", form)
    assert response.status_code == 302
    assert "Vanha tiivistelmä" in client.get(page.url).content.decode()
    revision = page.revisions.order_by("-created_at").first()
    assert revision.approved_go_live_at is not None
    call_command("publish_scheduled")  # nothing is due yet
    assert "Vanha tiivistelmä" in client.get(page.url).content.decode()
