"""The data migrations are frozen: a fresh `migrate` must not depend on live app code.

pytest-django builds every test database with a fresh `migrate` (on SQLite and on
PostgreSQL in scripts/run-tests.sh), so the rows checked here come from the
migrations themselves.
"""

import ast
import importlib
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from wagtail.models import GroupPagePermission

from models_library.models import Funder, Municipality, Phenomenon, Region, TargetGroup
from models_library.models.taxonomy import translation_key_for

PROJECT_PACKAGES = {"portal", "models_library", "training", "tests"}
MIGRATION_FILES = sorted(
    path
    for package in ("portal", "models_library", "training")
    for path in (Path(__file__).resolve().parents[2] / package / "migrations").glob("0*.py")
)


def _imported_modules(path):
    modules = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.append(node.module)
    return modules


@pytest.mark.parametrize("path", MIGRATION_FILES, ids=lambda path: path.name)
def test_migration_imports_no_application_code(path):
    # Wagtail's generated StreamField definitions name the app's block classes
    # (`<app>.blocks`) by design. A schema migration may name the callables of its own
    # app's model fields (upload_to, storage, default), as Django writes them; a data
    # migration (RunPython) may import no application code at all.
    app = path.parents[1].name
    project_imports = [module for module in _imported_modules(path)
                       if module.split(".")[0] in PROJECT_PACKAGES
                       and not module.endswith(".blocks")]
    if "RunPython" in path.read_text(encoding="utf-8"):
        assert project_imports == []
    else:
        assert all(module.startswith(f"{app}.models") for module in project_imports)


@pytest.fixture
def live_code_unavailable(monkeypatch):
    """Make the application's loaders unimportable, as a later refactoring might."""
    for name in ("models_library.taxonomy_data", "models_library.permissions",
                 "models_library.demo"):
        monkeypatch.setitem(sys.modules, name, None)  # `import` now raises ImportError


def _run_forward(migration_name):
    # The models as the database has them now (later migrations added columns with
    # defaults), so the frozen function can be replayed on the test database.
    state = MigrationLoader(connection).project_state()
    module = importlib.import_module(f"models_library.migrations.{migration_name}")
    for operation in module.Migration.operations:
        operation.code(state.apps, connection.schema_editor())


@pytest.mark.django_db
def test_reference_taxonomy_migration_runs_without_live_code(live_code_unavailable):
    Municipality.objects.all().delete()
    Region.objects.all().delete()
    Funder.objects.filter(code="esr").update(name="renamed")
    _run_forward("0002_reference_taxonomy")
    assert Municipality.objects.filter(locale__language_code="fi").count() == 293
    assert Funder.objects.get(code="esr", locale__language_code="en").name == (
        "European Social Fund (ESF)")
    helsinki = Region.objects.get(code="helsinki", locale__language_code="sv")
    assert helsinki.name == "Helsingfors stad"
    assert helsinki.translation_key == translation_key_for("region", "helsinki")


@pytest.mark.django_db
def test_editorial_groups_migration_runs_without_live_code(live_code_unavailable):
    Group.objects.filter(name__in=["Editors", "Moderators", "Trainers"]).delete()
    _run_forward("0003_editorial_groups")
    moderators = Group.objects.get(name="Moderators")
    assert set(
        GroupPagePermission.objects.filter(group=moderators)
        .values_list("permission__codename", flat=True)
    ) == {"add_page", "change_page", "lock_page", "publish_page", "unlock_page"}
    assert moderators.permissions.filter(codename="delete_funder").exists()
    assert not Group.objects.get(name="Editors").permissions.filter(
        codename="delete_funder").exists()


@pytest.mark.django_db
def test_fresh_migrate_holds_the_reference_taxonomy_in_three_languages():
    for language in ("fi", "sv", "en"):
        regions = Region.objects.filter(locale__language_code=language)
        assert regions.count() == 23
        assert Municipality.objects.filter(locale__language_code=language).count() == 293
        assert Funder.objects.filter(locale__language_code=language, code="esr").exists()
        assert TargetGroup.objects.filter(locale__language_code=language,
                                          code="osatyokykyiset").exists()
        assert Phenomenon.objects.filter(locale__language_code=language,
                                         code="tyokyky").exists()
    espoo = Municipality.objects.get(name="Espoo", locale__language_code="fi")
    assert espoo.region.code == "lansi-uusimaa"
    assert espoo.translation_key == translation_key_for("municipality", espoo.code)


@pytest.mark.django_db
def test_demo_loader_updates_the_migrated_terms_without_duplicates():
    from models_library.taxonomy_data import load_taxonomy

    before = Municipality.objects.count()
    load_taxonomy()
    assert Municipality.objects.count() == before
    assert Region.objects.filter(code="helsinki").count() == 3
