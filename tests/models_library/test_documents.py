"""Documents: text extracted on upload, safe uploads and downloads, private stays private."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from models_library.text_extraction import Status
from tests.builders import build_document, build_pathway, step
from tests.models_library import files

Document = get_document_model()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("toimittaja", "toimittaja@example.fi",
                                                      "salasana-123")
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(("make", "filename"), [
    (files.pdf, "ohje.pdf"), (files.docx, "ohje.docx"), (files.odt, "ohje.odt"),
])
def test_text_is_extracted_and_stored_on_save(django_capture_on_commit_callbacks, make,
                                              filename):
    with django_capture_on_commit_callbacks(execute=True):
        document = build_document(title="Ohje", filename=filename, data=make())
    document.refresh_from_db()
    assert document.extraction_status == Status.EXTRACTED
    assert "Työkykykoordinaattori ohjaa asiakkaan palvelupolulle." in document.extracted_text
    assert document.language == "fi"
    assert document.extracted_from == document.file.name


@pytest.mark.django_db
def test_document_text_is_searchable(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        build_document(title="Liite", filename="liite.docx", data=files.docx(
            paragraphs=["Sanaa harvinaisuusmittari ei ole otsikossa."]))
    results = Document.objects.search("harvinaisuusmittari")
    assert [document.title for document in results] == ["Liite"]


@pytest.mark.django_db
def test_encrypted_pdf_is_stored_with_a_status(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = build_document(title="Lukittu", filename="lukittu.pdf",
                                  data=files.encrypted_pdf())
    document.refresh_from_db()
    assert document.extraction_status == Status.ENCRYPTED
    assert document.extracted_text == ""
    assert document.text_not_extracted


@pytest.mark.django_db
def test_command_re_extracts_all(django_capture_on_commit_callbacks):
    document = build_document(title="Vanha", filename="vanha.pdf", data=files.pdf())
    assert Document.objects.get(pk=document.pk).extraction_status == Status.PENDING
    call_command("extract_document_text", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Document.objects.get(pk=document.pk).extraction_status == Status.EXTRACTED


@pytest.mark.django_db
def test_admin_upload_extracts_text_and_warns_about_unreadable_files(
        admin_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtaildocs:add"), {
            "title": "Skannattu", "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("skannattu.pdf", files.image_only_pdf()),
        }, follow=True)
    assert response.status_code == 200
    document = Document.objects.get(title="Skannattu")
    assert document.extraction_status == Status.NO_TEXT
    edit_page = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk])).content
    # The admin speaks Finnish to this editor.
    assert "Nykyisen tiedoston tekstiä ei saatu poimittua" in edit_page.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data", "message"), [
    ("ohjelma.pdf", b"MZ\x90\x00windows program", "Ohjelmia ja skriptejä ei voi ladata"),
    ("sivu.txt", b"<html><script>alert(1)</script></html>", "HTML-, SVG- tai skriptikoodia"),
    ("kuva.pdf", b"GIF89a not a pdf", "sisältö ei vastaa sen nimeä"),
])
def test_admin_refuses_dangerous_uploads_and_stores_nothing(admin_client, name, data,
                                                            message):
    response = admin_client.post(reverse("wagtaildocs:add"), {
        "title": "Vaarallinen", "collection": Collection.get_first_root_node().pk,
        "file": SimpleUploadedFile(name, data),
    })
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.filter(title="Vaarallinen").exists()


@pytest.mark.django_db
def test_admin_refuses_files_over_the_size_limit(admin_client, settings):
    settings.PORTAL_DOCUMENT_MAX_BYTES = 100
    response = admin_client.post(reverse("wagtaildocs:add"), {
        "title": "Iso", "collection": Collection.get_first_root_node().pk,
        "file": SimpleUploadedFile("iso.txt", b"tekstia " * 50),
    })
    assert "Tiedosto on liian suuri" in response.content.decode()
    assert not Document.objects.filter(title="Iso").exists()


@pytest.mark.django_db
def test_download_is_an_attachment_with_a_safe_type(client):
    document = build_document(title="Lataus", filename="lataus.pdf", data=files.pdf())
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")


@pytest.fixture
def private_collection(db):
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Sisäiset")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


@pytest.mark.django_db
def test_document_page_shows_facts_and_where_it_is_used(client, catalogue,
                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = build_document(title="Palvelukuvaus", filename="kuvaus.odt",
                                  data=files.odt(), description="Kuvaus palvelusta.")
    pathway = build_pathway(catalogue, title="Käyttävä polku",
                            steps=[step("Vaihe", documents=[document])])
    response = client.get(f"{catalogue.url}asiakirjat/{document.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    for text in ("Palvelukuvaus", "Kuvaus palvelusta.", "OpenDocument (ODT)", pathway.url,
                 document.url):
        assert text in content


@pytest.mark.django_db
def test_private_documents_stay_private(client, catalogue, private_collection,
                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        secret = build_document(title="Sisäinen muistio", filename="muistio.docx",
                                data=files.docx(paragraphs=["Salainensana sisällä."]),
                                collection=private_collection)
    pathway = build_pathway(catalogue, title="Polku", steps=[step("Vaihe", documents=[secret])])
    assert client.get(f"{catalogue.url}asiakirjat/{secret.pk}/").status_code == 404
    assert "Sisäinen muistio" not in client.get(pathway.url).content.decode()
    assert "Sisäinen muistio" not in client.get(catalogue.url).content.decode()
    download = client.get(secret.url)
    assert download.status_code in (302, 403)
    assert b"Salainensana" not in download.content
    assert not Document.objects.public().filter(pk=secret.pk).exists()
    assert f"asiakirjat/{secret.pk}/" not in client.get("/sitemap.xml").content.decode()
