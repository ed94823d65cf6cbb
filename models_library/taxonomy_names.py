"""Localised taxonomy names with a fixed number of queries per request.

Pages link to taxonomy terms of any locale; visitors see each term in their own
language. A ``TaxonomyNames`` loads each model's names once (one query per
model), so a page or a listing of any length costs the same.
"""

from functools import cache

from django.db.models import CharField, Value
from django.utils.translation import get_language
from modelcluster.queryset import FakeQuerySet

from portal.prepared import PreparedQuery
from portal.site_memo import memo

TAXONOMY_FIELDS = ("regions", "municipalities", "funders", "target_groups", "phenomena")


def live_terms(manager):
    """A page's terms that are published (filtered in Python, so prefetches still apply)."""
    return [term for term in manager.all() if term.live]


class TaxonomyNames:
    def __init__(self, language=None):
        self.language = language
        self._maps = {}

    def map_for(self, model):
        if model not in self._maps:
            language = (self.language or get_language() or "fi")[:2]
            self._maps[model] = memo(None, ("taxonomy-names", model._meta.label, language),
                                     lambda: model.names_for_language(language))
        return self._maps[model]

    def name_of(self, term):
        return self.map_for(type(term)).get(term.code, term.name)

    def for_codes(self, page, codes):
        """Names of ``codes`` ({field: [code]}, see ``page_terms``) in the language."""
        result = {}
        for field in TAXONOMY_FIELDS:
            descriptor = getattr(type(page), field, None)
            if descriptor is not None:
                names = self.map_for(descriptor.field.related_model)
                result[field] = sorted(names[code] for code in codes.get(field, ())
                                       if code in names)
        return result

    def for_page(self, page):
        result = {}
        for field in TAXONOMY_FIELDS:
            manager = getattr(page, field, None)
            if manager is not None:
                result[field] = sorted(self.name_of(term) for term in live_terms(manager))
        return result



def _in_memory(page):
    """True for a page rebuilt from a revision (previews): its relations live in memory."""
    manager = getattr(page, "tagged_items", None)
    return manager is not None and isinstance(manager.all(), FakeQuerySet)


def page_terms(page, fields=TAXONOMY_FIELDS, topics=True):
    """{field: [live term codes]} of ``page`` (and its topic names under "topics"),
    read in one query whatever the number of fields and terms."""
    if _in_memory(page):
        found = {field: [term.code for term in getattr(page, field).all() if term.live]
                 for field in fields if getattr(type(page), field, None) is not None}
        for field in fields:
            found.setdefault(field, [])
        if topics:
            found["topics"] = [item.tag.name for item in page.tagged_items.all()]
        return found
    rows = _terms_query(type(page), tuple(fields), topics and hasattr(page, "tagged_items"))
    found = {field: [] for field in fields}
    if topics:
        found["topics"] = []
    for field, value in rows.rows(page.pk) if rows else ():
        found[field].append(value)
    return found


@cache
def _terms_query(model, fields, topics):
    """The union of one select per taxonomy relation of ``model`` (and its topics), its
    SQL built once."""
    def build(pk):
        parts = []
        for field in fields:
            descriptor = getattr(model, field, None)
            if descriptor is None:
                continue
            relation = descriptor.field
            parts.append(
                relation.related_model.objects.filter(
                    **{relation.related_query_name(): pk, "live": True})
                .order_by().annotate(field=Value(field, output_field=CharField()))
                .values_list("field", "code")
            )
        if topics:
            tags = model.tagged_items.rel.related_model.objects.filter(content_object_id=pk)
            parts.append(tags.order_by().annotate(
                field=Value("topics", output_field=CharField())).values_list("field", "tag__name"))
        return parts[0].union(*parts[1:], all=True)

    has_parts = topics or any(getattr(model, field, None) is not None for field in fields)
    return PreparedQuery(build) if has_parts else None
