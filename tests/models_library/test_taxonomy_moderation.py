"""Taxonomy terms are moderated like pages: drafts, revisions, the workflow; public = live."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from models_library.models import Region, TargetGroup
from tests.builders import build_model, term


def edit_url(region):
    return reverse("wagtailsnippets_models_library_region:edit", args=[region.pk])


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.fi", "salasana")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def form_data(region, name, action=None):
    data = {"name": name, "code": region.code, "kind": region.kind}
    if action:
        data[action] = "1"
    return data


@pytest.fixture
def editor(django_user_model):
    return member_of(django_user_model, "Editors", "toimittaja")


@pytest.fixture
def moderator(django_user_model):
    return member_of(django_user_model, "Moderators", "moderaattori")


@pytest.mark.django_db
def test_editors_change_is_a_draft_until_a_moderator_publishes_it(client, library, editor,
                                                                   moderator):
    region = term(Region, "varsinais-suomi")
    model = build_model(library, title="Alueellinen malli", regions=[region])
    client.force_login(editor)

    response = client.post(edit_url(region), form_data(region, "Muutettu nimi"))
    assert response.status_code == 302
    region.refresh_from_db()
    assert region.name == "Varsinais-Suomen hyvinvointialue"  # the live version is untouched
    assert region.has_unpublished_changes
    assert region.latest_revision.content["name"] == "Muutettu nimi"
    listing = client.get(reverse("wagtailsnippets_models_library_region:list"))
    assert listing.status_code == 200
    assert BeautifulSoup(listing.content, "html.parser").select("table tbody .w-status")

    # Publishing is not the editor's to do: the live name stays.
    client.post(edit_url(region), form_data(region, "Toinen nimi", "action-publish"))
    region.refresh_from_db()
    assert region.name == "Varsinais-Suomen hyvinvointialue"
    client.logout()
    page_text = BeautifulSoup(client.get(model.url).content, "html.parser").get_text(" ")
    assert "Varsinais-Suomen hyvinvointialue" in page_text and "nimi" not in page_text

    client.force_login(moderator)
    client.post(edit_url(region), form_data(region, "Muutettu nimi", "action-publish"))
    region.refresh_from_db()
    assert region.name == "Muutettu nimi" and not region.has_unpublished_changes
    assert region.revisions.count() >= 2
    client.logout()
    assert "Muutettu nimi" in BeautifulSoup(client.get(model.url).content,
                                            "html.parser").get_text(" ")


@pytest.mark.django_db
def test_an_editor_submits_a_term_change_to_the_moderators_workflow(client, editor):
    region = term(Region, "kainuu")
    assert region.get_workflow().name == "Moderators approval"
    client.force_login(editor)

    client.post(edit_url(region), form_data(region, "Kainuun alue", "action-submit"))

    region.refresh_from_db()
    state = region.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.current_task_state.task.name == "Moderators approval"
    assert region.name != "Kainuun alue"


@pytest.mark.django_db
def test_an_unpublished_term_stays_off_every_public_surface(client, library):
    draft_group = TargetGroup.objects.create(
        code="luonnosryhma", name="Luonnosryhmä", locale=term(TargetGroup, "tyottomat").locale,
        live=False)
    published = term(TargetGroup, "tyottomat")
    model = build_model(library, title="Malli", target_groups=[draft_group, published])

    page_text = BeautifulSoup(client.get(model.url).content, "html.parser").get_text(" ")
    assert published.name in page_text and "Luonnosryhmä" not in page_text

    api = client.get(f"/api/v2/pages/{model.pk}/").json()
    assert [item["code"] for item in api["target_groups"]] == ["tyottomat"]

    listing = client.get(library.url)
    assert "Luonnosryhmä" not in listing.content.decode()
    assert published.name in listing.content.decode()
    filtered = client.get(library.url, {"target_group": "luonnosryhma"})
    assert "Malli" in filtered.content.decode()  # an unknown filter value is ignored
    notice = BeautifulSoup(filtered.content, "html.parser").select_one(".notice[role=status]")
    assert "luonnosryhma" in notice.get_text()
