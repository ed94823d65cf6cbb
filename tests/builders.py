"""Builder functions for tests: small, explicit, with sensible defaults."""

import datetime

from wagtail.models import Locale
from wagtail.rich_text import RichText

from portal.demo_utils import publish
from portal.models import AccessibilityStatementPage, StandardPage


def build_standard_page(parent, title="Testisivu", slug=None, body=None, **fields):
    page = StandardPage(
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        locale=parent.locale,
        body=body or [("paragraph", RichText("<p>Sisältöä.</p>"))],
        **fields,
    )
    parent.add_child(instance=page)
    return publish(page)


def build_statement(parent, **fields):
    values = {
        "title": "Saavutettavuusseloste",
        "slug": "seloste",
        "prepared_on": datetime.date(2026, 1, 1),
        "reviewed_on": datetime.date(2026, 6, 1),
        **fields,
    }
    page = AccessibilityStatementPage(locale=parent.locale, **values)
    parent.add_child(instance=page)
    return publish(page)


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]
