"""Helpers that make demo-content builders idempotent.

``upsert_page`` finds a page by parent, type and slug (or by translation key for
translations), writes the given field values, and publishes a new revision only
when something actually changed, so running the demo command twice leaves the
site exactly as it was.

Field values may be plain values, stream data, foreign keys, child relations
(a list of unsaved child objects), parental many-to-many fields (a list of
objects) or tags (a list of names); each kind is compared by what it means, not
by object identity, so re-assigning equal data is not a change.
"""

from django.core.exceptions import FieldDoesNotExist
from taggit.managers import TaggableManager
from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page

# Bookkeeping fields of child rows that say nothing about their content.
_CHILD_IGNORED_FIELDS = {"id", "sort_order"}


def _plain(value):
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)


def _field(page, name):
    try:
        return page._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _child_values(child, parental_key):
    return tuple(
        (field.name, _plain(field.value_from_object(child)))
        for field in child._meta.concrete_fields
        if field.name not in _CHILD_IGNORED_FIELDS
        and not field.primary_key
        and field is not parental_key
        and not (field.one_to_one and field.remote_field.parent_link)
    )


def _without_ids(data):
    """Block data without the random ids Wagtail gives list items on every save."""
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


def _comparable(page, name):
    """A plain value that is equal whenever ``page.<name>`` means the same content."""
    value = getattr(page, name)
    field = _field(page, name)
    if isinstance(value, StreamValue):
        return [(child.block_type, _without_ids(child.block.get_prep_value(child.value)))
                for child in value]
    if isinstance(field, TaggableManager):
        return sorted(tag.name for tag in value.all())
    if field is not None and field.many_to_many:
        return sorted(item.pk for item in value.all())
    if field is not None and field.one_to_many and not field.concrete:  # child relations
        return [_child_values(child, field.field) for child in value.all()]
    if field is not None and field.many_to_one and field.concrete:  # foreign keys by id
        return getattr(page, field.attname)
    if hasattr(value, "all") and callable(value.all):  # any other related manager
        return sorted(str(item.pk or item) for item in value.all())
    return _plain(value)


def _assign(page, name, value):
    if isinstance(_field(page, name), TaggableManager):
        getattr(page, name).set(list(value))
    else:
        setattr(page, name, value)


def _apply(page, fields):
    """Write ``fields`` to ``page``; return whether any of them changed."""
    changed = False
    for name, value in fields.items():
        if page.pk is None:
            _assign(page, name, value)
            changed = True
            continue
        before = _comparable(page, name)
        _assign(page, name, value)
        if _comparable(page, name) != before:
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
        page = model(slug=slug, locale=parent.locale)
        _apply(page, fields)
        parent.add_child(instance=page)
        return publish(page)
    return _publish_if_changed(existing, fields)


def upsert_translation(page, language_code, **fields):
    """Create or update ``page``'s translation into ``language_code``."""
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=True, alias=False)
        _apply(translation, fields)
        return publish(translation)
    return _publish_if_changed(translation.specific, fields)


def _publish_if_changed(page, fields):
    """Apply ``fields``; publish when they changed or the page is not live as it stands."""
    if _apply(page, fields) or page.has_unpublished_changes or not page.live:
        return publish(page)
    return page


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
