"""The admin import view: upload or paste, preview without saving, then create drafts."""

import html
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from models_library.models import Funder, OperatingModelPage, ProgrammePage
from tests.models_library.importer_support import fixture_bytes, latest

pytestmark = pytest.mark.django_db

URL = "/admin/innokyla-tuonti/"


def make_user(django_user_model, name, *, page_permissions=(), permissions=(), parent=None,
              superuser=False):
    if superuser:
        return django_user_model.objects.create_superuser(name, f"{name}@example.fi", "salasana")
    user = django_user_model.objects.create_user(name, f"{name}@example.fi", "salasana")
    group = Group.objects.create(name=f"group-{name}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in permissions:
        group.permissions.add(Permission.objects.get(codename=codename))
    for codename in page_permissions:
        GroupPagePermission.objects.create(
            group=group, page=parent, permission=Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


@pytest.fixture
def admin_client(client, django_user_model, parent):
    from wagtail.users.models import UserProfile

    user = make_user(django_user_model, "paakayttaja", superuser=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the assertions below read the English messages
    profile.save()
    client.force_login(user)
    return client


def upload(name, data=None):
    return SimpleUploadedFile(name, fixture_bytes(name) if data is None else data,
                              content_type="text/plain")


def preview(client, parent, files=(), text="", source_url=""):
    return client.post(URL, {"action": "preview", "files": list(files), "text": text,
                             "source_url": source_url, "parent": str(parent.pk)})


def token_of(response):
    return response.context["token"]


def test_url_and_menu_item(admin_client):
    assert reverse("models_library_innokyla_import") == URL
    home = admin_client.get("/admin/")
    assert URL in home.content.decode()


def test_anonymous_user_is_sent_to_the_login(client, parent):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editor_without_page_permissions_is_refused(client, django_user_model, parent):
    client.force_login(make_user(django_user_model, "lukija"))

    response = client.get(URL)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert URL not in client.get("/admin/").content.decode()

    response = preview(client, parent, [upload("toimintamalli_kaikki_osiot.txt")])
    assert response.status_code == 302
    assert not OperatingModelPage.objects.exists()


def test_superuser_previews_two_files_without_saving_then_creates_drafts(admin_client, parent):
    pages_before = Page.objects.count()
    response = preview(admin_client, parent, [upload("toimintamalli_kaikki_osiot.txt"),
                                              upload("kokonaisuus_kaikki_osiot.txt")])

    assert response.status_code == 200
    content = response.content.decode()
    assert "Työkykyvalmentaja sote-keskuksessa" in content
    assert "Kainuu: Työkykyverkosto" in content
    for label in ("Toteutuspaikka", "Rahoittajat", "Hyvinvointialueet", "Kuvauksen osiot"):
        assert label in content
    assert "Pirkanmaan hyvinvointialue" in content
    assert "Toimintamallin kokonaisuus" in content  # kept as another section
    assert 'name="token"' in content
    assert Page.objects.count() == pages_before  # a preview saves nothing
    assert not Funder.objects.filter(code="kuntien-omarahoitus").exists()

    created = admin_client.post(URL, {"action": "create", "token": token_of(response)})

    assert created.status_code == 200
    model = OperatingModelPage.objects.get()
    programme = ProgrammePage.objects.get()
    assert not model.live and not programme.live
    assert model.get_parent().pk == parent.pk
    assert latest(model).owner.username == "paakayttaja"
    new_funder = Funder.objects.get(code="kuntien-omarahoitus")
    assert not new_funder.live  # a new term waits for a moderator, like the page
    assert new_funder.latest_revision.user.username == "paakayttaja"
    content = created.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[model.pk]) in content
    assert reverse("wagtailadmin_pages:edit", args=[programme.pk]) in content

    again = admin_client.post(URL, {"action": "create", "token": token_of(response)})
    assert again.status_code == 302  # the preview was used up: no duplicates
    assert OperatingModelPage.objects.count() == 1


def test_pasted_text_with_a_source_address(admin_client, parent):
    text = fixture_bytes("toimintamalli_kaikki_osiot.txt").decode("utf-8")
    url = "https://innokyla.fi/fi/toimintamalli/tyokykyvalmentaja"
    response = preview(admin_client, parent, text=text, source_url=url)
    assert response.status_code == 200
    admin_client.post(URL, {"action": "create", "token": token_of(response)})

    page = latest(OperatingModelPage.objects.get())
    assert page.source_url == url
    assert page.title == "Työkykyvalmentaja sote-keskuksessa"


@pytest.mark.parametrize(("name", "data", "message"), [
    ("tyhja.txt", b"", "The file is empty."),
    ("kuva.png", b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
    ("ei_innokyla.txt", None, "does not look like an Innokylä page"),
    ("vain_otsikko.txt", None, "only a title"),
    ("valtava.txt", b"a" * (5 * 1024 * 1024 + 1), "too large"),
])
def test_a_bad_file_gets_its_message_and_the_good_one_still_imports(admin_client, parent, name,
                                                                    data, message):
    response = preview(admin_client, parent, [upload(name, data),
                                              upload("kokonaisuus_kaikki_osiot.txt")])

    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert "Kainuu: Työkykyverkosto" in content
    admin_client.post(URL, {"action": "create", "token": token_of(response)})
    assert ProgrammePage.objects.count() == 1 and not OperatingModelPage.objects.exists()


def test_html_with_scripts_is_previewed_as_text(admin_client, parent):
    response = preview(admin_client, parent, [upload("toimintamalli_etakuntoutus.html")])

    content = response.content.decode()
    assert response.status_code == 200
    assert "Etäkuntoutus kotiin" in content
    assert "SKRIPTI" not in content and "trackVisitor" not in content


def test_empty_form_and_source_address_with_two_inputs_are_form_errors(admin_client, parent):
    response = preview(admin_client, parent)
    assert response.status_code == 200 and response.context["form"].errors

    response = preview(admin_client, parent, [upload("toimintamalli_kaikki_osiot.txt")],
                       text="Toimintamallin nimi\nToinen", source_url="https://innokyla.fi/x")
    assert "source_url" in response.context["form"].errors
    assert Page.objects.filter(depth__gt=3).count() == 0


def test_editor_with_add_permission_imports_and_new_funders_follow_snippet_rights(
    client, django_user_model, parent
):
    editor = make_user(django_user_model, "toimittaja", parent=parent,
                       page_permissions=["add_page", "change_page"])
    client.force_login(editor)

    response = preview(client, parent, [upload("toimintamalli_kaikki_osiot.txt")])
    assert response.status_code == 200
    client.post(URL, {"action": "create", "token": token_of(response)})

    page = latest(OperatingModelPage.objects.get())
    assert not page.live
    # Without the right to add funder snippets, unknown funders stay as text on the page.
    assert not Funder.objects.filter(code="kuntien-omarahoitus").exists()
    rahoittaja = next(block for block in page.description if block.value["heading"] == "Rahoittaja")
    assert "Kuntien omarahoitus" in rahoittaja.value["body"].source


def test_preview_expired_token_is_a_message_not_an_error(admin_client, parent):
    response = admin_client.post(URL, {"action": "create", "token": "vanha"})

    assert response.status_code == 302 and response["Location"] == URL


def test_the_admin_speaks_the_editors_language(client, django_user_model, parent):
    client.force_login(make_user(django_user_model, "toimittaja", superuser=True))
    response = preview(client, parent, [upload("tyhja.txt", b"")])
    assert "Tiedosto on tyhjä." in response.content.decode()


def test_preview_is_a_short_lived_record_not_session_data(admin_client, parent):
    from models_library.models import ImportPreview

    response = preview(admin_client, parent, [upload("toimintamalli_kaikki_osiot.txt")])
    token = token_of(response)

    stored = ImportPreview.objects.get()
    assert stored.token == token and len(token) >= 40  # unguessable, not a counter
    assert stored.parent_id == parent.pk
    assert [name for name, _text in stored.inputs] == ["toimintamalli_kaikki_osiot.txt"]
    assert all(token not in str(value) for value in admin_client.session.values())
    # A new preview replaces the editor's earlier one.
    second = token_of(preview(admin_client, parent, [upload("kokonaisuus_kaikki_osiot.txt")]))
    assert list(ImportPreview.objects.values_list("token", flat=True)) == [second]


def test_double_submit_imports_once_and_uses_up_the_preview(admin_client, parent):
    from models_library.models import ImportPreview

    token = token_of(preview(admin_client, parent, [upload("toimintamalli_kaikki_osiot.txt")]))
    first = admin_client.post(URL, {"action": "create", "token": token})
    second = admin_client.post(URL, {"action": "create", "token": token}, follow=True)

    assert first.status_code == 200
    assert OperatingModelPage.objects.count() == 1
    assert "The preview has expired or was already imported" in second.content.decode()
    assert not ImportPreview.objects.exists()


def test_consuming_a_preview_runs_the_import_once(django_user_model):
    from models_library.models import ImportPreview

    user = django_user_model.objects.create_user("kayttaja", "k@example.fi", "salasana")
    stored = ImportPreview.replace_for(user, parent=Page.objects.get(depth=1),
                                       inputs=[["a.txt", "teksti"]])
    calls = []

    def use(preview):
        calls.append(preview.inputs)
        return "imported"

    assert ImportPreview.consume(stored.token, user, use) == "imported"
    assert ImportPreview.consume(stored.token, user, use) is None
    assert calls == [[["a.txt", "teksti"]]]


def test_a_failed_import_keeps_the_preview_for_another_try(django_user_model):
    from models_library.models import ImportPreview

    user = django_user_model.objects.create_user("kayttaja", "k@example.fi", "salasana")
    stored = ImportPreview.replace_for(user, parent=Page.objects.get(depth=1), inputs=[])

    def broken(_preview):
        raise RuntimeError("tietokanta katkesi")

    with pytest.raises(RuntimeError):
        ImportPreview.consume(stored.token, user, broken)
    assert ImportPreview.objects.filter(pk=stored.pk).exists()


def test_another_users_token_imports_nothing(client, admin_client, django_user_model, parent):
    token = token_of(preview(admin_client, parent, [upload("toimintamalli_kaikki_osiot.txt")]))
    other = make_user(django_user_model, "toinen", parent=parent,
                      page_permissions=["add_page", "change_page"])
    client.force_login(other)

    response = client.post(URL, {"action": "create", "token": token})

    assert response.status_code == 302
    assert not OperatingModelPage.objects.exists()


def test_an_expired_preview_imports_nothing_and_is_purged(admin_client, parent):
    from datetime import timedelta

    from django.core.management import call_command

    from models_library.models import ImportPreview
    from models_library.models.import_preview import PREVIEW_LIFETIME

    token = token_of(preview(admin_client, parent, [upload("toimintamalli_kaikki_osiot.txt")]))
    stored = ImportPreview.objects.get(token=token)
    ImportPreview.objects.filter(pk=stored.pk).update(
        created_at=stored.created_at - PREVIEW_LIFETIME - timedelta(minutes=1))

    response = admin_client.post(URL, {"action": "create", "token": token}, follow=True)
    assert "The preview has expired or was already imported" in response.content.decode()
    assert not OperatingModelPage.objects.exists()

    fresh = token_of(preview(admin_client, parent, [upload("kokonaisuus_kaikki_osiot.txt")]))
    assert list(ImportPreview.objects.values_list("token", flat=True)) == [fresh]
    ImportPreview.objects.update(created_at=stored.created_at - PREVIEW_LIFETIME * 2)
    out = io.StringIO()
    call_command("purge_import_previews", stdout=out)
    assert "Deleted 1 expired" in out.getvalue()
    assert not ImportPreview.objects.exists()


@pytest.mark.parametrize("language, expected, english", [
    ("fi", ["Kentällä ”Toimintamallin kokonaisuus” ei ole arvoa.",
            "Sivu näyttää katkenneen: viimeinen osio loppuu kesken lauseen."],
     "Label 'Toimintamallin kokonaisuus' has no value."),
    ("sv", ["Fältet ”Toimintamallin kokonaisuus” har inget värde.",
            "Sidan verkar vara avbruten: det sista avsnittet slutar mitt i en mening."],
     "Label 'Toimintamallin kokonaisuus' has no value."),
])
def test_the_preview_shows_the_parsers_warnings_in_the_editors_language(
        client, django_user_model, parent, language, expected, english):
    from wagtail.users.models import UserProfile

    user = make_user(django_user_model, f"toimittaja-{language}", superuser=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)

    response = preview(client, parent, [upload("toimintamalli_vanha_katkennut.txt")])

    page = response.content.decode()
    for warning in expected:
        assert html.escape(warning) in page or warning in page
    assert english not in page and html.escape(english) not in page
    assert "seems to be cut off" not in page


def test_a_development_path_is_previewed_and_imported_onto_its_model(admin_client, parent):
    from tests.models_library.importer_support import FIXTURES

    tabs = FIXTURES / "valilehdet"
    base = "https://innokyla.fi/fi/toimintamalli/tyokykyohjaamo-kirjastossa"
    response = preview(admin_client, parent, [upload("kuvaus.txt", (tabs / "kuvaus_ohjaamo.txt")
                                                     .read_bytes())], source_url=base)
    admin_client.post(URL, {"action": "create", "token": token_of(response)})
    model = OperatingModelPage.objects.get()

    response = preview(admin_client, parent, [upload("polku.txt", (tabs / "polku_ohjaamo.txt")
                                                     .read_bytes())],
                       source_url=f"{base}/kehittamisen-polku")
    page = response.content.decode()
    assert "updates the existing page with a new revision" in page
    assert "Tab: <strong>development path</strong>" in page
    assert "Lines in other sections: <strong>1</strong>" in page
    assert list(latest(model).development_path) == []  # a preview saves nothing

    result = admin_client.post(URL, {"action": "create", "token": token_of(response)})
    page = result.content.decode()
    assert "Updated with a new draft revision" in page
    assert "<td>development path</td>" in page and "<td>1</td>" in page
    assert [block.value["heading"] for block in latest(model).development_path][:2] == [
        "Toimintaympäristö", "Lähtötilanne ja strategiset liittymäkohdat"]
    assert OperatingModelPage.objects.count() == 1


def test_a_news_item_is_refused_by_name_in_the_preview(admin_client, parent):
    from tests.models_library.importer_support import FIXTURES

    news = (FIXTURES / "valilehdet" / "uutinen.txt").read_bytes()
    response = preview(admin_client, parent, [upload("uutinen.txt", news)])

    page = html.unescape(response.content.decode())
    assert "This looks like a news item, not an operating model or a programme" in page
    assert not response.context["can_create"]
    assert OperatingModelPage.objects.count() == 0
