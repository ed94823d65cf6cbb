"""Generated library content for the benchmarks, inserted in bulk.

Creating pages one by one through the tree API (``add_child``: validation, signals,
per-save search indexing) runs at a few pages a second on this machine, so 20,000
documents took hours. The benchmarks measure reading and indexing, not page
creation, so here pages are inserted in bulk: ``Page`` rows with ``bulk_create``,
the subclass's own rows with one multi-row insert per batch, tree paths computed
as treebeard does, relations with ``bulk_create``. No signals are sent; callers
index the pages themselves (``index_pages``) and the content generation is bumped
once at the end so every memo and cached page sees the new content.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

BATCH = 500


def bulk_add_children(parent, pages, relations=None):
    """Insert ``pages`` (unsaved instances of one Page subclass) as the last children of
    ``parent``. ``relations`` maps a page's index to {"m2m_field": [objects]} for
    ParentalManyToManyFields. Returns the pages, now with ids."""
    from portal.models import ContentGeneration

    if not pages:
        return pages
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen:]) if last else 0
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    own_fields = model._meta.local_concrete_fields
    with transaction.atomic():
        for start in range(0, len(pages), BATCH):
            batch = pages[start:start + BATCH]
            for page in batch:
                step += 1
                page.path = Page._get_path(parent.path, parent.depth + 1, step)
                page.depth = parent.depth + 1
                page.numchild = 0
                page.url_path = f"{parent.url_path}{page.slug}/"
                page.content_type = content_type
                page.draft_title = page.title
                page.translation_key = page.translation_key or uuid.uuid4()
            rows = Page.objects.bulk_create(
                [Page(**{f.attname: getattr(page, f.attname) for f in page_fields})
                 for page in batch])
            for page, row in zip(batch, rows, strict=True):
                page.pk = page.id = page.page_ptr_id = row.pk
            model._base_manager._insert(batch, fields=own_fields, raw=True)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        for name in sorted({name for values in (relations or {}).values() for name in values}):
            through = getattr(model, name).through
            source = f"{model._meta.model_name}_id"
            target = next(f.attname for f in through._meta.concrete_fields
                          if f.is_relation and f.attname != source)
            through.objects.bulk_create(
                [through(**{source: pages[number].pk, target: other.pk})
                 for number, values in relations.items() for other in values.get(name, [])],
                batch_size=BATCH)
        ContentGeneration.bump()
    return pages


def index_pages(model, pages, backend_name="default"):
    """Add pages to the search index the way `update_index` does, in batches."""
    backend = get_search_backend(backend_name)
    queryset = model.get_indexed_objects().filter(pk__in=[page.pk for page in pages])
    for start in range(0, len(pages), BATCH):
        backend.add_bulk(model, list(queryset.order_by("pk")[start:start + BATCH]))
