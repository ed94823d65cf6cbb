"""What a visitor may see: live pages outside every view restriction.

The one rule for every public surface (pages, listings, filters and counts,
the API, feeds, the sitemap, the language switcher, links in blocks): a page is
visible when it is live and neither it nor any of its ancestors carries a view
restriction of any kind (login, password or groups). Public responses are
cached and shared by all visitors, so signed-in users see the same as anyone.

The restricted sections are read once per request (one query) and kept on the
request, so checking any number of related pages costs nothing more:

    rule = visibility(request)
    programme = rule.or_none(page.programme)
    cards = rule.filter(ProgrammePage.objects.all())

Only ``portal`` and Wagtail are imported here, so every app can use it.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from portal.site_memo import current_request, memo

_REQUEST_ATTRIBUTE = "_portal_visibility"


def _restricted_paths():
    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())


class Visibility:
    def __init__(self, request=None):
        self._request = request
        self._restricted = None

    @property
    def restricted_paths(self):
        """Tree paths of the pages that carry a view restriction (one query, then kept
        in the site memo until privacy or content changes)."""
        if self._restricted is None:
            self._restricted = memo(self._request, "restricted-paths", _restricted_paths)
        return self._restricted

    def is_visible(self, page):
        if page is None or not getattr(page, "live", False):
            return False
        path = page.path
        return not any(path.startswith(restricted) for restricted in self.restricted_paths)

    def or_none(self, page):
        """The page itself when it is visible, else None (for optional related pages)."""
        return page if self.is_visible(page) else None

    def only(self, pages):
        """The visible pages of an iterable, in their order."""
        return [page for page in pages if self.is_visible(page)]

    def filter(self, queryset):
        """A page queryset narrowed to visible pages, without another restriction query."""
        queryset = queryset.filter(live=True)
        hidden = Q()
        for path in self.restricted_paths:
            hidden |= Q(path__startswith=path)
        return queryset.exclude(hidden) if hidden else queryset

    def visible_ids(self, model, ids):
        """The ids among ``ids`` whose pages of ``model`` are visible (one query)."""
        ids = [pk for pk in ids if str(pk).isdigit() and len(str(pk)) < 12]
        if not ids:
            return set()
        return set(self.filter(model.objects.filter(pk__in=ids)).values_list("pk", flat=True))


def visibility(request=None):
    """The visibility rule for this request, created once and kept on the request
    (``None``: the request being served, if any)."""
    if request is None:
        request = current_request.get()
    if request is None:
        return Visibility()
    rule = getattr(request, _REQUEST_ATTRIBUTE, None)
    if rule is None:
        rule = Visibility(request)
        setattr(request, _REQUEST_ATTRIBUTE, rule)
    return rule


def is_visible(page, request=None):
    return visibility(request).is_visible(page)


def visible_pages(queryset, request=None):
    return visibility(request).filter(queryset)
