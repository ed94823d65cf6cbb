from django.db import migrations


def load(apps, schema_editor):
    from models_library.taxonomy_data import load_taxonomy

    load_taxonomy(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("models_library", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
