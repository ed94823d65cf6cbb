"""The library demo: programmes, models, variants and media, built the same way every time."""

import json
import re

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from models_library.blocks import REQUIRED_SECTIONS
from models_library.models import (
    DevelopmentLogEntry,
    EvaluationCriterion,
    LibraryIndexPage,
    OperatingModelAttachment,
    OperatingModelPage,
    ProgrammeAttachment,
    ProgrammePage,
)

EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


@pytest.fixture
def demo(db):
    call_command("load_demo_content")


def finnish(model):
    return model.objects.filter(locale__language_code="fi")


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "criteria": EvaluationCriterion.objects.count(),
        "log": DevelopmentLogEntry.objects.count(),
        "attachments": OperatingModelAttachment.objects.count()
        + ProgrammeAttachment.objects.count(),
        "live": sorted(Page.objects.filter(live=True).values_list("url_path", flat=True)),
    }


@pytest.mark.django_db
def test_running_twice_changes_nothing(capsys):
    call_command("load_demo_content")
    first = counts()
    call_command("load_demo_content")
    assert counts() == first


def test_index_and_programme_hierarchy(demo, client):
    index = finnish(LibraryIndexPage).get()
    assert index.slug == "toimintamallit" and index.live and index.show_in_menus
    assert index.get_parent().specific_class.__name__ == "HomePage"
    slugs = {page.locale.language_code: page.slug for page in index.get_translations()}
    assert slugs == {"sv": "verksamhetsmodeller", "en": "operating-models"}

    programmes = finnish(ProgrammePage).live()
    national = programmes.get(slug="tyokykyohjelma")
    assert programmes.child_of(national).count() >= 3
    for programme in programmes:
        assert programme.partners and programme.start_date and programme.end_date
        assert programme.regions.exists() and programme.funders.exists()
        assert programme.links.exists(), programme.title
        assert programme.contact_email.endswith("@example.fi")
    assert {funder.code for funder in national.funders.all()} == {"stm", "tem"}
    assert national.attachments.exists()
    for page in (index, national, programmes.child_of(national).first()):
        assert client.get(page.url).status_code == 200, page.url


def test_operating_models_are_complete(demo):
    models = finnish(OperatingModelPage).live()
    assert models.count() >= 12
    assert {model.stage for model in models} == {"developing", "ready", "evaluated"}
    for model in models:
        assert model.missing_required_sections() == [], model.title
        assert model.programme is not None and model.programme.live
        assert model.regions.exists() and model.funders.exists(), model.title
        assert model.target_groups.exists() and model.topics.exists(), model.title
        assert model.source_created and model.source_modified and model.authors
        assert model.cover_image is not None and model.cover_image_alt.strip()
        assert (model.cover_image.width, model.cover_image.height) == (1200, 675)
    assert any(model.funders.count() > 1 for model in models)
    assert any(
        block.block_type == "other" and block.value["heading"]
        for model in models for block in model.description
    )


def test_regional_variants_can_be_compared(demo, client):
    root = finnish(OperatingModelPage).get(slug="tyokyvyn-tuen-tiimi")
    variants = list(root.variants.filter(locale=root.locale).live())
    assert len(variants) >= 3
    group = [root, *variants]
    assert len({tuple(sorted(r.code for r in page.regions.all())) for page in group}) == len(group)
    keys = {tuple(block.block_type for block in page.description) for page in group}
    assert len(keys) == 1
    assert set(REQUIRED_SECTIONS) <= set(next(iter(keys)))
    assert len({str(page.description[0].value["body"]) for page in group}) == len(group)

    index = finnish(LibraryIndexPage).get()
    query = "&".join(f"m={page.pk}" for page in group[:3])
    response = client.get(f"{index.url}vertaa/?{query}")
    assert response.status_code == 200
    for page in group[:3]:
        assert page.title in response.content.decode()


def test_evaluations_logs_attachments_and_addresses(demo):
    models = finnish(OperatingModelPage)
    assert len([m for m in models if m.evaluation_criteria.exists()]) >= 3
    assert len([m for m in models if m.development_log.exists()]) >= 3
    assert set(EvaluationCriterion.objects.values_list("rating", flat=True)) == {
        "green", "yellow", "red"
    }
    assert set(DevelopmentLogEntry.objects.values_list("phase", flat=True)) == {
        "understand", "imagine_and_try", "describe_and_share"
    }
    assert models.filter(attachments__isnull=False).distinct().count() >= 2
    document = OperatingModelAttachment.objects.first().document
    with document.open_file() as handle:
        content = handle.read()
    assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")

    pages = Page.objects.type(OperatingModelPage, ProgrammePage, LibraryIndexPage)
    texts = [json.dumps(page.get_latest_revision().content, ensure_ascii=False) for page in pages]
    domains = {match.group(1) for text in texts + [content.decode("latin-1")]
               for match in EMAIL.finditer(text)}
    assert domains == {"example.fi"}


def test_swedish_and_english_models(demo, client):
    fi = finnish(OperatingModelPage).first().locale
    for language in ("sv", "en"):
        translations = OperatingModelPage.objects.filter(locale__language_code=language).live()
        assert translations.count() >= 3, language
        for page in translations:
            original = page.get_translation(fi).specific
            assert page.title != original.title and page.slug != original.slug
            assert page.missing_required_sections() == []
            assert page.description[0].value["body"].source != (
                original.description[0].value["body"].source
            )
            assert page.programme.locale_id == page.locale_id
            assert page.variant_of is None or page.variant_of.locale_id == page.locale_id
            assert page.cover_image_alt and page.cover_image_alt != original.cover_image_alt
            notes = {criterion.note for criterion in original.evaluation_criteria.all()}
            assert not notes & {c.note for c in page.evaluation_criteria.all()}
        assert client.get(translations.first().url).status_code == 200
