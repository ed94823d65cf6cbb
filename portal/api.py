"""Read-only open data: Wagtail's API v2 over published, public pages only.

Every malformed parameter answers 400 with a JSON message, before any query runs:
Wagtail's own checks cover most of them; the ones it leaves to the database
(dates, the search operator, the id of ``find``, control characters and search
syntax) are checked here.
"""

from collections import defaultdict
from types import SimpleNamespace

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import prefetch_related_objects
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageParentField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Page

from portal.site_memo import attach_locales, home_paths, in_homes, site_for_request
from portal.text import has_control_characters
from portal.visibility import visibility

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
        parent = instance.get_parent()
        if parent is None or not self.context["view"].is_public(parent):
            return None
        return attach_locales(self.context.get("request"), [parent.specific_deferred])[0]


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

    # -- the public pages, in a fixed number of queries -------------------------------
    def get_base_queryset(self):
        """Live pages outside every view restriction (portal.visibility), below the
        site's home pages: built once per request, from the site memo."""
        if getattr(self, "_base_queryset", None) is None:
            self._base_queryset = self._public_pages()
        return self._base_queryset

    def _public_pages(self):
        request = self.request
        rule = visibility(request)
        self._home_paths = None
        if "site" in request.GET:  # another site named: Wagtail checks and finds it
            return rule.filter(super().get_base_queryset())
        site = site_for_request(request)
        queryset = rule.filter(Page.objects.all())
        if site is None:
            self._home_paths = ()
            return queryset
        self._home_paths = home_paths(request, site)
        return queryset.filter(in_homes(request, site))

    def is_public(self, page):
        """Whether ``page`` is in the base queryset (without a query when no other
        site is named)."""
        self.get_base_queryset()
        if self._home_paths is None:
            return self.get_base_queryset().filter(pk=page.pk).exists()
        return visibility(self.request).is_visible(page) and (
            not self._home_paths or page.path.startswith(self._home_paths))

    def get_object(self):
        """The page as its own type, its locale and the pages it links to read with it."""
        if not hasattr(self, "_specific_object"):
            page = BaseAPIViewSet.get_object(self)
            model = page.specific_class or type(page)
            linked = [field.name for field in model._meta.concrete_fields
                      if field.many_to_one and field.name in _api_field_names(model)
                      and issubclass(field.related_model, Page)]
            self._specific_object = (model.objects.select_related("locale", *linked)
                                     .get(pk=page.pk))
        return self._specific_object

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        items = attach_locales(request, list(self.paginate_queryset(queryset)))
        self._load_related(items)
        serializer = self.get_serializer(items, many=True)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        instance = self.get_object()
        self._load_related([instance])
        return super().detail_view(request, pk)

    def _load_related(self, items):
        """Read what the requested fields show of all ``items`` at once: fields that
        know how to load themselves in bulk (``bulk_load(pages, names)``), inline child
        records and linked pages, so the number of queries does not grow with the
        number of pages or of their related records."""
        if not items:
            return
        serializer_class = self.get_serializer_class()
        model = serializer_class.Meta.model
        loaders = defaultdict(list)
        for name, field in serializer_class._declared_fields.items():
            loader = getattr(field, "bulk_load", None)
            if loader is not None:
                loaders[loader].append(name)
        for loader, names in loaders.items():
            loader(items, names)
        lookups = []
        for name in serializer_class.Meta.fields:
            if any(name in names for names in loaders.values()):
                continue
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.one_to_many or (field.many_to_one and issubclass(field.related_model, Page)
                                     and not field.is_cached(items[0])):
                lookups.append(name)
        prefetch_related_objects(items, *lookups)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if has_control_characters(name) or any(map(has_control_characters, values)):
                raise BadRequestError(f"parameter {name[:40]!r} contains control characters")
        if "id" in request.GET and self.action == "find_view":
            _positive_integer("id", request.GET["id"])


def _api_field_names(model):
    return {field.name for field in getattr(model, "api_fields", ())}


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
