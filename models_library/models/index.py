from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField

from portal.models import BasePage
from portal.page_cache import do_not_cache


class LibraryIndexPage(RoutablePageMixin, BasePage):
    """The library: lists and filters operating models and programmes below it."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    subpage_types = ["models_library.ProgrammePage", "models_library.OperatingModelPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("library index")
        verbose_name_plural = _("library indexes")

    @path("")
    def listing(self, request):
        from models_library.listing import SORTS, LibraryListing

        listing = LibraryListing(self, request.GET, request)
        page_obj = listing.results()
        response = self.render(
            request,
            context_overrides={
                "listing": listing,
                "page_obj": page_obj,
                "facets": listing.counted_facets(),
                "sorts": [(key, label) for key, (_o, label) in SORTS.items()],
            },
        )
        # Made-up filter values render a note; keep them out of the shared cache.
        return do_not_cache(response) if listing.notes else response

    @path("vertaa/", name="compare")
    def compare(self, request):
        from models_library.compare import build_comparison

        comparison, errors = build_comparison(self, request.GET.getlist("m"), request)
        response = self.render(
            request,
            template="models_library/compare.html",
            context_overrides={
                "comparison": comparison,
                "errors": errors,
                "breadcrumb_extra": [{"title": gettext("Compare operating models"), "url": ""}],
            },
        )
        return do_not_cache(response) if errors else response

    @re_path(r"^syote/(?P<kind>rss|atom)/$", name="feed")
    def feed(self, request, kind):
        from models_library.feeds import LibraryAtomFeed, LibraryRssFeed

        feed_class = LibraryAtomFeed if kind == "atom" else LibraryRssFeed
        return feed_class(self)(request)
