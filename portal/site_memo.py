"""Site-wide data kept in each process, for as long as published content is unchanged.

Every page shows the same site-wide data: the site and its home page in each
language, the main menu, the footer's settings and accessibility statement, the
restricted sections, the taxonomy's names, the locales. Reading them again on
every request would cost most of a page's query budget, so they are built once
per process and kept under the content generation (see
``portal.models.content_generation``), which every change to published content,
privacy, taxonomy, settings or navigation bumps. The request reads the
generation once (the page cache middleware does it anyway), so a memo costs no
query while content is unchanged and is rebuilt on the first request after a
change, in every process alike.

    names = memo(request, ("taxonomy-names", "fi"), build_names)

Only data that is the same for every visitor may be kept (no per-user content,
no absolute addresses built from the request's host). Values are shared between
requests: treat them as read-only.
"""

from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.models import Site

_REQUEST_ATTRIBUTE = "content_generation"
# The request being served, for code that has none at hand (rich-text link handlers,
# struct values); set by the page cache middleware for the length of a request.
current_request = ContextVar("portal_current_request", default=None)
# Per-path entries (routing) are capped so made-up addresses cannot grow the memo
# without bound; beyond the cap such entries are built per request.
MAX_ENTRIES = 20_000

# (generation, values): replaced as a whole, so a thread never mixes two generations.
_current = (None, {})


def request_generation(request):
    """(value, changed_at) of the content generation, read once per request."""
    generation = getattr(request, _REQUEST_ATTRIBUTE, None)
    if generation is None:
        # Looked up by name: the portal's models import the visibility rule, which uses
        # this module (an import would close a circle).
        generation = apps.get_model("portal", "ContentGeneration").current()
        setattr(request, _REQUEST_ATTRIBUTE, generation)
    return generation


def _enabled():
    return getattr(settings, "SITE_MEMO_ENABLED", True)


def memo(request, key, build):
    """The value kept under ``key`` for the request's content generation, built by
    ``build()`` when missing. ``request`` None means the request being served; outside
    one (commands, tasks) nothing is kept."""
    if request is None:
        request = current_request.get()
    if request is None or not _enabled():
        return build()
    global _current
    generation = request_generation(request)
    kept, values = _current
    if kept != generation:
        values = {}
        _current = (generation, values)
    try:
        return values[key]
    except KeyError:
        pass
    value = build()
    if len(values) < MAX_ENTRIES:
        values[key] = value
    return value


def clear():
    """Forget everything (tests that change the database behind the signals' back)."""
    global _current
    _current = (None, {})


# -- the site and its home pages ------------------------------------------------------
def site_for_request(request):
    """Wagtail's ``Site.find_for_request``, memoised per host and port."""
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        key = ("site", request._get_raw_host(), request.get_port())

        def build():
            site = Site._find_for_request(request)
            if site is not None:
                site.root_page  # noqa: B018 -- load the root page into the kept object
            return site

        request._wagtail_site = memo(request, key, build)
    return request._wagtail_site


def homes(request, site):
    """{language code: live home page (specific)} of ``site``, and the site's root page."""

    def build():
        root = site.root_page.specific
        found = {}
        for page in (root.get_translations(inclusive=True).live()
                     .select_related("locale").specific()):
            found[page.locale.language_code] = page
        return root, found

    return memo(request, ("homes", site.pk), build)


def site_setting(request, model):
    """``model.for_request(request)`` (a site setting), memoised per site."""
    attribute = model.get_cache_attr_name()
    if not hasattr(request, attribute):
        site = site_for_request(request)
        value = memo(request, ("setting", model._meta.label, getattr(site, "pk", None)),
                     lambda: model.for_site(site))
        setattr(request, attribute, value)
    return getattr(request, attribute)


def home_for_request(request):
    """The site's home page in the active language (its root page when untranslated)."""
    site = site_for_request(request)
    if site is None:
        return None
    root, translations = homes(request, site)
    return translations.get(translation.get_language(), root)


def home_paths(request, site):
    """Tree paths of ``site``'s root page and all its translations (live or not)."""
    return memo(request, ("home-paths", site.pk), lambda: tuple(
        page.path for page in site.root_page.get_translations(inclusive=True)))


def in_homes(request, site):
    """A filter for pages below ``site``'s home page in any language."""
    below = Q()
    for path in home_paths(request, site):
        below |= Q(path__startswith=path)
    return below


def locales(request):
    """{id: Locale} of every locale (for pages read without their locale)."""
    from wagtail.models import Locale

    return memo(request, ("locales",), lambda: Locale.objects.in_bulk())


def attach_locales(request, pages):
    """Set each page's locale from the memo, so addresses and language codes cost no
    query per page."""
    found = locales(request)
    for page in pages:
        if page.locale_id in found:
            page.locale = found[page.locale_id]
    return pages
