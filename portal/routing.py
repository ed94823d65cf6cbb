"""Finding the page for an address: one query for the page, the rest memoised.

Wagtail walks the tree one level at a time (a query for each child and another
for its specific record) after reading the site, its root page and the root's
translation. Here the site and its home page in each language come from the
site memo, the pages along the path from one query (memoised per path), and
only the page served is read on every request, in one query. The result is the
same as Wagtail's walk: a routable page's own routes win over its children, a
page that is not live answers 404, and a page class with its own ``route`` keeps
it.
"""

import copy
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import Resolver404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from portal.prepared import PreparedQuery
from portal.site_memo import home_for_request, memo
from portal.visibility import visibility


def _model(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model_class()


def _nodes(request, home, components):
    """{url_path: (pk, content_type_id)} of the pages along the path (one query, kept)."""
    paths = [home.url_path + "/".join(components[: n + 1]) + "/" for n in range(len(components))]

    def build():
        return {url_path: (pk, content_type_id) for url_path, pk, content_type_id in
                Page.objects.filter(url_path__in=paths)
                .values_list("url_path", "pk", "content_type_id")}

    return memo(request, ("route", home.pk, "/".join(components)), build)


@cache
def _page_query(model):
    # A page type may name further foreign keys its page always shows (a cover image),
    # read in the same query.
    related = ("locale", *getattr(model, "route_select_related", ()))
    return PreparedQuery(lambda pk: model.objects.select_related(*related).filter(pk=pk))


def _specific(pk, model):
    pages = _page_query(model).objects(pk)
    if not pages:
        raise Http404
    return pages[0]


def _has_own_route(model):
    return model.route is not Page.route and model.route is not RoutablePageMixin.route


def route(request, path):
    home = home_for_request(request)
    if home is None:
        raise Http404
    components = [component for component in path.split("/") if component]
    if not components:
        return copy.copy(home).route(request, [])
    nodes = _nodes(request, home, components)
    url_path, pk, model = home.url_path, home.pk, type(home)
    for index, component in enumerate(components):
        remaining = components[index:]
        if _has_own_route(model):
            page = copy.copy(home) if pk == home.pk else _specific(pk, model)
            return page.route(request, remaining)
        if issubclass(model, RoutablePageMixin):
            try:
                model.get_resolver().resolve("/" + "/".join(remaining) + "/")
            except Resolver404:
                pass
            else:
                page = copy.copy(home) if pk == home.pk else _specific(pk, model)
                return page.route(request, remaining)  # the route, or 404 when not live
        url_path = f"{url_path}{component}/"
        if url_path not in nodes:
            raise Http404
        pk, content_type_id = nodes[url_path]
        model = _model(content_type_id)
    return _specific(pk, model).route(request, [])


def serve(request, path):
    """Wagtail's page view, with the route found as above."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            result = route(request, path)
        except Http404:
            result = None
        if result is not None:
            # Wagtail's view-restriction hook reads the page's restrictions; the
            # memoised restricted sections tell when there can be none.
            result[0]._portal_restricted_paths = visibility(request).restricted_paths
        request._wagtail_route_for_request = result
    return wagtail_views.serve(request, path)
