"""Read-only open data: Wagtail's API v2 over published, public pages only.

Every malformed parameter answers 400 with a JSON message, before any query runs:
Wagtail's own checks cover most of them; the ones it leaves to the database
(dates, the search operator, the id of ``find``, control characters and search
syntax) are checked here.
"""

from types import SimpleNamespace

from django.core.exceptions import FieldDoesNotExist, ValidationError
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageParentField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from portal.text import has_control_characters

SEARCH_OPERATORS = ("and", "or")
MAX_ID = 2**53


def _positive_integer(name, value):
    if not (value.isascii() and value.isdigit()) or not 0 < int(value) < MAX_ID:
        raise BadRequestError(f"{name} must be a positive integer")
    return int(value)


class CheckedFieldsFilter(FieldsFilter):
    """Field filters whose values are checked against the field's type before querying."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name not in fields or name == "locale":
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            target = getattr(field, "target_field", None) if field.is_relation else field
            if target is None or getattr(field, "many_to_many", False):
                continue
            try:
                target.to_python(value)
            except (ValidationError, ValueError, TypeError, OverflowError) as error:
                raise BadRequestError(
                    f"field filter error. '{value[:60]}' is not a valid value for {name}"
                ) from error
        return super().filter_queryset(request, queryset, view)


class CheckedSearchFilter(SearchFilter):
    """Search with a known operator; the words are searched as plain words."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        # Quotes would reach the search engine's own query syntax (an unterminated
        # quote is an SQL error on SQLite); the API searches words, not phrases.
        params = request.GET.copy()
        params["search"] = params["search"].replace('"', " ")
        return super().filter_queryset(SimpleNamespace(GET=params), queryset, view)


class SpecificPageParentField(PageParentField):
    """The parent as its own page type, so its address comes from the portal's pages."""

    def get_attribute(self, instance):
        parent = super().get_attribute(instance)
        return parent.specific_deferred if parent is not None else None


class PortalPageSerializer(PageSerializer):
    parent = SpecificPageParentField(read_only=True)


class PortalPagesAPIViewSet(PagesAPIViewSet):
    base_serializer_class = PortalPageSerializer
    filter_backends = [
        CheckedFieldsFilter if backend is FieldsFilter
        else CheckedSearchFilter if backend is SearchFilter
        else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if has_control_characters(name) or any(map(has_control_characters, values)):
                raise BadRequestError(f"parameter {name[:40]!r} contains control characters")
        if "id" in request.GET and self.action == "find_view":
            _positive_integer("id", request.GET["id"])


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
