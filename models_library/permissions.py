"""Editorial roles as Django groups, created in code (a migration and the demo command).

Editors create and edit library pages and taxonomy terms but cannot publish: their
changes are drafts that go through Wagtail's moderation workflow to Moderators, who
can publish (taxonomy snippets have revisions, drafts, locking and the workflow).
Trainers run cohorts (the training app grants their permissions).
"""

TAXONOMY_MODELS = ["region", "municipality", "funder", "targetgroup", "phenomenon"]
GROUPS = {
    "Editors": {"page": ["add", "change", "lock"], "snippet": ["add", "change"]},
    "Moderators": {"page": ["add", "change", "lock", "publish", "unlock"],
                   "snippet": ["add", "change", "delete", "publish", "lock", "unlock"]},
    "Trainers": {"page": [], "snippet": []},
}


def ensure_editorial_groups(apps=None):
    if apps is None:
        from django.apps import apps as live_apps

        apps = live_apps
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
