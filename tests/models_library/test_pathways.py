"""Service pathways: the step diagram with branches and convergence, links, validation."""

import re

import pytest
from wagtail.blocks import StreamBlockValidationError
from wagtail.models import PageViewRestriction

from models_library.blocks import PathwayStepsBlock
from models_library.models import Region, ServicePathwayPage, TargetGroup
from tests.builders import (
    branch,
    build_document,
    build_model,
    build_pathway,
    step,
    step_value,
    term,
)


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def branching(catalogue, library):
    model = build_model(library, title="Työkykytiimi")
    pathway = build_pathway(
        catalogue, title="Työkyvyn arvioinnin polku",
        target_groups=[term(TargetGroup, "osatyokykyiset")],
        regions=[term(Region, "pohjois-savo")],
        steps=[
            step("Ohjaus työkykytiimiin", "Työllisyyspalvelut", "municipal_employment",
                 models=[model], service="Työkyvyn tuen ohjaus",
                 entry_criteria="Työtön työnhakija, jonka työkyky on heikentynyt.",
                 client_gets="Yhteyshenkilön ja ajan alkuarvioon.", duration="2 viikkoa"),
            step("Työkyvyn arviointi", "Sote-keskus", "wellbeing_county",
                 ptv={"service_class": "P10.3 Työllistymistä tukevat palvelut",
                      "keywords": "työkyky, kuntoutus",
                      "suomifi_url": "https://www.suomi.fi/palvelut/esimerkki"}),
            branch("Onko asiakas työkykyinen?",
                   ("Työkykyinen", [step_value("Työhönvalmennus", "Järjestö", "ngo")],
                    "rejoin"),
                   ("Tarvitsee kuntoutusta",
                    [step_value("Ammatillinen kuntoutus", "Kela", "kela"),
                     step_value("Työkokeilu", "Työnantaja", "employer")], "rejoin"),
                   ("Eläkeselvitys", [step_value("Eläkeselvitys", "Kela", "kela")], "end")),
            step("Tuettu työllistyminen", "Työllisyyspalvelut", "municipal_employment"),
        ],
    )
    return pathway, model


@pytest.mark.django_db
def test_diagram_shows_steps_branches_and_convergence(client, branching):
    pathway, model = branching
    html = client.get(pathway.url).content.decode()
    text = text_of(html)
    assert 'id="step-1"' in html and "Ohjaus työkykytiimiin" in text
    # The three branches are visible as branches, each with its own steps and outcome.
    assert html.count('class="pathway__branch"') == 3
    assert "Onko asiakas työkykyinen?" in text
    for label in ("Työkykyinen", "Tarvitsee kuntoutusta", "Eläkeselvitys"):
        assert label in text
    # Two branches converge at main step 3; the third ends the pathway.
    assert text.count("Tuettu työllistyminen") >= 3  # the step plus two "continues at" notes
    assert html.count('class="pathway__merge"') == 1
    # Step facts, PTV data and the link to the operating model.
    assert "Yhteyshenkilön ja ajan alkuarvioon." in text
    assert "P10.3 Työllistymistä tukevat palvelut" in text
    assert "https://www.suomi.fi/palvelut/esimerkki" in html
    assert f'href="{model.url}"' in html
    # The diagram is one ordered list; decorative drawings are hidden from screen readers.
    assert '<ol class="pathway__flow">' in html
    assert all('aria-hidden="true"' in svg for svg in re.findall(r"<svg[^>]*>", html))


@pytest.mark.django_db
def test_diagram_numbers_and_outcomes(branching):
    pathway, _model = branching
    diagram = ServicePathwayPage.objects.get(pk=pathway.pk).diagram()
    main = [item for item in diagram.items if item.kind == "step"]
    assert [s.number for s in main] == ["1", "2", "3"]
    point = diagram.items[2]
    assert [b.letter for b in point.branches] == ["A", "B", "C"]
    assert [s.number for s in point.branches[1].steps] == ["B1", "B2"]
    assert point.branches[0].rejoins_at.title == "Tuettu työllistyminen"
    assert point.branches[2].ends and point.branches[2].rejoins_at is None
    assert diagram.step_count == 7


