"""Pathway demo content: four pathways with branches, six extractable documents, from data."""

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model

from models_library.models import OperatingModelPage, PathwayIndexPage, ServicePathwayPage
from models_library.pathway_demo import load_data
from models_library.text_extraction import Status


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_pathways_are_published_with_branches_that_converge(demo, client):
    pathways = ServicePathwayPage.objects.live().filter(locale__language_code="fi")
    assert pathways.count() == len(load_data()["pathways"]) >= 4
    converging = 0
    for pathway in pathways:
        diagram = pathway.diagram()
        assert diagram.step_count >= 3
        converging += sum(1 for item in diagram.items
                          if item.kind == "branch" and item.converges and item.rejoins_at)
        assert client.get(pathway.url).status_code == 200
    assert converging >= 3
    index = PathwayIndexPage.objects.get(locale__language_code="fi")
    assert index.show_in_menus
    assert {page.locale.language_code for page in PathwayIndexPage.objects.all()} == {
        "fi", "sv", "en"}


def test_pathways_link_to_demo_operating_models(demo, client):
    team = OperatingModelPage.objects.get(slug="tyokyvyn-tuen-tiimi",
                                          locale__language_code="fi")
    content = client.get(team.url).content.decode()
    assert "Pitkäaikaistyöttömästä työhönvalmennukseen" in content


def test_demo_documents_are_generated_and_their_text_extracted(demo):
    documents = get_document_model().objects.filter(
        title__in=[spec["title"] for spec in load_data()["documents"].values()])
    assert documents.count() == 6
    assert {document.file_extension for document in documents} == {"pdf", "docx", "odt"}
    for document in documents:
        assert document.extraction_status == Status.EXTRACTED, document.title
        assert document.extracted_text
    checklist = documents.get(title="Tillbaka till arbetet – checklista för arbetsgivare")
    assert checklist.language == "sv"
    assert "företagshälsovården" in checklist.extracted_text
