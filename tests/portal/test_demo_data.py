"""Demo content is data: every app's files load, and a broken file is refused clearly."""

import pytest
import yaml
from django.core.management import CommandError, call_command
from wagtail.models import Page

from models_library import demo as library_demo
from models_library import pathway_demo
from portal import demo as portal_demo
from portal.demo_utils import DemoDataError, load_data
from training import demo as training_demo


def test_every_demo_data_file_loads():
    site = portal_demo.site_data()
    assert site["home"]["fi"]["title"] == "Työkykyportaali"
    library = library_demo.load_library_data(library_demo.DATA)
    assert [spec["key"] for spec in library["models"]][:2] == ["tiimi", "tiimi-kymenlaakso"]
    assert pathway_demo.load_data()["pathways"]
    assert training_demo.load("courses.yaml")["courses"]


def test_invalid_yaml_is_refused_with_the_file_and_line(tmp_path):
    path = tmp_path / "demo_site.yaml"
    path.write_text("home:\n  fi:\n    title: [Työkykyportaali\n", encoding="utf-8")
    with pytest.raises(DemoDataError) as refused:
        load_data(path)
    message = str(refused.value)
    assert message.startswith(f"{path}, line ")
    assert "not valid YAML" in message


def test_invalid_json_is_refused_with_the_file_and_line(tmp_path):
    path = tmp_path / "demo_pathways.json"
    path.write_text('{"pathways": [\n  {"slug": "a",}\n]}', encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"demo_pathways\.json, line 2: not valid JSON"):
        load_data(path)


def test_a_file_without_a_mapping_at_the_top_is_refused(tmp_path):
    path = tmp_path / "demo_site.yaml"
    path.write_text("- home\n- about\n", encoding="utf-8")
    with pytest.raises(DemoDataError, match="must hold a mapping of names to content, not list"):
        load_data(path)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(DemoDataError, match="cannot be read"):
        load_data(tmp_path / "absent.yaml")


def _library_copy(tmp_path, change):
    data = yaml.safe_load(library_demo.DATA.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "demo_library.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(("change", "expected"), [
    (lambda data: data["models"][1].update(stage="valmis"),
     "models[1] (tiimi-kymenlaakso).stage: 'valmis' is not one of"),
    (lambda data: data["models"][0].pop("slug"), "models[0]: missing slug"),
    (lambda data: data["models"][1]["evaluation"][0].update(rating="blue"),
     "models[1] (tiimi-kymenlaakso).evaluation[0].rating: 'blue' is not one of green, "
     "yellow, red"),
    (lambda data: data["models"][1].update(variant_of="tiimi-typo"),
     "models[1] (tiimi-kymenlaakso): a reference to an entry above: 'tiimi-typo'"),
    (lambda data: data["front_door"]["featured"].append("nowhere"),
     "front_door.featured: 'nowhere' is not one of"),
])
def test_library_data_with_a_wrong_entry_is_refused_where_it_is_wrong(tmp_path, change,
                                                                     expected):
    path = _library_copy(tmp_path, change)
    with pytest.raises(DemoDataError) as refused:
        library_demo.load_library_data(path)
    assert str(refused.value).startswith(f"{path}: ")
    assert expected in str(refused.value)


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "expected"), [
    ("site_name: Portaali\nhome: {slug: koti\n", "line 3, column 1: not valid YAML"),
    (portal_demo.DATA.read_text(encoding="utf-8").replace("- paragraph: <p>Hyvinvointi",
                                                          "- paragrahp: <p>Hyvinvointi"),
     "home.fi.body[1]: 'paragrahp' is not one of"),
])
def test_the_demo_command_refuses_a_broken_file_and_writes_nothing(tmp_path, monkeypatch,
                                                                   text, expected):
    path = tmp_path / "demo_site.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(portal_demo, "DATA", path)
    pages = list(Page.objects.values_list("pk", "title"))
    with pytest.raises(CommandError) as refused:
        call_command("load_demo_content")
    assert str(refused.value).startswith(f"The demo data cannot be used: {path}")
    assert expected in str(refused.value)
    assert list(Page.objects.values_list("pk", "title")) == pages