@pytest.mark.django_db
def test_derived_fields_follow_the_steps(branching):
    pathway, model = branching
    pathway = ServicePathwayPage.objects.get(pk=pathway.pk)
    assert set(pathway.organisation_types_list) == {
        "municipal_employment", "wellbeing_county", "ngo", "kela", "employer"}
    assert pathway.step_count == 7
    assert list(pathway.operating_models.all()) == [model]


@pytest.mark.django_db
def test_operating_model_lists_pathways_that_use_it(client, branching, catalogue):
    pathway, model = branching
    hidden = build_pathway(catalogue, title="Salainen polku",
                           steps=[step("Vaihe", models=[model])])
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    build_pathway(catalogue, title="Luonnospolku", steps=[step("Vaihe", models=[model])],
                  live=False)
    content = client.get(model.url).content.decode()
    assert "Työkyvyn arvioinnin polku" in content
    assert pathway.url in content
    assert "Salainen polku" not in content and "Luonnospolku" not in content


@pytest.mark.django_db
def test_empty_pathway_says_so(client, catalogue):
    pathway = build_pathway(catalogue, title="Tyhjä polku", steps=[])
    content = client.get(pathway.url).content.decode()
    assert client.get(pathway.url).status_code == 200
    assert "pathway__flow" not in content
    assert "notice--info" in content


@pytest.mark.django_db
def test_links_to_unpublished_or_deleted_pages_and_documents_are_left_out(
        client, catalogue, library):
    draft_model = build_model(library, title="Piilomalli", live=False)
    gone_model = build_model(library, title="Poistuva malli")
    document = build_document(title="Poistuva ohje")
    pathway = build_pathway(catalogue, title="Polku", steps=[
        step("Ensimmäinen", models=[draft_model, gone_model], documents=[document])])
    gone_model.delete()
    document.delete()
    response = client.get(pathway.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Ensimmäinen" in content
    assert "Piilomalli" not in content and "Poistuva malli" not in content
    assert "Poistuva ohje" not in content


def test_branches_that_rejoin_need_a_step_after_them():
    block = PathwayStepsBlock()
    value = block.to_python([
        {"type": "step", "value": step_value("Alku")},
        {"type": "branch", "value": {"question": "Kumpi?", "branches": [
            {"label": "Yksi", "steps": [step_value("A")], "outcome": "rejoin"},
            {"label": "Kaksi", "steps": [step_value("B")], "outcome": "end"}]}},
    ])
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(value)
    assert 1 in error.value.block_errors


def test_branch_names_must_differ_and_two_branches_are_needed():
    block = PathwayStepsBlock()
    same = block.to_python([
        {"type": "branch", "value": {"question": "Kumpi?", "branches": [
            {"label": "Sama", "steps": [], "outcome": "end"},
            {"label": "sama", "steps": [], "outcome": "end"}]}},
    ])
    with pytest.raises(StreamBlockValidationError):
        block.clean(same)
    single = block.to_python([
        {"type": "branch", "value": {"question": "Kumpi?", "branches": [
            {"label": "Ainoa", "steps": [], "outcome": "end"}]}},
    ])
    with pytest.raises(StreamBlockValidationError):
        block.clean(single)


def test_suomifi_link_must_point_to_suomi_fi():
    block = PathwayStepsBlock()
    value = block.to_python([{"type": "step", "value": step_value(
        "Vaihe", ptv={"suomifi_url": "https://example.com/palvelu"})}])
    with pytest.raises(StreamBlockValidationError):
        block.clean(value)


@pytest.mark.django_db
def test_editors_get_the_step_editor_in_the_admin(client, django_user_model, branching,
                                                  catalogue):
    pathway, _model = branching
    user = django_user_model.objects.create_superuser("toimittaja", "toimittaja@example.fi",
                                                      "salasana-123")
    client.force_login(user)
    edit = client.get(f"/admin/pages/{pathway.pk}/edit/")
    assert edit.status_code == 200
    content = edit.content.decode()
    # The stream editor knows both block types; the derived fields are not editable.
    assert "Haarautumiskohta" in content and "Ratkaisukohta" in content
    assert 'name="organisation_types"' not in content
    add = client.get(
        f"/admin/pages/add/models_library/servicepathwaypage/{catalogue.pk}/")
    assert add.status_code == 200
