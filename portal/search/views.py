"""The search page (HTML and JSON), autocomplete suggestions and the health check."""

import logging

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from wagtail.search.backends import get_search_backend

from portal.page_cache import do_not_cache
from portal.search.engine import PortalSearch, cluster_errors, is_cluster
from portal.search.models import SearchQueryLog
from portal.search.suggestions import autocomplete, related_topics, spelling_suggestion

logger = logging.getLogger(__name__)


def _language():
    return (get_language() or settings.LANGUAGE_CODE)[:2]


@require_GET
def search(request):
    """Not stored in the shared page cache: every search is counted for the report, and
    promotions, the search engine's state and the index change without a page changing."""
    response = _search(request)
    do_not_cache(response)
    return response


def _search(request):
    language = _language()
    portal_search = PortalSearch(request, request.GET, language)
    outcome = portal_search.run()
    suggestion, topics = "", []
    if outcome.searched and not outcome.total and not outcome.parsed.is_empty:
        suggestion = spelling_suggestion(outcome.parsed.text, language, request)
        topics = related_topics(request, language)
    if outcome.searched and outcome.parsed.text and _first_page(outcome):
        SearchQueryLog.record(outcome.parsed.text, language, found=bool(outcome.total))
    if request.GET.get("format") == "json":
        return JsonResponse(_as_json(outcome, suggestion, topics),
                            json_dumps_params={"ensure_ascii": False})
    return render(request, "search/search.html", {
        "outcome": outcome,
        "query": outcome.parsed.text,
        "suggestion": suggestion,
        "related_topics": topics,
        "filter_query": _filter_query(request.GET),
    })


def _first_page(outcome):
    return outcome.page_obj is None or outcome.page_obj.number == 1


def _filter_query(params):
    """The current query string without the page number, for pagination links."""
    params = params.copy()
    params.pop("page", None)
    params.pop("format", None)
    return params.urlencode()


def _as_json(outcome, suggestion, topics):
    page_obj = outcome.page_obj
    return {
        "query": outcome.parsed.text,
        "count": outcome.total,
        "count_is_capped": outcome.capped,
        "page": page_obj.number if page_obj else 1,
        "num_pages": page_obj.paginator.num_pages if page_obj else 0,
        "results": [
            {"title": result.page.title, "url": result.url, "type": result.type_key,
             "type_label": str(result.type_label), "snippet": str(result.snippet_html),
             "score": result.score}
            for result in outcome.results
        ],
        "promotions": [
            {"title": promotion.title, "url": promotion.page.url if promotion.page
             else promotion.external_link_url, "description": promotion.description}
            for promotion in outcome.promotions
        ],
        "facets": [
            {"name": facet.name, "label": str(facet.label),
             "options": [{"value": o.value, "label": o.label, "count": o.count,
                          "selected": o.selected} for o in facet.options]}
            for facet in outcome.facets
        ],
        "notices": [str(notice) for notice in outcome.notices],
        "suggestion": suggestion,
        "related_topics": [{"value": slug, "label": name} for slug, name in topics],
    }


@require_GET
def suggest(request):
    """Autocomplete: up to eight visible pages whose titles start like the query."""
    return JsonResponse(
        {"suggestions": autocomplete(request, request.GET.get("q", ""), _language())},
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def health(request):
    """Database and search engine state for monitoring; no addresses, names or secrets."""
    state = {"database": "ok", "search": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logger.exception("Health check: the database does not answer.")
        state["database"] = "unavailable"
    backend = get_search_backend("default")
    state["search_backend"] = "cluster" if is_cluster(backend) else "database"
    if is_cluster(backend):
        try:
            if not backend.es.ping():
                state["search"] = "unavailable"
        except cluster_errors():
            logger.exception("Health check: the search cluster does not answer.")
            state["search"] = "unavailable"
    healthy = state["database"] == "ok"
    state["status"] = "ok" if healthy and state["search"] == "ok" else (
        "degraded" if healthy else "unavailable")
    response = JsonResponse(state, status=200 if healthy else 503)
    do_not_cache(response)
    return response
