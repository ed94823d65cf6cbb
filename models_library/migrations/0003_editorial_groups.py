"""Editorial roles as Django groups.

Editors create and edit library pages and taxonomy but cannot publish: their
changes go through Wagtail's moderation workflow to Moderators, who can publish.
Trainers run cohorts (the training app grants their permissions).

Frozen: the groups and the granting logic are copied here as they were when this
migration was written, so a later change to the application cannot change or
break what a fresh ``migrate`` creates. Later changes to the groups belong in
new migrations.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TAXONOMY_MODELS = ["region", "municipality", "funder", "targetgroup", "phenomenon"]
GROUPS = {
    "Editors": {"page": ["add", "change", "lock"], "snippet": ["add", "change"]},
    "Moderators": {"page": ["add", "change", "lock", "publish", "unlock"],
                   "snippet": ["add", "change", "delete"]},
    "Trainers": {"page": [], "snippet": []},
}


def ensure_editorial_groups(apps):
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    page_model = apps.get_model("wagtailcore", "Page")
    group_page_permission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = page_model.objects.filter(depth=1).first()

    admin_access = _permission(permission_model, content_type_model, "wagtailadmin", "admin",
                               "access_admin")
    for name, grants in GROUPS.items():
        group, _created = group_model.objects.get_or_create(name=name)
        if admin_access:
            group.permissions.add(admin_access)
        for model in TAXONOMY_MODELS:
            for action in grants["snippet"]:
                permission = _permission(permission_model, content_type_model,
                                         "models_library", model, f"{action}_{model}")
                if permission:
                    group.permissions.add(permission)
        if root is None:
            continue
        for action in grants["page"]:
            permission = _permission(permission_model, content_type_model, "wagtailcore",
                                     "page", f"{action}_page")
            if permission:
                group_page_permission.objects.get_or_create(
                    group=group, page=root, permission=permission)


def _permission(permission_model, content_type_model, app_label, model, codename):
    content_type, _created = content_type_model.objects.get_or_create(
        app_label=app_label, model=model)
    return permission_model.objects.filter(content_type=content_type, codename=codename).first()


def ensure_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_editorial_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("models_library", "0002_reference_taxonomy"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(ensure_groups, migrations.RunPython.noop)]
