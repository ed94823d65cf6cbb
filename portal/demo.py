"""Demo content for the portal's own pages, read from ``data/demo_site.yaml``.

Called by ``manage.py load_demo_content``; safe to run any number of times.
"""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from portal.demo_utils import (
    ensure_locales,
    load_data,
    root_page,
    upsert_page,
    upsert_translation,
)
from portal.models import AccessibilityStatementPage, HomePage, PortalSettings, StandardPage

DATA = Path(__file__).resolve().parent / "data" / "demo_site.yaml"
LANGUAGES = ("fi", "sv", "en")
PAGES = ("home", "about", "accessibility_statement")


def site_data():
    data = load_data(DATA)
    data.require(data, ("site_name", "organisation_name", *PAGES), "top level")
    for page in PAGES:
        data.require(data[page], ("slug", *LANGUAGES), page)
        for language in LANGUAGES:
            data.require(data[page][language], ("title",), f"{page}.{language}")
    return data


def _fields(data, page, model, language):
    """A page's fields in ``language``; a ``body`` list becomes stream blocks."""
    fields = dict(data[page][language])
    if isinstance(fields.get("body"), list):
        fields["body"] = data.stream(model, "body", fields["body"], f"{page}.{language}.body")
    return fields


def home_body(language):
    """The home page's own blocks in ``language``, which the library's front door ends with."""
    return _fields(site_data(), "home", HomePage, language)["body"]


def _home_fields(data, language, exists):
    """The home page's fields; its body only on creation, because the apps' demo
    builders (run after this one) compose the front door around it."""
    fields = _fields(data, "home", HomePage, language)
    if exists:
        fields.pop("body")
    return fields


def _ensure_home(data):
    root = root_page()
    home = HomePage.objects.child_of(root).filter(locale__language_code="fi").first()
    if home is None:
        # Replace the placeholder page Wagtail's first migration creates.
        for placeholder in Page.objects.child_of(root).filter(content_type__model="page"):
            Site.objects.filter(root_page=placeholder).update(root_page=root)
            placeholder.delete()
    home = upsert_page(root, HomePage, data["home"]["slug"],
                       **_home_fields(data, "fi", exists=home is not None))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        # A new site takes its host from the configured address; an existing site's host
        # is the administrator's to set and is left alone.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site = Site(is_default_site=True, hostname=address.hostname or "localhost",
                    port=address.port or (443 if address.scheme == "https" else 80))
    site.site_name, site.root_page = data["site_name"], home
    site.save()
    return home


def build(stdout=None):
    data = site_data()
    ensure_locales(LANGUAGES)
    home = _ensure_home(data)
    about = upsert_page(home, StandardPage, data["about"]["slug"], show_in_menus=True,
                        **_fields(data, "about", StandardPage, "fi"))
    spec = data.require(data["accessibility_statement"],
                        ("compliance_status", "prepared_on", "reviewed_on"),
                        "accessibility_statement")
    statement = upsert_page(
        home,
        AccessibilityStatementPage,
        spec["slug"],
        compliance_status=data.choice(spec["compliance_status"],
                                      AccessibilityStatementPage.Compliance.values,
                                      "accessibility_statement.compliance_status"),
        prepared_on=spec["prepared_on"],
        reviewed_on=spec["reviewed_on"],
        **_fields(data, "accessibility_statement", AccessibilityStatementPage, "fi"),
    )
    for language in ("sv", "en"):
        exists = HomePage.objects.filter(
            translation_key=home.translation_key, locale__language_code=language
        ).exists()
        upsert_translation(home, language, **_home_fields(data, language, exists))
        upsert_translation(about, language, **_fields(data, "about", StandardPage, language))
        upsert_translation(statement, language,
                           **_fields(data, "accessibility_statement", AccessibilityStatementPage,
                                     language))
    portal_settings = PortalSettings.for_site(home.get_site())
    portal_settings.organisation_name = data["organisation_name"]
    portal_settings.save()
    return home
