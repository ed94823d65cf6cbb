"""The shared page cache and HTTP caching headers for anonymous visitors.

A response is stored in the ``pages`` cache (Redis in production, a file cache
on the embedded set-up: both shared by every worker process) when all of these
hold:

* the request is a GET (HEAD is answered from the GET entry) from a visitor who
  carries no session or messages cookie: nobody signed in, no password-protected
  page unlocked, nothing said to this visitor only;
* the path is not excluded (``PAGE_CACHE_EXCLUDED_PATHS``: admin, documents, and
  whatever per-user area a feature adds) and the query string uses only known
  parameter names (``PAGE_CACHE_QUERY_PARAMS``) within ``PAGE_CACHE_MAX_QUERY_LENGTH``;
* the response is a 200, not streaming, sets no cookie (a form's CSRF token or a
  new session means per-visitor content), and did not opt out with
  ``Cache-Control: private``/``no-store``/``no-cache`` or :func:`do_not_cache`.

The key is the content generation, the language, the host (already checked
against ``ALLOWED_HOSTS``), the path and the query string sorted by name. Any
change to published content bumps the generation (see ``portal.content_signals``),
so nothing stale is ever served. The cache being unreachable only makes pages
slower: every cache operation is guarded, and after a failure the cache is
skipped for ``PAGE_CACHE_RETRY_AFTER`` seconds.

Each worker also keeps the entries it used last in its own memory
(``PAGE_CACHE_LOCAL_BYTES``, least recently used first out). That copy cannot go
stale: an entry's key holds the content generation, which every request reads from
the database, so a change makes the old keys unreachable in every process at once.

The same responses get ``Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE``, an
``ETag``, ``Last-Modified`` (when published content last changed) and
``Vary: Cookie`` (a session cookie changes the page), and conditional GETs get
a 304.

To add a page type: nothing, if it is a public page without forms. A per-user
view must either live under an excluded path, set a cookie, or call
``do_not_cache(response)`` (or use ``django.views.decorators.cache.never_cache``).
A view that reads new query parameters adds their names to ``PAGE_CACHE_QUERY_PARAMS``.
"""

import hashlib
import logging
import time
from collections import OrderedDict
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date, parse_http_date_safe

from portal.site_memo import current_request, request_generation

logger = logging.getLogger(__name__)

NO_STORE_DIRECTIVES = ("private", "no-store", "no-cache")
_down_until = 0.0


def do_not_cache(response):
    """Mark a response as per-visitor: never stored, never sent as public."""
    response.page_cache_exempt = True
    patch_cache_control(response, private=True)
    return response


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


class LocalEntries:
    """This process's most recently used entries, at most ``PAGE_CACHE_LOCAL_BYTES``
    of content, keyed like the shared cache (so with the content generation)."""

    def __init__(self):
        self._entries = OrderedDict()
        self._bytes = 0

    def get(self, key):
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, key, entry):
        limit = settings.PAGE_CACHE_LOCAL_BYTES
        size = len(entry["content"])
        if size > limit // 4 or key in self._entries:
            return
        self._entries[key] = entry
        self._bytes += size
        while self._bytes > limit:
            _key, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped["content"])

    def clear(self):
        self._entries.clear()
        self._bytes = 0


local_entries = LocalEntries()


def _stored(key):
    entry = local_entries.get(key)
    if entry is None:
        entry = _guarded(lambda: _cache().get(key))
        if entry is not None:
            local_entries.put(key, entry)
    return entry


def _guarded(operation, default=None):
    """Run a cache operation; if the cache is down, log once and skip it for a while."""
    global _down_until
    if time.monotonic() < _down_until:
        return default
    try:
        return operation()
    except Exception:  # any backend error: the page is served without the cache
        _down_until = time.monotonic() + settings.PAGE_CACHE_RETRY_AFTER
        logger.warning("Page cache unavailable; serving without it.", exc_info=True)
        return default


def normalised_query(request):
    """The query string sorted by name and value, or None if it must not be cached."""
    raw = request.META.get("QUERY_STRING", "")
    if len(raw) > settings.PAGE_CACHE_MAX_QUERY_LENGTH:
        return None
    pairs = parse_qsl(raw, keep_blank_values=True)
    allowed = settings.PAGE_CACHE_QUERY_PARAMS
    if any(name not in allowed for name, _value in pairs):
        return None
    return urlencode(sorted(pairs))


def request_is_cacheable(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if any(name in request.COOKIES for name in settings.PAGE_CACHE_BYPASS_COOKIES):
        return False
    path = request.path
    if len(path) > settings.PAGE_CACHE_MAX_PATH_LENGTH:
        return False
    return not path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))


def response_is_cacheable(response):
    if response.status_code != 200 or response.streaming:
        return False
    if getattr(response, "page_cache_exempt", False) or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(directive in cache_control for directive in NO_STORE_DIRECTIVES)


def cache_key(request, generation, query):
    language = translation.get_language() or settings.LANGUAGE_CODE
    identity = f"{request.get_host().lower()}\n{request.path}\n{query}"
    digest = hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page:{generation}:{language}:{digest}"


def add_http_caching(response, changed_at):
    patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
    patch_vary_headers(response, ("Cookie",))
    if not response.has_header("ETag"):
        set_response_etag(response)
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(changed_at.timestamp())
    return response


class PageCacheMiddleware:
    """Serve and store anonymous responses; sits after the locale middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self._respond(request)
        finally:
            current_request.reset(token)

    def _respond(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        query = normalised_query(request)
        generation, changed_at = request_generation(request)  # read once, kept for the memo
        key = None
        if query is not None and settings.PAGE_CACHE_ENABLED:
            key = cache_key(request, generation, query)
            stored = _stored(key)
            if stored is not None:
                response = HttpResponse(stored["content"], status=stored["status"])
                for name, value in stored["headers"]:
                    response[name] = value
                response["X-Page-Cache"] = "hit"
                return self._conditional(request, response)

        response = self.get_response(request)
        if not response_is_cacheable(response):
            return response
        add_http_caching(response, changed_at)
        if key is not None:
            entry = {
                "content": response.content,
                "status": response.status_code,
                "headers": [(name, value) for name, value in response.items()
                            if name.lower() not in ("set-cookie", "x-page-cache")],
            }
            _guarded(lambda: _cache().set(key, entry, settings.PAGE_CACHE_TIMEOUT))
            local_entries.put(key, entry)
            response["X-Page-Cache"] = "miss"
        return self._conditional(request, response)

    @staticmethod
    def _conditional(request, response):
        """A 304 when the visitor's copy (If-None-Match / If-Modified-Since) is current."""
        return get_conditional_response(
            request, etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
