"""API v2 representations of taxonomy terms and tags (read-only).

Terms and tags of every page a response shows are read in one query
(``load_terms``, called by the API view through ``bulk_load``); a page serialised
without it (elsewhere) reads its own.
"""

from django.db.models import CharField, Value
from rest_framework import serializers

from models_library.taxonomy_names import live_terms
from portal.visibility import visibility

_LOADED = "_api_terms"


def load_terms(pages, names):
    """Read the live terms (``{code, name}``) of the taxonomy fields ``names`` and the
    tag names of "topics" of all ``pages`` (of one page type) in one query, kept on
    each page for the fields below."""
    model = type(pages[0])
    ids = [page.pk for page in pages]
    parts = []
    for name in names:
        field = model._meta.get_field(name)
        through = field.remote_field.through
        if name == "topics":
            parts.append(through.objects.filter(content_object_id__in=ids).order_by()
                         .annotate(field=Value(name, output_field=CharField()))
                         .values_list("field", "content_object_id", "tag__name", "tag__name"))
            continue
        page_key, term_key = field.m2m_field_name(), field.m2m_reverse_field_name()
        parts.append(through.objects.filter(**{f"{page_key}_id__in": ids,
                                               f"{term_key}__live": True}).order_by()
                     .annotate(field=Value(name, output_field=CharField()))
                     .values_list("field", f"{page_key}_id", f"{term_key}__code",
                                  f"{term_key}__name"))
    found = {page.pk: {name: [] for name in names} for page in pages}
    if parts:
        for name, pk, code, term_name in parts[0].union(*parts[1:], all=True):
            found[pk][name].append({"code": code, "name": term_name})
    for page in pages:
        setattr(page, _LOADED, {
            name: sorted(values, key=lambda term: (term["name"], term["code"]))
            for name, values in found[page.pk].items()})


class TermSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class _LoadedField(serializers.Field):
    bulk_load = staticmethod(load_terms)

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page):
        loaded = getattr(page, _LOADED, None)
        if loaded is not None and self.field_name in loaded:
            return self.from_loaded(loaded[self.field_name])
        return self.from_manager(getattr(page, self.field_name))


class TermListField(_LoadedField):
    def from_loaded(self, terms):
        return TermSerializer(terms, many=True).data

    def from_manager(self, manager):
        return TermSerializer(live_terms(manager), many=True).data


class TagListField(_LoadedField):
    def from_loaded(self, terms):
        return sorted(term["name"] for term in terms)

    def from_manager(self, manager):
        return sorted(manager.names())


class RelatedPageField(serializers.Field):
    """A link to another page as {id, title}, or null when a visitor may not see that page."""

    def to_representation(self, page):
        page = visibility(self.context.get("request")).or_none(page)
        return {"id": page.pk, "title": page.title} if page else None


class PageListField(serializers.Field):
    """Linked pages as {id, title}, only those a visitor may see."""

    def to_representation(self, manager):
        request = self.context.get("request")
        pages = visibility(request).filter(manager.all()).order_by("title")
        return [{"id": page.pk, "title": page.title} for page in pages]
