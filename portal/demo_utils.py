"""Helpers that make demo-content builders idempotent.

``upsert_page`` finds a page by parent, type and slug (or by translation key for
translations), writes the given field values, and publishes a new revision only
when something actually changed, so running the demo command twice leaves the
site exactly as it was.

Field values may be plain values, stream data, foreign keys, child relations
(a list of unsaved child objects), parental many-to-many fields (a list of
objects) or tags (a list of names); each kind is compared by what it means, not
by object identity, so re-assigning equal data is not a change.

The content itself is data: each app keeps its demo texts in YAML (or JSON) files
under ``<app>/data/``, read by ``load_data``. A file that cannot be used stops the
build with a ``DemoDataError`` that names the file and the place in it.
"""

import json
from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from taggit.managers import TaggableManager
from wagtail.blocks import StreamValue
from wagtail.models import Locale, Page


class DemoDataError(ValueError):
    """A demo data file the builders cannot use; the message says which file and where."""


def _shown(path):
    try:
        return str(path.relative_to(settings.BASE_DIR))
    except ValueError:
        return str(path)


def load_data(path):
    """The mapping stored in the YAML or JSON file at ``path`` (JSON by the ``.json`` suffix)."""
    path = Path(path)
    name = _shown(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DemoDataError(f"{name}: cannot be read ({error})") from error
    try:
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except json.JSONDecodeError as error:
        raise DemoDataError(
            f"{name}, line {error.lineno}: not valid JSON ({error.msg})") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        place = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise DemoDataError(f"{name}{place}: not valid YAML ({problem})") from error
    if not isinstance(data, dict):
        raise DemoDataError(f"{name}: the file must hold a mapping of names to content, "
                            f"not {type(data).__name__}")
    return DemoData(data, name)


class DemoData(dict):
    """A data file's top-level mapping that remembers the file's name for error messages."""

    def __init__(self, data, name):
        super().__init__(data)
        self.name = name

    def error(self, where, problem):
        return DemoDataError(f"{self.name}: {where}: {problem}")

    def require(self, mapping, keys, where):
        """``mapping`` itself, once it is a mapping that has every one of ``keys``."""
        if not isinstance(mapping, dict):
            raise self.error(where, f"expected a mapping, found {type(mapping).__name__}")
        missing = [key for key in keys if key not in mapping]
        if missing:
            raise self.error(where, f"missing {', '.join(missing)}")
        return mapping

    def choice(self, value, allowed, where):
        """``value``, once it is one of ``allowed``."""
        if value not in allowed:
            raise self.error(where, f"{value!r} is not one of {', '.join(map(str, allowed))}")
        return value

    def stream(self, model, field_name, items, where):
        """StreamField content from a list of ``{block type: raw value}`` items."""
        stream_block = model._meta.get_field(field_name).stream_block
        blocks = []
        for position, item in enumerate(items or []):
            place = f"{where}[{position}]"
            if not isinstance(item, dict) or len(item) != 1:
                raise self.error(place, "expected one 'block type: value' pair")
            (block_type, raw), = item.items()
            self.choice(block_type, list(stream_block.child_blocks), place)
            blocks.append((block_type, stream_block.child_blocks[block_type].to_python(raw)))
        return blocks


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
