from django.db import migrations


def ensure_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    from models_library.permissions import ensure_editorial_groups

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
