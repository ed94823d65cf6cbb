"""API v2 representations of taxonomy terms and tags (read-only)."""

from rest_framework import serializers

from models_library.taxonomy_names import live_terms
from portal.visibility import visibility


class TermSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class TermListField(serializers.Field):
    def to_representation(self, manager):
        return TermSerializer(live_terms(manager), many=True).data


class TagListField(serializers.Field):
    def to_representation(self, manager):
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
