"""Bump the content generation on every change to what public pages show.

Connected in ``PortalConfig.ready``. Rather than listing the URLs a change
affects (and missing one), any saved, deleted or re-linked *content* record
bumps the one generation number the page cache keys carry. Content is:

* every page type (publish, unpublish, move, copy, revert, delete, and saves
  that change live fields; a draft revision alone changes nothing public);
* records that belong to content through a ``ParentalKey`` (attachments, links,
  evaluation rows, tags on pages, ...);
* registered snippets (taxonomy) and site or generic settings (navigation and
  footer text);
* the models in ``PAGE_CACHE_CONTENT_MODELS`` (privacy restrictions, sites,
  locales, collections, images, documents, tags, redirects).

Per-user records (training progress, sessions) are not content and never bump.
A new app whose plain Django models are shown on public pages adds their
``app_label.modelname`` to ``PAGE_CACHE_CONTENT_MODELS``.
"""

import threading
from contextlib import contextmanager
from functools import cache

from django.apps import apps as global_apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from modelcluster.fields import ParentalKey
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from portal.models import ContentGeneration

# Page fields that only the editing workflow reads: saving them changes nothing public.
DRAFT_ONLY_FIELDS = frozenset({
    "wagtail_admin_comments", "latest_revision_created_at", "draft_title", "latest_revision",
    "has_unpublished_changes", "locked", "locked_by", "locked_at",
})


@cache
def is_content_model(model):
    if model._meta.apps is not global_apps:
        return False  # a migration's historical model: the schema may not be complete yet
    label = model._meta.label_lower
    if label in settings.PAGE_CACHE_IGNORED_MODELS:
        return False
    if issubclass(model, Page) or label in settings.PAGE_CACHE_CONTENT_MODELS:
        return True
    if _is_setting(model) or _is_snippet(model):
        return True
    return any(
        isinstance(field, ParentalKey) and is_content_model(field.related_model)
        for field in model._meta.get_fields() if field.concrete
    )


def _is_setting(model):
    return issubclass(model, BaseSiteSetting | BaseGenericSetting)


def _is_snippet(model):
    return model in get_snippet_models()


_deferred = threading.local()


@contextmanager
def one_bump():
    """Changes inside the block bump the content generation once, when it ends, instead of
    on every saved record (a bulk import saves dozens per page). Nested blocks join the
    outer one."""
    if getattr(_deferred, "pending", None) is not None:
        yield
        return
    _deferred.pending = False
    try:
        yield
    finally:
        pending, _deferred.pending = _deferred.pending, None
        if pending:
            bump_generation()


def bump_generation():
    if getattr(_deferred, "pending", None) is not None:
        _deferred.pending = True
        return
    ContentGeneration.bump()
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(_purge_frontend_cache_once)


def _on_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not is_content_model(sender):
        return
    if update_fields and isinstance(instance, Page) and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    bump_generation()


def _on_delete(sender, **kwargs):
    if is_content_model(sender):
        bump_generation()


def _on_m2m(sender, instance, action, **kwargs):
    if action.startswith("post_") and is_content_model(type(instance)):
        bump_generation()


_purged_generation = None


def _purge_frontend_cache_once():
    """Purge the CDN/reverse proxy the same way: every live public URL, once per generation.

    Every bump in a transaction queues this; the first call after the commit purges,
    the others see the generation already purged.
    """
    global _purged_generation
    generation = ContentGeneration.current()[0]
    if generation == _purged_generation:
        return
    _purged_generation = generation
    urls = [page.full_url for page in Page.objects.live().public().exclude(depth=1)
            .specific(defer=True) if page.full_url]
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    urls += [f"{base}{path}" for path in settings.PAGE_CACHE_EXTRA_PURGE_PATHS]
    purge_urls_from_cache(urls)


def connect():
    post_save.connect(_on_save, dispatch_uid="portal.content_generation.save")
    post_delete.connect(_on_delete, dispatch_uid="portal.content_generation.delete")
    m2m_changed.connect(_on_m2m, dispatch_uid="portal.content_generation.m2m")
