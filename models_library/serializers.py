"""API v2 representations of taxonomy terms and tags (read-only)."""

from rest_framework import serializers


class TermSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class TermListField(serializers.Field):
    def to_representation(self, manager):
        return TermSerializer(manager.all(), many=True).data


class TagListField(serializers.Field):
    def to_representation(self, manager):
        return sorted(manager.names())


class ProgrammeField(serializers.Field):
    def to_representation(self, page):
        return {"id": page.pk, "title": page.title} if page else None
