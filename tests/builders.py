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


# -- library -------------------------------------------------------------------------
REQUIRED_SECTION_TEXT = {
    "basic_idea": "Perusidea: asiakas saa yhden yhteyshenkilön.",
    "operating_environment": "Toimintaympäristö: sote-keskus ja työllisyyspalvelut.",
    "conditions": "Ehdot: sovitut vastuut ja yhteinen kirjaaminen.",
    "target_group_insight": "Kohderyhmä: osatyökykyiset työnhakijat.",
}


def sections(extra=None, **texts):
    """A description StreamField value with the four required sections filled in."""
    values = {**REQUIRED_SECTION_TEXT, **texts}
    blocks = [(key, {"heading": "", "body": RichText(f"<p>{text}</p>")})
              for key, text in values.items()]
    for heading, text in (extra or []):
        blocks.append(("other", {"heading": heading, "body": RichText(f"<p>{text}</p>")}))
    return blocks


def build_library(home, title="Toimintamallit", slug="toimintamallit"):
    from models_library.models import LibraryIndexPage

    page = LibraryIndexPage(title=title, slug=slug, locale=home.locale, show_in_menus=True)
    home.add_child(instance=page)
    return publish(page)


def build_programme(parent, title="Testikokonaisuus", live=True, **fields):
    from models_library.models import ProgrammePage

    regions = fields.pop("regions", [])
    funders = fields.pop("funders", [])
    topics = fields.pop("topics", [])
    page = ProgrammePage(title=title, slug=fields.pop("slug", None) or _slug(title),
                         locale=parent.locale, **fields)
    page.regions = regions
    page.funders = funders
    page.live = live
    parent.add_child(instance=page)
    page.topics.set(topics)
    return _save(page, live)


def build_model(parent, title="Testimalli", live=True, **fields):
    from models_library.models import OperatingModelPage

    m2m = {name: fields.pop(name, []) for name in
           ("regions", "municipalities", "funders", "target_groups", "phenomena")}
    topics = fields.pop("topics", [])
    children = {name: fields.pop(name, []) for name in
                ("evaluation_criteria", "development_log", "attachments", "links")}
    fields.setdefault("description", sections())
    page = OperatingModelPage(title=title, slug=fields.pop("slug", None) or _slug(title),
                              locale=parent.locale, **fields)
    for name, values in {**m2m, **children}.items():
        setattr(page, name, values)
    page.live = live
    parent.add_child(instance=page)
    page.topics.set(topics)
    return _save(page, live)


def _save(page, live):
    if live:
        return publish(page)
    page.save_revision()
    return page


def _slug(title):
    from django.utils.text import slugify

    return slugify(title) or "sivu"


def term(model, code, language="fi"):
    return model.objects.get(code=code, locale__language_code=language)


def restrict(page, kind="login"):
    """Put a view restriction on ``page``: "login", "password" or "groups"."""
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="salasana" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.set([Group.objects.get_or_create(name="Sisäinen")[0]])
    return page


def build_translation(page, language, live=True, **fields):
    """``page`` copied into ``language`` (its parents too), with ``fields`` changed."""
    translation = page.copy_for_translation(locale(language), copy_parents=True, alias=False)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.live = live
    translation.save()
    return _save(translation, live)


def build_document(title="Liite", filename="liite.pdf", content=b"%PDF-1.4\n%%EOF\n"):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    return Document.objects.create(title=title, file=ContentFile(content, name=filename))


def build_embed(url="https://www.youtube.com/watch?v=demo", title="Video",
                html='<iframe src="https://www.youtube-nocookie.com/embed/demo" width="640" '
                     'height="360" title="Video"></iframe>', width=640, height=360):
    """A cached oEmbed result, so rendering an embed needs no network."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    return Embed.objects.create(
        url=url, max_width=None, type="video", hash=get_embed_hash(url), html=html,
        title=title, thumbnail_url="", width=width, height=height,
    )
