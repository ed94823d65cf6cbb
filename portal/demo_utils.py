"""Helpers that make demo-content builders idempotent.

``upsert_page`` finds a page by parent, type and slug (or by translation key for
translations), writes the given field values, and publishes a new revision only
when something actually changed, so running the demo command twice leaves the
site exactly as it was.
"""

from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page


def _comparable(value):
    if isinstance(value, StreamValue):
        return [(child.block_type, child.block.get_prep_value(child.value)) for child in value]
    if hasattr(value, "all") and callable(value.all):  # related managers and clusters
        return sorted(str(item.pk or item) for item in value.all())
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)


def _apply(page, fields):
    changed = False
    for name, value in fields.items():
        before = _comparable(getattr(page, name))
        setattr(page, name, value)
        if _comparable(getattr(page, name)) != before:
            changed = True
    return changed


def publish(page, user=None):
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    page.refresh_from_db()
    return page


def upsert_page(parent, model, slug, **fields):
    """Create or update the child ``slug`` of ``parent`` and publish it when changed."""
    existing = (
        model.objects.child_of(parent).filter(slug=slug, locale=parent.locale).first()
    )
    if existing is None:
        page = model(slug=slug, locale=parent.locale, **fields)
        parent.add_child(instance=page)
        return publish(page)
    if _apply(existing, fields) or existing.has_unpublished_changes or not existing.live:
        return publish(existing)
    return existing


def upsert_translation(page, language_code, **fields):
    """Create or update ``page``'s translation into ``language_code``."""
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=True, alias=False)
        _apply(translation, fields)
        return publish(translation)
    translation = translation.specific
    if _apply(translation, fields) or translation.has_unpublished_changes or not translation.live:
        return publish(translation)
    return translation


def ensure_locales(codes):
    for code in codes:
        Locale.objects.get_or_create(language_code=code)


def root_page():
    """Wagtail's tree root, created if a flushed database has lost it."""
    root = Page.get_first_root_node()
    if root is None:
        locale, _created = Locale.objects.get_or_create(language_code="fi")
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root
